#pragma once
// Lays out one table: column widths from the content, each cell's text set in
// its column, the row fills and rules. A plain value out, so the slide body,
// the outline handout and fitting all share one table layout.
#include <optional>
#include <vector>

#include "frame/frame.h"
#include "model/deck.h"
#include "text/text_engine.h"

namespace ks {

// How a table is drawn: the cell text style at the size cells are set at
// (the table's own scale already applied) and the table's colours.
struct TableStyle {
    TextStyle text;
    Color header_fill, header_text, stripe, rule, caption_color;
};

// A text block at its place, relative to the table's top-left.
struct PlacedText {
    TextBlock block;
    double x = 0, y = 0;
};

// One drawn cell: its rectangle (relative to the table's top-left), the grid
// position it starts at, and its text.
struct TableCellLayout {
    int row = 0, col = 0;  // row within the table as laid out (header rows included)
    double x = 0, y = 0, w = 0, h = 0;
    PlacedText text;
    std::string plain;  // the lines shown, joined by "\n"
};

// One step of drawing, in paint order: a shape, or the text of cells[cell].
struct TablePaint {
    PositionedItem shape;  // used when cell < 0
    int cell = -1;
};

struct TableLayout {
    std::optional<PlacedText> caption;  // drawn first
    std::vector<TableCellLayout> cells;
    std::vector<TablePaint> paint;      // fills, cell texts and rules in paint order
    std::vector<double> column_widths;
    double height = 0;                  // caption included
};

// Lays out `table` `width` points wide (the table always spans it).
TableLayout layout_table(const Table& table, double width, const TableStyle& style, const TextEngine& text);

// Every item of a laid-out table (fills, rules, glyph runs) in paint order,
// relative to the table's top-left, for callers that need no line records.
std::vector<PositionedItem> table_items(const TableLayout& layout);

}  // namespace ks
