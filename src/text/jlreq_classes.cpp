#include "text/jlreq_classes.h"

namespace ks::text {
namespace {

// The punctuation classes as one switch (a jump table or binary search,
// not a scan).
bool punctuation_class(char32_t c, JlreqClass& out) {
    switch (c) {
        case U'‘': case U'“': case U'（': case U'〔': case U'［': case U'｛': case U'〈': case U'《':
        case U'「': case U'『': case U'【': case U'｟': case U'〘': case U'〖': case U'«': case U'〝':
        case U'(': case U'[': case U'{': case U'｢': case U'⦅':
            out = JlreqClass::OpeningBracket;
            return true;
        case U'’': case U'”': case U'）': case U'〕': case U'］': case U'｝': case U'〉': case U'》':
        case U'」': case U'』': case U'】': case U'｠': case U'〙': case U'〗': case U'»': case U'〟':
        case U')': case U']': case U'}': case U'｣': case U'⦆':
            out = JlreqClass::ClosingBracket;
            return true;
        case U'‐': case U'〜': case U'゠': case U'–': case U'～':
            out = JlreqClass::Hyphen;
            return true;
        case U'！': case U'？': case U'‼': case U'⁇': case U'⁈': case U'⁉': case U'!': case U'?':
            out = JlreqClass::DividingPunctuation;
            return true;
        case U'・': case U'：': case U'；': case U':': case U';': case U'･':
            out = JlreqClass::MiddleDot;
            return true;
        case U'。': case U'．': case U'.': case U'｡':
            out = JlreqClass::FullStop;
            return true;
        case U'、': case U'，': case U',': case U'､':
            out = JlreqClass::Comma;
            return true;
        case U'—': case U'…': case U'‥': case U'〳': case U'〴': case U'〵': case U'―':
            out = JlreqClass::Inseparable;
            return true;
        case U'ヽ': case U'ヾ': case U'ゝ': case U'ゞ': case U'々': case U'〻':
            out = JlreqClass::IterationMark;
            return true;
        case U'ー': case U'ｰ':
            out = JlreqClass::ProlongedSoundMark;
            return true;
        case U'ぁ': case U'ぃ': case U'ぅ': case U'ぇ': case U'ぉ': case U'っ': case U'ゃ': case U'ゅ':
        case U'ょ': case U'ゎ': case U'ゕ': case U'ゖ': case U'ァ': case U'ィ': case U'ゥ': case U'ェ':
        case U'ォ': case U'ッ': case U'ャ': case U'ュ': case U'ョ': case U'ヮ': case U'ヵ': case U'ヶ':
        case U'ｧ': case U'ｨ': case U'ｩ': case U'ｪ': case U'ｫ': case U'ｬ': case U'ｭ': case U'ｮ':
        case U'ｯ':
            out = JlreqClass::SmallKana;
            return true;
        case U'¥': case U'$': case U'£': case U'€': case U'#': case U'￥': case U'＄': case U'￡':
        case U'＃': case U'№': case U'₩': case U'￦':
            out = JlreqClass::PrefixAbbreviation;
            return true;
        case U'%': case U'％': case U'‰': case U'‱': case U'℃': case U'℉': case U'°': case U'′':
        case U'″': case U'¢': case U'￠': case U'ℓ':
            out = JlreqClass::PostfixAbbreviation;
            return true;
        case U'＝': case U'≠': case U'≒': case U'≦': case U'≧': case U'＜': case U'＞': case U'≪':
        case U'≫': case U'∈': case U'∋': case U'⊆': case U'⊇': case U'⊂': case U'⊃': case U'∪':
        case U'∩':
            out = JlreqClass::MathSymbol;
            return true;
        case U'＋': case U'－': case U'−': case U'×': case U'÷': case U'±': case U'∓':
            out = JlreqClass::MathOperator;
            return true;
        default:
            return false;
    }
}

bool counter_char(char32_t c) {
    switch (c) {
        case U'以': case U'未': case U'倍': case U'件': case U'台': case U'年': case U'月': case U'日': case U'時': case U'分':
        case U'秒': case U'兆': case U'億': case U'万': case U'千': case U'百': case U'個': case U'人': case U'名': case U'回':
        case U'社': case U'円': case U'割': case U'位': case U'番': case U'週': case U'歳': case U'才': case U'度': case U'本':
        case U'枚': case U'点': case U'種': case U'代': case U'期': case U'号': case U'階': case U'行': case U'文': case U'字':
        case U'語': case U'色': case U'桁': case U'部': case U'章': case U'節': case U'項': case U'条': case U'箇': case U'ヶ':
        case U'ヵ': case U'カ': case U'か': case U'つ': case U'%': case U'％': case U'‰': case U'℃': case U'°': case U'超':
        case U'強': case U'弱': case U'余': case U'程': case U'世': case U'泊': case U'杯': case U'匹': case U'頭': case U'冊':
        case U'通': case U'席': case U'票': case U'戸': case U'軒': case U'校': case U'店':
            return true;
        default:
            return false;
    }
}
}  // namespace

bool is_hiragana(char32_t c) { return (c >= 0x3041 && c <= 0x309F) || c == 0x1B001 || c == 0x1B11F; }

bool is_katakana(char32_t c) {
    return (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0xFF66 && c <= 0xFF9F) || (c >= 0x32D0 && c <= 0x32FE) || c == 0x1B000;
}

bool is_ideograph(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3005 ||
           c == 0x3006 || c == 0x3007 || c == 0x303B || (c >= 0x2E80 && c <= 0x2FDF);
}

bool is_japanese_letter(char32_t c) {
    if (c == U'・' || c == U'゠' || c == U'･') return false;  // punctuation inside the kana block
    return is_hiragana(c) || is_katakana(c) || is_ideograph(c);
}

bool is_cjk(char32_t c) {
    return is_japanese_letter(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65) ||
           (c >= 0xFFE0 && c <= 0xFFEE) || c == U'・' || c == U'゠' || (c >= 0x3200 && c <= 0x33FF) ||
           (c >= 0xFE30 && c <= 0xFE4F);
}

bool is_latin_letter(char32_t c) {
    if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) return true;
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
    return (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF) || (c >= 0x1E00 && c <= 0x1EFF);
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_digit(char32_t c) { return is_ascii_digit(c) || (c >= 0xFF10 && c <= 0xFF19); }

bool is_breaking_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029 ||
           c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x200A;
}

bool is_word_char(char32_t c) {
    if (c > 0x20 && c < 0x7F) return true;
    if (is_latin_letter(c)) return true;
    if (c == 0xA0 || c == 0x2011 || c == 0x2060) return true;  // no-break space, hyphen, joiner
    if (c >= 0xFF10 && c <= 0xFF19) return true;              // full-width digits
    if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return true;
    return false;
}

bool is_western_for_spacing(char32_t c) {
    // Letters and digits, and the signs written against numbers (99%, $5);
    // not brackets or punctuation: "(巨勢 氏)" takes no extra space.
    return is_latin_letter(c) || is_ascii_digit(c) || c == U'%' || c == U'$' || c == U'&' || c == U'#' ||
           c == U'@';
}

JlreqClass jlreq_class(char32_t c) {
    JlreqClass k = JlreqClass::Other;
    if (c >= 0x21 && punctuation_class(c, k)) {
        // Small kana are also in the kana ranges below; the switch wins.
        return k;
    }
    if (c >= 0x31F0 && c <= 0x31FF) return JlreqClass::SmallKana;
    if (c == 0x3000) return JlreqClass::IdeographicSpace;
    if (is_breaking_space(c)) return JlreqClass::Space;
    if (is_hiragana(c)) return JlreqClass::Hiragana;
    if (is_katakana(c)) return JlreqClass::Katakana;
    if (is_ideograph(c)) return JlreqClass::Ideographic;
    if (is_digit(c)) return JlreqClass::Digit;
    if (is_word_char(c)) return JlreqClass::Western;
    return JlreqClass::Other;
}

bool is_line_start_prohibited(char32_t c) {
    if (c == U'―') return true;  // U+2015, used as a dash: kept off the line start like ‐ and 〜
    switch (jlreq_class(c)) {
        case JlreqClass::ClosingBracket:
        case JlreqClass::Hyphen:
        case JlreqClass::DividingPunctuation:
        case JlreqClass::MiddleDot:
        case JlreqClass::FullStop:
        case JlreqClass::Comma:
        case JlreqClass::IterationMark:
        case JlreqClass::ProlongedSoundMark:
        case JlreqClass::SmallKana:
        case JlreqClass::PostfixAbbreviation:
            return true;
        default:
            return false;
    }
}

bool is_line_end_prohibited(char32_t c) {
    const JlreqClass k = jlreq_class(c);
    return k == JlreqClass::OpeningBracket || k == JlreqClass::PrefixAbbreviation;
}

bool is_inseparable(char32_t c) { return jlreq_class(c) == JlreqClass::Inseparable; }

bool is_counter(char32_t c) { return counter_char(c); }

bool is_counter_continuation(char32_t first, char32_t second) {
    switch (first) {
        case U'以':
            return second == U'上' || second == U'下' || second == U'内' || second == U'外' ||
                   second == U'前' || second == U'後' || second == U'降' || second == U'来';
        case U'未': return second == U'満';
        case U'ヶ': case U'ヵ': case U'カ': case U'か': case U'箇':
            return second == U'月' || second == U'所' || second == U'国' || second == U'年';
        case U'時': return second == U'間';
        case U'分': return second == U'間';
        case U'年': return second == U'間' || second == U'度' || second == U'代';
        case U'日': return second == U'間';
        case U'世': return second == U'紀' || second == U'代';
        case U'文': return second == U'字';
        case U'万': case U'億': case U'兆': return second == U'円' || second == U'人' || second == U'件' || second == U'台';
        default: return false;
    }
}

}  // namespace ks::text
