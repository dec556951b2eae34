#pragma once
// A table of the outline handout's report column, laid out by the slides'
// own table code (table_layout) and cut into strips: its caption lines, its
// header rows (repeated above any row that opens a new page) and one strip
// per body row (rows a merged cell spans stay one strip). Columns are never
// narrower than their longest word; text wraps inside its cell.
#include <vector>

#include "layout/content_page.h"
#include "model/deck.h"
#include "text/text_engine.h"

namespace ks {

struct ReportTableStyle {
    TextStyle cell;     // body cells; header rows are set bold
    TextStyle caption;
    double width = 0;   // the room the table may take
};

std::vector<Strip> layout_report_table(const Table& table, const ReportTableStyle& style, const TextEngine& text);

// The widths the report gives table_layout: every column at least as wide as
// its longest word, the rest shared by share_column_widths.
std::vector<double> report_column_widths(const Table& table, const TextStyle& cell, double avail, const TextEngine& text);

// Column widths for `avail` points: the natural widths when they fit; else
// each column gets its minimum (its longest word) and the rest is shared in
// proportion to what each column still wants (CSS's automatic table layout).
// When even the minimums do not fit they are scaled down together.
std::vector<double> share_column_widths(const std::vector<double>& minimum, const std::vector<double>& natural,
                                        double avail);

// The widest unbreakable piece of `text` in `style`: a run between spaces,
// split further at BudouX phrase boundaries (a Japanese phrase stays whole).
double longest_word_width(const RichText& text, const TextStyle& style, const TextEngine& engine);

}  // namespace ks
