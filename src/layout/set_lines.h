#pragma once
// Set text as positioned items: the small steps every handout page layout
// (notes, report, furniture) takes with a TextBlock.
#include <string>
#include <vector>

#include "frame/frame.h"
#include "text/text_engine.h"

namespace ks {

// One line of a block with its line box's top-left at (x, y).
void push_line(std::vector<PositionedItem>& out, const TextLine& line, double x, double y);

// One line of text on a baseline, its left edge, centre or right edge at x
// (by `align`); the first line of what `width` holds. Nothing for "".
void push_label(std::vector<PositionedItem>& out, const TextEngine& text, const std::string& s, const TextStyle& st,
                double x, double baseline, Align align, double width = 400);

// A line of `line` (of a block) and the height of its line box.
double line_height_in(const TextBlock& block, std::size_t k);

}  // namespace ks
