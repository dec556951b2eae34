#include "export/pdf/hpdf_color_glyphs.h"

#include <algorithm>
#include <cstring>

namespace ks::hpdf {

RgbaPixels rgba_from_premultiplied_argb(const unsigned char* data, int stride, int width, int height) {
    RgbaPixels out;
    out.width = static_cast<unsigned>(std::max(0, width));
    out.height = static_cast<unsigned>(std::max(0, height));
    out.rgba.resize(std::size_t(out.width) * out.height * 4);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint32_t px;
            std::memcpy(&px, data + std::size_t(y) * stride + std::size_t(x) * 4, 4);
            const unsigned a = px >> 24;
            std::uint8_t* o = &out.rgba[(std::size_t(y) * out.width + x) * 4];
            for (int c = 0; c < 3; ++c) {
                const unsigned v = (px >> (16 - 8 * c)) & 0xff;
                o[c] = static_cast<std::uint8_t>(a ? std::min(255u, (v * 255 + a / 2) / a) : 255);
            }
            o[3] = static_cast<std::uint8_t>(a);
        }
    }
    return out;
}

bool is_color_bitmap_face(FT_Face face) {
    return face && FT_HAS_COLOR(face) && FT_HAS_FIXED_SIZES(face);
}

std::optional<ColorGlyph> load_color_glyph(FT_Face face, std::uint32_t gid) {
    if (!face || face->num_fixed_sizes <= 0) return std::nullopt;
    int strike = 0;
    for (int i = 1; i < face->num_fixed_sizes; ++i)
        if (face->available_sizes[i].y_ppem > face->available_sizes[strike].y_ppem) strike = i;
    if (FT_Select_Size(face, strike) != 0) return std::nullopt;
    if (FT_Load_Glyph(face, gid, FT_LOAD_COLOR | FT_LOAD_RENDER) != 0) return std::nullopt;
    const FT_GlyphSlot slot = face->glyph;
    const FT_Bitmap& bm = slot->bitmap;
    if (bm.pixel_mode != FT_PIXEL_MODE_BGRA || bm.width == 0 || bm.rows == 0) return std::nullopt;
    const double ppem = face->size->metrics.x_ppem;
    if (!(ppem > 0)) return std::nullopt;
    if (bm.pitch < 0) return std::nullopt;  // bottom-up rows: not what CBDT gives
    // FreeType's BGRA is premultiplied, B G R A in memory: a little-endian
    // word with alpha on top, as Cairo's ARGB32.
    ColorGlyph g;
    g.pixels = rgba_from_premultiplied_argb(bm.buffer, bm.pitch, static_cast<int>(bm.width), static_cast<int>(bm.rows));
    g.left = slot->bitmap_left / ppem;
    g.top = -slot->bitmap_top / ppem;
    g.width = bm.width / ppem;
    g.height = bm.rows / ppem;
    return g;
}

}  // namespace ks::hpdf
