#pragma once
// The change report: which slides a build added, changed and removed, found
// by comparing this build's slide images with the previous build's entries in
// the output folder's manifest (their keys and labels). Slides are matched by
// id (by position when they have none).
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "app/build_result.h"
#include "output/output_folder.h"

namespace ks {

struct SlideOutput {
    std::size_t index = 0;
    std::string id, title;
    std::string png;  // relative to the output folder
    std::uint64_t key = 0;
};

// The manifest label of a slide image.
std::string slide_label(const std::string& id, const std::string& title);

// `previous` must be read before the build commits. Without a valid cache
// every slide counts as added.
ChangeReport compare_slides(const std::vector<SlideOutput>& now, const OutputFolder& previous);

// {"added": [...], "changed": [...], "removed": [...], "ms": N}, entries
// {"index", "id", "title"} with 1-based indexes as in the file names.
std::string change_report_json(const ChangeReport& report);

// A few lines for the terminal.
void print_change_report(const ChangeReport& report, std::ostream& err);

}  // namespace ks
