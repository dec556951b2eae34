#include "export/pptx/chart_workbook.h"

#include <algorithm>
#include <charconv>

#include "export/pptx/package_parts.h"
#include "export/pptx/pptx_xml.h"

namespace ks::pptx {
namespace {

constexpr const char* kNsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kTypeBase = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

pugi::xml_node sheet_root(pugi::xml_document& doc, const char* name) {
    auto root = doc.append_child(name);
    root.append_attribute("xmlns") = kNsMain;
    root.append_attribute("xmlns:r") = kNsR;
    return root;
}

void text_cell(pugi::xml_node row, const std::string& ref, const std::string& text) {
    auto c = row.append_child("c");
    c.append_attribute("r") = ref.c_str();
    c.append_attribute("t") = "inlineStr";
    auto t = c.append_child("is").append_child("t");
    t.text() = text.c_str();
    if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) t.append_attribute("xml:space") = "preserve";
}

// Row 1: the category label and the series names; then one row a category
// (an empty cell for a gap).
std::string sheet_xml(const StructChart& chart) {
    pugi::xml_document doc;
    auto root = sheet_root(doc, "worksheet");
    auto cols = root.append_child("cols").append_child("col");
    cols.append_attribute("min") = 1;
    cols.append_attribute("max") = static_cast<unsigned long long>(chart.series.size() + 2);
    cols.append_attribute("width") = 16;
    cols.append_attribute("customWidth") = 1;
    auto data = root.append_child("sheetData");
    auto header = data.append_child("row");
    header.append_attribute("r") = 1;
    text_cell(header, "A1", chart.category_label);
    const std::size_t n = chart.series.size();
    for (std::size_t s = 0; s < n; ++s) text_cell(header, sheet_column(s + 1) + "1", chart.series[s].name);
    const bool totals = has_stack_totals(chart);
    if (totals) text_cell(header, sheet_column(n + 1) + "1", kTotalName);
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
        const std::string r = std::to_string(c + 2);
        auto row = data.append_child("row");
        row.append_attribute("r") = r.c_str();
        text_cell(row, "A" + r, chart.categories[c]);
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            const auto& values = chart.series[s].values;
            if (c >= values.size() || !values[c]) continue;
            auto cell = row.append_child("c");
            cell.append_attribute("r") = (sheet_column(s + 1) + r).c_str();
            cell.append_child("v").text() = number_text(*values[c]).c_str();
        }
        if (!totals) continue;
        auto cell = row.append_child("c");  // the positive parts' sum, as the slide's total
        cell.append_attribute("r") = (sheet_column(n + 1) + r).c_str();
        cell.append_child("f").text() = ("SUMIF(B" + r + ":" + sheet_column(n) + r + ",\">0\")").c_str();
        cell.append_child("v").text() = number_text(stack_total(chart, c).value_or(0)).c_str();
    }
    return xml_bytes(doc);
}

std::string workbook_xml() {
    pugi::xml_document doc;
    auto sheet = sheet_root(doc, "workbook").append_child("sheets").append_child("sheet");
    sheet.append_attribute("name") = kChartSheet;
    sheet.append_attribute("sheetId") = 1;
    sheet.append_attribute("r:id") = "rId1";
    return xml_bytes(doc);
}

// One font (the chart's), no fills or borders beyond the required two and one.
std::string styles_xml(const std::string& family) {
    pugi::xml_document doc;
    auto root = sheet_root(doc, "styleSheet");
    auto fonts = root.append_child("fonts");
    fonts.append_attribute("count") = 1;
    auto font = fonts.append_child("font");
    font.append_child("sz").append_attribute("val") = 11;
    font.append_child("name").append_attribute("val") = family.empty() ? "BIZ UDPGothic" : family.c_str();
    auto fills = root.append_child("fills");
    fills.append_attribute("count") = 2;
    for (const char* pattern : {"none", "gray125"})
        fills.append_child("fill").append_child("patternFill").append_attribute("patternType") = pattern;
    auto borders = root.append_child("borders");
    borders.append_attribute("count") = 1;
    auto border = borders.append_child("border");
    for (const char* side : {"left", "right", "top", "bottom", "diagonal"}) border.append_child(side);
    for (const char* list : {"cellStyleXfs", "cellXfs"}) {
        auto xfs = root.append_child(list);
        xfs.append_attribute("count") = 1;
        auto xf = xfs.append_child("xf");
        for (const char* a : {"numFmtId", "fontId", "fillId", "borderId"}) xf.append_attribute(a) = 0;
        if (list[4] == 'X') xf.append_attribute("xfId") = 0;
    }
    auto styles = root.append_child("cellStyles");
    styles.append_attribute("count") = 1;
    auto normal = styles.append_child("cellStyle");
    normal.append_attribute("name") = "Normal";
    normal.append_attribute("xfId") = 0;
    normal.append_attribute("builtinId") = 0;
    return xml_bytes(doc);
}

}  // namespace

std::string sheet_column(std::size_t index) {
    std::string out;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

std::string chart_sheet_range(std::size_t column, std::size_t first, std::size_t last) {
    std::string col = "$";
    col.append(sheet_column(column)).append("$");
    std::string out = std::string(kChartSheet) + "!" + col + std::to_string(first);
    if (last != first) out += ":" + col + std::to_string(last);
    return out;
}

bool has_stack_totals(const StructChart& chart) { return chart.type == "stacked-column" && chart.series.size() > 1; }

std::optional<double> stack_total(const StructChart& chart, std::size_t c) {
    double sum = 0;
    for (const auto& s : chart.series)
        if (c < s.values.size() && s.values[c]) sum += std::max(0.0, *s.values[c]);
    return sum > 0 ? std::optional<double>(sum) : std::nullopt;
}

std::string number_text(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

std::string chart_workbook(const StructChart& chart, const Timestamp& stamp) {
    Package package;
    package.rels("").add("officeDocument", "xl/workbook.xml");
    auto& rels = package.rels("xl/workbook.xml");
    rels.add("worksheet", "worksheets/sheet1.xml");
    rels.add("styles", "styles.xml");
    package.add("xl/workbook.xml", workbook_xml(), std::string(kTypeBase) + "sheet.main+xml");
    package.add("xl/worksheets/sheet1.xml", sheet_xml(chart), std::string(kTypeBase) + "worksheet+xml");
    package.add("xl/styles.xml", styles_xml(chart.family), std::string(kTypeBase) + "styles+xml");
    return zip_package(package.finish(), stamp);
}

}  // namespace ks::pptx
