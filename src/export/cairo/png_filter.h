#pragma once
// PNG scanline filters for Cairo's RGB24 pixels (native-endian xRGB words,
// the x byte undefined) written as 8-bit RGB: the row test for the Up
// filter and the Sub filter, vectorised where the processor allows.
#include <cstddef>
#include <cstdint>

namespace ks {

// Bytes a filtered row's buffer needs beyond its 1 + 3·w: the vector
// path stores 16 bytes at a time.
constexpr std::size_t kSubFilterSlack = 16;

// True when two rows of w pixels show the same colours.
bool same_rgb_row(const std::uint32_t* a, const std::uint32_t* b, int w);

// dst[0] = 1 (Sub), then each RGB byte minus the same byte of the pixel
// before it. dst holds 1 + 3·w + kSubFilterSlack bytes.
void sub_filter_row(const std::uint32_t* src, int w, unsigned char* dst);

// The two implementations sub_filter_row chooses between (for tests):
// plain C++, and SSSE3 (false when the processor lacks it: nothing written).
void sub_filter_row_scalar(const std::uint32_t* src, int w, unsigned char* dst);
bool sub_filter_row_ssse3(const std::uint32_t* src, int w, unsigned char* dst);

}  // namespace ks
