#pragma once
// Small helpers layout uses to fill a slide's structure (frame/structure.h)
// from what the text engine set: lines of styled runs, moved into place.
#include <cstddef>
#include <string>

#include "frame/structure.h"
#include "text/text_engine.h"

namespace ks {

// A paragraph from the lines of `block` set at (x, y); `items` is the range
// of items its runs became. Code runs are those in `mono_family`.
StructParagraph struct_paragraph(const TextBlock& block, double x, double y, const std::string& mono_family,
                                 ItemRange items);

StructAlign struct_align(Align align);

// Moves an element by (dx, dy) and its item ranges by `items` (its items were
// appended after that many others).
void shift_element(StructElement& element, double dx, double dy, std::size_t items);

// The bounds of the paragraphs' lines, as the element's rectangle (w, h at least 0).
void fit_element_to_lines(StructElement& element);

}  // namespace ks
