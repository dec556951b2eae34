#pragma once
// The build and check commands: the pipeline as a short driver.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "app/build_result.h"
#include "app/output_names.h"
#include "handout/handout_imposer.h"

namespace ks {

class LayoutMemo;

struct BuildOptions {
    std::string outline;
    std::string out_dir;
    std::string dump_layout;  // empty: no dump
    std::string layouts;      // layout set file
    std::string fonts_dir;    // holds fonts.conf
    HandoutOptions handout;   // paper, orientation, order, grayscale (the style comes from handout_styles)
    std::vector<HandoutStyle> handout_styles{HandoutStyle::Three};  // --handout, one file each
    double png_scale = 2.0;   // pixels per point: 960x540 pt -> 1920x1080 px
    unsigned threads = 0;     // 0: all cores
    std::uint64_t max_image_pixels = 50'000'000;  // per image
    bool write_outputs = true;  // false for `check`
    bool quiet = false;
    bool verbose = false;     // phases and every file read and written
    std::string depfile;      // empty: none; else a Makefile-syntax depfile
    bool timings = false;     // print the time of each phase
    bool strict = false;      // every warning is an error (exit 1)
    bool no_cache = false;    // make every output anew (the result is the same bytes)
    std::string report;       // empty: none; else the change report as JSON
    bool recover = false;     // set foreign or damaged output-folder state aside; replace files where outputs go
    std::string root;         // empty: images anywhere; else images must be inside this folder
    bool pptx = false;        // also write slides.pptx
    bool reuse_unchanged = true;  // stop early when nothing changed since the last build (app/input_stamps.h)
    // Preview first (watch --serve): called on an export thread as soon as a
    // slide image is written, before the commit, with the slide's index, its
    // render key and the temporary file (valid until the commit). Slide
    // images are then written before the documents.
    std::function<void(std::size_t index, std::uint64_t key, const std::string& temp)> on_slide_png;
    // Watch: slides laid out by earlier builds of this process (app/layout_memo.h); null: none.
    LayoutMemo* layout_memo = nullptr;
};

enum ExitCode { kExitOk = 0, kExitInput = 1, kExitUsage = 2, kExitEnvironment = 3 };

// Runs the pipeline; prints diagnostics and a summary to `err`. When
// `result` is given it receives what the build read and wrote (see BuildResult).
int run_build(const BuildOptions& options, std::ostream& err, BuildResult* result = nullptr);

// Default data locations under util/data_dir.h's data_dir():
// $KAMISHIBAI_DATA_DIR, else <binary>/../share/kamishibai, else (build tree only) the checkout.
std::string default_layouts_file();
std::string default_fonts_dir();

}  // namespace ks
