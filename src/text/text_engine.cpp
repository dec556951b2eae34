#include "text/text_engine.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <unordered_map>
#include <stdexcept>

#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include "text/font_context.h"
#include "text/line_breaker.h"
#include "util/utf8.h"
#include "util/c_handle.h"

namespace ks {
namespace {

using PangoContextPtr = std::unique_ptr<PangoContext, void (*)(void*)>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, void (*)(void*)>;
using AttrListPtr = UniqueCPtr<PangoAttrList, pango_attr_list_unref>;
using FontDescPtr = UniqueCPtr<PangoFontDescription, pango_font_description_free>;

// A styled piece of one hard line (between <br/>s).
struct Piece {
    std::size_t begin = 0, end = 0;  // byte range in the segment text
    const Span* span = nullptr;
};

// One shaped cluster: the unit of line breaking and of drawing.
struct ShapedCluster {
    std::size_t text_begin = 0, text_end = 0;  // bytes in the segment text
    std::shared_ptr<const FontFace> face;
    int piece = -1;  // index into Segment::pieces
    double advance = 0;
    struct G {
        std::uint32_t id;
        double dx, dy, advance;
    };
    std::vector<G> glyphs;  // dx relative to the cluster's pen position
};

struct Segment {
    std::string text;
    std::vector<Piece> pieces;

    const Span* span_of(int piece) const { return piece >= 0 ? pieces[static_cast<std::size_t>(piece)].span : nullptr; }
};

// Shaping is linear in the font size (no hinting, no rounding), so each hard
// line is shaped once at a reference size and scaled: shrink-to-fit and
// repeated layouts then cost no new shaping.
constexpr double kReferenceSize = 64.0;

struct ShapedSegment {
    std::vector<ShapedCluster> clusters;  // at kReferenceSize
    struct Missing {
        std::size_t byte;
        char32_t code_point;
        int piece;
    };
    std::vector<Missing> missing;
};

// Identifies a segment's shaping: its text, the styles of its pieces and the families.
std::string shape_key(const Segment& seg, const TextStyle& style) {
    std::string key = style.family + '\x1f' + style.mono_family + (style.bold ? "\x1f" "B" : "\x1f" "R");
    for (const auto& p : seg.pieces) {
        key += '\x1f' + std::to_string(p.begin) + ',' + std::to_string(p.end) + ',';
        key += (p.span->bold ? 'b' : '-');
        key += (p.span->italic ? 'i' : '-');
        key += (p.span->code ? 'c' : '-');
    }
    key += '\x1e';
    key += seg.text;
    return key;
}

// Splits rich text at "\n" into hard lines of styled pieces.
std::vector<Segment> split_segments(const RichText& text) {
    std::vector<Segment> segments(1);
    for (const auto& span : text.spans) {
        std::size_t start = 0;
        while (start <= span.text.size()) {
            auto nl = span.text.find('\n', start);
            std::size_t stop = nl == std::string::npos ? span.text.size() : nl;
            if (stop > start) {
                auto& seg = segments.back();
                seg.pieces.push_back({seg.text.size(), seg.text.size() + (stop - start), &span});
                seg.text.append(span.text, start, stop - start);
            }
            if (nl == std::string::npos) break;
            segments.emplace_back();
            start = nl + 1;
        }
    }
    return segments;
}

}  // namespace

struct TextEngine::Impl {
    const FontContext& fonts;
    PangoContextPtr context{nullptr, g_object_unref};

    explicit Impl(const FontContext& f) : fonts(f) {
        context.reset(pango_font_map_create_context(f.font_map()));
        if (!context) throw std::runtime_error("cannot create a Pango context");
        pango_context_set_language(context.get(), pango_language_from_string("ja"));
        pango_context_set_base_dir(context.get(), PANGO_DIRECTION_LTR);
        pango_context_set_round_glyph_positions(context.get(), FALSE);
        UniqueCPtr<cairo_font_options_t, cairo_font_options_destroy> options(cairo_font_options_create());
        cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
        pango_cairo_context_set_font_options(context.get(), options.get());
        pango_cairo_context_set_resolution(context.get(), 72.0);
    }

    FontDescPtr description(const TextStyle& style, const Span* span) const {
        FontDescPtr desc(pango_font_description_new());
        bool code = span && span->code;
        pango_font_description_set_family(desc.get(), code ? style.mono_family.c_str() : style.family.c_str());
        pango_font_description_set_absolute_size(desc.get(), style.size * PANGO_SCALE);
        bool bold = style.bold || (span && span->bold);
        pango_font_description_set_weight(desc.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(desc.get(), span && span->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        return desc;
    }

    // Shapes one hard line as a single unbroken run of clusters, at the reference size.
    ShapedSegment shape_uncached(const Segment& seg, const TextStyle& ref_style) const {
        ShapedSegment out;
        if (seg.text.empty()) return out;
        PangoLayoutPtr layout(pango_layout_new(context.get()), g_object_unref);
        pango_layout_set_text(layout.get(), seg.text.data(), static_cast<int>(seg.text.size()));
        auto base = description(ref_style, nullptr);
        pango_layout_set_font_description(layout.get(), base.get());
        AttrListPtr attrs(pango_attr_list_new());
        for (const auto& piece : seg.pieces) {
            // Plain pieces use the base font: fewer attributes, as Pango's
            // attribute filtering is quadratic in their number.
            if (piece.span && !piece.span->bold && !piece.span->italic && !piece.span->code) continue;
            auto desc = description(ref_style, piece.span);
            PangoAttribute* a = pango_attr_font_desc_new(desc.get());
            a->start_index = static_cast<guint>(piece.begin);
            a->end_index = static_cast<guint>(piece.end);
            pango_attr_list_insert(attrs.get(), a);
        }
        pango_layout_set_attributes(layout.get(), attrs.get());

        // Pieces are sorted and disjoint: a binary search (a scan was quadratic in spans).
        auto piece_at = [&](std::size_t byte) -> int {
            auto it = std::upper_bound(seg.pieces.begin(), seg.pieces.end(), byte,
                                       [](std::size_t b, const auto& p) { return b < p.end; });
            if (it != seg.pieces.end() && byte >= it->begin) return static_cast<int>(it - seg.pieces.begin());
            return static_cast<int>(seg.pieces.size()) - 1;
        };

        PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), 0);
        for (GSList* l = line ? line->runs : nullptr; l; l = l->next) {
            auto* run = static_cast<PangoGlyphItem*>(l->data);
            PangoItem* item = run->item;
            PangoGlyphString* gs = run->glyphs;
            auto face = fonts.face_for(item->analysis.font);
            for (int g = 0; g < gs->num_glyphs;) {
                int cluster_start = gs->log_clusters[g];
                int h = g;
                ShapedCluster c;
                c.face = face;
                c.text_begin = static_cast<std::size_t>(item->offset + cluster_start);
                c.piece = piece_at(c.text_begin);
                double pen = 0;
                while (h < gs->num_glyphs && gs->log_clusters[h] == cluster_start) {
                    const PangoGlyphInfo& info = gs->glyphs[h];
                    double adv = info.geometry.width / double(PANGO_SCALE);
                    // Pango's markers become the frame's glyph contract here
                    // and nowhere else (frame/frame.h): exporters never see them.
                    std::uint32_t id = info.glyph;
                    if (id & PANGO_GLYPH_UNKNOWN_FLAG) {
                        std::size_t k = c.text_begin;
                        out.missing.push_back({c.text_begin, utf8_next(seg.text, k), c.piece});
                        id = kMissingGlyph;
                    }
                    if (id != PANGO_GLYPH_EMPTY)
                        c.glyphs.push_back({id, pen + info.geometry.x_offset / double(PANGO_SCALE),
                                            info.geometry.y_offset / double(PANGO_SCALE), adv});
                    pen += adv;
                    ++h;
                }
                c.advance = pen;
                int next_start = h < gs->num_glyphs ? gs->log_clusters[h] : item->length;
                c.text_end = static_cast<std::size_t>(item->offset + next_start);
                out.clusters.push_back(std::move(c));
                g = h;
            }
        }
        return out;
    }

    // The segment's clusters scaled to `style.size`, from the cache when possible.
    std::vector<ShapedCluster> shape(const Segment& seg, const TextStyle& style,
                                     std::vector<MissingCharacter>& missing) const {
        std::string key = shape_key(seg, style);
        std::shared_ptr<const ShapedSegment> shaped;
        {
            std::lock_guard lock(cache_mutex);
            if (auto it = shape_cache.find(key); it != shape_cache.end()) shaped = it->second;
        }
        if (!shaped) {
            TextStyle ref = style;
            ref.size = kReferenceSize;
            shaped = std::make_shared<const ShapedSegment>(shape_uncached(seg, ref));
            std::lock_guard lock(cache_mutex);
            shape_cache.emplace(key, shaped);
        }
        for (const auto& m : shaped->missing) {
            const Span* s = seg.span_of(m.piece);
            missing.push_back({m.code_point, s ? s->where : SourcePosition{}});
        }
        double k = style.size / kReferenceSize;
        std::vector<ShapedCluster> clusters = shaped->clusters;
        for (auto& c : clusters) {
            c.advance *= k;
            for (auto& g : c.glyphs) g.dx *= k, g.dy *= k, g.advance *= k;
        }
        return clusters;
    }

    // Ascent and descent per point of size, cached per face request.
    std::pair<double, double> ascent_descent(const TextStyle& style) const {
        std::string key = style.family + (style.bold ? "\x1f" "B" : "\x1f" "R");
        std::pair<double, double> unit;
        {
            std::lock_guard lock(cache_mutex);
            auto it = metrics_cache.find(key);
            if (it != metrics_cache.end()) unit = it->second;
        }
        if (unit.first == 0) {
            TextStyle ref = style;
            ref.size = kReferenceSize;
            auto [a, d] = measure_ascent_descent(ref);
            unit = {a / kReferenceSize, d / kReferenceSize};
            std::lock_guard lock(cache_mutex);
            metrics_cache[key] = unit;
        }
        return {unit.first * style.size, unit.second * style.size};
    }

    mutable std::mutex cache_mutex;
    mutable std::unordered_map<std::string, std::shared_ptr<const ShapedSegment>> shape_cache;
    mutable std::map<std::string, std::pair<double, double>> metrics_cache;

    std::pair<double, double> measure_ascent_descent(const TextStyle& style) const {
        auto desc = description(style, nullptr);
        UniqueCPtr<PangoFontMetrics, pango_font_metrics_unref> metrics(
            pango_context_get_metrics(context.get(), desc.get(), pango_language_from_string("ja")));
        return {pango_font_metrics_get_ascent(metrics.get()) / double(PANGO_SCALE),
                pango_font_metrics_get_descent(metrics.get()) / double(PANGO_SCALE)};
    }
};

TextEngine::TextEngine(const FontContext& fonts) : impl_(std::make_unique<Impl>(fonts)) {}
TextEngine::~TextEngine() = default;

bool TextBlock::overfull() const {
    return std::any_of(lines.begin(), lines.end(), [](const TextLine& l) { return l.overfull; });
}

static text::LineBreakOptions break_options(const TextStyle& style, double width) {
    text::LineBreakOptions o;
    o.width = width;
    o.em = style.size;
    o.jl_spacing_em = style.jl_spacing_em;
    o.heading = style.heading;
    o.prefer_phrases = style.prefer_phrases;
    o.justify = style.align == Align::Justify;
    return o;
}

TextBlock TextEngine::set(const RichText& text, const TextStyle& style, double width) const {
    TextBlock block;
    auto [ascent, descent] = impl_->ascent_descent(style);
    double line_box = style.size * style.line_height;
    double half_leading = (line_box - (ascent + descent)) / 2;

    int segment_index = -1;
    for (const auto& seg : split_segments(text)) {
        ++segment_index;
        auto clusters = impl_->shape(seg, style, block.missing);
        std::vector<text::BreakCluster> units;
        units.reserve(clusters.size());
        for (const auto& c : clusters) {
            std::size_t i = c.text_begin;
            char32_t first = utf8_next(seg.text, i);
            char32_t last = first;
            while (i < c.text_end) last = utf8_next(seg.text, i);
            units.push_back({first, last, c.advance, false});
        }
        std::vector<text::BrokenLine> broken;
        if (!units.empty()) broken = text::break_lines(units, break_options(style, width));
        if (broken.empty()) broken.push_back({});  // an empty hard line still takes a line box

        for (const auto& bl : broken) {
            TextLine line;
            line.top = block.height;
            line.baseline = line.top + half_leading + ascent;
            line.width = bl.width;
            line.overfull = bl.overfull;
            line.split_word = bl.split_word;
            line.inside_word = bl.inside_word;
            line.segment = segment_index;
            if (style.align == Align::Center) line.x = (width - bl.width) / 2;
            else if (style.align == Align::Right) line.x = width - bl.width;
            for (std::size_t k = bl.begin; k < bl.end; ++k) {
                const auto& c = clusters[k];
                double cx = bl.x[k - bl.begin];
                const Span* span = seg.span_of(c.piece);
                bool emphasis = span && span->bold;
                static const std::string kNoLink;
                const std::string& link = span ? span->href : kNoLink;
                Color color = !link.empty() ? style.link_color.value_or(style.emphasis_color)
                              : emphasis    ? style.emphasis_color
                                            : style.color;
                double skew = span && span->italic && !c.face->italic ? 0.2 : 0;
                bool new_run = line.runs.empty() || line.runs.back().run.font != c.face ||
                               !(line.runs.back().run.color == color) || line.runs.back().run.skew != skew ||
                               line.runs.back().run.link != link;  // a link is a run of its own
                if (new_run) {
                    PositionedRun pr;
                    pr.origin = {line.x + cx, line.baseline};
                    pr.run.font = c.face;
                    pr.run.size = style.size;
                    pr.run.skew = skew;
                    pr.run.color = color;
                    pr.run.link = link;
                    line.runs.push_back(std::move(pr));
                }
                auto& pr = line.runs.back();
                double rel = line.x + cx - pr.origin.x;
                auto tb = static_cast<std::uint32_t>(pr.run.text.size());
                pr.run.text.append(seg.text, c.text_begin, c.text_end - c.text_begin);
                auto te = static_cast<std::uint32_t>(pr.run.text.size());
                for (const auto& g : c.glyphs)
                    pr.run.glyphs.push_back({g.id, rel + g.dx, g.dy, g.advance, tb, te});
                if (c.glyphs.empty())  // keep the text addressable even with no ink (e.g. a zero-width char)
                    pr.run.glyphs.push_back({kNoInkGlyph, rel, 0, 0, tb, te});
                pr.run.width = rel + c.advance;
                line.text.append(seg.text, c.text_begin, c.text_end - c.text_begin);
            }
            block.width = std::max(block.width, line.width);
            block.height += line_box;
            block.lines.push_back(std::move(line));
        }
    }
    return block;
}

double TextEngine::natural_width(const RichText& text, const TextStyle& style) const {
    return set(text, style, 1e9).width;
}

RichText plain_text(const std::string& s) {
    RichText rt;
    rt.spans.push_back({s, false, false, false, {}});
    return rt;
}

}  // namespace ks
