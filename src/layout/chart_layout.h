#pragma once
// Draws a <chart> from its data as vectors (Shapes and glyph runs): axes
// with round ticks in the chart's unit, grid lines, bars / lines / slices in
// the layout set's palette, value labels where they fit, a legend when there
// are several series. Pure: the same chart and box give the same items.
#include <vector>

#include "frame/frame.h"
#include "frame/layout_record.h"
#include "model/deck.h"
#include "text/text_engine.h"

namespace ks {

struct ChartStyle {
    TextStyle text;            // labels: family and colour; size is the label size (never below kMinChartLabelSize)
    Color paper{1, 1, 1, 1};   // what the chart is drawn on (separators, hatching)
    Color grid{0.79, 0.82, 0.86, 1};
    Color axis{0.37, 0.42, 0.48, 1};
    Color muted{0.37, 0.42, 0.48, 1};
    std::vector<Color> palette;
};

// Chart labels are never set smaller than this, whatever the body shrinks to.
constexpr double kMinChartLabelSize = 14;

struct ChartDrawing {
    std::vector<PositionedItem> items;  // relative to the chart's top-left
    DumpChart record;                   // relative to the chart's top-left
    StructChart structure;              // its data and look, for the slide's structure
    std::vector<MissingCharacter> missing;
};

// Lays out `chart` in a box `w` × `h` points.
ChartDrawing layout_chart(const Chart& chart, const ChartStyle& style, double w, double h, const TextEngine& text);

// Series colour `index` of a palette: past its end, the palette again, lighter.
Color chart_series_color(const std::vector<Color>& palette, std::size_t index, const Color& paper);

// Moves a chart record by (dx, dy): its box, plot area and marks.
void offset_chart(DumpChart& chart, double dx, double dy);

// "#RRGGBB"
std::string color_hex(const Color& c);

}  // namespace ks
