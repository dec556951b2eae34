#pragma once
// The export stage's exporters, in one table (export_tasks.cpp). Each turns
// the built Documents into tasks: one output file each, with its name (from
// OutputNames), its render key and the function that writes it. The build
// keeps an output whose key is unchanged and runs the other tasks in
// parallel. Adding an exporter is one function and one row in that table;
// a post-processing step (e.g. on a PDF) goes inside the task's `write`,
// after the exporter, on the same temporary file.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/build.h"
#include "app/output_names.h"
#include "cache/render_key.h"
#include "diag/diagnostics.h"
#include "frame/document.h"

namespace ks {

class CairoPainter;

// What exporters read: the Documents and the render options, nothing else.
struct BuiltDocuments {
    const Document& slides;
    const std::vector<Document>& handouts;  // one per OutputNames::handout_styles()
    const OutputNames& names;
    const BuildOptions& options;
    const CairoPainter& painter;
    const std::vector<std::string>& slide_labels;  // manifest label of each slide image (change_report.h)
};

struct ExportTask {
    std::string output;      // relative to the output folder (OutputNames)
    std::uint64_t key = 0;   // cache/render_key.h: equal keys, equal bytes
    std::string label;       // manifest label (slide images: id and title)
    std::size_t exporter = 0;  // index into export_kinds(), for --timings
    bool slide_step = false;   // counts as one slide in the progress line
    // Writes the file at `path` (a temporary the commit renames into place).
    std::function<void(const std::string& path, Diagnostics& diags)> write;
};

// The exporters' names, in table order ("handout.pdf", "slides.pdf", "PNGs").
std::vector<std::string> export_kinds();

// Every exporter's tasks, longest kinds first (handouts, slides.pdf, PNGs).
// The tasks refer to `built`, which must outlive them.
std::vector<ExportTask> export_tasks(const BuiltDocuments& built, RenderKeys& keys);

}  // namespace ks
