#pragma once
// The one UTF-8 codec of the project, and the one way to name a code point.
#include <cstddef>
#include <string>
#include <string_view>

namespace ks {

// Decodes the code point starting at s[i]; advances i. Invalid bytes decode
// as U+FFFD one byte at a time (pugixml has already validated the input).
char32_t utf8_next(std::string_view s, std::size_t& i);
std::string utf8_encode(char32_t cp);
std::u32string utf8_to_u32(std::string_view s);
inline void utf8_append(std::string& out, char32_t cp) { out += utf8_encode(cp); }

// "U+20BB7", "U+00E9": how diagnostics name a code point.
std::string code_point_name(char32_t cp);

}  // namespace ks
