#pragma once
// A reduced copy of a TrueType face for what a document shows, glyph ids
// unchanged: its cmap maps only the characters in use (in few segments: a
// reader that searches them linearly, as libharu does for all 65,536 BMP
// code points and Cairo does to find a glyph's character, stays fast), its
// hmtx keeps only their metrics and its glyf only their outlines (and their
// components'); every other glyph is empty. The frame's glyph ids, a
// CIDToGIDMap and outlines drawn from the original file all stay valid.
// Used by the handout (libharu copies the cmap and hmtx whole into the PDF)
// and by slides.pdf (Cairo looks each glyph's character up in the cmap).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ks {

// `ttf`: a whole TrueType file (not a collection). `chars`: BMP code point →
// glyph id, for every character the document shows in this face.
// `more_glyphs`: glyphs drawn that no character in `chars` maps to (shaped
// alternates), whose outlines and metrics stay too.
// Returns the reduced font, or nullopt (with `why`) when it cannot be done,
// in which case the caller uses the original.
std::optional<std::string> reduce_truetype(std::string_view ttf, const std::map<std::uint16_t, std::uint16_t>& chars,
                                           std::string& why, const std::vector<std::uint16_t>& more_glyphs = {});

}  // namespace ks
