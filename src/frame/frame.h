#pragma once
// A laid-out page: a size plus positioned items. Frames are immutable values
// produced by layout (and the handout imposer) and drawn by every exporter
// through a Document (frame/document.h). Units are points, origin top-left,
// y grows downwards. See docs/ARCHITECTURE.md.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "frame/color.h"
#include "frame/hatch.h"
#include "frame/layout_record.h"

#include "util/image_format.h"

namespace ks {

struct Point {
    double x = 0, y = 0;
};

// A font face on disk; the same file is used by Cairo and libharu so slides
// and handouts share metrics.
struct FontFace {
    std::string file;
    int index = 0;
    std::string family;  // for diagnostics and the dump
    bool bold = false;
    bool italic = false;  // a real italic/oblique face (else italic is synthesised by skew)
    bool operator==(const FontFace&) const = default;
};

// The glyph contract (docs/ARCHITECTURE.md, "Glyphs"). Glyph::id is always
// in terms of the run's own font, never a shaper's private marker; the text
// engine converts Pango's markers in one place, when it builds the frame.
//  - kNoInkGlyph: the cluster has text but nothing to draw (a zero-width
//    space, a joiner, a variation selector). Exporters draw nothing and keep
//    the text (searchable, /ActualText).
//  - kMissingGlyph (0, .notdef): no configured font has the character.
//    Exporters draw a visible box, never nothing; layout has already warned
//    with the source position.
//  - anything else: a real glyph index of GlyphRun::font, drawn where the
//    frame says. An exporter that writes text by character (libharu maps
//    characters through the font's cmap) draws a glyph by its outline when
//    the cmap would pick another glyph (ligatures, substitutions,
//    characters outside the BMP, vertical offsets): "outline-drawn", still
//    the same glyph at the same place.
constexpr std::uint32_t kNoInkGlyph = 0xFFFFFFFFu;
constexpr std::uint32_t kMissingGlyph = 0;

struct Glyph {
    std::uint32_t id = 0;        // glyph index in the font; see the glyph contract above
    double x = 0;                // pen position relative to the run origin
    double y_offset = 0;         // downwards
    double advance = 0;          // natural advance
    std::uint32_t text_begin = 0;  // byte range of this glyph's cluster in GlyphRun::text
    std::uint32_t text_end = 0;
};

// Shaped text on one baseline in one font. The item position is the
// baseline origin of the run.
struct GlyphRun {
    std::shared_ptr<const FontFace> font;
    double size = 12;      // em size in points
    double skew = 0;       // synthetic oblique (tan of the angle), 0 = upright
    Color color;
    std::string text;      // UTF-8 text exactly as written
    std::vector<Glyph> glyphs;
    double width = 0;      // extent of the run including spacing
    // A link on the whole run: an absolute http(s) URI, or "#slide-id" for a
    // slide of the same deck (Document::anchors gives its page). Empty: none.
    std::string link;
};

struct PathOp {
    enum class Kind { MoveTo, LineTo, CurveTo, Close } kind;
    Point p[3];
};

struct Shape {
    enum class Kind { Rect, Line, Path } kind = Kind::Rect;
    double w = 0, h = 0;                // Rect size; Line goes to (w, h) relative
    std::vector<PathOp> path;           // Path, relative to the item position
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double stroke_width = 1;
    double corner_radius = 0;           // Rect only
    std::optional<Hatch> hatch;         // Rect only (no corners): stripes over the fill
};

// An image file drawn into (0, 0, w, h), aspect kept by the layout. A
// cropped image (fit="cover") is an ImageItem larger than its place inside
// a clipped Group.
struct ImageItem {
    std::string path;   // PNG, JPEG or SVG file
    double w = 0, h = 0;
    ImageFormat format = ImageFormat::Unknown;  // from the file's first bytes; Unknown: the exporter sniffs
};

// 2D affine transform [a b c d e f] as in PDF/Cairo: x' = a x + c y + e.
struct Transform {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    static Transform scale(double s) { return {s, 0, 0, s, 0, 0}; }
};

struct Frame;

struct Group {
    std::shared_ptr<const Frame> frame;
    Transform transform;  // applied after moving to the item position
    bool clip = false;    // clip to the sub-frame's bounds
};

using Item = std::variant<Group, GlyphRun, Shape, ImageItem>;

// What an item is in the document's logical structure (tagged PDF): a
// structure element with its role (P, H1, L, LI, Table, TR, TH, TD, Figure,
// …), alt text for a Figure, and its parent element. Consecutive items with
// the same tag form one element; items without a tag (the master's
// furniture, backgrounds) are not content. Frame order is reading order.
struct StructTag {
    std::string role;
    std::string alt;
    std::shared_ptr<const StructTag> parent;
};

struct PositionedItem {
    Point pos;
    Item item;
    std::shared_ptr<const StructTag> tag;  // null: not part of the structure
};

// The structure elements an item is in, outermost first.
inline std::vector<const StructTag*> tag_chain(const PositionedItem& item) {
    std::vector<const StructTag*> chain;
    for (const StructTag* t = item.tag.get(); t; t = t->parent.get()) chain.insert(chain.begin(), t);
    return chain;
}

// How many elements of `open` (outermost first) `chain` is still inside.
inline std::size_t common_tags(const std::vector<const StructTag*>& open, const std::vector<const StructTag*>& chain) {
    std::size_t n = 0;
    while (n < open.size() && n < chain.size() && open[n] == chain[n]) ++n;
    return n;
}

struct Frame {
    double width = 0, height = 0;
    std::optional<Color> background;
    std::vector<PositionedItem> items;
    LayoutRecord record;  // slides only: what layout placed, for the layout dump

    void push(Point pos, Item item, std::shared_ptr<const StructTag> tag = nullptr) {
        items.push_back({pos, std::move(item), std::move(tag)});
    }
};

}  // namespace ks
