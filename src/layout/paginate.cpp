#include "layout/paginate.h"

#include <deque>
#include <set>

#include "layout/body_layout.h"
#include "layout/numeric_cell.h"
#include "layout/slide_layout.h"
#include "layout/table_layout.h"
#include "model/table_grid.h"
#include "util/utf8.h"

namespace ks {
namespace {

// One unit the packer places: a paragraph (or some of its lines), a list
// item (or one child of an item), a table row, an image.
struct Atom {
    std::size_t block = 0;  // index of the source block
    Block content;          // Paragraph, Image, List of one item, Table of one row (or of rows merged cells join)
    int item = -1;          // list: the top-level item it comes from
    int child_list = -1;    // list: for a carried child, which child list of the item
    std::vector<TableRow> header;  // table: header rows repeated on every piece
    SourcePosition where;
};

// The blocks of one slide of a run.
struct Piece {
    std::vector<Block> blocks;
    std::vector<std::size_t> sources;  // source block of each block
    int last_item = -1, last_child_list = -1;
    SourcePosition where;
    bool empty() const { return blocks.empty(); }
};

void append(Piece& p, const Atom& a) {
    if (p.empty()) p.where = a.where;
    bool same = !p.empty() && p.sources.back() == a.block;
    if (const auto* list = std::get_if<List>(&a.content)) {
        const ListItem& item = list->items.front();
        bool carried = a.child_list >= 0;
        if (same) {
            List& last = std::get<List>(p.blocks.back());
            if (carried && p.last_item == a.item) {
                ListItem& parent = last.items.back();
                if (p.last_child_list == a.child_list && !parent.children.empty())
                    parent.children.back().items.push_back(item.children.front().items.front());
                else parent.children.push_back(item.children.front());
            } else {
                last.items.push_back(item);
            }
        } else {
            p.blocks.push_back(a.content);
            p.sources.push_back(a.block);
        }
        p.last_item = a.item;
        p.last_child_list = carried ? a.child_list : -1;
        return;
    }
    if (const auto* table = std::get_if<Table>(&a.content)) {
        if (same) {
            auto& rows = std::get<Table>(p.blocks.back()).rows;
            rows.insert(rows.end(), table->rows.begin(), table->rows.end());
            return;
        }
        Table t = *table;
        t.rows.insert(t.rows.begin(), a.header.begin(), a.header.end());
        p.blocks.push_back(std::move(t));
        p.sources.push_back(a.block);
        return;
    }
    if (const auto* pre = std::get_if<Pre>(&a.content); pre && same) {
        auto& lines = std::get<Pre>(p.blocks.back()).lines;
        lines.insert(lines.end(), pre->lines.begin(), pre->lines.end());
        return;
    }
    p.blocks.push_back(a.content);
    p.sources.push_back(a.block);
}

// A table's settings without its rows (copied once, so a piece per row never
// copies every row).
Table without_rows(const Table& table) {
    Table shell = table;
    shell.rows.clear();
    return shell;
}

// Auto alignment decided over the whole table, so every piece of a continued
// table aligns a column the same way (pieces are sized from a few rows only).
std::vector<CellAlign> resolved_aligns(const Table& table) {
    return resolve_column_alignment(table, table.rows, table_grid(table.rows).columns);
}

// Whole items, rows, paragraphs and images, in order.
std::vector<Atom> coarse_atoms(const Slide& slide) {
    std::vector<Atom> out;
    for (std::size_t b = 0; b < slide.blocks.size(); ++b) {
        const Block& block = slide.blocks[b];
        if (const auto* list = std::get_if<List>(&block)) {
            for (std::size_t i = 0; i < list->items.size(); ++i) {
                List one{list->ordered, list->start + static_cast<int>(i), {list->items[i]}, list->where};
                out.push_back({b, std::move(one), static_cast<int>(i), -1, {}, list->items[i].where});
            }
        } else if (const auto* table = std::get_if<Table>(&block)) {
            std::vector<TableRow> header;
            std::size_t r = 0;
            while (r < table->rows.size() && table->rows[r].header) header.push_back(table->rows[r++]);
            if (r == table->rows.size()) {  // only header rows: keep as is
                out.push_back({b, *table, -1, -1, {}, table->where});
                continue;
            }
            auto all_rows = std::make_shared<const std::vector<TableRow>>(table->rows);
            Table shell = without_rows(*table);  // align, widths and caption go with every piece
            shell.align = resolved_aligns(*table);
            shell.sizing_rows = all_rows;
            for (std::size_t end = r; r < table->rows.size(); r = end) {
                end = merged_block_end(table->rows, r);  // merged cells hold their rows together
                Table one = shell;
                one.rows.assign(table->rows.begin() + static_cast<std::ptrdiff_t>(r),
                                table->rows.begin() + static_cast<std::ptrdiff_t>(end));
                out.push_back({b, std::move(one), -1, -1, header, table->rows[r].where});
            }
        } else if (const auto* p = std::get_if<Paragraph>(&block)) {
            out.push_back({b, block, -1, -1, {}, p->where});
        } else if (const auto* pre = std::get_if<Pre>(&block)) {
            // Code splits between its lines.
            for (const auto& line : pre->lines) out.push_back({b, Pre{{line}, pre->where}, -1, -1, {}, pre->where});
        } else {
            out.push_back({b, block, -1, -1, {}, block_where(block)});
        }
    }
    return out;
}

class Paginator {
public:
    Paginator(const BoxSpec& box, const TextEngine& text) : box_(box), text_(text) {}

    bool fits(const std::vector<Block>& blocks, double size) const {
        Diagnostics ignored;  // problems are reported by the final layout
        BodyResult r = layout_body(blocks, box_, size, text_, ignored);
        return r.height <= box_.h + 0.01 && !r.overfull && !r.image_squeezed;
    }

    std::vector<Piece> run(const Slide& slide) {
        auto coarse = coarse_atoms(slide);
        shrink_sizing_rows(coarse);
        std::deque<Atom> queue(coarse.begin(), coarse.end());
        std::vector<Piece> pieces;
        Piece current;
        while (!queue.empty()) {
            Atom atom = std::move(queue.front());
            queue.pop_front();
            Piece trial = current;
            append(trial, atom);
            if (fits(trial.blocks, box_.style.size)) {
                current = std::move(trial);
                continue;
            }
            Piece alone;
            append(alone, atom);
            if (current.empty() || !fits(alone.blocks, box_.style.size)) {
                auto parts = refine(atom);
                if (parts.size() > 1) {
                    queue.insert(queue.begin(), parts.begin(), parts.end());
                    continue;
                }
                // Unbreakable: a slide of its own; final layout shrinks it or reports it.
                if (!current.empty()) pieces.push_back(std::move(current));
                pieces.push_back(std::move(alone));
                current = {};
                continue;
            }
            pieces.push_back(std::move(current));
            current = std::move(alone);
        }
        if (!current.empty()) pieces.push_back(std::move(current));
        return pieces;
    }

private:
    // Every piece of a continued table is laid out with the whole table's
    // column widths. Measuring all rows for every trial piece would make
    // pagination quadratic in rows; a column's natural width is its widest
    // cell, and widths scale with the text size, so a few cells per column
    // (table_sizing_rows) size it the same.
    void shrink_sizing_rows(std::vector<Atom>& atoms) const {
        std::shared_ptr<const std::vector<TableRow>> from, reduced;
        for (auto& atom : atoms) {
            auto* table = std::get_if<Table>(&atom.content);
            if (!table || !table->sizing_rows) continue;
            if (table->sizing_rows != from) {
                from = table->sizing_rows;
                reduced = table_sizing_rows(*from, box_.style, text_);
            }
            table->sizing_rows = reduced;
        }
    }

    // Smaller atoms for one that does not fit a box of its own: an item's
    // text and then each of its children; a paragraph's lines in box-high chunks.
    std::vector<Atom> refine(const Atom& atom) const {
        std::vector<Atom> out;
        if (const auto* list = std::get_if<List>(&atom.content)) {
            if (atom.child_list >= 0) return {atom};
            const ListItem& item = list->items.front();
            if (item.children.empty() || item.text.empty()) return {atom};
            Atom head = atom;
            std::get<List>(head.content).items.front().children.clear();
            out.push_back(std::move(head));
            for (std::size_t k = 0; k < item.children.size(); ++k) {
                const List& child = item.children[k];
                for (std::size_t j = 0; j < child.items.size(); ++j) {
                    List carried_list{child.ordered, child.start + static_cast<int>(j), {child.items[j]}, child.where};
                    ListItem carrier{{}, {std::move(carried_list)}, child.items[j].where};
                    Atom a = atom;
                    a.content = List{list->ordered, list->start, {std::move(carrier)}, list->where};
                    a.child_list = static_cast<int>(k);
                    a.where = child.items[j].where;
                    out.push_back(std::move(a));
                }
            }
            return out;
        }
        if (const auto* p = std::get_if<Paragraph>(&atom.content)) return split_paragraph(atom, *p);
        if (const auto* cols = std::get_if<Columns>(&atom.content)) return split_columns(atom, *cols);
        return {atom};
    }

    // Columns that do not fit a box split row-wise: each column is paginated
    // in its own width, and piece k of the block holds piece k of every
    // column (a column that ran out stays empty). Headings repeat.
    std::vector<Atom> split_columns(const Atom& atom, const Columns& cols) const {
        std::vector<double> widths = column_widths(cols, box_.w, box_.column_gap);
        double head = column_heading_height(cols, box_, box_.style.size, text_);
        std::vector<std::vector<Piece>> per_column;
        std::size_t count = 0;
        for (std::size_t c = 0; c < cols.columns.size(); ++c) {
            BoxSpec col = box_;
            col.w = widths[c];
            col.h = box_.h - (head > 0 ? head + box_.style.size * 0.5 : 0);
            if (col.h <= 0) return {atom};
            Slide holder;
            holder.blocks = cols.columns[c].blocks;
            per_column.push_back(Paginator(col, text_).run(holder));
            count = std::max(count, per_column.back().size());
        }
        if (count < 2) return {atom};
        std::vector<Atom> out;
        for (std::size_t k = 0; k < count; ++k) {
            Columns piece;  // built column by column, never a copy of the whole block
            piece.widths = cols.widths;
            piece.where = cols.where;
            for (std::size_t c = 0; c < cols.columns.size(); ++c) {
                Column col;
                col.heading = cols.columns[c].heading;
                col.where = cols.columns[c].where;
                if (k < per_column[c].size()) col.blocks = std::move(per_column[c][k].blocks);
                piece.columns.push_back(std::move(col));
            }
            out.push_back({atom.block, std::move(piece), atom.item, atom.child_list, atom.header, atom.where});
        }
        return out;
    }

    std::vector<Atom> split_paragraph(const Atom& atom, const Paragraph& p) const {
        TextStyle style = box_.style;
        TextBlock block = text_.set(p.text, style, box_.w);
        if (block.lines.size() < 2) return {atom};
        std::string plain = p.text.plain();
        double line_h = block.height / block.lines.size();
        // Byte offset where each chunk after the first starts.
        std::vector<std::size_t> cuts;
        std::size_t cursor = 0;
        double chunk_top = 0;
        for (const auto& line : block.lines) {
            std::size_t at = line.text.empty() ? std::string::npos : plain.find(line.text, cursor);
            if (at == std::string::npos) continue;  // blank or reshaped line: never cut here
            if (line.top + line_h - chunk_top > box_.h && at > 0) {
                cuts.push_back(at);
                chunk_top = line.top;
            }
            cursor = at + line.text.size();
        }
        if (cuts.empty()) return {atom};
        std::vector<Atom> out;
        for (auto& piece : split_rich_text_at(p.text, cuts))  // never copy the whole paragraph per piece
            out.push_back({atom.block, Paragraph{std::move(piece), p.where}, atom.item, atom.child_list, atom.header,
                           atom.where});
        return out;
    }

    const BoxSpec& box_;
    const TextEngine& text_;
};

bool is_digit_or_slash(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') || c == U'/' || c == U'／';
}

// Ends in "(n/m)" in ASCII or full-width brackets, digits and slash.
bool already_numbered(const std::string& title) {
    std::u32string t = utf8_to_u32(title);
    while (!t.empty() && (t.back() == U' ' || t.back() == U'\u3000')) t.pop_back();
    if (t.empty() || (t.back() != U')' && t.back() != U'）')) return false;
    std::size_t open = t.find_last_of(U"(（");
    if (open == std::u32string::npos) return false;
    std::u32string inner = t.substr(open + 1, t.size() - open - 2);
    bool slash = false, digit = false;
    for (char32_t c : inner) {
        if (!is_digit_or_slash(c)) return false;
        (c == U'/' || c == U'／' ? slash : digit) = true;
    }
    return slash && digit;
}

std::string join_ids(const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
    return s;
}

}  // namespace

std::vector<RichText> split_rich_text_at(const RichText& text, const std::vector<std::size_t>& cuts) {
    std::vector<RichText> pieces(cuts.size() + 1);
    for (auto& p : pieces) p.where = text.where;
    // One pass over the spans: a paragraph of many spans cut many times stays linear.
    std::size_t offset = 0, piece = 0;
    for (const auto& span : text.spans) {
        std::size_t begin = 0, end = offset + span.text.size();
        while (piece < cuts.size() && cuts[piece] < end) {
            if (cuts[piece] > offset + begin) {
                Span part = span;
                part.text = span.text.substr(begin, cuts[piece] - offset - begin);
                pieces[piece].spans.push_back(std::move(part));
                begin = cuts[piece] - offset;
            }
            ++piece;
        }
        if (begin == 0) pieces[piece].spans.push_back(span);
        else if (begin < span.text.size()) {
            Span part = span;
            part.text = span.text.substr(begin);
            pieces[piece].spans.push_back(std::move(part));
        }
        offset = end;
    }
    // A break itself is not text: drop the spaces and <br/>s around it.
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        auto& spans = pieces[i].spans;
        if (i + 1 < pieces.size()) {
            while (!spans.empty() && (spans.back().text == "\n" || spans.back().text.empty())) spans.pop_back();
            while (!spans.empty() && !spans.back().text.empty() && spans.back().text.back() == ' ')
                spans.back().text.pop_back();
        }
        if (i > 0) {
            std::size_t drop = 0;
            while (drop < spans.size() && (spans[drop].text == "\n" || spans[drop].text.empty())) ++drop;
            spans.erase(spans.begin(), spans.begin() + static_cast<std::ptrdiff_t>(drop));
            while (!spans.empty() && !spans.front().text.empty() && spans.front().text.front() == ' ')
                spans.front().text.erase(0, 1);
        }
    }
    return pieces;
}

std::pair<RichText, RichText> split_rich_text(const RichText& text, std::size_t at) {
    auto pieces = split_rich_text_at(text, {at});
    return {std::move(pieces[0]), std::move(pieces[1])};
}

RichText continued_title(const RichText& title, const std::string& mark) {
    if (title.empty() || already_numbered(title.plain())) return title;
    RichText out = title;
    Span s;
    s.text = mark;
    s.where = title.where;
    out.spans.push_back(std::move(s));
    return out;
}

Deck paginate(const Deck& deck, const LayoutSet& set, const TextEngine& text, Diagnostics& diags) {
    std::set<std::string> used;
    for (const auto& s : deck.slides) used.insert(s.id);
    // ID-2, ID-3, …; should the author have used that id already (a hand-split
    // "overview-2"), ID-cont2 keeps every id unique.
    auto continuation_id = [&](const std::string& id, std::size_t k) {
        std::string want = id + "-" + std::to_string(k);
        if (used.count(want)) want = id + "-cont" + std::to_string(k);
        used.insert(want);
        return want;
    };
    Deck out = deck;
    out.slides.clear();
    std::vector<std::size_t> first_of(deck.slides.size() + 1, 0);  // new index of each source slide
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        first_of[i] = out.slides.size();
        const Slide& slide = deck.slides[i];
        std::string layout_name = choose_layout(slide, i, set);
        const LayoutSpec* layout = set.find(layout_name);
        auto box = layout ? body_box_for(*layout, slide) : std::nullopt;
        if (!box && !slide.blocks.empty() && layout) {
            diags.error(slide.where,
                        "slide '" + slide.id + "': layout '" + layout_name +
                            "' has no body box, so its paragraphs, lists, tables and images would not be shown",
                        {"use a layout with a body (e.g. layout=\"bullets\"), or move the content to another slide"});
        }
        // The image of an `image` box (image-text) stays on the first slide of the run.
        auto slot = layout ? image_slot(*layout, slide) : std::nullopt;
        Slide body = slide;
        if (slot) body.blocks = body_blocks(*layout, slide);
        if (!box || body.blocks.empty()) {
            out.slides.push_back(slide);
            continue;
        }
        Paginator paginator(*box, text);
        if (paginator.fits(body.blocks, box->min_size)) {
            out.slides.push_back(slide);  // fits, shrunk at most; final layout says by how much
            continue;
        }
        auto pieces = paginator.run(body);
        if (slot && !pieces.empty()) pieces.front().blocks.insert(pieces.front().blocks.begin(), slide.blocks[*slot]);
        if (pieces.size() < 2) {
            out.slides.push_back(slide);  // one unbreakable thing: final layout reports it
            continue;
        }
        Slide shell = slide;  // the slide without its blocks, copied once
        shell.blocks.clear();
        std::vector<std::string> ids;
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            Slide s = shell;
            s.layout = layout_name;
            s.blocks = std::move(pieces[k].blocks);
            if (k > 0) {
                s.id = continuation_id(slide.id, k + 1);
                s.title = continued_title(slide.title, set.continued_mark);
                s.notes = {};
                s.continues = slide.id;
                if (pieces[k].where.known()) s.where = pieces[k].where;
            }
            ids.push_back(s.id);
            out.slides.push_back(std::move(s));
        }
        char size[32];
        std::snprintf(size, sizeof size, "%g pt", box->min_size);
        diags.warning(slide.where,
                      "slide '" + slide.id + "' does not fit even at " + size + "; continued onto " +
                          std::to_string(pieces.size()) + " slides (" + join_ids(ids) + ")",
                      {"continuation slides repeat the title with '" + set.continued_mark +
                       "'; split the slide in the outline to choose the breaks yourself"});
    }
    first_of[deck.slides.size()] = out.slides.size();
    for (auto& section : out.sections) {
        std::size_t end = std::min(section.first_slide + section.slide_count, deck.slides.size());
        std::size_t begin = std::min(section.first_slide, deck.slides.size());
        section.first_slide = first_of[begin];
        section.slide_count = first_of[end] - first_of[begin];
    }
    return out;
}

}  // namespace ks
