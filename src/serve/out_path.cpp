#include "serve/out_path.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace ks {

std::optional<fs::path> resolve_out_path(const fs::path& root, std::string_view relative) {
    if (relative.empty() || relative.front() == '/' || relative.find('\0') != std::string_view::npos)
        return std::nullopt;
    // Every segment must be a plain name.
    std::size_t start = 0;
    while (start <= relative.size()) {
        std::size_t end = relative.find('/', start);
        if (end == std::string_view::npos) end = relative.size();
        std::string_view seg = relative.substr(start, end - start);
        if (seg.empty() || seg == "." || seg == "..") return std::nullopt;
        start = end + 1;
    }
    std::error_code ec;
    fs::path base = fs::canonical(root, ec);
    if (ec) return std::nullopt;
    fs::path target = fs::canonical(base / fs::path(std::string(relative)), ec);  // resolves symlinks
    if (ec) return std::nullopt;
    // Inside the folder after every link is followed, and a regular file.
    auto [b, t] = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
    if (b != base.end() || t == target.end()) return std::nullopt;
    if (!fs::is_regular_file(target, ec)) return std::nullopt;
    return target;
}

}  // namespace ks
