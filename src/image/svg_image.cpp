#include "image/svg_image.h"

#include <cmath>

#include <librsvg/rsvg.h>

namespace ks {
namespace {

// The document's size when width/height are given in absolute units (CSS
// px at 96 dpi), else the viewBox's.
bool intrinsic_size(RsvgHandle* handle, double& w, double& h) {
    rsvg_handle_set_dpi(handle, 96);
    if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h)) return true;
    gboolean has_w = FALSE, has_h = FALSE, has_viewbox = FALSE;
    RsvgLength lw{}, lh{};
    RsvgRectangle viewbox{};
    rsvg_handle_get_intrinsic_dimensions(handle, &has_w, &lw, &has_h, &lh, &has_viewbox, &viewbox);
    if (!has_viewbox) return false;
    w = viewbox.width;
    h = viewbox.height;
    return true;
}

}  // namespace

std::unique_ptr<SvgImage> SvgImage::parse(const std::string& bytes, std::string& problem) {
    GError* error = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &error);
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

bool SvgImage::render(cairo_t* cr, double x, double y, double w, double h) const {
    std::lock_guard lock(mutex_);
    RsvgRectangle viewport{x, y, w, h};
    GError* error = nullptr;
    bool ok = rsvg_handle_render_document(handle_, cr, &viewport, &error);
    if (error) g_error_free(error);
    return ok;
}

}  // namespace ks
