#pragma once
// What an image file is and whether it can be used: its format from its
// first bytes, its size, and (check_image) a full decode, so a broken file is
// reported with the outline position before anything is drawn.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/image_format.h"

namespace ks {

// Largest image (width x height pixels) decoded; checked from the header
// before anything is allocated.
constexpr std::uint64_t kImagePixelBudget = 50'000'000;

struct ImageInfo {
    ImageFormat format = ImageFormat::Unknown;
    double width = 0, height = 0;  // pixels (an SVG's intrinsic size in CSS px may be fractional)
};

struct ImageCheck {
    std::optional<ImageInfo> info;  // set when the image is usable
    std::string problem;            // else what is wrong, for a message
};

// The format the first bytes say; Unknown when they are none we read.
ImageFormat sniff_image_format(std::string_view head);

// "not a PNG, JPEG or SVG file (starts with bytes 47 49 46 38: a GIF)".
std::string unknown_format_problem(std::string_view head);

// Format and size from the header only (cheap; for layout). nullopt when the
// file cannot be read or is no image we know.
std::optional<ImageInfo> probe_image(const std::string& path);

// "the image is 8000x7000 (56 megapixels), more than the limit of 50 megapixels".
std::string over_pixel_limit(double width, double height, std::uint64_t max_pixels);

// Reads and decodes the whole file to prove it usable, through the image
// service (image/image_store.h): the file is read once per build.
ImageCheck check_image(const std::string& path, std::uint64_t max_pixels = kImagePixelBudget);
// The same for bytes already read.
ImageCheck check_image_bytes(const std::string& bytes, std::uint64_t max_pixels = kImagePixelBudget);

}  // namespace ks
