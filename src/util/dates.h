#pragma once
#include <string>

namespace ks {

// "2025-06-26" → "2025年6月26日"; anything else is returned unchanged.
std::string iso_to_japanese_date(const std::string& iso);

}  // namespace ks
