#include "handout/handout_geometry.h"

#include <algorithm>

namespace ks::handout {

Paper paper_size(const std::string& paper, const std::string& orientation) {
    Paper p = paper == "letter" ? Paper{612, 792} : Paper{595.276, 841.89};
    if (orientation == "landscape") std::swap(p.width, p.height);
    return p;
}

PageBox page_box(const Paper& paper, double extra_header) {
    PageBox b;
    b.left = kMarginX;
    b.right = paper.width - kMarginX;
    // Header: text whose top sits on the top margin, a hairline under it.
    b.header_baseline = kMarginY + kFurnitureSize * 0.88;
    b.header_rule = b.header_baseline + extra_header + 5;
    // Footer: a hairline, then text whose descenders stay above the margin.
    b.footer_baseline = paper.height - kMarginY - kFurnitureSize * 0.2;
    b.footer_rule = b.footer_baseline - kFurnitureSize - 5;
    b.top = b.header_rule + 14;
    b.bottom = b.footer_rule - 12;
    return b;
}

Grid grid_for(const std::string& style, const std::string& orientation) {
    const bool landscape = orientation == "landscape";
    if (style == "1") return {1, 1};
    if (style == "2") return landscape ? Grid{2, 1} : Grid{1, 2};
    if (style == "3") return {1, 3};
    if (style == "4") return {2, 2};
    if (style == "6") return landscape ? Grid{3, 2} : Grid{2, 3};
    if (style == "9") return {3, 3};
    return {1, 1};
}

Cell cell_for(std::size_t k, const Grid& g, bool vertical_order) {
    const int i = static_cast<int>(k);
    if (vertical_order) return {i / g.rows, i % g.rows};
    return {i % g.cols, i / g.cols};
}

double fitted_slide_width(const PageBox& box, const Grid& g, double aspect, double gap_x, double gap_y) {
    const double cell_w = (box.width() - gap_x * (g.cols - 1)) / g.cols;
    const double cell_h = (box.height() - gap_y * (g.rows - 1)) / g.rows;
    return std::max(0.0, std::min(cell_w, cell_h * aspect));
}

}  // namespace ks::handout
