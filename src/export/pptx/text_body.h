#pragma once
// DrawingML text: an element's paragraphs as a:txBody (runs with their
// fonts and colours, kamishibai's line breaks as a:br, exact line pitch,
// bullets and numbers with levels), and a table as a:tbl.
#include <functional>
#include <optional>

#include <pugixml.hpp>

#include "frame/frame.h"

namespace ks::pptx {

// Where an element's text box goes: the lines' extent, widened on the right
// by some slack so that a reader with slightly wider metrics keeps each line
// whole (right and centred paragraphs get it back as a right margin).
struct TextBox {
    double x = 0, y = 0, w = 0, h = 0;
    double slack = 0;
    bool empty = true;
};

TextBox text_box_geometry(const StructElement& e);

// What text needs from the part it is in.
struct TextContext {
    // The colour of a list item's bullet or number (empty: the text's).
    std::function<std::optional<Color>(const StructParagraph&)> marker;
    // Adds a:hlinkClick for a run's link target to its a:rPr (empty: links are dropped).
    std::function<void(pugi::xml_node rpr, const std::string& target)> link;
};

// The element's paragraphs into `body` (a p:txBody or a:txBody).
void write_text_body(pugi::xml_node body, const StructElement& e, const TextBox& box, const TextContext& context);

// A master's footer or page number: the template with "{page}" as a
// slide-number field, styled as the element's first run.
void write_field_body(pugi::xml_node body, const StructElement& e, const TextBox& box);

// Whether frame item `item` draws some of the element's text (else it is the
// element's own decoration: a bullet, a row fill, a rule, a quote's bar).
bool is_paragraph_item(const StructElement& e, std::size_t item);

// The cells of a table element into `tbl` (a:tbl): grid, rows, merged cells,
// fills and rules as drawn on `frame`.
void write_table(pugi::xml_node tbl, const StructElement& e, const Frame& frame, const TextContext& context);

}  // namespace ks::pptx
