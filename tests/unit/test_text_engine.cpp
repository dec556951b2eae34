#include <gtest/gtest.h>

#include "test_support.h"
#include "util/utf8.h"

using namespace ks;

namespace {

TextStyle style(double size = 20) {
    TextStyle s;
    s.size = size;
    s.color = {0, 0, 0, 1};
    s.emphasis_color = {0, 0, 1, 1};
    return s;
}

std::vector<std::string> lines_of(const TextBlock& b) {
    std::vector<std::string> out;
    for (const auto& l : b.lines) out.push_back(l.text);
    return out;
}

RichText rich(std::initializer_list<std::pair<std::string, bool>> parts) {
    RichText rt;
    for (const auto& [text, bold] : parts) rt.spans.push_back({text, bold, false, false, {"t.xml", 3, 7}});
    return rt;
}

}  // namespace

TEST(TextEngine, UsesThePinnedFontsOnly) {
    auto block = test::engine().set(rich({{"本文", false}, {"強調", true}}), style(), 500);
    ASSERT_EQ(block.lines.size(), 1u);
    const auto& runs = block.lines[0].runs;
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_NE(runs[0].run.font->file.find("BIZUDPGothic-Regular.ttf"), std::string::npos) << runs[0].run.font->file;
    EXPECT_NE(runs[1].run.font->file.find("BIZUDPGothic-Bold.ttf"), std::string::npos) << runs[1].run.font->file;
    EXPECT_EQ(runs[1].run.color, (Color{0, 0, 1, 1}));  // <b> takes the emphasis colour
    EXPECT_EQ(runs[0].run.text, "本文");
    EXPECT_EQ(runs[1].run.text, "強調");
}

TEST(TextEngine, KanjiAreOneEmAndBreakByWidth) {
    // BIZ UDPGothic sets kanji on a full em: 5 em of width holds 5 kanji. A
    // last line of two characters is an orphan, so one more comes down.
    auto block = test::engine().set(plain_text("東京都千代田区丸内一丁目"), style(20), 100.5);
    EXPECT_EQ(lines_of(block), (std::vector<std::string>{"東京都千代", "田区丸内", "一丁目"}));
    for (const auto& l : block.lines) EXPECT_LE(l.width, 100.5);
    EXPECT_NEAR(block.lines[0].width, 100, 0.01);
    // Line boxes stack at size × line-height.
    EXPECT_NEAR(block.height, 3 * 20 * 1.45, 0.01);
    EXPECT_NEAR(block.lines[1].top, 20 * 1.45, 0.01);
}

TEST(TextEngine, NoLineStartsWithClosingPunctuation) {
    // At 4 em "。" would start line 2; kinsoku pulls a character down instead.
    auto block = test::engine().set(plain_text("東京都庁。大阪府庁"), style(20), 80.5);
    ASSERT_GE(block.lines.size(), 2u);
    for (const auto& l : block.lines) {
        std::size_t i = 0;
        char32_t first = utf8_next(l.text, i);
        EXPECT_NE(first, U'。') << l.text;
    }
}

TEST(TextEngine, LatinWordsStayWhole) {
    auto block = test::engine().set(plain_text("移行にはAWS Elemental MediaLiveを活用した"), style(20), 200);
    std::string all;
    for (const auto& l : block.lines) {
        all += l.text + "|";
        EXPECT_LE(l.width, 200.01) << l.text;
    }
    EXPECT_EQ(all.find("Medi|"), std::string::npos) << all;
    EXPECT_EQ(all.find("Elem|"), std::string::npos) << all;
}

TEST(TextEngine, HardBreaksAndTextPreserved) {
    auto block = test::engine().set(plain_text("一行目\n二行目"), style(), 500);
    EXPECT_EQ(lines_of(block), (std::vector<std::string>{"一行目", "二行目"}));
}

TEST(TextEngine, GlyphClustersCoverTheRunText) {
    auto block = test::engine().set(plain_text("ニコニコ仮をAWSで"), style(), 500);
    for (const auto& l : block.lines)
        for (const auto& pr : l.runs) {
            std::uint32_t covered = 0;
            for (const auto& g : pr.run.glyphs) {
                EXPECT_LE(g.text_begin, g.text_end);
                EXPECT_TRUE(g.text_begin == covered || g.text_end == covered) << "clusters must be contiguous";
                covered = g.text_end;
            }
            EXPECT_EQ(covered, pr.run.text.size());
        }
}

TEST(TextEngine, ReportsCharactersNoFontHasWithTheirSource) {
    // 𠮷 (U+20BB7) is not in BIZ UDPGothic.
    auto block = test::engine().set(rich({{"𠮷野家", false}}), style(), 500);
    ASSERT_EQ(block.missing.size(), 1u);
    EXPECT_EQ(block.missing[0].code_point, U'\U00020BB7');
    EXPECT_EQ(block.missing[0].where.line, 3);
    EXPECT_EQ(block.lines[0].text, "𠮷野家");  // the text itself is kept
}

TEST(TextEngine, CentreAlignment) {
    auto s = style(20);
    s.align = Align::Center;
    auto block = test::engine().set(plain_text("東京"), s, 200);
    EXPECT_NEAR(block.lines[0].x, (200 - 40) / 2.0, 0.01);
}

TEST(TextEngine, BodyTextBreaksBetweenPhrasesWhenTheLineStaysFull) {
    auto s = style(24);
    const std::string text = "巨勢氏からは、AWSの技術が継続的に「深化」し「進化」していることが強調されました。";
    auto phrased = test::engine().set(plain_text(text), s, 864);
    ASSERT_EQ(phrased.lines.size(), 2u);
    EXPECT_EQ(phrased.lines[1].text, "強調されました。");  // not 「強調され|ました。」
    s.prefer_phrases = false;
    auto plain = test::engine().set(plain_text(text), s, 864);
    ASSERT_EQ(plain.lines.size(), 2u);
    EXPECT_NE(plain.lines[1].text, "強調されました。") << "without the option the line is filled to the edge";
}
