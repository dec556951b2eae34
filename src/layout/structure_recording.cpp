#include "layout/structure_recording.h"

#include <algorithm>
#include <limits>

namespace ks {

StructParagraph struct_paragraph(const TextBlock& block, double x, double y, const std::string& mono_family,
                                 ItemRange items) {
    StructParagraph p;
    p.items = items;
    int segment = block.lines.empty() ? 0 : block.lines.front().segment;
    double left = std::numeric_limits<double>::max(), right = std::numeric_limits<double>::lowest();
    for (const auto& line : block.lines) {
        StructLine sl;
        sl.x = x + line.x;
        sl.top = y + line.top;
        sl.w = line.width;
        sl.h = block.lines.empty() ? 0 : block.height / static_cast<double>(block.lines.size());
        sl.baseline = y + line.baseline;
        sl.hard_break = line.segment != segment;
        segment = line.segment;
        for (const auto& pr : line.runs) {
            StructRun run;
            run.text = pr.run.text;
            run.size = pr.run.size;
            run.color = pr.run.color;
            run.link = pr.run.link;
            run.x = x + pr.origin.x;
            if (pr.run.font) {
                run.family = pr.run.font->family;
                run.bold = pr.run.font->bold;
                run.italic = pr.run.font->italic;
                run.code = pr.run.font->family == mono_family;
            }
            run.italic = run.italic || pr.run.skew != 0;
            sl.runs.push_back(std::move(run));
        }
        left = std::min(left, sl.x);
        right = std::max(right, sl.x + sl.w);
        p.lines.push_back(std::move(sl));
    }
    if (!p.lines.empty()) {
        p.x = left;
        p.y = p.lines.front().top;
        p.w = right - left;
        p.h = p.lines.back().top + p.lines.back().h - p.y;
    }
    return p;
}

StructAlign struct_align(Align align) {
    switch (align) {
        case Align::Left: return StructAlign::Left;
        case Align::Center: return StructAlign::Center;
        case Align::Right: return StructAlign::Right;
        case Align::Justify: return StructAlign::Justify;
    }
    return StructAlign::Left;
}

namespace {
void shift_range(ItemRange& r, std::size_t by) {
    r.begin += by;
    r.end += by;
}
}  // namespace

void shift_element(StructElement& element, double dx, double dy, std::size_t items) {
    element.x += dx;
    element.y += dy;
    shift_range(element.items, items);
    for (auto& p : element.paragraphs) {
        p.x += dx;
        p.y += dy;
        p.marker_x += dx;
        shift_range(p.items, items);
        for (auto& line : p.lines) {
            line.x += dx;
            line.top += dy;
            line.baseline += dy;
            for (auto& run : line.runs) run.x += dx;
        }
    }
}

void fit_element_to_lines(StructElement& element) {
    double left = std::numeric_limits<double>::max(), top = left;
    double right = std::numeric_limits<double>::lowest(), bottom = right;
    for (const auto& p : element.paragraphs)
        for (const auto& line : p.lines) {
            left = std::min(left, line.x);
            top = std::min(top, line.top);
            right = std::max(right, line.x + line.w);
            bottom = std::max(bottom, line.top + line.h);
        }
    if (left > right) return;
    element.x = left;
    element.y = top;
    element.w = right - left;
    element.h = bottom - top;
}

}  // namespace ks
