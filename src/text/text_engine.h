#pragma once
// Sets rich text into lines of glyph runs. The only public face of the text
// module: Pango is used inside and never leaks out.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "model/deck.h"
#include "style/text_style.h"

namespace ks {

class FontContext;

struct PositionedRun {
    Point origin;  // baseline origin relative to the text block's top-left
    GlyphRun run;
};

struct TextLine {
    std::string text;   // exactly the characters shown on this line
    double x = 0;       // left edge of the line relative to the block
    double top = 0;     // top of the line box relative to the block
    double baseline = 0;
    double width = 0;
    bool overfull = false;
    bool split_word = false;  // torn inside a token wider than the line with no break point of its own
    bool inside_word = false; // ends inside a word (a long URL at a '/', a katakana word, or torn)
    int segment = 0;    // which hard line (between <br/>s) this line belongs to
    std::vector<PositionedRun> runs;
};

struct MissingCharacter {
    char32_t code_point = 0;
    SourcePosition where;
};

struct TextBlock {
    std::vector<TextLine> lines;
    double width = 0;   // widest line
    double height = 0;  // sum of line boxes
    std::vector<MissingCharacter> missing;  // characters no font could draw
    bool overfull() const;
};

class TextEngine {
public:
    explicit TextEngine(const FontContext& fonts);
    ~TextEngine();
    TextEngine(const TextEngine&) = delete;
    TextEngine& operator=(const TextEngine&) = delete;

    // Lays out `text` in a column of `width` points. Deterministic and
    // side-effect free apart from internal caches.
    TextBlock set(const RichText& text, const TextStyle& style, double width) const;

    // Natural width of the text on one line (for table column sizing).
    double natural_width(const RichText& text, const TextStyle& style) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

RichText plain_text(const std::string& s);

}  // namespace ks
