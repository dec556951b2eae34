#include "export/pptx/media.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <cairo.h>

#include "image/image_store.h"
#include "image/svg_image.h"
#include "util/c_handle.h"

namespace ks::pptx {
namespace {

using Surface = UniqueCPtr<cairo_surface_t, cairo_surface_destroy>;
using Context = UniqueCPtr<cairo_t, cairo_destroy>;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// The SVG (parsed once, by the image service) drawn into a PNG at two pixels
// a point of the size it is shown at.
std::string svg_fallback_png(const SvgImage& svg, const std::string& path, double w, double h) {
    const int pw = std::clamp(static_cast<int>(std::ceil(w * 2)), 1, 4000);
    const int ph = std::clamp(static_cast<int>(std::ceil(h * 2)), 1, 4000);
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph));
    Context cr(cairo_create(surface.get()));
    svg.render(cr.get(), 0, 0, pw, ph);
    cairo_surface_flush(surface.get());
    std::string png;
    if (cairo_surface_write_to_png_stream(surface.get(), append_bytes, &png) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot render image " + path + " as PNG");
    return png;
}

}  // namespace

std::string MediaStore::add_part(std::string bytes, const char* extension, bool compress) {
    std::string name = "media/image" + std::to_string(++count_) + "." + extension;
    package_.add("ppt/" + name, std::move(bytes), "", compress);
    return name;
}

// The file's bytes come from the image service (image/image_store.h), which
// read it once for the whole build; the SVG is the one it parsed.
const MediaRef& MediaStore::add(const std::string& path, ImageFormat format, double w, double h) {
    if (auto it = by_path_.find(path); it != by_path_.end()) return it->second;
    std::string why;
    const auto image = ImageStore::shared().get_with_bytes(path, why);
    if (!image) throw std::runtime_error("cannot read image " + path + ": " + why);
    if (format == ImageFormat::Unknown) format = image->format;
    MediaRef ref;
    switch (format) {
        case ImageFormat::Png:
            package_.add_default("png", "image/png");
            ref.picture = add_part(image->file_bytes, "png", false);
            break;
        case ImageFormat::Jpeg:
            package_.add_default("jpeg", "image/jpeg");
            ref.picture = add_part(image->jpeg, "jpeg", false);
            break;
        case ImageFormat::Svg: {
            if (!image->svg) throw std::runtime_error("cannot read image " + path + ": the SVG was not parsed");
            package_.add_default("png", "image/png");
            package_.add_default("svg", "image/svg+xml");
            ref.picture = add_part(svg_fallback_png(*image->svg, path, w, h), "png", false);
            ref.svg = add_part(image->file_bytes, "svg", true);
            break;
        }
        default: throw std::runtime_error("cannot read image " + path + ": not a PNG, JPEG or SVG file");
    }
    return by_path_[path] = std::move(ref);
}

}  // namespace ks::pptx
