#include "outline/chart_loader.h"

#include <cmath>

#include "util/utf8.h"

namespace ks {
namespace {

constexpr std::size_t kMaxPieSlices = 12;

std::u32string trimmed(const std::string& text) {
    std::u32string t = utf8_to_u32(text);
    auto space = [](char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\n' || c == U'\r'; };
    while (!t.empty() && space(t.back())) t.pop_back();
    std::size_t b = 0;
    while (b < t.size() && space(t[b])) ++b;
    return t.substr(b);
}

std::string to_utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) out += utf8_encode(c);
    return out;
}

// The text of an element and its descendants, whitespace collapsed, trimmed.
std::string text_of(const pugi::xml_node& n) {
    std::string raw;
    for (auto d : n.select_nodes(".//text()")) raw += d.node().value();
    std::string out;
    bool space = false;
    for (char c : raw) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::optional<ChartType> chart_type(const std::string& s) {
    if (s == "column") return ChartType::Column;
    if (s == "bar") return ChartType::Bar;
    if (s == "line") return ChartType::Line;
    if (s == "pie") return ChartType::Pie;
    if (s == "stacked-column") return ChartType::StackedColumn;
    return std::nullopt;
}

// A pie shows one series of at most kMaxPieSlices categories.
void check_pie(const Chart& chart, Diagnostics& diags) {
    if (chart.type != ChartType::Pie) return;
    {
        if (chart.categories.size() > kMaxPieSlices)
            diags.error(chart.where,
                        "a pie with " + std::to_string(chart.categories.size()) + " slices is unreadable (at most " +
                            std::to_string(kMaxPieSlices) + ")",
                        {"group the small categories into one, or use a bar chart"});
        if (chart.series.size() > 1)
            diags.error(chart.where, "a pie shows one series; this one has " + std::to_string(chart.series.size()),
                        {"keep one value column, or use a column chart"});
    }
}

}  // namespace

std::optional<double> parse_chart_value(const std::string& text, const std::string& unit, std::string& problem) {
    std::u32string t = trimmed(text);
    std::size_t i = 0;
    double sign = 1;
    if (i < t.size() && std::u32string_view(U"-−△▲▼－").find(t[i]) != std::u32string_view::npos) sign = -1, ++i;
    else if (i < t.size() && (t[i] == U'+' || t[i] == U'＋')) ++i;
    std::string digits;
    bool dot = false;
    while (i < t.size()) {
        char32_t c = t[i];
        if (c >= U'０' && c <= U'９') c = U'0' + (c - U'０');
        if (c == U'．') c = U'.';
        if (c == U'，') c = U',';
        if (c >= U'0' && c <= U'9') digits += static_cast<char>(c);
        else if (c == U'.' && !dot && !digits.empty()) dot = true, digits += '.';
        else if (c == U',' && !digits.empty() && !dot) {}
        else break;
        ++i;
    }
    if (digits.empty() || digits.back() == '.') {
        problem = "'" + text + "' is not a number";
        return std::nullopt;
    }
    std::string rest = to_utf8(trimmed(to_utf8(t.substr(i))));
    if (!rest.empty() && rest != unit) {
        problem = unit.empty() ? "'" + text + "' has the unit '" + rest + "' but the chart has no unit="
                               : "'" + text + "' is in '" + rest + "', the chart's unit is '" + unit + "'";
        return std::nullopt;
    }
    return sign * std::strtod(digits.c_str(), nullptr);
}

std::string generated_chart_alt(const Chart& chart) {
    std::string what = chart.caption;
    if (what.empty()) {
        for (const auto& s : chart.series) what += (what.empty() ? "" : "・") + s.name;
    }
    std::string alt = std::string(chart_type_name(chart.type)) + " chart";
    if (!what.empty()) alt += ": " + what;
    if (!chart.category_label.empty()) alt += " by " + chart.category_label;
    alt += (what.empty() ? ": " : ", ") + std::to_string(chart.series.size()) +
           (chart.series.size() == 1 ? " series" : " series");
    if (!chart.unit.empty()) alt += " (" + chart.unit + ")";
    return alt;
}

Chart read_chart(const pugi::xml_node& n, XmlReader& xml, Diagnostics& diags) {
    xml.check_attributes(n, {"type", "unit", "caption", "alt", "width"});
    Chart chart;
    chart.where = xml.pos(n);
    std::string type = n.attribute("type").as_string("column");
    if (auto t = chart_type(type)) chart.type = *t;
    else
        diags.error(chart.where, "chart type '" + type + "' is not known",
                    {"allowed: column, bar, line, pie, stacked-column"});
    chart.unit = to_utf8(trimmed(n.attribute("unit").value()));
    chart.caption = to_utf8(trimmed(n.attribute("caption").value()));
    chart.alt = to_utf8(trimmed(n.attribute("alt").value()));
    if (auto width = n.attribute("width")) {
        std::string w = to_utf8(trimmed(width.value()));
        char* end = nullptr;
        double v = std::strtod(w.c_str(), &end);
        if (w.size() < 2 || w.back() != '%' || end != w.c_str() + w.size() - 1 || !(v > 0) || v > 100)
            diags.error(chart.where, "width=\"" + w + "\" must be a percentage from 1% to 100%",
                        {"e.g. width=\"60%\": the share of the column the chart may take"});
        else chart.width_fraction = v / 100;
    }
    // Rows: the header names the series; each other row is a category.
    bool have_header = false;
    std::size_t columns = 0;
    for (auto row : n.children()) {
        if (row.type() != pugi::node_element) continue;
        if (std::string(row.name()) != "row") {
            diags.error(xml.pos(row), "unknown element <" + std::string(row.name()) + "> inside <chart>",
                        {"a chart holds <row>s of <cell>s, the first with header=\"true\""});
            continue;
        }
        xml.check_attributes(row, {"header"});
        bool header = row.attribute("header").as_bool(false);
        std::vector<std::string> texts;
        std::vector<SourcePosition> where;
        for (auto cell : row.children()) {
            if (cell.type() != pugi::node_element) continue;
            if (std::string(cell.name()) != "cell") {
                diags.error(xml.pos(cell), "unknown element <" + std::string(cell.name()) + "> inside <row>",
                            {"allowed here: <cell>"});
                continue;
            }
            xml.check_attributes(cell, {});
            texts.push_back(text_of(cell));
            where.push_back(xml.pos(cell));
        }
        if (texts.size() < 2) {
            diags.error(xml.pos(row), "a chart row needs a category and at least one value (" +
                                          std::to_string(texts.size()) + " cell" + (texts.size() == 1 ? "" : "s") + ")",
                        {"write <row><cell>Q1</cell><cell>120</cell></row>"});
            continue;
        }
        if (columns == 0) columns = texts.size();
        else if (texts.size() != columns) {
            diags.error(xml.pos(row), "chart row has " + std::to_string(texts.size()) + " cells, the first row has " +
                                          std::to_string(columns),
                        {"every row of a chart needs the same number of <cell>s; leave a cell empty for a gap"});
            continue;
        }
        if (header) {
            if (have_header || !chart.categories.empty())
                diags.error(xml.pos(row), "a chart has one header row, and it comes first",
                            {"the header row names the series; move it to the top"});
            have_header = true;
            chart.category_label = texts[0];
            for (std::size_t c = 1; c < texts.size(); ++c) chart.series.push_back({texts[c], {}});
            chart.cells.insert(chart.cells.begin(), texts);
            continue;
        }
        if (chart.series.empty())  // no header: series are numbered
            for (std::size_t c = 1; c < texts.size(); ++c) chart.series.push_back({"系列" + std::to_string(c), {}});
        chart.categories.push_back(texts[0]);
        for (std::size_t c = 1; c < texts.size(); ++c) {
            std::optional<double> value;
            if (!trimmed(texts[c]).empty()) {
                std::string problem;
                value = parse_chart_value(texts[c], chart.unit, problem);
                if (!value)
                    diags.error(where[c], "chart value " + problem,
                                {"write a number such as 1,234 or △12.5" +
                                 (chart.unit.empty() ? std::string() : ", in " + chart.unit + " or without a unit") +
                                 "; leave the cell empty for a gap"});
            }
            if (value && chart.type == ChartType::Pie && *value < 0)
                diags.error(where[c], "a pie cannot show the negative value '" + texts[c] + "'",
                            {"use a column or bar chart for values below zero"});
            chart.series[c - 1].values.push_back(value);
        }
        chart.cells.push_back(texts);
    }
    if (chart.categories.empty())
        diags.error(chart.where, "<chart> has no data rows",
                    {"add <row header=\"true\"> naming the series, then one <row> per category"});
    check_pie(chart, diags);
    if (chart.alt.empty()) {
        chart.alt = generated_chart_alt(chart);
        chart.alt_generated = true;
    }
    return chart;
}

}  // namespace ks
