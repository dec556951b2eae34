#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace ks {

struct PixelSize {
    int width = 0, height = 0;
};

// Default limit on an image's pixels (width x height), checked from the
// header before anything is allocated; --max-image-pixels changes it.
constexpr std::uint64_t kDefaultMaxImagePixels = 50'000'000;

// Reads a PNG's size from its header; nullopt when the file is not a
// readable regular PNG file.
std::optional<PixelSize> probe_png(const std::string& path);

struct PngCheck {
    std::optional<PixelSize> size;  // set when the image is usable
    std::string problem;            // else what is wrong, for a message
};

// Decodes the whole PNG row by row (memory: one row) to prove it is usable:
// a regular file, a PNG, within `max_pixels`, and its data not corrupt.
PngCheck check_png(const std::string& path, std::uint64_t max_pixels = kDefaultMaxImagePixels);

}  // namespace ks
