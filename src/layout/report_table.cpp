#include "layout/report_table.h"

#include <algorithm>
#include <numeric>

#include "layout/print_palette.h"
#include "layout/set_lines.h"
#include "layout/table_layout.h"
#include "text/budoux.h"
#include "util/utf8.h"

namespace ks {

double longest_word_width(const RichText& text, const TextStyle& style, const TextEngine& engine) {
    // Bold spans are wider: measure every piece bold when any span is.
    TextStyle st = style;
    for (const Span& sp : text.spans) st.bold = st.bold || sp.bold;
    double widest = 0;
    const std::u32string all = utf8_to_u32(text.plain());
    std::size_t start = 0;
    while (start < all.size()) {
        std::size_t end = start;
        while (end < all.size() && all[end] != U' ' && all[end] != U'\n' && all[end] != U'\u3000') ++end;
        if (end > start) {
            const std::u32string token = all.substr(start, end - start);
            for (std::u32string_view phrase : text::budoux_phrases(token)) {
                std::string piece;
                for (char32_t c : phrase) utf8_append(piece, c);
                widest = std::max(widest, engine.natural_width(plain_text(piece), st));
            }
        }
        start = end + 1;
    }
    return widest;
}

std::vector<double> share_column_widths(const std::vector<double>& minimum, const std::vector<double>& natural,
                                        double avail) {
    const double natural_sum = std::accumulate(natural.begin(), natural.end(), 0.0);
    if (natural_sum <= avail) return natural;
    const double min_sum = std::accumulate(minimum.begin(), minimum.end(), 0.0);
    std::vector<double> out = minimum;
    if (min_sum >= avail) {
        for (double& w : out) w = min_sum > 0 ? w / min_sum * avail : avail / out.size();
        return out;
    }
    double want = 0;
    for (std::size_t c = 0; c < out.size(); ++c) want += natural[c] - minimum[c];
    for (std::size_t c = 0; c < out.size(); ++c)
        out[c] += want > 0 ? (avail - min_sum) * (natural[c] - minimum[c]) / want : 0;
    return out;
}

std::vector<double> report_column_widths(const Table& t, const TextStyle& cell, double avail, const TextEngine& text) {
    std::size_t ncols = 0;
    for (const auto& row : t.rows) ncols = std::max(ncols, row.cells.size());
    TextStyle head = cell;
    head.bold = true;
    const double pad = 2 * cell.size * 0.6 + 1;  // table_layout's cell padding, and a point to spare
    std::vector<double> minimum(ncols, 0), natural(ncols, 0);
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const TextStyle& st = row.header ? head : cell;
            natural[c] = std::max(natural[c], text.natural_width(row.cells[c].text, st) + pad);
            minimum[c] = std::max(minimum[c], longest_word_width(row.cells[c].text, st, text) + pad);
        }
    return share_column_widths(minimum, natural, avail);
}

namespace {

// A horizontal band of the table that pages never cut: a row, or rows a
// merged cell spans.
struct Band {
    double top = 0, bottom = 0;
    bool header = true;  // every cell in it belongs to a header row
    Strip strip;
};

std::vector<Band> bands_of(const Table& t, const TableLayout& tl) {
    std::vector<Band> bands;
    std::vector<const TableCellLayout*> cells;
    for (const auto& c : tl.cells) cells.push_back(&c);
    std::stable_sort(cells.begin(), cells.end(), [](const auto* a, const auto* b) { return a->y < b->y; });
    for (const TableCellLayout* c : cells) {
        const bool header = c->row >= 0 && static_cast<std::size_t>(c->row) < t.rows.size() && t.rows[c->row].header;
        if (bands.empty() || c->y >= bands.back().bottom - 0.01) bands.push_back({c->y, c->y + c->h, header, {}});
        Band& b = bands.back();
        b.bottom = std::max(b.bottom, c->y + c->h);
        b.header = b.header && header;
    }
    return bands;
}

Band* band_at(std::vector<Band>& bands, double y, bool line) {
    for (Band& b : bands)
        if (line ? (y > b.top + 0.01 && y <= b.bottom + 0.01) : (y >= b.top - 0.01 && y < b.bottom - 0.01)) return &b;
    return nullptr;
}

}  // namespace

std::vector<Strip> layout_report_table(const Table& t, const ReportTableStyle& style, const TextEngine& text) {
    // Until table_layout keeps every column at least as wide as its longest
    // word, the report hands it widths that do (one place to drop later).
    // (Those widths count cells, not grid columns: a table with merged cells
    // gets table_layout's own widths, which keep the longest words.)
    Table sized = t;
    bool merged = false;
    for (const auto& row : t.rows)
        for (const auto& cell : row.cells) merged = merged || cell.colspan > 1 || cell.rowspan > 1;
    if (sized.widths.empty() && !merged) {
        Table whole = t;  // the pieces of a continued table share the whole table's widths
        if (t.sizing_rows) whole.rows = *t.sizing_rows;
        sized.widths = report_column_widths(whole, style.cell, style.width, text);
    }
    const TableLayout tl = layout_table(sized, style.width, table_style(style.cell, print::kTablePalette), text);

    std::vector<Strip> strips;
    if (tl.caption) {
        const TextBlock& b = tl.caption->block;
        for (std::size_t k = 0; k < b.lines.size(); ++k) {
            Strip s;
            s.height = line_height_in(b, k);
            s.space_before = k == 0 ? 3 : 0;
            s.keep_with_next = true;
            push_line(s.items, b.lines[k], tl.caption->x, 0);
            strips.push_back(std::move(s));
        }
    }
    std::vector<Band> bands = bands_of(t, tl);
    for (const TablePaint& step : tl.paint) {
        if (step.cell >= 0) {
            const TableCellLayout& c = tl.cells[static_cast<std::size_t>(step.cell)];
            Band* b = band_at(bands, c.y, false);
            if (!b) continue;
            for (const auto& l : c.text.block.lines) push_line(b->strip.items, l, c.text.x, c.text.y - b->top + l.top);
        } else {
            const auto* shape = std::get_if<Shape>(&step.shape.item);
            const bool line = shape && shape->kind == Shape::Kind::Line;
            Band* b = band_at(bands, step.shape.pos.y, line);
            if (!b) continue;
            b->strip.items.push_back({{step.shape.pos.x, step.shape.pos.y - b->top}, step.shape.item});
        }
    }
    auto headers = std::make_shared<std::vector<Strip>>();
    bool body = false;
    for (Band& b : bands) {
        b.strip.height = b.bottom - b.top;
        if (b.header && !body) {
            b.strip.keep_with_next = true;
            headers->push_back(b.strip);
        } else {
            body = true;
            if (!headers->empty()) b.strip.header = headers;
        }
        strips.push_back(std::move(b.strip));
    }
    return strips;
}

}  // namespace ks
