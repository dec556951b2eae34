#include "model/deck.h"

namespace ks {

std::string RichText::plain() const {
    std::string out;
    for (const auto& s : spans) out += s.text;
    return out;
}

bool RichText::empty() const {
    for (const auto& s : spans)
        if (!s.text.empty()) return false;
    return true;
}

}  // namespace ks

namespace ks {

const char* chart_type_name(ChartType type) {
    switch (type) {
        case ChartType::Column: return "column";
        case ChartType::Bar: return "bar";
        case ChartType::Line: return "line";
        case ChartType::Pie: return "pie";
        case ChartType::StackedColumn: return "stacked-column";
    }
    return "column";
}

Table chart_as_table(const Chart& chart) {
    Table table;
    table.where = chart.where;
    // The caption, and the unit; not the alt text: a generated one reads
    // "line chart: … by 週" in the middle of a Japanese handout, and the
    // table itself says what the alt text says.
    std::string caption = chart.caption;
    if (!chart.unit.empty()) caption += caption.empty() ? "単位：" + chart.unit : "（単位：" + chart.unit + "）";
    if (!caption.empty()) table.caption.spans.push_back({caption, false, false, false, chart.where});
    table.caption.where = chart.where;
    for (std::size_t r = 0; r < chart.cells.size(); ++r) {
        TableRow row;
        row.header = r == 0 && !chart.series.empty() && chart.cells[0].size() == chart.series.size() + 1 &&
                     chart.cells.size() > chart.categories.size();
        row.where = chart.where;
        for (const auto& text : chart.cells[r]) {
            TableCell cell;
            cell.text.spans.push_back({text, false, false, false, chart.where});
            cell.where = chart.where;
            row.cells.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

SourcePosition block_where(const Block& block) {
    return std::visit([](const auto& b) { return b.where; }, block);
}

}  // namespace ks
