#include "app/layout_choice.h"

#include <algorithm>
#include <filesystem>

#include "app/build.h"
#include "util/data_dir.h"

namespace fs = std::filesystem;

namespace ks {

std::vector<std::string> available_layout_sets() {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(data_dir()) / "layouts", ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".xml") names.push_back(it->path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<std::string> layouts_file_for(const std::string& layouts_option, const Deck& deck, Diagnostics& diags) {
    if (!layouts_option.empty()) return layouts_option;
    if (deck.layouts.empty()) return default_layouts_file();
    fs::path file = fs::path(data_dir()) / "layouts" / (deck.layouts + ".xml");
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) return file.string();
    std::string list;
    for (const auto& name : available_layout_sets()) list += (list.empty() ? "" : ", ") + name;
    diags.error(deck.layouts_where, "no layout set named '" + deck.layouts + "' (looked for " + file.string() + ")",
                {"available: " + (list.empty() ? std::string("none") : list) + "; or give a file with --layouts FILE"});
    return std::nullopt;
}

}  // namespace ks
