#include <gtest/gtest.h>

#include <random>
#include <string>

#include <zlib.h>

#include "export/cairo/fast_deflate.h"

using namespace ks;

namespace {

std::vector<unsigned char> inflate_all(const std::vector<unsigned char>& z, std::size_t expected) {
    std::vector<unsigned char> out(expected + 16);
    uLongf size = static_cast<uLongf>(out.size());
    int status = uncompress(out.data(), &size, z.data(), static_cast<uLong>(z.size()));
    EXPECT_EQ(status, Z_OK);
    out.resize(size);
    return out;
}

void round_trip(const std::vector<unsigned char>& data) {
    auto z = zlib_compress_runs(data.data(), data.size());
    EXPECT_EQ(inflate_all(z, data.size()), data);
}

}  // namespace

TEST(FastDeflate, RoundTripsThroughZlib) {
    round_trip({});
    round_trip({42});
    round_trip({0, 0});
    round_trip({7, 7, 7});
    round_trip(std::vector<unsigned char>(100000, 0));  // runs longer than 258
    for (std::size_t n : {3u, 4u, 258u, 259u, 260u, 261u, 516u, 517u}) round_trip(std::vector<unsigned char>(n, 0xFF));
    std::mt19937 rng(7);
    std::vector<unsigned char> noisy(200000);
    for (auto& b : noisy) b = static_cast<unsigned char>(rng() % 4 == 0 ? rng() : 0);  // text on a flat slide
    round_trip(noisy);
    std::vector<unsigned char> random(50000);
    for (auto& b : random) b = static_cast<unsigned char>(rng());
    round_trip(random);
}

TEST(FastDeflate, LongRunsShrink) {
    std::vector<unsigned char> flat(6'000'000, 0);
    auto z = zlib_compress_runs(flat.data(), flat.size());
    EXPECT_LT(z.size(), flat.size() / 150);
}

// Fed in pieces (the PNG writer hands over a row at a time), the stream
// inflates to the concatenated input whatever the piece length: runs that
// cross a piece's end, pieces shorter than a match.
TEST(FastDeflate, PiecesInflateToTheWhole) {
    std::mt19937 rng(11);
    std::vector<unsigned char> data(300000);
    for (std::size_t i = 0; i < data.size();) {  // runs of every length, some crossing piece ends
        const std::size_t run = 1 + rng() % 700;
        const auto b = static_cast<unsigned char>(rng() % 3 == 0 ? rng() : 0);
        for (std::size_t k = 0; k < run && i < data.size(); ++k) data[i++] = b;
    }
    for (std::size_t piece : {1u, 2u, 3u, 257u, 258u, 259u, 1000u, 5761u, 65536u}) {
        RunDeflater deflater(data.size());
        for (std::size_t pos = 0; pos < data.size(); pos += piece) {
            // Only the piece itself is handed over, in a buffer of its own.
            std::vector<unsigned char> window(data.begin() + static_cast<long>(pos),
                                              data.begin() + static_cast<long>(std::min(data.size(), pos + piece)));
            deflater.feed(window.data(), window.size());
        }
        EXPECT_EQ(inflate_all(deflater.finish(), data.size()), data) << "pieces of " << piece;
    }
}

// A repeated byte given as a count inflates to those bytes, after a literal
// of the same byte or another, for every length around the match limits.
TEST(FastDeflate, RepeatIsTheBytesItStandsFor) {
    for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 257u, 258u, 259u, 260u, 261u, 262u, 516u, 5760u}) {
        for (unsigned char before : {0, 2}) {
            RunDeflater deflater(n + 16);
            const unsigned char head[] = {7, before};
            deflater.feed(head, 2);
            deflater.repeat(0, n);
            deflater.feed(head, 1);
            std::vector<unsigned char> want = {7, before};
            want.insert(want.end(), n, 0);
            want.push_back(7);
            EXPECT_EQ(inflate_all(deflater.finish(), want.size()), want) << n << " after " << int(before);
        }
    }
}

// Counted runs cost next to nothing: a 1080-row slide of unchanged rows.
TEST(FastDeflate, RepeatedRowsShrink) {
    RunDeflater deflater(1081 * 5761);
    for (int row = 0; row < 1080; ++row) {
        const unsigned char up = 2;
        deflater.feed(&up, 1);
        deflater.repeat(0, 5760);
    }
    EXPECT_LT(deflater.finish().size(), 1080u * 48);  // of 6.2 MB: about 23 matches a row
}
