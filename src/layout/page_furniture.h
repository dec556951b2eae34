#pragma once
// The handout's print furniture: a header line (the deck title left, the
// page's section right, a hairline under them) and a footer (date,
// confidentiality label, page n / total). A title too long for the line is
// set smaller (down to 7 pt), then on two lines; only what does not fit even
// then is shortened with "…", and that is a located warning, as is a section
// title shortened on the right.
#include <cstddef>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "frame/frame.h"
#include "layout/print_palette.h"
#include "model/deck.h"
#include "text/text_engine.h"

namespace ks {

using print::kFurnitureSize;
constexpr double kFurnitureMinSize = 7.0;  // a long title is set no smaller

// Where the furniture goes on the paper (points, from the page's top-left).
struct FurnitureBox {
    double left = 0, right = 0;
    double header_baseline = 0;  // the first header line
    double header_rule = 0;
    double footer_rule = 0, footer_baseline = 0;
};

class PageFurniture {
public:
    // Decides the header once for the whole document (every page the same
    // title lines), from the widest section any page may name.
    PageFurniture(const Deck& deck, double width, const print::Fonts& fonts, const TextEngine& text,
                  Diagnostics& diags);

    // Points the header takes below its first line (a title on two lines).
    double extra_header_height() const { return title_lines_.size() > 1 ? line_step() : 0; }

    // The header and footer of page `page` (0-based) of `total`.
    std::vector<PositionedItem> items(const FurnitureBox& box, std::size_t page, std::size_t total,
                                      const std::string& section) const;

    // The title lines as shown, and their size (for tests).
    const std::vector<std::string>& title_lines() const { return title_lines_; }
    double title_size() const { return title_style_.size; }

private:
    double line_step() const { return title_style_.size * 1.3; }
    std::string section_shown(const std::string& section) const;
    void fit_title(const std::string& title, double width, const SourcePosition& where);
    void fit_sections(const Deck& deck);

    const TextEngine& text_;
    Diagnostics& diags_;
    print::Fonts fonts_;
    std::string date_, confidentiality_;
    TextStyle small_, title_style_, conf_;
    std::vector<std::string> title_lines_;
    double section_width_ = 0;
    std::vector<std::pair<std::string, std::string>> sections_;  // title → as shown
};

// `s` cut at a character boundary so that it and "…" fit on one line of `width`.
std::string shorten_to_width(const std::string& s, const TextStyle& style, double width, const TextEngine& text);

}  // namespace ks
