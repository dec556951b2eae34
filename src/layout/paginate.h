#pragma once
// Fitting, before final layout: a slide whose body does not fit its box even
// at the box's min-size becomes a run of real slides (ID, ID-2, ID-3, …) that
// share its layout. Everything downstream just sees more slides.
#include "diag/diagnostics.h"
#include "model/deck.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

namespace ks {

// The expanded deck. Lists break between items (an item whose children do
// not fit breaks between its children), ordered lists go on counting, tables
// break between rows and repeat their header rows, a paragraph breaks between
// lines only when it alone is taller than the box. Pieces are filled at the
// box's normal size so continuation slides stay readable. The first slide of
// a run keeps the id, title and notes; the others get `continues`, the title
// with the layout set's continued mark, and no notes. Sections are adjusted.
Deck paginate(const Deck& deck, const LayoutSet& set, const TextEngine& text, Diagnostics& diags);

// The title of a continuation slide: `title` plus `mark`, unless the author
// already numbered it (it ends in 「（1/2）」, "(1/2)" or similar).
RichText continued_title(const RichText& title, const std::string& mark);

// Splits `text` at byte offset `at` of its plain text (spans are cut there).
std::pair<RichText, RichText> split_rich_text(const RichText& text, std::size_t at);
// The same at every (ascending) byte offset in `cuts`, in one pass.
std::vector<RichText> split_rich_text_at(const RichText& text, const std::vector<std::size_t>& cuts);

}  // namespace ks
