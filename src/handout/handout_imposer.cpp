#include "handout/handout_imposer.h"

#include "util/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <map>
#include <set>

#include "handout/handout_geometry.h"
#include "image/image_file.h"
#include "layout/numeric_cell.h"
#include "text/text_engine.h"
#include "util/dates.h"

namespace ks {

namespace {

using handout::Cell;
using handout::Grid;
using handout::PageBox;
using handout::Paper;

const std::set<std::string> kStyles{"1", "2", "3", "4", "6", "9", "notes", "outline"};

// Print colours: dark grey text (softer than black on a laser printer),
// hairlines light enough not to compete with the slides.
constexpr Color kText{0.13, 0.13, 0.15, 1};
constexpr Color kMuted{0.40, 0.40, 0.43, 1};
constexpr Color kRule{0.62, 0.62, 0.65, 1};
constexpr Color kSlideFrame{0.50, 0.50, 0.53, 1};
constexpr Color kNoteLine{0.78, 0.78, 0.80, 1};
constexpr Color kAccent{0.09, 0.23, 0.45, 1};
constexpr Color kConfidential{0.72, 0.09, 0.09, 1};
constexpr Color kCodeFill{0.95, 0.95, 0.96, 1};

constexpr double kGapX = 18;        // between slides side by side
constexpr double kGapY = 24;        // between rows (room for the slide number)
constexpr double kLabelSize = 7;    // slide numbers under slides
constexpr double kNoteSpacing = 20; // ruled lines (about 7 mm, like a notebook)

Shape rect(double w, double h, std::optional<Color> fill, std::optional<Color> stroke, double sw = 0.6) {
    Shape s;
    s.kind = Shape::Kind::Rect;
    s.w = w;
    s.h = h;
    s.fill = fill;
    s.stroke = stroke;
    s.stroke_width = sw;
    return s;
}

Shape hline(double w, Color c, double sw) {
    Shape s;
    s.kind = Shape::Kind::Line;
    s.w = w;
    s.h = 0;
    s.stroke = c;
    s.stroke_width = sw;
    return s;
}

TextStyle base_style(const std::string& family, const std::string& mono_family, double size, Color color, bool bold,
                     double line_height) {
    TextStyle st;
    st.family = family;
    st.mono_family = mono_family;
    st.size = size;
    st.color = color;
    st.emphasis_color = color;
    st.bold = bold;
    st.line_height = line_height;
    return st;
}

// Splits notes into paragraphs at blank lines ("\n\n"), keeping span styles.
std::vector<RichText> paragraphs(const RichText& text) {
    std::vector<RichText> out(1);
    out.back().where = text.where;
    for (const Span& sp : text.spans) {
        std::size_t start = 0;
        while (true) {
            const auto brk = sp.text.find("\n\n", start);
            Span piece = sp;
            piece.text = sp.text.substr(start, brk == std::string::npos ? std::string::npos : brk - start);
            if (!piece.text.empty()) out.back().spans.push_back(piece);
            if (brk == std::string::npos) break;
            out.emplace_back();
            out.back().where = sp.where;
            start = brk + 2;
            while (start < sp.text.size() && sp.text[start] == '\n') ++start;
        }
    }
    // Trim line breaks and spaces at paragraph edges; drop empty paragraphs.
    std::vector<RichText> kept;
    for (auto& p : out) {
        while (!p.spans.empty()) {
            auto& t = p.spans.front().text;
            const auto n = t.find_first_not_of(" \n");
            if (n == std::string::npos) p.spans.erase(p.spans.begin());
            else { t.erase(0, n); break; }
        }
        while (!p.spans.empty()) {
            auto& t = p.spans.back().text;
            const auto n = t.find_last_not_of(" \n");
            if (n == std::string::npos) p.spans.pop_back();
            else { t.erase(n + 1); break; }
        }
        if (!p.empty()) kept.push_back(std::move(p));
    }
    return kept;
}

class Imposer {
public:
    Imposer(const Deck& deck, const std::vector<std::shared_ptr<const Frame>>& slides,
            const std::vector<OutlineEntry>& slide_outline, const TextEngine& text, const HandoutOptions& options,
            Diagnostics& diags)
        : deck_(deck), slides_(slides), slide_outline_(slide_outline), text_(text), opt_(options), diags_(diags),
          orientation_(resolved_orientation(options)),
          paper_(handout::paper_size(options.paper, orientation_)),
          box_(handout::page_box(paper_)) {
        for (const Section& s : deck.sections)
            if (s.slide_count > 0) section_at_[s.first_slide] = &s;
    }

    Document run() {
        const std::string& s = opt_.style;
        if (s == "notes") notes_pages();
        else if (s == "outline") outline_pages();
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

    // ---- text ----------------------------------------------------------
    // `report`: warn about characters no font has (for text that appears
    // only in the handout, such as speaker notes; slide text is reported by
    // the slide layout already).
    TextBlock set(const RichText& t, const TextStyle& st, double width, bool report = false) {
        TextBlock b = text_.set(t, st, width);
        if (report)
            for (const auto& m : b.missing)
                if (reported_.insert({m.code_point, m.where.line, m.where.column}).second) {
                    diags_.warning(m.where, "character " + code_point_name(m.code_point) + " '" + utf8_encode(m.code_point) +
                                                "' in the speaker notes is in none of the configured fonts; "
                                                "the handout shows an empty box",
                                   {"add a TrueType font that has it to fonts/user/, or write the character differently"});
                }
        return b;
    }
    TextBlock set(const std::string& s, const TextStyle& st, double width) { return set(plain_text(s), st, width); }

    static void place_line(Frame& page, const TextLine& line, double x, double y) {
        for (const auto& r : line.runs) page.push({x + r.origin.x, y + r.origin.y - line.top}, r.run);
    }
    // Places the block with its top-left at (x, y).
    static void place(Frame& page, const TextBlock& b, double x, double y) {
        for (const auto& l : b.lines) place_line(page, l, x, y + l.top);
    }
    // One line of text on a baseline, aligned left/right/centre at x.
    void label(Frame& page, const std::string& s, const TextStyle& st, double x, double baseline, Align align,
               double max_width = 400) {
        if (s.empty()) return;
        TextBlock b = set(s, st, max_width);
        if (b.lines.empty()) return;
        const TextLine& l = b.lines.front();
        double left = x - l.x;
        if (align == Align::Right) left = x - l.x - l.width;
        else if (align == Align::Center) left = x - l.x - l.width / 2;
        for (const auto& r : l.runs) page.push({left + r.origin.x, baseline + (r.origin.y - l.baseline)}, r.run);
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
        page.push({x, y}, rect(w, h, std::nullopt, kSlideFrame, 0.6));
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

    static void note_lines(Frame& page, double x0, double x1, double y0, double y1) {
        for (double y = y0 + kNoteSpacing; y <= y1 + 0.01; y += kNoteSpacing)
            page.push({x0, y}, hline(x1 - x0, kNoteLine, 0.4));
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
            note_lines(page, box_.left + sw + 20, box_.right, y, y + sh);
        }
    }

    // Each slide above its speaker notes; long notes continue on further
    // pages, never cut.
    void notes_pages() {
        const TextStyle body = style(11, kText, false, 1.75);
        const TextStyle head = style(9, kMuted, true);
        for (std::size_t i = 0; i < count(); ++i) {
            Frame* page = &new_page();
            const double sw = std::min(box_.width() * 0.8, box_.height() * 0.42 * aspect(i));
            const double x = box_.left + (box_.width() - sw) / 2;
            const double sh = place_slide(*page, i, x, box_.top, sw, false);
            double y = box_.top + sh + 22;
            label(*page, "スライド " + std::to_string(i + 1) + " のノート", head, box_.left, y + 9, Align::Left);
            page->push({box_.left, y + 14}, hline(box_.width(), kRule, 0.5));
            y += 26;
            const auto paras = paragraphs(deck_.slides[i].notes);
            if (paras.empty()) {
                label(*page, "（ノートはありません。メモ欄としてお使いください）", style(9, kMuted), box_.left, y + 9,
                      Align::Left);
                note_lines(*page, box_.left, box_.right, y + 12, box_.bottom);
                continue;
            }
            bool first = true;
            for (const RichText& para : paras) {
                if (!first) y += body.size * 0.6;  // paragraph space
                first = false;
                const TextBlock b = set(para, body, box_.width(), true);
                for (std::size_t k = 0; k < b.lines.size(); ++k) {
                    const TextLine& l = b.lines[k];
                    const double h = (k + 1 < b.lines.size() ? b.lines[k + 1].top : b.height) - l.top;
                    const std::size_t n = b.lines.size();
                    // No lone first line at a page foot (orphan) and no lone
                    // last line at a page head (widow): move two lines over.
                    const bool fits_one = y + h <= box_.bottom + 0.01;
                    const bool fits_two = y + 2 * h <= box_.bottom + 0.01;
                    const bool keep_two = n >= 2 && (k == 0 || k + 2 == n) && fits_one && !fits_two;
                    if (!fits_one || (keep_two && y > box_.top + 30)) {
                        page = &new_page();
                        page_section_.back() = deck_.slides[i].section;
                        label(*page, "スライド " + std::to_string(i + 1) + " のノート（続き）", head, box_.left,
                              box_.top + 9, Align::Left);
                        page->push({box_.left, box_.top + 14}, hline(box_.width(), kRule, 0.5));
                        y = box_.top + 26;
                    }
                    place_line(*page, l, box_.left, y);
                    y += h;
                }
            }
            // Room left on the page becomes ruled space for the reader's own notes.
            if (box_.bottom - y >= 4 * kNoteSpacing + 20) {
                y += 14;
                label(*page, "メモ", head, box_.left, y + 9, Align::Left);
                note_lines(*page, box_.left, box_.right, y + 12, box_.bottom);
            }
        }
    }

    // One unit of the report column: a text block placed line by line (it
    // may break across pages), or a table row or an image placed whole.
    struct Piece {
        TextBlock block;
        double indent = 0;
        double space_before = 0;
        std::optional<TextBlock> mark;  // a hanging list mark, left of the first line
        bool quote_rule = false;        // a rule at the left of every line (quotes)
        bool code_fill = false;         // a light band behind every line (code)
        struct RowCell {
            TextBlock block;
            double x = 0;  // from the row's left edge (padding included)
        };
        std::vector<RowCell> cells;     // a table row
        double row_w = 0, row_h = 0;
        bool header = false;
        std::optional<ImageItem> image;  // a small picture
    };

    struct ReportStyles {
        TextStyle body, body_head, muted, figure;
        double col_w = 0;
    };

    // A report: section headings, then each slide as a small picture beside
    // its title and content in report style: columns one after another,
    // tables as tables, code in monospace, quotes set off by a rule, list
    // items with hanging indents, images small with their captions.
    void outline_pages() {
        const double sw = std::min(150.0, box_.width() * 0.3);
        const double col_x = box_.left + sw + 16;
        const double col_w = box_.right - col_x;
        const TextStyle h_section = style(13, kAccent, true, 1.3);
        const TextStyle h_slide = style(10.5, kText, true, 1.4);
        ReportStyles rs{style(9, kText, false, 1.6), style(9, kText, true, 1.6), style(8, kMuted, false, 1.5),
                        style(12, kAccent, true, 1.4), col_w};

        new_page();
        double y = box_.top;
        auto fits = [&](double h) { return y + h <= box_.bottom + 0.01; };
        auto next_page = [&] {
            new_page();
            y = box_.top;
        };

        for (std::size_t i = 0; i < count(); ++i) {
            const Slide& sl = deck_.slides[i];
            // Section heading, kept with the first slide under it.
            const Section* opened = nullptr;
            if (auto it = section_at_.find(i); it != section_at_.end()) {
                opened = it->second;
                const TextBlock hb = set(it->second->title, h_section, box_.width());
                const double need = (y > box_.top ? 10 : 0) + hb.height + 8 + sw / aspect(i);
                if (!fits(need)) next_page();
                if (y > box_.top) y += 10;
                place(pages_.back(), hb, box_.left, y);
                y += hb.height + 3;
                pages_.back().push({box_.left, y}, hline(box_.width(), kAccent, 0.8));
                y += 10;
            }

            std::vector<Piece> pieces;
            // Each section title once: a section slide that only repeats it
            // under its heading gives no second title line.
            const bool repeats_section = opened && sl.title.plain() == opened->title;
            if (!repeats_section) {
                RichText title = sl.title;
                if (title.empty()) title = plain_text("スライド " + std::to_string(i + 1));
                pieces.push_back({set(title, h_slide, col_w), 0, 0});
            }
            if (!sl.subtitle.empty()) pieces.push_back({set(sl.subtitle, rs.body, col_w), 0, 0});
            for (const Block& blk : sl.blocks) add_block(blk, pieces, rs, 0);

            const double sh = sw / aspect(i);
            double text_h = 0;
            for (const auto& p : pieces) text_h += p.space_before + piece_height(p);
            // Start on a new page unless the picture and the first lines fit.
            const double first_h = pieces.empty() ? 0 : piece_height(pieces.front()) + (pieces.size() > 1 ? 30 : 0);
            if (!fits(std::max(sh, std::min(text_h, first_h)))) next_page();

            const double row_top = y;
            place_slide(pages_.back(), i, box_.left, row_top, sw, true);
            std::size_t slide_page = page_index();
            for (const auto& p : pieces) {
                y += p.space_before;
                if (p.image || !p.cells.empty()) {
                    const double h = piece_height(p);
                    if (!fits(h)) next_page();
                    place_whole(pages_.back(), p, col_x + p.indent, y);
                    y += h;
                    continue;
                }
                const auto& lines = p.block.lines;
                for (std::size_t k = 0; k < lines.size(); ++k) {
                    const double h = (k + 1 < lines.size() ? lines[k + 1].top : p.block.height) - lines[k].top;
                    if (!fits(h)) next_page();
                    if (p.code_fill)
                        pages_.back().push({col_x + p.indent - 5, y}, rect(col_w - p.indent + 5, h, kCodeFill, std::nullopt));
                    if (k == 0 && p.mark && !p.mark->lines.empty())
                        place_line(pages_.back(), p.mark->lines.front(), col_x + p.indent - p.mark->width - 2, y);
                    place_line(pages_.back(), lines[k], col_x + p.indent, y);
                    if (p.quote_rule) {
                        Shape rule = hline(0, kRule, 1.5);
                        rule.h = h;
                        pages_.back().push({col_x + p.indent - 8, y}, rule);
                    }
                    y += h;
                }
            }
            if (page_index() == slide_page) y = std::max(y, row_top + sh + kLabelSize + 4);
            y += 16;
        }
    }

    static double piece_height(const Piece& p) {
        if (p.image) return p.image->h;
        if (!p.cells.empty()) return p.row_h;
        return p.block.height;
    }

    // A table row or an image, with its top-left at (x, y).
    static void place_whole(Frame& page, const Piece& p, double x, double y) {
        if (p.image) {
            page.push({x, y}, *p.image);
            page.push({x, y}, rect(p.image->w, p.image->h, std::nullopt, kRule, 0.4));
            return;
        }
        if (p.header) page.push({x, y}, rect(p.row_w, p.row_h, Color{0.90, 0.92, 0.95, 1}, std::nullopt));
        for (const auto& c : p.cells) place(page, c.block, x + c.x, y + kCellPad);
        page.push({x, y + p.row_h}, hline(p.row_w, p.header ? kText : kRule, p.header ? 0.7 : 0.4));
    }

    static constexpr double kCellPad = 3;

    void add_block(const Block& blk, std::vector<Piece>& pieces, const ReportStyles& rs, double indent) {
        const double w = rs.col_w - indent;
        if (const auto* p = std::get_if<Paragraph>(&blk)) {
            pieces.push_back({set(p->text, rs.body, w), indent, 3});
        } else if (const auto* l = std::get_if<List>(&blk)) {
            add_list(*l, 0, pieces, rs, indent);
        } else if (const auto* t = std::get_if<Table>(&blk)) {
            add_table(*t, pieces, rs, indent);
        } else if (const auto* im = std::get_if<Image>(&blk)) {
            add_image(*im, pieces, rs, indent);
        } else if (const auto* chart = std::get_if<Chart>(&blk)) {
            add_table(chart_as_table(*chart), pieces, rs, indent);  // the slide picture shows the chart
        } else if (const auto* cols = std::get_if<Columns>(&blk)) {
            // The columns one after another, each a block of its own.
            for (const Column& col : cols->columns) {
                const std::size_t first = pieces.size();
                if (!col.heading.empty()) pieces.push_back({set(col.heading, rs.body_head, w), indent, 2});
                for (const Block& inner : col.blocks) add_block(inner, pieces, rs, indent);
                if (pieces.size() > first) pieces[first].space_before += 4;
            }
        } else if (const auto* q = std::get_if<Quote>(&blk)) {
            TextStyle quote = rs.body;
            quote.color = kMuted;
            for (const RichText& para : q->paragraphs) {
                Piece piece{set(para, quote, w - 14), indent + 14, 3};
                piece.quote_rule = true;
                pieces.push_back(std::move(piece));
            }
            if (!q->cite.empty()) {
                TextStyle cite = rs.muted;
                cite.align = Align::Right;
                pieces.push_back({set("― " + q->cite, cite, w - 14), indent + 14, 1});
            }
        } else if (const auto* f = std::get_if<FigureNumber>(&blk)) {
            RichText line;
            line.where = f->where;
            line.spans.push_back({f->value, true, false, false, f->where});
            line.spans.push_back({"　" + f->label, true, false, false, f->where});
            pieces.push_back({set(line, rs.figure, w), indent, 4});
            if (!f->note.empty()) pieces.push_back({set(f->note, rs.muted, w), indent, 0});
        } else if (const auto* pre = std::get_if<Pre>(&blk)) {
            // Monospace, verbatim; a long line wraps under itself.
            TextStyle code = rs.body;
            code.line_height = 1.4;
            code.prefer_phrases = false;
            for (std::size_t k = 0; k < pre->lines.size(); ++k) {
                const std::string& line = pre->lines[k];
                RichText text;
                text.where = pre->where;
                text.spans.push_back({line.empty() ? " " : line, false, false, true, pre->where});
                Piece piece{set(text, code, w - 10), indent + 10, k == 0 ? 3.0 : 0.0};
                piece.code_fill = true;
                pieces.push_back(std::move(piece));
            }
        } else if (const auto* ag = std::get_if<Agenda>(&blk)) {
            for (std::size_t k = 0; k < ag->sections.size(); ++k) {
                const bool current = static_cast<int>(k) == ag->current;
                Piece piece{set(ag->sections[k], current ? rs.body_head : rs.body, w - 16), indent + 16, 2};
                piece.mark = set(std::to_string(k + 1) + ".", rs.body, 16);
                pieces.push_back(std::move(piece));
            }
        }
    }

    // Items with hanging indents: the mark in the margin, every line of
    // the text aligned after it.
    void add_list(const List& list, int level, std::vector<Piece>& pieces, const ReportStyles& rs, double indent) {
        int n = list.start - 1;
        const double hang = 14;
        for (const auto& item : list.items) {
            ++n;
            const double at = indent + hang * (level + 1);
            Piece piece{set(item.text, rs.body, rs.col_w - at), at, level == 0 ? 2.0 : 0.0};
            if (!item.text.empty())
                piece.mark = set(list.ordered ? std::to_string(n) + "." : (level == 0 ? "・" : "－"), rs.body, hang + 10);
            pieces.push_back(std::move(piece));
            for (const List& child : item.children) add_list(child, level + 1, pieces, rs, indent);
        }
    }

    // A real table: columns sized from their content (or widths=), numbers
    // right-aligned, a shaded header row and rules between rows.
    void add_table(const Table& t, std::vector<Piece>& pieces, const ReportStyles& rs, double indent) {
        const double avail = rs.col_w - indent;
        if (!t.caption.empty()) pieces.push_back({set(t.caption, rs.muted, avail), indent, 3});
        std::size_t ncols = 0;
        for (const auto& row : t.rows) ncols = std::max(ncols, row.cells.size());
        if (ncols == 0) return;
        TextStyle cell_style = rs.body;
        cell_style.size = 8.5;
        cell_style.line_height = 1.4;
        TextStyle head_style = cell_style;
        head_style.bold = true;

        std::vector<double> widths(ncols, 0);
        if (t.widths.size() == ncols) {
            widths = t.widths;
        } else {
            for (const auto& row : t.rows)
                for (std::size_t c = 0; c < row.cells.size(); ++c)
                    widths[c] = std::max(widths[c], text_.natural_width(row.cells[c].text, row.header ? head_style : cell_style) +
                                                        2 * kCellPad + 1);
        }
        double sum = 0;
        for (double& wd : widths) sum += (wd = std::max(wd, 1.0));
        // Natural widths that fit leave the table at its natural width; else
        // (or with widths=) the table takes the whole column.
        const bool given = t.widths.size() == ncols;
        const double table_w = given || sum > avail ? avail : sum;
        for (double& wd : widths) wd = wd / sum * table_w;

        std::vector<Align> align(ncols, Align::Left);
        for (std::size_t c = 0; c < ncols; ++c) {
            CellAlign a = c < t.align.size() ? t.align[c] : CellAlign::Auto;
            if (a == CellAlign::Auto) {
                bool numeric = false, other = false;
                for (const auto& row : t.rows) {
                    if (row.header || c >= row.cells.size()) continue;
                    const std::string text = row.cells[c].text.plain();
                    if (is_placeholder_cell(text)) continue;
                    (is_numeric_cell(text) ? numeric : other) = true;
                }
                align[c] = numeric && !other ? Align::Right : Align::Left;
            } else {
                align[c] = a == CellAlign::Right ? Align::Right : a == CellAlign::Center ? Align::Center : Align::Left;
            }
        }
        for (const auto& row : t.rows) {
            Piece piece;
            piece.indent = indent;
            piece.space_before = 0;
            piece.header = row.header;
            piece.row_w = table_w;
            double x = 0, h = 0;
            for (std::size_t c = 0; c < ncols; ++c) {
                TextStyle st = row.header ? head_style : cell_style;
                st.align = align[c];
                RichText text = c < row.cells.size() ? row.cells[c].text : RichText{};
                TextBlock b = set(text, st, std::max(1.0, widths[c] - 2 * kCellPad));
                h = std::max(h, b.height);
                piece.cells.push_back({std::move(b), x + kCellPad});
                x += widths[c];
            }
            piece.row_h = h + 2 * kCellPad;
            pieces.push_back(std::move(piece));
        }
    }

    // A small picture (at most 40% of the column wide, 90 pt high), its
    // caption under it; its alt text when the file cannot be read.
    void add_image(const Image& im, std::vector<Piece>& pieces, const ReportStyles& rs, double indent) {
        const double avail = rs.col_w - indent;
        auto info = im.resolved.empty() ? std::nullopt : probe_image(im.resolved);
        if (info && info->width > 0 && info->height > 0) {
            const double k = std::min(avail * 0.4 / info->width, 90.0 / info->height);
            Piece piece;
            piece.indent = indent;
            piece.space_before = 4;
            piece.image = ImageItem{im.resolved, info->width * k, info->height * k, info->format};
            pieces.push_back(std::move(piece));
        } else {
            pieces.push_back({set("［図］" + (im.alt.empty() ? im.src : im.alt), rs.body, avail), indent, 3});
        }
        if (!im.caption.empty()) pieces.push_back({set(im.caption, rs.muted, avail), indent, 2});
    }

    // Text that fits on one line of `width`: first shrunk down to
    // `min_size` (when given), then shortened with an ellipsis.
    std::string fit(const std::string& s, TextStyle& st, double width, double min_size = 0) {
        if (s.empty() || text_.natural_width(plain_text(s), st) <= width) return s;
        while (min_size > 0 && st.size - 0.25 >= min_size) {
            st.size -= 0.25;
            if (text_.natural_width(plain_text(s), st) <= width) return s;
        }
        // Cut at code point boundaries until "…" fits.
        std::vector<std::size_t> cuts;
        for (std::size_t i = 1; i < s.size(); ++i)
            if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) cuts.push_back(i);
        std::size_t lo = 0, hi = cuts.size();
        while (lo < hi) {  // largest prefix that fits
            const std::size_t mid = (lo + hi + 1) / 2;
            if (text_.natural_width(plain_text(s.substr(0, cuts[mid - 1]) + "…"), st) <= width) lo = mid;
            else hi = mid - 1;
        }
        return lo == 0 ? "…" : s.substr(0, cuts[lo - 1]) + "…";
    }
    std::string fit(const std::string& s, const TextStyle& st, double width) {
        TextStyle copy = st;
        return fit(s, copy, width, 0);
    }

    // ---- header and footer on every page -----------------------------------
    void furniture() {
        const std::size_t total = pages_.size();
        const std::string title = deck_.meta.title.empty() ? "配布資料" : deck_.meta.title;
        const std::string date = iso_to_japanese_date(deck_.meta.date);
        const TextStyle small = style(handout::kFurnitureSize, kMuted);
        const TextStyle small_bold = style(handout::kFurnitureSize, kText, true);
        const TextStyle conf = style(handout::kFurnitureSize, kConfidential, true);
        for (std::size_t p = 0; p < total; ++p) {
            Frame& page = pages_[p];
            const std::string section = fit(page_section_[p], small, box_.width() * 0.3);
            const double section_w = section.empty() ? 0 : text_.natural_width(plain_text(section), small) + 16;
            TextStyle title_style = small_bold;
            const std::string shown = fit(title, title_style, box_.width() - section_w, 7.0);
            label(page, shown, title_style, box_.left, box_.header_baseline, Align::Left, box_.width());
            label(page, section, small, box_.right, box_.header_baseline, Align::Right, box_.width());
            page.push({box_.left, box_.header_rule}, hline(box_.width(), kRule, 0.5));
            page.push({box_.left, box_.footer_rule}, hline(box_.width(), kRule, 0.5));
            label(page, date, small, box_.left, box_.footer_baseline, Align::Left);
            if (!deck_.meta.confidentiality.empty()) {
                const TextBlock b = set(deck_.meta.confidentiality, conf, 300);
                if (!b.lines.empty()) {
                    const double w = b.lines.front().width;
                    const double cx = (box_.left + box_.right) / 2;
                    label(page, deck_.meta.confidentiality, conf, cx, box_.footer_baseline, Align::Center);
                    page.push({cx - w / 2 - 5, box_.footer_baseline - handout::kFurnitureSize - 1.5},
                              rect(w + 10, handout::kFurnitureSize + 4.5, std::nullopt, kConfidential, 0.6));
                }
            }
            label(page, std::to_string(p + 1) + " / " + std::to_string(total), small, box_.right,
                  box_.footer_baseline, Align::Right);
        }
    }

    const Deck& deck_;
    const std::vector<std::shared_ptr<const Frame>>& slides_;
    const std::vector<OutlineEntry>& slide_outline_;
    const TextEngine& text_;
    const HandoutOptions& opt_;

    TextStyle style(double size, Color color, bool bold = false, double line_height = 1.45) const {
        return base_style(opt_.font_family, opt_.mono_family, size, color, bold, line_height);
    }
    Diagnostics& diags_;
    std::string orientation_;
    Paper paper_;
    PageBox box_;
    std::vector<Frame> pages_;
    std::vector<OutlineEntry> outline_;
    std::map<std::string, std::size_t> anchors_;  // slide id → handout page
    std::vector<std::string> page_section_;  // header right text per page
    std::map<std::size_t, const Section*> section_at_;
    std::set<std::size_t> bookmarked_;
    std::set<std::tuple<char32_t, int, int>> reported_;
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
