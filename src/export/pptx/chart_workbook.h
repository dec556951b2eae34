#pragma once
// The data sheet of a native chart: a minimal SpreadsheetML workbook (one
// sheet: the categories down column A, one column a series, names in row 1),
// built in memory as its own zip, embedded in the presentation so that
// PowerPoint's "Edit Data" opens it. The chart part's formulas point at its
// cells (chart_sheet_range).
#include <cstddef>
#include <optional>
#include <string>

#include "frame/structure.h"
#include "util/dates.h"

namespace ks::pptx {

inline constexpr const char* kChartSheet = "Sheet1";

// "A", "B", …, "Z", "AA": the sheet column of 0-based `index`.
std::string sheet_column(std::size_t index);

// "Sheet1!$B$2:$B$5": rows `first`..`last` (1-based) of column `column` (0-based).
std::string chart_sheet_range(std::size_t column, std::size_t first, std::size_t last);

// A number as the shortest text that reads back as the same double ("6.2", "-6.5", "120").
std::string number_text(double v);

// A stacked chart of several series shows each stack's total above it (the
// sum of its positive parts, as the slide does): the sheet has a column
// "合計" of formulas after the series, the chart a line series without
// line or markers that carries the labels.
bool has_stack_totals(const StructChart& chart);
inline constexpr const char* kTotalName = "合計";
// The total of category `c`; none when the stack has no positive part.
std::optional<double> stack_total(const StructChart& chart, std::size_t c);

// The .xlsx bytes; the same chart and stamp give the same bytes. Throws
// std::runtime_error when libzip fails.
std::string chart_workbook(const StructChart& chart, const Timestamp& stamp);

}  // namespace ks::pptx
