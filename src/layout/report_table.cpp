#include "layout/report_table.h"

#include <algorithm>

#include "layout/print_palette.h"
#include "layout/set_lines.h"
#include "layout/table_layout.h"

namespace ks {

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

// A table whose longest words do not fit side by side at the report's cell
// size is set smaller, down to this, rather than tear its words (an
// eight-column table beside a slide picture needs about 7 pt).
constexpr double kMinReportCellSize = 6;

// The cell size at which every column's longest word fits in `width`
// (never above the style's, never below kMinReportCellSize): table_layout
// keeps each column at least as wide as its longest unbreakable word.
double fitting_cell_size(const Table& t, const ReportTableStyle& style, const TextEngine& text) {
    TextStyle cell = style.cell;
    for (int attempt = 0; attempt < 6; ++attempt) {
        const double need = layout_table(t, style.width, table_style(cell, print::kTablePalette), text).min_width;
        if (need <= style.width + 0.01 || cell.size <= kMinReportCellSize) break;
        cell.size = std::max(kMinReportCellSize, std::min(cell.size - 0.25, cell.size * style.width / need));
    }
    return cell.size;
}

}  // namespace

std::vector<Strip> layout_report_table(const Table& t, const ReportTableStyle& given, const TextEngine& text) {
    // Column widths are table_layout's (from the whole table when this is
    // a piece of a continued one: Table::sizing_rows), at a size where no
    // word tears.
    ReportTableStyle style = given;
    style.cell.size = fitting_cell_size(t, style, text);
    const TableLayout tl = layout_table(t, style.width, table_style(style.cell, print::kTablePalette), text);

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
