#pragma once
// Native PowerPoint charts: a slide's chart as a chart part
// (ppt/charts/chartN.xml, DrawingML c:chartSpace) holding its data in the
// cached values, with its data sheet embedded (chart_workbook.h) so that
// "Edit Data" works. Types map as: column → clustered columns, bar →
// clustered bars, stacked-column → stacked columns, line → lines with
// markers, pie → pie. Colours, hatching (a pattern fill), the axis as drawn,
// the plot area, the unit and the label font come from the structure.
#include <string>

#include "export/pptx/package_parts.h"
#include "frame/structure.h"
#include "util/dates.h"

namespace ks::pptx {

inline constexpr const char* kNsC = "http://schemas.openxmlformats.org/drawingml/2006/chart";

// The c:chartSpace of `chart`, `w` × `h` points; `workbook_rid` relates its data sheet.
std::string chart_xml(const StructChart& chart, double w, double h, const std::string& workbook_rid);

// The charts of a presentation, numbered in the order added.
class ChartStore {
public:
    ChartStore(Package& package, const Timestamp& stamp) : package_(package), stamp_(stamp) {}
    // Adds the chart part and its workbook; returns the part's name relative
    // to ppt/ ("charts/chart1.xml").
    std::string add(const StructChart& chart, double w, double h);

private:
    Package& package_;
    Timestamp stamp_;
    int count_ = 0;
};

}  // namespace ks::pptx
