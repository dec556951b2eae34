#pragma once
// How a piece of text is set: what the layout set (theme/) specifies and the
// text engine (text/) sets. Its own layer, so that the theme does not reach
// into the text engine for two plain types.
#include <optional>
#include <string>

#include "frame/frame.h"

namespace ks {

enum class Align { Left, Center, Right, Justify };

struct TextStyle {
    std::string family = "BIZ UDPGothic";
    std::string mono_family = "BIZ UDGothic";
    double size = 24;
    double line_height = 1.45;  // baseline-to-baseline, multiple of size
    bool bold = false;          // whole text bold
    Color color;
    Color emphasis_color;       // colour of <b> spans
    std::optional<Color> link_color;  // colour of link spans (<a>, URLs); unset: emphasis_color
    Align align = Align::Left;
    bool heading = false;       // phrase-boundary breaks, balanced lines
    bool prefer_phrases = true; // body text: break between phrases when the line stays full
    double jl_spacing_em = 0.25;
};

}  // namespace ks
