#include "layout/text_sizes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace ks {
namespace {

// Sizes relative to the body text, before floors.
constexpr double kNested1 = 0.9, kNested2 = 0.85, kCode = 0.8, kCaption = 0.75, kQuote = 1.15, kFigure = 2.6;

}  // namespace

TextSizes text_sizes(const BoxSpec& box, double size) {
    TextSizes t;
    t.body = drawn_body_size(box, size);
    t.nested1 = std::max(box.nested_min_size, size * kNested1);
    t.nested2 = std::max(box.nested_min_size, size * kNested2);
    t.cell = std::max(box.cell_min_size, size * box.table_scale);
    t.code = std::max(box.code_min_size, size * kCode);
    t.caption = std::max(box.caption_min_size, size * kCaption);
    t.quote = t.body * kQuote;
    t.figure = t.body * kFigure;
    return t;
}

double lowest_fit_size(const BoxSpec& box) {
    double lowest = box.min_size;
    lowest = std::min(lowest, box.nested_min_size / kNested1);
    if (box.table_scale > 0) lowest = std::min(lowest, box.cell_min_size / box.table_scale);
    lowest = std::min(lowest, box.code_min_size / kCode);
    lowest = std::min(lowest, box.caption_min_size / kCaption);
    // Fitting goes in ½ pt steps from the box's size; never above it.
    return std::min(lowest, box.style.size);
}

std::string format_size(double size) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", std::round(size * 100) / 100);
    return buf;
}

namespace {

bool is_body_kind(const std::string& kind) { return kind == "text" || kind == "number"; }

}  // namespace

double main_drawn_size(const BoxSpec& box, double size, const std::vector<DumpLine>& lines) {
    double smallest = 0;
    for (const auto& l : lines) {
        if (is_body_kind(l.kind)) return drawn_body_size(box, size);
        if (l.size > 0 && (smallest == 0 || l.size < smallest)) smallest = l.size;
    }
    return smallest > 0 ? smallest : drawn_body_size(box, size);
}

std::string describe_shrink(const BoxSpec& box, double size, const std::vector<DumpLine>& lines) {
    std::set<std::string> kinds;
    for (const auto& l : lines) kinds.insert(is_body_kind(l.kind) ? "text" : l.kind);
    const TextSizes normal = text_sizes(box, box.style.size), drawn = text_sizes(box, size);
    struct Kind {
        const char* kind;
        const char* name;
        double TextSizes::*size;
    };
    static const Kind kKinds[] = {{"text", "body text", &TextSizes::body},
                                  {"nested", "nested items", &TextSizes::nested1},
                                  {"cell", "table cells", &TextSizes::cell},
                                  {"code", "code", &TextSizes::code},
                                  {"caption", "captions", &TextSizes::caption}};
    std::string out;
    for (const auto& k : kKinds) {
        double from = normal.*k.size, to = drawn.*k.size;
        if (!kinds.count(k.kind) || to >= from - 1e-6) continue;
        std::string range = "from " + format_size(from) + " to " + format_size(to) + " pt";
        out += out.empty() ? std::string(k.name) + " shrank " + range + " to fit" : "; " + std::string(k.name) + " " + range;
    }
    return out;
}

}  // namespace ks
