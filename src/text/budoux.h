#pragma once
// Phrase boundaries of Japanese text as BudouX computes them (Google's
// BudouX, Apache-2.0: a sum of the weights of n-gram features around each
// position). The Japanese model is vendored as src/text/budoux/ja.json and
// embedded in the binary; it is parsed once, on first use, thread-safely.
#include <cstddef>
#include <string_view>
#include <vector>

namespace ks::text {

// Indices i (0 < i < text.size()) where a phrase starts, ascending.
// Same result as BudouX's Parser.parseBoundaries for text in the BMP (JS
// indexes UTF-16 units; we index code points).
std::vector<std::size_t> budoux_phrase_boundaries(std::u32string_view text);

// Splits text into phrases at those boundaries.
std::vector<std::u32string_view> budoux_phrases(std::u32string_view text);

}  // namespace ks::text
