#pragma once
// Whether a table cell holds a number, so its column can be right-aligned.
#include <string>
#include <vector>

#include "model/deck.h"

namespace ks {

// A number, as written in Japanese business tables: optional sign or change
// mark (+ - − ± △ ▲ ▼), optional currency (¥ ￥ $), digits (ASCII or
// full-width) with the separators , . ， ．, then an optional unit of at most
// four characters that are %, ％, 倍, x, pt, bp or CJK ideographs (億円, 件,
// 百万円, 人). Surrounding spaces are ignored. Examples: "1,234", "+12.4%",
// "△3.2", "¥1,200", "12億円", "1.5倍". Not numbers: "", "Q1", "2025年度".
bool is_numeric_cell(const std::string& text);

// A cell that does not decide a column's alignment: empty or a dash placeholder (-, —, ―, ー).
bool is_placeholder_cell(const std::string& text);

// The alignment of each of `columns` columns: align="" where given, else
// (auto) right when every body cell of `rows` that is not a placeholder is a
// number and there is at least one, else left. Never Auto.
std::vector<CellAlign> resolve_column_alignment(const Table& table, const std::vector<TableRow>& rows,
                                                std::size_t columns);

}  // namespace ks
