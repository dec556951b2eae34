#include "export/pdf/hpdf_writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/pdf/hpdf_color_glyphs.h"
#include "export/pdf/hpdf_document.h"
#include "export/pdf/hpdf_fonts.h"
#include "export/pdf/hpdf_utf.h"
#include "frame/hatch_bands.h"
#include "image/image_store.h"
#include "util/output_file.h"
#include "util/c_handle.h"
#include "util/hash.h"
#include "util/overloaded.h"
#include "util/utf8.h"

namespace ks {

namespace {

using hpdf::LoadedFont;
using hpdf::RgbaPixels;

double luminance(const Color& c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; }

// The file ID hashes what the document shows (util/hash.h's Hash128):
// stable across runs and machines, so the same input gives the same bytes.
using IdHash = Hash128;

class ImageCache {
public:
    ImageCache(hpdf::Document& doc, bool gray) : doc_(doc), gray_(gray) {}
    // Null when the file cannot be used (the caller warns). Pixels come from
    // the image service (image/image_store.h): read and decoded once per
    // build, an SVG rasterised there for every exporter.
    HPDF_Image get(const std::string& path) {
        if (auto it = images_.find(path); it != images_.end()) return it->second;
        HPDF_Image img = nullptr;
        if (auto stored = ImageStore::shared().get(path)) img = embed(path, *stored);
        images_[path] = img;
        return img;
    }

    // A colour glyph's bitmap (hpdf_color_glyphs.h), embedded once per font
    // file and glyph however often it is shown.
    HPDF_Image glyph(const std::string& key, const RgbaPixels& px) {
        if (auto it = images_.find(key); it != images_.end()) return it->second;
        return images_[key] = embed_rgba(key, px.rgba.data(), px.width, px.height);
    }

private:
    // A JPEG as the file's own bytes (DCTDecode), not re-encoded; in
    // grayscale, and for PNG and SVG, the decoded pixels.
    HPDF_Image embed(const std::string& path, const StoredImage& image) {
        if (image.format == ImageFormat::Jpeg && !gray_) {
            HPDF_Image img = HPDF_LoadJpegImageFromMem(doc_.get(), reinterpret_cast<const HPDF_BYTE*>(image.jpeg.data()),
                                                       static_cast<HPDF_UINT>(image.jpeg.size()));
            doc_.check("embedding JPEG image " + path);
            return img;
        }
        return embed_rgba(path, image.pixels.rgba.data(), image.pixels.width, image.pixels.height);
    }

    // Pixels as RGBA rows, embedded as DeviceRGB (or gray) plus a soft mask
    // when any pixel is not opaque.
    HPDF_Image embed_rgba(const std::string& path, const std::uint8_t* rgba, unsigned width, unsigned height) {
        const std::size_t n = static_cast<std::size_t>(width) * height;
        std::vector<HPDF_BYTE> color(n * (gray_ ? 1 : 3)), alpha(n);
        bool has_alpha = false;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint8_t* p = &rgba[i * 4];
            if (gray_) {
                color[i] = static_cast<HPDF_BYTE>(std::lround(0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]));
            } else {
                color[i * 3] = p[0];
                color[i * 3 + 1] = p[1];
                color[i * 3 + 2] = p[2];
            }
            alpha[i] = p[3];
            has_alpha = has_alpha || p[3] != 255;
        }
        HPDF_Image img = HPDF_LoadRawImageFromMem(doc_.get(), color.data(), width, height,
                                                  gray_ ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
        doc_.check("embedding image " + path);
        if (has_alpha) {
            HPDF_Image mask = HPDF_LoadRawImageFromMem(doc_.get(), alpha.data(), width, height, HPDF_CS_DEVICE_GRAY, 8);
            HPDF_Image_AddSMask(img, mask);
            doc_.check("embedding the transparency of image " + path);
        }
        return img;
    }

    hpdf::Document& doc_;
    bool gray_;
    std::map<std::string, HPDF_Image> images_;
};

// A link found on a page, made into an annotation once every page exists
// (an internal link may point forwards).
struct PendingLink {
    std::size_t page = 0;
    HPDF_Rect rect{};  // PDF user space of the page
    std::string link;  // GlyphRun::link
};

// Everything that lives for the whole document.
struct WriterState {
    hpdf::Document& doc;
    hpdf::FontCache& fonts;
    ImageCache& images;
    Diagnostics& diags;
    bool gray;
    std::map<int, HPDF_ExtGState> alpha_states;
    std::set<char32_t> warned_chars;
    std::set<std::string> warned_fonts, warned_images;
    IdHash& hash;
    std::vector<PendingLink> links = {};
};

// One cluster of a glyph run: glyphs sharing a byte range of the text.
struct Cluster {
    std::size_t first = 0, count = 0;  // glyphs [first, first+count)
    std::u32string cps;                // visible code points (ignorables removed)
    bool has_non_bmp = false;
};

// The run's glyphs grouped into clusters (same byte range of the text).
std::vector<Cluster> clusters_of(const GlyphRun& r) {
    std::vector<Cluster> clusters;
    for (std::size_t i = 0; i < r.glyphs.size(); ++i) {
        const Glyph& g = r.glyphs[i];
        if (!clusters.empty()) {
            const Glyph& h = r.glyphs[clusters.back().first];
            if (h.text_begin == g.text_begin && h.text_end == g.text_end) {
                ++clusters.back().count;
                continue;
            }
        }
        Cluster c{i, 1, {}, false};
        const std::size_t b = std::min<std::size_t>(g.text_begin, r.text.size());
        const std::size_t e = std::clamp<std::size_t>(g.text_end, b, r.text.size());
        for (char32_t cp : utf8_to_u32(std::string_view(r.text).substr(b, e - b))) {
            if (hpdf::is_default_ignorable(cp)) continue;
            c.cps.push_back(cp);
            c.has_non_bmp = c.has_non_bmp || !hpdf::in_bmp(cp);
        }
        clusters.push_back(std::move(c));
    }
    return clusters;
}

class PageWriter {
public:
    PageWriter(WriterState& st, HPDF_Page page) : st_(st), page_(page) {}
    PageWriter(WriterState& st, HPDF_Page page, std::size_t index, double height)
        : st_(st), page_(page), page_index_(index), page_h_(height) {}

    void draw_frame(const Frame& f, Point off) {
        if (f.background) {
            set_fill(*f.background);
            HPDF_Page_Rectangle(page_, off.x, off.y, f.width, f.height);
            HPDF_Page_Fill(page_);
        }
        for (const auto& pi : f.items) {
            const Point p{off.x + pi.pos.x, off.y + pi.pos.y};
            std::visit([&](const auto& it) { draw(p, it); }, pi.item);
        }
    }

private:
    // ---- colours -------------------------------------------------------
    void set_alpha(double a) {
        const int key = static_cast<int>(std::lround(std::clamp(a, 0.0, 1.0) * 1000));
        auto it = st_.alpha_states.find(key);
        if (it == st_.alpha_states.end()) {
            HPDF_ExtGState gs = HPDF_CreateExtGState(st_.doc.get());
            HPDF_ExtGState_SetAlphaFill(gs, key / 1000.0);
            HPDF_ExtGState_SetAlphaStroke(gs, key / 1000.0);
            st_.doc.check("creating a transparency state");
            it = st_.alpha_states.emplace(key, gs).first;
        }
        HPDF_Page_SetExtGState(page_, it->second);
    }
    void set_fill(const Color& c) {
        if (st_.gray)
            HPDF_Page_SetGrayFill(page_, std::clamp(luminance(c), 0.0, 1.0));
        else
            HPDF_Page_SetRGBFill(page_, unit(c.r), unit(c.g), unit(c.b));
    }
    void set_stroke(const Color& c) {
        if (st_.gray)
            HPDF_Page_SetGrayStroke(page_, std::clamp(luminance(c), 0.0, 1.0));
        else
            HPDF_Page_SetRGBStroke(page_, unit(c.r), unit(c.g), unit(c.b));
    }
    // libharu fails the page on a colour component outside 0..1.
    static HPDF_REAL unit(double v) { return static_cast<HPDF_REAL>(std::clamp(v, 0.0, 1.0)); }
    static bool translucent(const std::optional<Color>& c) { return c && c->a < 0.999; }

    // ---- items ---------------------------------------------------------
    void draw(Point p, const Group& g) {
        if (!g.frame) return;
        const Transform outer = ctm_;
        ctm_ = compose(ctm_, compose({1, 0, 0, 1, p.x, p.y}, g.transform));
        HPDF_Page_GSave(page_);
        HPDF_Page_Concat(page_, 1, 0, 0, 1, p.x, p.y);
        const Transform& t = g.transform;
        HPDF_Page_Concat(page_, t.a, t.b, t.c, t.d, t.e, t.f);
        if (g.clip) {
            HPDF_Page_Rectangle(page_, 0, 0, g.frame->width, g.frame->height);
            HPDF_Page_Clip(page_);
            HPDF_Page_EndPath(page_);
        }
        draw_frame(*g.frame, {0, 0});
        HPDF_Page_GRestore(page_);
        ctm_ = outer;
    }

    // m ∘ n: n applied first.
    static Transform compose(const Transform& m, const Transform& n) {
        return {m.a * n.a + m.c * n.b, m.b * n.a + m.d * n.b, m.a * n.c + m.c * n.d,
                m.b * n.c + m.d * n.d, m.a * n.e + m.c * n.f + m.e, m.b * n.e + m.d * n.f + m.f};
    }

    // A linked run's box (ascent to descent) on the page, for its annotation.
    void note_link(Point p, const GlyphRun& r) {
        if (r.link.empty()) return;
        double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
        for (Point q : {Point{p.x, p.y - 0.9 * r.size}, Point{p.x + r.width, p.y - 0.9 * r.size},
                        Point{p.x, p.y + 0.25 * r.size}, Point{p.x + r.width, p.y + 0.25 * r.size}}) {
            double x = ctm_.a * q.x + ctm_.c * q.y + ctm_.e, y = ctm_.b * q.x + ctm_.d * q.y + ctm_.f;
            x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
        }
        auto f = [](double v) { return static_cast<HPDF_REAL>(v); };
        st_.links.push_back({page_index_, HPDF_Rect{f(x0), f(page_h_ - y1), f(x1), f(page_h_ - y0)}, r.link});
    }

    void path_ops(const std::vector<PathOp>& ops, Point p) {
        for (const auto& op : ops) {
            switch (op.kind) {
                case PathOp::Kind::MoveTo: HPDF_Page_MoveTo(page_, p.x + op.p[0].x, p.y + op.p[0].y); break;
                case PathOp::Kind::LineTo: HPDF_Page_LineTo(page_, p.x + op.p[0].x, p.y + op.p[0].y); break;
                case PathOp::Kind::CurveTo:
                    HPDF_Page_CurveTo(page_, p.x + op.p[0].x, p.y + op.p[0].y, p.x + op.p[1].x, p.y + op.p[1].y,
                                      p.x + op.p[2].x, p.y + op.p[2].y);
                    break;
                case PathOp::Kind::Close: HPDF_Page_ClosePath(page_); break;
            }
        }
    }

    void rounded_rect(double x, double y, double w, double h, double r) {
        r = std::min({r, w / 2, h / 2});
        const double k = 0.5522847498 * r;
        HPDF_Page_MoveTo(page_, x + r, y);
        HPDF_Page_LineTo(page_, x + w - r, y);
        HPDF_Page_CurveTo(page_, x + w - r + k, y, x + w, y + r - k, x + w, y + r);
        HPDF_Page_LineTo(page_, x + w, y + h - r);
        HPDF_Page_CurveTo(page_, x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
        HPDF_Page_LineTo(page_, x + r, y + h);
        HPDF_Page_CurveTo(page_, x + r - k, y + h, x, y + h - r + k, x, y + h - r);
        HPDF_Page_LineTo(page_, x, y + r);
        HPDF_Page_CurveTo(page_, x, y + r - k, x + r - k, y, x + r, y);
        HPDF_Page_ClosePath(page_);
    }

    void draw(Point p, const Shape& s) {
        if (s.hatch && s.kind == Shape::Kind::Rect) draw_hatched(p, s);
        if (!s.fill && !s.stroke) return;
        if (s.stroke && s.stroke_width > HPDF_MAX_LINEWIDTH) {
            // libharu refuses a line width above HPDF_MAX_LINEWIDTH (100):
            // draw the shape smaller in a scaled-up space instead.
            const double k = s.stroke_width / HPDF_MAX_LINEWIDTH;
            Shape small = s;
            small.w /= k;
            small.h /= k;
            small.corner_radius /= k;
            small.stroke_width = HPDF_MAX_LINEWIDTH;
            for (PathOp& op : small.path)
                for (Point& q : op.p) q = {q.x / k, q.y / k};
            HPDF_Page_GSave(page_);
            HPDF_Page_Concat(page_, k, 0, 0, k, 0, 0);
            draw({p.x / k, p.y / k}, small);
            HPDF_Page_GRestore(page_);
            return;
        }
        const bool alpha = translucent(s.fill) || translucent(s.stroke);
        if (alpha) {
            HPDF_Page_GSave(page_);
            set_alpha(s.fill ? s.fill->a : s.stroke->a);
        }
        if (s.fill) set_fill(*s.fill);
        if (s.stroke) {
            set_stroke(*s.stroke);
            HPDF_Page_SetLineWidth(page_, std::max(0.0, s.stroke_width));
        }
        bool closed = true;
        switch (s.kind) {
            case Shape::Kind::Rect:
                if (s.corner_radius > 0)
                    rounded_rect(p.x, p.y, s.w, s.h, s.corner_radius);
                else
                    HPDF_Page_Rectangle(page_, p.x, p.y, s.w, s.h);
                break;
            case Shape::Kind::Line:
                HPDF_Page_MoveTo(page_, p.x, p.y);
                HPDF_Page_LineTo(page_, p.x + s.w, p.y + s.h);
                closed = false;
                break;
            case Shape::Kind::Path:
                if (s.path.empty()) {
                    if (alpha) HPDF_Page_GRestore(page_);
                    return;
                }
                path_ops(s.path, p);
                break;
        }
        if (s.fill && s.stroke && closed)
            HPDF_Page_FillStroke(page_);
        else if (s.fill && closed)
            HPDF_Page_Fill(page_);
        else if (s.stroke)
            HPDF_Page_Stroke(page_);
        else
            HPDF_Page_EndPath(page_);
        if (alpha) HPDF_Page_GRestore(page_);
    }

    // The fill under the stripes, then the stripes as vector bands.
    void draw_hatched(Point p, const Shape& s) {
        Shape under = s;
        under.hatch.reset();
        under.stroke.reset();
        draw(p, under);
        const bool alpha = translucent(s.hatch->color);
        if (alpha) {
            HPDF_Page_GSave(page_);
            set_alpha(s.hatch->color.a);
        }
        set_fill(s.hatch->color);
        path_ops(hatch_bands(s.w, s.h, *s.hatch), p);
        HPDF_Page_Fill(page_);
        if (alpha) HPDF_Page_GRestore(page_);
    }

    void draw(Point p, const ImageItem& im) {
        HPDF_Image img = st_.images.get(im.path);
        if (!img) {
            if (st_.warned_images.insert(im.path).second)
                st_.diags.warning({}, "handout: cannot read image '" + im.path + "'; left blank");
            return;
        }
        // The CTM is y-down: draw with a negative height so the image is upright.
        HPDF_Page_DrawImage(page_, img, p.x, p.y + im.h, im.w, -im.h);
    }

    // ---- text ----------------------------------------------------------
    // libharu refuses a font size above HPDF_MAX_FONTSIZE (600): larger text
    // is set at a smaller size in a text matrix scaled up by this factor.
    static double text_scale(double size) { return size > HPDF_MAX_FONTSIZE ? size / HPDF_MAX_FONTSIZE : 1; }
    void set_text_matrix(const GlyphRun& r, Point at) {
        const double k = text_scale(r.size);
        HPDF_Page_SetTextMatrix(page_, k, 0, k * r.skew, -k, at.x, at.y);
    }

    void begin_text(const LoadedFont& f, double size, HPDF_TextRenderingMode mode) {
        if (in_text_ && mode == mode_) return;
        end_text();
        HPDF_Page_BeginText(page_);
        HPDF_Page_SetFontAndSize(page_, f.font, size / text_scale(size));
        if (mode != HPDF_FILL) HPDF_Page_SetTextRenderingMode(page_, mode);
        in_text_ = true;
        mode_ = mode;
    }
    void end_text() {
        if (!in_text_) return;
        if (mode_ != HPDF_FILL) HPDF_Page_SetTextRenderingMode(page_, HPDF_FILL);
        HPDF_Page_EndText(page_);
        in_text_ = false;
    }
    void show(const LoadedFont& f, const GlyphRun& r, Point at, const std::string& utf8, HPDF_TextRenderingMode mode) {
        if (utf8.empty()) return;
        begin_text(f, r.size, mode);
        // Text space → y-down user space: flip y back, shear for the oblique.
        set_text_matrix(r, at);
        HPDF_Page_ShowText(page_, utf8.c_str());
        st_.hash.add(utf8);
    }

    void warn_char(char32_t cp, const std::string& why) {
        if (!st_.warned_chars.insert(cp).second) return;
        std::string ch;
        utf8_append(ch, cp);
        st_.diags.warning({}, "handout: " + code_point_name(cp) + " '" + ch + "' " + why);
    }

    void draw(Point p, const GlyphRun& r) {
        if (r.glyphs.empty() || !r.font) return;
        note_link(p, r);
        const LoadedFont& f = st_.fonts.get(*r.font);
        if (f.color_bitmaps) {
            draw_color_glyphs(f, r, p);
            return;
        }
        if (!f.font && st_.warned_fonts.insert(r.font->file).second)
            st_.diags.warning({}, "handout: libharu cannot embed font '" + r.font->file + "' (" + f.load_error +
                                      "); its text is drawn as outlines and is not searchable");

        const bool alpha = r.color.a < 0.999;
        HPDF_Page_GSave(page_);
        if (alpha) set_alpha(r.color.a);
        set_fill(r.color);
        // The run's text, exactly as written, as /ActualText: extractors
        // (poppler, MuPDF, PDF.js) then read it instead of guessing spaces
        // from glyph gaps (Japanese–Latin spacing would read as a space) and
        // get characters libharu cannot encode (outside the BMP).
        const bool actual = begin_actual_text(r);
        PendingText pending;
        for (const Cluster& c : clusters_of(r)) draw_cluster(f, r, p, c, pending);
        flush(f, r, pending);
        end_text();
        if (actual) raw("EMC\n");
        HPDF_Page_GRestore(page_);
    }

    // A run in a colour bitmap font (emoji): each glyph as an image of its
    // bitmap where the frame puts it, inside the run's /ActualText so text
    // extraction still gives the characters.
    void draw_color_glyphs(const LoadedFont& f, const GlyphRun& r, Point p) {
        HPDF_Page_GSave(page_);
        const bool actual = begin_actual_text(r);
        for (const Glyph& g : r.glyphs) {
            if (g.id == kNoInkGlyph || g.id == kMissingGlyph) continue;
            auto bitmap = hpdf::load_color_glyph(f.face.get(), g.id);
            if (!bitmap) continue;
            HPDF_Image img = st_.images.glyph(r.font->file + "#" + std::to_string(r.font->index) + ":" +
                                                  std::to_string(g.id), bitmap->pixels);
            const double x = p.x + g.x + bitmap->left * r.size, top = p.y + g.y_offset + bitmap->top * r.size;
            const double w = bitmap->width * r.size, h = bitmap->height * r.size;
            // The CTM is y-down: a negative height draws the image upright.
            HPDF_Page_DrawImage(page_, img, x, top + h, w, -h);
        }
        show_hidden_stand_in(r, p);
        if (actual) raw("EMC\n");
        HPDF_Page_GRestore(page_);
    }

    // Text extractors read /ActualText only over text they see drawn: one
    // invisible character of an embedded face stands in for the images.
    void show_hidden_stand_in(const GlyphRun& r, Point p) {
        const auto [font, cp] = st_.fonts.text_stand_in();
        if (!font) return;
        std::string utf8;
        utf8_append(utf8, cp);
        show(*font, r, {p.x + r.glyphs.front().x, p.y}, utf8, HPDF_INVISIBLE);
        end_text();
    }

    // Pending real text: consecutive simple clusters shown with one text
    // matrix. Where the frame moves a glyph off the PDF's own advance
    // (Japanese–Latin spacing, compressed punctuation) by less than half
    // an em, the difference becomes character spacing (Tc) on the glyph
    // before it: the glyph lands exactly where the frame says, and text
    // extractors see one unbroken word instead of inventing a space.
    // libharu accepts Tc only in [HPDF_MIN_CHARSPACE, HPDF_MAX_CHARSPACE]
    // (-30..300, in text space): half an em of compressed punctuation at
    // 72 pt is -36, so a larger gap starts a new text matrix instead
    // (issue 7: "libharu error 0x1056" at large sizes).
    struct PendingChar {
        std::string utf8;
        double tc = 0;
    };
    struct PendingText {
        std::vector<PendingChar> chars;
        Point at{};
        double pen = 0;  // x where the next glyph would land
    };

    void flush(const LoadedFont& f, const GlyphRun& r, PendingText& pending) {
        if (pending.chars.empty()) return;
        begin_text(f, r.size, HPDF_FILL);
        set_text_matrix(r, pending.at);
        double tc = 0;
        std::string chunk;
        for (std::size_t k = 0; k <= pending.chars.size(); ++k) {
            if (k == pending.chars.size() || pending.chars[k].tc != tc) {
                if (!chunk.empty()) {
                    HPDF_Page_ShowText(page_, chunk.c_str());
                    st_.hash.add(chunk);
                    chunk.clear();
                }
                if (k == pending.chars.size()) break;
                tc = pending.chars[k].tc;
                HPDF_Page_SetCharSpace(page_, static_cast<HPDF_REAL>(tc / text_scale(r.size)));
            }
            chunk += pending.chars[k].utf8;
        }
        if (tc != 0) HPDF_Page_SetCharSpace(page_, 0);
        pending.chars.clear();
    }

    void draw_cluster(const LoadedFont& f, const GlyphRun& r, Point p, const Cluster& c, PendingText& pending) {
        // Glyphs of the cluster with ink, by the frame's glyph contract.
        std::vector<const Glyph*> ink;
        bool missing = false;
        for (std::size_t k = c.first; k < c.first + c.count; ++k) {
            const Glyph& g = r.glyphs[k];
            if (g.id == kNoInkGlyph) continue;
            if (g.id == kMissingGlyph) missing = true;
            else ink.push_back(&g);
        }
        const Glyph& g0 = r.glyphs[c.first];
        const Point at{p.x + g0.x, p.y + g0.y_offset};

        if (missing && !c.cps.empty()) {
            // No font has the character: a visible box, never silence.
            flush(f, r, pending);
            end_text();
            const double w = g0.advance > 0 ? g0.advance : r.size * 0.6;
            HPDF_Page_SetLineWidth(page_, std::clamp(r.size * 0.05, 0.3, double(HPDF_MAX_LINEWIDTH)));
            set_stroke(r.color);
            HPDF_Page_Rectangle(page_, at.x + w * 0.1, at.y - r.size * 0.8, w * 0.8, r.size * 0.9);
            HPDF_Page_Stroke(page_);
            // Not reported here: layout already warned, with the source position.
            return;
        }
        if (ink.empty() || c.cps.empty()) {
            // Nothing to draw (a joiner, a variation selector alone, a
            // line break) or ink without characters: draw the ink only.
            if (!ink.empty()) {
                flush(f, r, pending);
                draw_outlines(f, r, p, ink);
            }
            return;
        }

        // Simple: one glyph per character, each the glyph libharu will
        // draw from the cmap, on the baseline, in a font libharu embeds.
        bool simple = f.font && !c.has_non_bmp && ink.size() == c.cps.size();
        for (std::size_t k = 0; simple && k < ink.size(); ++k)
            simple = ink[k]->y_offset == 0 && f.glyph_for(c.cps[k]) == ink[k]->id;
        if (simple) add_simple(f, r, p, c, ink, pending);
        else draw_as_outlines(f, r, p, at, c, ink, pending);
    }

    void add_simple(const LoadedFont& f, const GlyphRun& r, Point p, const Cluster& c,
                    const std::vector<const Glyph*>& ink, PendingText& pending) {
        for (std::size_t k = 0; k < ink.size(); ++k) {
            const double x = p.x + ink[k]->x;
            const double gap = x - pending.pen;
            if (!pending.chars.empty() && std::abs(gap) > 0.05) {
                const double tc_text = gap / text_scale(r.size);
                if (std::abs(gap) <= 0.5 * r.size && tc_text >= HPDF_MIN_CHARSPACE + 1 &&
                    tc_text <= HPDF_MAX_CHARSPACE - 1) {
                    // Rounded as libharu writes reals, so `pen` stays exact.
                    const double tc = std::round(gap * 1000) / 1000;
                    pending.chars.back().tc = tc;
                    pending.pen += tc;
                } else {
                    flush(f, r, pending);
                }
            }
            if (pending.chars.empty()) {
                pending.at = {x, p.y};
                pending.pen = x;
            }
            PendingChar pc;
            utf8_append(pc.utf8, c.cps[k]);
            pending.chars.push_back(std::move(pc));
            pending.pen += f.pdf_advance(ink[k]->id, r.size);
        }
    }

    // Not expressible as text in libharu: draw the glyphs the frame names as
    // outlines, exactly where it says, then lay the characters over them as
    // invisible text so search and copy work.
    void draw_as_outlines(const LoadedFont& f, const GlyphRun& r, Point p, Point at, const Cluster& c,
                          const std::vector<const Glyph*>& ink, PendingText& pending) {
        flush(f, r, pending);
        draw_outlines(f, r, p, ink);
        std::string hidden;
        bool hidden_ok = f.font != nullptr;
        for (char32_t cp : c.cps) {
            if (!hpdf::in_bmp(cp) || !f.font || f.glyph_for(cp) == 0) {
                hidden_ok = false;
                if (!hpdf::in_bmp(cp))
                    warn_char(cp,
                              "is outside the Basic Multilingual Plane, which libharu cannot encode; drawn as "
                              "an outline in the handout (visible, but not searchable there)");
                continue;
            }
            utf8_append(hidden, cp);
        }
        if (!hidden.empty() && (hidden_ok || f.font)) show(f, r, at, hidden, HPDF_INVISIBLE);
    }

    // libharu 2.3.0 has no marked-content operators; write them into the
    // page's content stream between libharu's own operators (outside text
    // objects, inside the run's q/Q, so nesting stays valid).
    void raw(const std::string& ops) {
        auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
        HPDF_Stream_WriteStr(attr->stream, ops.c_str());
    }

    bool begin_actual_text(const GlyphRun& r) {
        std::string text;
        std::uint32_t last_b = UINT32_MAX, last_e = UINT32_MAX;
        for (const Glyph& g : r.glyphs) {
            if (g.text_begin == last_b && g.text_end == last_e) continue;
            last_b = g.text_begin;
            last_e = g.text_end;
            const std::size_t b = std::min<std::size_t>(g.text_begin, r.text.size());
            const std::size_t e = std::clamp<std::size_t>(g.text_end, b, r.text.size());
            for (char32_t cp : utf8_to_u32(std::string_view(r.text).substr(b, e - b)))
                if (cp >= 0x20 && cp != 0x7F) utf8_append(text, cp);
        }
        if (text.empty()) return false;
        static const char* hex = "0123456789ABCDEF";
        std::string ops = "/Span <</ActualText <";
        for (unsigned char c : hpdf::utf16be_with_bom(text)) {
            ops += hex[c >> 4];
            ops += hex[c & 15];
        }
        ops += ">>> BDC\n";
        raw(ops);
        return true;
    }

    void draw_outlines(const LoadedFont& f, const GlyphRun& r, Point p, const std::vector<const Glyph*>& ink) {
        end_text();
        std::vector<PathOp> ops;
        for (const Glyph* g : ink) f.outline(g->id, r.size, r.skew, {p.x + g->x, p.y + g->y_offset}, ops);
        if (ops.empty()) return;
        path_ops(ops, {0, 0});
        HPDF_Page_Fill(page_);
    }

    WriterState& st_;
    HPDF_Page page_;
    std::size_t page_index_ = 0;
    double page_h_ = 0;
    Transform ctm_;  // this frame's coordinates → the page frame's (y down)
    bool in_text_ = false;
    HPDF_TextRenderingMode mode_ = HPDF_FILL;
};

// Link annotations without a border: URIs, and "#slide-id" to the page the
// Document's anchors name (a slide not in this document: no annotation).
void add_links(hpdf::Document& doc, const std::vector<PendingLink>& links, const std::vector<HPDF_Page>& pages,
               const std::map<std::string, std::size_t>& anchors) {
    for (const PendingLink& l : links) {
        if (l.page >= pages.size()) continue;
        HPDF_Annotation annot = nullptr;
        if (l.link[0] == '#') {
            auto it = anchors.find(l.link.substr(1));
            if (it == anchors.end() || it->second >= pages.size()) continue;
            HPDF_Destination dst = HPDF_Page_CreateDestination(pages[it->second]);
            HPDF_Destination_SetFit(dst);
            annot = HPDF_Page_CreateLinkAnnot(pages[l.page], l.rect, dst);
        } else {
            annot = HPDF_Page_CreateURILinkAnnot(pages[l.page], l.rect, l.link.c_str());
        }
        doc.check("creating a link");
        HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    }
}

void add_bookmarks(hpdf::Document& doc, const std::vector<OutlineEntry>& outline, const std::vector<HPDF_Page>& pages) {
    HPDF_Outline section = nullptr;
    for (const OutlineEntry& b : outline) {
        if (b.page >= pages.size()) continue;
        HPDF_Outline parent = (b.level > 0 && section) ? section : nullptr;
        // libharu would write the title through an encoder that cannot do
        // UTF-8; create it with a placeholder and set a UTF-16BE title.
        HPDF_Outline o = HPDF_CreateOutline(doc.get(), parent, "-", nullptr);
        doc.check("creating a bookmark");
        HPDF_Dict_Add(o, "Title", doc.text_string(b.title));
        HPDF_Destination dst = HPDF_Page_CreateDestination(pages[b.page]);
        HPDF_Destination_SetFit(dst);
        HPDF_Outline_SetDestination(o, dst);
        doc.check("setting a bookmark destination");
        if (b.level == 0) {
            section = o;
            HPDF_Outline_SetOpened(o, HPDF_TRUE);
        }
    }
}

}  // namespace

// libharu would reopen the name; it writes to memory and the bytes go into
// one descriptor instead.
static void save_through_one_descriptor(hpdf::Document& doc, const std::string& path) {
    HPDF_Doc pdf = doc.get();
    OutputFile file(path);
    HPDF_SaveToStream(pdf);
    doc.check("writing " + path);
    HPDF_ResetStream(pdf);
    const HPDF_UINT32 total = HPDF_GetStreamSize(pdf);
    std::vector<HPDF_BYTE> buf(1 << 16);
    for (HPDF_UINT32 done = 0; done < total;) {
        HPDF_UINT32 n = std::min<HPDF_UINT32>(static_cast<HPDF_UINT32>(buf.size()), total - done);
        HPDF_STATUS st = HPDF_ReadFromStream(pdf, buf.data(), &n);
        if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || n == 0) {
            doc.check("reading back " + path);
            throw std::runtime_error("libharu: reading back " + path + " stopped early");
        }
        file.write(buf.data(), n);
        done += n;
    }
    file.close();
}

void write_handout_pdf(const Document& hd, const HpdfOptions& options, const std::string& path, Diagnostics& diags) {
    hpdf::Document doc;
    HPDF_Doc pdf = doc.get();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    doc.check("setting up UTF-8 encodings");

    IdHash hash;
    hpdf::FontCache fonts(doc);
    ImageCache images(doc, options.grayscale);
    WriterState st{doc, fonts, images, diags, options.grayscale, {}, {}, {}, {}, hash};

    // What each face must show, so only that is embedded.
    // Exhaustive like the drawing walk: a new item kind must say what it uses.
    std::function<void(const Frame&)> collect = [&](const Frame& f) {
        for (const auto& it : f.items)
            std::visit(Overloaded{[&](const Group& g) {
                                      if (g.frame) collect(*g.frame);
                                  },
                                  [&](const GlyphRun& r) {
                                      if (!r.font) return;
                                      for (char32_t cp : utf8_to_u32(r.text))
                                          if (!hpdf::is_default_ignorable(cp)) fonts.note_usage(*r.font, cp);
                                  },
                                  [](const Shape&) {}, [](const ImageItem&) {}},
                       it.item);
    };
    for (const auto& f : hd.pages) collect(*f);

    // A PDF needs at least one page; an empty document gets a blank A4 one.
    static const std::vector<std::shared_ptr<const Frame>> blank{
        std::make_shared<const Frame>(Frame{595.276, 841.89, std::nullopt, {}})};
    const auto& frames = hd.pages.empty() ? blank : hd.pages;

    std::vector<HPDF_Page> pages;
    for (const auto& page_frame : frames) {
        const Frame& f = *page_frame;
        HPDF_Page page = HPDF_AddPage(pdf);
        doc.check("adding a page");
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(f.width));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(f.height));
        // Frames are y-down with the origin at the top left.
        HPDF_Page_Concat(page, 1, 0, 0, -1, 0, f.height);
        PageWriter(st, page, pages.size(), f.height).draw_frame(f, {0, 0});
        doc.check("drawing page " + std::to_string(pages.size() + 1));
        pages.push_back(page);
    }

    add_links(doc, st.links, pages, hd.anchors);
    if (!hd.outline.empty()) {
        add_bookmarks(doc, hd.outline, pages);
        HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    }

    const DocumentInfo& info = hd.info;
    const std::string date = pdf_date(info.timestamp);
    if (!info.title.empty()) doc.set_info_text("Title", info.title);
    if (!info.author.empty()) doc.set_info_text("Author", info.author);
    if (!info.subject.empty()) doc.set_info_text("Subject", info.subject);
    doc.set_info_text("Creator", info.creator.empty() ? "kamishibai" : info.creator);
    doc.set_info_date("CreationDate", date);
    doc.set_info_date("ModDate", date);

    for (const auto& s : {info.title, info.author, info.subject, date, std::to_string(pages.size())}) hash.add(s);
    unsigned char id[16];
    for (int i = 0; i < 8; ++i) {
        id[i] = static_cast<unsigned char>(hash.a.value() >> (8 * i));
        id[8 + i] = static_cast<unsigned char>(hash.b >> (8 * i));
    }
    doc.set_file_id(id);

    // /ActualText (marked content) is PDF 1.5; libharu would write 1.3.
    if (pdf->pdf_version < HPDF_VER_15) pdf->pdf_version = HPDF_VER_15;
    // libharu cannot tag (README); the language and the title display flag
    // go straight into its catalog.
    if (!info.lang.empty()) HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, info.lang.c_str(), nullptr));
    HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs);
    doc.check("setting the language and viewer preferences");
    save_through_one_descriptor(doc, path);
}

}  // namespace ks
