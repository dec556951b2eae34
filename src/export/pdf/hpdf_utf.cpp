#include "export/pdf/hpdf_utf.h"

#include "util/utf8.h"

namespace ks::hpdf {

std::vector<unsigned char> utf16be_with_bom(std::string_view utf8) {
    std::vector<unsigned char> out{0xFE, 0xFF};
    auto put = [&out](unsigned v) {
        out.push_back(static_cast<unsigned char>(v >> 8));
        out.push_back(static_cast<unsigned char>(v & 0xFF));
    };
    for (char32_t cp : utf8_to_u32(utf8)) {
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

}  // namespace ks::hpdf
