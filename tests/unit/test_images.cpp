#include <gtest/gtest.h>

#include <cairo.h>
#include <filesystem>

#include "image/image_file.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "test_support.h"

using namespace ks;

namespace {

std::string make_png(int w, int h) {
    auto path = std::filesystem::temp_directory_path() / ("ks-test-" + std::to_string(w) + "x" + std::to_string(h) + ".png");
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_surface_write_to_png(s, path.c_str());
    cairo_surface_destroy(s);
    return path.string();
}

const LayoutSet& layouts() {
    static LayoutSet set = [] {
        Diagnostics d;
        return *load_layout_set(test::source_path("layouts/briefing.xml"), d);
    }();
    return set;
}

}  // namespace

TEST(Images, ProbeReadsPngSize) {
    auto size = probe_image(make_png(40, 30));
    ASSERT_TRUE(size);
    EXPECT_EQ(size->format, ImageFormat::Png);
    EXPECT_EQ(size->width, 40);
    EXPECT_EQ(size->height, 30);
    EXPECT_FALSE(probe_image("/nonexistent.png"));
    EXPECT_FALSE(probe_image(test::source_path("layouts/briefing.xml")));
}

TEST(Images, PlacedInsideTheBodyKeepingAspect) {
    std::string png = make_png(400, 200);
    Diagnostics d;
    auto deck = load_outline_from_string("img.xml", "<deck><slide id=\"i\"><title>図</title><image src=\"" + png +
                                                        "\" alt=\"構成図\"/></slide></deck>", d);
    ASSERT_TRUE(deck);
    auto layout = layout_slide(*deck, 0, layouts(), test::engine());
    EXPECT_EQ(layout.diags.warning_count(), 0u);
    const ImageItem* image = nullptr;
    Point at;
    for (const auto& positioned : layout.frame->items)
        if (auto* i = std::get_if<ImageItem>(&positioned.item)) image = i, at = positioned.pos;
    ASSERT_TRUE(image);
    EXPECT_NEAR(image->w / image->h, 2.0, 1e-6);
    const BoxSpec* body = layouts().find("bullets")->box("body");
    EXPECT_GE(at.x, body->x - 0.01);
    EXPECT_LE(at.x + image->w, body->x + body->w + 0.01);
    EXPECT_LE(at.y + image->h, body->y + body->h + 0.01);
}

TEST(Images, UnreadableImageIsAWarningWithItsPosition) {
    Diagnostics d;
    auto deck = load_outline_from_string("img.xml", "<deck><slide id=\"i\"><title>図</title>\n  <image src=\"missing.png\" alt=\"構成図\"/></slide></deck>", d);
    ASSERT_TRUE(deck);
    auto layout = layout_slide(*deck, 0, layouts(), test::engine());
    ASSERT_EQ(layout.diags.warning_count(), 1u);
    const auto& w = layout.diags.items()[0];
    EXPECT_EQ(w.where.line, 2);
    EXPECT_EQ(w.where.column, 3);
    EXPECT_NE(w.message.find("missing.png"), std::string::npos);
    // The placeholder shows the alt text so nothing is silently lost.
    bool alt_shown = false;
    for (const auto& b : layout.boxes)
        for (const auto& l : b.lines) alt_shown = alt_shown || l.text == "構成図";
    EXPECT_TRUE(alt_shown);
}
