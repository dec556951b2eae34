#include "layout/font_families.h"

#include "util/edit_distance.h"

namespace ks {

void check_font_families(const LayoutSet& set, const FontContext& fonts, Diagnostics& diags) {
    std::vector<std::string> available;
    for (const auto& [role, family] : set.fonts) {
        if (fonts.has_family(family)) continue;
        if (available.empty()) available = fonts.families();
        std::string list;
        for (const auto& f : available) list += (list.empty() ? "" : ", ") + f;
        std::string guess = closest_match(family, available);
        diags.error(set.fonts_where,
                    "font family '" + family + "' (" + role + "=) is not available" +
                        (guess.empty() ? "" : "; did you mean '" + guess + "'?"),
                    {"available families: " + list, "or add its TrueType/OpenType files to fonts/user/"});
    }
}

}  // namespace ks
