// libFuzzer target: the output folder's state-file readers on arbitrary
// bytes. Whatever a journal or manifest says, every path accepted from it is
// a plain relative path inside the folder, and what is accepted reads back
// the same after it is written again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "output/state_files.h"

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

// Checked independently of path_problem: component by component.
void require_inside(const std::string& path, bool private_state = false) {
    require(ks::path_problem(path, private_state).empty());
    require(!path.empty() && path.front() != '/');
    std::size_t start = 0;
    for (;;) {
        auto slash = path.find('/', start);
        std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        require(!part.empty() && part != "." && part != "..");
        for (unsigned char c : part) require(c >= 0x20 && c != 0x7f);
        if (start == 0 && !private_state) require(part != ".kamishibai");
        if (slash == std::string::npos) return;
        start = slash + 1;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    ks::Journal journal;
    if (!ks::parse_journal(text, journal)) {
        for (const auto& [temp, final] : journal.renames) {
            require_inside(temp, true);
            require(temp.rfind(".kamishibai/tmp/", 0) == 0);
            require_inside(final);
        }
        for (const auto& path : journal.deletes) require_inside(path);
        for (const auto& [path, _] : journal.owned) require_inside(path);
        ks::Journal again;
        require(!ks::parse_journal(ks::journal_text(journal), again));
        require(again.renames == journal.renames && again.deletes == journal.deletes &&
                again.owned.size() == journal.owned.size());
    } else {
        (void)ks::printable_line(text);
    }
    ks::Manifest manifest;
    if (!ks::parse_manifest(text, manifest)) {
        for (const auto& [path, _] : manifest.owned) require_inside(path);
        ks::Manifest again;
        require(!ks::parse_manifest(ks::manifest_text(manifest.owned), again));
        require(again.intact && again.owned.size() == manifest.owned.size());
        for (const auto& [path, f] : manifest.owned) {
            auto it = again.owned.find(path);
            require(it != again.owned.end() && it->second.size == f.size && it->second.hash == f.hash &&
                    it->second.label == f.label && it->second.stamp == f.stamp);
        }
    }
    return 0;
}
