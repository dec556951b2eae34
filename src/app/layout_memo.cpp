#include "app/layout_memo.h"

#include <sys/stat.h>

#include <variant>

#include "cache/render_key.h"

namespace ks {

const SlideLayout* LayoutMemo::find(std::uint64_t key) {
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    it->second.used = true;
    return &it->second.value;
}

void LayoutMemo::keep(std::uint64_t key, const SlideLayout& slide) { entries_[key] = {slide, true}; }

const FitDecision* LayoutMemo::find_fit(std::uint64_t key) {
    auto it = fits_.find(key);
    if (it == fits_.end()) return nullptr;
    it->second.used = true;
    return &it->second.value;
}

void LayoutMemo::keep_fit(std::uint64_t key, const FitDecision& decision) { fits_[key] = {decision, true}; }

namespace {

template <class Map> void drop_unused(Map& entries) {
    for (auto it = entries.begin(); it != entries.end();) {
        if (!it->second.used) {
            it = entries.erase(it);
        } else {
            it->second.used = false;
            ++it;
        }
    }
}

}  // namespace

void LayoutMemo::end_build() {
    drop_unused(entries_);
    drop_unused(fits_);
}

const FitDecision* MemoFits::find(std::size_t index) {
    const FitDecision* d = memo_.find_fit(fit_decision_key(context_, deck_, index));
    if (d) ++memo_.fits_reused;
    return d;
}

void MemoFits::keep(std::size_t index, const FitDecision& decision) {
    memo_.keep_fit(fit_decision_key(context_, deck_, index), decision);
    ++memo_.fits_decided;
}

namespace {

void stamp(KeyHasher& h, const std::string& path) {
    h.str(path);
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return h.str("missing");
    for (const auto v : {std::uint64_t(st.st_mode), std::uint64_t(st.st_dev), std::uint64_t(st.st_ino),
                         std::uint64_t(st.st_size), std::uint64_t(st.st_mtim.tv_sec), std::uint64_t(st.st_mtim.tv_nsec)})
        h.u64(v);
}

// The model as bytes: every field layout could read, in declaration order.
struct ModelHasher {
    KeyHasher& h;

    void at(const SourcePosition& p) {
        h.str(p.file);
        h.u64(std::uint64_t(p.line));
        h.u64(std::uint64_t(p.column));
    }
    void text(const RichText& t) {
        h.u64(t.spans.size());
        for (const auto& s : t.spans) {
            h.str(s.text);
            h.u64(std::uint64_t(s.bold) | std::uint64_t(s.italic) << 1 | std::uint64_t(s.code) << 2);
            at(s.where);
            h.str(s.href);
        }
        at(t.where);
    }
    void strings(const std::vector<std::string>& v) {
        h.u64(v.size());
        for (const auto& s : v) h.str(s);
    }
    void numbers(const std::vector<double>& v) {
        h.u64(v.size());
        for (double d : v) h.f64(d);
    }
    void list(const List& l) {
        h.u64(std::uint64_t(l.ordered));
        h.u64(std::uint64_t(l.start));
        h.u64(l.items.size());
        for (const auto& item : l.items) {
            text(item.text);
            h.u64(item.children.size());
            for (const auto& child : item.children) list(child);
            at(item.where);
        }
        at(l.where);
    }
    void rows(const std::vector<TableRow>& rows) {
        h.u64(rows.size());
        for (const auto& row : rows) {
            h.u64(std::uint64_t(row.header) | std::uint64_t(row.total) << 1);
            h.u64(row.cells.size());
            for (const auto& c : row.cells) {
                text(c.text);
                at(c.where);
                for (int v : {c.colspan, c.rowspan, c.column}) h.u64(std::uint64_t(v));
            }
            at(row.where);
        }
    }
    void blocks(const std::vector<Block>& blocks) {
        h.u64(blocks.size());
        for (const auto& b : blocks) {
            h.u64(b.index());
            std::visit([this](const auto& x) { block(x); }, b);
        }
    }
    void block(const Paragraph& p) { text(p.text), at(p.where); }
    void block(const List& l) { list(l); }
    void block(const Table& t) {
        rows(t.rows);
        at(t.where);
        h.u64(t.align.size());
        for (auto a : t.align) h.u64(std::uint64_t(a));
        numbers(t.widths);
        text(t.caption);
        h.u64(t.sizing_rows != nullptr);
        if (t.sizing_rows) rows(*t.sizing_rows);
    }
    void block(const Image& i) {
        for (const auto* s : {&i.src, &i.resolved, &i.alt}) h.str(*s);
        h.u64(std::uint64_t(i.fit));
        h.f64(i.width_fraction);
        text(i.caption);
        h.u64(std::uint64_t(i.format));
        at(i.where);
    }
    void block(const Columns& c) {
        h.u64(c.columns.size());
        for (const auto& col : c.columns) {
            text(col.heading);
            blocks(col.blocks);
            at(col.where);
        }
        numbers(c.widths);
        at(c.where);
    }
    void block(const Quote& q) {
        h.u64(q.paragraphs.size());
        for (const auto& p : q.paragraphs) text(p);
        h.str(q.cite);
        at(q.where);
    }
    void block(const FigureNumber& f) {
        h.str(f.value);
        h.str(f.label);
        text(f.note);
        at(f.where);
        h.u64(f.group_values != nullptr);
        if (f.group_values) strings(*f.group_values);
    }
    void block(const Pre& p) { strings(p.lines), at(p.where); }
    void block(const Agenda& a) {
        strings(a.sections);
        h.u64(std::uint64_t(a.current));
        at(a.where);
        strings(a.targets);
        h.u64(a.first);
        h.u64(a.shown_end());
    }
    void block(const Chart& c) {
        h.u64(std::uint64_t(c.type));
        for (const auto* s : {&c.unit, &c.caption, &c.alt, &c.category_label}) h.str(*s);
        h.u64(std::uint64_t(c.alt_generated));
        h.f64(c.width_fraction);
        strings(c.categories);
        h.u64(c.series.size());
        for (const auto& s : c.series) {
            h.str(s.name);
            h.u64(s.values.size());
            for (const auto& v : s.values) h.f64(v ? *v : -1e308), h.u64(v.has_value());
        }
        h.u64(c.cells.size());
        for (const auto& row : c.cells) strings(row);
        at(c.where);
    }
    void slide(const Slide& s) {
        for (const auto* v : {&s.id, &s.layout, &s.section, &s.continues}) h.str(*v);
        text(s.title);
        text(s.subtitle);
        blocks(s.blocks);
        text(s.notes);
        h.f64(s.fit_size);
        at(s.where);
    }
};

}  // namespace

std::uint64_t layout_context_key(const std::vector<std::string>& inputs, const std::vector<std::string>& dirs,
                                 const std::string& outline, const std::string& options) {
    KeyHasher h;
    h.str("layout context 1");
    h.str(options);
    for (const auto& p : inputs)
        if (p != outline) stamp(h, p);
    h.str("dirs");
    for (const auto& p : dirs) stamp(h, p);
    stamp(h, "/proc/self/exe");
    return h.value();
}

std::uint64_t fit_decision_key(std::uint64_t context, const Deck& deck, std::size_t index) {
    KeyHasher h;
    h.str("fit decision 1");
    h.u64(context);
    h.u64(index);
    ModelHasher model{h};
    model.slide(deck.slides[index]);
    return h.value();
}

std::uint64_t slide_layout_key(std::uint64_t context, const Deck& deck, std::size_t index) {
    KeyHasher h;
    h.u64(context);
    h.u64(index);
    h.u64(deck.slides.size());
    const DeckMeta& m = deck.meta;
    for (const auto* s : {&m.title, &m.subtitle, &m.date, &m.author, &m.confidentiality, &deck.source_file, &deck.lang})
        h.str(*s);
    ModelHasher model{h};
    model.at(m.title_where);
    model.slide(deck.slides[index]);
    return h.value();
}

}  // namespace ks
