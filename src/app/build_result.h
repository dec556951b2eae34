#pragma once
// What a build read and wrote, for tools around it (depfile, watch, preview).
// Filled by run_build when the outline could be loaded, even if it has errors,
// so a watcher still knows which files to watch.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ks {

struct SlideSummary {
    std::size_t index = 0;
    std::string id;
    std::string title;  // plain text
    std::string notes;  // plain text, paragraphs separated by "\n\n"
    std::string png;    // path relative to the output directory, e.g. "slides/01.png"
    std::uint64_t key = 0;  // what the PNG was made from (cache/render_key.h); 0: not built
};

// One slide in the change report (--report keeps these keys: index, id, title).
struct SlideChange {
    std::size_t index = 0;  // 0-based; in the old build for removed slides
    std::string id;
    std::string title;
};

struct ChangeReport {
    std::vector<SlideChange> added, changed, removed;
    double ms = 0;  // the whole build
};

struct BuildResult {
    bool described = false;            // false: the outline could not be loaded at all
    bool unchanged = false;            // nothing changed since the last build: nothing was read or written
    std::string title;                 // the deck's title (meta)
    std::vector<std::string> inputs;   // outline, layout set, images, fonts.conf and font files
    std::vector<std::string> input_dirs;  // directories whose any change matters (the fonts folder)
    std::vector<std::string> outputs;  // every file the build writes
    std::string slides_pdf;            // relative to the output folder (OutputNames)
    std::vector<std::string> handouts; // relative, one per handout style
    std::vector<SlideSummary> slides;
    ChangeReport changes;              // what this build changed (after a successful build)
};

}  // namespace ks
