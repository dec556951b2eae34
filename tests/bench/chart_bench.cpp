// What one chart costs in layout and drawing (issue budget: 2 ms): the
// charts of the charts fixture deck in turn, one an iteration, laid out in a
// slide body box (1600 × 760 pt, labels at 20 pt) and drawn with the Cairo
// painter onto a 1920 × 1080 image surface, as the PNG exporter draws a
// slide. Encoding the PNG is not a chart's cost and is left out.
//
//   build/release/tests/bench_charts_layout [--benchmark_repetitions=7 --benchmark_report_aggregates_only=true]
#include <benchmark/benchmark.h>

#include <cairo.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "export/cairo/cairo_painter.h"
#include "layout/chart_layout.h"
#include "outline/outline_loader.h"
#include "text/font_context.h"
#include "text/text_engine.h"
#include "theme/layout_set.h"

namespace {

using namespace ks;

struct Fixture {
    FontContext fonts{std::string(KS_SOURCE_DIR) + "/fonts"};
    TextEngine text{fonts};
    std::vector<Chart> charts;
    ChartStyle style;

    Fixture() {
        Diagnostics diags;
        auto deck = load_outline(std::string(KS_SOURCE_DIR) + "/tests/fixtures/decks/charts/deck.xml", diags);
        auto set = load_layout_set(std::string(KS_SOURCE_DIR) + "/layouts/briefing.xml", diags);
        if (!deck || !set || diags.has_errors()) throw std::runtime_error("charts fixture did not load");
        for (const auto& slide : deck->slides)
            for (const auto& block : slide.blocks)
                if (const auto* chart = std::get_if<Chart>(&block)) charts.push_back(*chart);
        if (charts.empty()) throw std::runtime_error("no chart in the fixture");
        style.text.size = 20;
        style.palette = set->palette;
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

constexpr double kBoxW = 1600, kBoxH = 760;

void BM_ChartLayout(benchmark::State& state) {
    Fixture& f = fixture();
    std::size_t next = 0;  // one chart an iteration: Time is the cost of one chart
    for (auto _ : state) benchmark::DoNotOptimize(layout_chart(f.charts[next++ % f.charts.size()], f.style, kBoxW, kBoxH, f.text));
}

void BM_ChartLayoutAndDraw(benchmark::State& state) {
    Fixture& f = fixture();
    CairoPainter painter;
    UniqueCPtr<cairo_surface_t, cairo_surface_destroy> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1920, 1080));
    UniqueCPtr<cairo_t, cairo_destroy> cr(cairo_create(surface.get()));
    std::size_t next = 0;
    for (auto _ : state) {
        Frame frame;
        frame.width = 1920, frame.height = 1080;
        ChartDrawing drawing = layout_chart(f.charts[next++ % f.charts.size()], f.style, kBoxW, kBoxH, f.text);
        for (auto& item : drawing.items) frame.push({item.pos.x + 160, item.pos.y + 200}, std::move(item.item));
        painter.paint(cr.get(), frame, PaintOptions{false});
        cairo_surface_flush(surface.get());
    }
}

// Each chart of the fixture alone (argument = its index in the deck), to see
// which kind costs what.
void BM_OneChartLayoutAndDraw(benchmark::State& state) {
    Fixture& f = fixture();
    const Chart& chart = f.charts.at(static_cast<std::size_t>(state.range(0)));
    state.SetLabel(chart_type_name(chart.type));
    CairoPainter painter;
    UniqueCPtr<cairo_surface_t, cairo_surface_destroy> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1920, 1080));
    UniqueCPtr<cairo_t, cairo_destroy> cr(cairo_create(surface.get()));
    for (auto _ : state) {
        Frame frame;
        frame.width = 1920, frame.height = 1080;
        ChartDrawing drawing = layout_chart(chart, f.style, kBoxW, kBoxH, f.text);
        for (auto& item : drawing.items) frame.push({item.pos.x + 160, item.pos.y + 200}, std::move(item.item));
        painter.paint(cr.get(), frame, PaintOptions{false});
        cairo_surface_flush(surface.get());
    }
}

BENCHMARK(BM_ChartLayout)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ChartLayoutAndDraw)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OneChartLayoutAndDraw)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
