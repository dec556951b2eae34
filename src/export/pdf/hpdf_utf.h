#pragma once
// UTF-16 and code point classes for the libharu exporter (the UTF-8 codec
// itself is util/utf8.h).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ks::hpdf {

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

}  // namespace ks::hpdf
