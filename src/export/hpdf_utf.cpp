#include "export/hpdf_utf.h"

#include "text/utf8.h"

#include <cstdio>

namespace ks::hpdf {

std::u32string decode_utf8(std::string_view s) { return utf8_to_u32(s); }

void append_utf8(std::string& out, char32_t cp) { out += utf8_encode(cp); }

std::string encode_utf8(const std::u32string& s) {
    std::string out;
    for (char32_t cp : s) append_utf8(out, cp);
    return out;
}

std::vector<unsigned char> utf16be_with_bom(std::string_view utf8) {
    std::vector<unsigned char> out{0xFE, 0xFF};
    auto put = [&out](unsigned v) {
        out.push_back(static_cast<unsigned char>(v >> 8));
        out.push_back(static_cast<unsigned char>(v & 0xFF));
    };
    for (char32_t cp : decode_utf8(utf8)) {
        if (cp >= 0x10000) {
            const char32_t v = cp - 0x10000;
            put(0xD800 + (v >> 10));
            put(0xDC00 + (v & 0x3FF));
        } else {
            put(cp);
        }
    }
    return out;
}

bool is_default_ignorable(char32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return true;  // controls, incl. \n \t
    if (is_variation_selector(cp)) return true;
    switch (cp) {
        case 0x00AD:  // soft hyphen
        case 0x034F:  // combining grapheme joiner
        case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
        case 0x2028: case 0x2029:
        case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064:
        case 0xFEFF:
            return true;
        default:
            return false;
    }
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

}  // namespace ks::hpdf
