#pragma once
// Reads a <chart> element: its type, unit, caption, alt text and the rows of
// data (like a table), checking the data so bad numbers are located errors.
#include <optional>
#include <string>

#include <pugixml.hpp>

#include "diag/diagnostics.h"
#include "model/deck.h"
#include "diag/xml_reader.h"

namespace ks {

Chart read_chart(const pugi::xml_node& n, XmlReader& xml, Diagnostics& diags);

// A cell's number as charts read it: optional sign (+ - − ＋ －, △ ▲ ▼ for
// minus as in Japanese accounts), digits (ASCII or full-width) with ','
// thousands separators and one '.', then an optional unit that must equal
// `unit`. nullopt with `problem` set when it is not such a number.
std::optional<double> parse_chart_value(const std::string& text, const std::string& unit, std::string& problem);

// "column chart: 売上 by 四半期, 2 series": alt text generated from the data.
std::string generated_chart_alt(const Chart& chart);

}  // namespace ks
