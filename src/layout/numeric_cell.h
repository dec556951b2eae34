#pragma once
// Whether a table cell holds a number, so its column can be right-aligned
// and its decimal points lined up.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/deck.h"

namespace ks {

// A number, as written in Japanese business tables: optional sign or change
// mark (+ - − ± △ ▲ ▼), optional currency (¥ ￥ $), digits (ASCII or
// full-width) with the separators , . ， ．, then an optional unit: at most
// four characters that are %, ％, 倍, ヶ or CJK ideographs (億円, 件, 名,
// 百万円), or at most four Latin letters (ms, GB, kg, pt, x), optionally
// after one space, and optionally followed by a "per" part: / or ／ and up to
// three such characters (/月, /s, /人月). Surrounding spaces are ignored.
// Examples: "1,234", "+12.4%", "△3.2", "¥1,200/月", "12名", "300ms",
// "1.2 GB", "1.5倍". Not numbers: "", "Q1", "約10", "2025年度下期予算額".
bool is_numeric_cell(const std::string& text);

// Where a number's decimal point stands and what unit follows it.
struct NumberParts {
    std::size_t point = 0;  // byte offset in the text of its decimal separator (. or ．), else of its digits' end
    std::string unit;       // what follows the digits ("%", "GB", "件", "/月"; "" for none)
};

// The parts of `text` when it is a number (is_numeric_cell), else nothing.
// A column lines up the decimal points of its numbers that share a unit.
std::optional<NumberParts> number_parts(const std::string& text);

// A cell that does not decide a column's alignment: empty or a dash placeholder (-, —, ―, ー).
bool is_placeholder_cell(const std::string& text);

// The alignment of each of `columns` columns: align="" where given, else
// (auto) right when every body cell of `rows` that is not a placeholder is a
// number and there is at least one, else left. Cells merged over several
// columns do not decide. Never Auto.
std::vector<CellAlign> resolve_column_alignment(const Table& table, const std::vector<TableRow>& rows,
                                                std::size_t columns);

}  // namespace ks
