#pragma once
// The handout's print colours and text styles: dark grey text (softer than
// black on a laser printer), hairlines light enough not to compete with the
// slides. Shared by the handout's page layout (layout/) and its imposer.
#include <optional>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "frame/shapes.h"
#include "layout/table_layout.h"
#include "text/text_engine.h"

namespace ks::print {

constexpr Color kText{0.13, 0.13, 0.15, 1};
constexpr Color kMuted{0.40, 0.40, 0.43, 1};
constexpr Color kRule{0.62, 0.62, 0.65, 1};
constexpr Color kSlideFrame{0.50, 0.50, 0.53, 1};
constexpr Color kNoteLine{0.78, 0.78, 0.80, 1};
constexpr Color kAccent{0.09, 0.23, 0.45, 1};
constexpr Color kConfidential{0.72, 0.09, 0.09, 1};
constexpr Color kCodeFill{0.95, 0.95, 0.96, 1};
constexpr Color kHeaderFill{0.90, 0.92, 0.95, 1};
constexpr Color kStripe{0.97, 0.97, 0.98, 1};
// Tables in the handout (table_style(cell, kTablePalette), as slides use
// table_style with their layout set's palette).
constexpr TablePalette kTablePalette{kHeaderFill, kText, kStripe, kRule, kMuted};

constexpr double kFurnitureSize = 8.5;  // header/footer text, points
constexpr double kNoteSpacing = 20;  // ruled lines (about 7 mm, like a notebook)

// The families the handout sets its text in: the layout set's sans and mono.
struct Fonts {
    std::string family = "BIZ UDPGothic";
    std::string mono_family = "BIZ UDGothic";

    TextStyle style(double size, Color color, bool bold = false, double line_height = 1.45) const {
        TextStyle st;
        st.family = family;
        st.mono_family = mono_family;
        st.size = size;
        st.color = color;
        st.emphasis_color = color;
        st.bold = bold;
        st.line_height = line_height;
        return st;
    }
};

// Ruled lines for the reader's own notes from y0 (exclusive) down to y1.
inline void note_lines(std::vector<PositionedItem>& out, double x0, double x1, double y0, double y1) {
    for (double y = y0 + kNoteSpacing; y <= y1 + 0.01; y += kNoteSpacing) out.push_back({{x0, y}, line_shape(x1 - x0, 0, kNoteLine, 0.4)});
}

}  // namespace ks::print
