#include "model/deck_dump.h"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <variant>

#include "util/dump_text.h"
#include "util/overloaded.h"

namespace ks {
namespace {

std::string num(double v) { return dump_number(v); }

std::string quote(std::string_view text) { return dump_quote(text); }

std::string at(const SourcePosition& p) {
    return p.known() ? " @" + std::to_string(p.line) + ":" + std::to_string(p.column) : "";
}

// Spans with their markup, as one quoted string.
std::string rich(const RichText& text) {
    std::string s;
    for (const Span& span : text.spans) {
        std::string t = span.text;
        if (span.code) t = "<code>" + t + "</code>";
        if (span.italic) t = "<i>" + t + "</i>";
        if (span.bold) t = "<b>" + t + "</b>";
        if (!span.href.empty()) t = "<a href=" + span.href + ">" + t + "</a>";
        s += t;
    }
    return quote(s);
}

const char* align_name(CellAlign a) {
    switch (a) {
        case CellAlign::Auto: return "auto";
        case CellAlign::Left: return "left";
        case CellAlign::Center: return "center";
        case CellAlign::Right: return "right";
    }
    return "auto";
}

std::string numbers(const std::vector<double>& v) {
    std::string s;
    for (double x : v) s += (s.empty() ? "" : ",") + num(x);
    return s;
}

class DeckDumper {
public:
    std::string out;

    void line(int depth, const std::string& s) {
        out.append(static_cast<std::size_t>(depth) * 2, ' ');
        out += s;
        out += '\n';
    }

    void blocks(const std::vector<Block>& bs, int depth) {
        for (const Block& b : bs) std::visit([&](const auto& x) { block(x, depth); }, b);
    }

    void slide(const Slide& s, std::size_t index) {
        std::string head = "slide " + std::to_string(index + 1) + " id=" + s.id;
        if (!s.layout.empty()) head += " layout=" + s.layout;
        if (!s.section.empty()) head += " section=" + quote(s.section);
        if (!s.continues.empty()) head += " continues=" + s.continues;
        line(1, head + at(s.where));
        line(2, "title " + rich(s.title));
        if (!s.subtitle.empty()) line(2, "subtitle " + rich(s.subtitle));
        blocks(s.blocks, 2);
        if (!s.notes.empty()) line(2, "notes " + rich(s.notes));
    }

private:
    void block(const Paragraph& p, int depth) { line(depth, "p " + rich(p.text) + at(p.where)); }

    void block(const List& l, int depth) {
        std::string s = l.ordered ? "list ordered" : "list";
        if (l.ordered && l.start != 1) s += " start=" + std::to_string(l.start);
        line(depth, s + at(l.where));
        for (const ListItem& item : l.items) {
            line(depth + 1, "item " + rich(item.text) + at(item.where));
            for (const List& child : item.children) block(child, depth + 2);
        }
    }

    void block(const Table& t, int depth) {
        std::string s = "table rows=" + std::to_string(t.rows.size());
        if (!t.align.empty()) {
            s += " align=";
            for (std::size_t i = 0; i < t.align.size(); ++i) s += (i ? "," : "") + std::string(align_name(t.align[i]));
        }
        if (!t.widths.empty()) s += " widths=" + numbers(t.widths);
        if (t.sizing_rows) s += " sized-by-rows=" + std::to_string(t.sizing_rows->size());
        line(depth, s + at(t.where));
        if (!t.caption.empty()) line(depth + 1, "caption " + rich(t.caption));
        for (const TableRow& r : t.rows) {
            line(depth + 1, std::string("row") + (r.header ? " header" : "") + (r.total ? " total" : "") + at(r.where));
            for (const TableCell& c : r.cells) {
                std::string cell = "cell " + rich(c.text);
                if (c.colspan != 1) cell += " colspan=" + std::to_string(c.colspan);
                if (c.rowspan != 1) cell += " rowspan=" + std::to_string(c.rowspan);
                if (c.column >= 0) cell += " column=" + std::to_string(c.column);
                line(depth + 2, cell);
            }
        }
    }

    void block(const Image& im, int depth) {
        std::string s = "image src=" + quote(im.src) + " alt=" + quote(im.alt);
        if (im.fit == ImageFit::Cover) s += " fit=cover";
        if (im.width_fraction > 0) s += " width=" + num(im.width_fraction);
        line(depth, s + at(im.where));
        if (!im.caption.empty()) line(depth + 1, "caption " + rich(im.caption));
    }

    void block(const Columns& c, int depth) {
        line(depth, "columns" + (c.widths.empty() ? std::string() : " widths=" + numbers(c.widths)) + at(c.where));
        for (const Column& col : c.columns) {
            line(depth + 1, "column" + (col.heading.empty() ? std::string() : " heading=" + rich(col.heading)) +
                                at(col.where));
            blocks(col.blocks, depth + 2);
        }
    }

    void block(const Quote& q, int depth) {
        line(depth, "quote" + (q.cite.empty() ? std::string() : " cite=" + quote(q.cite)) + at(q.where));
        for (const RichText& p : q.paragraphs) line(depth + 1, "p " + rich(p));
    }

    void block(const FigureNumber& f, int depth) {
        std::string s = "figure value=" + quote(f.value) + " label=" + quote(f.label);
        if (!f.note.empty()) s += " note=" + rich(f.note);
        if (f.group_values) s += " group=" + std::to_string(f.group_values->size());
        line(depth, s + at(f.where));
    }

    void block(const Pre& p, int depth) {
        line(depth, "pre lines=" + std::to_string(p.lines.size()) + at(p.where));
        for (const std::string& l : p.lines) line(depth + 1, quote(l));
    }

    void block(const Agenda& a, int depth) {
        const bool part = a.first > 0 || a.shown_end() < a.sections.size();
        line(depth, "agenda current=" + std::to_string(a.current) +
                        (part ? " entries=" + std::to_string(a.first) + ".." + std::to_string(a.shown_end()) : "") +
                        at(a.where));
        for (std::size_t i = 0; i < a.sections.size(); ++i)
            line(depth + 1, "entry " + quote(a.sections[i]) + (i < a.targets.size() ? " -> " + a.targets[i] : ""));
    }

    void block(const Chart& c, int depth) {
        std::string s = std::string("chart type=") + chart_type_name(c.type) + " categories=" +
                        std::to_string(c.categories.size()) + " series=" + std::to_string(c.series.size());
        if (!c.unit.empty()) s += " unit=" + quote(c.unit);
        if (c.width_fraction > 0) s += " width=" + num(c.width_fraction);
        line(depth, s + at(c.where));
        line(depth + 1, std::string(c.alt_generated ? "alt (generated) " : "alt ") + quote(c.alt));
        if (!c.caption.empty()) line(depth + 1, "caption " + quote(c.caption));
        for (const auto& row : c.cells) {
            std::string r = "data";
            for (const std::string& cell : row) {
                r += ' ';
                r += quote(cell);
            }
            line(depth + 1, r);
        }
    }
};

// How much of a block is on a slide, and how it starts: one line.
std::string first_words(const std::string& text) {
    std::string s;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size() && chars < 16; ++i) {
        s += text[i];
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
    }
    while (s.size() < text.size() && (static_cast<unsigned char>(text[s.size()]) & 0xC0) == 0x80) s += text[s.size()];
    return quote(s.size() < text.size() ? s + "…" : s);
}

std::size_t list_items(const List& l) {
    std::size_t n = 0;
    for (const ListItem& i : l.items) {
        ++n;
        for (const List& c : i.children) n += list_items(c);
    }
    return n;
}

std::string block_summary(const Block& b) {
    return std::visit(
        Overloaded{
            [](const Paragraph& p) { return "p " + first_words(p.text.plain()); },
            [](const List& l) {
                const std::string first = l.items.empty() ? "" : l.items[0].text.plain();
                return std::string("list items=") + std::to_string(list_items(l)) +
                       (l.ordered ? " start=" + std::to_string(l.start) : "") + " " + first_words(first);
            },
            [](const Table& t) {
                std::size_t header = 0;
                for (const TableRow& r : t.rows) header += r.header;
                const TableRow* body = nullptr;
                for (const TableRow& r : t.rows)
                    if (!r.header && !body) body = &r;
                const std::string first = body && !body->cells.empty() ? body->cells[0].text.plain() : "";
                return "table rows=" + std::to_string(t.rows.size()) + " header=" + std::to_string(header) + " " +
                       first_words(first);
            },
            [](const Image& im) { return "image " + quote(im.src); },
            [](const Columns& c) {
                std::string s = "columns";
                for (const Column& col : c.columns) s += " [" + std::to_string(col.blocks.size()) + " blocks]";
                return s;
            },
            [](const Quote& q) { return "quote paragraphs=" + std::to_string(q.paragraphs.size()); },
            [](const FigureNumber& f) { return "figure " + quote(f.value); },
            [](const Pre& p) { return "pre lines=" + std::to_string(p.lines.size()); },
            [](const Agenda& a) { return "agenda current=" + std::to_string(a.current); },
            [](const Chart& c) { return std::string("chart ") + chart_type_name(c.type); },
        },
        b);
}

}  // namespace

std::string dump_deck(const Deck& deck) {
    DeckDumper d;
    std::string head = "deck slides=" + std::to_string(deck.slides.size());
    if (!deck.lang.empty()) head += " lang=" + deck.lang;
    if (!deck.layouts.empty()) head += " layouts=" + deck.layouts;
    d.line(0, head);
    const DeckMeta& m = deck.meta;
    d.line(1, "meta title=" + quote(m.title) + " subtitle=" + quote(m.subtitle) + " date=" + quote(m.date) +
                  " author=" + quote(m.author) + " confidentiality=" + quote(m.confidentiality));
    for (const Section& s : deck.sections)
        d.line(1, "section " + quote(s.title) + " first=" + std::to_string(s.first_slide + 1) +
                      " slides=" + std::to_string(s.slide_count) + at(s.where));
    for (std::size_t i = 0; i < deck.slides.size(); ++i) d.slide(deck.slides[i], i);
    return std::move(d.out);
}

std::string dump_fitting(const Deck& deck) {
    DeckDumper d;
    d.line(0, "deck slides=" + std::to_string(deck.slides.size()));
    for (const Section& s : deck.sections)
        d.line(1, "section " + quote(s.title) + " first=" + std::to_string(s.first_slide + 1) +
                      " slides=" + std::to_string(s.slide_count));
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const Slide& s = deck.slides[i];
        std::string head = "slide " + std::to_string(i + 1) + " id=" + s.id;
        if (!s.layout.empty()) head += " layout=" + s.layout;
        if (!s.continues.empty()) head += " continues=" + s.continues;
        if (s.fit_size > 0) head += " body-size=" + num(s.fit_size);
        d.line(1, head + " " + quote(s.title.plain()));
        for (const Block& b : s.blocks) d.line(2, block_summary(b));
    }
    return std::move(d.out);
}

}  // namespace ks
