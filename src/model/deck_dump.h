#pragma once
// The model as plain text, for the goldens of the stages before layout
// (tests/golden/load, tests/golden/fit; see docs/ARCHITECTURE.md). One node a
// line, indented by nesting; inline markup as <b>, <i>, <code>, <a href>;
// positions as @line:col (no file names, so the dump is the same on every
// machine).
#include <string>

#include "model/deck.h"

namespace ks {

// load: the whole outline as the loader read it (meta, sections, every
// slide with its title, notes and blocks, every block in full).
std::string dump_deck(const Deck& deck);

// fit: what pagination made of it: one line per slide (id, layout as
// written, what it continues, the body size the run shares) and one line per
// block saying how much of it is on that slide (items, rows, lines) and how
// it starts.
std::string dump_fitting(const Deck& deck);

}  // namespace ks
