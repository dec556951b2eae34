#include "app/model_codec.h"

namespace ks {
namespace {

// One field list per type, in declaration order; a field added to the model
// is added here too (test_layout_cache's round trips compare every key).
template <class A> void pos(A& a, SourcePosition& p) {
    a.text(p.file);
    a.integer(p.line);
    a.integer(p.column);
}

template <class A> void rich(A& a, RichText& t) {
    a.list(t.spans, [&](Span& s) {
        a.text(s.text);
        a.flag(s.bold);
        a.flag(s.italic);
        a.flag(s.code);
        pos(a, s.where);
        a.text(s.href);
    });
    pos(a, t.where);
}

template <class A> void strings(A& a, std::vector<std::string>& v) {
    a.list(v, [&](std::string& s) { a.text(s); });
}

template <class A> void numbers(A& a, std::vector<double>& v) {
    a.list(v, [&](double& d) { a.real(d); });
}

template <class A> void gaps(A& a, std::vector<std::optional<double>>& v) {
    a.list(v, [&](std::optional<double>& x) { a.maybe(x, [&](double& d) { a.real(d); }); });
}

template <class A> void list(A& a, List& l) {
    Nested::io(a, [&] {
        a.flag(l.ordered);
        a.integer(l.start);
        a.list(l.items, [&](ListItem& item) {
            rich(a, item.text);
            a.list(item.children, [&](List& child) { list(a, child); });
            pos(a, item.where);
        });
        pos(a, l.where);
    });
}

template <class A> void rows(A& a, std::vector<TableRow>& rows) {
    a.list(rows, [&](TableRow& row) {
        a.flag(row.header);
        a.list(row.cells, [&](TableCell& c) {
            rich(a, c.text);
            pos(a, c.where);
            a.integer(c.colspan);
            a.integer(c.rowspan);
            a.integer(c.column);
        });
        pos(a, row.where);
        a.flag(row.total);
    });
}

template <class A> void blocks(A& a, std::vector<Block>& v);

template <class A> struct BlockFields {
    A& a;
    void operator()(Paragraph& p) { rich(a, p.text), pos(a, p.where); }
    void operator()(List& l) { list(a, l); }
    void operator()(Table& t) {
        rows(a, t.rows);
        pos(a, t.where);
        a.list(t.align, [&](CellAlign& x) { a.enumeration(x, std::size_t(CellAlign::Right)); });
        numbers(a, t.widths);
        rich(a, t.caption);
        a.shared(t.sizing_rows, [&](std::vector<TableRow>& r) { rows(a, r); });
    }
    void operator()(Image& i) {
        a.text(i.src), a.text(i.resolved), a.text(i.alt);
        a.enumeration(i.fit, std::size_t(ImageFit::Cover));
        a.real(i.width_fraction);
        rich(a, i.caption);
        a.enumeration(i.format, std::size_t(ImageFormat::Svg));
        pos(a, i.where);
    }
    void operator()(Columns& c) {
        Nested::io(a, [&] {
            a.list(c.columns, [&](Column& col) {
                rich(a, col.heading);
                blocks(a, col.blocks);
                pos(a, col.where);
            });
        });
        numbers(a, c.widths);
        pos(a, c.where);
    }
    void operator()(Quote& q) {
        a.list(q.paragraphs, [&](RichText& t) { rich(a, t); });
        a.text(q.cite);
        pos(a, q.where);
    }
    void operator()(FigureNumber& f) {
        a.text(f.value), a.text(f.label);
        rich(a, f.note);
        pos(a, f.where);
        a.shared(f.group_values, [&](std::vector<std::string>& v) { strings(a, v); });
    }
    void operator()(Pre& p) { strings(a, p.lines), pos(a, p.where); }
    void operator()(Agenda& g) {
        strings(a, g.sections);
        a.integer(g.current);
        pos(a, g.where);
        strings(a, g.targets);
        a.integer(g.first);
        a.integer(g.end);
    }
    void operator()(Chart& c) {
        a.enumeration(c.type, std::size_t(ChartType::StackedColumn));
        a.text(c.unit), a.text(c.caption), a.text(c.alt);
        a.flag(c.alt_generated);
        a.real(c.width_fraction);
        a.text(c.category_label);
        strings(a, c.categories);
        a.list(c.series, [&](ChartSeries& s) { a.text(s.name), gaps(a, s.values); });
        a.list(c.cells, [&](std::vector<std::string>& row) { strings(a, row); });
        pos(a, c.where);
    }
};

template <class A> void blocks(A& a, std::vector<Block>& v) {
    a.list(v, [&](Block& b) { variant_io(a, b, BlockFields<A>{a}); });
}

template <class A> void decision(A& a, FitDecision& d) {
    a.flag(d.continued);
    a.real(d.size);
    a.list(d.pieces, [&](std::vector<Block>& piece) { blocks(a, piece); });
    a.list(d.wheres, [&](SourcePosition& p) { pos(a, p); });
    a.text(d.floor);
    a.text(d.drawn);
}

}  // namespace

void io(ByteWriter& a, FitDecision& d) { decision(a, d); }
void io(ByteReader& a, FitDecision& d) { decision(a, d); }
void io(ByteWriter& a, SourcePosition& p) { pos(a, p); }
void io(ByteReader& a, SourcePosition& p) { pos(a, p); }

}  // namespace ks
