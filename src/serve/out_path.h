#pragma once
// Maps a request path to a file inside the output folder, refusing anything
// that would leave it: "..", ".", empty segments, absolute paths, NUL bytes,
// and symbolic links pointing outside. The path must already be
// percent-decoded exactly once (the HTTP library does that), so "%2e%2e"
// arrives as ".." and is refused, and "%252e" stays a literal name.
#include <filesystem>
#include <optional>
#include <string_view>

namespace ks {

std::optional<std::filesystem::path> resolve_out_path(const std::filesystem::path& root, std::string_view relative);

}  // namespace ks
