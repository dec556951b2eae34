#pragma once
// Hatching: 45° stripes ("/") drawn over a rectangle's fill, so that series
// stay apart in grayscale. A property of the shape, not stripes of its own,
// so each writer draws it its own cheapest way: Cairo's PNGs a repeating
// pattern, PDFs the bands as vectors (frame/hatch_bands.h), PowerPoint a
// native pattern fill.
#include "frame/color.h"

namespace ks {

struct Hatch {
    Color color;
    double gap = 7;      // distance between stripes along an edge; stripes on x + y = gap/2 + k·gap
    double width = 1.6;  // stripe width
};

}  // namespace ks
