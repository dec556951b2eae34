#include "layout/report_table.h"

#include <algorithm>
#include <numeric>

#include "layout/numeric_cell.h"
#include "layout/print_palette.h"
#include "layout/set_lines.h"
#include "text/budoux.h"
#include "util/utf8.h"

namespace ks {

namespace {

constexpr double kCellPad = 3;

Align to_align(CellAlign a) {
    return a == CellAlign::Right ? Align::Right : a == CellAlign::Center ? Align::Center : Align::Left;
}

}  // namespace

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

std::vector<Strip> layout_report_table(const Table& t, const ReportTableStyle& style, const TextEngine& text) {
    std::vector<Strip> strips;
    const double avail = style.width;
    if (!t.caption.empty()) {
        const TextBlock b = text.set(t.caption, style.caption, avail);
        for (std::size_t k = 0; k < b.lines.size(); ++k) {
            Strip s;
            s.height = line_height_in(b, k);
            s.space_before = k == 0 ? 3 : 0;
            s.keep_with_next = true;
            push_line(s.items, b.lines[k], 0, 0);
            strips.push_back(std::move(s));
        }
    }
    std::size_t ncols = 0;
    for (const auto& row : t.rows) ncols = std::max(ncols, row.cells.size());
    if (ncols == 0) return strips;
    const TextStyle cell_style = style.cell;
    TextStyle head_style = cell_style;
    head_style.bold = true;

    std::vector<double> widths(ncols, 0);
    double table_w = avail;
    if (t.widths.size() == ncols) {
        const double sum = std::accumulate(t.widths.begin(), t.widths.end(), 0.0);
        for (std::size_t c = 0; c < ncols; ++c) widths[c] = sum > 0 ? t.widths[c] / sum * avail : avail / ncols;
    } else {
        std::vector<double> minimum(ncols, 0), natural(ncols, 0);
        for (const auto& row : t.rows)
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                const TextStyle& st = row.header ? head_style : cell_style;
                const RichText& cell = row.cells[c].text;
                natural[c] = std::max(natural[c], text.natural_width(cell, st) + 2 * kCellPad + 1);
                minimum[c] = std::max(minimum[c], longest_word_width(cell, st, text) + 2 * kCellPad + 1);
            }
        widths = share_column_widths(minimum, natural, avail);
        table_w = std::accumulate(widths.begin(), widths.end(), 0.0);
    }

    std::vector<Align> align;
    for (CellAlign a : resolve_column_alignment(t, t.rows, ncols)) align.push_back(to_align(a));

    auto headers = std::make_shared<std::vector<Strip>>();
    std::vector<Strip> body;
    for (const auto& row : t.rows) {
        std::vector<TextBlock> cells;
        double h = 0;
        for (std::size_t c = 0; c < ncols; ++c) {
            TextStyle st = row.header ? head_style : cell_style;
            st.align = align[c];
            const RichText cell = c < row.cells.size() ? row.cells[c].text : RichText{};
            cells.push_back(text.set(cell, st, std::max(1.0, widths[c] - 2 * kCellPad)));
            h = std::max(h, cells.back().height);
        }
        Strip s;
        s.height = h + 2 * kCellPad;
        if (row.header) s.items.push_back({{0, 0}, print::rect(table_w, s.height, print::kHeaderFill, std::nullopt)});
        double x = 0;
        for (std::size_t c = 0; c < ncols; ++c) {
            for (const auto& l : cells[c].lines) push_line(s.items, l, x + kCellPad, kCellPad + l.top);
            x += widths[c];
        }
        s.items.push_back({{0, s.height}, print::hline(table_w, row.header ? print::kText : print::kRule,
                                                       row.header ? 0.7 : 0.4)});
        if (row.header && body.empty()) {
            s.keep_with_next = true;
            headers->push_back(s);
            strips.push_back(std::move(s));
        } else {
            body.push_back(std::move(s));
        }
    }
    for (Strip& s : body) {
        if (!headers->empty()) s.header = headers;
        strips.push_back(std::move(s));
    }
    return strips;
}

}  // namespace ks
