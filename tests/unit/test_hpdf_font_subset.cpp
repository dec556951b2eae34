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
#include "test_support.h"
#include "util/utf8.h"

using namespace ks::hpdf;

namespace {
const char* kGothic = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf";

const char* kNotoMono = "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf";

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// segCountX2 / 2 of the first format 4 cmap subtable.
int cmap_segments(const std::string& ttf) {
    auto u16 = [&](std::size_t o) { return (std::uint8_t(ttf[o]) << 8) | std::uint8_t(ttf[o + 1]); };
    auto u32 = [&](std::size_t o) { return (std::size_t(u16(o)) << 16) | std::size_t(u16(o + 2)); };
    for (int i = 0; i < u16(4); ++i)
        if (ttf.compare(12 + 16 * std::size_t(i), 4, "cmap") == 0) {
            const std::size_t cmap = u32(12 + 16 * std::size_t(i) + 8);
            const std::size_t sub = cmap + u32(cmap + 8);
            return u16(sub) == 4 ? u16(sub + 6) / 2 : -1;
        }
    return -1;
}

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

// libharu looks every BMP code point up in the cmap by a linear search over
// its segments; the reduced cmap of a whole deck's characters keeps them few
// (one a run of consecutive characters was hundreds) and still maps exactly
// the characters in use.
TEST(HpdfFontSubset, FewCmapSegmentsForADeck) {
    if (!std::filesystem::exists(kGothic)) GTEST_SKIP() << "BIZ UDPGothic not installed";
    const std::string original = read_all(kGothic);
    Face orig(kGothic);
    ASSERT_NE(orig.face, nullptr);
    std::map<std::uint16_t, std::uint16_t> chars;
    for (char32_t cp : ks::utf8_to_u32(read_all(ks::test::source_path("content/deck.xml"))))
        if (cp < 0xFFFF)
            if (const auto gid = FT_Get_Char_Index(orig.face, cp)) chars[static_cast<std::uint16_t>(cp)] = static_cast<std::uint16_t>(gid);
    ASSERT_GT(chars.size(), 300u);
    std::string why;
    const auto reduced = reduce_truetype(original, chars, why);
    ASSERT_TRUE(reduced) << why;
    EXPECT_LE(cmap_segments(*reduced), 24);
    const TempFile tmp(*reduced, ".ttf");
    Face red(tmp.path());
    ASSERT_NE(red.face, nullptr);
    std::size_t mapped = 0;
    for (char32_t cp = 0x20; cp < 0xFFFF; ++cp) {
        const auto it = chars.find(static_cast<std::uint16_t>(cp));
        const FT_UInt want = it == chars.end() ? 0 : it->second;
        ASSERT_EQ(FT_Get_Char_Index(red.face, cp), want) << std::hex << static_cast<unsigned>(cp);
        mapped += want != 0;
    }
    EXPECT_EQ(mapped, chars.size());
}

// The reduced copy keeps the outlines of the glyphs in use only: a tenth of
// the face for libharu to read, the same outlines for what it embeds.
TEST(HpdfFontSubset, KeepsOnlyTheOutlinesInUse) {
    if (!std::filesystem::exists(kGothic)) GTEST_SKIP() << "BIZ UDPGothic not installed";
    const std::string original = read_all(kGothic);
    Face orig(kGothic);
    std::map<std::uint16_t, std::uint16_t> chars;
    for (char32_t cp : std::u32string(U"配布資料のテストAWS 0123")) chars[cp] = FT_Get_Char_Index(orig.face, cp);
    std::string why;
    const auto reduced = reduce_truetype(original, chars, why);
    ASSERT_TRUE(reduced) << why;
    EXPECT_LT(reduced->size(), original.size() / 10);
    const TempFile tmp(*reduced, ".ttf");
    Face red(tmp.path());
    ASSERT_NE(red.face, nullptr);
    for (const auto& [cp, gid] : chars) {
        ASSERT_EQ(FT_Load_Glyph(orig.face, gid, FT_LOAD_NO_SCALE), 0);
        const short points = orig.face->glyph->outline.n_points;
        ASSERT_EQ(FT_Load_Glyph(red.face, gid, FT_LOAD_NO_SCALE), 0);
        EXPECT_EQ(red.face->glyph->outline.n_points, points) << std::hex << cp;
    }
    ASSERT_EQ(FT_Load_Glyph(red.face, FT_Get_Char_Index(orig.face, U'山'), FT_LOAD_NO_SCALE), 0);
    EXPECT_EQ(red.face->glyph->outline.n_points, 0);  // not in use: empty
}

// A composite glyph (é: e and an accent) keeps the glyphs it is made of.
TEST(HpdfFontSubset, KeepsTheComponentsOfCompositeGlyphs) {
    if (!std::filesystem::exists(kNotoMono)) GTEST_SKIP() << "Noto Sans Mono not installed";
    const std::string original = read_all(kNotoMono);
    Face orig(kNotoMono);
    ASSERT_NE(orig.face, nullptr);
    const FT_UInt e_acute = FT_Get_Char_Index(orig.face, U'é');
    ASSERT_EQ(FT_Load_Glyph(orig.face, e_acute, FT_LOAD_NO_SCALE | FT_LOAD_NO_RECURSE), 0);
    ASSERT_EQ(orig.face->glyph->format, FT_GLYPH_FORMAT_COMPOSITE);
    ASSERT_EQ(FT_Load_Glyph(orig.face, e_acute, FT_LOAD_NO_SCALE), 0);
    const short points = orig.face->glyph->outline.n_points;
    ASSERT_GT(points, 10);
    std::string why;
    const auto reduced = reduce_truetype(original, {{0xE9, static_cast<std::uint16_t>(e_acute)}}, why);
    ASSERT_TRUE(reduced) << why;
    const TempFile tmp(*reduced, ".ttf");
    Face red(tmp.path());
    ASSERT_NE(red.face, nullptr);
    ASSERT_EQ(FT_Load_Glyph(red.face, e_acute, FT_LOAD_NO_SCALE), 0);
    EXPECT_EQ(red.face->glyph->outline.n_points, points);
    const FT_UInt e = FT_Get_Char_Index(orig.face, U'e');
    EXPECT_EQ(FT_Load_Glyph(red.face, e, FT_LOAD_NO_SCALE), 0);
    EXPECT_GT(red.face->glyph->outline.n_points, 0);  // a component, kept though not mapped
    EXPECT_EQ(red.advance(e), orig.advance(e));        // with its metrics (Cairo copies both)
}
