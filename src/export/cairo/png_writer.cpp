#include "export/cairo/png_writer.h"

#include <cstdio>
#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

#include <zlib.h>

#include "export/cairo/fast_deflate.h"
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

// One row's filtered scanline: filter type 1 (Sub) on RGB bytes.
void filter_row(const std::uint32_t* src, int w, unsigned char* dst) {
    dst[0] = 1;
    unsigned char pr = 0, pg = 0, pb = 0;
    std::uint32_t prev = 0;  // the previous pixel's RGB (the x byte is undefined)
    for (int x = 0; x < w;) {
        std::uint32_t p = src[x] & 0xFFFFFFu;  // xRGB in native endianness
        if (p == prev && x > 0) {
            // Slides are mostly flat: a run of equal pixels filters to zeros.
            int end = x + 1;
            while (end < w && (src[end] & 0xFFFFFFu) == prev) ++end;
            std::memset(dst + 1 + 3 * static_cast<std::size_t>(x), 0, 3 * static_cast<std::size_t>(end - x));
            x = end;
            continue;
        }
        unsigned char r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
        dst[1 + 3 * x] = static_cast<unsigned char>(r - pr);
        dst[2 + 3 * x] = static_cast<unsigned char>(g - pg);
        dst[3 + 3 * x] = static_cast<unsigned char>(b - pb);
        pr = r, pg = g, pb = b;
        prev = p;
        ++x;
    }
}

// The IDAT stream: rows are filtered a few at a time into a buffer that
// stays in the cache (about 64 KB) and compressed from there, with enough
// rows beyond them for the compressor's look-ahead; the same bytes as
// filtering the whole image first.
std::vector<unsigned char> filter_and_compress(const unsigned char* pixels, int w, int h, int stride,
                                               std::size_t row_bytes) {
    const std::size_t raw_size = row_bytes * static_cast<std::size_t>(h);
    const std::size_t batch = std::max<std::size_t>(1, (64 << 10) / row_bytes);  // rows compressed per step
    const std::size_t ahead = (258 + row_bytes - 1) / row_bytes;                // rows a match may reach into
    std::unique_ptr<unsigned char[]> buffer(new unsigned char[(batch + ahead) * row_bytes]);
    RunDeflater deflater(raw_size);
    const auto rows = static_cast<std::size_t>(h);
    std::size_t first = 0, filled = 0, pos = 0;  // the buffer holds rows [first, first + filled)
    while (pos < raw_size) {
        const std::size_t limit_row = std::min(rows, first + batch);
        for (const std::size_t want = std::min(rows, limit_row + ahead); first + filled < want; ++filled)
            filter_row(reinterpret_cast<const std::uint32_t*>(pixels + (first + filled) * static_cast<std::size_t>(stride)),
                       w, buffer.get() + filled * row_bytes);
        deflater.feed(buffer.get(), first * row_bytes, limit_row * row_bytes, &pos);
        const std::size_t keep_from = std::min(pos / row_bytes, first + filled);  // rows the next step reads
        std::memmove(buffer.get(), buffer.get() + (keep_from - first) * row_bytes, (first + filled - keep_from) * row_bytes);
        filled -= keep_from - first;
        first = keep_from;
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
