#include "layout/table_layout.h"

#include <algorithm>
#include <numeric>

#include "layout/numeric_cell.h"

namespace ks {
namespace {

std::vector<Align> column_aligns(const Table& table, const std::vector<TableRow>& rows, std::size_t columns) {
    std::vector<Align> out;
    for (CellAlign a : resolve_column_alignment(table, rows, columns))
        out.push_back(a == CellAlign::Right ? Align::Right : a == CellAlign::Center ? Align::Center : Align::Left);
    return out;
}

// Columns that fit keep their natural width; the rest share what is left
// in proportion to their natural width. The table spans the column.
std::vector<double> fit_columns(const std::vector<double>& natural, double total) {
    std::vector<double> widths = natural;
    double sum = std::accumulate(natural.begin(), natural.end(), 0.0);
    if (sum <= total) {
        // Give the spare width to the last column (usually the content column).
        widths.back() += total - sum;
        return widths;
    }
    double fair = total / natural.size();
    double fixed = 0, flexible = 0;
    for (double w : natural) (w <= fair ? fixed : flexible) += w;
    for (auto& w : widths)
        if (w > fair) w = (total - fixed) * w / flexible;
    return widths;
}

std::string joined_lines(const TextBlock& block) {
    std::string text;
    for (const auto& line : block.lines) text += (text.empty() ? "" : "\n") + line.text;
    return text;
}

}  // namespace

TableLayout layout_table(const Table& table, double width, const TableStyle& style, const TextEngine& text) {
    TableLayout out;
    const double size = style.text.size;
    const double pad_x = size * 0.6, pad_y = size * 0.4;
    const auto& sizing = table.sizing_rows ? *table.sizing_rows : table.rows;
    std::size_t columns = 0;
    for (const auto& r : sizing) columns = std::max(columns, r.cells.size());
    double y = 0;
    if (!table.caption.empty()) {
        TextStyle cs = style.text;
        cs.color = style.caption_color;
        auto block = text.set(table.caption, cs, width);
        y += block.height + size * 0.3;
        out.caption = PlacedText{std::move(block), 0, 0};
    }
    if (columns == 0) {
        out.height = y;
        return out;
    }
    std::vector<Align> aligns = column_aligns(table, sizing, columns);

    auto cell_style = [&](bool header, std::size_t column = 0) {
        TextStyle s = style.text;
        s.line_height = 1.4;
        s.align = column < aligns.size() ? aligns[column] : Align::Left;
        if (header) {
            s.bold = true;
            s.color = s.emphasis_color = style.header_text;
        }
        return s;
    };
    // Natural column widths, then shrink the wide columns to fit.
    std::vector<double> natural(columns, 0);
    for (const auto& r : sizing)
        for (std::size_t c = 0; c < r.cells.size(); ++c)
            natural[c] = std::max(natural[c], text.natural_width(r.cells[c].text, cell_style(r.header)) + 2 * pad_x);
    std::vector<double> widths = fit_columns(natural, width);
    if (table.widths.size() == columns) {
        double sum = std::accumulate(table.widths.begin(), table.widths.end(), 0.0);
        for (std::size_t c = 0; c < columns; ++c) widths[c] = width * table.widths[c] / sum;
    }
    out.column_widths = widths;

    std::size_t body_row = 0;
    int table_row = 0;
    for (const auto& row : table.rows) {
        std::vector<TextBlock> blocks;
        double row_h = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            RichText empty;
            const RichText& t = c < row.cells.size() ? row.cells[c].text : empty;
            blocks.push_back(text.set(t, cell_style(row.header, c), widths[c] - 2 * pad_x));
            row_h = std::max(row_h, blocks.back().height + 2 * pad_y);
        }
        std::optional<Color> fill;
        if (row.header) fill = style.header_fill;
        else if (body_row++ % 2 == 1) fill = style.stripe;
        if (fill) {
            Shape bg;
            bg.w = width;
            bg.h = row_h;
            bg.fill = fill;
            out.paint.push_back({{{0, y}, bg}});
        }
        double x = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            TableCellLayout cell;
            cell.row = table_row;
            cell.col = static_cast<int>(c);
            cell.x = x, cell.y = y, cell.w = widths[c], cell.h = row_h;
            cell.plain = joined_lines(blocks[c]);
            cell.text = PlacedText{std::move(blocks[c]), x + pad_x, y + pad_y};
            out.paint.push_back({{}, static_cast<int>(out.cells.size())});
            out.cells.push_back(std::move(cell));
            x += widths[c];
        }
        ++table_row;
        Shape rule;
        rule.kind = Shape::Kind::Line;
        rule.w = width;
        rule.h = 0;
        rule.stroke = style.rule;
        rule.stroke_width = 0.75;
        out.paint.push_back({{{0, y + row_h}, rule}});
        y += row_h;
    }
    out.height = y;
    return out;
}

std::vector<PositionedItem> table_items(const TableLayout& layout) {
    std::vector<PositionedItem> items;
    auto place = [&](const PlacedText& t) {
        for (const auto& line : t.block.lines)
            for (const auto& pr : line.runs) items.push_back({{t.x + pr.origin.x, t.y + pr.origin.y}, pr.run});
    };
    if (layout.caption) place(*layout.caption);
    for (const auto& step : layout.paint) {
        if (step.cell >= 0) place(layout.cells[static_cast<std::size_t>(step.cell)].text);
        else items.push_back(step.shape);
    }
    return items;
}

}  // namespace ks
