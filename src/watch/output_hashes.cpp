#include "watch/output_hashes.h"

#include <cstdint>
#include <cstdio>

#include "util/hash.h"
#include "util/read_file.h"

namespace fs = std::filesystem;

namespace ks {

std::string file_hash(const fs::path& path) {
    auto bytes = read_file(path.string());
    if (!bytes) return {};
    return hex64(fnv1a64(*bytes));
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
