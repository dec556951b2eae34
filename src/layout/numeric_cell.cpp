#include "layout/numeric_cell.h"

#include <string_view>

#include "model/table_grid.h"
#include "util/utf8.h"

namespace ks {
namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\n'; }
bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
bool is_separator(char32_t c) { return c == U',' || c == U'.' || c == U'，' || c == U'．'; }
bool is_decimal(char32_t c) { return c == U'.' || c == U'．'; }
bool is_ideograph(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }
bool is_latin_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'µ'; }
bool is_cjk_unit(char32_t c) { return c == U'%' || c == U'％' || c == U'‰' || c == U'倍' || c == U'ヶ' || is_ideograph(c); }

// A unit of one kind (all Latin letters, or all CJK unit characters) of 1..max characters.
bool is_unit_word(std::u32string_view u, std::size_t max) {
    if (u.empty() || u.size() > max) return false;
    bool latin = is_latin_letter(u.front());
    for (char32_t c : u)
        if (latin ? !is_latin_letter(c) : !is_cjk_unit(c)) return false;
    return true;
}

// "ms", "GB", "億円", "%", "/月", "GB/月", " ms" (one space before a Latin unit).
bool is_unit(std::u32string_view u) {
    if (u.empty()) return true;
    std::size_t slash = u.find_first_of(U"/／");
    std::u32string_view head = u.substr(0, slash);
    if (slash != std::u32string_view::npos && !is_unit_word(u.substr(slash + 1), 3)) return false;
    if (!head.empty() && head.front() == U' ') {
        head.remove_prefix(1);
        if (head.empty() || !is_latin_letter(head.front())) return false;
    }
    return head.empty() ? slash != std::u32string_view::npos : is_unit_word(head, 4);
}

struct Parsed {
    bool numeric = false;
    std::size_t point = 0;  // code point index of the decimal point (or digits' end) in the trimmed text
    std::size_t unit = 0;   // code point index where the unit starts in the trimmed text
    std::size_t lead = 0;   // code points trimmed from the front
    std::size_t end = 0;    // code point index of the end of the trimmed text in the whole
};

Parsed parse(const std::u32string& all) {
    Parsed p;
    std::size_t b = 0, e = all.size();
    while (b < e && is_space(all[b])) ++b;
    while (e > b && is_space(all[e - 1])) --e;
    p.lead = b, p.end = e;
    std::u32string_view t(all.data() + b, e - b);
    std::size_t i = 0;
    if (i < t.size() && std::u32string_view(U"+-−±△▲▼＋－").find(t[i]) != std::u32string_view::npos) ++i;
    if (i < t.size() && std::u32string_view(U"¥￥$＄").find(t[i]) != std::u32string_view::npos) ++i;
    std::size_t digits = 0, start = i, point = std::u32string_view::npos;
    while (i < t.size() && (is_digit(t[i]) || is_separator(t[i]))) {
        if (is_decimal(t[i])) point = i;
        digits += is_digit(t[i++]) ? 1 : 0;
    }
    if (digits == 0 || !is_digit(t[start]) || !is_unit(t.substr(i))) return p;
    p.numeric = true;
    // A trailing separator ("12." is rare) is not a decimal point.
    p.point = point != std::u32string_view::npos && point + 1 < i ? point : i;
    p.unit = i;
    return p;
}

std::string encode(const std::u32string& t, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) utf8_append(out, t[k]);
    return out;
}

}  // namespace

bool is_numeric_cell(const std::string& text) { return parse(utf8_to_u32(text)).numeric; }

std::optional<NumberParts> number_parts(const std::string& text) {
    std::u32string t = utf8_to_u32(text);
    Parsed p = parse(t);
    if (!p.numeric) return std::nullopt;
    NumberParts parts;
    parts.point = encode(t, 0, p.lead + p.point).size();
    parts.unit = encode(t, p.lead + p.unit, p.end);
    if (!parts.unit.empty() && parts.unit.front() == ' ') parts.unit.erase(0, 1);  // "1.2 GB" and "1.2GB" share "GB"
    return parts;
}

bool is_placeholder_cell(const std::string& text) {
    std::u32string t = utf8_to_u32(text);
    while (!t.empty() && is_space(t.back())) t.pop_back();
    std::size_t b = 0;
    while (b < t.size() && is_space(t[b])) ++b;
    t = t.substr(b);
    return t.empty() || t == U"-" || t == U"—" || t == U"―" || t == U"ー" || t == U"－" || t == U"–";
}

std::vector<CellAlign> resolve_column_alignment(const Table& table, const std::vector<TableRow>& rows,
                                                std::size_t columns) {
    std::vector<CellAlign> out(columns, CellAlign::Left);
    std::vector<bool> numbers(columns, false), other(columns, false);
    for (const GridCell& g : table_grid(rows).cells) {
        const TableRow& r = rows[g.row];
        if (r.header || g.colspan > 1 || static_cast<std::size_t>(g.col) >= columns) continue;
        std::string t = r.cells[g.index].text.plain();
        if (is_placeholder_cell(t)) continue;
        (is_numeric_cell(t) ? numbers : other)[static_cast<std::size_t>(g.col)] = true;
    }
    for (std::size_t c = 0; c < columns; ++c) {
        CellAlign want = c < table.align.size() ? table.align[c] : CellAlign::Auto;
        if (want != CellAlign::Auto) out[c] = want;
        else if (numbers[c] && !other[c]) out[c] = CellAlign::Right;
    }
    return out;
}

}  // namespace ks
