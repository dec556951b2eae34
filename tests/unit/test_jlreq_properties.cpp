// Property tests of the JLREQ line breaker: for many strings and every width
// from 30 to 400 pt, no line starts or ends with a forbidden character, no
// line is wider than the column unless flagged overfull, no Latin word is
// split when it (with what kinsoku glues to it) fits the column, and the
// lines plus the consumed spaces give back the input.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "text/budoux.h"
#include "text/jlreq_classes.h"
#include "text/line_breaker.h"
#include "util/utf8.h"

namespace ks::text {
namespace {

constexpr double kEm = 10;

std::u32string u32(const std::string& s) { return utf8_to_u32(s); }

double model_advance(char32_t c) {
    if (c == U' ') return 0.25 * kEm;
    if (is_cjk(c) || c >= 0x2000) return kEm;
    return 0.5 * kEm;
}

std::vector<BreakCluster> clusters_of(const std::u32string& s) {
    std::vector<BreakCluster> out;
    for (char32_t c : s) out.push_back({c, c, model_advance(c), false});
    return out;
}

const char* const kStrings[] = {
    "サイバー攻撃を受けたことが移行を加速させる要因となったと述べられました。",
    "AWS Elemental MediaLiveを活用して「ニコニコ仮」を迅速に構築できた",
    "6PBを超えるデータ、5000以上の仮想マシン、250以上のサービスを2025年3月までにAWSへ移行する3年越しのプロジェクトが進行中。",
    "Aurora DSQLでは99.999%の整合性",
    "Amazon Bedrockで生成AIアプリケーションを構築する（Amazon Q in Connectも活用）。",
    "Nova Canvas, Reelを発表。価格は¥5,000から、速度は3.5倍、10GB/秒に達した！",
    "「これは何？」「新しいサービスです。」と彼は言った。",
    "ちょっと待ってください……キャッシュ・サーバー・データベースの順に確認します。",
    "上昇率は99％、気温は30℃、全部で1兆2000億円、第3章（注）を参照。",
    "色々な人々が集まり、いすゞやこゝろ、ヽヾも使われる。",
    "ファイル、ウィンドウ、チェック、ショッピング、ヴァイオリン、きゃっきゃっ、ぎゅっと、3ヵ月、5ヶ所。",
    "Internationalization and localization are hard; 国際化（i18n）と地域化（l10n）。",
    "移行後のコストは約30%削減され、運用負荷も大幅に低減しました。",
};
const char* const kPrefixes[] = {"", "・", "「", "A ", "12", "（注）", "あ"};

struct Unit {
    std::size_t begin, end;
};

// An independent statement of where a break may never go (kinsoku, inside a
// Latin word, number + counter, around a slash).
bool unbreakable(const std::u32string& s, std::size_t k) {
    const char32_t a = s[k - 1], c = s[k];
    if (c == U' ') return true;
    if (a == U' ') return false;
    if (is_line_start_prohibited(c) || is_line_end_prohibited(a)) return true;
    if (is_word_char(a) && is_word_char(c)) return true;
    if (is_digit(a) && is_counter(c)) return true;
    if (k >= 2 && is_digit(s[k - 2]) && is_counter_continuation(a, c)) return true;
    return false;
}

double natural_width(const std::vector<BreakCluster>& cl, std::size_t b, std::size_t e) {
    std::vector<BreakCluster> sub(cl.begin() + static_cast<std::ptrdiff_t>(b), cl.begin() + static_cast<std::ptrdiff_t>(e));
    LineBreakOptions o{1e9, kEm};
    return break_lines(sub, o)[0].width;
}

void check(const std::u32string& s, const std::vector<BreakCluster>& cl, const std::vector<BrokenLine>& lines,
           const LineBreakOptions& o, const std::string& label) {
    ASSERT_FALSE(lines.empty()) << label;
    const std::size_t n = s.size();
    // Coverage: lines in order; between them only consumed spaces.
    std::size_t pos = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const BrokenLine& l = lines[i];
        ASSERT_LE(l.begin, l.end) << label;
        ASSERT_EQ(l.x.size(), l.end - l.begin) << label;
        for (std::size_t k = pos; k < l.begin; ++k) ASSERT_EQ(s[k], U' ') << label << " line " << i;
        if (i == 0) {
            ASSERT_EQ(l.begin, 0u) << label;
        }
        pos = l.end;
    }
    for (std::size_t k = pos; k < n; ++k) ASSERT_EQ(s[k], U' ') << label;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const BrokenLine& l = lines[i];
        if (l.end == l.begin) continue;
        // Kinsoku.
        if (i > 0) {
            EXPECT_FALSE(is_line_start_prohibited(s[l.begin])) << label << " line " << i << " starts badly";
        }
        if (i + 1 < lines.size()) {
            EXPECT_FALSE(is_line_end_prohibited(s[l.end - 1])) << label << " line " << i << " ends badly";
        }
        // Width.
        if (l.overfull) {
            EXPECT_GT(l.width, o.width) << label;
        } else {
            EXPECT_LE(l.width, o.width + 1e-6) << label << " line " << i;
        }
        // x increasing.
        for (std::size_t k = 1; k < l.x.size(); ++k) EXPECT_GT(l.x[k], l.x[k - 1]) << label;
    }
    // Words whole: a break strictly inside an unbreakable unit only if the
    // unit is wider than the column.
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::size_t k = lines[i].begin;
        if (k == 0 || k != lines[i - 1].end) continue;  // after spaces: fine
        if (!unbreakable(s, k)) continue;
        std::size_t b = k - 1, e = k + 1;
        while (b > 0 && unbreakable(s, b)) --b;
        while (e < n && unbreakable(s, e)) ++e;
        const double w = natural_width(cl, b, e);
        EXPECT_GT(w, o.width - 1e-6) << label << ": split unit of width " << w << " at " << k;
    }
}

TEST(JlreqProperties, AllWidthsAllStrings) {
    std::size_t layouts = 0;
    for (const char* prefix : kPrefixes) {
        for (const char* text : kStrings) {
            const std::u32string s = u32(std::string(prefix) + text);
            const auto cl = clusters_of(s);
            // Justified and orphan-free variants with two of the prefixes.
            const int modes = (prefix[0] == 0 || std::string(prefix) == "「") ? 3 : 1;
            for (int mode = 0; mode < modes; ++mode) {
                for (int w = 30; w <= 400; ++w) {
                    LineBreakOptions o{static_cast<double>(w), kEm};
                    o.justify = mode == 1;
                    o.avoid_orphans = mode != 2;
                    const auto lines = break_lines(cl, o);
                    check(s, cl, lines, o, std::string(prefix) + text + " @" + std::to_string(w) + " mode " + std::to_string(mode));
                    ++layouts;
                    if (HasFailure()) return;
                }
            }
        }
    }
    EXPECT_GT(layouts, 40000u);
}

TEST(JlreqProperties, HeadingsBreakAtPhrasesWhenTheyFit) {
    for (const char* text : kStrings) {
        const std::u32string s = u32(text);
        const auto cl = clusters_of(s);
        std::vector<bool> phrase(s.size() + 1, false);
        // Phrase boundaries where a break is allowed at all (BudouX may put
        // one before ヽ or 、, which kinsoku glues to the previous phrase).
        for (std::size_t b : budoux_phrase_boundaries(s)) phrase[b] = !unbreakable(s, b);
        for (int w = 30; w <= 400; w += 3) {
            LineBreakOptions o{static_cast<double>(w), kEm};
            o.heading = true;
            const auto lines = break_lines(cl, o);
            check(s, cl, lines, o, std::string("heading ") + text + " @" + std::to_string(w));
            for (std::size_t i = 1; i < lines.size(); ++i) {
                const std::size_t k = lines[i].begin;
                if (phrase[k] || s[k - 1] == U' ') continue;
                // Otherwise the phrase around k must be wider than the line.
                std::size_t b = k - 1, e = k + 1;
                while (b > 0 && !phrase[b] && s[b - 1] != U' ') --b;
                while (e < s.size() && !phrase[e] && s[e] != U' ') ++e;
                EXPECT_GT(natural_width(cl, b, e), o.width - 1e-6) << text << " @" << w << " at " << k;
            }
            if (HasFailure()) return;
        }
    }
}

TEST(JlreqProperties, OrphansAvoidedWhenPossible) {
    // The seed sentence at every width: the last line never holds one or
    // two characters (す。 counts one) when there is more than one line.
    const std::u32string s = u32("サイバー攻撃を受けたことが移行を加速させる要因となったと述べられました。");
    const auto cl = clusters_of(s);
    for (int w = 60; w <= 400; ++w) {
        const auto lines = break_lines(cl, LineBreakOptions{static_cast<double>(w), kEm});
        if (lines.size() < 2) continue;
        std::size_t count = 0;
        for (std::size_t k = lines.back().begin; k < lines.back().end; ++k)
            if (s[k] != U'。') ++count;
        EXPECT_GT(count, 2u) << "@" << w;
    }
}

TEST(JlreqProperties, FastForASeedDeck) {
    // ~5000 characters in paragraphs of ~60–120, laid out at a slide width.
    std::vector<std::vector<BreakCluster>> paragraphs;
    std::size_t chars = 0;
    while (chars < 5000) {
        for (const char* text : kStrings) {
            paragraphs.push_back(clusters_of(u32(text)));
            chars += paragraphs.back().size();
        }
    }
    LineBreakOptions o{400, 24};
    const auto t0 = std::chrono::steady_clock::now();
    std::size_t lines = 0;
    for (const auto& p : paragraphs) lines += break_lines(p, o).size();
    o.heading = true;
    for (std::size_t i = 0; i < 20; ++i) lines += break_lines(paragraphs[i], o).size();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    RecordProperty("milliseconds", std::to_string(ms));
    EXPECT_GT(lines, 0u);
    EXPECT_LT(ms, 100.0) << "unoptimised builds included";
}

}  // namespace
}  // namespace ks::text
