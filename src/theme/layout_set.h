#pragma once
// Layout sets are data (layouts/*.xml): slide size, colours, fonts, the
// master decoration and named slide layouts made of placeholder boxes.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "frame/frame.h"
#include "style/text_style.h"

namespace ks {

enum class VAlign { Top, Middle, Bottom };

// A placeholder: where a slide's title, body, … goes and how it is set.
struct BoxSpec {
    std::string role;      // title, subtitle, body, image, caption, meta, footer, page-number, text
    double x = 0, y = 0, w = 0, h = 0;
    TextStyle style;
    double min_size = 0;   // shrink-to-fit stops here (0 = size, no shrinking); the body text floor
    // Floors of the smaller kinds of body text (points): nested list levels,
    // table cells (and table captions), code, captions (image captions,
    // cites, big-number notes). Fitting shrinks each kind with the body
    // until it reaches its floor, then continues onto more slides.
    double nested_min_size = 16;
    double cell_min_size = 14;
    double code_min_size = 14;
    double caption_min_size = 14;
    VAlign valign = VAlign::Top;
    std::string text;      // template for footer/meta/text boxes: {title} {date} {page} …
    std::optional<Color> fill;
    // body settings
    double indent = 28;           // per list level
    double item_gap = 0.35;       // space between items, in em
    double paragraph_gap = 0.6;   // space after a paragraph, in em
    double table_scale = 0.8;     // table text size relative to body text
    Color bullet_color;
    Color table_header_fill, table_header_text, table_stripe, table_rule;
    double image_min = 0.4;       // an image shrinks to this share of the box height, else moves on
    Color muted_color;            // captions, cites, the code continuation mark
    Color code_fill;              // background of <pre>
    double column_gap = 32;       // gutter between <column>s
    std::optional<Color> column_rule;  // a thin rule in the gutter, if set
    SourcePosition where;         // the <box> element, for font errors
    std::vector<Color> palette;   // chart series colours, from the set's <palette>
    Color paper{1, 1, 1, 1};      // the background the box is drawn on (its layout's, else the set's)
    std::optional<Color> link_color;  // link text, from the set's <links color>; unset: the emphasis colour
    bool link_underline = true;
};

// The readable floors on the 960 x 540 pt slide (1920 x 1080 px at the
// default scale): no layout set sets text below them. A set with another
// slide size scales them with its width.
struct ReadableFloors {
    static constexpr double kReferenceWidth = 960;
    static constexpr double kBody = 18;     // body text
    static constexpr double kNested = 16;   // nested list levels
    static constexpr double kSmall = 14;    // table cells, code, captions, notes, chart labels
};

struct RectSpec {
    double x = 0, y = 0, w = 0, h = 0;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double stroke_width = 1;
};

// A logo image (PNG, JPEG or SVG) fitted into (x, y, w, h), aspect kept,
// centred in that rectangle.
struct LogoSpec {
    std::string src;   // as written
    std::string path;  // relative to the layout-set file, resolved
    double x = 0, y = 0, w = 0, h = 0;
    double image_w = 0, image_h = 0;  // the file's size (pixels), for the aspect
    ImageFormat format = ImageFormat::Unknown;
    SourcePosition where;
};

struct LayoutSpec {
    std::string name;
    std::optional<Color> background;
    bool master = true;  // draw the master's decoration
    std::vector<RectSpec> rects;
    std::vector<LogoSpec> logos;
    std::vector<BoxSpec> boxes;
    const BoxSpec* box(const std::string& role) const;
};

struct LayoutSet {
    std::string name;
    std::string file;
    double width = 960, height = 540;
    Color background{1, 1, 1, 1};
    std::map<std::string, std::string> fonts;  // role (sans, serif, mono) → family
    SourcePosition fonts_where;                // the <fonts> element, for font errors
    std::string continued_mark = "\uFF08続き\uFF09";  // appended to the title of continuation slides
    LayoutSpec master;
    std::map<std::string, LayoutSpec> layouts;
    std::vector<Color> palette;  // chart series colours in order (<palette>)

    const LayoutSpec* find(const std::string& name) const;
    std::vector<std::string> names() const;
};

std::optional<LayoutSet> load_layout_set(const std::string& path, Diagnostics& diags);

}  // namespace ks
