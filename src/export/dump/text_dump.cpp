#include "export/dump/text_dump.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <variant>

#include "util/dump_text.h"

namespace ks {
namespace {

// Numbers to 0.01 without trailing zeros ("12", "12.5", "-0.25").
std::string num(double v) { return dump_number(v); }

std::string color(const Color& c) {
    auto byte = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", byte(c.r), byte(c.g), byte(c.b));
    std::string s = buf;
    if (c.a < 0.999) {
        s += '/';
        s += num(c.a);
    }
    return s;
}

// Text in double quotes, with quotes, backslashes and controls escaped.
std::string quote(std::string_view text) { return dump_quote(text); }

class Dumper {
public:
    explicit Dumper(const TextDumpOptions& options) : options_(options) {}

    void header(const Document& doc) {
        const DocumentInfo& i = doc.info;
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", i.timestamp.year, i.timestamp.month,
                      i.timestamp.day, i.timestamp.hour, i.timestamp.minute, i.timestamp.second);
        line(0, "document pages=" + std::to_string(doc.pages.size()) + " title=" + quote(i.title) +
                    " author=" + quote(i.author) + " subject=" + quote(i.subject) + " creator=" + quote(i.creator) +
                    " date=" + date);
        if (doc.outline.empty()) return;
        line(1, "outline");
        for (const OutlineEntry& e : doc.outline)
            line(2 + e.level, "entry page=" + std::to_string(e.page + 1) + " level=" + std::to_string(e.level) + " " +
                                  quote(e.title));
    }

    void page(const Document& doc, std::size_t index) {
        const auto& f = doc.pages[index];
        if (!f) {
            line(1, "page " + std::to_string(index + 1) + " (none)");
            return;
        }
        line(1, "page " + std::to_string(index + 1) + " " + frame_summary(*f));
        items(*f, 2);
    }

    std::string text() && { return std::move(out_); }

private:
    static std::string frame_summary(const Frame& f) {
        std::string s = "size=" + num(f.width) + "x" + num(f.height);
        if (f.background) s += " background=" + color(*f.background);
        return s;
    }

    void line(int depth, const std::string& s) {
        out_.append(static_cast<std::size_t>(depth) * 2, ' ');
        out_ += s;
        out_ += '\n';
    }

    // One exhaustive visit: a new item kind without a dump overload does
    // not compile.
    void items(const Frame& f, int depth) {
        for (const PositionedItem& pi : f.items)
            std::visit([&](const auto& it) { item(pi.pos, it, depth); }, pi.item);
    }

    // 1-based number of `f` among options_.shared_pages, 0 when not there.
    std::size_t shared_page(const Frame& f) const {
        if (!options_.shared_pages) return 0;
        const auto& pages = options_.shared_pages->pages;
        for (std::size_t i = 0; i < pages.size(); ++i)
            if (pages[i].get() == &f) return i + 1;
        return 0;
    }

    static std::string at(Point p) { return "at=" + num(p.x) + "," + num(p.y); }

    void item(Point p, const Group& g, int depth) {
        const Transform& t = g.transform;
        std::string s = "group " + at(p);
        if (t.b == 0 && t.c == 0 && t.e == 0 && t.f == 0 && t.a == t.d) {
            if (t.a != 1) s += " scale=" + num(t.a);
        } else {
            s += " transform=[" + num(t.a) + " " + num(t.b) + " " + num(t.c) + " " + num(t.d) + " " + num(t.e) + " " +
                 num(t.f) + "]";
        }
        if (g.clip) s += " clip";
        if (!g.frame) {
            line(depth, s + " (empty)");
            return;
        }
        if (const std::size_t shared = shared_page(*g.frame)) {
            line(depth, s + " page=" + std::to_string(shared) + " of shared");
            return;
        }
        line(depth, s + " frame " + frame_summary(*g.frame));
        items(*g.frame, depth + 1);
    }

    void item(Point p, const GlyphRun& r, int depth) {
        std::string s = "text " + at(p);
        if (r.font) {
            s += " font=" + quote(r.font->family) + "/" + std::filesystem::path(r.font->file).filename().string();
            if (r.font->index) s += "#" + std::to_string(r.font->index);
        } else {
            s += " font=(none)";
        }
        s += " size=" + num(r.size) + " color=" + color(r.color);
        if (r.skew != 0) s += " skew=" + num(r.skew);
        s += " w=" + num(r.width) + " glyphs=" + std::to_string(r.glyphs.size());
        std::size_t no_ink = 0, missing = 0;
        for (const Glyph& g : r.glyphs) {
            no_ink += g.id == kNoInkGlyph;
            missing += g.id == kMissingGlyph;
        }
        if (no_ink) s += " no-ink=" + std::to_string(no_ink);
        if (missing) s += " missing=" + std::to_string(missing);
        line(depth, s + " " + quote(r.text));
    }

    void item(Point p, const Shape& sh, int depth) {
        std::string s;
        switch (sh.kind) {
            case Shape::Kind::Rect: s = "rect " + at(p) + " size=" + num(sh.w) + "x" + num(sh.h); break;
            case Shape::Kind::Line: s = "line " + at(p) + " to=" + num(p.x + sh.w) + "," + num(p.y + sh.h); break;
            case Shape::Kind::Path: s = "path " + at(p) + " ops=" + std::to_string(sh.path.size()); break;
        }
        if (sh.corner_radius > 0 && sh.kind == Shape::Kind::Rect) s += " radius=" + num(sh.corner_radius);
        if (sh.fill) s += " fill=" + color(*sh.fill);
        if (sh.stroke) s += " stroke=" + color(*sh.stroke) + " width=" + num(sh.stroke_width);
        if (sh.hatch) s += " hatch=" + color(sh.hatch->color) + " gap=" + num(sh.hatch->gap);
        line(depth, s);
    }

    void item(Point p, const ImageItem& im, int depth) {
        std::string path = im.path;
        if (!options_.relative_to.empty()) {
            const auto rel = std::filesystem::path(im.path).lexically_relative(options_.relative_to);
            if (!rel.empty() && *rel.begin() != "..") path = rel.generic_string();
        }
        line(depth, "image " + at(p) + " size=" + num(im.w) + "x" + num(im.h) + " src=" + quote(path));
    }

    const TextDumpOptions& options_;
    std::string out_;
};

}  // namespace

std::string dump_document(const Document& doc, const TextDumpOptions& options) {
    Dumper d(options);
    d.header(doc);
    for (std::size_t i = 0; i < doc.pages.size(); ++i) d.page(doc, i);
    return std::move(d).text();
}

std::string dump_page(const Document& doc, std::size_t page, const TextDumpOptions& options) {
    Dumper d(options);
    if (page < doc.pages.size()) d.page(doc, page);
    return std::move(d).text();
}

}  // namespace ks
