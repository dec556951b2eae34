#include "layout/image_probe.h"

#include <cstring>
#include <fstream>

namespace ks {

std::optional<PixelSize> probe_png(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char header[24];
    if (!in.read(reinterpret_cast<char*>(header), sizeof header)) return std::nullopt;
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (std::memcmp(header, signature, 8) != 0 || std::memcmp(header + 12, "IHDR", 4) != 0) return std::nullopt;
    auto be32 = [&](int at) {
        return (header[at] << 24) | (header[at + 1] << 16) | (header[at + 2] << 8) | header[at + 3];
    };
    PixelSize size{be32(16), be32(20)};
    if (size.width <= 0 || size.height <= 0) return std::nullopt;
    return size;
}

}  // namespace ks
