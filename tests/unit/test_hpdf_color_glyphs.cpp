// Colour bitmap glyphs for the libharu handout (hpdf_color_glyphs.h): the
// emoji font's own bitmap, unpremultiplied, placed in ems of the run's size.
#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstdint>
#include <cstring>
#include <filesystem>

#include "export/pdf/hpdf_color_glyphs.h"
#include "image/rgba_image.h"
#include "util/c_handle.h"

using namespace ks;

namespace {

const char* kEmoji = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
const char* kGothic = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf";

struct Faces {
    UniqueCPtr<FT_LibraryRec_, FT_Done_FreeType> library;
    FT_Face open(const char* path) {
        if (!library) {
            FT_Library l = nullptr;
            if (FT_Init_FreeType(&l) != 0) return nullptr;
            library.reset(l);
        }
        FT_Face f = nullptr;
        return FT_New_Face(library.get(), path, 0, &f) == 0 ? f : nullptr;
    }
};

TEST(HpdfColorGlyphs, UnpremultipliesCairoAndFreeTypePixels) {
    // Half-transparent red, premultiplied: a = 128, r = 64.
    const std::uint32_t px[2] = {0x80400000u, 0x00000000u};
    unsigned char bytes[8];
    std::memcpy(bytes, px, sizeof bytes);
    const auto out = rgba_from_premultiplied_argb(bytes, 8, 2, 1);  // image/rgba_image.h
    ASSERT_EQ(out.width, 2);
    ASSERT_EQ(out.rgba.size(), 8u);
    EXPECT_EQ(out.rgba[0], 128);  // 64 * 255 / 128
    EXPECT_EQ(out.rgba[1], 0);
    EXPECT_EQ(out.rgba[3], 128);
    EXPECT_EQ(out.rgba[7], 0);  // fully transparent stays transparent
}

TEST(HpdfColorGlyphs, EmojiGlyphIsTheFontsOwnColourBitmap) {
    if (!std::filesystem::exists(kEmoji)) GTEST_SKIP() << "fonts-noto-color-emoji is not installed";
    Faces faces;
    FT_Face emoji = faces.open(kEmoji);
    FT_Face gothic = faces.open(kGothic);
    ASSERT_TRUE(emoji && gothic);
    EXPECT_TRUE(hpdf::is_color_bitmap_face(emoji));
    EXPECT_FALSE(hpdf::is_color_bitmap_face(gothic));

    const auto check = hpdf::load_color_glyph(emoji, FT_Get_Char_Index(emoji, 0x2705));  // ✅
    ASSERT_TRUE(check.has_value());
    // About an em and a quarter wide, standing on the baseline.
    EXPECT_GT(check->width, 1.0);
    EXPECT_LT(check->width, 1.5);
    EXPECT_LT(check->top, -0.7);
    EXPECT_GT(check->top + check->height, -0.1);
    ASSERT_EQ(check->pixels.rgba.size(), std::size_t(check->pixels.width) * check->pixels.height * 4);
    std::size_t green = 0, clear = 0;
    for (std::size_t i = 0; i < check->pixels.rgba.size(); i += 4) {
        const auto* p = &check->pixels.rgba[i];
        if (p[3] > 200 && p[1] > p[0] + 50 && p[1] > p[2] + 50) ++green;
        if (p[3] == 0) ++clear;
    }
    EXPECT_GT(green, check->pixels.rgba.size() / 4 / 3);  // mostly its green square
    EXPECT_GT(clear, 0u);                                 // with transparent corners

    // A face with outlines and no colour gives nothing.
    EXPECT_FALSE(hpdf::load_color_glyph(gothic, FT_Get_Char_Index(gothic, U'あ')).has_value());
    FT_Done_Face(emoji);
    FT_Done_Face(gothic);
}

}  // namespace
