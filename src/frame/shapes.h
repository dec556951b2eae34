#pragma once
// The two shapes every layout draws most: a rectangle and a straight line
// (slides, tables, charts and the handout's pages alike).
#include <optional>

#include "frame/frame.h"

namespace ks {

inline Shape rect_shape(double w, double h, std::optional<Color> fill, std::optional<Color> stroke = std::nullopt,
                        double stroke_width = 0.6) {
    Shape s;
    s.kind = Shape::Kind::Rect;
    s.w = w;
    s.h = h;
    s.fill = fill;
    s.stroke = stroke;
    s.stroke_width = stroke_width;
    return s;
}

// From the item's position to (dx, dy) relative to it.
inline Shape line_shape(double dx, double dy, const Color& color, double width) {
    Shape s;
    s.kind = Shape::Kind::Line;
    s.w = dx;
    s.h = dy;
    s.stroke = color;
    s.stroke_width = width;
    return s;
}

}  // namespace ks
