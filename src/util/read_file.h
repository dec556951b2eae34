#pragma once
#include <optional>
#include <string>

namespace ks {

// The whole file as bytes; nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::string& path);

}  // namespace ks
