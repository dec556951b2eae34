// Line breaking to JLREQ over shaped clusters. See line_breaker.h.
//
// Outline:
//  1. prepare(): classify every boundary between clusters with a break
//     *level* (0 = free break … 4 = kinsoku violation, never used while a
//     legal alternative exists), and every pair of neighbours with a gap
//     (Japanese–Latin spacing, punctuation compression), plus the blank
//     that an opening bracket trims at line start and a closing one hangs
//     at line end. Prefix sums make the width of any line O(1).
//  2. greedy(): fill each line with the furthest fitting break of the best
//     level available on that line.
//  3. Orphan repair (pull words down into the last line), heading balance
//     (binary search of the narrowest width giving as many lines), then
//     positions and optional justification.
#include "text/line_breaker.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "text/budoux.h"
#include "text/jlreq_classes.h"

namespace ks::text {
namespace {

// Break levels, best first.
enum Level : std::uint8_t {
    kFree = 0,        // between Japanese characters, after a space, Japanese|Latin
    kLatinSpace = 1,  // a space inside a run of Latin words (product names)
    kInBodyPhrase = 2,  // with prefer_phrases: inside a BudouX phrase (強調され|ました): allowed, avoided
    kTokenBreak = 3,  // inside a URL/path wider than the line: after '/', before ? & = #
    kKatakanaCompound = 4,  // inside a katakana word wider than the line, at a likely compound boundary
    kTokenMinor = 5,  // inside a URL/path wider than the line: before . _ -
    kInPhrase = 6,    // headings: not a BudouX phrase boundary
    kInLongKatakana = 7,   // inside a katakana word wider than the line, elsewhere
    kInWholeKatakanaCompound = 8,  // inside a katakana word that fits a line, at a likely compound boundary
    kInWholeKatakana = 9,  // inside a katakana word that fits a line: only when nothing else will do
    kInWord = 10,     // inside a Latin word or a number with its unit
    kKinsoku = 11,    // breaks a JLREQ line-start/line-end rule: last resort
    kNever = 255,     // not a break (before a space, inside leading spaces)
};
constexpr int kLevels = 12;
constexpr double kEps = 1e-6;
// A break inside a run of Latin words is accepted instead of a free break
// earlier on the line when that free break would leave the line less full
// than this, or with only one or two characters.
constexpr double kMinFillBeforeLatinSpace = 0.2;
// Body text on slides reads best broken between phrases (文節改行); a break
// inside a phrase is taken only when the phrase boundary would leave the
// line less full than this.
constexpr double kMinFillBeforePhraseSplit = 0.75;
// A URL or a katakana word wider than the line must break somewhere; it
// starts on the current line (broken at one of its own break points) rather
// than on a fresh one when moving it down would leave the line less full
// than this.
constexpr double kMinFillBeforeLongWordBreak = 0.6;

enum class Punct : std::uint8_t { None, Opening, Closing, Dot };

Punct punct_kind(char32_t c) {
    switch (jlreq_class(c)) {
        case JlreqClass::OpeningBracket: return Punct::Opening;
        case JlreqClass::ClosingBracket:
        case JlreqClass::FullStop:
        case JlreqClass::Comma: return Punct::Closing;
        case JlreqClass::MiddleDot: return Punct::Dot;
        default: return Punct::None;
    }
}

bool is_joiner(char32_t c) { return c == U'/' || c == U'-' || c == U'&' || c == U'_' || c == U'@' || c == 0xA0 || c == 0x2060 || c == 0x2011; }

bool is_mandatory_break_char(char32_t c) { return c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029; }

bool is_alnum(char32_t c) { return is_latin_letter(c) || is_digit(c); }

// Katakana letters, ー and small kana, but not ・ or ゠ (word separators).
bool is_katakana_letter(char32_t c) { return is_katakana(c) && is_japanese_letter(c); }

// Whether a Latin word (word characters including a letter or digit; a lone
// ":" after Japanese is not one) ends just before cluster e / starts at j.
bool latin_word_ends_at(const std::vector<BreakCluster>& cl, std::size_t e) {
    for (std::size_t k = e; k > 0 && is_word_char(cl[k - 1].last); --k)
        if (is_alnum(cl[k - 1].last)) return true;
    return false;
}
bool latin_word_starts_at(const std::vector<BreakCluster>& cl, std::size_t j) {
    for (std::size_t k = j; k < cl.size() && is_word_char(cl[k].first); ++k)
        if (is_alnum(cl[k].first)) return true;
    return false;
}

struct Prepared {
    const std::vector<BreakCluster>* clusters = nullptr;
    std::size_t n = 0;
    std::vector<double> adv;
    std::vector<double> gap;    // gap[j]: between clusters j-1 and j (gap[0] = 0)
    std::vector<double> lead;   // blank trimmed when the cluster starts a line
    std::vector<double> trail;  // blank hung when the cluster ends a line
    std::vector<double> sum;    // sum[k] = x of cluster k if all were on one line
    std::vector<std::uint8_t> level;  // level[j]: break before cluster j
    std::vector<std::uint8_t> mandatory;     // a break before cluster j is forced
    std::vector<std::uint8_t> space;         // consumed at a break
    std::vector<std::size_t> shown_end;  // shown_end[j]: j minus trailing spaces
    std::vector<std::size_t> stop;       // stop[b]: first forced break after b (mandatory or n)
    double max_trail = 0;
    double stop_margin = 0;  // how much narrower a longer line can get (hang, compression)
};

// Counts the "characters" of a line for the orphan rule: clusters other
// than spaces, ignoring trailing closing punctuation (す。 counts 1).
std::size_t orphan_count(const std::vector<BreakCluster>& cl, std::size_t b, std::size_t e) {
    while (e > b && punct_kind(cl[e - 1].first) == Punct::Closing) --e;
    std::size_t count = 0;
    for (std::size_t i = b; i < e; ++i)
        if (!is_breaking_space(cl[i].first)) ++count;
    return count;
}

// Natural width of line [b, e) on its own: trimmed opening bracket at the
// start, hung blank of closing punctuation at the end.
double line_width(const Prepared& p, std::size_t b, std::size_t e) {
    if (e <= b) return 0;
    // sum[e] - sum[b] holds the gaps b+1 … e; gap e lies outside the line.
    return p.sum[e] - p.sum[b] - p.gap[e] - p.lead[b] - p.trail[e - 1];
}

// Inside a URL, a path or another long Latin token: after '/' (not inside
// "//"), before & = # (the query and fragment), and less willingly before
// ? _ - or after . ('?' and '.' may not start a line). '.',
// '?', '&', '=' and '#' count only in a URL or
// path (a token with a '/'): elsewhere they are a sentence's punctuation or
// a decimal point (99.999%), which kinsoku keeps off a line start. A mark
// ending the token is punctuation and never starts a line.
Level token_break_level(const std::vector<BreakCluster>& cl, std::size_t j, std::size_t token_end, bool path) {
    const char32_t prev = cl[j - 1].last, cur = cl[j].first;
    if (prev == U'/' && cur != U'/') return kTokenBreak;
    const bool inner = j + 1 < token_end && is_alnum(cl[j + 1].first);
    if (cur == prev || !inner) return kNever;
    if (path && (cur == U'&' || cur == U'=' || cur == U'#')) return kTokenBreak;
    // '?' is a mark kinsoku keeps off a line start (JLREQ cl-04): before it
    // only when no '/', '&', '=' or '#' will do.
    if (path && cur == U'?') return kTokenMinor;
    if ((cur == U'_' || cur == U'-') && is_alnum(prev)) return kTokenMinor;
    // After a '.', never before it: '.' may not start a line (JLREQ cl-06).
    if (path && prev == U'.' && is_alnum(cur) && j >= 2 && is_alnum(cl[j - 2].last)) return kTokenMinor;
    return kNever;
}

// A run of Latin word characters (a URL, a path, a long identifier) wider
// than the line gets break points of its own, so it is broken where a reader
// expects (after '/', before '?') and never torn at an arbitrary letter while
// such a point exists. A token that fits on a line keeps kInWord inside: it
// moves to the next line whole.
void mark_long_token_breaks(const std::vector<BreakCluster>& cl, const LineBreakOptions& o, Prepared& p) {
    const std::size_t n = cl.size();
    for (std::size_t b = 0; b < n;) {
        if (!is_word_char(cl[b].first) || p.space[b]) {
            ++b;
            continue;
        }
        std::size_t e = b + 1;
        while (e < n && is_word_char(cl[e].first) && !p.space[e] && !p.mandatory[e]) ++e;
        if (line_width(p, b, e) > o.width + kEps) {
            bool path = false;
            for (std::size_t j = b; j < e; ++j) path = path || cl[j].first == U'/';
            for (std::size_t j = b + 1; j < e; ++j) {
                const Level lv = token_break_level(cl, j, e, path);
                if (lv != kNever && p.level[j] >= kInWord) p.level[j] = lv;
            }
        }
        b = e;
    }
}

// The vowel of a katakana letter (a i u e o), 0 for ン, ッ, ー and others.
char katakana_vowel(char32_t c) {
    static const char32_t* rows[] = {
        U"アァカガサザタダナハバパマャヤラワヵ", U"イィキギシジチヂニヒビピミリヰ", U"ウゥクグスズツヅヌフブプムュユルヴ",
        U"エェケゲセゼテデネヘベペメレヱヶ", U"オォコゴソゾトドノホボポモョヨロヲ"};
    static const char vowels[] = "aiueo";
    for (int r = 0; r < 5; ++r)
        for (const char32_t* q = rows[r]; *q; ++q)
            if (*q == c) return vowels[r];
    return 0;
}

bool is_katakana_vowel_letter(char32_t c) {
    return c == U'ア' || c == U'イ' || c == U'ウ' || c == U'エ' || c == U'オ';
}

// Morae of a katakana stretch: letters, ー, ッ and ン, not the small vowels
// and ャュョ that merge with the letter before (チェック: 3).
std::size_t morae(const std::vector<BreakCluster>& cl, std::size_t b, std::size_t e) {
    std::size_t n = 0;
    for (std::size_t i = b; i < e; ++i)
        if (cl[i].first == U'ッ' || jlreq_class(cl[i].first) != JlreqClass::SmallKana) ++n;
    return n;
}

// A dictionary-free guess at a boundary between the words of a katakana
// compound [b, e) before cluster j: after the common loanword endings ー
// (ポリシー|チェック), ティ/ディ (セキュリティ|インシデント), ション, ング and
// ント; before a lengthened bare vowel (コンテナ|オーケストレーション); or
// before a vowel letter that cannot continue the one before it (a long vowel
// inside a word is written ー: サイン|イン). Both parts keep two morae or
// more (three around ー: not マイクロサー|ビス), and ーション stays whole.
bool katakana_compound_boundary(const std::vector<BreakCluster>& cl, std::size_t b, std::size_t j, std::size_t e) {
    const std::size_t left = morae(cl, b, j), right = morae(cl, j, e);
    if (left < 2 || right < 2) return false;
    const char32_t prev = cl[j - 1].last, cur = cl[j].first;
    const char32_t before = j >= 2 ? cl[j - 2].last : 0;
    const bool next_is_yo_n = j + 2 < e && cl[j + 1].first == U'ョ' && cl[j + 2].first == U'ン';
    // A bare vowel lengthened (オー, アー, エー) mostly starts a word: コンテナ|オーケストレーション.
    if (is_katakana_vowel_letter(cur) && j + 1 < e && cl[j + 1].first == U'ー') return true;
    if (prev == U'ー') return !next_is_yo_n && !is_katakana_vowel_letter(before) && left >= 3 && right >= 3;
    if (prev == U'ィ' && (before == U'テ' || before == U'デ')) return left >= 3;
    if (prev == U'ン' && before == U'ョ') return true;
    if ((prev == U'グ' || prev == U'ト') && before == U'ン') return left >= 3;
    if (!is_katakana_vowel_letter(cur)) return false;
    const char v = katakana_vowel(prev);
    return prev == U'ン' || (v != 0 && v == katakana_vowel(cur));
}

// Katakana words stay whole wherever they fit on a line: a break inside one
// is the last thing tried before a break inside a Latin word. One wider than
// the line breaks at a likely compound boundary, else where it must; kinsoku
// (never before ー or a small kana) still applies.
void mark_katakana_word_breaks(const std::vector<BreakCluster>& cl, const LineBreakOptions& o, Prepared& p) {
    const std::size_t n = cl.size();
    for (std::size_t b = 0; b < n;) {
        if (!is_katakana_letter(cl[b].first)) {
            ++b;
            continue;
        }
        std::size_t e = b + 1;
        while (e < n && is_katakana_letter(cl[e].first) && !p.mandatory[e]) ++e;
        const bool fits = line_width(p, b, e) <= o.width + kEps;
        for (std::size_t j = b + 1; j < e; ++j) {
            if (p.level[j] >= kKinsoku) continue;
            const bool compound = katakana_compound_boundary(cl, b, j, e);
            if (fits) p.level[j] = compound ? kInWholeKatakanaCompound : kInWholeKatakana;
            else p.level[j] = compound ? kKatakanaCompound : kInLongKatakana;
        }
        b = e;
    }
}

// JLREQ 3.1.4 (Table 3): the blank kept between consecutive punctuation of
// kinds ka and kc whose glyphs carry `blank` between them.
double punctuation_blank(Punct ka, Punct kc, double blank, double em) {
    if (ka == Punct::Closing && kc == Punct::Closing) return 0;            // 。」 」」 ）、
    if (ka == Punct::Closing && kc == Punct::Opening) return 0.5 * em;     // 」「 、「 」（
    if (ka == Punct::Opening && kc == Punct::Opening) return 0;            // 「（
    if ((ka == Punct::Closing && kc == Punct::Dot) || (ka == Punct::Dot && kc == Punct::Opening)) return 0.25 * em;
    return blank;
}

// Headings: a break inside brackets (次期人事基盤（HCM | クラウド）) is
// avoided as one between Latin words is, when the bracketed words fit a
// line: a free break elsewhere wins unless it leaves the line nearly empty,
// and a phrase boundary inside them still beats a break inside a phrase.
void avoid_breaks_in_brackets(const std::vector<BreakCluster>& cl, double width, Prepared& p) {
    std::vector<std::size_t> open;  // clusters of the brackets not yet closed
    for (std::size_t j = 0; j < cl.size(); ++j) {
        const JlreqClass kind = jlreq_class(cl[j].last);
        if (kind == JlreqClass::OpeningBracket) open.push_back(j);
        if (kind != JlreqClass::ClosingBracket || open.empty()) continue;
        const std::size_t from = open.back();
        open.pop_back();
        if (!(p.sum[j + 1] - p.sum[from] <= width)) continue;
        for (std::size_t k = from + 1; k <= j; ++k)
            if (p.level[k] < kLatinSpace) p.level[k] = kLatinSpace;
    }
}

Prepared prepare(const std::vector<BreakCluster>& cl, const LineBreakOptions& o) {
    Prepared p;
    p.clusters = &cl;
    const std::size_t n = cl.size();
    p.n = n;
    const double em = o.em > 0 ? o.em : 0;
    p.adv.resize(n);
    p.gap.assign(n + 1, 0);
    p.lead.assign(n, 0);
    p.trail.assign(n, 0);
    p.level.assign(n + 1, kNever);
    p.mandatory.assign(n + 1, 0);
    p.space.resize(n);
    p.shown_end.resize(n + 1);
    std::vector<Punct> kind(n);
    for (std::size_t i = 0; i < n; ++i) {
        p.adv[i] = cl[i].advance;
        p.space[i] = is_breaking_space(cl[i].first);
        kind[i] = punct_kind(cl[i].first);
        // Full-width punctuation: the glyph sits in one half of the em box
        // (the other half, or quarters for middle dots, is blank). A
        // proportional font (BIZ UDPGothic: 「」（） are 0.5 em) has no blank
        // to take away, so nothing is compressed.
        if (em > 0 && cl[i].advance >= 0.9 * em) {
            const double blank = cl[i].advance - 0.5 * em;
            if (kind[i] == Punct::Opening) p.lead[i] = blank;
            if (kind[i] == Punct::Closing) p.trail[i] = blank;
            if (kind[i] == Punct::Dot) p.lead[i] = p.trail[i] = blank / 2;
        }
        p.max_trail = std::max(p.max_trail, p.trail[i]);
    }
    // Gaps between neighbours.
    for (std::size_t j = 1; j < n; ++j) {
        const char32_t a = cl[j - 1].last, c = cl[j].first;
        double g = 0;
        if (em > 0 && o.jl_spacing_em != 0 &&
            ((is_japanese_letter(a) && is_western_for_spacing(c)) ||
             (is_western_for_spacing(a) && is_japanese_letter(c))))
            g += o.jl_spacing_em * em;
        const double blank = p.trail[j - 1] + p.lead[j];
        const double target = punctuation_blank(kind[j - 1], kind[j], blank, em);
        if (blank > target) g -= blank - target;
        p.gap[j] = g;
    }
    double max_squeeze = 0;
    for (std::size_t j = 1; j < n; ++j) max_squeeze = std::max(max_squeeze, -p.gap[j]);
    p.stop_margin = p.max_trail + max_squeeze;
    p.sum.assign(n + 1, 0);
    for (std::size_t k = 0; k < n; ++k) p.sum[k + 1] = p.sum[k] + p.adv[k] + (k + 1 < n ? p.gap[k + 1] : 0);
    // Shown ends: a break before j hides the spaces just before it.
    p.shown_end[0] = 0;
    for (std::size_t j = 1; j <= n; ++j) p.shown_end[j] = p.space[j - 1] ? p.shown_end[j - 1] : j;
    // Break levels.
    std::vector<std::uint8_t> phrase_start;
    if ((o.heading || o.prefer_phrases) && n > 1) {
        std::u32string text(n, U' ');
        for (std::size_t i = 0; i < n; ++i) text[i] = cl[i].first;
        phrase_start.assign(n + 1, 0);
        for (std::size_t b : budoux_phrase_boundaries(text)) phrase_start[b] = 1;
    }
    for (std::size_t j = 1; j < n; ++j) {
        if (cl[j - 1].hard_break_after || is_mandatory_break_char(cl[j - 1].last)) p.mandatory[j] = 1;
        if (p.space[j]) continue;  // breaks come after a run of spaces, never before
        const std::size_t e = p.shown_end[j];
        if (e == 0) continue;  // leading spaces
        const char32_t prev = cl[e - 1].last, cur = cl[j].first;
        const bool kinsoku = is_line_start_prohibited(cur) || is_line_end_prohibited(prev) ||
                             (e == j && is_inseparable(prev) && is_inseparable(cur));
        Level lv;
        if (kinsoku) {
            lv = kKinsoku;
        } else if (e < j) {  // after spaces
            lv = (latin_word_ends_at(cl, e) && latin_word_starts_at(cl, j)) ? kLatinSpace : kFree;
        } else if ((is_word_char(prev) && is_word_char(cur)) || is_joiner(prev) || is_joiner(cur)) {
            lv = kInWord;
        } else if ((is_digit(prev) && is_counter(cur)) ||
                   (j >= 2 && is_digit(cl[j - 2].last) && is_counter_continuation(prev, cur)) ||
                   (prev == U'第' && is_digit(cur))) {
            lv = kInWord;  // 5000|以上, 3.5|倍, 5000以|上, 第|3
        } else {
            lv = kFree;
            if (o.heading) {
                if (!phrase_start[j]) lv = kInPhrase;
            } else if (!phrase_start.empty() && !phrase_start[j]) {
                lv = kInBodyPhrase;
            }
        }
        p.level[j] = lv;
    }
    if (o.heading) avoid_breaks_in_brackets(cl, o.width, p);
    mark_long_token_breaks(cl, o, p);
    mark_katakana_word_breaks(cl, o, p);
    for (std::size_t j = 1; j < n; ++j)
        if (p.mandatory[j]) p.level[j] = kFree;
    p.stop.assign(n + 1, n);
    for (std::size_t b = n; b-- > 0;) p.stop[b] = (b + 1 < n && p.mandatory[b + 1]) ? b + 1 : p.stop[b + 1];
    return p;
}

struct Line {
    std::size_t begin = 0, next = 0;  // shown from begin; next line starts at next
    std::size_t end = 0;              // shown end (spaces stripped)
    int level = 0;                    // level of the break ending the line
    bool forced = false;              // ended by a hard break or the end of input
};

// Chooses the break ending the line that starts at b.
Line fill_line(const Prepared& p, std::size_t b, double width) {
    std::array<std::size_t, kLevels> best{};  // 0 = none
    const std::size_t stop = p.stop[b];  // the forced break (mandatory or end) after b
    for (std::size_t j = b + 1; j <= stop; ++j) {
        const std::size_t e = p.shown_end[j];
        const double w = line_width(p, b, e);
        if (j == stop) {
            if (w <= width + kEps) return {b, j, e, kFree, true};
            break;
        }
        if (p.level[j] == kNever || e <= b) continue;
        if (w <= width + kEps) {
            best[p.level[j]] = j;
        } else if (w - p.stop_margin > width + kEps) {
            break;  // nothing further can fit
        }
    }
    auto make = [&](std::size_t j) {
        return Line{b, j, p.shown_end[j], p.level[j], false};
    };
    // Soft levels: a worse break further on beats a better one that leaves
    // the line too empty.
    std::size_t choice = best[kFree];
    auto poor = [&](std::size_t j, double min_fill) {
        const std::size_t e = p.shown_end[j];
        return line_width(p, b, e) < min_fill * width || orphan_count(*p.clusters, b, e) <= 2;
    };
    if (best[kLatinSpace] > choice && (!choice || poor(choice, kMinFillBeforeLatinSpace)))
        choice = best[kLatinSpace];
    if (best[kInBodyPhrase] > choice && (!choice || poor(choice, kMinFillBeforePhraseSplit)))
        choice = best[kInBodyPhrase];
    // Inside a long word a worse break replaces a better one only when it
    // fills the line where the better one does not.
    for (int lv : {kTokenBreak, kKatakanaCompound, kTokenMinor})
        if (best[lv] > choice &&
            (!choice || (poor(choice, kMinFillBeforeLongWordBreak) && !poor(best[lv], kMinFillBeforeLongWordBreak))))
            choice = best[lv];
    // A poor line ended inside a long token whose next stretch has no break
    // point and is wider than a line (a digest after 'payment-'): that
    // stretch is torn anyway, so the line is filled and torn here instead of
    // leaving 'payment' alone on its line.
    if (choice && p.level[choice] >= kTokenBreak && best[kInWord] > choice &&
        poor(choice, kMinFillBeforeLongWordBreak)) {
        std::size_t next = choice + 1;
        while (next < stop && p.level[next] >= kInWord) ++next;
        if (line_width(p, choice, p.shown_end[next]) > width + kEps) return make(best[kInWord]);
    }
    if (choice) return make(choice);
    for (int lv = kInPhrase; lv < kKinsoku; ++lv)
        if (best[lv]) return make(best[lv]);
    // Nothing legal fits: overfull at the earliest legal break, if any
    // exists before the forced one; a kinsoku violation only when none does.
    for (std::size_t j = b + 1; j < stop; ++j)
        if (p.level[j] < kKinsoku && p.shown_end[j] > b) return make(j);
    if (best[kKinsoku]) return make(best[kKinsoku]);
    for (std::size_t j = b + 1; j < stop; ++j)
        if (p.level[j] == kKinsoku && p.shown_end[j] > b) return make(j);
    return {b, stop, p.shown_end[stop], kFree, true};
}

std::vector<Line> greedy(const Prepared& p, double width) {
    std::vector<Line> lines;
    std::size_t b = 0;
    while (b < p.n) {
        Line line = fill_line(p, b, width);
        lines.push_back(line);
        b = line.next;
    }
    // A trailing hard break adds no empty line (like a final <br/> in HTML).
    return lines;
}

// Re-breaks the one to three lines above line i (of the segment starting at
// `first`) a little narrower, the smallest narrowing that leaves at least
// `min_last` characters on the last line; true when it found one.
bool repair_orphan(const std::vector<BreakCluster>& cl, const Prepared& p, std::vector<Line>& lines,
                   std::size_t first, std::size_t i, double width, double em, bool single, std::size_t min_last) {
    const double step = std::max(em > 0 ? em / 4 : 0.0, width / 48);
    const std::size_t max_k = std::min<std::size_t>(3, i - first);
    std::array<bool, 4> hopeless{};
    for (double w = width - step; w > width / 2; w -= step) {
        for (std::size_t k = 1; k <= max_k; ++k) {
            if (hopeless[k]) continue;
            const std::size_t s = i - k;
            // No worse breaks than those of the lines being re-broken (and
            // never inside a word or phrase, unless a line above already
            // breaks inside a katakana word too wide for a line: another
            // point inside it is no worse, コンプライ|アンス|チェック|リスト).
            int allowed = kFree;
            for (std::size_t m = s; m < i; ++m) allowed = std::max(allowed, lines[m].level);
            if (allowed > kTokenMinor && allowed != kInLongKatakana) {
                hopeless[k] = true;
                continue;
            }
            std::vector<Line> trial;
            std::size_t b = lines[s].begin;
            bool ok = true;
            for (std::size_t m = 0; m < k && ok; ++m) {
                Line l = fill_line(p, b, w);
                ok = !l.forced && (l.level <= allowed || (single && l.level == kInWholeKatakanaCompound)) &&
                     line_width(p, l.begin, l.end) <= w + kEps && orphan_count(cl, l.begin, l.end) > 2;
                trial.push_back(l);
                b = l.next;
            }
            if (!ok) continue;
            Line last = fill_line(p, b, width);
            if (!last.forced) {  // the rest no longer fits one line: narrower only gets worse
                hopeless[k] = true;
                continue;
            }
            if (orphan_count(cl, last.begin, last.end) < min_last) continue;
            trial.push_back(last);
            std::copy(trial.begin(), trial.end(), lines.begin() + static_cast<std::ptrdiff_t>(s));
            return true;
        }
    }
    return false;
}

// Orphan repair: when the last line of a paragraph (or of the text before a
// hard break) holds only one or two characters, re-break the one to three
// lines above it a little narrower, so that a few characters move down,
// without using worse breaks than before, leaving a short line above, or
// adding a line. Bounded work: at most 3 × 48 trial layouts of 2–4 lines,
// and only for paragraphs that end in an orphan.
void avoid_orphans(const std::vector<BreakCluster>& cl, const Prepared& p, std::vector<Line>& lines,
                   double width, double em) {
    if (!(width > 0) || !std::isfinite(width)) return;
    std::size_t seg_first = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].forced) continue;
        const std::size_t first = seg_first;
        seg_first = i + 1;
        if (i == first || orphan_count(cl, lines[i].begin, lines[i].end) > 2) continue;
        // A single character alone ("エラーバジェット / 残") is worse than a
        // katakana word broken where its parts meet ("エラー / バジェット残").
        const bool single = orphan_count(cl, lines[i].begin, lines[i].end) == 1;
        // Three or more characters on the last line; a lone one that cannot
        // get there is still better as two (パートナー製 / 品 → パートナー / 製品).
        if (!repair_orphan(cl, p, lines, first, i, width, em, single, 3) && single)
            repair_orphan(cl, p, lines, first, i, width, em, single, 2);
    }
}

std::vector<Line> layout_lines(const std::vector<BreakCluster>& cl, const Prepared& p, double width,
                               bool orphans, double em) {
    std::vector<Line> lines = greedy(p, width);
    if (orphans) avoid_orphans(cl, p, lines, width, em);
    return lines;
}

struct Quality {
    std::size_t lines = 0;
    std::size_t overfull = 0;
    int worst = 0;            // worst break level used
    std::size_t poor = 0;     // breaks inside a phrase or word
};

bool ends_inside_word(int level) {
    switch (level) {
        case kTokenBreak: case kKatakanaCompound: case kTokenMinor: case kInLongKatakana:
        case kInWholeKatakanaCompound: case kInWholeKatakana:
        case kInWord:
            return true;
        default:
            return false;
    }
}

Quality quality(const Prepared& p, const std::vector<Line>& lines, double width) {
    Quality q;
    q.lines = lines.size();
    for (const Line& l : lines) {
        if (line_width(p, l.begin, l.end) > width + kEps) ++q.overfull;
        if (!l.forced) q.worst = std::max(q.worst, l.level);
        if (!l.forced && l.level >= kInPhrase) ++q.poor;
    }
    return q;
}

}  // namespace

std::vector<BrokenLine> break_lines(const std::vector<BreakCluster>& clusters,
                                    const LineBreakOptions& options) {
    std::vector<BrokenLine> out;
    if (clusters.empty()) return out;
    const Prepared p = prepare(clusters, options);
    const double width = std::isnan(options.width) ? 0 : options.width;

    std::vector<Line> lines = layout_lines(clusters, p, width, options.avoid_orphans, options.em);

    // Headings: the narrowest width giving the same lines count, without new
    // overfull lines or worse breaks, so the lines come out balanced.
    const Quality q0 = quality(p, lines, width);
    if (options.heading && lines.size() > 1 && std::isfinite(width) && q0.worst < kInWord) {
        auto ok = [&](double w, std::vector<Line>* result) {
            std::vector<Line> ls = layout_lines(clusters, p, w, options.avoid_orphans, options.em);
            const Quality q = quality(p, ls, w);
            const bool good = q.lines == q0.lines && q.overfull <= q0.overfull && q.worst <= q0.worst &&
                              q.poor <= q0.poor;
            if (good && result) *result = std::move(ls);
            return good;
        };
        double lo = 0, hi = width;
        for (int it = 0; it < 24 && hi - lo > 0.25; ++it) {
            const double mid = (lo + hi) / 2;
            if (ok(mid, nullptr)) hi = mid;
            else lo = mid;
        }
        if (hi < width) ok(hi, &lines);
    }

    out.reserve(lines.size());
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const Line& l = lines[li];
        BrokenLine bl;
        bl.begin = l.begin;
        bl.end = l.end;
        bl.x.resize(l.end - l.begin);
        double pen = 0;
        for (std::size_t k = l.begin; k < l.end; ++k) {
            if (k == l.begin) pen = -p.lead[k];
            else pen += p.adv[k - 1] + p.gap[k];
            bl.x[k - l.begin] = pen;
        }
        bl.width = line_width(p, l.begin, l.end);
        bl.overfull = bl.width > width + kEps;
        const bool broken = !l.forced && l.next < p.n;
        bl.split_word = broken && l.level == kInWord;
        bl.inside_word = broken && ends_inside_word(l.level);
        // Justification: spread the slack over the gaps between characters
        // (not inside Latin words), never on a paragraph's last line or a
        // line ended by a hard break.
        if (options.justify && !options.heading && !l.forced && !bl.overfull && l.end > l.begin + 1) {
            const double slack = width - bl.width;
            std::vector<std::uint8_t> eligible(l.end - l.begin, 0);
            std::size_t count = 0;
            for (std::size_t k = l.begin + 1; k < l.end; ++k) {
                const char32_t a = clusters[k - 1].last, c = clusters[k].first;
                const bool inside_word = is_word_char(a) && is_word_char(c);
                const bool glued = is_inseparable(a) && is_inseparable(c);
                if (!inside_word && !glued) {
                    eligible[k - l.begin] = 1;
                    ++count;
                }
            }
            if (slack > kEps && count > 0) {
                const double per = slack / static_cast<double>(count);
                // A line left short by a word kept whole is not letter-spaced
                // apart: beyond ½ em per gap it stays unjustified.
                if (!(options.em > 0 && per > 0.5 * options.em)) {
                    double shift = 0;
                    for (std::size_t k = l.begin + 1; k < l.end; ++k) {
                        if (eligible[k - l.begin]) shift += per;
                        bl.x[k - l.begin] += shift;
                    }
                    bl.width += shift;
                }
            }
        }
        out.push_back(std::move(bl));
    }
    if (out.empty()) out.push_back(BrokenLine{});
    return out;
}

}  // namespace ks::text
