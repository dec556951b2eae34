#pragma once
// Character classes of JLREQ (W3C "Requirements for Japanese Text Layout",
// §3.1 and Appendix A, cl-01 … cl-27) and the few script tests the line
// breaker needs. Pure functions over code points; no tables to load.
#include <cstdint>

namespace ks::text {

enum class JlreqClass : std::uint8_t {
    OpeningBracket = 1,        // cl-01 「『（［｛〈《【〔‘“ and ASCII ( [ {
    ClosingBracket = 2,        // cl-02 」』）］｝〉》】〕’” and ASCII ) ] }
    Hyphen = 3,                // cl-03 ‐ 〜 ゠ –
    DividingPunctuation = 4,   // cl-04 ！？‼⁇⁈⁉ and ASCII ! ?
    MiddleDot = 5,             // cl-05 ・：； and ASCII : ;
    FullStop = 6,              // cl-06 。． and ASCII .
    Comma = 7,                 // cl-07 、， and ASCII ,
    Inseparable = 8,           // cl-08 —…‥〳〴〵
    IterationMark = 9,         // cl-09 ヽヾゝゞ々〻
    ProlongedSoundMark = 10,   // cl-10 ー
    SmallKana = 11,            // cl-11 ぁぃぅ…ッャュョ…ㇰ-ㇿ
    PrefixAbbreviation = 12,   // cl-12 ¥ $ £ € # ￥＄￡＃
    PostfixAbbreviation = 13,  // cl-13 % ％ ‰ ℃ ° ′ ″ ¢
    IdeographicSpace = 14,     // cl-14 U+3000
    Hiragana = 15,             // cl-15
    Katakana = 16,             // cl-16
    MathSymbol = 17,           // cl-17 ＝≠≒…
    MathOperator = 18,         // cl-18 ＋−×÷…
    Ideographic = 19,          // cl-19 kanji, 〆〇
    Digit = 23,                // cl-23 0-9 (and full-width ０-９)
    Western = 27,              // cl-27 Latin letters and other Western characters
    Space = 28,                // U+0020, tab, newline: a breaking space
    Other = 29,                // symbols, emoji, anything else
};

JlreqClass jlreq_class(char32_t c);

// JLREQ 3.1.7: characters not starting a line (cl-02 … cl-07, cl-09 … cl-11,
// cl-13, and ― U+2015) and not ending a line (cl-01, cl-12).
bool is_line_start_prohibited(char32_t c);
bool is_line_end_prohibited(char32_t c);
// cl-08: no break between two of these (……, ‥‥).
bool is_inseparable(char32_t c);

bool is_hiragana(char32_t c);   // incl. small kana and iteration marks
bool is_katakana(char32_t c);   // incl. small, ー, half-width forms
bool is_ideograph(char32_t c);  // kanji, 々〆〇
// Kana and kanji: the letters of Japanese, not punctuation or brackets.
bool is_japanese_letter(char32_t c);
// Any character of Japanese text: letters, punctuation, brackets, full-width
// forms, U+3000.
bool is_cjk(char32_t c);

bool is_latin_letter(char32_t c);  // ASCII and Latin-1/Extended letters, Greek, Cyrillic
bool is_ascii_digit(char32_t c);
bool is_digit(char32_t c);         // ASCII or full-width
bool is_breaking_space(char32_t c);  // U+0020, tab, newline (consumed at a break)
// Characters that form Western words, which are kept whole: half-width
// letters, digits and ASCII punctuation other than space, and full-width
// letters/digits.
bool is_word_char(char32_t c);
// Western characters next to which kana and kanji get the Japanese–Latin
// spacing (JLREQ 3.2.2): Latin letters, ASCII digits and % $ & # @, not
// brackets or punctuation.
bool is_western_for_spacing(char32_t c);

// A unit or counter that stays with a preceding number (5000以上, 3.5倍,
// 2025年, 99%). See also is_counter_continuation for 以上/以下/未満.
bool is_counter(char32_t c);
// Second character of a two-character counter (上 of 以上, 満 of 未満).
bool is_counter_continuation(char32_t first, char32_t second);

}  // namespace ks::text
