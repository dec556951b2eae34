#pragma once
// "No change": a build whose every input (outline, layout set, images, fonts
// folder, the program itself), whose options and whose outputs on disk are
// what the previous build recorded has nothing to do, and stops before
// parsing. The record is OUT/.kamishibai/inputs, written after each commit.
#include <chrono>
#include <string>
#include <vector>

#include "app/build.h"
#include "app/build_result.h"

namespace ks {

// Whether the previous build into options.out_dir already made exactly what
// this one would (false whenever in doubt: a full build follows). When it
// did, `inputs` (if given) receives the inputs that build read.
bool nothing_changed(const BuildOptions& options, std::vector<std::string>* inputs = nullptr);

// Records what this build read and how it was asked, once its outputs are
// committed, unless an input was written since `started` (the build may have
// read either version). The record names the manifest's stamp: a commit that
// was interrupted before the record was replaced rewrote the manifest (or
// the next run's recovery does), so a stale record never matches.
void record_inputs(const BuildOptions& options, const BuildResult& described,
                   std::chrono::system_clock::time_point started);

}  // namespace ks
