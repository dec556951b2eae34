#pragma once
// What layout placed where, by role: the boxes of one slide with their lines,
// images, table cells and columns. A slide's Frame carries its record so the
// layout dump (export/dump/layout_dump) is written from the Document alone;
// the drawing exporters ignore it. See docs/ARCHITECTURE.md, "The Document".
#include <optional>
#include <string>
#include <vector>

#include "frame/structure.h"

namespace ks {

struct DumpLine {
    std::string text;
    double x = 0, y = 0, w = 0, h = 0;  // y is the top of the line box
    double baseline = 0;
    double size = 0;
    bool overfull = false;
    int paragraph = 0;  // lines of one paragraph (item, cell, …) share this number within a box
    // What the line is, for its floor: text, nested, cell, code, caption,
    // value (a big number), number (agenda), heading (a title-like box).
    std::string kind = "text";
};

struct DumpImage {
    double x = 0, y = 0, w = 0, h = 0;
    std::string src;  // as written in the outline
};

// One table cell: its rectangle and its text (lines joined by "\n").
struct DumpCell {
    int row = 0, col = 0;  // row within the table as drawn on this slide (header rows included), first column
    double x = 0, y = 0, w = 0, h = 0;
    std::string text;
    int colspan = 1, rowspan = 1;  // a merged cell covers colspan columns and rowspan rows from (row, col)
    double size = 0;               // the size its text is drawn at
    bool header = false, total = false;
    // The box its lines take, from the cell's top-left (so it moves with the cell); an empty cell's is 0 wide.
    double text_dx = 0, text_dy = 0, text_w = 0, text_h = 0;
};

// The rectangle of one <column> (its heading included).
struct DumpColumn {
    double x = 0, y = 0, w = 0, h = 0;
};

// One drawn mark of a chart: a bar or stacked segment (x, y, w, h), a
// line's point (w = h = 0) or a pie slice (its bounding box), with its value.
struct DumpChartMark {
    int series = 0, category = 0;
    double value = 0;
    double x = 0, y = 0, w = 0, h = 0;
};

struct DumpChartSeries {
    std::string name;
    std::string color;  // #RRGGBB
    std::vector<std::optional<double>> values;  // per category; nullopt = gap
};

// A chart as drawn: its box, its plot area and every mark with its value.
struct DumpChart {
    std::string type;  // column, bar, line, pie, stacked-column
    std::string alt;
    std::string unit;
    double x = 0, y = 0, w = 0, h = 0;
    double plot_x = 0, plot_y = 0, plot_w = 0, plot_h = 0;
    std::vector<std::string> categories;
    std::vector<DumpChartSeries> series;
    std::vector<double> ticks;  // axis tick values (empty for a pie)
    std::vector<DumpChartMark> marks;
};

struct DumpBox {
    std::string role;
    double x = 0, y = 0, w = 0, h = 0;
    bool overflow = false;
    double font_size = 0;  // size the text was finally set at (after shrinking)
    std::vector<DumpLine> lines;
    std::vector<DumpImage> images;
    std::vector<DumpCell> cells;
    std::vector<DumpColumn> columns;
    std::vector<DumpChart> charts;
};

// The layout record of one slide page; empty `id` on pages that are not
// slides (handout pages).
struct LayoutRecord {
    std::string id;
    std::string layout;
    std::string continues;  // id of the slide this one continues, if any
    std::vector<DumpBox> boxes;
    SlideStructure structure;  // what the slide says, for exporters that need more than ink
};

}  // namespace ks
