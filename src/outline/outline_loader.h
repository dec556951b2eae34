#pragma once
// Reads an outline XML file into a Deck, collecting every problem found.
#include <cstdint>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "model/deck.h"

namespace ks {

struct OutlineOptions {
    std::uint64_t max_image_pixels = 50'000'000;  // per image, checked before decoding
};

// Returns the deck when the file could be read and parsed as XML (it may still
// carry errors in `diags`); std::nullopt when it could not be read at all.
std::optional<Deck> load_outline(const std::string& path, Diagnostics& diags, const OutlineOptions& options = {});

// Same, from text in memory; `path` is used in messages and to resolve images.
std::optional<Deck> load_outline_from_string(const std::string& path, const std::string& text,
                                             Diagnostics& diags, const OutlineOptions& options = {});

}  // namespace ks
