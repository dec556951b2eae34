#include "export/pptx/media.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <cairo.h>

#include "image/image_file.h"
#include "image/svg_image.h"
#include "util/c_handle.h"
#include "util/read_file.h"

namespace ks::pptx {
namespace {

using Surface = UniqueCPtr<cairo_surface_t, cairo_surface_destroy>;
using Context = UniqueCPtr<cairo_t, cairo_destroy>;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// The SVG drawn into a PNG at two pixels a point of the size it is shown at.
std::string svg_fallback_png(const std::string& bytes, const std::string& path, double w, double h) {
    std::string problem;
    auto svg = SvgImage::parse(bytes, problem);
    if (!svg) throw std::runtime_error("cannot read image " + path + ": " + problem);
    const int pw = std::clamp(static_cast<int>(std::ceil(w * 2)), 1, 4000);
    const int ph = std::clamp(static_cast<int>(std::ceil(h * 2)), 1, 4000);
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph));
    Context cr(cairo_create(surface.get()));
    svg->render(cr.get(), 0, 0, pw, ph);
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

const MediaRef& MediaStore::add(const std::string& path, ImageFormat format, double w, double h) {
    if (auto it = by_path_.find(path); it != by_path_.end()) return it->second;
    std::string why;
    auto bytes = read_file(path, &why);
    if (!bytes) throw std::runtime_error("cannot read image " + path + ": " + why);
    if (format == ImageFormat::Unknown) format = sniff_image_format(*bytes);
    MediaRef ref;
    switch (format) {
        case ImageFormat::Png:
            package_.add_default("png", "image/png");
            ref.picture = add_part(std::move(*bytes), "png", false);
            break;
        case ImageFormat::Jpeg:
            package_.add_default("jpeg", "image/jpeg");
            ref.picture = add_part(std::move(*bytes), "jpeg", false);
            break;
        case ImageFormat::Svg: {
            package_.add_default("png", "image/png");
            package_.add_default("svg", "image/svg+xml");
            std::string png = svg_fallback_png(*bytes, path, w, h);
            ref.picture = add_part(std::move(png), "png", false);
            ref.svg = add_part(std::move(*bytes), "svg", true);
            break;
        }
        default: throw std::runtime_error("cannot read image " + path + ": not a PNG, JPEG or SVG file");
    }
    return by_path_[path] = std::move(ref);
}

}  // namespace ks::pptx
