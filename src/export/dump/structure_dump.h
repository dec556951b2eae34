#pragma once
// A slide's structure (frame/structure.h) as JSON, the `structure` key of
// each slide in the layout dump.
#include <nlohmann/json.hpp>

#include "frame/structure.h"

namespace ks {

nlohmann::ordered_json structure_json(const SlideStructure& structure);

const char* struct_kind_name(StructKind kind);

}  // namespace ks
