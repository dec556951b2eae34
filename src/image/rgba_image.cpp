#include "image/rgba_image.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ks {

RgbaImage rgba_from_premultiplied_argb(const unsigned char* data, int stride, int width, int height) {
    RgbaImage out;
    out.width = std::max(0, width);
    out.height = std::max(0, height);
    out.rgba.resize(std::size_t(out.width) * std::size_t(out.height) * 4);
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            std::uint32_t px;
            std::memcpy(&px, data + std::size_t(y) * std::size_t(stride) + std::size_t(x) * 4, 4);
            const unsigned a = px >> 24;
            std::uint8_t* o = &out.rgba[(std::size_t(y) * std::size_t(out.width) + std::size_t(x)) * 4];
            for (int c = 0; c < 3; ++c) {
                const unsigned v = (px >> (16 - 8 * c)) & 0xff;
                o[c] = static_cast<std::uint8_t>(a ? std::min(255u, (v * 255 + a / 2) / a) : 255);
            }
            o[3] = static_cast<std::uint8_t>(a);
        }
    }
    return out;
}

PixelBound pixel_bound(double slide_width_pt, double slide_height_pt, double png_scale) {
    const double per_pt = std::max(png_scale, 300.0 / 72.0);
    // Rounded up, but 960 pt at 300/72 px is 4000 px, not 4001.
    auto px = [&](double pt) { return static_cast<int>(std::ceil(pt * per_pt - 1e-6)); };
    return {px(slide_width_pt), px(slide_height_pt)};
}

int reduction_factor(int width, int height, PixelBound bound) {
    // Drawn whole inside a box no larger than the slide, an image never
    // needs more than min(W/w, H/h) of its pixels.
    const double need = std::min(double(bound.width) / width, double(bound.height) / height);
    if (need >= 1) return 1;
    return std::max(1, static_cast<int>(std::floor(1 / need)));
}

RowReducer::RowReducer(int width, int height, int k) : width_(width), k_(std::max(1, k)) {
    out_.width = (width + k_ - 1) / k_;
    out_.height = (height + k_ - 1) / k_;
    out_.rgba.reserve(std::size_t(out_.width) * out_.height * 4);
    sum_.assign(std::size_t(out_.width) * 5, 0);
}

void RowReducer::add_row(const std::uint8_t* rgba) {
    if (k_ == 1) {
        out_.rgba.insert(out_.rgba.end(), rgba, rgba + std::size_t(width_) * 4);
        return;
    }
    for (int x = 0; x < width_; ++x) {
        const std::uint8_t* p = rgba + std::size_t(x) * 4;
        std::uint64_t* s = &sum_[std::size_t(x / k_) * 5];
        s[0] += std::uint64_t(p[0]) * p[3];
        s[1] += std::uint64_t(p[1]) * p[3];
        s[2] += std::uint64_t(p[2]) * p[3];
        s[3] += p[3];
        s[4] += 1;
    }
    if (++rows_in_block_ == k_) emit();
}

void RowReducer::emit() {
    for (int x = 0; x < out_.width; ++x) {
        std::uint64_t* s = &sum_[std::size_t(x) * 5];
        for (int c = 0; c < 3; ++c)
            out_.rgba.push_back(static_cast<std::uint8_t>(s[3] ? (s[c] + s[3] / 2) / s[3] : 0));
        out_.rgba.push_back(static_cast<std::uint8_t>(s[4] ? (s[3] + s[4] / 2) / s[4] : 0));
    }
    std::fill(sum_.begin(), sum_.end(), 0);
    rows_in_block_ = 0;
}

RgbaImage RowReducer::take() {
    if (rows_in_block_ > 0) emit();  // the last, partial block
    return std::move(out_);
}

RgbaImage reduce(const RgbaImage& image, int k) {
    RowReducer reducer(image.width, image.height, k);
    for (int y = 0; y < image.height; ++y) reducer.add_row(image.rgba.data() + std::size_t(y) * image.width * 4);
    return reducer.take();
}

}  // namespace ks
