#include "handout/handout_imposer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <map>
#include <set>

#include "frame/shapes.h"
#include "handout/handout_geometry.h"
#include "layout/content_page.h"
#include "layout/notes_pages.h"
#include "layout/page_furniture.h"
#include "layout/print_palette.h"
#include "layout/report_pages.h"
#include "layout/set_lines.h"
#include "text/text_engine.h"

namespace ks {

namespace {

using handout::Cell;
using handout::Grid;
using handout::PageBox;
using handout::Paper;

const std::set<std::string> kStyles{"1", "2", "3", "4", "6", "9", "notes", "outline"};

using print::kMuted;
using print::kSlideFrame;

constexpr double kGapX = 18;        // between slides side by side
constexpr double kGapY = 24;        // between rows (room for the slide number)
constexpr double kLabelSize = kSlideNumberSize;  // slide numbers under slides

class Imposer {
public:
    Imposer(const Deck& deck, const std::vector<std::shared_ptr<const Frame>>& slides,
            const std::vector<OutlineEntry>& slide_outline, const TextEngine& text, const HandoutOptions& options,
            Diagnostics& diags)
        : deck_(deck), slides_(slides), slide_outline_(slide_outline), text_(text), opt_(options), diags_(diags),
          orientation_(resolved_orientation(options)),
          paper_(handout::paper_size(options.paper, orientation_)),
          furniture_(deck, handout::page_box(paper_).width(), fonts(), text, diags),
          box_(handout::page_box(paper_, furniture_.extra_header_height())) {}

    Document run() {
        const std::string& s = opt_.style;
        if (s == "notes") content_pages(layout_notes_pages(deck_, {box_.width(), box_.height(), aspects(), fonts()}, text_, diags_));
        else if (s == "outline") content_pages(layout_report_pages(deck_, {box_.width(), box_.height(), aspects(), fonts()}, text_));
        else if (s == "3") three_pages();
        else grid_pages();
        if (pages_.empty()) new_page();
        furniture();
        Document doc;
        for (Frame& f : pages_) doc.add_page(std::move(f));
        doc.outline = std::move(outline_);
        doc.anchors = std::move(anchors_);
        return doc;
    }

private:
    std::size_t count() const { return std::min(slides_.size(), deck_.slides.size()); }
    const Frame& slide(std::size_t i) const { return *slides_[i]; }
    double aspect(std::size_t i) const {
        const Frame& f = slide(i);
        return f.height > 0 ? f.width / f.height : 16.0 / 9.0;
    }

    Frame& new_page() {
        Frame f;
        f.width = paper_.width;
        f.height = paper_.height;
        pages_.push_back(std::move(f));
        page_section_.emplace_back();
        return pages_.back();
    }
    std::size_t page_index() const { return pages_.size() - 1; }

    // One line of text on a baseline, aligned left/right/centre at x.
    void label(Frame& page, const std::string& s, const TextStyle& st, double x, double baseline, Align align,
               double max_width = 400) {
        push_label(page.items, text_, s, st, x, baseline, align, max_width);
    }

    // ---- slides ----------------------------------------------------------
    // Draws slide i scaled to width w with its top-left at (x, y), a thin
    // frame around it and (optionally) its number under it; records the
    // bookmarks the first time the slide appears. Returns its height.
    double place_slide(Frame& page, std::size_t i, double x, double y, double w, bool number = true) {
        const Frame& f = slide(i);
        const double s = f.width > 0 ? w / f.width : 1;
        const double h = f.height * s;
        page.push({x, y}, Group{slides_[i], Transform::scale(s), true});
        page.push({x, y}, rect_shape(w, h, std::nullopt, kSlideFrame, 0.6));
        if (number)
            label(page, std::to_string(i + 1), style(kLabelSize, kMuted), x + w, y + h + kLabelSize + 3, Align::Right);
        bookmark(i);
        if (page_section_.back().empty()) page_section_.back() = deck_.slides[i].section;
        return h;
    }

    // The slides' own bookmarks (built once by the app), pointing at the
    // page where the slide first appears.
    void bookmark(std::size_t i) {
        if (!bookmarked_.insert(i).second) return;
        const std::size_t p = page_index();
        anchors_.try_emplace(slide(i).record.id, p);  // internal links land where the slide first appears
        for (const OutlineEntry& e : slide_outline_)
            if (e.page == i) outline_.push_back({e.title, p, e.level});
    }

    // ---- styles ----------------------------------------------------------
    void grid_pages() {
        const Grid g = handout::grid_for(opt_.style, orientation_);
        const bool vertical = opt_.order == "vertical";
        const double a = count() ? aspect(0) : 16.0 / 9.0;
        const double sw = handout::fitted_slide_width(box_, g, a, kGapX, kGapY);
        const double sh = sw / a;
        const double grid_w = g.cols * sw + (g.cols - 1) * kGapX;
        const double grid_h = g.rows * sh + (g.rows - 1) * kGapY;
        const double x0 = box_.left + (box_.width() - grid_w) / 2;
        const double y0 = box_.top + (box_.height() - grid_h) / 2;
        const std::size_t per = static_cast<std::size_t>(g.per_page());
        for (std::size_t i = 0; i < count(); ++i) {
            if (i % per == 0) new_page();
            const Cell c = handout::cell_for(i % per, g, vertical);
            place_slide(pages_.back(), i, x0 + c.col * (sw + kGapX), y0 + c.row * (sh + kGapY), sw);
        }
    }

    // Three slides down the left, ruled lines for notes beside each.
    void three_pages() {
        const double row_h = box_.height() / 3;
        const double a = count() ? aspect(0) : 16.0 / 9.0;
        const double sw = std::min(box_.width() * 0.56, (row_h - kGapY) * a);
        const double sh = sw / a;
        for (std::size_t i = 0; i < count(); ++i) {
            if (i % 3 == 0) new_page();
            Frame& page = pages_.back();
            const double y = box_.top + (i % 3) * row_h + (row_h - kGapY - sh) / 2;
            place_slide(page, i, box_.left, y, sw);
            print::note_lines(page.items, box_.left + sw + 20, box_.right, y, y + sh);
        }
    }

    // Pages laid out by layout/ (notes, report): their items shifted into
    // the content box, the slide pictures drawn where they were reserved,
    // in the order the page was laid out.
    void content_pages(const std::vector<ContentPage>& pages) {
        for (const ContentPage& cp : pages) {
            new_page();
            page_section_.back() = cp.section;
            std::size_t next = 0;
            auto items_until = [&](std::size_t end) {
                for (; next < end && next < cp.items.size(); ++next)
                    pages_.back().push({box_.left + cp.items[next].pos.x, box_.top + cp.items[next].pos.y},
                                       cp.items[next].item);
            };
            for (const SlideSlot& s : cp.slides) {
                items_until(s.before_item);
                if (s.slide < count()) place_slide(pages_.back(), s.slide, box_.left + s.x, box_.top + s.y, s.w, s.number);
            }
            items_until(cp.items.size());
        }
    }

    std::vector<double> aspects() const {
        std::vector<double> out;
        for (std::size_t i = 0; i < count(); ++i) out.push_back(aspect(i));
        return out;
    }

    // ---- header and footer on every page -----------------------------------
    void furniture() {
        const FurnitureBox fb{box_.left, box_.right, box_.header_baseline, box_.header_rule, box_.footer_rule,
                              box_.footer_baseline};
        for (std::size_t p = 0; p < pages_.size(); ++p)
            for (auto& it : furniture_.items(fb, p, pages_.size(), page_section_[p])) pages_[p].items.push_back(std::move(it));
    }

    const Deck& deck_;
    const std::vector<std::shared_ptr<const Frame>>& slides_;
    const std::vector<OutlineEntry>& slide_outline_;
    const TextEngine& text_;
    const HandoutOptions& opt_;

    print::Fonts fonts() const { return {opt_.font_family, opt_.mono_family}; }
    TextStyle style(double size, Color color, bool bold = false) const { return fonts().style(size, color, bold); }
    Diagnostics& diags_;
    std::string orientation_;
    Paper paper_;
    PageFurniture furniture_;
    PageBox box_;
    std::vector<Frame> pages_;
    std::vector<OutlineEntry> outline_;
    std::map<std::string, std::size_t> anchors_;  // slide id → handout page
    std::vector<std::string> page_section_;  // header right text per page
    std::set<std::size_t> bookmarked_;
};

}  // namespace

bool validate_handout_options(const HandoutOptions& o, std::string& message) {
    if (!kStyles.count(o.style)) {
        message = "unknown handout style '" + o.style + "' (expected 1, 2, 3, 4, 6, 9, notes or outline)";
        return false;
    }
    if (o.order != "horizontal" && o.order != "vertical") {
        message = "unknown handout order '" + o.order + "' (expected horizontal or vertical)";
        return false;
    }
    if (o.paper != "a4" && o.paper != "letter") {
        message = "unknown paper '" + o.paper + "' (expected a4 or letter)";
        return false;
    }
    if (o.orientation != "auto" && o.orientation != "portrait" && o.orientation != "landscape") {
        message = "unknown orientation '" + o.orientation + "' (expected auto, portrait or landscape)";
        return false;
    }
    return true;
}

std::string resolved_orientation(const HandoutOptions& o) {
    if (o.orientation == "portrait" || o.orientation == "landscape") return o.orientation;
    if (o.style != "4" && o.style != "6" && o.style != "9") return "portrait";
    // Grids: whichever orientation gives the larger slides (16:9).
    auto width_in = [&](const std::string& orient) {
        const auto box = handout::page_box(handout::paper_size(o.paper, orient));
        return handout::fitted_slide_width(box, handout::grid_for(o.style, orient), 16.0 / 9.0, kGapX, kGapY);
    };
    return width_in("landscape") > width_in("portrait") + 0.5 ? "landscape" : "portrait";
}

Document impose_handout(const Deck& deck, const Document& slides, const TextEngine& text,
                        const HandoutOptions& options, Diagnostics& diags) {
    HandoutOptions o = options;
    std::string msg;
    if (!validate_handout_options(o, msg)) {
        diags.warning({}, msg + "; using style 3 on A4");
        o = HandoutOptions{};
        o.grayscale = options.grayscale;
    }
    if (slides.pages.size() != deck.slides.size())
        diags.warning({}, "handout: " + std::to_string(slides.pages.size()) + " slide frames for " +
                              std::to_string(deck.slides.size()) + " slides");
    Document doc = Imposer(deck, slides.pages, slides.outline, text, o, diags).run();
    doc.info = slides.info;
    return doc;
}

}  // namespace ks
