#pragma once
// Decoded pixels as the exporters take them, and the one bound on their size.
#include <cstdint>
#include <vector>

namespace ks {

// 8-bit RGBA, not premultiplied, top row first.
struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
};

// Premultiplied 32-bit pixels, one native-endian word per pixel with alpha
// in the top byte (Cairo's ARGB32 surfaces, FreeType's BGRA bitmaps read as
// words), to straight RGBA: the one read-back both the SVG rasteriser and
// the handout's colour glyphs use.
RgbaImage rgba_from_premultiplied_argb(const unsigned char* data, int stride, int width, int height);

// The largest image any output draws: a slide's pixels at the PNG scale or
// at 300 dpi (the PDFs), whichever is more. An image is decoded straight to
// fit inside it; no larger buffer is kept.
struct PixelBound {
    int width = 4000, height = 2250;  // 960x540 pt at 300 dpi
};
PixelBound pixel_bound(double slide_width_pt, double slide_height_pt, double png_scale);

// The integer reduction that brings w x h inside the bound (1: none).
int reduction_factor(int width, int height, PixelBound bound);

// Averages k x k blocks (alpha-weighted, so transparent pixels do not
// darken edges); rows are fed one at a time, so the full-size image is never
// held.
class RowReducer {
public:
    RowReducer(int width, int height, int k);
    void add_row(const std::uint8_t* rgba);  // `width` RGBA pixels
    RgbaImage take();

private:
    void emit();
    int width_, k_, rows_in_block_ = 0;
    RgbaImage out_;
    std::vector<std::uint64_t> sum_;  // per output pixel: r*a, g*a, b*a, a, count
};

// The same reduction for a whole image already in memory.
RgbaImage reduce(const RgbaImage& image, int k);

}  // namespace ks
