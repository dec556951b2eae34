#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ks {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or empty when none is plausibly meant.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ks
