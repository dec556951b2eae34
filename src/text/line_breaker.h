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
};

struct BrokenLine {
    std::size_t begin = 0, end = 0;  // clusters [begin, end) shown on this line
    std::vector<double> x;           // x of each shown cluster, relative to line start
    double width = 0;                // ink extent: position after the last shown cluster
    bool overfull = false;           // no legal break made it fit
};

// Breaks clusters into lines. Trailing spaces at a break are not shown (they
// are excluded from [begin, end) but consumed). Never returns zero lines for
// non-empty input.
std::vector<BrokenLine> break_lines(const std::vector<BreakCluster>& clusters,
                                    const LineBreakOptions& options);

}  // namespace ks::text
