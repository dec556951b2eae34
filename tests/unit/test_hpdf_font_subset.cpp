// The reduced TrueType copy handed to libharu: same glyph ids and metrics
// for the characters in use, nothing else mapped, much smaller.
#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/pdf/hpdf_font_subset.h"

using namespace ks::hpdf;

namespace {
const char* kGothic = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf";

struct Face {
    FT_Library lib = nullptr;
    FT_Face face = nullptr;
    explicit Face(const std::string& path) {
        FT_Init_FreeType(&lib);
        if (FT_New_Face(lib, path.c_str(), 0, &face) != 0) face = nullptr;
    }
    ~Face() {
        if (face) FT_Done_Face(face);
        FT_Done_FreeType(lib);
    }
    FT_Fixed advance(FT_UInt gid) const {
        FT_Fixed a = 0;
        FT_Get_Advance(face, gid, FT_LOAD_NO_SCALE, &a);
        return a;
    }
};
}  // namespace

TEST(HpdfFontSubset, KeepsGlyphIdsAndMetricsOfUsedCharacters) {
    if (!std::filesystem::exists(kGothic)) GTEST_SKIP() << "BIZ UDPGothic not installed";
    std::ifstream in(kGothic, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string original = ss.str();
    Face orig(kGothic);
    ASSERT_NE(orig.face, nullptr);

    std::map<std::uint16_t, std::uint16_t> chars;
    for (char32_t cp : std::u32string(U"配布資料のテストAWS 0123")) chars[cp] = FT_Get_Char_Index(orig.face, cp);
    std::string why;
    const auto reduced = reduce_truetype(original, chars, why);
    ASSERT_TRUE(reduced) << why;
    EXPECT_LT(reduced->size(), original.size());

    const TempFile tmp(*reduced, ".ttf");
    Face red(tmp.path());
    ASSERT_NE(red.face, nullptr) << "FreeType cannot open the reduced font";
    EXPECT_EQ(red.face->num_glyphs, orig.face->num_glyphs);
    for (const auto& [cp, gid] : chars) {
        EXPECT_EQ(FT_Get_Char_Index(red.face, cp), gid) << std::hex << cp;
        EXPECT_EQ(red.advance(gid), orig.advance(gid));
    }
    EXPECT_EQ(FT_Get_Char_Index(red.face, U'山'), 0u);  // not in use: not mapped
    EXPECT_EQ(FT_Load_Glyph(red.face, chars[U'配'], FT_LOAD_NO_SCALE), 0);
    EXPECT_GT(red.face->glyph->outline.n_points, 10);

    const std::string path = tmp.path();
    { TempFile moved = TempFile(*reduced, ".ttf"); }
    EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(HpdfFontSubset, RejectsWhatItCannotReduce) {
    std::string why;
    EXPECT_FALSE(reduce_truetype("OTTO and some bytes", {{0x41, 1}}, why));
    EXPECT_FALSE(why.empty());
    EXPECT_FALSE(reduce_truetype("", {}, why));
}
