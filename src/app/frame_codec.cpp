#include "app/frame_codec.h"

#include "app/model_codec.h"

namespace ks {
namespace {

// One field list per type, in declaration order (frame/frame.h,
// frame/layout_record.h, frame/structure.h); test_layout_cache's round trip
// compares the text dump, the layout dump and the render key.
template <class A> void color(A& a, Color& c) {
    a.real(c.r), a.real(c.g), a.real(c.b), a.real(c.a);
}

template <class A> void range(A& a, ItemRange& r) { a.integer(r.begin), a.integer(r.end); }

template <class A> void box4(A& a, double& x, double& y, double& w, double& h) {
    a.real(x), a.real(y), a.real(w), a.real(h);
}

template <class A> void gaps(A& a, std::vector<std::optional<double>>& v) {
    a.list(v, [&](std::optional<double>& x) { a.maybe(x, [&](double& d) { a.real(d); }); });
}

template <class A> void frame(A& a, Frame& f);

template <class A> struct ItemFields {
    A& a;
    void operator()(Group& g) {
        Nested::io(a, [&] { a.shared(g.frame, [&](Frame& f) { frame(a, f); }); });
        for (double* v : {&g.transform.a, &g.transform.b, &g.transform.c, &g.transform.d, &g.transform.e,
                          &g.transform.f})
            a.real(*v);
        a.flag(g.clip);
    }
    void operator()(GlyphRun& r) {
        a.shared(r.font, [&](FontFace& f) {
            a.text(f.file), a.integer(f.index), a.text(f.family), a.flag(f.bold), a.flag(f.italic);
        });
        a.real(r.size), a.real(r.skew);
        color(a, r.color);
        a.text(r.text);
        a.list(r.glyphs, [&](Glyph& g) {
            a.integer(g.id);
            a.real(g.x), a.real(g.y_offset), a.real(g.advance);
            a.integer(g.text_begin), a.integer(g.text_end);
        });
        a.real(r.width);
        a.text(r.link);
    }
    void operator()(Shape& s) {
        a.enumeration(s.kind, std::size_t(Shape::Kind::Path));
        a.real(s.w), a.real(s.h);
        a.list(s.path, [&](PathOp& op) {
            a.enumeration(op.kind, std::size_t(PathOp::Kind::Close));
            for (auto& p : op.p) a.real(p.x), a.real(p.y);
        });
        a.maybe(s.fill, [&](Color& c) { color(a, c); });
        a.maybe(s.stroke, [&](Color& c) { color(a, c); });
        a.real(s.stroke_width), a.real(s.corner_radius);
        a.maybe(s.hatch, [&](Hatch& h) { color(a, h.color), a.real(h.gap), a.real(h.width); });
    }
    void operator()(ImageItem& i) {
        a.text(i.path);
        a.real(i.w), a.real(i.h);
        a.enumeration(i.format, std::size_t(ImageFormat::Svg));
    }
};

template <class A> void tag(A& a, std::shared_ptr<const StructTag>& t) {
    Nested::io(a, [&] {
        a.shared(t, [&](StructTag& s) {
            a.text(s.role), a.text(s.alt);
            tag(a, s.parent);
        });
    });
}

template <class A> void dump_box(A& a, DumpBox& b);
template <class A> void structure(A& a, SlideStructure& s);

template <class A> void frame(A& a, Frame& f) {
    a.real(f.width), a.real(f.height);
    a.maybe(f.background, [&](Color& c) { color(a, c); });
    a.list(f.items, [&](PositionedItem& item) {
        a.real(item.pos.x), a.real(item.pos.y);
        variant_io(a, item.item, ItemFields<A>{a});
        tag(a, item.tag);
    });
    a.text(f.record.id), a.text(f.record.layout), a.text(f.record.continues);
    a.list(f.record.boxes, [&](DumpBox& b) { dump_box(a, b); });
    structure(a, f.record.structure);
}

template <class A> void chart(A& a, DumpChart& c) {
    a.text(c.type), a.text(c.alt), a.text(c.unit);
    box4(a, c.x, c.y, c.w, c.h);
    box4(a, c.plot_x, c.plot_y, c.plot_w, c.plot_h);
    a.list(c.categories, [&](std::string& s) { a.text(s); });
    a.list(c.series, [&](DumpChartSeries& s) { a.text(s.name), a.text(s.color), gaps(a, s.values); });
    a.list(c.ticks, [&](double& d) { a.real(d); });
    a.list(c.marks, [&](DumpChartMark& m) {
        a.integer(m.series), a.integer(m.category);
        a.real(m.value);
        box4(a, m.x, m.y, m.w, m.h);
    });
}

template <class A> void dump_box(A& a, DumpBox& b) {
    a.text(b.role);
    box4(a, b.x, b.y, b.w, b.h);
    a.flag(b.overflow);
    a.real(b.font_size);
    a.list(b.lines, [&](DumpLine& l) {
        a.text(l.text);
        box4(a, l.x, l.y, l.w, l.h);
        a.real(l.baseline), a.real(l.size);
        a.flag(l.overfull);
        a.integer(l.paragraph);
        a.text(l.kind);
    });
    a.list(b.images, [&](DumpImage& i) { box4(a, i.x, i.y, i.w, i.h), a.text(i.src); });
    a.list(b.cells, [&](DumpCell& c) {
        a.integer(c.row), a.integer(c.col);
        box4(a, c.x, c.y, c.w, c.h);
        a.text(c.text);
        a.integer(c.colspan), a.integer(c.rowspan);
        a.real(c.size);
        a.flag(c.header), a.flag(c.total);
        box4(a, c.text_dx, c.text_dy, c.text_w, c.text_h);
    });
    a.list(b.columns, [&](DumpColumn& c) { box4(a, c.x, c.y, c.w, c.h); });
    a.list(b.charts, [&](DumpChart& c) { chart(a, c); });
}

template <class A> void paragraph(A& a, StructParagraph& p) {
    a.list(p.lines, [&](StructLine& l) {
        box4(a, l.x, l.top, l.w, l.h);
        a.real(l.baseline);
        a.flag(l.hard_break);
        a.list(l.runs, [&](StructRun& r) {
            a.text(r.text), a.text(r.family);
            a.real(r.size);
            a.flag(r.bold), a.flag(r.italic), a.flag(r.code);
            color(a, r.color);
            a.real(r.x);
            a.text(r.link);
        });
    });
    a.enumeration(p.align, std::size_t(StructAlign::Justify));
    a.integer(p.level), a.integer(p.number);
    a.real(p.marker_x);
    a.integer(p.row), a.integer(p.col), a.integer(p.row_span), a.integer(p.col_span);
    a.flag(p.header);
    box4(a, p.x, p.y, p.w, p.h);
    range(a, p.items);
}

template <class A> void struct_chart(A& a, StructChart& c) {
    a.text(c.type), a.text(c.unit), a.text(c.category_label);
    a.list(c.categories, [&](std::string& s) { a.text(s); });
    a.list(c.series, [&](StructChartSeries& s) {
        a.text(s.name);
        color(a, s.color);
        a.maybe(s.hatch, [&](Color& h) { color(a, h); });
        gaps(a, s.values);
    });
    a.list(c.slice_colors, [&](Color& x) { color(a, x); });
    a.real(c.axis_min), a.real(c.axis_max), a.real(c.axis_step);
    a.integer(c.axis_decimals), a.integer(c.value_decimals), a.integer(c.category_every);
    a.flag(c.legend);
    box4(a, c.plot_x, c.plot_y, c.plot_w, c.plot_h);
    a.text(c.family);
    a.real(c.size);
    for (Color* x : {&c.text, &c.muted, &c.grid, &c.axis, &c.paper}) color(a, *x);
}

template <class A> void element(A& a, StructElement& e) {
    a.enumeration(e.kind, std::size_t(StructKind::Furniture));
    box4(a, e.x, e.y, e.w, e.h);
    a.list(e.paragraphs, [&](StructParagraph& p) { paragraph(a, p); });
    range(a, e.items);
    a.flag(e.ordered);
    a.integer(e.table_rows), a.integer(e.table_cols);
    a.list(e.col_widths, [&](double& d) { a.real(d); });
    a.list(e.row_heights, [&](double& d) { a.real(d); });
    StructImage& i = e.image;
    a.text(i.path), a.text(i.src), a.text(i.alt);
    a.enumeration(i.format, std::size_t(ImageFormat::Svg));
    box4(a, i.crop_left, i.crop_top, i.crop_right, i.crop_bottom);
    a.maybe(e.chart, [&](StructChart& c) { struct_chart(a, c); });
    a.flag(e.cite);
    a.text(e.furniture), a.text(e.field_text);
    a.flag(e.from_master);
}

template <class A> void structure(A& a, SlideStructure& s) {
    a.list(s.elements, [&](StructElement& e) { element(a, e); });
    a.text(s.title), a.text(s.section);
    a.list(s.notes, [&](std::string& n) { a.text(n); });
    range(a, s.master_items);
    range(a, s.layout_items);
}

template <class A> void messages(A& a, Diagnostics& diags) {
    std::vector<Diagnostic> items = diags.items();
    a.list(items, [&](Diagnostic& d) {
        a.enumeration(d.severity, std::size_t(Severity::Error));
        io(a, d.where);
        a.text(d.message);
        a.list(d.notes, [&](std::string& n) { a.text(n); });
    });
    if constexpr (A::reading) {
        diags = {};
        for (auto& d : items) diags.add(std::move(d));
    }
}

template <class A> void slide(A& a, SlideLayout& s) {
    a.integer(s.index);
    a.text(s.id), a.text(s.layout), a.text(s.continues);
    a.real(s.width), a.real(s.height);
    a.shared(s.frame, [&](Frame& f) { frame(a, f); });
    if constexpr (A::reading)
        if (!s.frame) ByteReader::damaged("a slide without a frame");
    a.list(s.boxes, [&](DumpBox& b) { dump_box(a, b); });
    messages(a, s.diags);
}

}  // namespace

void io(ByteWriter& a, SlideLayout& s) { slide(a, s); }
void io(ByteReader& a, SlideLayout& s) { slide(a, s); }

}  // namespace ks
