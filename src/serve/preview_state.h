#pragma once
// What the live preview page shows after a build: the slides of the last
// good build (their PNGs are still on disk), whether the latest build
// failed, and its messages.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ks {

// The watcher fills these from its build's result: the server needs no
// knowledge of how a build names its files.
struct PreviewSlide {
    std::size_t index = 0;
    std::string id;
    std::string title;  // plain text
    std::string notes;  // plain text, paragraphs separated by "\n\n"
    std::string png;    // relative to the output folder, e.g. "slides/01.png"
    std::string hash;   // hex content hash of the PNG, used to bust caches
};

struct PreviewState {
    std::uint64_t version = 0;  // increases with every build
    bool ok = true;             // the latest build succeeded
    std::string messages;       // what the latest build printed (errors, warnings)
    std::string title;          // deck title
    std::vector<PreviewSlide> slides;
    std::vector<std::size_t> changed;  // slides whose PNG changed in the latest build
    std::string handout_file;          // relative to the output folder (the first handout)
    std::string handout_hash;          // empty: no handout
    std::string slides_pdf_file;       // relative to the output folder
    std::string slides_pdf_hash;       // empty: no slides PDF
    bool mid_commit = false;           // OUT holds an unfinished commit (a mix until the next build)
};

// The state as the JSON served at /api/deck.
std::string preview_state_json(const PreviewState& state);

}  // namespace ks
