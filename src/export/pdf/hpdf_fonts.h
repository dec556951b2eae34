#pragma once
// Fonts for the libharu exporter: each TrueType file is loaded into the PDF
// once (embedded, subset, UTF-8 encoding) with its ToUnicode CMap replaced by
// a correct one, and opened once with FreeType for what libharu cannot do:
// cmap look-ups, advances as the PDF will state them, and glyph outlines
// (characters outside the BMP, shaped glyphs, faces libharu cannot embed).
#include <hpdf.h>

#include <cstdint>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "export/pdf/hpdf_font_subset.h"
#include "frame/frame.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include "util/c_handle.h"

namespace ks::hpdf {

class Document;

struct LoadedFont {
    HPDF_Font font = nullptr;  // null when libharu cannot use the face (CFF, …)
    std::string load_error;    // why, for the warning
    bool color_bitmaps = false;  // a colour bitmap face (emoji): glyphs are placed as images
    UniqueCPtr<FT_FaceRec_, FT_Done_Face> face;  // null if FreeType failed
    double units_per_em = 1000;
    // Glyph id libharu will draw for `cp` (its CID→GID map comes from the
    // same cmap); 0 when the face has no glyph for it.
    std::uint32_t glyph_for(char32_t cp) const;
    // Advance of `gid` exactly as the PDF's /W array states it, in points.
    double pdf_advance(std::uint32_t gid, double size) const;
    // Appends the outline of `gid` (non-zero winding) as path ops in the
    // coordinates of the run: origin at the pen position, y down, with
    // synthetic oblique `skew`.
    bool outline(std::uint32_t gid, double size, double skew, Point origin, std::vector<PathOp>& out) const;
};

class FontCache {
public:
    explicit FontCache(Document& doc);
    FontCache(const FontCache&) = delete;
    FontCache& operator=(const FontCache&) = delete;

    // Before any get(): a character the document shows in `face`. Faces
    // with usage are embedded from a reduced copy (see hpdf_font_subset.h).
    void note_usage(const FontFace& face, char32_t cp);

    // Loads (once) and returns the font; never null, check `font`/`face`.
    const LoadedFont& get(const FontFace& face);

    // An embedded face and a character it shows (a space where it can), for
    // invisible stand-in text that carries /ActualText over glyphs drawn as
    // images; {nullptr, 0} when the document embeds no font.
    std::pair<const LoadedFont*, char32_t> text_stand_in();

private:
    using Key = std::pair<std::string, int>;
    Document& doc_;
    UniqueCPtr<FT_LibraryRec_, FT_Done_FreeType> ft_;  // declared first: outlives the faces in fonts_
    std::map<Key, std::unique_ptr<LoadedFont>> fonts_;
    std::map<Key, std::set<char32_t>> usage_;
    std::vector<std::shared_ptr<const TempFile>> temp_files_;  // read by libharu until the file is saved
};

// The ToUnicode CMap written in place of libharu's (which uses
// `begincidrange`, invalid in a ToUnicode map): CIDs of libharu's UTF-8
// encoding are the BMP code points, so every 256-code block maps to itself
// with `beginbfrange`, surrogates excluded.
std::string identity_bmp_to_unicode_cmap();

}  // namespace ks::hpdf
