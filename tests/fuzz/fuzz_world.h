#pragma once
// What the deck fuzz targets share: the real fonts, text engine and default
// layout set (made once per process), and loading an outline from fuzz bytes
// as a file beside content/ so relative image paths resolve there.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "model/deck.h"
#include "outline/outline_loader.h"
#include "text/font_context.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

namespace ks::fuzz {

struct World {
    FontContext fonts{std::string(KS_SOURCE_DIR) + "/fonts"};
    TextEngine text{fonts};
    LayoutSet set = [] {
        Diagnostics d;
        return *load_layout_set(std::string(KS_SOURCE_DIR) + "/layouts/briefing.xml", d);
    }();
};

// The deck, or nullopt where a build would stop on the input's errors.
inline std::optional<Deck> load_deck(const uint8_t* data, std::size_t size, Diagnostics& diags) {
    auto deck = load_outline_from_string(std::string(KS_SOURCE_DIR) + "/content/fuzz.xml",
                                         std::string(reinterpret_cast<const char*>(data), size), diags);
    if (!deck || diags.has_errors()) return std::nullopt;
    return deck;
}

}  // namespace ks::fuzz
