#include "export/cairo/cairo_painter.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "frame/hatch_bands.h"
#include "image/image_store.h"
#include "image/svg_image.h"

namespace ks {

CairoPainter::CairoPainter() : font_options_(cairo_font_options_create()) {
    // Unhinted outlines and metrics: the positions in the frame are exact.
    cairo_font_options_set_hint_style(font_options_.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(font_options_.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(font_options_.get(), CAIRO_ANTIALIAS_GRAY);
}

CairoPainter::~CairoPainter() = default;

namespace {

// A colour font (Noto Color Emoji's bitmaps) draws in colour only when its
// glyphs are loaded with FT_LOAD_COLOR, which a font face made from a
// fontconfig pattern does not ask for (it draws nothing): such faces are
// opened through FreeType. Null for any other face. The FreeType library
// lives as long as the process, since Cairo may release a face (and so call
// FT_Done_Face) after every painter is gone.
cairo_font_face_t* color_font_face(const std::string& file, int index) {
    static FT_Library library = [] {
        FT_Library l = nullptr;
        return FT_Init_FreeType(&l) == 0 ? l : nullptr;
    }();
    if (!library) return nullptr;
    FT_Face face = nullptr;
    if (FT_New_Face(library, file.c_str(), index, &face) != 0) return nullptr;
    if (!FT_HAS_COLOR(face)) {
        FT_Done_Face(face);
        return nullptr;
    }
    cairo_font_face_t* cf = cairo_ft_font_face_create_for_ft_face(face, FT_LOAD_COLOR);
    static const cairo_user_data_key_t kFaceKey{};
    if (cairo_font_face_set_user_data(cf, &kFaceKey, face, [](void* f) { FT_Done_Face(static_cast<FT_Face>(f)); }) !=
        CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(cf);
        FT_Done_Face(face);
        return nullptr;
    }
    return cf;
}


}  // namespace

cairo_font_face_t* CairoPainter::face(const FontFace& font) const {
    std::string key = font.file + "#" + std::to_string(font.index);
    std::lock_guard lock(mutex_);
    auto& slot = faces_[key];
    if (!slot) slot.reset(color_font_face(font.file, font.index));
    if (!slot) {
        UniqueCPtr<FcPattern, FcPatternDestroy> pattern(FcPatternCreate());
        FcPatternAddString(pattern.get(), FC_FILE, reinterpret_cast<const FcChar8*>(font.file.c_str()));
        FcPatternAddInteger(pattern.get(), FC_INDEX, font.index);
        slot.reset(cairo_ft_font_face_create_for_pattern(pattern.get()));
        if (cairo_font_face_status(slot.get()) != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error("Cairo cannot load font " + font.file);
    }
    return slot.get();
}

namespace {

// As cairo premultiplies (its PNG reader's rounding), so a PNG drawn from
// the image service looks as it did from cairo's own reader.
std::uint8_t premultiply(unsigned alpha, unsigned color) {
    unsigned t = alpha * color + 0x80;
    return static_cast<std::uint8_t>((t + (t >> 8)) >> 8);
}

// The stored pixels as a Cairo surface (RGB24 when opaque). A JPEG carries
// its file's bytes as MIME data, so a PDF surface embeds those (DCT) instead
// of re-encoding the pixels, whatever size they were decoded at.
cairo_surface_t* surface_for(const std::string& path, const StoredImage& image) {
    const RgbaImage& px = image.pixels;
    bool opaque = true;
    for (std::size_t i = 3; opaque && i < px.rgba.size(); i += 4) opaque = px.rgba[i] == 255;
    cairo_surface_t* surface =
        cairo_image_surface_create(opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32, px.width, px.height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) return surface;
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < px.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + std::size_t(y) * stride);
        const std::uint8_t* src = px.rgba.data() + std::size_t(y) * px.width * 4;
        for (int x = 0; x < px.width; ++x, src += 4) {
            const unsigned a = src[3];
            row[x] = (std::uint32_t(a) << 24) | (std::uint32_t(premultiply(a, src[0])) << 16) |
                     (std::uint32_t(premultiply(a, src[1])) << 8) | premultiply(a, src[2]);
        }
    }
    cairo_surface_mark_dirty(surface);
    if (image.format != ImageFormat::Jpeg) return surface;
    auto attach = [surface](const char* mime, const std::string& value) {
        auto* copy = new std::string(value);
        cairo_surface_set_mime_data(surface, mime, reinterpret_cast<const unsigned char*>(copy->data()), copy->size(),
                                    [](void* p) { delete static_cast<std::string*>(p); }, copy);
    };
    attach(CAIRO_MIME_TYPE_JPEG, image.jpeg);
    attach(CAIRO_MIME_TYPE_UNIQUE_ID, "kamishibai:" + path);  // one embedded copy per file
    return surface;
}

}  // namespace

const CairoPainter::LoadedImage& CairoPainter::image(const std::string& path) const {
    std::lock_guard lock(mutex_);
    auto [it, fresh] = images_.try_emplace(path);
    LoadedImage& slot = it->second;
    if (!fresh) return slot;
    auto stored = ImageStore::shared().get(path);
    if (stored && stored->svg) slot.svg = stored->svg;
    else if (stored) slot.raster.reset(surface_for(path, *stored));
    if (slot.raster && cairo_surface_status(slot.raster.get()) != CAIRO_STATUS_SUCCESS) slot.raster.reset();
    return slot;
}

static void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

// Hatching on a raster target: one tile of the stripes at device resolution
// (gap × gap, stripes on its diagonal, so tiles join), repeated over the
// rectangle. Rasterising dozens of thin diagonal bands per bar cost Cairo
// ~1 ms a bar; the tile costs a few µs. On a vector target (PDF) the bands
// themselves, so that they stay sharp at any zoom.
static void paint_hatch(cairo_t* cr, Point at, double w, double h, const Hatch& hatch) {
    cairo_save(cr);
    if (cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_IMAGE) {
        for (const auto& op : hatch_bands(w, h, hatch)) {
            if (op.kind == PathOp::Kind::Close) cairo_close_path(cr);
            else if (op.kind == PathOp::Kind::MoveTo) cairo_move_to(cr, at.x + op.p[0].x, at.y + op.p[0].y);
            else cairo_line_to(cr, at.x + op.p[0].x, at.y + op.p[0].y);
        }
        set_color(cr, hatch.color);
        cairo_fill(cr);
        cairo_restore(cr);
        return;
    }
    double dx = hatch.gap, dy = 0;
    cairo_user_to_device_distance(cr, &dx, &dy);
    const double scale = std::hypot(dx, dy) / hatch.gap;
    const int n = std::max(2, static_cast<int>(std::lround(hatch.gap * scale)));
    UniqueCPtr<cairo_surface_t, cairo_surface_destroy> tile(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, n, n));
    {
        UniqueCPtr<cairo_t, cairo_destroy> tc(cairo_create(tile.get()));
        for (const auto& op : hatch_bands(n, n, Hatch{hatch.color, static_cast<double>(n), hatch.width * scale})) {
            if (op.kind == PathOp::Kind::Close) cairo_close_path(tc.get());
            else if (op.kind == PathOp::Kind::MoveTo) cairo_move_to(tc.get(), op.p[0].x, op.p[0].y);
            else cairo_line_to(tc.get(), op.p[0].x, op.p[0].y);
        }
        set_color(tc.get(), hatch.color);
        cairo_fill(tc.get());
    }
    UniqueCPtr<cairo_pattern_t, cairo_pattern_destroy> pattern(cairo_pattern_create_for_surface(tile.get()));
    cairo_pattern_set_extend(pattern.get(), CAIRO_EXTEND_REPEAT);
    cairo_pattern_set_filter(pattern.get(), CAIRO_FILTER_NEAREST);  // tile pixels are device pixels
    cairo_matrix_t m;
    cairo_matrix_init_scale(&m, scale, scale);
    cairo_matrix_translate(&m, -at.x, -at.y);
    cairo_pattern_set_matrix(pattern.get(), &m);
    cairo_rectangle(cr, at.x, at.y, w, h);
    cairo_set_source(cr, pattern.get());
    cairo_fill(cr);
    cairo_restore(cr);
}

void CairoPainter::paint(cairo_t* cr, const Frame& frame, const PaintOptions& options) const {
    cairo_save(cr);
    if (frame.background) {
        set_color(cr, *frame.background);
        cairo_rectangle(cr, 0, 0, frame.width, frame.height);
        cairo_fill(cr);
    }
    paint_items(cr, frame, options);
    cairo_restore(cr);
}

// One exhaustive visit: an item kind without a paint_item overload does not
// compile, so no kind of item is ever skipped silently.
void CairoPainter::paint_items(cairo_t* cr, const Frame& frame, const PaintOptions& options) const {
    if (options.tagged) return paint_tagged_items(cr, frame, options);
    for (const auto& positioned : frame.items)  // no structured binding: clang 14 cannot capture one
        std::visit([&](const auto& it) { paint_item(cr, positioned.pos, it, options); }, positioned.item);
}

// Tagged PDF: each item inside its structure elements (opened and closed as
// the items' tags change, so consecutive items share an element); items
// without a tag stay outside the structure. Groups (a sub-frame) are drawn
// untagged inside their item's element.
void CairoPainter::paint_tagged_items(cairo_t* cr, const Frame& frame, const PaintOptions& options) const {
    std::vector<const StructTag*> open;
    PaintOptions inner = options;
    inner.tagged = false;
    for (const auto& positioned : frame.items) {
        const std::vector<const StructTag*> chain = tag_chain(positioned);
        const std::size_t common = common_tags(open, chain);
        while (open.size() > common) {
            cairo_tag_end(cr, open.back()->role.c_str());
            open.pop_back();
        }
        for (std::size_t k = common; k < chain.size(); ++k) {
            cairo_tag_begin(cr, chain[k]->role.c_str(), "");
            open.push_back(chain[k]);
        }
        std::visit([&](const auto& it) { paint_item(cr, positioned.pos, it, inner); }, positioned.item);
    }
    while (!open.empty()) {
        cairo_tag_end(cr, open.back()->role.c_str());
        open.pop_back();
    }
}

std::string quoted_tag_value(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

// Cairo's link attributes: uri='…', or dest='slide-id' for an anchor.
static std::string link_attributes(const std::string& link, const std::map<std::string, std::size_t>* anchors) {
    if (link.empty()) return {};
    if (link[0] == '#') {
        if (!anchors) return {};
        if (!anchors->count(link.substr(1))) return {};
        // By name, made a page by export/tagging: Cairo 1.16 leaves a page=
        // link to a later page without a target.
        return "dest=" + quoted_tag_value(link.substr(1));
    }
    return "uri=" + quoted_tag_value(link);
}

void CairoPainter::paint_item(cairo_t* cr, Point at, const GlyphRun& run, const PaintOptions& options) const {
    std::string link = options.with_text ? link_attributes(run.link, options.anchors) : std::string();
    if (!link.empty()) cairo_tag_begin(cr, CAIRO_TAG_LINK, link.c_str());
    paint_run(cr, at, run, options);
    if (!link.empty()) cairo_tag_end(cr, CAIRO_TAG_LINK);
}

void CairoPainter::paint_item(cairo_t* cr, Point at, const Shape& shape, const PaintOptions&) const {
    paint_shape(cr, at, shape);
}

void CairoPainter::paint_item(cairo_t* cr, Point at, const Group& group, const PaintOptions& options) const {
    if (!group.frame) return;
    cairo_save(cr);
    cairo_translate(cr, at.x, at.y);
    const auto& t = group.transform;
    cairo_matrix_t m{t.a, t.b, t.c, t.d, t.e, t.f};
    cairo_transform(cr, &m);
    if (group.clip) {
        cairo_rectangle(cr, 0, 0, group.frame->width, group.frame->height);
        cairo_clip(cr);
    }
    paint(cr, *group.frame, options);
    cairo_restore(cr);
}

void CairoPainter::paint_item(cairo_t* cr, Point at, const ImageItem& img, const PaintOptions&) const {
    const LoadedImage& loaded = image(img.path);
    if (loaded.svg) {
        loaded.svg->render(cr, at.x, at.y, img.w, img.h);
        return;
    }
    cairo_surface_t* surface = loaded.raster.get();
    if (!surface) return;  // a missing file is a warning at layout time; a broken one an error at load
    double sw = cairo_image_surface_get_width(surface), sh = cairo_image_surface_get_height(surface);
    cairo_save(cr);
    cairo_translate(cr, at.x, at.y);
    cairo_scale(cr, img.w / sw, img.h / sh);
    cairo_set_source_surface(cr, surface, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
}

void CairoPainter::paint_run(cairo_t* cr, Point at, const GlyphRun& run, const PaintOptions& options) const {
    if (!run.font || run.glyphs.empty()) return;
    cairo_font_face_t* font = nullptr;
    if (options.faces)
        if (auto it = options.faces->find(run.font->file + "#" + std::to_string(run.font->index));
            it != options.faces->end())
            font = it->second;
    cairo_set_font_face(cr, font ? font : face(*run.font));
    cairo_matrix_t m;
    cairo_matrix_init(&m, run.size, 0, -run.skew * run.size, run.size, 0, 0);
    cairo_set_font_matrix(cr, &m);
    cairo_set_font_options(cr, font_options_.get());
    set_color(cr, run.color);

    std::vector<cairo_glyph_t> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
    glyphs.reserve(run.glyphs.size());
    // Layout-only spacing (Japanese–Latin space, justification) must not turn
    // into a word break when the PDF is read back: a cluster that starts
    // beyond where the previous one ended is merged with it, so Cairo writes
    // both under one /ActualText span and readers extract the text as written.
    std::uint32_t cluster_begin = UINT32_MAX;
    double pen_end = 0;
    for (const auto& g : run.glyphs) {
        if (g.text_begin != cluster_begin) {
            bool gap = options.with_text && !clusters.empty() && g.x - pen_end > 0.02 * run.size;
            if (gap) clusters.back().num_bytes += static_cast<int>(g.text_end - g.text_begin);
            else clusters.push_back({static_cast<int>(g.text_end - g.text_begin), 0});
            cluster_begin = g.text_begin;
        }
        pen_end = std::max(pen_end, g.x + g.advance);
        if (g.id == kNoInkGlyph) continue;  // kMissingGlyph draws the font's .notdef box
        glyphs.push_back({g.id, at.x + g.x, at.y + g.y_offset});
        clusters.back().num_glyphs++;
    }
    if (options.with_text) {
        cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                               static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                               cairo_text_cluster_flags_t(0));
    } else {
        cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
    }
}

void CairoPainter::paint_shape(cairo_t* cr, Point at, const Shape& shape) const {
    cairo_new_path(cr);
    switch (shape.kind) {
        case Shape::Kind::Rect:
            if (shape.corner_radius > 0) {
                double r = std::min({shape.corner_radius, shape.w / 2, shape.h / 2});
                double x = at.x, y = at.y, w = shape.w, h = shape.h;
                cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
                cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
                cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
                cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
                cairo_close_path(cr);
            } else {
                cairo_rectangle(cr, at.x, at.y, shape.w, shape.h);
            }
            break;
        case Shape::Kind::Line:
            cairo_move_to(cr, at.x, at.y);
            cairo_line_to(cr, at.x + shape.w, at.y + shape.h);
            break;
        case Shape::Kind::Path:
            for (const auto& op : shape.path) {
                switch (op.kind) {
                    case PathOp::Kind::MoveTo: cairo_move_to(cr, at.x + op.p[0].x, at.y + op.p[0].y); break;
                    case PathOp::Kind::LineTo: cairo_line_to(cr, at.x + op.p[0].x, at.y + op.p[0].y); break;
                    case PathOp::Kind::CurveTo:
                        cairo_curve_to(cr, at.x + op.p[0].x, at.y + op.p[0].y, at.x + op.p[1].x, at.y + op.p[1].y,
                                       at.x + op.p[2].x, at.y + op.p[2].y);
                        break;
                    case PathOp::Kind::Close: cairo_close_path(cr); break;
                }
            }
            break;
    }
    if (shape.fill) {
        set_color(cr, *shape.fill);
        if (shape.stroke) cairo_fill_preserve(cr);
        else cairo_fill(cr);
    }
    if (shape.stroke) {
        set_color(cr, *shape.stroke);
        cairo_set_line_width(cr, shape.stroke_width);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
    if (shape.hatch && shape.kind == Shape::Kind::Rect) paint_hatch(cr, at, shape.w, shape.h, *shape.hatch);
}

}  // namespace ks
