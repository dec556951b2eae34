#pragma once
#include <optional>
#include <string>

namespace ks {

// The whole file as bytes; nullopt when it cannot be read. Only regular
// files are read: a FIFO, device or folder is refused at once (never a hang),
// and `why` (when given) says what was wrong.
std::optional<std::string> read_file(const std::string& path, std::string* why = nullptr);

// Empty when `path` is a regular file that can be opened, else the reason.
std::string regular_file_problem(const std::string& path);

}  // namespace ks
