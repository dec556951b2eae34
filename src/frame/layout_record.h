#pragma once
// What layout placed where, by role: the boxes of one slide with their lines,
// images, table cells and columns. A slide's Frame carries its record so the
// layout dump (export/dump/layout_dump) is written from the Document alone;
// the drawing exporters ignore it. See docs/ARCHITECTURE.md, "The Document".
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
};

struct DumpImage {
    double x = 0, y = 0, w = 0, h = 0;
    std::string src;  // as written in the outline
};

// One table cell: its rectangle and its text (lines joined by "\n").
struct DumpCell {
    int row = 0, col = 0;  // row within the table as drawn on this slide (header rows included)
    double x = 0, y = 0, w = 0, h = 0;
    std::string text;
};

// The rectangle of one <column> (its heading included).
struct DumpColumn {
    double x = 0, y = 0, w = 0, h = 0;
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
