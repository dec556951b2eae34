#pragma once
// What layout/ hands the handout imposer for the notes and outline styles:
// finished pages of content in the paper's content box, and the places where
// slide pictures go. The imposer adds the paper, the pictures and the
// furniture; it sets no text of its own.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "layout/print_palette.h"

namespace ks {

// A slide picture: slide `slide` scaled to `w` with its top-left at (x, y)
// of the content box, drawn before `items[before_item]` of its page (so the
// page keeps the drawing order it was laid out in); `number`: its slide
// number under it, right-aligned.
struct SlideSlot {
    std::size_t slide = 0;
    double x = 0, y = 0, w = 0;
    bool number = true;
    std::size_t before_item = 0;
};

struct ContentPage {
    std::vector<PositionedItem> items;  // relative to the content box's top-left
    std::vector<SlideSlot> slides;
    std::string section;  // the section the page's header names ("" for none)
};

// One unbreakable slice of a laid-out column: a line of text (with its list
// mark, quote rule or code band), a table row or a picture. Pages break only
// between strips.
struct Strip {
    double height = 0;
    double space_before = 0;  // dropped at the top of a page
    std::vector<PositionedItem> items;  // relative to the strip's top-left
    // A table row: the table's header rows, repeated above it when it opens a page.
    std::shared_ptr<const std::vector<Strip>> header;
    bool keep_with_next = false;  // a header row or a caption: never alone at a page foot
};

// What a page layout of the handout is given: the content box between the
// header and footer, each slide's width / height (for its picture), the fonts.
struct ContentSpec {
    double width = 0, height = 0;
    std::vector<double> aspects;
    print::Fonts fonts;
};

// Slide picture geometry the layout reserves: the number under a picture.
constexpr double kSlideNumberSize = 7;

}  // namespace ks
