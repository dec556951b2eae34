#pragma once
// The laid-out deck as stable JSON: the contract tests and tools read.
#include <string>
#include <vector>

#include "layout/slide_layout.h"

namespace ks {

std::string layout_dump_json(const std::vector<SlideLayout>& slides);

}  // namespace ks
