#pragma once
// Small UTF-8 / UTF-16 helpers for the libharu exporter (no ICU needed for
// what it does: decode clusters, classify code points, build PDF text
// strings).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ks::hpdf {

// Decodes UTF-8; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view s);
void append_utf8(std::string& out, char32_t cp);
std::string encode_utf8(const std::u32string& s);

// UTF-16BE with a byte order mark: the PDF "text string" form that every
// reader understands for non-Latin document info and bookmark titles.
std::vector<unsigned char> utf16be_with_bom(std::string_view utf8);

// Code points that have no ink of their own and that libharu would draw as
// a space or a .notdef box: variation selectors, joiners, zero-width
// spaces, controls, BOM.
bool is_default_ignorable(char32_t cp);
inline bool is_variation_selector(char32_t cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
           (cp >= 0x180B && cp <= 0x180D);
}
inline bool in_bmp(char32_t cp) { return cp <= 0xFFFF && !(cp >= 0xD800 && cp <= 0xDFFF); }

// "U+20BB7"
std::string code_point_name(char32_t cp);

}  // namespace ks::hpdf
