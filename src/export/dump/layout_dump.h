#pragma once
// The layout dump (--dump-layout): the slides Document's layout records as
// stable JSON, the contract tests and tools read. Keys are only ever added.
#include <string>

#include "frame/document.h"

namespace ks {

std::string layout_dump_json(const Document& slides);

}  // namespace ks
