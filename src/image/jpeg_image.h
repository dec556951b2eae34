#pragma once
// JPEG through libjpeg-turbo's TurboJPEG API.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "image/rgba_image.h"

namespace ks {

struct JpegHeader {
    int width = 0, height = 0;
    bool gray = false;
};

// The header's size; nullopt with `problem` set when it is not readable.
std::optional<JpegHeader> read_jpeg_header(const std::string& bytes, std::string& problem);

constexpr std::uint64_t kNoPixelLimit = ~std::uint64_t{0};

struct RgbPixels {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;  // width*height*3, top row first
};

// Decodes the whole image to 8-bit RGB; nullopt with `problem` set ("JPEG data
// is truncated", "JPEG data is corrupt: …", over the pixel budget).
// Exporters pass kNoPixelLimit: the outline loader has applied the budget.
std::optional<RgbPixels> decode_jpeg(const std::string& bytes, std::uint64_t max_pixels, std::string& problem);

// Decodes to RGBA at the smallest libjpeg-turbo scale (1/8 … 1) that still
// covers `bound`, so a large photo is never decoded at full size.
std::optional<RgbaImage> decode_jpeg_scaled(const std::string& bytes, PixelBound bound, std::string& problem);

}  // namespace ks
