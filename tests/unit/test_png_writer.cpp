#include <gtest/gtest.h>

#include <cairo.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "export/cairo/png_writer.h"
#include "util/c_handle.h"

using namespace ks;
using SurfacePtr = UniqueCPtr<cairo_surface_t, cairo_surface_destroy>;
using ContextPtr = UniqueCPtr<cairo_t, cairo_destroy>;

namespace {

// Encodes `surface`, decodes it with libpng (through Cairo's reader) and
// counts the pixels that differ.
int round_trip_mismatches(cairo_surface_t* surface) {
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    auto path = std::filesystem::temp_directory_path() / ("ks-png-" + std::to_string(::getpid()) + ".png");
    write_png_rgb(surface, path.string());
    SurfacePtr decoded(cairo_image_surface_create_from_png(path.c_str()));
    std::filesystem::remove(path);
    EXPECT_EQ(cairo_surface_status(decoded.get()), CAIRO_STATUS_SUCCESS);
    if (cairo_image_surface_get_width(decoded.get()) != w || cairo_image_surface_get_height(decoded.get()) != h) return -1;
    cairo_surface_flush(surface);
    const auto* a = cairo_image_surface_get_data(surface);
    const auto* b = cairo_image_surface_get_data(decoded.get());
    int sa = cairo_image_surface_get_stride(surface), sb = cairo_image_surface_get_stride(decoded.get());
    int mismatches = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            auto pa = reinterpret_cast<const std::uint32_t*>(a + y * sa)[x] & 0xFFFFFF;
            auto pb = reinterpret_cast<const std::uint32_t*>(b + y * sb)[x] & 0xFFFFFF;
            mismatches += pa != pb;
        }
    return mismatches;
}

// The filter type byte of each row of the PNG the writer makes of `surface`.
std::vector<int> row_filters(cairo_surface_t* surface) {
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    auto path = std::filesystem::temp_directory_path() / ("ks-png-f-" + std::to_string(::getpid()) + ".png");
    write_png_rgb(surface, path.string());
    std::ifstream in(path, std::ios::binary);
    std::vector<unsigned char> png((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    std::vector<unsigned char> idat;
    for (std::size_t at = 8; at + 12 <= png.size();) {
        const std::size_t n = (std::size_t(png[at]) << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
        if (std::memcmp(&png[at + 4], "IDAT", 4) == 0) idat.insert(idat.end(), &png[at + 8], &png[at + 8] + n);
        at += 12 + n;
    }
    const std::size_t row = 3 * static_cast<std::size_t>(w) + 1;
    std::vector<unsigned char> raw(row * h);
    uLongf size = static_cast<uLongf>(raw.size());
    EXPECT_EQ(uncompress(raw.data(), &size, idat.data(), static_cast<uLong>(idat.size())), Z_OK);
    std::vector<int> filters;
    for (int y = 0; y < h; ++y) filters.push_back(raw[y * row]);
    return filters;
}

}  // namespace

// What the writer encodes, libpng decodes exactly.
TEST(PngWriter, DecodesToTheSamePixels) {
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 301, 97));
    {
        ContextPtr cr(cairo_create(surface.get()));
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_pattern_t* gradient = cairo_pattern_create_linear(0, 0, 301, 0);
        cairo_pattern_add_color_stop_rgb(gradient, 0, 0.1, 0.2, 0.6);
        cairo_pattern_add_color_stop_rgb(gradient, 1, 0.9, 0.5, 0.1);
        cairo_set_source(cr.get(), gradient);
        cairo_arc(cr.get(), 150, 48, 40, 0, 6.283);
        cairo_fill(cr.get());
        cairo_pattern_destroy(gradient);
        cairo_set_source_rgb(cr.get(), 0.12, 0.23, 0.37);
        cairo_rectangle(cr.get(), 0, 0, 301, 6);
        cairo_fill(cr.get());
    }
    EXPECT_EQ(round_trip_mismatches(surface.get()), 0);
}

// Rows are filtered and compressed one at a time, unchanged rows under the
// Up filter: images narrower than a match, a flat colour whose filtered
// bytes equal the Sub filter's type byte 1 (RGB 1,1,1), and a full slide
// all decode exactly.
TEST(PngWriter, RowBatchesDecodeExactly) {
    for (auto [w, h] : {std::pair{1, 700}, std::pair{20, 300}, std::pair{85, 40}, std::pair{86, 40}, std::pair{1920, 1080}}) {
        SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
        {
            ContextPtr cr(cairo_create(surface.get()));
            cairo_set_source_rgb(cr.get(), 1 / 255.0, 1 / 255.0, 1 / 255.0);
            cairo_paint(cr.get());
            cairo_set_source_rgb(cr.get(), 0.8, 0.1, 0.3);
            cairo_arc(cr.get(), w / 2.0, h / 2.0, h / 5.0, 0, 6.283);
            cairo_fill(cr.get());
        }
        EXPECT_EQ(round_trip_mismatches(surface.get()), 0) << w << "x" << h;
    }
}

// The x byte of an RGB24 pixel is undefined: rows that differ only there are
// the same row (Up filter), and rows that differ in one colour are not.
TEST(PngWriter, RowsThatDifferOnlyInTheUnusedByteAreTheSame) {
    const int w = 64, h = 8, stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(stride) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint32_t p = 0x00336699u | (static_cast<std::uint32_t>(y * 31 + x) << 24);  // x byte varies
            if (y == 5 && x == 40) p ^= 0x000100u;  // one green step in one row
            std::memcpy(&pixels[static_cast<std::size_t>(y) * stride + 4 * x], &p, 4);
        }
    SurfacePtr surface(cairo_image_surface_create_for_data(pixels.data(), CAIRO_FORMAT_RGB24, w, h, stride));
    EXPECT_EQ(round_trip_mismatches(surface.get()), 0);
    // Sub for the first row, Up (all zeros) for unchanged rows, Sub for row 5
    // and for row 6, which differs from row 5.
    EXPECT_EQ(row_filters(surface.get()), (std::vector<int>{1, 2, 2, 2, 2, 1, 1, 2}));
}
