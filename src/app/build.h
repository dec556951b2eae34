#pragma once
// The build and check commands: the pipeline as a short driver.
#include <cstdint>
#include <iosfwd>
#include <string>

#include "handout/handout_imposer.h"

namespace ks {

struct BuildOptions {
    std::string outline;
    std::string out_dir;
    std::string dump_layout;  // empty: no dump
    std::string layouts;      // layout set file
    std::string fonts_dir;    // holds fonts.conf
    HandoutOptions handout;
    double png_scale = 2.0;   // pixels per point: 960x540 pt -> 1920x1080 px
    unsigned threads = 0;     // 0: all cores
    std::uint64_t max_image_pixels = 50'000'000;  // per image
    bool write_outputs = true;  // false for `check`
    bool quiet = false;
    bool timings = false;     // print the time of each phase
};

enum ExitCode { kExitOk = 0, kExitInput = 1, kExitUsage = 2, kExitEnvironment = 3 };

// Runs the pipeline; prints diagnostics and a summary to `err`.
int run_build(const BuildOptions& options, std::ostream& err);

// Default data locations: $KAMISHIBAI_DATA_DIR, else the source tree.
std::string default_layouts_file();
std::string default_fonts_dir();

}  // namespace ks
