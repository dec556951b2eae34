// Hatching as vector bands (PDF writers): every band inside its rectangle,
// the stripes cover the share of the area their width and gap give, and a
// band is a closed polygon.
#include <gtest/gtest.h>

#include <cmath>

#include "frame/hatch_bands.h"

using namespace ks;

namespace {

// Shoelace area of each closed polygon in a path, summed.
double path_area(const std::vector<PathOp>& path) {
    double total = 0;
    std::vector<Point> poly;
    for (const auto& op : path) {
        if (op.kind == PathOp::Kind::Close) {
            double a = 0;
            for (std::size_t i = 0; i < poly.size(); ++i) {
                const Point p = poly[i], q = poly[(i + 1) % poly.size()];
                a += p.x * q.y - q.x * p.y;
            }
            total += std::fabs(a) / 2;
            poly.clear();
        } else {
            poly.push_back(op.p[0]);
        }
    }
    return total;
}

}  // namespace

TEST(Hatch, BandsStayInsideTheRectangle) {
    for (auto [w, h] : {std::pair{90.0, 350.0}, {350.0, 40.0}, {3.0, 3.0}, {7.0, 500.0}}) {
        auto path = hatch_bands(w, h, Hatch{{0, 0, 0, 1}, 7, 1.6});
        ASSERT_FALSE(path.empty()) << w << "x" << h;
        for (const auto& op : path) {
            if (op.kind == PathOp::Kind::Close) continue;
            EXPECT_GE(op.p[0].x, -1e-9);
            EXPECT_LE(op.p[0].x, w + 1e-9);
            EXPECT_GE(op.p[0].y, -1e-9);
            EXPECT_LE(op.p[0].y, h + 1e-9);
        }
        EXPECT_EQ(path.back().kind, PathOp::Kind::Close);
    }
}

TEST(Hatch, StripesCoverTheirShareOfTheArea) {
    const double w = 400, h = 300, gap = 7, width = 1.6;
    const double share = width / (gap / std::sqrt(2.0));  // stripe width over the distance between stripes
    EXPECT_NEAR(path_area(hatch_bands(w, h, Hatch{{0, 0, 0, 1}, gap, width})) / (w * h), share, share * 0.02);
}

TEST(Hatch, TileEdgesJoin) {
    // A gap × gap tile (the PNG writer's repeating pattern) holds two half
    // stripes whose cut edges meet the next tile's: equal area at both corners.
    auto path = hatch_bands(7, 7, Hatch{{0, 0, 0, 1}, 7, 1.6});
    EXPECT_NEAR(path_area(path) / 49, 1.6 / (7 / std::sqrt(2.0)), 0.02);
}
