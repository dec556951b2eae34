#include <gtest/gtest.h>

#include <cairo.h>
#include <filesystem>

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

// Rows are filtered and compressed a few at a time: images narrower than a
// match (a run reaching several rows on), a flat colour whose filtered bytes
// run on across row ends (RGB 1,1,1 after the Sub filter's type byte 1), and
// images of many batches all decode exactly.
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
