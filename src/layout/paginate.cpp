#include "layout/paginate.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <set>

#include "layout/body_layout.h"
#include "layout/numeric_cell.h"
#include "layout/slide_layout.h"
#include "layout/table_layout.h"
#include "layout/text_sizes.h"
#include "model/table_grid.h"
#include "util/utf8.h"

namespace ks {
namespace {

// One unit the packer places: a paragraph (or some of its lines), a list
// item (or one child of an item), a table row, an image, an agenda entry.
struct Atom {
    std::size_t block = 0;  // index of the source block
    Block content;          // Paragraph, Image, List of one item, Table of one row (or of rows merged cells join),
                            // Agenda of one entry
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
    if (const auto* agenda = std::get_if<Agenda>(&a.content); agenda && same) {
        std::get<Agenda>(p.blocks.back()).end = agenda->end;  // the next entries of the same agenda
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
            // Merged cells hold their rows together, and a piece of a table
            // holds at least two body rows (when it has four or more): its
            // first two and its last two rows go together.
            std::vector<std::size_t> cuts;  // starts of unbreakable row blocks, then the end
            for (std::size_t s = r; s < table->rows.size(); s = merged_block_end(table->rows, s)) cuts.push_back(s);
            cuts.push_back(table->rows.size());
            if (table->rows.size() - r >= 4) {
                if (cuts.size() > 2 && cuts[1] - cuts[0] < 2) cuts.erase(cuts.begin() + 1);
                if (cuts.size() > 2 && cuts[cuts.size() - 1] - cuts[cuts.size() - 2] < 2) cuts.erase(cuts.end() - 2);
            }
            for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
                Table part = shell;
                part.rows.assign(table->rows.begin() + static_cast<std::ptrdiff_t>(cuts[k]),
                                 table->rows.begin() + static_cast<std::ptrdiff_t>(cuts[k + 1]));
                out.push_back({b, std::move(part), -1, -1, header, table->rows[cuts[k]].where});
            }
        } else if (std::holds_alternative<FigureNumber>(block)) {
            // Big numbers in a row keep the row's grid and size on every piece.
            auto values = std::make_shared<std::vector<std::string>>();
            std::size_t end = b;
            for (; end < slide.blocks.size() && std::holds_alternative<FigureNumber>(slide.blocks[end]); ++end)
                values->push_back(std::get<FigureNumber>(slide.blocks[end]).value);
            for (; b < end; ++b) {
                FigureNumber f = std::get<FigureNumber>(slide.blocks[b]);
                f.group_values = values;
                const SourcePosition where = f.where;  // read before f is moved from
                out.push_back({b, std::move(f), -1, -1, {}, where});
            }
            --b;
        } else if (const auto* p = std::get_if<Paragraph>(&block)) {
            out.push_back({b, block, -1, -1, {}, p->where});
        } else if (const auto* agenda = std::get_if<Agenda>(&block)) {
            // An agenda splits between its entries (a deck of a dozen sections).
            for (std::size_t k = 0; k < agenda->sections.size(); ++k) {
                Agenda one = *agenda;
                one.first = k, one.end = k + 1;
                out.push_back({b, std::move(one), -1, -1, {}, agenda->where});
            }
            if (agenda->sections.empty()) out.push_back({b, block, -1, -1, {}, agenda->where});
        } else if (const auto* pre = std::get_if<Pre>(&block)) {
            // Code splits between its lines.
            for (const auto& line : pre->lines) out.push_back({b, Pre{{line}, pre->where}, -1, -1, {}, pre->where});
        } else {
            out.push_back({b, block, -1, -1, {}, block_where(block)});
        }
    }
    return out;
}

// At most two rows of three big numbers on a slide: a seventh continues.
constexpr std::size_t kMaxFiguresPerSlide = 6;

bool too_many_figures(const std::vector<Block>& blocks) {
    std::size_t row = 0;
    for (const auto& b : blocks) {
        row = std::holds_alternative<FigureNumber>(b) ? row + 1 : 0;
        if (row > kMaxFiguresPerSlide) return true;
    }
    return false;
}

// Characters (table cells count as a few) a run would lay out in one packing.
std::size_t text_weight(const List& list) {
    std::size_t w = 0;
    for (const auto& item : list.items) {
        w += item.text.plain().size();
        for (const auto& child : item.children) w += text_weight(child);
    }
    return w;
}

bool too_heavy_to_search(const std::vector<Atom>& atoms) {
    constexpr std::size_t kSearchableWeight = 40000;
    std::size_t w = 0;
    for (const auto& a : atoms) {
        if (const auto* p = std::get_if<Paragraph>(&a.content)) w += p->text.plain().size();
        else if (const auto* l = std::get_if<List>(&a.content)) w += text_weight(*l);
        else if (const auto* t = std::get_if<Table>(&a.content))
            for (const auto& r : t->rows) w += 4 * r.cells.size();
        else if (const auto* pre = std::get_if<Pre>(&a.content))
            for (const auto& line : pre->lines) w += line.size();
        if (w > kSearchableWeight) return true;
    }
    return false;
}

// Pieces as packed, with the atoms each was built from (so atoms can move
// between neighbours).
struct Packed {
    std::vector<Piece> pieces;
    std::vector<std::vector<Atom>> atoms;
    std::size_t size() const { return pieces.size(); }
};

Piece piece_of(const std::vector<Atom>& atoms) {
    Piece p;
    for (const auto& a : atoms) append(p, a);
    return p;
}

// Pieces of one run, all set at one fitting size.
struct Run {
    std::vector<Piece> pieces;
    double size = 0;
};

class Paginator {
public:
    Paginator(const BoxSpec& box, const TextEngine& text) : box_(box), text_(text), lowest_(lowest_fit_size(box)) {}

    // The smallest fitting size: every kind of text at its floor.
    double lowest() const { return lowest_; }

    BodyResult measure(const std::vector<Block>& blocks, double size) const {
        Diagnostics ignored;  // problems are reported by the final layout
        return layout_body(blocks, box_, size, text_, ignored);
    }

    // Whether `blocks` fit the box at fitting size `size`, at most `cap` points tall.
    bool fits(const std::vector<Block>& blocks, double size, double cap) const {
        if (too_many_figures(blocks)) return false;
        BodyResult r = measure(blocks, size);
        return r.height <= cap + 0.01 && !r.overfull && !r.image_squeezed;
    }
    bool fits(const std::vector<Block>& blocks, double size) const { return fits(blocks, size, box_.h); }

    // As few pieces as the floors allow, all at the largest size that keeps
    // that count, split as evenly as the item and row boundaries allow.
    Run run(const Slide& slide) const {
        auto atoms = coarse_atoms(slide);
        shrink_sizing_rows(atoms);
        Packed at_floor = pack(atoms, lowest_, box_.h);
        std::size_t count = at_floor.size();
        if (count < 2) return {std::move(at_floor.pieces), lowest_};
        if (too_heavy_to_search(atoms)) {
            // Searching sizes and caps repacks the run a dozen times: for a
            // slide of tens of thousands of characters, the floor's packing
            // stands, with only its last piece evened out.
            even_out(at_floor, lowest_, count - 1);
            return {std::move(at_floor.pieces), lowest_};
        }
        double size = largest_size_for(atoms, count);
        return {balanced(atoms, size, count).pieces, size};
    }

private:
    // Greedy: atoms in order into pieces at most `cap` tall (a single atom
    // taller than the cap gets a piece of its own, up to the whole box).
    Packed pack(const std::vector<Atom>& atoms, double size, double cap) const {
        return Packer(*this, atoms, size, cap).run();
    }

    // One greedy packing. Laying out the whole piece for every atom made
    // packing quadratic in a piece's length: while the piece is far from the
    // cap, an atom is added on an upper bound of its height (its own height
    // plus the largest gap before it), and the piece is laid out for real
    // near the cap.
    class Packer {
    public:
        Packer(const Paginator& p, const std::vector<Atom>& atoms, double size, double cap)
            : p_(p), queue_(atoms.begin(), atoms.end()), size_(size), cap_(cap),
              body_(drawn_body_size(p.box_, size)) {}

        Packed run() {
            while (!queue_.empty()) {
                Atom atom = std::move(queue_.front());
                queue_.pop_front();
                step(std::move(atom));
            }
            if (!current_.empty() && estimated_ && !p_.fits(current_.blocks, size_, cap_)) {
                // The last piece, grown on bounds, does not hold: pack its atoms exactly.
                Packed rest = p_.pack_exactly(current_atoms_, size_, cap_);
                current_ = {};
                for (std::size_t k = 0; k < rest.size(); ++k) {
                    out_.pieces.push_back(std::move(rest.pieces[k]));
                    out_.atoms.push_back(std::move(rest.atoms[k]));
                }
            }
            close();
            return std::move(out_);
        }

    private:
        void step(Atom atom) {
            Piece alone;
            append(alone, atom);
            BodyResult own = p_.measure(alone.blocks, size_);
            const bool alone_fits = own.height <= p_.box_.h + 0.01 && !own.overfull && !own.image_squeezed &&
                                    !too_many_figures(alone.blocks);
            if (alone_fits && add_on_bound(atom, own.height)) return;
            Piece trial = current_;
            append(trial, atom);
            if (auto h = p_.height_if_fits(trial.blocks, size_, cap_)) {
                current_ = std::move(trial);
                current_atoms_.push_back(std::move(atom));
                current_h_ = *h;
                estimated_ = false;  // laid out for real: the piece holds as it is
                return;
            }
            if (!holds(atom)) return;
            if (!alone_fits) {
                auto parts = p_.refine(atom, size_, cap_);
                if (parts.size() > 1) {
                    queue_.insert(queue_.begin(), parts.begin(), parts.end());
                    return;
                }
                // Unbreakable: a slide of its own; final layout shrinks it or reports it.
                close();
                start(std::move(alone), std::move(atom), own.height);
                close();
                return;
            }
            close();
            start(std::move(alone), std::move(atom), own.height);
        }

        // Adds `atom` without laying out the piece when its bound stays under the cap.
        bool add_on_bound(Atom& atom, double own_h) {
            if (current_.empty() || exact_ || std::holds_alternative<Image>(atom.content)) return false;
            double gap = std::holds_alternative<FigureNumber>(atom.content)
                             ? 0.8  // a big number may open a grid row
                             : std::max(p_.box_.paragraph_gap, p_.box_.item_gap);
            double bound = own_h + body_ * gap + 1;
            if (current_h_ + bound > cap_) return false;
            Piece grown = current_;
            append(grown, atom);
            if (too_many_figures(grown.blocks)) return false;  // the bound does not know this rule
            current_ = std::move(grown);
            current_atoms_.push_back(std::move(atom));
            current_h_ += bound;
            estimated_ = true;
            return true;
        }

        // A piece grown on bounds is checked once as laid out; should it not
        // fit after all (a wider number column reflowed its items), its atoms
        // go back to be packed exactly. False when they went back.
        bool holds(Atom& pending) {
            if (!estimated_ || p_.fits(current_.blocks, size_, cap_)) return true;
            queue_.push_front(std::move(pending));
            for (auto it = current_atoms_.rbegin(); it != current_atoms_.rend(); ++it) queue_.push_front(std::move(*it));
            current_ = {};
            current_atoms_.clear();
            current_h_ = 0;
            estimated_ = false;
            exact_ = true;
            return false;
        }

        void start(Piece piece, Atom atom, double h) {
            current_ = std::move(piece);
            current_atoms_.push_back(std::move(atom));
            current_h_ = h;
        }

        void close() {
            if (current_.empty()) return;
            out_.pieces.push_back(std::move(current_));
            out_.atoms.push_back(std::move(current_atoms_));
            current_ = {};
            current_atoms_.clear();
            current_h_ = 0;
            estimated_ = exact_ = false;
        }

        const Paginator& p_;
        std::deque<Atom> queue_;
        double size_, cap_, body_;
        Packed out_;
        Piece current_;
        std::vector<Atom> current_atoms_;
        double current_h_ = 0;    // height of `current_`; an upper bound while `estimated_`
        bool estimated_ = false;  // some atom was added on its bound
        bool exact_ = false;      // the piece is re-packed atom by atom (a bound proved wrong)
    };

    // Packing with every atom laid out in its piece (the bound-free path).
    Packed pack_exactly(const std::vector<Atom>& atoms, double size, double cap) const {
        Packed out;
        Piece current;
        std::vector<Atom> current_atoms;
        for (const Atom& atom : atoms) {
            Piece trial = current;
            append(trial, atom);
            if (current.empty() || fits(trial.blocks, size, cap)) {
                current = std::move(trial);
                current_atoms.push_back(atom);
                continue;
            }
            out.pieces.push_back(std::move(current));
            out.atoms.push_back(std::move(current_atoms));
            current = piece_of({atom});
            current_atoms = {atom};
        }
        if (!current.empty()) {
            out.pieces.push_back(std::move(current));
            out.atoms.push_back(std::move(current_atoms));
        }
        return out;
    }

    std::optional<double> height_if_fits(const std::vector<Block>& blocks, double size, double cap) const {
        if (too_many_figures(blocks)) return std::nullopt;
        BodyResult r = measure(blocks, size);
        if (r.height > cap + 0.01 || r.overfull || r.image_squeezed) return std::nullopt;
        return r.height;
    }

    // Body lines of a piece at `size`, or -1 when it does not fit the box.
    int lines_if_fits(const Piece& piece, double size) const {
        if (too_many_figures(piece.blocks)) return -1;
        BodyResult r = measure(piece.blocks, size);
        if (r.height > box_.h + 0.01 || r.overfull || r.image_squeezed) return -1;
        return static_cast<int>(r.lines.size());
    }

    // Evens out neighbours by lines where the height cap could not (atoms
    // of equal height in rows, big numbers): the last atom of a piece moves
    // to the next piece while that still fits and brings the two closer.
    void even_out(Packed& packed, double size, std::size_t from = 1) const {
        for (std::size_t k = packed.size(); k-- > std::max<std::size_t>(from, 1);) {
            for (;;) {
                auto& before = packed.atoms[k - 1];
                auto& after = packed.atoms[k];
                if (before.size() < 2) break;
                int lines_before = lines_if_fits(packed.pieces[k - 1], size);
                int lines_after = lines_if_fits(packed.pieces[k], size);
                std::vector<Atom> moved_after{before.back()};
                moved_after.insert(moved_after.end(), after.begin(), after.end());
                std::vector<Atom> moved_before(before.begin(), before.end() - 1);
                Piece new_before = piece_of(moved_before), new_after = piece_of(moved_after);
                int nb = lines_if_fits(new_before, size), na = lines_if_fits(new_after, size);
                if (nb < 0 || na < 0 || lines_before < 0 || lines_after < 0) break;
                if (std::abs(nb - na) >= std::abs(lines_before - lines_after)) break;
                packed.atoms[k - 1] = std::move(moved_before);
                packed.atoms[k] = std::move(moved_after);
                packed.pieces[k - 1] = std::move(new_before);
                packed.pieces[k] = std::move(new_after);
            }
        }
    }

    // The largest fitting size (½ pt steps down from the box's size, then
    // the lowest) at which `count` pieces still hold everything.
    double largest_size_for(const std::vector<Atom>& atoms, std::size_t count) const {
        std::vector<double> sizes{lowest_};
        for (double s = std::ceil(lowest_ * 2 + 1e-9) / 2; s < box_.style.size - 1e-9; s += 0.5) sizes.push_back(s);
        if (box_.style.size > lowest_) sizes.push_back(box_.style.size);
        std::size_t good = 0, bad = sizes.size();  // sizes[good] holds; sizes[bad] (if any) does not
        if (pack(atoms, sizes.back(), box_.h).size() <= count) return sizes.back();
        bad = sizes.size() - 1;
        while (bad - good > 1) {
            std::size_t mid = (good + bad) / 2;
            (pack(atoms, sizes[mid], box_.h).size() <= count ? good : bad) = mid;
        }
        return sizes[good];
    }

    // `count` pieces at `size` as even as the boundaries allow: the lowest
    // height cap (to a point) at which greedy packing still needs no more.
    Packed balanced(const std::vector<Atom>& atoms, double size, std::size_t count) const {
        auto best = pack(atoms, size, box_.h);
        // The cap is at least about the average piece: search from a little below it.
        double total = 0;
        for (const auto& piece : best.pieces) total += measure(piece.blocks, size).height;
        double hi = box_.h, lo = std::min(hi, total / static_cast<double>(count)) * 0.9;
        while (hi - lo > 1) {
            double mid = (lo + hi) / 2;
            auto pieces = pack(atoms, size, mid);
            if (pieces.size() <= count) hi = mid, best = std::move(pieces);
            else lo = mid;
        }
        even_out(best, size);
        return best;
    }

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
    std::vector<Atom> refine(const Atom& atom, double size, double cap) const {
        std::vector<Atom> out;
        if (const auto* table = std::get_if<Table>(&atom.content); table && table->rows.size() > 1) {
            // Rows too tall together for a slide: one merged block at a time.
            for (std::size_t s = 0, e = 0; s < table->rows.size(); s = e) {
                e = merged_block_end(table->rows, s);
                Atom one = atom;
                std::get<Table>(one.content).rows.assign(table->rows.begin() + static_cast<std::ptrdiff_t>(s),
                                                         table->rows.begin() + static_cast<std::ptrdiff_t>(e));
                one.where = table->rows[s].where;
                out.push_back(std::move(one));
            }
            if (out.size() == 1) return {atom};  // one merged block: cannot be split
            return out;
        }
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
        if (const auto* p = std::get_if<Paragraph>(&atom.content)) return split_paragraph(atom, *p, size, cap);
        if (const auto* cols = std::get_if<Columns>(&atom.content)) return split_columns(atom, *cols, size);
        return {atom};
    }

    // Columns that do not fit a box split row-wise: each column is paginated
    // in its own width, and piece k of the block holds piece k of every
    // column (a column that ran out stays empty). Headings repeat.
    std::vector<Atom> split_columns(const Atom& atom, const Columns& cols, double size) const {
        std::vector<double> widths = column_widths(cols, box_.w, box_.column_gap);
        double head = column_heading_height(cols, box_, size, text_);
        const double col_h = box_.h - (head > 0 ? head + drawn_body_size(box_, size) * 0.5 : 0);
        if (col_h <= 0) return {atom};
        std::vector<BoxSpec> boxes(cols.columns.size(), box_);
        std::vector<std::vector<Atom>> atoms;
        std::vector<std::vector<Piece>> per_column;  // pieces of each column
        std::size_t count = 0;
        for (std::size_t c = 0; c < cols.columns.size(); ++c) {
            boxes[c].w = widths[c];
            boxes[c].h = col_h;
            Slide holder;
            holder.blocks = cols.columns[c].blocks;
            atoms.push_back(coarse_atoms(holder));
            Paginator(boxes[c], text_).shrink_sizing_rows(atoms.back());
            per_column.push_back(Paginator(boxes[c], text_).pack(atoms.back(), size, col_h).pieces);
            count = std::max(count, per_column.back().size());
        }
        if (count < 2) return {atom};
        // Every column as evenly over its pieces as its boundaries allow.
        for (std::size_t c = 0; c < cols.columns.size(); ++c)
            if (per_column[c].size() > 1)
                per_column[c] = Paginator(boxes[c], text_).balanced(atoms[c], size, per_column[c].size()).pieces;
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

    std::vector<Atom> split_paragraph(const Atom& atom, const Paragraph& p, double size, double cap) const {
        TextStyle style = box_.style;
        style.size = drawn_body_size(box_, size);
        TextBlock block = text_.set(p.text, style, box_.w);
        const double chunk_h = std::min(cap, box_.h);
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
            if (line.top + line_h - chunk_top > chunk_h && at > 0) {
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
    double lowest_;
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

namespace {

// Ids of continuation slides: ID-2, ID-3, …; should the author have used
// that id already (a hand-split "overview-2"), ID-cont2 keeps every id unique.
class ContinuationIds {
public:
    explicit ContinuationIds(const Deck& deck) {
        for (const auto& s : deck.slides) used_.insert(s.id);
    }
    std::string next(const std::string& id, std::size_t k) {
        std::string want = id + "-" + std::to_string(k);
        if (used_.count(want)) want = id + "-cont" + std::to_string(k);
        used_.insert(want);
        return want;
    }

private:
    std::set<std::string> used_;
};

// Measures `body` (the slide's body blocks) in `box`: fits, or the run it continues as.
FitDecision decide_fit(const Slide& slide, const Slide& body, const BoxSpec& box, std::optional<std::size_t> slot,
                       const TextEngine& text) {
    FitDecision d;
    Paginator paginator(box, text);
    if (paginator.fits(body.blocks, paginator.lowest())) return d;  // fits, shrunk at most; final layout says by how much
    Run run = paginator.run(body);
    auto& pieces = run.pieces;
    if (slot && !pieces.empty()) pieces.front().blocks.insert(pieces.front().blocks.begin(), slide.blocks[*slot]);
    if (pieces.size() < 2) return d;  // one unbreakable thing: final layout reports it
    d.continued = true;
    d.size = run.size;
    for (auto& piece : pieces) {
        d.pieces.push_back(std::move(piece.blocks));
        d.wheres.push_back(piece.where);
    }
    // Sizes as drawn: the floors it did not fit at, the size the run is
    // set at (the first and last pieces show what kinds of text it holds).
    auto drawn_at = [&](double size) {
        auto lines = paginator.measure(d.pieces.front(), size).lines;
        auto last = paginator.measure(d.pieces.back(), size).lines;
        lines.insert(lines.end(), last.begin(), last.end());
        return format_size(main_drawn_size(box, size, lines));
    };
    d.floor = drawn_at(paginator.lowest());
    d.drawn = drawn_at(run.size);
    return d;
}

// Cheap: the slides a decision makes of `slide`, and its warning.
void apply_fit(const FitDecision& d, const Slide& slide, const std::string& layout_name, const LayoutSet& set,
               ContinuationIds& continuation, std::vector<Slide>& out, Diagnostics& diags) {
    if (!d.continued) {
        out.push_back(slide);
        return;
    }
    Slide shell = slide;  // the slide without its blocks, copied once
    shell.blocks.clear();
    std::vector<std::string> ids;
    for (std::size_t k = 0; k < d.pieces.size(); ++k) {
        Slide s = shell;
        s.layout = layout_name;
        s.blocks = d.pieces[k];
        s.fit_size = d.size;  // every piece of the run at one size
        if (k > 0) {
            s.id = continuation.next(slide.id, k + 1);
            s.title = continued_title(slide.title, set.continued_mark);
            s.notes = {};
            s.continues = slide.id;
            if (k < d.wheres.size() && d.wheres[k].known()) s.where = d.wheres[k];
        }
        ids.push_back(s.id);
        out.push_back(std::move(s));
    }
    diags.warning(slide.where,
                  "slide '" + slide.id + "' does not fit even at " + d.floor + " pt; continued onto " +
                      std::to_string(d.pieces.size()) + " slides (" + join_ids(ids) + "), each set at " + d.drawn +
                      " pt",
                  {"continuation slides repeat the title with '" + set.continued_mark +
                   "'; split the slide in the outline to choose the breaks yourself"});
}

}  // namespace

Deck paginate(const Deck& deck, const LayoutSet& set, const TextEngine& text, Diagnostics& diags, FitMemo* memo) {
    ContinuationIds continuation(deck);
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
        const FitDecision* known = memo ? memo->find(i) : nullptr;
        FitDecision decided;
        if (!known) {
            decided = decide_fit(slide, body, *box, slot, text);
            if (memo) memo->keep(i, decided);
            known = &decided;
        }
        apply_fit(*known, slide, layout_name, set, continuation, out.slides, diags);
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
