#include "image/svg_image.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include <librsvg/rsvg.h>

#include "util/shared_library.h"

namespace ks {
namespace {

// librsvg (with GIO, GdkPixbuf, libxml2 and ICU behind it) is loaded on the
// first SVG, not at start-up (util/shared_library.h); its header is
// compiled against, the library never linked. KS_RSVG_SONAME comes from
// src/CMakeLists.txt.
struct Rsvg {
    SharedLibrary lib{KS_RSVG_SONAME, "SVG images need librsvg (Debian: librsvg2-2)"};
    decltype(&rsvg_handle_new_from_data) new_from_data = KS_LIBRARY_FUNCTION(lib, rsvg_handle_new_from_data);
    decltype(&rsvg_handle_set_dpi) set_dpi = KS_LIBRARY_FUNCTION(lib, rsvg_handle_set_dpi);
    decltype(&rsvg_handle_get_intrinsic_size_in_pixels) intrinsic_size_in_pixels =
        KS_LIBRARY_FUNCTION(lib, rsvg_handle_get_intrinsic_size_in_pixels);
    decltype(&rsvg_handle_get_intrinsic_dimensions) intrinsic_dimensions =
        KS_LIBRARY_FUNCTION(lib, rsvg_handle_get_intrinsic_dimensions);
    decltype(&rsvg_handle_render_document) render_document = KS_LIBRARY_FUNCTION(lib, rsvg_handle_render_document);
};

// Loaded once, on first use, by whichever thread comes first (a throw
// leaves it unloaded, for the next call to try again).
const Rsvg& rsvg() {
    static const Rsvg api;
    return api;
}

// The document's size when width/height are given in absolute units (CSS
// px at 96 dpi), else the viewBox's.
bool intrinsic_size(RsvgHandle* handle, double& w, double& h) {
    rsvg().set_dpi(handle, 96);
    if (rsvg().intrinsic_size_in_pixels(handle, &w, &h)) return true;
    gboolean has_w = FALSE, has_h = FALSE, has_viewbox = FALSE;
    RsvgLength lw{}, lh{};
    RsvgRectangle viewbox{};
    rsvg().intrinsic_dimensions(handle, &has_w, &lw, &has_h, &lh, &has_viewbox, &viewbox);
    if (!has_viewbox) return false;
    w = viewbox.width;
    h = viewbox.height;
    return true;
}

}  // namespace

std::unique_ptr<SvgImage> SvgImage::parse(const std::string& bytes, std::string& problem) {
    const Rsvg* api = nullptr;
    try {
        api = &rsvg();
    } catch (const std::exception& e) {
        problem = e.what();
        return nullptr;
    }
    GError* error = nullptr;
    RsvgHandle* handle = api->new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &error);
    if (!handle) {
        problem = std::string("SVG does not parse: ") + (error && error->message ? error->message : "unknown error");
        if (error) g_error_free(error);
        return nullptr;
    }
    std::unique_ptr<SvgImage> svg(new SvgImage());
    svg->handle_ = handle;
    double w = 0, h = 0;
    if (!intrinsic_size(handle, w, h)) {
        problem = "SVG has no size: give the <svg> element width and height in px, pt, mm or cm, or a viewBox";
        return nullptr;
    }
    if (!(w > 0) || !(h > 0) || !std::isfinite(w) || !std::isfinite(h)) {
        problem = "SVG has a zero size (" + std::to_string(w) + " x " + std::to_string(h) + " px)";
        return nullptr;
    }
    svg->width_ = w;
    svg->height_ = h;
    return svg;
}

SvgImage::~SvgImage() {
    if (handle_) g_object_unref(handle_);
}

std::size_t count_svg_elements(const std::string& bytes) {
    std::size_t count = 0;
    for (std::size_t i = bytes.find('<'); i != std::string::npos && i + 1 < bytes.size(); i = bytes.find('<', i + 1)) {
        const unsigned char next = static_cast<unsigned char>(bytes[i + 1]);
        if (std::isalpha(next) || next == '_' || next >= 0x80) ++count;
    }
    return count;
}

namespace {

// Cairo's premultiplied ARGB32 as plain RGBA.
RgbaImage unpremultiply(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    return rgba_from_premultiplied_argb(cairo_image_surface_get_data(surface), cairo_image_surface_get_stride(surface),
                                        cairo_image_surface_get_width(surface),
                                        cairo_image_surface_get_height(surface));
}

}  // namespace

std::optional<CheckedSvg> load_svg(const std::string& bytes, PixelBound bound, std::string& problem) {
    const bool gzipped = bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b';
    if (std::size_t n = gzipped ? 0 : count_svg_elements(bytes); n > kMaxSvgElements) {
        problem = "the SVG has " + std::to_string(n) + " elements, more than the limit of " +
                  std::to_string(kMaxSvgElements) + "; simplify it (merge paths, drop hidden layers) or export it "
                  "as a PNG";
        return std::nullopt;
    }
    const auto start = std::chrono::steady_clock::now();
    std::shared_ptr<const SvgImage> svg = SvgImage::parse(bytes, problem);
    if (!svg) return std::nullopt;
    const double s = std::min(bound.width / svg->width(), bound.height / svg->height());
    const int w = std::max(1, static_cast<int>(std::lround(svg->width() * s)));
    const int h = std::max(1, static_cast<int>(std::lround(svg->height() * s)));
    UniqueCPtr<cairo_surface_t, cairo_surface_destroy> surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    UniqueCPtr<cairo_t, cairo_destroy> cr(cairo_create(surface.get()));
    if (!svg->render(cr.get(), 0, 0, w, h)) {
        problem = "librsvg cannot draw the SVG";
        return std::nullopt;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds > kMaxSvgSeconds) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.1f s", seconds);
        problem = std::string("the SVG took ") + buf + " to draw, more than the limit of " +
                  std::to_string(int(kMaxSvgSeconds)) + " s; simplify it (fewer elements, filters and "
                  "gradients) or export it as a PNG";
        return std::nullopt;
    }
    return CheckedSvg{std::move(svg), unpremultiply(surface.get())};
}

bool SvgImage::render(cairo_t* cr, double x, double y, double w, double h) const {
    std::lock_guard lock(mutex_);
    RsvgRectangle viewport{x, y, w, h};
    GError* error = nullptr;
    bool ok = rsvg().render_document(handle_, cr, &viewport, &error);
    if (error) g_error_free(error);
    return ok;
}

}  // namespace ks
