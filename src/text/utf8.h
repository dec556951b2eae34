#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ks {

// Decodes the code point starting at s[i]; advances i. Invalid bytes decode
// as U+FFFD one byte at a time (pugixml has already validated the input).
char32_t utf8_next(std::string_view s, std::size_t& i);
std::string utf8_encode(char32_t cp);
std::u32string utf8_to_u32(std::string_view s);

}  // namespace ks
