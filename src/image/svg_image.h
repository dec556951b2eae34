#pragma once
// SVG through librsvg: parsed once, drawn as vectors into any Cairo context.
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <cairo.h>

#include "util/c_handle.h"

typedef struct _RsvgHandle RsvgHandle;

namespace ks {

class SvgImage {
public:
    // Parses `bytes`; nullptr with `problem` set ("SVG does not parse: …",
    // "SVG has no size …").
    static std::unique_ptr<SvgImage> parse(const std::string& bytes, std::string& problem);
    ~SvgImage();

    double width() const { return width_; }  // intrinsic size, CSS pixels
    double height() const { return height_; }

    // Draws the whole document scaled into the rectangle (x, y, w, h) of `cr`.
    // librsvg handles are not for concurrent use: calls are serialised.
    bool render(cairo_t* cr, double x, double y, double w, double h) const;

private:
    SvgImage() = default;
    RsvgHandle* handle_ = nullptr;
    double width_ = 0, height_ = 0;
    mutable std::mutex mutex_;
};

}  // namespace ks
