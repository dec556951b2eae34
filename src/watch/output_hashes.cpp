#include "watch/output_hashes.h"

#include <cstdint>
#include <cstdio>

#include "util/read_file.h"

namespace fs = std::filesystem;

namespace ks {

std::string file_hash(const fs::path& path) {
    auto bytes = read_file(path.string());
    if (!bytes) return {};
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : *bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

std::map<std::string, std::string> slide_png_hashes(const fs::path& out_dir) {
    std::map<std::string, std::string> hashes;
    std::error_code ec;
    for (fs::directory_iterator it(out_dir / "slides", ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".png")
            hashes["slides/" + it->path().filename().string()] = file_hash(it->path());
    return hashes;
}

}  // namespace ks
