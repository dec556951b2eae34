#include "model/deck.h"

#include "util/utf8.h"

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

namespace {

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

}  // namespace

// The byte length of the number a section title starts with ("1. 進捗",
// "2）課題", "第3章 展望", "04　まとめ"), without the space after it; 0 when
// the title carries no number of its own ("2026年の計画" does not).
std::size_t own_number_length(const std::string& title) {
    std::u32string t = utf8_to_u32(title);
    std::size_t i = 0;
    bool chapter = i < t.size() && t[i] == U'第';
    if (chapter) ++i;
    std::size_t digits = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == digits) return 0;
    if (chapter) {
        if (i >= t.size() || std::u32string_view(U"章部節回").find(t[i]) == std::u32string_view::npos) return 0;
        ++i;
    } else if (i < t.size() && std::u32string_view(U".．、)）:：").find(t[i]) != std::u32string_view::npos) {
        ++i;
    } else if (i >= t.size() || (t[i] != U' ' && t[i] != U'\u3000')) {
        return 0;
    }
    std::size_t end = i;
    while (i < t.size() && (t[i] == U' ' || t[i] == U'\u3000')) ++i;
    if (i == t.size()) return 0;  // nothing but a number
    std::string number;
    for (std::size_t k = 0; k < end; ++k) number += utf8_encode(t[k]);
    return number.size();
}

}  // namespace ks
