#pragma once
// SVG through librsvg: parsed once, drawn as vectors into any Cairo context.
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <cairo.h>

#include "image/rgba_image.h"
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

// Limits on what an SVG may cost, checked before and while it is drawn.
constexpr std::size_t kMaxSvgElements = 100'000;
constexpr double kMaxSvgSeconds = 5;

// The number of elements (start tags) in uncompressed SVG text.
std::size_t count_svg_elements(const std::string& bytes);

// An SVG as the image service keeps it: parsed once (Cairo draws it as
// vectors) and rasterised once to fit `bound` (aspect kept) for exporters
// that take pixels. Both checked against the limits; nullptr with `problem`
// set, worded to say how to fix the file.
struct CheckedSvg {
    std::shared_ptr<const SvgImage> svg;
    RgbaImage raster;
};
std::optional<CheckedSvg> load_svg(const std::string& bytes, PixelBound bound, std::string& problem);

}  // namespace ks
