#pragma once
// Slide + layout set + text engine → frame and dump: a pure function per
// slide, so slides can be laid out in parallel and cached independently.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "frame/frame.h"
#include "model/deck.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

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

struct DumpBox {
    std::string role;
    double x = 0, y = 0, w = 0, h = 0;
    bool overflow = false;
    double font_size = 0;  // size the text was finally set at (after shrinking)
    std::vector<DumpLine> lines;
    std::vector<DumpImage> images;
    std::vector<DumpCell> cells;
};

struct SlideLayout {
    std::size_t index = 0;  // 0-based
    std::string id;
    std::string layout;
    std::string continues;  // id of the slide this one continues, if any
    double width = 0, height = 0;
    std::shared_ptr<const Frame> frame;
    std::vector<DumpBox> boxes;
    Diagnostics diags;
};

// The layout a slide gets: its own layout="" or one chosen from its content.
std::string choose_layout(const Slide& slide, std::size_t index, const LayoutSet& set);

// Checks every slide's layout="" against the set.
void check_layout_names(const Deck& deck, const LayoutSet& set, Diagnostics& diags);

// The body box of `layout` for `slide`: below the subtitle when the slide
// has one and the layout places it over the body's top.
std::optional<BoxSpec> body_box_for(const LayoutSpec& layout, const Slide& slide);

SlideLayout layout_slide(const Deck& deck, std::size_t index, const LayoutSet& set, const TextEngine& text);

}  // namespace ks
