#include "app/output_names.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

namespace ks {
namespace {

constexpr std::array<std::pair<HandoutStyle, std::string_view>, 8> kStyleNames{{
    {HandoutStyle::One, "1"},
    {HandoutStyle::Two, "2"},
    {HandoutStyle::Three, "3"},
    {HandoutStyle::Four, "4"},
    {HandoutStyle::Six, "6"},
    {HandoutStyle::Nine, "9"},
    {HandoutStyle::Notes, "notes"},
    {HandoutStyle::Outline, "outline"},
}};

}  // namespace

std::string_view handout_style_name(HandoutStyle style) {
    for (const auto& [s, name] : kStyleNames)
        if (s == style) return name;
    return "3";
}

std::optional<HandoutStyle> parse_handout_style(std::string_view name) {
    for (const auto& [s, n] : kStyleNames)
        if (n == name) return s;
    return std::nullopt;
}

bool handout_style_is_grid(HandoutStyle style) {
    return style == HandoutStyle::Four || style == HandoutStyle::Six || style == HandoutStyle::Nine;
}

std::optional<std::vector<HandoutStyle>> parse_handout_styles(const std::string& spec, std::string& message) {
    std::vector<HandoutStyle> styles;
    std::size_t start = 0;
    for (;;) {
        auto comma = spec.find(',', start);
        std::string name = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        auto style = parse_handout_style(name);
        if (!style) {
            message = "unknown handout style '" + name + "' (expected 1, 2, 3, 4, 6, 9, notes or outline)";
            return std::nullopt;
        }
        if (std::find(styles.begin(), styles.end(), *style) == styles.end()) styles.push_back(*style);
        if (comma == std::string::npos) return styles;
        start = comma + 1;
    }
}

OutputNames::OutputNames(std::size_t slide_count, std::vector<HandoutStyle> handouts)
    : slide_count_(slide_count), handouts_(std::move(handouts)) {}

std::string OutputNames::slide_png(std::size_t index) const {
    std::size_t digits = std::max<std::size_t>(2, std::to_string(slide_count_).size());
    std::string n = std::to_string(index + 1);
    return std::string(kSlidesDir) + "/" + std::string(digits > n.size() ? digits - n.size() : 0, '0') + n + ".png";
}

std::string OutputNames::handout(std::size_t h) const {
    if (handouts_.size() == 1) return "handout.pdf";
    return "handout-" + std::string(handout_style_name(handouts_.at(h))) + ".pdf";
}

std::vector<std::string> OutputNames::all() const {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < slide_count_; ++i) names.push_back(slide_png(i));
    names.push_back(kSlidesPdf);
    for (std::size_t h = 0; h < handouts_.size(); ++h) names.push_back(handout(h));
    return names;
}

std::optional<std::size_t> OutputNames::slide_index(const std::string& relative) {
    const std::string prefix = std::string(kSlidesDir) + "/";
    if (relative.rfind(prefix, 0) != 0) return std::nullopt;
    const char* digits = relative.c_str() + prefix.size();
    char* end = nullptr;
    unsigned long n = std::strtoul(digits, &end, 10);
    if (end == digits || std::string(end) != ".png" || n == 0) return std::nullopt;
    return n - 1;
}

bool OutputNames::reserved(const std::string& relative) {
    return relative == kSlidesPdf || relative == kSlidesPptx || relative.rfind("handout", 0) == 0 ||
           relative.rfind(std::string(kSlidesDir) + "/", 0) == 0 || relative.rfind(kStateDir, 0) == 0;
}

}  // namespace ks
