#pragma once
// A table of the outline handout's report column, laid out by the slides'
// own table code (table_layout) and cut into strips: its caption lines, its
// header rows (repeated above any row that opens a new page) and one strip
// per body row (rows a merged cell spans stay one strip). Columns are never
// narrower than their longest word (a table too wide for that is set
// smaller, down to 6 pt); text wraps inside its cell.
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

}  // namespace ks
