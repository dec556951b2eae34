#pragma once
// The size of each kind of body text when a body is fitted at one size.
// Every kind scales with the body and stops at its floor (the box's
// min-size, nested-min-size, cell-min-size, code-min-size,
// caption-min-size), so fitting never sets text below what a room can read.
#include <algorithm>
#include <string>
#include <vector>

#include "frame/layout_record.h"

#include "theme/layout_set.h"

namespace ks {

struct TextSizes {
    double body = 0;     // paragraphs, top-level items, agenda, big-number labels, column headings
    double nested1 = 0;  // second list level
    double nested2 = 0;  // third and deeper list levels
    double cell = 0;     // table cells and table captions
    double code = 0;     // <pre>
    double caption = 0;  // image captions, cites, big-number notes
    double quote = 0;    // <quote> text
    double figure = 0;   // big-number values before they are fitted to their cell
};

// Sizes for a body fitted at `size` (the box's `size` when nothing shrinks).
TextSizes text_sizes(const BoxSpec& box, double size);

// The smallest fitting size that still shrinks some kind of text: below it
// every kind sits at its floor, so fitting never tries smaller sizes.
double lowest_fit_size(const BoxSpec& box);

// The body text size drawn for a body fitted at `size` (never below min-size).
inline double drawn_body_size(const BoxSpec& box, double size) { return std::max(box.min_size, size); }

// A size as messages print it: "23.5", "14", "18.04".
std::string format_size(double size);

// The size a message about a fitted body names: its body text, or, on a body
// without any (a table alone), its smallest text. `lines` as laid out.
double main_drawn_size(const BoxSpec& box, double size, const std::vector<DumpLine>& lines);

// What shrank, in drawn sizes, for the kinds of text the body holds:
// "body text shrank from 24 to 23.5 pt to fit; table cells from 19.2 to 18.8 pt".
// Empty when nothing shrank.
std::string describe_shrink(const BoxSpec& box, double size, const std::vector<DumpLine>& lines);

}  // namespace ks
