#include <gtest/gtest.h>

#include <cairo.h>
#include <filesystem>

#include "export/cairo/png_writer.h"
#include "util/c_handle.h"

using namespace ks;
using SurfacePtr = UniqueCPtr<cairo_surface_t, cairo_surface_destroy>;
using ContextPtr = UniqueCPtr<cairo_t, cairo_destroy>;

// What the writer encodes, libpng (through Cairo's reader) decodes exactly.
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
    auto path = std::filesystem::temp_directory_path() / ("ks-png-" + std::to_string(::getpid()) + ".png");
    write_png_rgb(surface.get(), path.string());
    SurfacePtr decoded(cairo_image_surface_create_from_png(path.c_str()));
    std::filesystem::remove(path);
    ASSERT_EQ(cairo_surface_status(decoded.get()), CAIRO_STATUS_SUCCESS);
    ASSERT_EQ(cairo_image_surface_get_width(decoded.get()), 301);
    ASSERT_EQ(cairo_image_surface_get_height(decoded.get()), 97);
    cairo_surface_flush(surface.get());
    const auto* a = cairo_image_surface_get_data(surface.get());
    const auto* b = cairo_image_surface_get_data(decoded.get());
    int sa = cairo_image_surface_get_stride(surface.get()), sb = cairo_image_surface_get_stride(decoded.get());
    int mismatches = 0;
    for (int y = 0; y < 97; ++y)
        for (int x = 0; x < 301; ++x) {
            auto pa = reinterpret_cast<const std::uint32_t*>(a + y * sa)[x] & 0xFFFFFF;
            auto pb = reinterpret_cast<const std::uint32_t*>(b + y * sb)[x] & 0xFFFFFF;
            mismatches += pa != pb;
        }
    EXPECT_EQ(mismatches, 0);
}
