#include "model/deck.h"

namespace ks {

std::string RichText::plain() const {
    std::string out;
    for (const auto& s : spans) out += s.text;
    return out;
}

bool RichText::empty() const {
    for (const auto& s : spans)
        if (!s.text.empty()) return false;
    return true;
}

}  // namespace ks

namespace ks {

SourcePosition block_where(const Block& block) {
    return std::visit([](const auto& b) { return b.where; }, block);
}

}  // namespace ks
