#pragma once
// The handout imposer: places scaled slide frames, note lines, speaker notes
// and print furniture (header, footer, page numbers) on paper-sized pages.
// The handout is a Document like the slides; the libharu exporter just draws it.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "frame/document.h"
#include "model/deck.h"

namespace ks {

class TextEngine;

struct HandoutOptions {
    std::string style = "3";          // "1","2","3","4","6","9","notes","outline"
    std::string order = "horizontal"; // for 4/6/9: "horizontal" (row by row) or "vertical"
    std::string paper = "a4";         // "a4" | "letter"
    std::string orientation = "auto"; // "auto" | "portrait" | "landscape" (auto: what suits the style)
    bool grayscale = false;           // a render option of the PDF exporter; the app passes it there
    std::string font_family = "BIZ UDPGothic";  // print furniture and notes; the CLI passes the layout set's sans
    std::string mono_family = "BIZ UDGothic";   // code in the outline style; the layout set's mono
};

// Validates option values (returns false + message for a bad one) – used by
// the CLI for usage errors.
bool validate_handout_options(const HandoutOptions&, std::string& message);

// Imposes the slides Document onto paper. The handout keeps the slides'
// metadata, and their bookmarks point at the page where each slide first
// appears.
Document impose_handout(const Deck& deck, const Document& slides, const TextEngine& text,
                        const HandoutOptions& options, Diagnostics& diags);

// Exposed for tests and the CLI's messages: the orientation `auto` resolves
// to for a style and paper ("portrait" or "landscape").
std::string resolved_orientation(const HandoutOptions& options);

}  // namespace ks
