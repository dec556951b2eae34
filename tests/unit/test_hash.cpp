// util/hash.h: the project's one hash, with the published FNV-1a 64 vectors.
#include <gtest/gtest.h>

#include <string>

#include "util/hash.h"

namespace ks {
namespace {

TEST(Hash, PublishedFnv1a64Vectors) {
    EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(Hash, ChunksHashLikeTheWhole) {
    const std::string text = "開催概要 and some ASCII";
    Fnv1a64 h;
    for (std::size_t i = 0; i < text.size(); i += 3) h.update(std::string_view(text).substr(i, 3));
    EXPECT_EQ(h.value(), fnv1a64(text));
}

TEST(Hash, HexIsSixteenLowercaseDigits) {
    EXPECT_EQ(hex64(0xaf63dc4c8601ec8cULL), "af63dc4c8601ec8c");
    EXPECT_EQ(hex64(1), "0000000000000001");
}

TEST(Hash, IdLanesDifferAndSeparateStrings) {
    Hash128 ab, a_b;
    ab.add("ab");
    a_b.add("a");
    a_b.add("b");
    EXPECT_NE(ab.a.value(), ab.b);
    EXPECT_NE(ab.a.value(), a_b.a.value());  // the 0xff after each string
}

}  // namespace
}  // namespace ks
