#pragma once
// Lays out a slide's blocks (paragraphs, lists, tables, images) in a column.
#include <vector>

#include "diag/diagnostics.h"
#include "frame/frame.h"
#include "layout/slide_layout.h"
#include "model/deck.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

namespace ks {

struct BodyResult {
    std::vector<PositionedItem> items;  // relative to the body box's top-left
    std::vector<DumpLine> lines;        // relative to the body box's top-left
    std::vector<DumpImage> images;      // relative to the body box's top-left
    std::vector<DumpCell> cells;        // relative to the body box's top-left
    std::vector<DumpColumn> columns;    // relative to the body box's top-left
    std::vector<DumpChart> charts;      // relative to the body box's top-left
    std::vector<StructElement> elements;  // relative to the body box's top-left; ranges index `items`
    std::vector<MissingCharacter> missing;
    double height = 0;
    int paragraphs = 0;  // paragraph numbers used (the next block in the box goes on from here)
    bool overfull = false;  // a single character (or glued pair) wider than the column
    std::string split_word;  // the first line torn inside a token with no break point, for the warning
    double table_min_width = 0;  // the widest table's smallest width, for the message when it cannot fit
    bool image_squeezed = false;  // an image got less than its minimum height (it must move on)
};

// Widths of the columns of `columns` in a body `total` wide with `gap` between them.
std::vector<double> column_widths(const Columns& columns, double total, double gap);

// Height a row of column headings takes at body size `size` (0 without headings).
double column_heading_height(const Columns& columns, const BoxSpec& spec, double size, const TextEngine& text);

// Sets `blocks` into a column `spec.w` wide with body text at `size` points.
BodyResult layout_body(const std::vector<Block>& blocks, const BoxSpec& spec, double size, const TextEngine& text,
                       Diagnostics& diags);

}  // namespace ks
