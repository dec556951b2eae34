#pragma once
// Makefile-syntax dependency files (--depfile) and the description of a
// build's inputs and outputs they are made from.
#include <functional>
#include <string>

#include "app/build.h"
#include "app/build_result.h"
#include "diag/diagnostics.h"
#include "app/output_names.h"
#include "model/deck.h"
#include "theme/layout_set.h"

namespace ks {

// Every image of the deck, in columns too, in order.
void for_each_image(const Deck& deck, const std::function<void(const Image&)>& visit);

// The inputs of a build of `deck`: outline, layout set and its logos when
// `set` is given, referenced images, every file in the fonts folder.
BuildResult describe_inputs(const BuildOptions& options, const Deck& deck, const LayoutSet* set = nullptr);

// Adds the outputs (OutputNames, the layout dump) and per-slide summaries of
// a build of `deck` (after fitting) to `described`.
void describe_outputs(const BuildOptions& options, const Deck& deck, const OutputNames& names, BuildResult& described);

// "out1 out2 ...: in1 in2 ..." plus an empty rule per input (like gcc -MP),
// each path escaped by make_escape. Throws std::runtime_error when a path
// cannot be expressed (check_depfile_names reports images first, located).
std::string depfile_text(const BuildResult& build);

// One path escaped for a Makefile rule: a blank, '#', ':', '|' and the
// wildcards get a backslash (backslashes before them doubled, as gcc -M
// does), '$' is doubled. GNU make reads the result back as `path` whenever
// make_cannot_express(path) is "".
std::string make_escape(const std::string& path);

// Why no Makefile can name `path` (a line break, ';', '=', ...); "" if one can.
std::string make_cannot_express(const std::string& path);

// An error at each image whose path make_cannot_express refuses (--depfile).
void check_depfile_names(const Deck& deck, Diagnostics& diags);

}  // namespace ks
