#pragma once
// A hatch's stripes over a rectangle as filled vector bands, for writers
// that draw it as paths (PDF).
#include <cmath>
#include <utility>
#include <vector>

#include "frame/frame.h"

namespace ks {

namespace hatch_detail {

// The part of a convex polygon where lo <= x + y <= hi (Sutherland–Hodgman
// against the two half-planes).
inline std::vector<Point> cut_band(std::vector<Point> poly, double lo, double hi) {
    auto clip = [&poly](auto inside, double edge) {
        std::vector<Point> out;
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const Point a = poly[i], b = poly[(i + 1) % poly.size()];
            const double sa = a.x + a.y - edge, sb = b.x + b.y - edge;
            if (inside(sa)) out.push_back(a);
            if (inside(sa) != inside(sb)) {
                const double t = sa / (sa - sb);
                out.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
            }
        }
        poly = std::move(out);
    };
    clip([](double d) { return d >= 0; }, lo);
    clip([](double d) { return d <= 0; }, hi);
    return poly;
}

}  // namespace hatch_detail

// The stripes of `hatch` over (0, 0, w, h) as closed polygons (one path,
// to be filled), each cut exactly to the rectangle.
inline std::vector<PathOp> hatch_bands(double w, double h, const Hatch& hatch) {
    std::vector<PathOp> path;
    const double half = hatch.width / 2 * std::sqrt(2.0);  // band: |x + y - c| <= half
    for (double c = hatch.gap / 2; c - half < w + h; c += hatch.gap) {
        auto poly = hatch_detail::cut_band({{0, 0}, {w, 0}, {w, h}, {0, h}}, c - half, c + half);
        if (poly.size() < 3) continue;
        path.push_back({PathOp::Kind::MoveTo, {poly[0]}});
        for (std::size_t k = 1; k < poly.size(); ++k) path.push_back({PathOp::Kind::LineTo, {poly[k]}});
        path.push_back({PathOp::Kind::Close, {}});
    }
    return path;
}

}  // namespace ks
