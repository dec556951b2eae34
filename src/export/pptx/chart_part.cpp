#include "export/pptx/chart_part.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "export/pptx/chart_workbook.h"
#include "export/pptx/pptx_xml.h"

namespace ks::pptx {
namespace {

constexpr const char* kCategoryAxisId = "500000001";
constexpr const char* kValueAxisId = "500000002";

pugi::xml_node val(pugi::xml_node parent, const char* name, const std::string& value) {
    auto node = parent.append_child(name);
    node.append_attribute("val") = value.c_str();
    return node;
}
pugi::xml_node val(pugi::xml_node parent, const char* name, long long value) {
    auto node = parent.append_child(name);
    node.append_attribute("val") = value;
    return node;
}

// A share of the chart's size, to 0.0001.
std::string fraction(double part, double whole) {
    return number_text(std::round(std::clamp(whole > 0 ? part / whole : 0.0, 0.0, 1.0) * 10000) / 10000);
}

double luminance(const Color& c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; }

// A label colour that reads on `fill`, as the slide chooses it.
Color label_on(const Color& fill) { return luminance(fill) < 0.55 ? Color{1, 1, 1, 1} : Color{0.12, 0.16, 0.2, 1}; }

// "#,##0.0;"−"#,##0.0": thousands separators, the decimals the slide shows, a real minus.
std::string number_format(int decimals) {
    std::string f = "#,##0";
    if (decimals > 0) f.append(".").append(static_cast<std::size_t>(decimals), '0');
    return f + ";\"\u2212\"" + f;
}

void line(pugi::xml_node sp_pr, const std::optional<Color>& color, double width) {
    auto ln = sp_pr.append_child("a:ln");
    if (!color) {
        ln.append_child("a:noFill");
        return;
    }
    set_num(ln, "w", emu(width));
    solid_fill(ln, *color);
}

void no_fill_or_line(pugi::xml_node parent) {
    auto sp_pr = parent.append_child("c:spPr");
    sp_pr.append_child("a:noFill");
    line(sp_pr, std::nullopt, 0);
}

// Character properties of the chart's labels at `size`, in `color`.
void char_props(pugi::xml_node rpr, const StructChart& chart, const Color& color, bool bold = false) {
    set_num(rpr, "sz", std::clamp<std::int64_t>(std::llround(chart.size * 100), 100, 400000));
    rpr.append_attribute("b") = bold ? 1 : 0;
    solid_fill(rpr, color);
    if (!chart.family.empty())
        for (const char* slot : {"a:latin", "a:ea", "a:cs"}) rpr.append_child(slot).append_attribute("typeface") = chart.family.c_str();
}

// c:txPr: horizontal text in the chart's font, in `color`.
void text_props(pugi::xml_node parent, const StructChart& chart, const Color& color) {
    auto tx = parent.append_child("c:txPr");
    auto body = tx.append_child("a:bodyPr");
    body.append_attribute("rot") = 0;
    body.append_attribute("vert") = "horz";
    tx.append_child("a:lstStyle");
    auto p = tx.append_child("a:p");
    char_props(p.append_child("a:pPr").append_child("a:defRPr"), chart, color);
    p.append_child("a:endParaRPr").append_attribute("lang") = "ja-JP";
}

// "単位：億円" at the chart's top-left, where the slide shows it.
void unit_title(pugi::xml_node parent, const StructChart& chart) {
    auto title = parent.append_child("c:title");
    auto rich = title.append_child("c:tx").append_child("c:rich");
    auto body = rich.append_child("a:bodyPr");
    body.append_attribute("rot") = 0;
    body.append_attribute("vert") = "horz";
    rich.append_child("a:lstStyle");
    auto p = rich.append_child("a:p");
    char_props(p.append_child("a:pPr").append_child("a:defRPr"), chart, chart.muted);
    auto r = p.append_child("a:r");
    auto rpr = r.append_child("a:rPr");
    rpr.append_attribute("lang") = "ja-JP";
    char_props(rpr, chart, chart.muted);
    r.append_child("a:t").text() = ("単位：" + chart.unit).c_str();
    auto manual = title.append_child("c:layout").append_child("c:manualLayout");
    val(manual, "c:xMode", "edge");
    val(manual, "c:yMode", "edge");
    val(manual, "c:x", "0");
    val(manual, "c:y", "0");
    val(title, "c:overlay", 0);
}

// The label settings shared by c:dLbls and c:dLbl (after dLbl's idx).
struct LabelLook {
    std::string format;   // number format
    const char* position;  // c:dLblPos
    Color color;
    bool percent = false;  // a pie's shares instead of the values
};

void label_group(pugi::xml_node node, const StructChart& chart, const LabelLook& look) {
    auto fmt = node.append_child("c:numFmt");
    fmt.append_attribute("formatCode") = look.format.c_str();
    fmt.append_attribute("sourceLinked") = 0;
    no_fill_or_line(node);
    text_props(node, chart, look.color);
    val(node, "c:dLblPos", look.position);
    val(node, "c:showLegendKey", 0);
    val(node, "c:showVal", look.percent ? 0 : 1);
    val(node, "c:showCatName", 0);
    val(node, "c:showSerName", 0);
    val(node, "c:showPercent", look.percent ? 1 : 0);
    val(node, "c:showBubbleSize", 0);
}

// Where the slide labels a line chart's point: the highest series' above
// (+1), the lowest's below (−1), a single series' above; none else (0).
int line_label_side(const StructChart& chart, std::size_t s, std::size_t c) {
    const auto& v = chart.series[s].values[c];
    if (!v) return 0;
    if (chart.series.size() == 1) return 1;
    bool highest = true, lowest = true;
    for (std::size_t o = 0; o < chart.series.size(); ++o) {
        const auto& values = chart.series[o].values;
        if (o == s || c >= values.size() || !values[c]) continue;
        highest = highest && *v > *values[c];
        lowest = lowest && *v < *values[c];
    }
    return highest ? 1 : lowest ? -1 : 0;
}

class ChartWriter {
public:
    ChartWriter(const StructChart& chart, double w, double h) : c_(chart), w_(w), h_(h) {}

    std::string xml(const std::string& workbook_rid) {
        pugi::xml_document doc;
        auto root = doc.append_child("c:chartSpace");
        root.append_attribute("xmlns:c") = kNsC;
        root.append_attribute("xmlns:a") = kNsA;
        root.append_attribute("xmlns:r") = kNsR;
        val(root, "c:date1904", 0);
        val(root, "c:lang", "ja-JP");
        val(root, "c:roundedCorners", 0);
        auto chart = root.append_child("c:chart");
        const bool pie_title = pie() && !c_.unit.empty();
        if (pie_title) unit_title(chart, c_);
        val(chart, "c:autoTitleDeleted", pie_title ? 0 : 1);
        plot_area(chart.append_child("c:plotArea"));
        if (c_.legend) {
            auto legend = chart.append_child("c:legend");
            val(legend, "c:legendPos", pie() ? "r" : "t");
            if (has_stack_totals(c_)) {  // the totals are labels, not a series of their own
                auto entry = legend.append_child("c:legendEntry");
                val(entry, "c:idx", static_cast<long long>(c_.series.size()));
                val(entry, "c:delete", 1);
            }
            if (pie()) pie_legend_place(legend);
            val(legend, "c:overlay", 0);
            text_props(legend, c_, c_.text);
        }
        val(chart, "c:plotVisOnly", 1);
        val(chart, "c:dispBlanksAs", "gap");  // an empty cell stays a gap
        no_fill_or_line(root);
        text_props(root, c_, c_.text);
        auto external = root.append_child("c:externalData");
        external.append_attribute("r:id") = workbook_rid.c_str();
        val(external, "c:autoUpdate", 0);
        return xml_bytes(doc);
    }

private:
    bool pie() const { return c_.type == "pie"; }
    bool bars() const { return c_.type == "column" || c_.type == "bar" || c_.type == "stacked-column"; }
    std::size_t n_cat() const { return c_.categories.size(); }

    // A pie's legend beside the pie, its entries centred on it, as on the slide.
    void pie_legend_place(pugi::xml_node legend) {
        const double entries_h = static_cast<double>(n_cat()) * c_.size * 1.25 * 1.15;
        auto manual = legend.append_child("c:layout").append_child("c:manualLayout");
        val(manual, "c:xMode", "edge");
        val(manual, "c:yMode", "edge");
        val(manual, "c:x", fraction(c_.plot_x + c_.plot_w + c_.size * 2, w_));
        val(manual, "c:y", fraction(c_.plot_y + (c_.plot_h - entries_h) / 2, h_));
    }

    // The plot area where the slide draws it, then the chart group and its axes.
    void plot_area(pugi::xml_node plot) {
        auto manual = plot.append_child("c:layout").append_child("c:manualLayout");
        val(manual, "c:layoutTarget", "inner");
        val(manual, "c:xMode", "edge");
        val(manual, "c:yMode", "edge");
        val(manual, "c:x", fraction(c_.plot_x, w_));
        val(manual, "c:y", fraction(c_.plot_y, h_));
        val(manual, "c:w", fraction(c_.plot_w, w_));
        val(manual, "c:h", fraction(c_.plot_h, h_));
        if (pie()) pie_group(plot.append_child("c:pieChart"));
        else if (bars()) bar_group(plot.append_child("c:barChart"));
        else line_group(plot.append_child("c:lineChart"));
        if (has_stack_totals(c_)) total_group(plot.append_child("c:lineChart"));
        if (!pie()) {
            category_axis(plot.append_child("c:catAx"));
            value_axis(plot.append_child("c:valAx"));
        }
        no_fill_or_line(plot);
    }

    // Series `s` (its sheet column is s + 1) named `name`.
    void series_head(pugi::xml_node ser, std::size_t s, const std::string& name) {
        val(ser, "c:idx", static_cast<long long>(s));
        val(ser, "c:order", static_cast<long long>(s));
        auto ref = ser.append_child("c:tx").append_child("c:strRef");
        ref.append_child("c:f").text() = chart_sheet_range(s + 1, 1, 1).c_str();
        auto cache = ref.append_child("c:strCache");
        val(cache, "c:ptCount", 1);
        auto pt = cache.append_child("c:pt");
        pt.append_attribute("idx") = 0;
        pt.append_child("c:v").text() = name.c_str();
    }
    void series_head(pugi::xml_node ser, std::size_t s) { series_head(ser, s, c_.series[s].name); }

    void series_data(pugi::xml_node ser, std::size_t s) { series_data(ser, s, c_.series[s].values); }

    // c:cat and c:val: formulas into the data sheet and the cached data (gaps left out).
    void series_data(pugi::xml_node ser, std::size_t s, const std::vector<std::optional<double>>& values) {
        auto cat = ser.append_child("c:cat").append_child("c:strRef");
        cat.append_child("c:f").text() = chart_sheet_range(0, 2, n_cat() + 1).c_str();
        auto names = cat.append_child("c:strCache");
        val(names, "c:ptCount", static_cast<long long>(n_cat()));
        for (std::size_t c = 0; c < n_cat(); ++c) {
            auto pt = names.append_child("c:pt");
            pt.append_attribute("idx") = static_cast<unsigned long long>(c);
            pt.append_child("c:v").text() = c_.categories[c].c_str();
        }
        auto num = ser.append_child("c:val").append_child("c:numRef");
        num.append_child("c:f").text() = chart_sheet_range(s + 1, 2, n_cat() + 1).c_str();
        auto cache = num.append_child("c:numCache");
        cache.append_child("c:formatCode").text() =
            (pie() && !c_.unit.empty() ? "#,##0\"" + c_.unit + "\"" : number_format(c_.value_decimals)).c_str();
        val(cache, "c:ptCount", static_cast<long long>(n_cat()));
        for (std::size_t c = 0; c < n_cat() && c < values.size(); ++c) {
            if (!values[c]) continue;
            auto pt = cache.append_child("c:pt");
            pt.append_attribute("idx") = static_cast<unsigned long long>(c);
            pt.append_child("c:v").text() = number_text(*values[c]).c_str();
        }
    }

    void bar_group(pugi::xml_node group) {
        const bool stacked = c_.type == "stacked-column";
        const std::size_t n = c_.series.size();
        val(group, "c:barDir", c_.type == "bar" ? "bar" : "col");
        val(group, "c:grouping", stacked ? "stacked" : "clustered");
        val(group, "c:varyColors", 0);
        for (std::size_t s = 0; s < n; ++s) {
            const StructChartSeries& series = c_.series[s];
            auto ser = group.append_child("c:ser");
            series_head(ser, s);
            auto sp_pr = ser.append_child("c:spPr");
            if (series.hatch) hatch_fill(sp_pr, *series.hatch, series.color);
            else solid_fill(sp_pr, series.color);
            line(sp_pr, stacked ? std::optional<Color>(c_.paper) : std::nullopt, 1.5);  // a stack's separators
            val(ser, "c:invertIfNegative", 0);
            LabelLook look{number_format(c_.value_decimals), stacked ? "ctr" : "outEnd",
                           stacked ? label_on(series.color) : c_.text};
            auto labels = ser.append_child("c:dLbls");
            if (c_.type == "bar") inside_negative_labels(labels, s, look);
            label_group(labels, c_, look);
            series_data(ser, s);
        }
        // The slide's proportions: bars take 70% of a slot (a stack 55%).
        const double group_share = stacked ? 0.55 : 0.7;
        const double bar_share = stacked ? group_share : group_share / static_cast<double>(std::max<std::size_t>(1, n));
        val(group, "c:gapWidth", std::llround((1 - group_share) / bar_share * 100));
        val(group, "c:overlap", stacked ? 100 : n > 1 ? -6 : 0);
        val(group, "c:axId", kCategoryAxisId);
        val(group, "c:axId", kValueAxisId);
    }

    // A negative horizontal bar's value label that would run into the
    // category labels outside the bar's end ("新規事業 −6.5" reads as one
    // phrase) goes inside the bar's end when it fits there, as the slide sets
    // it (label widths estimated: 0.6 em a character, a thousands comma included).
    void inside_negative_labels(pugi::xml_node labels, std::size_t s, const LabelLook& look) {
        const auto& values = c_.series[s].values;
        const double span = c_.axis_max - c_.axis_min, pad = c_.size * 0.25;
        for (std::size_t c = 0; c < n_cat() && c < values.size(); ++c) {
            if (!values[c] || *values[c] >= 0 || span <= 0) continue;
            const double length = -*values[c] / span * c_.plot_w;
            const double end = (*values[c] - c_.axis_min) / span * c_.plot_w;  // from the plot's left
            const double digits = static_cast<double>(number_text(-*values[c]).size());
            const double label = (digits + 1 + std::floor((digits - 1) / 3)) * c_.size * 0.6;
            if (end - pad - label >= c_.size * 0.6 || length < label + 2 * pad) continue;
            auto one = labels.append_child("c:dLbl");
            val(one, "c:idx", static_cast<long long>(c));
            LabelLook inside = look;
            inside.position = "inEnd";
            inside.color = label_on(c_.series[s].color);
            label_group(one, c_, inside);
        }
    }

    // The stacks' totals above them: a line series with neither line nor
    // markers, only its labels (bold, as the slide sets them), not in the legend.
    void total_group(pugi::xml_node group) {
        const std::size_t n = c_.series.size();
        val(group, "c:grouping", "standard");
        val(group, "c:varyColors", 0);
        auto ser = group.append_child("c:ser");
        series_head(ser, n, kTotalName);
        line(ser.append_child("c:spPr"), std::nullopt, 0);
        val(ser.append_child("c:marker"), "c:symbol", "none");
        auto labels = ser.append_child("c:dLbls");
        label_group(labels, c_, {number_format(c_.value_decimals), "t", c_.text});
        labels.child("c:txPr").child("a:p").child("a:pPr").child("a:defRPr").attribute("b").set_value(1);
        std::vector<std::optional<double>> totals;
        for (std::size_t c = 0; c < n_cat(); ++c) totals.push_back(stack_total(c_, c));
        series_data(ser, n, totals);
        val(ser, "c:smooth", 0);
        val(group, "c:marker", 1);
        val(group, "c:axId", kCategoryAxisId);
        val(group, "c:axId", kValueAxisId);
    }

    void line_group(pugi::xml_node group) {
        static const char* const kSymbols[] = {"circle", "square", "triangle", "diamond"};
        val(group, "c:grouping", "standard");
        val(group, "c:varyColors", 0);
        for (std::size_t s = 0; s < c_.series.size(); ++s) {
            const StructChartSeries& series = c_.series[s];
            auto ser = group.append_child("c:ser");
            series_head(ser, s);
            auto ln = ser.append_child("c:spPr").append_child("a:ln");
            set_num(ln, "w", emu(3));
            ln.append_attribute("cap") = "rnd";
            solid_fill(ln, series.color);
            ln.append_child("a:round");
            auto marker = ser.append_child("c:marker");
            val(marker, "c:symbol", kSymbols[s % 4]);
            val(marker, "c:size", std::clamp<long long>(std::llround(c_.size * 0.64), 2, 72));  // as the slide's
            auto marker_pr = marker.append_child("c:spPr");
            solid_fill(marker_pr, series.color);
            line(marker_pr, c_.paper, 1.5);
            line_labels(ser.append_child("c:dLbls"), s);
            series_data(ser, s);
            val(ser, "c:smooth", 0);
        }
        val(group, "c:marker", 1);
        val(group, "c:axId", kCategoryAxisId);
        val(group, "c:axId", kValueAxisId);
    }

    // As on the slide: the highest series' values above their points, the
    // lowest's below, the others unlabelled; in the series' colour.
    void line_labels(pugi::xml_node labels, std::size_t s) {
        const Color color = luminance(c_.series[s].color) > 0.6 && luminance(c_.paper) > 0.75 ? c_.text : c_.series[s].color;
        const LabelLook above{number_format(c_.value_decimals), "t", color};
        for (std::size_t c = 0; c < n_cat() && c < c_.series[s].values.size(); ++c) {
            const int side = line_label_side(c_, s, c);
            if (side == 1) continue;
            auto one = labels.append_child("c:dLbl");
            val(one, "c:idx", static_cast<long long>(c));
            if (side == 0) {
                val(one, "c:delete", 1);
                continue;
            }
            LabelLook below = above;
            below.position = "b";
            label_group(one, c_, below);
        }
        label_group(labels, c_, above);
    }

    // One series, a slice a category in its own colour; shares inside the slices.
    void pie_group(pugi::xml_node group) {
        val(group, "c:varyColors", 1);
        auto ser = group.append_child("c:ser");
        series_head(ser, 0);
        double total = 0;
        for (const auto& v : c_.series[0].values) total += std::max(0.0, v.value_or(0));
        for (std::size_t c = 0; c < n_cat() && c < c_.slice_colors.size(); ++c) {
            auto pt = ser.append_child("c:dPt");
            val(pt, "c:idx", static_cast<long long>(c));
            val(pt, "c:bubble3D", 0);
            auto sp_pr = pt.append_child("c:spPr");
            solid_fill(sp_pr, c_.slice_colors[c]);
            line(sp_pr, c_.paper, n_cat() > 1 ? 2 : 0);
        }
        auto labels = ser.append_child("c:dLbls");
        for (std::size_t c = 0; c < n_cat() && c < c_.slice_colors.size(); ++c) {
            auto one = labels.append_child("c:dLbl");
            val(one, "c:idx", static_cast<long long>(c));
            const double v = c < c_.series[0].values.size() ? c_.series[0].values[c].value_or(0) : 0;
            if (total <= 0 || v / total < 0.04) {  // too thin a slice for its share (as on the slide)
                val(one, "c:delete", 1);
                continue;
            }
            label_group(one, c_, {"0%", "ctr", label_on(c_.slice_colors[c]), true});
        }
        label_group(labels, c_, {"0%", "ctr", c_.text, true});
        series_data(ser, 0);
        val(group, "c:firstSliceAng", 0);
    }

    // Categories: no ticks, labels below (left of bars) whatever the values'
    // signs, the zero line as the axis line.
    void category_axis(pugi::xml_node ax) {
        const bool horizontal = c_.type == "bar";
        val(ax, "c:axId", kCategoryAxisId);
        val(ax.append_child("c:scaling"), "c:orientation", horizontal ? "maxMin" : "minMax");  // bars top-down, as drawn
        val(ax, "c:delete", 0);
        val(ax, "c:axPos", horizontal ? "l" : "b");
        auto fmt = ax.append_child("c:numFmt");
        fmt.append_attribute("formatCode") = "General";
        fmt.append_attribute("sourceLinked") = 1;
        val(ax, "c:majorTickMark", "none");
        val(ax, "c:minorTickMark", "none");
        val(ax, "c:tickLblPos", "low");
        line(ax.append_child("c:spPr"), c_.axis, 1.5);
        text_props(ax, c_, c_.text);
        val(ax, "c:crossAx", kValueAxisId);
        val(ax, "c:crosses", "autoZero");
        val(ax, "c:auto", 1);
        val(ax, "c:lblAlgn", "ctr");
        val(ax, "c:lblOffset", 100);
        if (c_.category_every > 1) val(ax, "c:tickLblSkip", c_.category_every);  // as the slide's interval
        val(ax, "c:noMultiLvlLbl", 0);
    }

    // Values: the slide's ticks (lowest, highest, step), grid lines, the unit as its title.
    void value_axis(pugi::xml_node ax) {
        const bool horizontal = c_.type == "bar";
        val(ax, "c:axId", kValueAxisId);
        auto scaling = ax.append_child("c:scaling");
        val(scaling, "c:orientation", "minMax");
        if (c_.axis_step > 0) {
            val(scaling, "c:max", number_text(c_.axis_max));
            val(scaling, "c:min", number_text(c_.axis_min));
        }
        val(ax, "c:delete", 0);
        val(ax, "c:axPos", horizontal ? "b" : "l");
        line(ax.append_child("c:majorGridlines").append_child("c:spPr"), c_.grid, 0.75);
        if (!c_.unit.empty()) unit_title(ax, c_);
        auto fmt = ax.append_child("c:numFmt");
        fmt.append_attribute("formatCode") = number_format(c_.axis_decimals).c_str();
        fmt.append_attribute("sourceLinked") = 0;
        val(ax, "c:majorTickMark", "none");
        val(ax, "c:minorTickMark", "none");
        val(ax, "c:tickLblPos", "nextTo");
        line(ax.append_child("c:spPr"), std::nullopt, 0);
        text_props(ax, c_, c_.muted);
        val(ax, "c:crossAx", kCategoryAxisId);
        val(ax, "c:crosses", horizontal ? "max" : "autoZero");  // bars: along the bottom
        val(ax, "c:crossBetween", "between");
        if (c_.axis_step > 0) val(ax, "c:majorUnit", number_text(c_.axis_step));
    }

    const StructChart& c_;
    double w_, h_;
};

}  // namespace

std::string chart_xml(const StructChart& chart, double w, double h, const std::string& workbook_rid) {
    return ChartWriter(chart, w, h).xml(workbook_rid);
}

std::string ChartStore::add(const StructChart& chart, double w, double h) {
    ++count_;
    const std::string n = std::to_string(count_);
    const std::string part = "charts/chart" + n + ".xml";
    const std::string workbook = "embeddings/Microsoft_Excel_Worksheet" + n + ".xlsx";
    package_.add_default("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    package_.add("ppt/" + workbook, chart_workbook(chart, stamp_), "", false);
    const std::string rid = package_.rels("ppt/" + part).add("package", "../" + workbook);
    package_.add("ppt/" + part, chart_xml(chart, w, h, rid), "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    return part;
}

}  // namespace ks::pptx
