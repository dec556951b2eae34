// JLREQ character classes (cl-01 … cl-27) and script tests.
#include <gtest/gtest.h>

#include <string_view>

#include "text/jlreq_classes.h"

namespace ks::text {
namespace {

void expect_class(std::u32string_view chars, JlreqClass k) {
    for (char32_t c : chars) EXPECT_EQ(jlreq_class(c), k) << "U+" << std::hex << static_cast<unsigned>(c);
}

TEST(JlreqClasses, PunctuationClasses) {
    expect_class(U"「『（［｛〈《【〔“‘(", JlreqClass::OpeningBracket);
    expect_class(U"」』）］｝〉》】〕”’)", JlreqClass::ClosingBracket);
    expect_class(U"‐〜゠–", JlreqClass::Hyphen);
    expect_class(U"！？‼⁇⁈⁉!?", JlreqClass::DividingPunctuation);
    expect_class(U"・：；", JlreqClass::MiddleDot);
    expect_class(U"。．", JlreqClass::FullStop);
    expect_class(U"、，", JlreqClass::Comma);
    expect_class(U"…‥—", JlreqClass::Inseparable);
    expect_class(U"ヽヾゝゞ々〻", JlreqClass::IterationMark);
    expect_class(U"ー", JlreqClass::ProlongedSoundMark);
    expect_class(U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇿ", JlreqClass::SmallKana);
    expect_class(U"¥$£€＃＄￥", JlreqClass::PrefixAbbreviation);
    expect_class(U"%％‰℃°′″¢", JlreqClass::PostfixAbbreviation);
    expect_class(U"\u3000", JlreqClass::IdeographicSpace);
}

TEST(JlreqClasses, Scripts) {
    expect_class(U"あいをん", JlreqClass::Hiragana);
    expect_class(U"アイヲンヴ", JlreqClass::Katakana);
    expect_class(U"漢字〆〇", JlreqClass::Ideographic);
    expect_class(U"0123456789０９", JlreqClass::Digit);
    expect_class(U"AZaz", JlreqClass::Western);
    expect_class(U" \t", JlreqClass::Space);
    for (char32_t c : std::u32string_view(U"あアー漢々ッ")) EXPECT_TRUE(is_japanese_letter(c));
    for (char32_t c : std::u32string_view(U"・、。「」A1 ")) EXPECT_FALSE(is_japanese_letter(c));
    for (char32_t c : std::u32string_view(U"、。「」・ー漢\u3000")) EXPECT_TRUE(is_cjk(c));
    for (char32_t c : std::u32string_view(U"Aa1 ,")) EXPECT_FALSE(is_cjk(c));
    EXPECT_TRUE(is_latin_letter(U'é'));
    EXPECT_FALSE(is_latin_letter(U'1'));
    EXPECT_TRUE(is_digit(U'５'));
    EXPECT_TRUE(is_word_char(U'.'));
    EXPECT_FALSE(is_word_char(U' '));
    EXPECT_FALSE(is_word_char(U'あ'));
    EXPECT_TRUE(is_western_for_spacing(U'A'));
    EXPECT_TRUE(is_western_for_spacing(U'7'));
    EXPECT_FALSE(is_western_for_spacing(U' '));
    EXPECT_FALSE(is_western_for_spacing(U'('));
    EXPECT_FALSE(is_western_for_spacing(U','));
    EXPECT_TRUE(is_western_for_spacing(U'%'));
    EXPECT_FALSE(is_western_for_spacing(U'Ａ'));  // full-width: no extra space
}

TEST(JlreqClasses, LineStartAndEndRules) {
    for (char32_t c : std::u32string_view(U"」）、。，．・：；！？ーっゃァヶ々ゝ％℃‐〜"))
        EXPECT_TRUE(is_line_start_prohibited(c)) << "U+" << std::hex << static_cast<unsigned>(c);
    for (char32_t c : std::u32string_view(U"「（あア漢A1¥"))
        EXPECT_FALSE(is_line_start_prohibited(c)) << "U+" << std::hex << static_cast<unsigned>(c);
    for (char32_t c : std::u32string_view(U"「（『【¥$￥＄＃"))
        EXPECT_TRUE(is_line_end_prohibited(c)) << "U+" << std::hex << static_cast<unsigned>(c);
    for (char32_t c : std::u32string_view(U"」）、。あA%"))
        EXPECT_FALSE(is_line_end_prohibited(c)) << "U+" << std::hex << static_cast<unsigned>(c);
    EXPECT_TRUE(is_inseparable(U'…'));
    EXPECT_FALSE(is_inseparable(U'。'));
}

TEST(JlreqClasses, CountersAfterNumbers) {
    for (char32_t c : std::u32string_view(U"以倍件台年月日秒兆億万個人%％円"))
        EXPECT_TRUE(is_counter(c)) << "U+" << std::hex << static_cast<unsigned>(c);
    for (char32_t c : std::u32string_view(U"のをはがA"))
        EXPECT_FALSE(is_counter(c)) << "U+" << std::hex << static_cast<unsigned>(c);
    EXPECT_TRUE(is_counter_continuation(U'以', U'上'));
    EXPECT_TRUE(is_counter_continuation(U'未', U'満'));
    EXPECT_TRUE(is_counter_continuation(U'ヶ', U'月'));
    EXPECT_FALSE(is_counter_continuation(U'以', U'の'));
}

}  // namespace
}  // namespace ks::text
