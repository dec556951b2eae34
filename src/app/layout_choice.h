#pragma once
// Which layout set a build uses: --layouts FILE, else <deck layouts="NAME">
// (DATA_DIR/layouts/NAME.xml), else the default set.
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/deck.h"

namespace ks {

// The names of the layout sets in the data dir (files layouts/*.xml), sorted.
std::vector<std::string> available_layout_sets();

// The layout-set file for this build; nullopt (with a located error listing
// the available sets) when the deck names a set that does not exist.
std::optional<std::string> layouts_file_for(const std::string& layouts_option, const Deck& deck, Diagnostics& diags);

}  // namespace ks
