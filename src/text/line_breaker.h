#pragma once
// Line breaking and inter-character spacing for Japanese text with Latin
// words, to JLREQ (W3C "Requirements for Japanese Text Layout").
// Pure functions over already shaped clusters: no Pango, no fonts, so the
// rules can be tested on plain data.
#include <cstddef>
#include <vector>

namespace ks::text {

// One grapheme cluster of shaped text, in logical order.
struct BreakCluster {
    char32_t first = 0;    // first code point of the cluster (classifies it)
    char32_t last = 0;     // last code point (usually == first)
    double advance = 0;    // natural advance in points
    bool hard_break_after = false;  // an explicit line break (<br/>) follows
};

struct LineBreakOptions {
    double width = 0;               // available width of every line, points
    double em = 0;                  // font size, points (spacing is in em)
    double jl_spacing_em = 0.25;    // space between Japanese and Latin/digits
    bool heading = false;           // break only at phrase boundaries, balance lines
    bool justify = false;           // distribute slack between Japanese characters
    bool avoid_orphans = true;      // last line not just one or two characters
    bool prefer_phrases = false;    // body text: avoid breaking inside a BudouX phrase when
                                    // the line stays well filled (文節改行 on slides)
};

struct BrokenLine {
    std::size_t begin = 0, end = 0;  // clusters [begin, end) shown on this line
    std::vector<double> x;           // x of each shown cluster, relative to line start
    double width = 0;                // ink extent: position after the last shown cluster
    bool overfull = false;           // no legal break made it fit
    bool split_word = false;         // torn inside a Latin word or number wider than the line, at no
                                     // break point of its own (an emergency break)
    bool inside_word = false;        // ends inside a word: a URL or path at one of its break points, a
                                     // katakana word, or an emergency break
};

// Breaks clusters into lines, to JLREQ (see line_breaker.cpp and docs/ARCHITECTURE.md):
// - kinsoku: no line starts with closing brackets, 、。，．・：；！？, ー,
//   small kana, iteration marks or postfix units; none ends with an opening
//   bracket or a prefix unit (jlreq_classes.h). Only broken when the text
//   offers no legal break at all before the next hard break.
// - Latin words, numbers with their units (5000以上, 3.5倍, ¥5,000,
//   10GB/秒) stay whole unless wider than the line; a space between Latin
//   words (product names) is used only when no other break fills the line.
//   A URL, path or other token wider than the line breaks after '/' and
//   before ? & = #, else before . _ - (nothing inserted); only a stretch
//   with no such point is torn at the last character that fits (split_word).
// - Katakana words stay whole wherever they fit on a line; one wider than
//   the line breaks at a guessed compound boundary (セキュリティ|インシデント).
// - x includes jl_spacing_em × em between kana/kanji and Latin letters or
//   digits, and compression of consecutive full-width punctuation (」「, 。」,
//   ）、 take 1.5 em). A full-width opening bracket starting a line is
//   trimmed: its x is negative (−½ em), so its ink aligns with the margin.
//   A closing bracket or stop ending a line hangs its blank half: `width`
//   excludes it. Half-width (proportional) brackets are left as they are.
// - avoid_orphans: the last line of the text or before a hard break holds
//   more than two characters (す。 counts one) when re-breaking the lines
//   above can achieve it.
// - heading: breaks at BudouX phrase boundaries and Latin spaces, lines
//   balanced; justify is ignored for headings.
// - justify: slack spread over gaps between characters (not inside Latin
//   words), not on the last line or before a hard break, and not when it
//   would exceed ½ em per gap (a line left short by a word kept whole).
// A cluster whose code point is U+000A/U+2028 acts like hard_break_after
// and is consumed like a space. Trailing spaces at a break are not shown (they
// are excluded from [begin, end) but consumed). Never returns zero lines for
// non-empty input.
std::vector<BrokenLine> break_lines(const std::vector<BreakCluster>& clusters,
                                    const LineBreakOptions& options);

}  // namespace ks::text
