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
#include "util/scratch_buffer.h"

namespace ks {
namespace {

void put32(unsigned char* out, std::uint32_t v) {
    out[0] = static_cast<unsigned char>(v >> 24);
    out[1] = static_cast<unsigned char>(v >> 16);
    out[2] = static_cast<unsigned char>(v >> 8);
    out[3] = static_cast<unsigned char>(v);
}

constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
constexpr std::size_t kIhdrChunk = 4 + 4 + 13 + 4;
// Before the IDAT data: signature, IHDR chunk, IDAT length and type. After
// it: IDAT's CRC and the IEND chunk.
constexpr std::size_t kHead = sizeof kSignature + kIhdrChunk + 8;
constexpr std::size_t kTail = 4 + 12;

// Length, type, data and CRC of one chunk at `out` (data already in place
// after the 8 bytes of length and type); returns the end.
unsigned char* seal_chunk(unsigned char* out, const char* type, std::size_t size) {
    put32(out, static_cast<std::uint32_t>(size));
    std::memcpy(out + 4, type, 4);
    put32(out + 8 + size, static_cast<std::uint32_t>(crc32(0, out + 4, static_cast<uInt>(size + 4))));
    return out + 8 + size + 4;
}

// The IDAT stream, a row at a time, into `out` (RunDeflater::bound bytes).
// Most rows of a slide repeat the row above (margins, gaps between lines):
// those take PNG's Up filter, which makes them all zeros, compressed without
// being written out. The others take the Sub filter into one row buffer that
// stays in the cache.
std::size_t filter_and_compress(const unsigned char* pixels, int w, int h, int stride, std::size_t row_bytes,
                                unsigned char* out, std::size_t capacity) {
    const std::size_t size = row_bytes * static_cast<std::size_t>(h);
    RunDeflater deflater(out, capacity, size);
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
    return deflater.finish_in_place().size();
}

}  // namespace

void write_png_rgb(cairo_surface_t* surface, const std::string& path) {
    cairo_surface_flush(surface);
    const int w = cairo_image_surface_get_width(surface);
    const int h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const std::size_t row_bytes = static_cast<std::size_t>(w) * 3 + 1;
    // The whole file in one buffer this thread keeps: the stream is written
    // in place between the head and the tail, then the file in one write.
    const std::size_t bound = RunDeflater::bound(row_bytes * static_cast<std::size_t>(h));
    thread_local ScratchBuffer scratch;
    unsigned char* png = scratch.get(kHead + bound + kTail);
    const std::size_t z_size = filter_and_compress(data, w, h, stride, row_bytes, png + kHead, bound);

    std::memcpy(png, kSignature, sizeof kSignature);
    unsigned char* ihdr = png + sizeof kSignature + 8;
    put32(ihdr, static_cast<std::uint32_t>(w));
    put32(ihdr + 4, static_cast<std::uint32_t>(h));
    ihdr[8] = 8;   // bit depth
    ihdr[9] = 2;   // colour type: RGB
    ihdr[10] = 0;  // deflate
    ihdr[11] = 0;  // adaptive filtering (per-row filter bytes)
    ihdr[12] = 0;  // no interlace
    unsigned char* at = seal_chunk(png + sizeof kSignature, "IHDR", 13);
    at = seal_chunk(at, "IDAT", z_size);
    at = seal_chunk(at, "IEND", 0);

    OutputFile file(path);  // once, never through a link; errors say why (ENOSPC)
    file.write(png, static_cast<std::size_t>(at - png));
    file.close();
}

}  // namespace ks
