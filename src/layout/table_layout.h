#pragma once
// Lays out one table: column widths shared out by content, merged cells
// (colspan, rowspan), each cell's text set in its place, numbers right-aligned
// on their decimal points, the row fills and rules. A plain value out, so the
// slide body, the outline handout and fitting all share one table layout.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "model/deck.h"
#include "text/text_engine.h"

namespace ks {

struct BoxSpec;

// A table's colours: a slide's come from its layout set (table_palette),
// the handout prints with print::kTablePalette (layout/print_palette.h).
struct TablePalette {
    Color header_fill, header_text, stripe, rule, caption;
};

// How a table is drawn: the cell text style at the size cells are set at
// (the table's own scale already applied) and the table's colours.
struct TableStyle {
    TextStyle text;
    Color header_fill, header_text, stripe, rule, caption_color;
};

// The one way a TableStyle is made, for slides and handouts alike.
TableStyle table_style(const TextStyle& cell, const TablePalette& palette);

// The colours of tables in a body box, from the layout set.
TablePalette table_palette(const BoxSpec& spec);

// The style of tables in a body box with cells set at `cell_size`.
TableStyle table_style(const BoxSpec& spec, double cell_size);

// A text block at its place, relative to the table's top-left.
struct PlacedText {
    TextBlock block;
    double x = 0, y = 0;
};

// One drawn cell: its rectangle (relative to the table's top-left), the grid
// position it starts at, its spans and its text.
struct TableCellLayout {
    int row = 0, col = 0;  // row within the table as laid out (header rows included), first grid column
    int colspan = 1, rowspan = 1;
    bool header = false, total = false;
    double x = 0, y = 0, w = 0, h = 0;
    double size = 0;    // the size its text is drawn at
    Align align = Align::Left;  // how its lines are set
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
    std::vector<double> row_y;          // top of each row, then the table's bottom (rows + 1 values)
    double height = 0;                  // caption included
    double min_width = 0;               // every column at its longest word (padding included): narrower, words tear
};

// Lays out `table` `width` points wide (the table always spans it). Column
// widths come from `table.sizing_rows` when set (a continued table's pieces
// share the whole table's), else from its rows.
TableLayout layout_table(const Table& table, double width, const TableStyle& style, const TextEngine& text);

// Every item of a laid-out table (fills, rules, glyph runs) in paint order,
// relative to the table's top-left, for callers that need no line records.
std::vector<PositionedItem> table_items(const TableLayout& layout);

// The few cells of `rows` that decide column widths and decimal alignment
// (per column: the widest, the one with the longest word, the one with the
// widest part after its decimal point for each unit), as rows to put in
// Table::sizing_rows. Measured in `style`; widths scale with the size.
std::shared_ptr<const std::vector<TableRow>> table_sizing_rows(const std::vector<TableRow>& rows,
                                                               const TextStyle& style, const TextEngine& text);

}  // namespace ks
