#include "layout/page_furniture.h"

#include <algorithm>

#include "layout/set_lines.h"
#include "util/dates.h"

namespace ks {

namespace {

double width_of(const std::string& s, const TextStyle& st, const TextEngine& text) {
    return s.empty() ? 0 : text.natural_width(plain_text(s), st);
}

// Without spaces (ASCII or ideographic) at either end.
std::string trim_spaces(std::string s) {
    static const std::string kIdeographic = "\u3000";
    while (true) {
        if (!s.empty() && s.front() == ' ') s.erase(0, 1);
        else if (s.compare(0, kIdeographic.size(), kIdeographic) == 0) s.erase(0, kIdeographic.size());
        else if (!s.empty() && s.back() == ' ') s.pop_back();
        else if (s.size() >= kIdeographic.size() && s.compare(s.size() - kIdeographic.size(), kIdeographic.size(), kIdeographic) == 0)
            s.erase(s.size() - kIdeographic.size());
        else return s;
    }
}

constexpr double kSectionShare = 0.3;  // the section takes at most this share of the line
constexpr double kSectionGap = 16;     // between the title and the section

}  // namespace

std::string shorten_to_width(const std::string& s, const TextStyle& st, double width, const TextEngine& text) {
    if (width_of(s, st, text) <= width) return s;
    std::vector<std::size_t> cuts;  // code point boundaries
    for (std::size_t i = 1; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) cuts.push_back(i);
    std::size_t lo = 0, hi = cuts.size();
    while (lo < hi) {  // the longest prefix that fits with "…"
        const std::size_t mid = (lo + hi + 1) / 2;
        if (width_of(s.substr(0, cuts[mid - 1]) + "…", st, text) <= width) lo = mid;
        else hi = mid - 1;
    }
    return lo == 0 ? "…" : s.substr(0, cuts[lo - 1]) + "…";
}

PageFurniture::PageFurniture(const Deck& deck, double width, const print::Fonts& fonts, const TextEngine& text,
                             Diagnostics& diags)
    : text_(text), diags_(diags), fonts_(fonts), date_(iso_to_japanese_date(deck.meta.date)),
      confidentiality_(deck.meta.confidentiality), small_(fonts.style(kFurnitureSize, print::kMuted)),
      title_style_(fonts.style(kFurnitureSize, print::kText, true)),
      conf_(fonts.style(kFurnitureSize, print::kConfidential, true)) {
    section_width_ = width * kSectionShare;
    fit_sections(deck);
    double widest_section = 0;
    for (const auto& s : sections_)
        widest_section = std::max(widest_section, width_of(s.second, small_, text_) + kSectionGap);
    fit_title(deck.meta.title.empty() ? "配布資料" : deck.meta.title, width - widest_section, deck.meta.title_where);
}

// Section titles on the right take at most their share of the line; a
// longer one is shortened, with a warning (the title, left, has priority).
void PageFurniture::fit_sections(const Deck& deck) {
    for (const Section& s : deck.sections) {
        const std::string shown = shorten_to_width(s.title, small_, section_width_, text_);
        if (shown != s.title)
            diags_.warning(s.where,
                           "section title '" + s.title + "' is too long for the handout's header line; it shows '" +
                               shown + "'",
                           {"shorten the section title"});
        sections_.emplace_back(s.title, shown);
    }
}

void PageFurniture::fit_title(const std::string& title, double width, const SourcePosition& where) {
    // One line, shrinking down to the floor.
    for (double size = kFurnitureSize; size >= kFurnitureMinSize - 0.001; size -= 0.25) {
        title_style_.size = size;
        if (width_of(title, title_style_, text_) <= width) {
            title_lines_ = {title};
            return;
        }
    }
    // Two lines, at the normal size if they hold it, else at the floor.
    for (double size : {kFurnitureSize, kFurnitureMinSize}) {
        title_style_.size = size;
        TextStyle wrap = title_style_;
        wrap.heading = true;  // break between phrases, lines balanced
        const TextBlock b = text_.set(plain_text(title), wrap, width);
        if (b.lines.size() <= 2 && !b.overfull()) {
            title_lines_.clear();
            for (const auto& l : b.lines) title_lines_.push_back(trim_spaces(l.text));
            return;
        }
        if (size > kFurnitureMinSize) continue;
        // Even two lines at the floor do not hold it: the second line is shortened.
        const std::string& raw = b.lines.front().text;
        const std::string first = trim_spaces(raw);
        std::string rest;
        if (title.compare(0, raw.size(), raw) == 0) rest = title.substr(raw.size());
        else
            for (std::size_t k = 1; k < b.lines.size(); ++k) rest += b.lines[k].text;
        rest = shorten_to_width(trim_spaces(rest), title_style_, width, text_);
        title_lines_ = {first, rest};
        diags_.warning(where,
                       "the deck title is too long for the handout's header line, even on two lines at " +
                           std::string("7 pt; the header shows '") + first + rest + "'",
                       {"shorten the <title> in <meta>"});
    }
}

std::string PageFurniture::section_shown(const std::string& section) const {
    for (const auto& s : sections_)
        if (s.first == section) return s.second;
    return shorten_to_width(section, small_, section_width_, text_);
}

std::vector<PositionedItem> PageFurniture::items(const FurnitureBox& box, std::size_t page, std::size_t total,
                                                 const std::string& section) const {
    std::vector<PositionedItem> out;
    const double w = box.right - box.left;
    for (std::size_t k = 0; k < title_lines_.size(); ++k)
        push_label(out, text_, title_lines_[k], title_style_, box.left, box.header_baseline + k * line_step(),
                   Align::Left, w);
    push_label(out, text_, section_shown(section), small_, box.right, box.header_baseline, Align::Right, w);
    out.push_back({{box.left, box.header_rule}, line_shape(w, 0, print::kRule, 0.5)});
    out.push_back({{box.left, box.footer_rule}, line_shape(w, 0, print::kRule, 0.5)});
    push_label(out, text_, date_, small_, box.left, box.footer_baseline, Align::Left);
    if (!confidentiality_.empty()) {
        const TextBlock label = text_.set(plain_text(confidentiality_), conf_, 300);
        const double cw = label.lines.empty() ? 0 : label.lines.front().width;
        const double cx = (box.left + box.right) / 2;
        push_label(out, text_, confidentiality_, conf_, cx, box.footer_baseline, Align::Center);
        out.push_back({{cx - cw / 2 - 5, box.footer_baseline - kFurnitureSize - 1.5},
                       rect_shape(cw + 10, kFurnitureSize + 4.5, std::nullopt, print::kConfidential, 0.6)});
    }
    push_label(out, text_, std::to_string(page + 1) + " / " + std::to_string(total), small_, box.right,
               box.footer_baseline, Align::Right);
    return out;
}

}  // namespace ks
