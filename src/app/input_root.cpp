#include "app/input_root.h"

#include <algorithm>
#include <filesystem>

#include "app/depfile.h"

namespace fs = std::filesystem;

namespace ks {

void check_image_root(const Deck& deck, const std::string& root, Diagnostics& diags) {
    std::error_code ec;
    fs::path base = fs::canonical(root, ec);
    if (ec || !fs::is_directory(base, ec)) {
        diags.error({}, "--root " + root + ": not a folder");
        return;
    }
    for_each_image(deck, [&](const Image& image) {
        if (image.resolved.empty()) return;  // already reported by the outline
        std::error_code e;
        // weakly_canonical: a missing file is judged by where it would be.
        fs::path at = fs::weakly_canonical(fs::absolute(image.resolved, e), e);
        auto [b, a] = std::mismatch(base.begin(), base.end(), at.begin(), at.end());
        if (e || b != base.end() || a == at.end())
            diags.error(image.where, "the image \"" + image.src + "\" is outside --root " + root + " (it is " +
                                         at.string() + "); copy it into " + root + " or build without --root");
    });
}

}  // namespace ks
