#pragma once
// PNG through libpng, decoded from memory row by row and reduced as the rows
// stream (image/rgba_image.h), so a 49-megapixel file never needs a
// full-size buffer.
#include <cstdint>
#include <optional>
#include <string>

#include "image/rgba_image.h"

namespace ks {

// nullopt with `problem` set ("PNG data is truncated", "PNG data is corrupt: …").
std::optional<RgbaImage> decode_png(const std::string& bytes, PixelBound bound, std::string& problem);

}  // namespace ks
