#pragma once
// Fitting, before final layout: a slide whose body does not fit its box even
// at the box's min-size becomes a run of real slides (ID, ID-2, ID-3, …) that
// share its layout. Everything downstream just sees more slides.
#include "diag/diagnostics.h"
#include "model/deck.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

namespace ks {

// What fitting decided for one source slide (with a body box and a body):
// it fits as is (shrunk at most), or it continues as a run of pieces, each
// the blocks of one slide, all set at `size`. `floor` and `drawn` are the
// sizes its warning names. Deciding measures text; applying a decision
// (paginate with a FitMemo that holds it) only copies blocks.
struct FitDecision {
    bool continued = false;
    double size = 0;
    std::vector<std::vector<Block>> pieces;
    std::vector<SourcePosition> wheres;  // where each piece starts (unknown: the slide's own position)
    std::string floor, drawn;
};

// Decisions kept from earlier builds (app/layout_memo.h keys them by the
// source slide, its index and everything else fitting reads).
class FitMemo {
public:
    virtual ~FitMemo() = default;
    // The decision kept for source slide `index` of the deck being fitted, or null.
    virtual const FitDecision* find(std::size_t index) = 0;
    virtual void keep(std::size_t index, const FitDecision& decision) = 0;
};

// The expanded deck. Lists break between items (an item whose children do
// not fit breaks between its children), ordered lists go on counting, tables
// break between rows and repeat their header rows, a paragraph breaks between
// lines only when it alone is taller than the box. Pieces are filled at the
// box's normal size so continuation slides stay readable. The first slide of
// a run keeps the id, title and notes; the others get `continues`, the title
// with the layout set's continued mark, and no notes. Sections are adjusted.
// With a memo, a slide whose decision it holds is not measured again.
Deck paginate(const Deck& deck, const LayoutSet& set, const TextEngine& text, Diagnostics& diags,
              FitMemo* memo = nullptr);

// The title of a continuation slide: `title` plus `mark`, unless the author
// already numbered it (it ends in 「（1/2）」, "(1/2)" or similar).
RichText continued_title(const RichText& title, const std::string& mark);

// Splits `text` at byte offset `at` of its plain text (spans are cut there).
std::pair<RichText, RichText> split_rich_text(const RichText& text, std::size_t at);
// The same at every (ascending) byte offset in `cuts`, in one pass.
std::vector<RichText> split_rich_text_at(const RichText& text, const std::vector<std::size_t>& cuts);

}  // namespace ks
