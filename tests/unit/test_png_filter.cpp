// The PNG Sub filter: the vector path writes the bytes the plain one does,
// for every width (the 4-pixel steps and the tail), runs and noise, and the
// undefined x byte never matters.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "export/cairo/png_filter.h"

using namespace ks;

namespace {

std::vector<std::uint32_t> row_of(int w, std::mt19937& rng) {
    std::vector<std::uint32_t> row(static_cast<std::size_t>(w));
    std::uint32_t colour = 0xF4F6F9;
    for (auto& p : row) {
        if (rng() % 5 == 0) colour = rng() & 0xFFFFFF;  // runs of one colour, broken by text-like noise
        p = colour | (rng() << 24);                     // the x byte is garbage
    }
    return row;
}

std::vector<unsigned char> filtered(const std::vector<std::uint32_t>& row, bool vector_path) {
    std::vector<unsigned char> out(1 + 3 * row.size() + kSubFilterSlack, 0xAB);
    if (vector_path) {
        if (!sub_filter_row_ssse3(row.data(), static_cast<int>(row.size()), out.data())) return {};
    } else {
        sub_filter_row_scalar(row.data(), static_cast<int>(row.size()), out.data());
    }
    out.resize(1 + 3 * row.size());
    return out;
}

}  // namespace

TEST(PngFilter, VectorAndPlainSubFilterAgree) {
    std::mt19937 rng(5);
    for (int w : {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 64, 1919, 1920}) {
        const auto row = row_of(w, rng);
        const auto plain = filtered(row, false);
        const auto vec = filtered(row, true);
        if (vec.empty()) GTEST_SKIP() << "no SSSE3 on this processor";
        EXPECT_EQ(vec, plain) << "width " << w;
    }
}

TEST(PngFilter, SubFilterIsTheDifferenceToTheLeft) {
    const std::vector<std::uint32_t> row = {0xFF102030, 0x00112233, 0x7F112233, 0x00000000};
    const std::vector<unsigned char> want = {1, 0x10, 0x20, 0x30, 0x01, 0x02, 0x03, 0, 0, 0, 0xEF, 0xDE, 0xCD};
    EXPECT_EQ(filtered(row, false), want);
    sub_filter_row(row.data(), 4, std::vector<unsigned char>(13 + kSubFilterSlack).data());  // no overrun
}

TEST(PngFilter, RowsDifferingOnlyInTheXByteAreTheSame) {
    std::vector<std::uint32_t> a(100, 0x00336699), b(100, 0xFF336699);
    EXPECT_TRUE(same_rgb_row(a.data(), b.data(), 100));
    b[57] ^= 0x000001;
    EXPECT_FALSE(same_rgb_row(a.data(), b.data(), 100));
}
