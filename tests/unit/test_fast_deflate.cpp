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

// Fed in pieces, each with the look-ahead a match needs (up to 258 bytes on),
// the stream is the same bytes as fed whole: the PNG writer compresses a few
// rows at a time.
TEST(FastDeflate, PiecesGiveTheSameStreamAsTheWhole) {
    std::mt19937 rng(11);
    std::vector<unsigned char> data(300000);
    for (std::size_t i = 0; i < data.size();) {  // runs of every length, some crossing piece ends
        const std::size_t run = 1 + rng() % 700;
        const auto b = static_cast<unsigned char>(rng() % 3 == 0 ? rng() : 0);
        for (std::size_t k = 0; k < run && i < data.size(); ++k) data[i++] = b;
    }
    const auto whole = zlib_compress_runs(data.data(), data.size());
    for (std::size_t piece : {1u, 2u, 257u, 258u, 259u, 1000u, 5761u, 65536u}) {
        RunDeflater deflater(data.size());
        std::size_t pos = 0;
        for (std::size_t limit = piece; pos < data.size(); limit += piece) {
            // Only what the piece may read is handed over: [pos, limit + 258).
            const std::size_t base = pos, end = std::min(data.size(), std::max(limit, pos) + 258);
            std::vector<unsigned char> window(data.begin() + static_cast<long>(base), data.begin() + static_cast<long>(end));
            deflater.feed(window.data(), base, std::min(limit, data.size()), &pos);
        }
        EXPECT_EQ(deflater.finish(), whole) << "pieces of " << piece;
    }
}
