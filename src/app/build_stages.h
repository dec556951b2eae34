#pragma once
// The build as stages with plain values between them:
//   load -> fit -> render -> impose -> export -> commit -> report
// Each stage is a small function taking the previous stage's value; the
// diagnostics of every stage go to one Diagnostics. run_build (app/build.cpp)
// only chains them and stops after a stage with errors.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/build.h"
#include "app/build_result.h"
#include "app/layout_memo.h"
#include "app/output_names.h"
#include "diag/diagnostics.h"
#include "frame/document.h"
#include "model/deck.h"
#include "text/font_context.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

namespace ks {

// load: the outline, the layout set it uses, and what the build reads
// (BuildResult::inputs, described once per build).
struct Loaded {
    std::optional<Deck> deck;
    std::string layouts_file;  // empty: the deck names a set that does not exist
    std::optional<LayoutSet> set;
    BuildResult described;     // inputs; slides and outputs are filled after fitting
    bool ok() const { return deck && set; }
};
Loaded load_stage(const BuildOptions& options, Diagnostics& diags);

// The fonts and the text engine every stage after load sets text with.
struct Typesetter {
    explicit Typesetter(const std::string& fonts_dir) : fonts(fonts_dir), text(fonts) {}
    FontContext fonts;
    TextEngine text;
};

// fit: the deck after pagination (a slide too long for its box continues on
// new slides), or nullopt when the fonts the layout set names are missing.
// With a memo, a slide whose decision it holds in `context` is not measured
// again (app/layout_memo.h).
std::optional<Deck> fit_stage(const Deck& deck, const LayoutSet& set, const Typesetter& type, Diagnostics& diags,
                              LayoutMemo* memo = nullptr, std::uint64_t context = 0);

// render: one frame per slide, as the slides Document with the build's one
// timestamp. With a memo (watch), a slide whose key in `context` it holds is
// not laid out again (app/layout_memo.h).
Document render_stage(const Deck& deck, const LayoutSet& set, const Typesetter& type, Diagnostics& diags,
                      LayoutMemo* memo = nullptr, std::uint64_t context = 0);

// impose: one handout Document per style; a diagnostic the styles share is
// reported once.
struct Imposed {
    std::vector<Document> handouts;  // in the order of `styles`
    std::size_t pages = 0;
};
Imposed impose_stage(const Deck& deck, const Document& slides, const LayoutSet& set, const Typesetter& type,
                     const BuildOptions& options, const std::vector<HandoutStyle>& styles, Diagnostics& diags);

// --strict: every warning becomes an error.
Diagnostics warnings_as_errors(const Diagnostics& diags);

}  // namespace ks
