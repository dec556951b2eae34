#include "layout/font_families.h"

#include <set>

#include "util/edit_distance.h"

namespace ks {
namespace {

class FamilyCheck {
public:
    FamilyCheck(const FontContext& fonts, Diagnostics& diags) : fonts_(fonts), diags_(diags) {}

    void check(const std::string& family, const std::string& what, const SourcePosition& where) {
        if (family.empty() || !reported_.insert(family).second || fonts_.has_family(family)) return;
        if (available_.empty()) available_ = fonts_.families();
        std::string list;
        for (const auto& f : available_) list += (list.empty() ? "" : ", ") + f;
        std::string guess = closest_match(family, available_);
        diags_.error(where,
                     "font family '" + family + "' (" + what + ") is not available" +
                         (guess.empty() ? "" : "; did you mean '" + guess + "'?"),
                     {"available families: " + list, "or add its TrueType/OpenType files to fonts/user/"});
    }

private:
    const FontContext& fonts_;
    Diagnostics& diags_;
    std::set<std::string> reported_;
    std::vector<std::string> available_;
};

}  // namespace

void check_font_families(const LayoutSet& set, const FontContext& fonts, Diagnostics& diags) {
    FamilyCheck check(fonts, diags);
    for (const auto& [role, family] : set.fonts) check.check(family, role + "=", set.fonts_where);
    // A box may name a family directly (font="…") rather than a role.
    auto boxes = [&](const LayoutSpec& layout) {
        for (const auto& box : layout.boxes) check.check(box.style.family, "font= on a " + box.role + " box", box.where);
    };
    boxes(set.master);
    for (const auto& [name, layout] : set.layouts) boxes(layout);
}

}  // namespace ks
