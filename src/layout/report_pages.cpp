#include "layout/report_pages.h"

#include <algorithm>
#include <map>

#include "layout/report_blocks.h"
#include "layout/set_lines.h"

namespace ks {

namespace {

class ReportLayout {
public:
    ReportLayout(const ContentSpec& spec, const TextEngine& text)
        : spec_(spec), text_(text), sw_(std::min(150.0, spec.width * 0.3)), col_x_(sw_ + 16),
          styles_{spec.fonts.style(9, print::kText, false, 1.6), spec.fonts.style(9, print::kText, true, 1.6),
                  spec.fonts.style(8, print::kMuted, false, 1.5), spec.fonts.style(12, print::kAccent, true, 1.4),
                  spec.width - col_x_} {}

    std::vector<ContentPage> run(const Deck& deck) {
        std::map<std::size_t, const Section*> section_at;
        for (const Section& s : deck.sections)
            if (s.slide_count > 0) section_at[s.first_slide] = &s;
        pages_.emplace_back();
        const std::size_t n = std::min(deck.slides.size(), spec_.aspects.size());
        for (std::size_t i = 0; i < n; ++i) {
            auto it = section_at.find(i);
            slide_row(deck.slides[i], i, it == section_at.end() ? nullptr : it->second);
        }
        return std::move(pages_);
    }

private:
    bool fits(double h) const { return y_ + h <= spec_.height + 0.01; }
    ContentPage& page() { return pages_.back(); }
    void next_page() {
        pages_.emplace_back();
        pages_.back().section = current_section_;  // a page that only continues a slide names its section
        y_ = 0;
    }

    // Section heading, kept with the first slide under it.
    void section_heading(const Section& s, double slide_h) {
        const TextBlock hb = text_.set(plain_text(s.title), spec_.fonts.style(13, print::kAccent, true, 1.3), spec_.width);
        const double need = (y_ > 0 ? 10 : 0) + hb.height + 8 + slide_h;
        if (!fits(need)) next_page();
        if (y_ > 0) y_ += 10;
        for (const auto& l : hb.lines) push_line(page().items, l, 0, y_ + l.top);
        y_ += hb.height + 3;
        page().items.push_back({{0, y_}, line_shape(spec_.width, 0, print::kAccent, 0.8)});
        y_ += 10;
    }

    void slide_row(const Slide& sl, std::size_t i, const Section* opened) {
        const double sh = sw_ / spec_.aspects[i];
        current_section_ = sl.section;
        if (opened) section_heading(*opened, sh);

        std::vector<Strip> strips;
        double first_h = 0;      // the first text element (title, subtitle or block)
        std::size_t first_n = 0;  // and its strips
        // Each section title once: a section slide that only repeats it
        // under its heading gives no second title line.
        const bool repeats_section = opened && sl.title.plain() == opened->title;
        if (!repeats_section) {
            RichText title = sl.title;
            if (title.empty()) title = plain_text("スライド " + std::to_string(i + 1));
            const TextBlock b = text_.set(title, spec_.fonts.style(10.5, print::kText, true, 1.4), styles_.width);
            first_h = b.height;
            push_text_strips(strips, b, {});
            first_n = strips.size();
        }
        if (!sl.subtitle.empty()) {
            const TextBlock b = text_.set(sl.subtitle, styles_.body, styles_.width);
            if (strips.empty()) first_h = b.height;
            push_text_strips(strips, b, {});
            if (first_n == 0) first_n = strips.size();
        }
        const std::size_t head_strips = strips.size();
        for (const Block& blk : sl.blocks) {
            const std::vector<Strip> more = report_block_strips(blk, styles_, text_);
            strips.insert(strips.end(), more.begin(), more.end());
        }
        double text_h = 0;
        for (const Strip& s : strips) text_h += s.space_before + s.height;
        if (head_strips == 0 && !strips.empty()) first_h = strips.front().height, first_n = 1;
        // Start on a new page unless the picture and the first lines fit.
        if (strips.size() > first_n) first_h += 30;
        if (!fits(std::max(sh, std::min(text_h, first_h)))) next_page();

        const double row_top = y_;
        if (page().slides.empty() && page().section.empty()) page().section = sl.section;
        page().slides.push_back({i, 0, row_top, sw_, true, page().items.size()});
        const std::size_t slide_page = pages_.size();
        for (std::size_t k = 0; k < strips.size(); ++k) place(strips, k);
        if (pages_.size() == slide_page) y_ = std::max(y_, row_top + sh + kSlideNumberSize + 4);
        y_ += 16;
    }

    // Places strip k of `strips` at y_, on a new page when it does not fit
    // (or when it must stay with the next one and they do not fit together).
    void place(const std::vector<Strip>& strips, std::size_t k) {
        const Strip& s = strips[k];
        y_ += s.space_before;
        double need = s.height;
        if (s.keep_with_next && k + 1 < strips.size()) need += strips[k + 1].space_before + strips[k + 1].height;
        if (!fits(need) && y_ > s.space_before + 0.01) {
            next_page();
            if (s.header)
                for (const Strip& h : *s.header) put(h);
        }
        put(s);
    }

    void put(const Strip& s) {
        for (const auto& it : s.items) page().items.push_back({{col_x_ + it.pos.x, y_ + it.pos.y}, it.item});
        y_ += s.height;
    }

    const ContentSpec& spec_;
    const TextEngine& text_;
    const double sw_;     // slide picture width
    const double col_x_;  // the report column's left edge
    const ReportStyles styles_;
    std::vector<ContentPage> pages_;
    std::string current_section_;
    double y_ = 0;
};

}  // namespace

std::vector<ContentPage> layout_report_pages(const Deck& deck, const ContentSpec& spec, const TextEngine& text) {
    return ReportLayout(spec, text).run(deck);
}

}  // namespace ks
