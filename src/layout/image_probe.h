#pragma once
#include <optional>
#include <string>

namespace ks {

struct PixelSize {
    int width = 0, height = 0;
};

// Reads a PNG's size from its header; nullopt when the file is not a readable PNG.
std::optional<PixelSize> probe_png(const std::string& path);

}  // namespace ks
