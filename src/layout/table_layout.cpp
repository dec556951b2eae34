#include "layout/table_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

#include "layout/numeric_cell.h"
#include "frame/shapes.h"
#include "model/table_grid.h"
#include "theme/layout_set.h"
#include "util/utf8.h"

namespace ks {
namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\n'; }
bool is_katakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || (c >= 0x31F0 && c <= 0x31FF); }
// Latin letters, digits and signs (ASCII, Latin-1, full-width forms): the breaker keeps their runs whole.
bool is_latin(char32_t c) { return (c > U' ' && c < 0x2E80) || (c >= 0xFF01 && c <= 0xFF5E) || c == 0xFFE5; }
// Characters no line starts with (closing brackets, stops, small kana, ー): they stay with the one before.
bool sticks_to_previous(char32_t c) {
    return std::u32string_view(U"、。，．・：；！？）」』】〕〉》ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞ")
               .find(c) != std::u32string_view::npos;
}
bool is_opening(char32_t c) { return std::u32string_view(U"（「『【〔〈《").find(c) != std::u32string_view::npos; }

// A URL or path t[b, e) as the line breaker breaks one wider than its line
// (text/line_breaker.cpp, token_break_level): after '/' (not inside "//")
// and before '&', '=' or '#' followed by a letter or digit. Its pieces are
// appended to `words`; a column need not be as wide as the whole URL.
void split_path(const std::u32string& t, std::size_t b, std::size_t e, std::vector<std::u32string>& words) {
    auto alnum = [](char32_t c) { return (c >= U'0' && c <= U'9') || ((c | 0x20) >= U'a' && (c | 0x20) <= U'z'); };
    std::size_t start = b;
    for (std::size_t j = b + 1; j < e; ++j) {
        const bool after_slash = t[j - 1] == U'/' && t[j] != U'/';
        const bool query = (t[j] == U'&' || t[j] == U'=' || t[j] == U'#') && t[j] != t[j - 1] && j + 1 < e &&
                           alnum(t[j + 1]);
        if (!after_slash && !query) continue;
        words.push_back(t.substr(start, j - start));
        start = j;
    }
    words.push_back(t.substr(start, e - start));
}

// The words of `text` no line breaks inside, as the line breaker treats
// them: runs of Latin letters and digits (a number with up to two unit
// characters after it; a URL or path in its pieces), katakana words, and
// single kanji or kana with the punctuation that may not start a line.
std::vector<std::u32string> unbreakable_words(const std::string& text) {
    std::u32string t = utf8_to_u32(text);
    std::vector<std::u32string> words;
    std::size_t i = 0;
    while (i < t.size()) {
        if (is_space(t[i])) {
            ++i;
            continue;
        }
        std::size_t b = i;
        bool path = false;  // a URL or path: breaks after '/' and before & = #
        while (i < t.size() && is_opening(t[i])) ++i;
        if (i < t.size() && is_latin(t[i])) {
            const std::size_t run = i;
            while (i < t.size() && is_latin(t[i])) ++i;
            // A '/' with Latin after it (not 10GB/秒, a number with its unit).
            path = std::u32string_view(t).substr(run, i - run - 1).find(U'/') != std::u32string_view::npos;
            auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
            const bool per = t[i - 1] == U'/' && std::any_of(t.begin() + run, t.begin() + i, digit);  // ¥1,200/月
            if (digit(t[i - 1]) || per)
                for (int k = 0; k < 2 && i < t.size() && !is_space(t[i]) && !is_latin(t[i]); ++k) ++i;
        } else if (i < t.size() && is_katakana(t[i])) {
            while (i < t.size() && is_katakana(t[i])) ++i;
        } else if (i < t.size()) {
            ++i;
        }
        while (i < t.size() && sticks_to_previous(t[i])) ++i;
        if (path) split_path(t, b, i, words);
        else words.push_back(t.substr(b, i - b));
    }
    return words;
}

// What a cell's text needs: its width on one line, its longest unbreakable
// word, and (numbers) the width from its decimal point to its end.
struct CellMeasure {
    double natural = 0;
    double word = 0;
    double hard_word = 0;  // the longest word other than a katakana word or a short label (which may break
                           // when they must)
    double tail = -1;  // < 0: not a number
    std::string unit;  // a number's unit: decimal points line up among numbers of one unit
};

constexpr double kShortLabelEm = 5;  // a cell this wide (in em) or narrower stays on one line

class Measurer {
public:
    explicit Measurer(const TextEngine& text) : text_(text) {}

    const CellMeasure& measure(const RichText& rt, const TextStyle& style, bool numbers) {
        std::string plain = rt.plain();
        auto key = std::make_tuple(plain, style.bold, numbers);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        CellMeasure m;
        m.natural = text_.natural_width(rt, style);
        for (const auto& w : unbreakable_words(plain)) {
            if (w.size() == 1) {
                m.word = std::max(m.word, style.size);  // one character: at most an em
                m.hard_word = std::max(m.hard_word, style.size);
                continue;
            }
            std::string word;
            for (char32_t c : w) utf8_append(word, c);
            const double width = text_.natural_width(plain_text(word), style);
            m.word = std::max(m.word, width);
            if (std::count_if(w.begin(), w.end(), is_katakana) < 2) m.hard_word = std::max(m.hard_word, width);
        }
        // A short label without spaces (北海道10, 担当者, 前年比) is one word:
        // torn between its characters (担当|者) it reads as two.
        // It gives way as katakana does when the words do not fit side by side.
        if (m.natural <= kShortLabelEm * style.size && plain.find(' ') == std::string::npos) m.word = m.natural;
        m.word = std::min(m.word, m.natural);
        m.hard_word = std::min(m.hard_word, m.word);
        if (numbers)
            if (auto parts = number_parts(plain)) {
                m.tail = std::max(0.0, text_.natural_width(plain_text(plain), style) -
                                           text_.natural_width(plain_text(plain.substr(0, parts->point)), style));
                m.unit = parts->unit;
            }
        return cache_.emplace(key, m).first->second;
    }

private:
    const TextEngine& text_;
    std::map<std::tuple<std::string, bool, bool>, CellMeasure> cache_;
};

std::vector<Align> column_aligns(const Table& table, const std::vector<TableRow>& rows, std::size_t columns) {
    std::vector<Align> out;
    for (CellAlign a : resolve_column_alignment(table, rows, columns))
        out.push_back(a == CellAlign::Right ? Align::Right : a == CellAlign::Center ? Align::Center : Align::Left);
    return out;
}

// A cell spanning columns [col, col + span) needs `need`: its columns grow
// in proportion to what they have (equally when they have nothing).
void spread(std::vector<double>& v, int col, int span, double need) {
    auto first = v.begin() + col, last = first + span;
    double have = std::accumulate(first, last, 0.0);
    if (need <= have) return;
    for (auto it = first; it != last; ++it) *it = have > 0 ? *it * need / have : need / span;
}

// Widths for `columns` (indices) sharing `total`: each keeps its longest
// word and the rest goes in proportion to what each still needs (the CSS
// automatic table rule); when even the words do not fit, in proportion to
// them (fitting then shrinks the table).
void share_by_need(const std::vector<double>& natural, const std::vector<double>& word,
                   const std::vector<std::size_t>& columns, double total, std::vector<double>& widths) {
    double sum = 0, min_sum = 0;
    for (std::size_t c : columns) sum += natural[c], min_sum += word[c];
    for (std::size_t c : columns) {
        if (min_sum < total && sum > min_sum) widths[c] = word[c] + (natural[c] - word[c]) * (total - min_sum) / (sum - min_sum);
        else widths[c] = min_sum > 0 ? word[c] * total / min_sum : total / columns.size();
    }
}

// Widths summing to `total`. When everything fits on one line, the spare
// width is shared in proportion to each column's content. When not, the
// columns narrower than an even share keep their one-line width (a label
// column stays on one line; so does one a little wider, while the others
// keep room) and the others share the rest by need; should their words not
// fit that way, every column shares by need.
std::vector<double> share_width(const std::vector<double>& natural, const std::vector<double>& word, double total) {
    const std::size_t n = natural.size();
    double sum = std::accumulate(natural.begin(), natural.end(), 0.0);
    std::vector<double> widths(n);
    if (sum <= total) {
        for (std::size_t c = 0; c < n; ++c) widths[c] = sum > 0 ? natural[c] * total / sum : total / n;
        return widths;
    }
    std::vector<std::size_t> narrow, wide, all(n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    double kept = 0, wide_words = 0;
    for (std::size_t c = 0; c < n; ++c) {
        bool fits_share = natural[c] <= total / n;
        (fits_share ? narrow : wide).push_back(c);
        if (fits_share) widths[c] = natural[c], kept += natural[c];
        else wide_words += word[c];
    }
    // A label a little wider than an even share ("セキュリティインシデント対応")
    // also stays on one line, shortest first, while the long-text columns
    // keep their words and at least a third of the table.
    std::sort(wide.begin(), wide.end(), [&](std::size_t a, std::size_t b) { return natural[a] < natural[b]; });
    while (wide.size() > 1) {
        const std::size_t c = wide.front();
        const double rest_words = wide_words - word[c];
        if (natural[c] > 0.4 * total || total - kept - natural[c] < std::max(rest_words, total / 3)) break;
        widths[c] = natural[c], kept += natural[c], wide_words = rest_words;
        wide.erase(wide.begin());
    }
    if (!wide.empty() && wide_words <= total - kept) share_by_need(natural, word, wide, total - kept, widths);
    else share_by_need(natural, word, all, total, widths);
    return widths;
}

// The author's relative `widths`, with each column still at least its
// longest word when the words fit side by side: what a column lacks comes
// from the others' room beyond their own words, in proportion to that room
// (widths="3,2,2" must not tear 'SuccessFactors' while column 1 has space).
std::vector<double> authored_widths(const std::vector<double>& relative, const std::vector<double>& word, double total) {
    const double sum = std::accumulate(relative.begin(), relative.end(), 0.0);
    std::vector<double> widths(relative.size());
    double lack = 0, room = 0;
    for (std::size_t c = 0; c < relative.size(); ++c) {
        widths[c] = sum > 0 ? total * relative[c] / sum : total / relative.size();
        (widths[c] < word[c] ? lack : room) += std::abs(widths[c] - word[c]);
    }
    if (lack <= 0 || lack > room) return widths;  // as written (too narrow for its words: fitting shrinks it)
    for (std::size_t c = 0; c < widths.size(); ++c)
        widths[c] = widths[c] < word[c] ? word[c] : widths[c] - (widths[c] - word[c]) * lack / room;
    return widths;
}

std::string joined_lines(const TextBlock& block) {
    std::string text;
    for (const auto& line : block.lines) text += (text.empty() ? "" : "\n") + line.text;
    return text;
}

constexpr double kSeamOverlap = 0.5;  // points

class TableBuilder {
public:
    TableBuilder(const Table& table, double width, const TableStyle& style, const TextEngine& text)
        : table_(table), width_(width), style_(style), text_(text), measurer_(text) {}

    TableLayout run() {
        const double size = style_.text.size;
        pad_x_ = size * 0.6, pad_y_ = size * 0.4;
        const auto& sizing = table_.sizing_rows ? *table_.sizing_rows : table_.rows;
        TableGrid sizing_grid = table_grid(sizing);
        grid_ = table_grid(table_.rows);
        columns_ = std::max(sizing_grid.columns, grid_.columns);
        double y = 0;
        if (!table_.caption.empty()) {
            TextStyle cs = style_.text;
            cs.color = style_.caption_color;
            auto block = text_.set(table_.caption, cs, width_);
            y += block.height + size * 0.3;
            out_.caption = PlacedText{std::move(block), 0, 0};
        }
        if (columns_ == 0) {
            out_.height = y;
            return std::move(out_);
        }
        aligns_ = column_aligns(table_, sizing, columns_);
        size_columns(sizing, sizing_grid);
        set_cells();
        paint(y);
        return std::move(out_);
    }

private:
    TextStyle cell_style(const TableRow& row, Align align) const {
        TextStyle s = style_.text;
        s.line_height = 1.4;
        s.align = align;
        if (row.header) {
            s.bold = true;
            s.color = s.emphasis_color = style_.header_text;
        }
        if (row.total) s.bold = true;
        return s;
    }

    bool numeric_column(const TableRow& row, const GridCell& g) const {
        return !row.header && g.colspan == 1 && aligns_[static_cast<std::size_t>(g.col)] == Align::Right;
    }

    Align cell_align(const TableRow& row, const GridCell& g) const {
        Align column = aligns_[static_cast<std::size_t>(g.col)];
        if (g.colspan == 1) return column;
        if (is_numeric_cell(row.cells[g.index].text.plain())) return Align::Right;
        return row.header ? Align::Center : column == Align::Center ? Align::Center : Align::Left;
    }

    // Natural and smallest widths per column, the widest decimal tail of
    // each number column, then the widths the table gets.
    void size_columns(const std::vector<TableRow>& rows, const TableGrid& grid) {
        std::vector<double> natural(columns_, 0), word(columns_, 0), hard(columns_, 0);
        tails_.clear();
        for (int pass = 0; pass < 2; ++pass)  // single cells first, then the merged ones get what they lack
            for (const GridCell& g : grid.cells) {
                if ((g.colspan > 1) != (pass == 1)) continue;
                const TableRow& row = rows[g.row];
                bool numbers = numeric_column(row, g);
                const CellMeasure& m = measurer_.measure(row.cells[g.index].text, cell_style(row, Align::Left), numbers);
                spread(natural, g.col, g.colspan, m.natural + 2 * pad_x_);
                spread(word, g.col, g.colspan, m.word + 2 * pad_x_);
                spread(hard, g.col, g.colspan, m.hard_word + 2 * pad_x_);
                if (numbers && m.tail >= 0) {
                    double& tail = tails_[{g.col, m.unit}];
                    tail = std::max(tail, m.tail);
                }
            }
        for (std::size_t c = 0; c < columns_; ++c) word[c] = std::min(word[c], natural[c]);
        out_.min_width = std::accumulate(word.begin(), word.end(), 0.0);
        keep_hard_words(word, hard);
        std::vector<double> widths = table_.widths.size() == columns_ ? authored_widths(table_.widths, word, width_)
                                                                       : share_width(natural, word, width_);
        out_.column_widths = widths;
        col_x_.assign(columns_ + 1, 0);
        for (std::size_t c = 0; c < columns_; ++c) col_x_[c + 1] = col_x_[c] + widths[c];
        col_x_[columns_] = width_;  // exactly the box, whatever the rounding
    }

    // When the columns' longest words do not fit side by side but their
    // words other than katakana do, katakana words give way: each column
    // keeps its Latin words and numbers whole, and long katakana words get
    // what is left in proportion (they break at a compound boundary, as the
    // line breaker breaks one wider than its line), so a narrow table does
    // not tear 'Amazo|n' to keep 'インフラストラクチャー' whole.
    void keep_hard_words(std::vector<double>& word, std::vector<double>& hard) const {
        const double sum = std::accumulate(word.begin(), word.end(), 0.0);
        double hard_sum = 0;
        for (std::size_t c = 0; c < columns_; ++c) hard[c] = std::min(hard[c], word[c]), hard_sum += hard[c];
        if (sum <= width_ || hard_sum >= width_) return;
        for (std::size_t c = 0; c < columns_; ++c)
            word[c] = hard[c] + (word[c] - hard[c]) * (width_ - hard_sum) / (sum - hard_sum);
    }

    // Every cell's text in its place's width; row heights from the cells of
    // one row, then merged cells lengthen the last row they span if needed.
    void set_cells() {
        row_h_.assign(table_.rows.size(), 0);
        for (const GridCell& g : grid_.cells) {
            const TableRow& row = table_.rows[g.row];
            const TableCell& cell = row.cells[g.index];
            Align align = cell_align(row, g);
            TextStyle cs = cell_style(row, align);
            double inner = col_x_[static_cast<std::size_t>(g.col + g.colspan)] - col_x_[static_cast<std::size_t>(g.col)] - 2 * pad_x_;
            double inset = 0;  // numbers end short of the padding so their decimal points line up
            if (align == Align::Right && numeric_column(row, g)) {
                const CellMeasure& m = measurer_.measure(cell.text, cs, true);
                if (m.tail >= 0)
                    inset = std::clamp(tails_[{g.col, m.unit}] - m.tail, 0.0, std::max(0.0, inner - m.natural));
            }
            TableCellLayout laid;
            laid.row = static_cast<int>(g.row);
            laid.col = g.col;
            laid.colspan = g.colspan;
            laid.rowspan = g.rowspan;
            laid.header = row.header;
            laid.total = row.total;
            laid.size = cs.size;
            laid.align = align;
            laid.text.block = text_.set(cell.text, cs, inner - inset);
            laid.text.x = pad_x_;
            laid.plain = joined_lines(laid.text.block);
            if (g.rowspan == 1) row_h_[g.row] = std::max(row_h_[g.row], laid.text.block.height + 2 * pad_y_);
            out_.cells.push_back(std::move(laid));
        }
        for (std::size_t k = 0; k < grid_.cells.size(); ++k) {
            const GridCell& g = grid_.cells[k];
            if (g.rowspan == 1) continue;
            auto first = row_h_.begin() + static_cast<std::ptrdiff_t>(g.row);
            double have = std::accumulate(first, first + g.rowspan, 0.0);
            double need = out_.cells[k].text.block.height + 2 * pad_y_;
            if (need > have) row_h_[g.row + static_cast<std::size_t>(g.rowspan) - 1] += need - have;
        }
    }

    // Row by row: fills, the rule over a total row, texts, the rules under
    // the cells that end in the row (a merged cell is never crossed).
    void paint(double y) {
        std::vector<double> row_y(table_.rows.size() + 1, y);
        for (std::size_t r = 0; r < table_.rows.size(); ++r) row_y[r + 1] = row_y[r] + row_h_[r];
        // ends[r][c]: the row + 1 where the cell on (r, c) ends (0: no cell there).
        std::vector<std::vector<std::size_t>> ends(table_.rows.size(), std::vector<std::size_t>(columns_, 0));
        for (const GridCell& g : grid_.cells)
            for (std::size_t r = g.row; r < g.row + static_cast<std::size_t>(g.rowspan); ++r)
                for (int c = g.col; c < g.col + g.colspan; ++c) ends[r][static_cast<std::size_t>(c)] = g.row + static_cast<std::size_t>(g.rowspan);
        // Of the cells that start in each row. Stripes alternate by block of
        // rows that merged cells hold together, not by row: a rowspan's rows
        // read as one entry.
        std::vector<std::optional<Color>> fills;
        std::size_t body_block = 0;
        for (std::size_t r = 0; r < table_.rows.size();) {
            if (table_.rows[r].header) {
                fills.push_back(style_.header_fill);
                ++r;
                continue;
            }
            const std::size_t end = std::max(r + 1, merged_block_end(table_.rows, r));
            const auto fill = body_block++ % 2 == 1 ? std::optional<Color>(style_.stripe) : std::nullopt;
            for (; r < end && r < table_.rows.size(); ++r) fills.push_back(table_.rows[r].header ? style_.header_fill : fill);
        }
        std::size_t k = 0;
        for (std::size_t r = 0; r < table_.rows.size(); ++r) {
            const TableRow& row = table_.rows[r];
            const std::optional<Color>& fill = fills[r];
            // The fill on (r, c): that of the row where the cell there starts.
            auto fill_at = [&](std::size_t c) {
                std::size_t first_row = r;
                while (first_row > 0 && ends[first_row - 1][c] == ends[r][c]) --first_row;
                return ends[r][c] ? fills[first_row] : std::nullopt;
            };
            std::size_t first = k;
            while (k < grid_.cells.size() && grid_.cells[k].row == r) {
                TableCellLayout& cell = out_.cells[k];
                const GridCell& g = grid_.cells[k];
                cell.x = col_x_[static_cast<std::size_t>(g.col)];
                cell.w = col_x_[static_cast<std::size_t>(g.col + g.colspan)] - cell.x;
                cell.y = row_y[r];
                cell.h = row_y[r + static_cast<std::size_t>(g.rowspan)] - cell.y;
                cell.text.x += cell.x;
                double spare = cell.h - cell.text.block.height;
                cell.text.y = cell.y + (g.rowspan > 1 ? std::max(pad_y_, spare / 2) : pad_y_);
                ++k;
            }
            if (fill) paint_fills(first, k, *fill, fill_at);
            if (row.total) paint_rule_segments(row_y[r], [&](std::size_t c) { return ends[r][c] != 0 && (r == 0 || ends[r - 1][c] != ends[r][c]); }, style_.header_fill, 1.5);
            for (std::size_t i = first; i < k; ++i) out_.paint.push_back({{}, static_cast<int>(i)});
            paint_rule_segments(row_y[r + 1], [&](std::size_t c) { return ends[r][c] == r + 1; }, style_.rule, 0.75);
        }
        out_.height = row_y.back();
        out_.row_y = std::move(row_y);
    }

    // One rectangle per run of neighbouring cells of the same height; one
    // that meets a cell of its colour on its right overlaps it a little, so
    // no hairline seam shows between them.
    template <class FillAt>
    void paint_fills(std::size_t first, std::size_t last, const Color& fill, FillAt fill_at) {
        for (std::size_t i = first; i < last;) {
            std::size_t j = i + 1;
            while (j < last && out_.cells[j].h == out_.cells[i].h &&
                   out_.cells[j].x == out_.cells[j - 1].x + out_.cells[j - 1].w)
                ++j;
            Shape bg;
            bg.w = out_.cells[j - 1].x + out_.cells[j - 1].w - out_.cells[i].x;
            std::size_t next = static_cast<std::size_t>(grid_.cells[j - 1].col + grid_.cells[j - 1].colspan);
            if (next < columns_ && fill_at(next) == fill) bg.w += kSeamOverlap;
            bg.h = out_.cells[i].h;
            bg.fill = fill;
            out_.paint.push_back({{{out_.cells[i].x, out_.cells[i].y}, bg}});
            i = j;
        }
    }

    // A horizontal rule at `y` over every run of columns where `drawn(c)`.
    template <class Drawn>
    void paint_rule_segments(double y, Drawn drawn, const Color& color, double stroke) {
        for (std::size_t c = 0; c < columns_;) {
            if (!drawn(c)) {
                ++c;
                continue;
            }
            std::size_t e = c + 1;
            while (e < columns_ && drawn(e)) ++e;
            out_.paint.push_back({{{col_x_[c], y}, line_shape(col_x_[e] - col_x_[c], 0, color, stroke)}});
            c = e;
        }
    }

    const Table& table_;
    double width_;
    const TableStyle& style_;
    const TextEngine& text_;
    Measurer measurer_;
    TableLayout out_;
    TableGrid grid_;
    std::size_t columns_ = 0;
    double pad_x_ = 0, pad_y_ = 0;
    std::vector<Align> aligns_;
    std::map<std::pair<int, std::string>, double> tails_;  // widest decimal tail per column and unit
    std::vector<double> col_x_, row_h_;
};

}  // namespace

TableStyle table_style(const TextStyle& cell, const TablePalette& palette) {
    return {cell, palette.header_fill, palette.header_text, palette.stripe, palette.rule, palette.caption};
}

TablePalette table_palette(const BoxSpec& spec) {
    return {spec.table_header_fill, spec.table_header_text, spec.table_stripe, spec.table_rule, spec.muted_color};
}

TableStyle table_style(const BoxSpec& spec, double cell_size) {
    TextStyle cell = spec.style;
    cell.size = cell_size;
    return table_style(cell, table_palette(spec));
}

TableLayout layout_table(const Table& table, double width, const TableStyle& style, const TextEngine& text) {
    return TableBuilder(table, width, style, text).run();
}

std::vector<PositionedItem> table_items(const TableLayout& layout) {
    std::vector<PositionedItem> items;
    auto place = [&](const PlacedText& t) {
        for (const auto& line : t.block.lines)
            for (const auto& pr : line.runs) items.push_back({{t.x + pr.origin.x, t.y + pr.origin.y}, pr.run});
    };
    if (layout.caption) place(*layout.caption);
    for (const auto& step : layout.paint) {
        if (step.cell >= 0) place(layout.cells[static_cast<std::size_t>(step.cell)].text);
        else items.push_back(step.shape);
    }
    return items;
}

std::shared_ptr<const std::vector<TableRow>> table_sizing_rows(const std::vector<TableRow>& rows,
                                                               const TextStyle& style, const TextEngine& text) {
    Measurer measurer(text);
    TableGrid grid = table_grid(rows);
    // Per kind of row (header, body, total), column and span: the cell with
    // the widest text, the one with the longest word, the widest decimal
    // tail of each unit.
    struct Best {
        double value = -1;
        std::size_t cell = 0;
    };
    std::map<std::tuple<int, int, int, int, std::string>, Best> best;
    for (std::size_t k = 0; k < grid.cells.size(); ++k) {
        const GridCell& g = grid.cells[k];
        const TableRow& row = rows[g.row];
        TextStyle s = style;
        s.bold = row.header || row.total;
        const CellMeasure& m = measurer.measure(row.cells[g.index].text, s, !row.header && g.colspan == 1);
        int kind = row.header ? 0 : row.total ? 2 : 1;
        double values[3] = {m.natural, m.word, m.tail};
        for (int what = 0; what < 3; ++what) {
            Best& b = best[{kind, g.col, g.colspan, what, what == 2 ? m.unit : std::string()}];
            if (values[what] > b.value) b = {values[what], k};
        }
    }
    auto out = std::make_shared<std::vector<TableRow>>();
    for (int kind = 0; kind < 3; ++kind) {
        TableRow bag;
        bag.header = kind == 0;
        bag.total = kind == 2;
        std::vector<std::size_t> taken;
        for (const auto& [key, b] : best) {
            if (std::get<0>(key) != kind || b.value < 0 || std::count(taken.begin(), taken.end(), b.cell)) continue;
            taken.push_back(b.cell);
            const GridCell& g = grid.cells[b.cell];
            TableCell cell = rows[g.row].cells[g.index];
            cell.column = g.col;
            cell.colspan = g.colspan;
            cell.rowspan = 1;
            bag.cells.push_back(std::move(cell));
        }
        if (!bag.cells.empty()) out->push_back(std::move(bag));
    }
    return out;
}

}  // namespace ks
