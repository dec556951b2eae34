#pragma once
// --root DIR: for decks someone else wrote, every image must be inside DIR
// (after symbolic links are followed), like Typst's --root. Without it,
// images may be anywhere, as before.
#include <string>

#include "diag/diagnostics.h"
#include "model/deck.h"

namespace ks {

// A located error at each image outside `root`; an unusable `root` is one
// error without a position.
void check_image_root(const Deck& deck, const std::string& root, Diagnostics& diags);

}  // namespace ks
