#pragma once
// Colour glyphs of bitmap-only fonts for the libharu handout. Noto Color
// Emoji (✅ ⚠️ 📈) holds PNG bitmaps (CBDT) and no outlines, which libharu
// cannot embed; Cairo draws them on the slides. The handout places each such
// glyph as an image of the font's own bitmap, from the same font file the
// frame names, so the glyph contract (one font file per run) holds.
#include <cstdint>
#include <optional>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H

namespace ks::hpdf {

// Straight (not premultiplied) RGBA pixels, rows top to bottom (read back
// with image/rgba_image.h's rgba_from_premultiplied_argb).
struct RgbaPixels {
    unsigned width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
};

// A colour glyph and where it goes, in ems of the run's size relative to the
// pen position on the baseline, y down (`top` < 0 is above the baseline).
struct ColorGlyph {
    RgbaPixels pixels;
    double left = 0, top = 0, width = 0, height = 0;
};

// Whether the face draws in colour from bitmap strikes (asked only of faces
// libharu cannot embed).
bool is_color_bitmap_face(FT_Face face);

// The glyph at the face's largest bitmap strike; nullopt when it has no
// bitmap (a space) or FreeType cannot load it.
std::optional<ColorGlyph> load_color_glyph(FT_Face face, std::uint32_t gid);

}  // namespace ks::hpdf
