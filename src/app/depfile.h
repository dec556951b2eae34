#pragma once
// Makefile-syntax dependency files (--depfile) and the description of a
// build's inputs and outputs they are made from.
#include <string>

#include "app/build.h"
#include "app/build_result.h"
#include "app/output_names.h"
#include "model/deck.h"
#include "theme/layout_set.h"

namespace ks {

// The inputs of a build of `deck`: outline, layout set and its logos when
// `set` is given, referenced images, every file in the fonts folder.
BuildResult describe_inputs(const BuildOptions& options, const Deck& deck, const LayoutSet* set = nullptr);

// Adds the outputs (OutputNames, the layout dump) and per-slide summaries of
// a build of `deck` (after fitting) to `described`.
void describe_outputs(const BuildOptions& options, const Deck& deck, const OutputNames& names, BuildResult& described);

// "out1 out2 ...: in1 in2 ..." plus an empty rule per input (like gcc -MP);
// spaces and "#" are escaped with a backslash, "$" doubled.
std::string depfile_text(const BuildResult& build);

// One path escaped for a Makefile rule.
std::string make_escape(const std::string& path);

}  // namespace ks
