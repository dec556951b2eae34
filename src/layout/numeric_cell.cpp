#include "layout/numeric_cell.h"

#include <string_view>

#include "util/utf8.h"

namespace ks {
namespace {

std::u32string trimmed(const std::string& text) {
    std::u32string t = utf8_to_u32(text);
    auto space = [](char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\n'; };
    while (!t.empty() && space(t.back())) t.pop_back();
    std::size_t b = 0;
    while (b < t.size() && space(t[b])) ++b;
    return t.substr(b);
}

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
bool is_separator(char32_t c) { return c == U',' || c == U'.' || c == U'，' || c == U'．'; }
bool is_ideograph(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

}  // namespace

bool is_numeric_cell(const std::string& text) {
    std::u32string t = trimmed(text);
    std::size_t i = 0;
    if (i < t.size() && std::u32string_view(U"+-−±△▲▼＋－").find(t[i]) != std::u32string_view::npos) ++i;
    if (i < t.size() && std::u32string_view(U"¥￥$＄").find(t[i]) != std::u32string_view::npos) ++i;
    std::size_t digits = 0, start = i;
    while (i < t.size() && (is_digit(t[i]) || is_separator(t[i]))) digits += is_digit(t[i++]) ? 1 : 0;
    if (digits == 0 || !is_digit(t[start])) return false;
    std::u32string unit = t.substr(i);
    if (unit.size() > 4) return false;
    if (unit == U"pt" || unit == U"bp" || unit == U"x") return true;
    for (char32_t c : unit)
        if (c != U'%' && c != U'％' && c != U'倍' && !is_ideograph(c)) return false;
    return true;
}

bool is_placeholder_cell(const std::string& text) {
    std::u32string t = trimmed(text);
    return t.empty() || t == U"-" || t == U"—" || t == U"―" || t == U"ー" || t == U"－" || t == U"–";
}

std::vector<CellAlign> resolve_column_alignment(const Table& table, const std::vector<TableRow>& rows,
                                                std::size_t columns) {
    std::vector<CellAlign> out(columns, CellAlign::Left);
    for (std::size_t c = 0; c < columns; ++c) {
        CellAlign want = c < table.align.size() ? table.align[c] : CellAlign::Auto;
        if (want != CellAlign::Auto) {
            out[c] = want;
            continue;
        }
        bool numbers = false, other = false;
        for (const auto& r : rows) {
            if (r.header || c >= r.cells.size()) continue;
            std::string t = r.cells[c].text.plain();
            if (is_placeholder_cell(t)) continue;
            (is_numeric_cell(t) ? numbers : other) = true;
        }
        if (numbers && !other) out[c] = CellAlign::Right;
    }
    return out;
}

}  // namespace ks
