#include "layout/set_lines.h"

namespace ks {

void push_line(std::vector<PositionedItem>& out, const TextLine& line, double x, double y) {
    for (const auto& r : line.runs) out.push_back({{x + r.origin.x, y + r.origin.y - line.top}, r.run});
}

void push_label(std::vector<PositionedItem>& out, const TextEngine& text, const std::string& s, const TextStyle& st,
                double x, double baseline, Align align, double width) {
    if (s.empty()) return;
    const TextBlock b = text.set(plain_text(s), st, width);
    if (b.lines.empty()) return;
    const TextLine& l = b.lines.front();
    double left = x - l.x;
    if (align == Align::Right) left = x - l.x - l.width;
    else if (align == Align::Center) left = x - l.x - l.width / 2;
    for (const auto& r : l.runs) out.push_back({{left + r.origin.x, baseline + (r.origin.y - l.baseline)}, r.run});
}

double line_height_in(const TextBlock& block, std::size_t k) {
    return (k + 1 < block.lines.size() ? block.lines[k + 1].top : block.height) - block.lines[k].top;
}

}  // namespace ks
