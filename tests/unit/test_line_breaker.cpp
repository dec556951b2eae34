// Line-break rules for JLREQ (issue 3) over a simple advance model: Japanese
// 1 em, Latin letters and digits 0.5 em, space 0.25 em. Cases that are only
// "this text at this width gives these lines" live as data files in
// tests/cases/line_breaks/ (test_line_break_cases.cpp); here are the ones
// that check positions, flags or properties over many widths.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "text/jlreq_classes.h"
#include "text/line_breaker.h"
#include "util/utf8.h"

namespace ks::text {
namespace {

constexpr double kEm = 10;

std::u32string u32(const std::string& s) { return utf8_to_u32(s); }

std::string utf8(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) out += utf8_encode(c);
    return out;
}

double model_advance(char32_t c) {
    if (c == U' ') return 0.25 * kEm;
    if (is_cjk(c) || c >= 0x2000) return kEm;
    return 0.5 * kEm;
}

// "\n" in the input becomes a hard break after the previous cluster.
std::vector<BreakCluster> clusters_of(const std::string& s) {
    std::vector<BreakCluster> out;
    for (char32_t c : u32(s)) {
        if (c == U'\n') {
            if (!out.empty()) out.back().hard_break_after = true;
            continue;
        }
        out.push_back({c, c, model_advance(c), false});
    }
    return out;
}

std::vector<std::string> break_text(const std::string& s, double width_em, LineBreakOptions o = {}) {
    const auto cl = clusters_of(s);
    o.width = width_em * kEm;
    o.em = kEm;
    std::vector<std::string> lines;
    for (const BrokenLine& l : break_lines(cl, o)) {
        std::u32string t;
        for (std::size_t i = l.begin; i < l.end; ++i) t.push_back(cl[i].first);
        lines.push_back(utf8(t));
    }
    return lines;
}

using Lines = std::vector<std::string>;


std::string join(const Lines& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "|" : "") + lines[i];
    return out;
}

struct Golden {
    const char* text;
    double width_em;
    const char* lines;  // expected lines joined by '|'
};

void expect_golden(const std::vector<Golden>& cases, LineBreakOptions o = {}) {
    for (const Golden& g : cases)
        EXPECT_EQ(join(break_text(g.text, g.width_em, o)), g.lines) << g.text << " at " << g.width_em << " em";
}

// --- Step 1 basics ---------------------------------------------------------

TEST(LineBreak, EmptyInputGivesNoLines) {
    EXPECT_TRUE(break_lines({}, LineBreakOptions{100, 10}).empty());
}

TEST(LineBreak, SimpleJapaneseFillsLines) {
    expect_golden({
        {"あいうえおかきくけこ", 10, "あいうえおかきくけこ"},
        {"あいうえおかきくけこさしすせそ", 5, "あいうえお|かきくけこ|さしすせそ"},
    });
}

TEST(LineBreak, SpaceIsConsumedAtBreak) {
    const auto cl = clusters_of("Hello world");
    const auto lines = break_lines(cl, LineBreakOptions{40, 10});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].begin, 0u);
    EXPECT_EQ(lines[0].end, 5u);  // the space is not shown
    EXPECT_EQ(lines[1].begin, 6u);
    EXPECT_EQ(lines[1].end, 11u);
    EXPECT_DOUBLE_EQ(lines[0].width, 25);
    EXPECT_EQ(join(break_text("Hello world", 6)), "Hello world");
}

TEST(LineBreak, HardBreaks) {
    expect_golden({
        {"あいう\nえお", 10, "あいう|えお"},
        {"あいう\nえおかきくけこさしすせ", 5, "あいう|えおかき|くけこさ|しすせ"},  // orphan repair after a hard break
        {"あいう\n", 10, "あいう"},
        {"「あ\n」", 10, "「あ|」"},  // a hard break wins over kinsoku
    });
}

TEST(LineBreak, OverfullOnlyWhenNothingFits) {
    LineBreakOptions o{5, 10};
    auto lines = break_lines(clusters_of("漢字"), o);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_TRUE(lines[0].overfull);
    EXPECT_TRUE(lines[1].overfull);
    lines = break_lines(clusters_of("Supercalifragilistic"), LineBreakOptions{30, 10});
    for (const auto& l : lines) EXPECT_FALSE(l.overfull);
    EXPECT_EQ(join(break_text("Supercalifragilistic", 3)), "Superc|alifra|gilist|ic");
}

TEST(LineBreak, DegenerateInputs) {
    // Zero width: one cluster per line (words are wider than the line), all
    // overfull, the space consumed.
    auto lines = break_lines(clusters_of("あい AB"), LineBreakOptions{0, 10});
    ASSERT_EQ(lines.size(), 4u);
    for (const auto& l : lines) EXPECT_TRUE(l.overfull);
    EXPECT_EQ(lines[1].end, 2u);
    EXPECT_EQ(lines[2].begin, 3u);
    EXPECT_EQ(lines[3].end, 5u);
    // Infinite width: one line.
    EXPECT_EQ(break_lines(clusters_of("あいうえお。かきくけこ"), LineBreakOptions{INFINITY, 10}).size(), 1u);
    // Only spaces: one empty line.
    lines = break_lines(clusters_of("   "), LineBreakOptions{100, 10});
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].end, 0u);
    // Leading spaces stay (they are the author's), trailing ones are hidden.
    lines = break_lines(clusters_of("  あい  "), LineBreakOptions{100, 10});
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].begin, 0u);
    EXPECT_EQ(lines[0].end, 4u);
    // U+000A clusters break and are consumed.
    std::vector<BreakCluster> cl = {{U'あ', U'あ', 10}, {U'\n', U'\n', 0}, {U'い', U'い', 10}};
    lines = break_lines(cl, LineBreakOptions{100, 10});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 1u);
    EXPECT_EQ(lines[1].begin, 2u);
    // A hard break after the last cluster adds no empty line.
    cl = {{U'あ', U'あ', 10, true}};
    EXPECT_EQ(break_lines(cl, LineBreakOptions{100, 10}).size(), 1u);
}

// --- 1. JLREQ line-start / line-end rules -----------------------------------

TEST(LineBreak, JlreqNoLineStartsWithIterationMarksDotsDividingPunctuation) {
    expect_golden({
        {"色々な人々", 2, "色々|な|人々"},
        {"本当？そうか！", 2, "本|当？|そう|か！"},
        {"赤・青・緑", 2, "赤・|青・|緑"},
        {"時刻：正午", 2, "時|刻：|正午"},
        {"10時〜12時", 3, "10|時〜|12時"},
    });
}

TEST(LineBreak, JlreqPostfixAndPrefixUnits) {
    expect_golden({
        {"上昇率は99％です", 4, "上昇率は|99％です"},
        {"上昇率は99%です", 4, "上昇率は|99%です"},
        {"価格は￥500です", 3, "価格は|￥500|です"},
        {"価格は$500です", 3, "価格は|$500|です"},
        {"気温は30℃でした", 3, "気温は|30℃|でした"},
    });
}

TEST(LineBreak, EmergencyBreaksKeepKinsokuAndInsertNothing) {
    // Words wider than the line are cut, but never before 」 or after 「.
    expect_golden({
        {"「Supercalifragilistic」", 4, "「Superca|lifragil|istic」"},
        {"Supercalifragilistic。", 3, "Superc|alifra|gilist|ic。"},
    });
}

// --- 2. Words stay whole ---------------------------------------------------

TEST(LineBreak, KatakanaWordsWiderThanTheLineBreakAtACompoundBoundary) {
    expect_golden({
        // After ー, and before a vowel letter that cannot continue a long vowel (ィ|イ).
        {"セキュリティインシデント", 8, "セキュリティ|インシデント"},
        {"重大なセキュリティインシデント", 8, "重大な|セキュリティ|インシデント"},
        {"セキュリティポリシーチェック", 10, "セキュリティポリシー|チェック"},
        {"各ポリシーチェックの結果", 7, "各ポリシー|チェックの結果"},
        {"コンテナオーケストレーション", 12, "コンテナ|オーケストレーション"},
        {"ユーザーインタフェース", 8, "ユーザー|インタフェース"},
        // A guess without a dictionary can miss: ー ends a word less often than it seems.
        {"ユーザーインタフェースデザイン", 10, "ユーザーインタフェー|スデザイン"},
        // No boundary to guess: broken where it must, never before ー or a small kana,
        // and without a last line of one character when another point will do.
        {"インストゥルメンテーション", 6, "インストゥル|メンテー|ション"},
    });
    for (const char* word : {"インストゥルメンテーション", "マイクロサービスアーキテクチャー"})
        for (double w : {3.0, 4.0, 5.0, 7.0})
            for (const std::string& line : break_text(word, w)) {
                ASSERT_FALSE(line.empty());
                const char32_t first = u32(line)[0];
                EXPECT_FALSE(is_line_start_prohibited(first)) << word << " at " << w << ": " << line;
            }
}

TEST(LineBreak, HeadingsKeepKatakanaWordsWhole) {
    LineBreakOptions o;
    o.heading = true;
    expect_golden({{"重大なセキュリティインシデントへの対応", 14, "重大な|セキュリティインシデントへの|対応"}}, o);
    const auto cl = clusters_of("インストゥルメンテーション");
    o.width = 8 * kEm;
    o.em = kEm;
    const auto lines = break_lines(cl, o);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_TRUE(lines[0].inside_word);  // what a heading's fitting looks at
    EXPECT_FALSE(lines[0].split_word);
}

const char* const kUrl =
    "https://wiki.example.co.jp/display/CSPLATFORM/2026-migration-plan?version=14&anchor=cutover-procedure";

TEST(LineBreak, LongUrlsBreakAfterSlashesAndBeforeQueryMarks) {
    // 0.5 em a character: 30 em hold 60 characters.
    const auto lines = break_text(std::string("手順書：") + kUrl + "を参照", 30);
    std::string joined;
    for (const auto& l : lines) joined += l;
    EXPECT_EQ(joined, std::string("手順書：") + kUrl + "を参照");  // nothing inserted, nothing lost
    EXPECT_EQ(join(lines),
              "手順書：https://wiki.example.co.jp/display/CSPLATFORM/|"
              "2026-migration-plan?version=14&anchor=cutover-procedure|を参照");
    const auto cl = clusters_of(kUrl);
    LineBreakOptions o;
    o.width = 30 * kEm;
    o.em = kEm;
    for (const BrokenLine& l : break_lines(cl, o)) {
        EXPECT_FALSE(l.overfull);
        EXPECT_FALSE(l.split_word);  // broken at its own break points, not torn
    }
}

TEST(LineBreak, TokensWithoutBreakPointsAreTornAsALastResort) {
    const std::string digits(60, '7');
    const auto cl = clusters_of("値は" + digits);
    LineBreakOptions o;
    o.width = 10 * kEm;
    o.em = kEm;
    const auto lines = break_lines(cl, o);
    ASSERT_GE(lines.size(), 3u);
    bool torn = false;
    std::size_t shown = 0;
    for (const BrokenLine& l : lines) {
        EXPECT_FALSE(l.overfull);
        torn = torn || l.split_word;
        shown += l.end - l.begin;
    }
    EXPECT_TRUE(torn);
    EXPECT_EQ(shown, cl.size());  // no character lost or added
}

// --- 3. Japanese–Latin spacing --------------------------------------------

TEST(LineBreak, JapaneseLatinSpacingByPositionOnly) {
    const auto cl = clusters_of("あA1い");
    LineBreakOptions o{1000, 10};
    const auto lines = break_lines(cl, o);
    ASSERT_EQ(lines.size(), 1u);
    ASSERT_EQ(lines[0].x.size(), 4u);
    EXPECT_DOUBLE_EQ(lines[0].x[0], 0);
    EXPECT_DOUBLE_EQ(lines[0].x[1], 12.5);  // あ + ¼ em
    EXPECT_DOUBLE_EQ(lines[0].x[2], 17.5);  // no space between A and 1
    EXPECT_DOUBLE_EQ(lines[0].x[3], 25);    // 1 + ¼ em
    EXPECT_DOUBLE_EQ(lines[0].width, 35);
    o.jl_spacing_em = 0;
    EXPECT_DOUBLE_EQ(break_lines(cl, o)[0].width, 30);
    o.jl_spacing_em = 0.25;
    o.em = 0;  // no em: no spacing
    EXPECT_DOUBLE_EQ(break_lines(cl, o)[0].width, 30);
}

TEST(LineBreak, JapaneseLatinSpacingNotNextToBrackets) {
    const auto l = break_lines(clusters_of("(巨勢 氏)"), LineBreakOptions{1000, 10})[0];
    EXPECT_DOUBLE_EQ(l.x[1], 5);   // no space after (
    EXPECT_DOUBLE_EQ(l.x[5], 37.5);  // nor before )
    const auto p = break_lines(clusters_of("99.999%の"), LineBreakOptions{1000, 10})[0];
    EXPECT_DOUBLE_EQ(p.x[7], 37.5);  // % takes the space like a digit
}

TEST(LineBreak, JapaneseLatinSpacingNotAtLineEdgesNorNextToPunctuation) {
    const auto cl = clusters_of("あいうAWS、「DB」");
    const auto lines = break_lines(cl, LineBreakOptions{50, 10});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 3u);           // あいう
    EXPECT_DOUBLE_EQ(lines[0].width, 30);  // no spacing at the line end
    EXPECT_DOUBLE_EQ(lines[1].x[0], 0);    // A at the start, no spacing before
    EXPECT_DOUBLE_EQ(lines[1].x[3], 15);   // 、 right after S, no spacing
}

// --- 4. Punctuation compression --------------------------------------------

TEST(LineBreak, PunctuationPairsCompressToOneAndAHalfEm) {
    LineBreakOptions o{1000, 10};
    // 」「: 」 keeps its glyph half, 「 moves left by ½ em.
    auto l = break_lines(clusters_of("あ」「い"), o)[0];
    EXPECT_DOUBLE_EQ(l.x[2], 15);
    EXPECT_DOUBLE_EQ(l.x[3], 25);
    // 。」: the full stop loses its blank half.
    l = break_lines(clusters_of("あ。」い"), o)[0];
    EXPECT_DOUBLE_EQ(l.x[2], 15);
    EXPECT_DOUBLE_EQ(l.x[3], 25);
    // ）、
    l = break_lines(clusters_of("あ）、い"), o)[0];
    EXPECT_DOUBLE_EQ(l.x[2], 15);
    EXPECT_DOUBLE_EQ(l.x[3], 25);
    // 、「
    l = break_lines(clusters_of("あ、「い"), o)[0];
    EXPECT_DOUBLE_EQ(l.x[2], 15);
    EXPECT_DOUBLE_EQ(l.x[3], 25);
    // 「（: the second opening bracket loses its blank half.
    l = break_lines(clusters_of("「（あ"), o)[0];
    EXPECT_DOUBLE_EQ(l.x[0], -5);  // trimmed at the line start
    EXPECT_DOUBLE_EQ(l.x[1], 0);
    EXPECT_DOUBLE_EQ(l.x[2], 10);
    // An ordinary 、 in running text keeps its full em.
    l = break_lines(clusters_of("あ、い"), o)[0];
    EXPECT_DOUBLE_EQ(l.x[2], 20);
}

TEST(LineBreak, OpeningBracketTrimmedAtLineStartClosingHangsAtEnd) {
    LineBreakOptions o{1000, 10};
    const auto l = break_lines(clusters_of("「あ」"), o)[0];
    EXPECT_DOUBLE_EQ(l.x[0], -5);
    EXPECT_DOUBLE_EQ(l.x[1], 5);
    EXPECT_DOUBLE_EQ(l.width, 20);  // 」's blank half is not counted
    o.width = 30;
    const auto two = break_lines(clusters_of("あいう「えお」"), o);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_DOUBLE_EQ(two[1].x[0], -5);
    EXPECT_DOUBLE_EQ(two[1].x[1], 5);
}

TEST(LineBreak, ProportionalBracketsAreNotCompressed) {
    // BIZ UDPGothic: 「」（） are 0.5 em, 、。 0.6 em: nothing to take away.
    std::vector<BreakCluster> cl = {
        {U'あ', U'あ', 10}, {U'」', U'」', 5}, {U'「', U'「', 5}, {U'い', U'い', 10}, {U'。', U'。', 6}};
    const auto l = break_lines(cl, LineBreakOptions{1000, 10})[0];
    EXPECT_DOUBLE_EQ(l.x[2], 15);
    EXPECT_DOUBLE_EQ(l.x[3], 20);
    EXPECT_DOUBLE_EQ(l.width, 36);
}

// --- 5. Orphans ------------------------------------------------------------

TEST(LineBreak, NoOrphanOnTheLastLine) {
    expect_golden({
        {"あいうえおかきくけこす。", 5, "あいうえ|おかきく|けこす。"},
        {"サイバー攻撃を受けたことが移行を加速させる要因となったと述べられます。", 16,
         "サイバー攻撃を受けたことが移行を|加速させる要因となったと述べら|れます。"},
    });
    LineBreakOptions o;
    o.avoid_orphans = false;
    expect_golden({{"あいうえおかきくけこす。", 5, "あいうえお|かきくけこ|す。"}}, o);
}

TEST(LineBreak, OrphanRepairKeepsWordsWhole) {
    // Pulling three characters down would split the word; the lone 話 still
    // gets company (two characters beat one), and the word stays whole.
    expect_golden({{"今日はInternationalizationの話", 12, "今日は|Internationalization|の話"}});
}

// --- 7. Justification -------------------------------------------------------

TEST(LineBreak, JustifySpreadsSlackBetweenJapaneseCharacters) {
    LineBreakOptions o{90, 10};
    o.justify = true;
    const auto cl = clusters_of("今日の発表ではAmazon Bedrockの新機能と料金を紹介します");
    const auto lines = break_lines(cl, o);
    ASSERT_EQ(lines.size(), 4u);
    // 今日の発表では: 70 natural, 20 of slack over its 6 gaps.
    EXPECT_NEAR(lines[0].width, 90, 1e-9);
    EXPECT_NEAR(lines[0].x[1] - lines[0].x[0], 10 + 20.0 / 6, 1e-9);
    // Amazon Bedrockの新: full already; inside Amazon the letters stay 5 apart.
    EXPECT_DOUBLE_EQ(lines[1].x[1] - lines[1].x[0], 5);
    // 機能と料金を紹介: 80 natural, 10 of slack over 7 gaps.
    EXPECT_NEAR(lines[2].width, 90, 1e-9);
    EXPECT_NEAR(lines[2].x[7], 70 + 10, 1e-9);
    EXPECT_DOUBLE_EQ(lines[3].width, 30);  // the last line is not justified
}

TEST(LineBreak, JustifyNeverPoursSlackIntoLatinSpacesOnly) {
    LineBreakOptions o{105, 10};
    o.justify = true;
    const auto cl = clusters_of("新しいAmazon Bedrockとの連携です");
    const auto lines = break_lines(cl, o);
    ASSERT_GE(lines.size(), 2u);
    const auto& l = lines[0];
    const double natural_space = 2.5;
    // The space between Amazon and Bedrock grows no more than any Japanese gap.
    const std::size_t sp = 9;  // index of the space
    ASSERT_EQ(cl[sp].first, U' ');
    const double space_growth = (l.x[sp + 1] - l.x[sp]) - natural_space;
    const double kana_growth = (l.x[1] - l.x[0]) - 10;
    EXPECT_NEAR(space_growth, kana_growth, 1e-9);
    EXPECT_GT(kana_growth, 0);
}

TEST(LineBreak, JustifySkipsLinesBeforeHardBreaks) {
    LineBreakOptions o{50, 10};
    o.justify = true;
    const auto lines = break_lines(clusters_of("あいう\nえお"), o);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_DOUBLE_EQ(lines[0].width, 30);
}

}  // namespace
}  // namespace ks::text
