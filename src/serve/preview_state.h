#pragma once
// What the live preview page shows after a build: the slides of the last
// good build (their PNGs are still on disk), whether the latest build
// failed, and its messages.
#include <cstdint>
#include <string>
#include <vector>

#include "app/build_result.h"

namespace ks {

struct PreviewSlide {
    SlideSummary slide;
    std::string hash;  // hex content hash of the PNG, used to bust caches
};

struct PreviewState {
    std::uint64_t version = 0;  // increases with every build
    bool ok = true;             // the latest build succeeded
    std::string messages;       // what the latest build printed (errors, warnings)
    std::string title;          // deck title
    std::vector<PreviewSlide> slides;
    std::vector<std::size_t> changed;  // slides whose PNG changed in the latest build
    std::string handout_hash;          // empty: no handout.pdf
    std::string slides_pdf_hash;       // empty: no slides.pdf
    bool mid_commit = false;           // OUT holds an unfinished commit (a mix until the next build)
};

// The state as the JSON served at /api/deck.
std::string preview_state_json(const PreviewState& state);

}  // namespace ks
