#include "export/cairo/png_writer.h"

#include <cstdio>
#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

#include <zlib.h>

#include "export/cairo/fast_deflate.h"
#include "export/cairo/png_filter.h"
#include "util/output_file.h"

namespace ks {
namespace {

void put32(std::vector<unsigned char>& out, std::uint32_t v) {
    out.push_back(static_cast<unsigned char>(v >> 24));
    out.push_back(static_cast<unsigned char>(v >> 16));
    out.push_back(static_cast<unsigned char>(v >> 8));
    out.push_back(static_cast<unsigned char>(v));
}

// Appends one PNG chunk: length, type, data, CRC over type and data.
void chunk(std::vector<unsigned char>& out, const char* type, const unsigned char* data, std::size_t size) {
    put32(out, static_cast<std::uint32_t>(size));
    std::size_t type_at = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data, data + size);
    put32(out, static_cast<std::uint32_t>(crc32(0, out.data() + type_at, static_cast<uInt>(size + 4))));
}

// The IDAT stream, a row at a time. Most rows of a slide repeat the row
// above (margins, gaps between lines): those take PNG's Up filter, which
// makes them all zeros, compressed without being written out. The others
// take the Sub filter into one row buffer that stays in the cache.
std::vector<unsigned char> filter_and_compress(const unsigned char* pixels, int w, int h, int stride,
                                               std::size_t row_bytes) {
    RunDeflater deflater(row_bytes * static_cast<std::size_t>(h));
    std::unique_ptr<unsigned char[]> row(new unsigned char[row_bytes + kSubFilterSlack]);
    const std::uint32_t* above = nullptr;
    for (int y = 0; y < h; ++y) {
        const auto* src = reinterpret_cast<const std::uint32_t*>(pixels + static_cast<std::size_t>(y) * stride);
        if (above && same_rgb_row(src, above, w)) {
            const unsigned char up = 2;
            deflater.feed(&up, 1);
            deflater.repeat(0, row_bytes - 1);
        } else {
            sub_filter_row(src, w, row.get());
            deflater.feed(row.get(), row_bytes);
        }
        above = src;
    }
    return deflater.finish();
}

}  // namespace

void write_png_rgb(cairo_surface_t* surface, const std::string& path) {
    cairo_surface_flush(surface);
    const int w = cairo_image_surface_get_width(surface);
    const int h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const std::size_t row_bytes = static_cast<std::size_t>(w) * 3 + 1;
    std::vector<unsigned char> z = filter_and_compress(data, w, h, stride, row_bytes);
    const std::size_t z_size = z.size();

    std::vector<unsigned char> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    png.reserve(z_size + 64);
    unsigned char ihdr[13];
    for (int i = 0; i < 4; ++i) ihdr[i] = static_cast<unsigned char>(static_cast<std::uint32_t>(w) >> (24 - 8 * i));
    for (int i = 0; i < 4; ++i) ihdr[4 + i] = static_cast<unsigned char>(static_cast<std::uint32_t>(h) >> (24 - 8 * i));
    ihdr[8] = 8;   // bit depth
    ihdr[9] = 2;   // colour type: RGB
    ihdr[10] = 0;  // deflate
    ihdr[11] = 0;  // adaptive filtering (per-row filter bytes)
    ihdr[12] = 0;  // no interlace
    chunk(png, "IHDR", ihdr, sizeof ihdr);
    chunk(png, "IDAT", z.data(), z_size);
    chunk(png, "IEND", nullptr, 0);

    OutputFile file(path);  // once, never through a link; errors say why (ENOSPC)
    file.write(png.data(), png.size());
    file.close();
}

}  // namespace ks
