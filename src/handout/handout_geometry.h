#pragma once
// Paper, margins and grids for handouts: pure geometry, no text, so the
// choices (which orientation suits which style, where each slide goes) can
// be tested on their own.
#include <cstddef>
#include <string>

#include "layout/print_palette.h"

namespace ks::handout {

constexpr double kMm = 72.0 / 25.4;

struct Paper {
    double width = 0, height = 0;  // points, as oriented
};

// "a4"/"letter" in the given orientation ("portrait"/"landscape").
Paper paper_size(const std::string& paper, const std::string& orientation);

// The printable page: margins survive an office printer's unprintable edge
// (≥ 12 mm everywhere); the header and footer bands sit inside them.
struct PageBox {
    double left = 0, right = 0;           // content x range
    double header_baseline = 0, header_rule = 0;
    double footer_rule = 0, footer_baseline = 0;
    double top = 0, bottom = 0;           // content y range (between the bands)
    double width() const { return right - left; }
    double height() const { return bottom - top; }
};
// `extra_header`: points the header takes below its first line (a deck title
// on two lines); the content box starts that much lower.
PageBox page_box(const Paper& paper, double extra_header = 0);

constexpr double kMarginX = 15 * kMm;     // left/right
constexpr double kMarginY = 13 * kMm;     // top/bottom
constexpr double kFurnitureSize = print::kFurnitureSize;  // header/footer text, points

// Slides per page and their grid for the numbered styles.
struct Grid {
    int cols = 1, rows = 1;
    int per_page() const { return cols * rows; }
};
// For "1","2","4","6","9" in an orientation; "3" is one column of three.
Grid grid_for(const std::string& style, const std::string& orientation);

// Where slide `k` (0-based on its page) goes in the grid.
struct Cell {
    int col = 0, row = 0;
};
Cell cell_for(std::size_t k, const Grid& g, bool vertical_order);

// The largest slide width (for a slide of `aspect` = w/h) that fits a grid
// cell of the content box, given the gaps between cells.
double fitted_slide_width(const PageBox& box, const Grid& g, double aspect, double gap_x, double gap_y);

}  // namespace ks::handout
