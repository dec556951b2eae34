#pragma once
// The notes handout's pages: each slide's picture above its speaker notes;
// notes too long for the page continue on further pages (never cut, no lone
// line at a page foot or head); room left over is ruled for the reader's own
// notes. Laid out in a content box; the imposer adds paper and furniture.
#include <vector>

#include "diag/diagnostics.h"
#include "layout/content_page.h"
#include "model/deck.h"
#include "text/text_engine.h"

namespace ks {

// Characters of the notes that no font has are located warnings.
std::vector<ContentPage> layout_notes_pages(const Deck& deck, const ContentSpec& spec, const TextEngine& text,
                                            Diagnostics& diags);

// Notes split into paragraphs at blank lines ("\n\n"), span styles kept,
// line breaks and spaces at paragraph edges trimmed, empty ones dropped.
std::vector<RichText> note_paragraphs(const RichText& notes);

}  // namespace ks
