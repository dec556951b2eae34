#include "layout/chart_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "frame/shapes.h"

namespace ks {
namespace {

double luminance(const Color& c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; }

Color mix(const Color& a, const Color& b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
}

// Round tick step: 1, 2, 2.5 or 5 × 10^k giving at most `max_ticks` intervals.
double nice_step(double span, int max_ticks) {
    if (!(span > 0)) return 1;
    double raw = span / max_ticks;
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw - 1e-12) return m * mag;
    return 10 * mag;
}

int decimals_of(double step) {
    int d = 0;
    while (d < 4 && std::fabs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) > 1e-9) ++d;
    return d;
}

// "1,234.5", "−12": thousands separators, a real minus sign.
std::string format_number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
    std::string digits = buf, frac;
    if (auto dot = digits.find('.'); dot != std::string::npos) frac = digits.substr(dot), digits.resize(dot);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    bool negative = v < 0 && std::round(std::fabs(v) * std::pow(10.0, decimals)) > 0;
    return (negative ? "\u2212" : "") + out + frac;
}

struct Axis {
    double lo = 0, hi = 1, step = 1;
    std::vector<double> ticks;
    int decimals = 0;
};

Axis make_axis(double lo, double hi) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    if (hi - lo < 1e-12) hi = lo + 1;
    Axis a;
    a.step = nice_step(hi - lo, 5);
    a.lo = std::floor(lo / a.step + 1e-9) * a.step;
    a.hi = std::ceil(hi / a.step - 1e-9) * a.step;
    if (a.hi - a.lo < a.step) a.hi = a.lo + a.step;
    a.decimals = decimals_of(a.step);
    for (double t = a.lo; t <= a.hi + a.step * 1e-6; t += a.step) a.ticks.push_back(std::fabs(t) < a.step * 1e-9 ? 0 : t);
    return a;
}

class ChartBuilder {
public:
    ChartBuilder(const Chart& chart, const ChartStyle& style, double w, double h, const TextEngine& text)
        : chart_(chart), style_(style), w_(w), h_(h), text_(text) {
        size_ = std::max(kMinChartLabelSize, style.text.size);
        label_ = style.text;
        label_.size = size_;
        label_.line_height = 1.25;
        label_.align = Align::Left;
        label_.heading = false;
        label_.bold = false;
        for (std::size_t s = 0; s < chart.series.size(); ++s)
            colors_.push_back(chart_series_color(style.palette, s, style.paper));
        for (const auto& s : chart.series)
            for (const auto& v : s.values)
                if (v) value_decimals_ = std::max(value_decimals_, decimals_in(*v));
    }

    ChartDrawing run() {
        DumpChart& rec = out_.record;
        rec.type = chart_type_name(chart_.type);
        rec.alt = chart_.alt;
        rec.unit = chart_.unit;
        rec.w = w_;
        rec.h = h_;
        rec.categories = chart_.categories;
        const bool pie = chart_.type == ChartType::Pie;
        for (std::size_t s = 0; s < chart_.series.size(); ++s)
            rec.series.push_back({chart_.series[s].name, pie ? std::string() : color_hex(colors_[s]),
                                  chart_.series[s].values});
        if (chart_.categories.empty() || chart_.series.empty()) return std::move(out_);
        switch (chart_.type) {
            case ChartType::Pie: draw_pie(); break;
            case ChartType::Bar: draw_bars(); break;
            default: draw_columns_or_lines(); break;
        }
        record_structure();
        return std::move(out_);
    }

private:
    // What a writer needs to rebuild the chart as its own: the data, the
    // colours (hatching as `hatch()` draws it), the axis and plot as drawn.
    void record_structure() {
        const DumpChart& rec = out_.record;
        StructChart& sc = out_.structure;
        sc.type = rec.type;
        sc.unit = chart_.unit;
        sc.category_label = chart_.category_label;
        sc.categories = chart_.categories;
        for (std::size_t s = 0; s < chart_.series.size(); ++s) {
            StructChartSeries ss{chart_.series[s].name, colors_[s], std::nullopt, chart_.series[s].values};
            const bool bars = chart_.type != ChartType::Line && chart_.type != ChartType::Pie;
            if (bars && s % 2 == 1) ss.hatch = mix(colors_[s], style_.paper, 0.55);
            sc.series.push_back(std::move(ss));
        }
        if (chart_.type == ChartType::Pie)
            for (std::size_t c = 0; c < chart_.categories.size(); ++c)
                sc.slice_colors.push_back(chart_series_color(style_.palette, c, style_.paper));
        if (rec.ticks.size() >= 2) {
            sc.axis_min = rec.ticks.front();
            sc.axis_max = rec.ticks.back();
            sc.axis_step = rec.ticks[1] - rec.ticks[0];
            sc.axis_decimals = decimals_of(sc.axis_step);
        }
        sc.value_decimals = value_decimals_;
        sc.legend = chart_.type == ChartType::Pie || chart_.series.size() > 1;
        sc.plot_x = rec.plot_x, sc.plot_y = rec.plot_y, sc.plot_w = rec.plot_w, sc.plot_h = rec.plot_h;
        sc.family = label_.family;
        sc.size = size_;
        sc.text = label_.color;
        sc.muted = style_.muted;
        sc.grid = style_.grid;
        sc.axis = style_.axis;
        sc.paper = style_.paper;
    }

    static int decimals_in(double v) {
        int d = 0;
        while (d < 2 && std::fabs(v * std::pow(10.0, d) - std::round(v * std::pow(10.0, d))) > 1e-9) ++d;
        return d;
    }

    // A one-line label; returns its width and height. Placed with its top-left at (x, y).
    struct Label {
        TextBlock block;
        double w = 0, h = 0;
    };
    Label measure(const std::string& s, const TextStyle& st, double max_w = 1e6) const {
        Label l{text_.set(plain_text(s), st, max_w), 0, 0};
        l.w = l.block.width;
        l.h = l.block.height;
        return l;
    }
    Label measure(const std::string& s) const { return measure(s, label_); }

    static bool tears_a_word(const Label& l) {
        for (const auto& line : l.block.lines)
            if (line.split_word || line.inside_word || line.overfull) return true;
        return false;
    }

    void put(const Label& l, double x, double y) {
        for (const auto& line : l.block.lines)
            for (const auto& pr : line.runs) out_.items.push_back({{x + pr.origin.x, y + pr.origin.y}, pr.run});
        out_.missing.insert(out_.missing.end(), l.block.missing.begin(), l.block.missing.end());
    }

    TextStyle colored(const Color& c) const {
        TextStyle s = label_;
        s.color = s.emphasis_color = c;
        return s;
    }

    void rect(double x, double y, double w, double h, const Color& fill) {
        out_.items.push_back({{x, y}, rect_shape(w, h, fill)});
    }

    void line(double x, double y, double dx, double dy, const Color& c, double width) {
        out_.items.push_back({{x, y}, line_shape(dx, dy, c, width)});
    }

    // Diagonal hatching over a bar of the odd-numbered series, so neighbours
    // differ in grey too (handouts are printed black and white).
    // Odd series are hatched (apart in grayscale too): a rectangle with
    // no fill of its own over the bar, carrying the stripes.
    void hatch(double x, double y, double w, double h, std::size_t series) {
        if (series % 2 == 0 || w < 2 || h < 2) return;
        Shape stripes;
        stripes.w = w, stripes.h = h;
        stripes.hatch = Hatch{mix(colors_[series], style_.paper, 0.55)};
        out_.items.push_back({{x, y}, std::move(stripes)});
    }

    Color text_on(const Color& fill) const {
        return luminance(fill) < 0.55 ? Color{1, 1, 1, 1} : Color{0.12, 0.16, 0.2, 1};
    }

    // Legend (several series) and unit, in one row at the top; returns its height.
    double draw_header(bool legend) {
        double row_h = measure("0").h;
        bool any = legend || !chart_.unit.empty();
        if (!any) return 0;
        double x = 0;
        if (!chart_.unit.empty()) {
            Label u = measure("単位：" + chart_.unit, colored(style_.muted));
            put(u, 0, 0);
            x = u.w + size_ * 1.5;
        }
        if (legend) {
            // Right-aligned legend entries: swatch, name.
            std::vector<Label> names;
            double total = 0;
            for (const auto& s : chart_.series) {
                names.push_back(measure(s.name));
                total += size_ * 1.3 + names.back().w + size_;
            }
            double lx = std::max(x, w_ - total + size_);
            for (std::size_t s = 0; s < names.size(); ++s) {
                double sw = size_ * 0.9;
                double sy = (row_h - sw) / 2;
                if (chart_.type == ChartType::Line) {
                    line(lx, row_h / 2, sw, 0, colors_[s], 3);
                    marker(lx + sw / 2, row_h / 2, s);
                } else {
                    rect(lx, sy, sw, sw, colors_[s]);
                    hatch(lx, sy, sw, sw, s);
                }
                put(names[s], lx + size_ * 1.3, 0);
                lx += size_ * 1.3 + names[s].w + size_;
            }
        }
        return row_h + size_ * 0.5;
    }

    // A line chart's point marker: circle, square, triangle, diamond, … by series.
    void marker(double cx, double cy, std::size_t series) {
        const double r = size_ * 0.32;
        Shape m;
        m.fill = colors_[series];
        m.stroke = style_.paper;
        m.stroke_width = 1.5;
        switch (series % 4) {
            case 0:  // circle
                m.kind = Shape::Kind::Rect;
                m.w = m.h = 2 * r;
                m.corner_radius = r;
                out_.items.push_back({{cx - r, cy - r}, m});
                return;
            case 1:  // square
                m.kind = Shape::Kind::Rect;
                m.w = m.h = 1.7 * r;
                out_.items.push_back({{cx - 0.85 * r, cy - 0.85 * r}, m});
                return;
            case 2:  // triangle
                m.kind = Shape::Kind::Path;
                m.path = {{PathOp::Kind::MoveTo, {{0, -1.15 * r}}},
                          {PathOp::Kind::LineTo, {{1.1 * r, 0.85 * r}}},
                          {PathOp::Kind::LineTo, {{-1.1 * r, 0.85 * r}}},
                          {PathOp::Kind::Close, {}}};
                break;
            default:  // diamond
                m.kind = Shape::Kind::Path;
                m.path = {{PathOp::Kind::MoveTo, {{0, -1.2 * r}}},
                          {PathOp::Kind::LineTo, {{1.2 * r, 0}}},
                          {PathOp::Kind::LineTo, {{0, 1.2 * r}}},
                          {PathOp::Kind::LineTo, {{-1.2 * r, 0}}},
                          {PathOp::Kind::Close, {}}};
                break;
        }
        out_.items.push_back({{cx, cy}, m});
    }

    // Lowest and highest value (stacked: sums of the positive and the negative parts).
    std::pair<double, double> value_range(bool stacked) const {
        double lo = 0, hi = 0;
        for (std::size_t c = 0; c < chart_.categories.size(); ++c) {
            double pos = 0, neg = 0;
            for (const auto& s : chart_.series) {
                if (c >= s.values.size() || !s.values[c]) continue;
                double v = *s.values[c];
                if (stacked) (v >= 0 ? pos : neg) += v;
                else lo = std::min(lo, v), hi = std::max(hi, v);
            }
            if (stacked) lo = std::min(lo, neg), hi = std::max(hi, pos);
        }
        return {lo, hi};
    }

    std::optional<double> value(std::size_t s, std::size_t c) const {
        const auto& v = chart_.series[s].values;
        return c < v.size() ? v[c] : std::nullopt;
    }

    std::string value_text(double v) const { return format_number(v, value_decimals_); }

    void plot_box(double x, double y, double w, double h) {
        out_.record.plot_x = x, out_.record.plot_y = y, out_.record.plot_w = w, out_.record.plot_h = h;
    }

    // Column, stacked-column and line charts: categories along x, values up.
    void draw_columns_or_lines() {
        const bool stacked = chart_.type == ChartType::StackedColumn;
        const bool lines = chart_.type == ChartType::Line;
        const std::size_t n_cat = chart_.categories.size(), n_ser = chart_.series.size();
        double top = draw_header(n_ser > 1);
        auto [lo, hi] = value_range(stacked);
        Axis axis = make_axis(lo, hi);
        out_.record.ticks = axis.ticks;
        // Tick labels on the left, category labels below (wrapped into their slot).
        std::vector<Label> tick_labels;
        double tick_w = 0;
        for (double t : axis.ticks) {
            tick_labels.push_back(measure(format_number(t, axis.decimals), colored(style_.muted)));
            tick_w = std::max(tick_w, tick_labels.back().w);
        }
        double plot_x = tick_w + size_ * 0.5;
        double plot_w = std::max(1.0, w_ - plot_x - size_ * 0.3);
        double slot = plot_w / n_cat;
        TextStyle cat_style = label_;
        cat_style.align = Align::Center;
        // Category labels wrap in their slot; when one would tear a word
        // ("202|5年") every other label is shown (then every third, …), each
        // centred under its category with the room of the skipped ones, as a
        // spreadsheet sets its label interval.
        std::vector<Label> cats(n_cat);
        double cat_h = 0, cat_w = 0;
        std::size_t every = 1;
        for (; every <= n_cat; ++every) {
            cat_w = std::max(size_ * 2, slot * static_cast<double>(every) - size_ * 0.3);  // centred in this width
            bool whole = true;
            cat_h = 0;
            for (std::size_t c = 0; c < n_cat && whole; c += every) {
                cats[c] = measure(chart_.categories[c], cat_style, cat_w);
                whole = !tears_a_word(cats[c]);
                cat_h = std::max(cat_h, cats[c].h);
            }
            if (whole) break;
        }
        every = std::min(every, n_cat);
        out_.structure.category_every = static_cast<int>(every);
        double label_h = measure("0").h;
        double plot_y = top + label_h * 0.6;  // room for the top tick label
        double plot_h = std::max(1.0, h_ - plot_y - cat_h - size_ * 0.4);
        plot_box(plot_x, plot_y, plot_w, plot_h);
        auto y_of = [&](double v) { return plot_y + plot_h * (axis.hi - v) / (axis.hi - axis.lo); };
        // Grid and tick labels.
        for (std::size_t k = 0; k < axis.ticks.size(); ++k) {
            double y = y_of(axis.ticks[k]);
            bool zero = axis.ticks[k] == 0;
            line(plot_x, y, plot_w, 0, zero ? style_.axis : style_.grid, zero ? 1.5 : 0.75);
            put(tick_labels[k], plot_x - size_ * 0.4 - tick_labels[k].w, y - tick_labels[k].h / 2);
        }
        for (std::size_t c = 0; c < n_cat; c += every)
            put(cats[c], plot_x + slot * (static_cast<double>(c) + 0.5) - cat_w / 2, plot_y + plot_h + size_ * 0.3);
        if (lines) draw_lines(slot, plot_x, y_of);
        else draw_column_bars(stacked, slot, plot_x, y_of, plot_y, plot_h);
    }

    template <class YOf>
    void draw_column_bars(bool stacked, double slot, double plot_x, const YOf& y_of, double plot_y, double plot_h) {
        const std::size_t n_cat = chart_.categories.size(), n_ser = chart_.series.size();
        double group = slot * (stacked ? 0.55 : 0.7);
        double bar = stacked ? group : group / n_ser;
        for (std::size_t c = 0; c < n_cat; ++c) {
            double gx = plot_x + slot * c + (slot - group) / 2;
            double pos = 0, neg = 0;
            for (std::size_t s = 0; s < n_ser; ++s) {
                auto v = value(s, c);
                if (!v) continue;  // a gap: no bar
                double base = stacked ? (*v >= 0 ? pos : neg) : 0;
                double end = base + *v;
                if (stacked) (*v >= 0 ? pos : neg) = end;
                double x = stacked ? gx : gx + bar * s;
                double y0 = y_of(std::max(base, end)), y1 = y_of(std::min(base, end));
                double inset = stacked || n_ser == 1 ? 0 : std::min(1.5, bar * 0.08);
                rect(x + inset, y0, bar - 2 * inset, y1 - y0, colors_[s]);
                hatch(x + inset, y0, bar - 2 * inset, y1 - y0, s);
                if (stacked && s > 0 && *v != 0) line(x, *v >= 0 ? y1 : y0, bar, 0, style_.paper, 1.5);  // not over the axis
                out_.record.marks.push_back({static_cast<int>(s), static_cast<int>(c), *v, x + inset, y0,
                                             bar - 2 * inset, y1 - y0});
                Label l = measure(value_text(*v));
                if (stacked) {
                    // Inside the segment when it fits, in a colour that reads on it.
                    if (l.w <= bar - 4 && l.h <= y1 - y0 - 2) {
                        Label in = measure(value_text(*v), colored(text_on(colors_[s])));
                        put(in, x + (bar - in.w) / 2, (y0 + y1 - in.h) / 2);
                    }
                } else if (l.w <= bar + (slot - group) / n_ser) {
                    double ly = *v >= 0 ? y0 - l.h : y1;
                    if (ly >= plot_y - l.h * 0.6 && ly + l.h <= plot_y + plot_h + l.h * 0.2)
                        put(l, x + (bar - l.w) / 2, ly);
                }
            }
            if (stacked && n_ser > 1 && pos > 0) {  // the total above the stack
                TextStyle bold = label_;
                bold.bold = true;
                Label t = measure(value_text(pos), bold);
                if (t.w <= slot) put(t, gx + (group - t.w) / 2, y_of(pos) - t.h);
            }
        }
    }

    template <class YOf>
    void draw_lines(double slot, double plot_x, const YOf& y_of) {
        const std::size_t n_cat = chart_.categories.size(), n_ser = chart_.series.size();
        for (std::size_t s = 0; s < n_ser; ++s) {
            Shape path;
            path.kind = Shape::Kind::Path;
            path.stroke = colors_[s];
            path.stroke_width = 3;
            bool pen_down = false;
            for (std::size_t c = 0; c < n_cat; ++c) {
                auto v = value(s, c);
                if (!v) {
                    pen_down = false;  // a gap breaks the line
                    continue;
                }
                Point p{plot_x + slot * (c + 0.5), y_of(*v)};
                path.path.push_back({pen_down ? PathOp::Kind::LineTo : PathOp::Kind::MoveTo, {p}});
                pen_down = true;
            }
            if (!path.path.empty()) out_.items.push_back({{0, 0}, std::move(path)});
        }
        for (std::size_t s = 0; s < n_ser; ++s) {
            for (std::size_t c = 0; c < n_cat; ++c) {
                auto v = value(s, c);
                if (!v) continue;
                double x = plot_x + slot * (c + 0.5), y = y_of(*v);
                marker(x, y, s);
                out_.record.marks.push_back({static_cast<int>(s), static_cast<int>(c), *v, x, y, 0, 0});
                // Labels of the highest series above the point, of the lowest below; the rest unlabelled.
                bool highest = true, lowest = true;
                for (std::size_t o = 0; o < n_ser; ++o) {
                    auto w = value(o, c);
                    if (o == s || !w) continue;
                    highest = highest && *v > *w;
                    lowest = lowest && *v < *w;
                }
                if (n_ser > 1 && !highest && !lowest) continue;
                Label l = measure(value_text(*v), colored(colors_[s]));
                if (luminance(colors_[s]) > 0.6 && luminance(style_.paper) > 0.75) l = measure(value_text(*v));
                if (l.w > slot) continue;
                bool above = n_ser == 1 || highest;
                put(l, x - l.w / 2, above ? y - size_ * 0.45 - l.h : y + size_ * 0.45);
            }
        }
    }

    // The category labels of a bar chart, in bar_cats_, wrapped in 30 % of
    // the chart's width, or 45 % when that keeps them within their slots.
    // Labels still taller than their slot (twelve long names in a short
    // chart) are shown for every second category (then every third, …),
    // each with the room of the skipped ones, as column charts do: never one
    // over another. Returns that interval.
    std::size_t bar_category_labels(double slot) {
        const std::size_t n_cat = chart_.categories.size();
        double tallest = 0;
        for (double share : {0.3, 0.45}) {
            bar_cats_.clear();
            tallest = 0;
            for (const auto& c : chart_.categories) {
                bar_cats_.push_back(measure(c, label_, w_ * share));
                tallest = std::max(tallest, bar_cats_.back().h);
            }
            if (tallest <= slot + 0.01) break;
        }
        // A label centred on its slot reaches (h - slot) / 2 beyond it: at most
        // a quarter of the skipped slots' room, so neighbours stay apart even
        // when the first and last are kept inside the plot's height.
        std::size_t every = 1;
        for (; every < n_cat; ++every) {
            double h = 0;
            for (std::size_t c = 0; c < n_cat; c += every) h = std::max(h, bar_cats_[c].h);
            if (h <= slot * static_cast<double>(every + 1) / 2 + 0.01) break;
        }
        out_.structure.category_every = static_cast<int>(every);
        return every;
    }

    // Horizontal bars: categories down the left, values to the right.
    void draw_bars() {
        const std::size_t n_cat = chart_.categories.size(), n_ser = chart_.series.size();
        double top = draw_header(n_ser > 1);
        auto [lo, hi] = value_range(false);
        Axis axis = make_axis(lo, hi);
        out_.record.ticks = axis.ticks;
        std::vector<Label> tick_labels;
        for (double t : axis.ticks) tick_labels.push_back(measure(format_number(t, axis.decimals), colored(style_.muted)));
        double label_h = measure("0").h;
        double plot_y = top;
        double plot_h = std::max(1.0, h_ - plot_y - label_h - size_ * 0.3);
        const std::size_t every = bar_category_labels(plot_h / n_cat);
        double cat_w = 0;
        for (std::size_t c = 0; c < n_cat; c += every) cat_w = std::max(cat_w, bar_cats_[c].w);
        const std::vector<Label>& cats = bar_cats_;
        double plot_x = cat_w + size_ * 0.6;
        double right_room = tick_labels.back().w / 2 + measure(value_text(hi)).w * 0.6;
        double plot_w = std::max(1.0, w_ - plot_x - right_room);
        plot_box(plot_x, plot_y, plot_w, plot_h);
        auto x_of = [&](double v) { return plot_x + plot_w * (v - axis.lo) / (axis.hi - axis.lo); };
        for (std::size_t k = 0; k < axis.ticks.size(); ++k) {
            double x = x_of(axis.ticks[k]);
            bool zero = axis.ticks[k] == 0;
            line(x, plot_y, 0, plot_h, zero ? style_.axis : style_.grid, zero ? 1.5 : 0.75);
            put(tick_labels[k], x - tick_labels[k].w / 2, plot_y + plot_h + size_ * 0.3);
        }
        double slot = plot_h / n_cat;
        double group = slot * 0.7, bar = group / n_ser;
        for (std::size_t c = 0; c < n_cat; ++c) {
            double gy = plot_y + slot * c + (slot - group) / 2;
            if (c % every == 0) {
                double ly = plot_y + slot * c + (slot - cats[c].h) / 2;  // centred on its slot, within the plot's height
                ly = std::max(plot_y, std::min(ly, plot_y + plot_h - cats[c].h));
                put(cats[c], plot_x - size_ * 0.4 - cats[c].w, ly);
            }
            for (std::size_t s = 0; s < n_ser; ++s) {
                auto v = value(s, c);
                if (!v) continue;
                double x0 = x_of(std::min(0.0, *v)), x1 = x_of(std::max(0.0, *v));
                double y = gy + bar * s;
                rect(x0, y, x1 - x0, bar, colors_[s]);
                hatch(x0, y, x1 - x0, bar, s);
                out_.record.marks.push_back({static_cast<int>(s), static_cast<int>(c), *v, x0, y, x1 - x0, bar});
                Label l = measure(value_text(*v));
                if (l.h > bar + 2) continue;
                // Outside the bar's end. A negative bar's label that would run
                // near the category labels (within one label height) goes
                // inside the bar when it fits there, else right of the zero
                // line when the chart has room there.
                const double pad = size_ * 0.25;
                double lx = *v >= 0 ? x1 + pad : x0 - pad - l.w;
                if (lx < plot_x + size_ * 0.6) {
                    if (l.w + 2 * pad <= x1 - x0) {
                        l = measure(value_text(*v), colored(text_on(colors_[s])));
                        lx = x0 + pad;
                    } else if (x1 + pad + l.w <= w_) {
                        lx = x1 + pad;
                    } else {
                        continue;  // no room: the axis tells the value
                    }
                }
                put(l, lx, y + (bar - l.h) / 2);
            }
        }
    }

    // A pie from 12 o'clock, clockwise; each slice labelled with its share
    // (inside when it fits), categories with values in a legend on the right.
    void draw_pie() {
        const std::size_t n = chart_.categories.size();
        double total = 0;
        for (std::size_t c = 0; c < n; ++c) total += std::max(0.0, value(0, c).value_or(0));
        double top = draw_header(false);
        // Legend: swatch, category, value — sized first, the pie gets the rest.
        std::vector<Label> entries;
        double legend_w = 0;
        for (std::size_t c = 0; c < n; ++c) {
            auto v = value(0, c);
            entries.push_back(measure(chart_.categories[c] + "　" + (v ? value_text(*v) : "—")));
            legend_w = std::max(legend_w, entries.back().w);
        }
        legend_w += size_ * 1.4;
        double avail_h = h_ - top;
        double d = std::max(10.0, std::min(avail_h, w_ - legend_w - size_ * 2));
        double r = d / 2;
        double cx = std::max(r, (w_ - legend_w - size_ * 2 - d) / 2 + r), cy = top + avail_h / 2;
        plot_box(cx - r, cy - r, d, d);
        double angle = -std::numbers::pi / 2;
        for (std::size_t c = 0; c < n; ++c) {
            double v = std::max(0.0, value(0, c).value_or(0));
            Color color = chart_series_color(style_.palette, c, style_.paper);
            double sweep = total > 0 ? 2 * std::numbers::pi * v / total : 0;
            if (sweep > 0) {
                Shape slice = wedge(r, angle, sweep);
                slice.fill = color;
                slice.stroke = style_.paper;
                slice.stroke_width = n > 1 ? 2 : 0;
                out_.items.push_back({{cx, cy}, std::move(slice)});
            }
            double mid = angle + sweep / 2;
            double lx = cx + std::cos(mid) * r * 0.62, ly = cy + std::sin(mid) * r * 0.62;
            out_.record.marks.push_back({0, static_cast<int>(c), value(0, c).value_or(0), lx, ly, 0, 0});
            char pct[16];
            std::snprintf(pct, sizeof pct, "%.0f%%", total > 0 ? 100 * v / total : 0);
            Label l = measure(pct, colored(text_on(color)));
            if (sweep * r * 0.62 > l.w * 1.1 && sweep > 0.25) put(l, lx - l.w / 2, ly - l.h / 2);
            angle += sweep;
        }
        double ey = cy - (entries.empty() ? 0 : entries.front().h * n * 1.15) / 2;
        double ex = cx + r + size_ * 2;
        for (std::size_t c = 0; c < n; ++c) {
            Color color = chart_series_color(style_.palette, c, style_.paper);
            double sw = size_ * 0.9;
            rect(ex, ey + (entries[c].h - sw) / 2, sw, sw, color);
            put(entries[c], ex + size_ * 1.4, ey);
            ey += entries[c].h * 1.15;
        }
    }

    // A pie slice centred on (0, 0): arcs as Bézier curves of at most 90°.
    static Shape wedge(double r, double start, double sweep) {
        Shape s;
        s.kind = Shape::Kind::Path;
        auto at = [&](double a) { return Point{r * std::cos(a), r * std::sin(a)}; };
        bool full = sweep >= 2 * std::numbers::pi - 1e-9;
        if (!full) s.path.push_back({PathOp::Kind::MoveTo, {{0, 0}}});
        s.path.push_back({full ? PathOp::Kind::MoveTo : PathOp::Kind::LineTo, {at(start)}});
        int parts = std::max(1, static_cast<int>(std::ceil(sweep / (std::numbers::pi / 2) - 1e-9)));
        double step = sweep / parts;
        double k = 4.0 / 3.0 * std::tan(step / 4) * r;
        for (int i = 0; i < parts; ++i) {
            double a0 = start + step * i, a1 = a0 + step;
            Point p0 = at(a0), p1 = at(a1);
            Point c0{p0.x - k * std::sin(a0), p0.y + k * std::cos(a0)};
            Point c1{p1.x + k * std::sin(a1), p1.y - k * std::cos(a1)};
            s.path.push_back({PathOp::Kind::CurveTo, {c0, c1, p1}});
        }
        s.path.push_back({PathOp::Kind::Close, {}});
        return s;
    }

    const Chart& chart_;
    const ChartStyle& style_;
    double w_, h_;
    const TextEngine& text_;
    double size_ = kMinChartLabelSize;
    TextStyle label_;
    std::vector<Color> colors_;
    int value_decimals_ = 0;
    std::vector<Label> bar_cats_;  // a bar chart's category labels (bar_category_labels)
    ChartDrawing out_;
};

}  // namespace

Color chart_series_color(const std::vector<Color>& palette, std::size_t index, const Color& paper) {
    if (palette.empty()) return Color{0.12, 0.23, 0.37, 1};
    const Color& base = palette[index % palette.size()];
    std::size_t round = index / palette.size();
    return round == 0 ? base : mix(base, paper, std::min(0.7, 0.4 * static_cast<double>(round)));
}

void offset_chart(DumpChart& chart, double dx, double dy) {
    chart.x += dx, chart.y += dy;
    chart.plot_x += dx, chart.plot_y += dy;
    for (auto& m : chart.marks) m.x += dx, m.y += dy;
}

std::string color_hex(const Color& c) {
    auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", byte(c.r), byte(c.g), byte(c.b));
    return buf;
}

ChartDrawing layout_chart(const Chart& chart, const ChartStyle& style, double w, double h, const TextEngine& text) {
    return ChartBuilder(chart, style, w, h, text).run();
}

}  // namespace ks
