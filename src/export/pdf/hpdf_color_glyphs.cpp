#include "export/pdf/hpdf_color_glyphs.h"

#include <utility>

#include "image/rgba_image.h"

namespace ks::hpdf {

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
    RgbaImage px = rgba_from_premultiplied_argb(bm.buffer, bm.pitch, static_cast<int>(bm.width), static_cast<int>(bm.rows));
    g.pixels = {static_cast<unsigned>(px.width), static_cast<unsigned>(px.height), std::move(px.rgba)};
    g.left = slot->bitmap_left / ppem;
    g.top = -slot->bitmap_top / ppem;
    g.width = bm.width / ppem;
    g.height = bm.rows / ppem;
    return g;
}

}  // namespace ks::hpdf
