#include "layout/report_blocks.h"

#include <algorithm>

#include "image/image_file.h"
#include "layout/print_palette.h"
#include "layout/report_table.h"
#include "layout/set_lines.h"

namespace ks {

void push_text_strips(std::vector<Strip>& out, const TextBlock& block, const TextStrips& how) {
    for (std::size_t k = 0; k < block.lines.size(); ++k) {
        Strip s;
        s.height = line_height_in(block, k);
        s.space_before = k == 0 ? how.space_before : 0;
        if (how.code_band > 0)
            s.items.push_back({{how.indent - 5, 0}, rect_shape(how.code_band - how.indent + 5, s.height, print::kCodeFill,
                                                                 std::nullopt)});
        if (k == 0 && how.mark && !how.mark->lines.empty())
            push_line(s.items, how.mark->lines.front(), how.indent - how.mark->width - 2, 0);
        push_line(s.items, block.lines[k], how.indent, 0);
        if (how.quote_rule) {
            Shape rule = line_shape(0, 0, print::kRule, 1.5);
            rule.h = s.height;
            s.items.push_back({{how.indent - 8, 0}, rule});
        }
        out.push_back(std::move(s));
    }
}

namespace {

class ReportBlocks {
public:
    ReportBlocks(const ReportStyles& rs, const TextEngine& text) : rs_(rs), text_(text) {}

    std::vector<Strip> run(const Block& b) {
        std::visit([&](const auto& block) { add(block); }, b);
        return std::move(out_);
    }

private:
    TextBlock set(const RichText& t, const TextStyle& st, double width) const { return text_.set(t, st, width); }
    TextBlock set(const std::string& s, const TextStyle& st, double width) const { return set(plain_text(s), st, width); }
    void text(const TextBlock& b, double indent, double space_before) { push_text_strips(out_, b, {indent, space_before}); }

    void add(const Paragraph& p) { text(set(p.text, rs_.body, rs_.width), 0, 3); }
    void add(const List& l) { add_list(l, 0); }
    void add(const Table& t) {
        const std::vector<Strip> rows =
            layout_report_table(t, {table_cell_style(), rs_.muted, rs_.width}, text_);
        out_.insert(out_.end(), rows.begin(), rows.end());
    }
    // The chart's data as a table: the slide picture beside it shows the chart.
    void add(const Chart& c) { add(chart_as_table(c)); }

    TextStyle table_cell_style() const {
        TextStyle st = rs_.body;
        st.size = 8.5;
        st.line_height = 1.4;
        return st;
    }

    // The columns one after another, each a block of its own.
    void add(const Columns& cols) {
        for (const Column& col : cols.columns) {
            const std::size_t first = out_.size();
            if (!col.heading.empty()) text(set(col.heading, rs_.body_head, rs_.width), 0, 2);
            for (const Block& inner : col.blocks) std::visit([&](const auto& block) { add(block); }, inner);
            if (out_.size() > first) out_[first].space_before += 4;
        }
    }

    void add(const Quote& q) {
        TextStyle quote = rs_.body;
        quote.color = print::kMuted;
        for (const RichText& para : q.paragraphs) {
            TextStrips how{14, 3};
            how.quote_rule = true;
            push_text_strips(out_, set(para, quote, rs_.width - 14), how);
        }
        if (!q.cite.empty()) {
            TextStyle cite = rs_.muted;
            cite.align = Align::Right;
            text(set("― " + q.cite, cite, rs_.width - 14), 14, 1);
        }
    }

    void add(const FigureNumber& f) {
        RichText line;
        line.where = f.where;
        line.spans.push_back({f.value, true, false, false, f.where});
        line.spans.push_back({"　" + f.label, true, false, false, f.where});
        text(set(line, rs_.figure, rs_.width), 0, 4);
        if (!f.note.empty()) text(set(f.note, rs_.muted, rs_.width), 0, 0);
    }

    // Monospace, verbatim; a long line wraps under itself.
    void add(const Pre& pre) {
        TextStyle code = rs_.body;
        code.line_height = 1.4;
        code.prefer_phrases = false;
        for (std::size_t k = 0; k < pre.lines.size(); ++k) {
            RichText line;
            line.where = pre.where;
            line.spans.push_back({pre.lines[k].empty() ? " " : pre.lines[k], false, false, true, pre.where});
            TextStrips how{10, k == 0 ? 3.0 : 0.0};
            how.code_band = rs_.width;
            push_text_strips(out_, set(line, code, rs_.width - 10), how);
        }
    }

    void add(const Agenda& ag) {
        for (std::size_t k = ag.first; k < ag.shown_end(); ++k) {
            const bool current = static_cast<int>(k) == ag.current;
            // A title with its own number ("1. サマリー") gets no second one.
            const TextBlock mark = set(std::to_string(k + 1) + ".", rs_.body, 16);
            TextStrips how{16, 2};
            if (own_number_length(ag.sections[k]) == 0) how.mark = &mark;
            push_text_strips(out_, set(ag.sections[k], current ? rs_.body_head : rs_.body, rs_.width - 16), how);
        }
    }

    // Items with hanging indents: the mark in the margin, every line of the
    // text aligned after it.
    void add_list(const List& list, int level) {
        int n = list.start - 1;
        const double hang = 14;
        for (const auto& item : list.items) {
            ++n;
            const double at = hang * (level + 1);
            std::optional<TextBlock> mark;
            if (!item.text.empty())
                mark = set(list.ordered ? std::to_string(n) + "." : (level == 0 ? "・" : "－"), rs_.body, hang + 10);
            TextStrips how{at, level == 0 ? 2.0 : 0.0};
            how.mark = mark ? &*mark : nullptr;
            push_text_strips(out_, set(item.text, rs_.body, rs_.width - at), how);
            for (const List& child : item.children) add_list(child, level + 1);
        }
    }

    // A small picture (at most 40% of the column wide, 90 pt high), its
    // caption under it; its alt text when the file cannot be read.
    void add(const Image& im) {
        auto info = im.resolved.empty() ? std::nullopt : probe_image(im.resolved);
        if (info && info->width > 0 && info->height > 0) {
            const double k = std::min(rs_.width * 0.4 / info->width, 90.0 / info->height);
            const ImageItem picture{im.resolved, info->width * k, info->height * k, info->format};
            Strip s;
            s.height = picture.h;
            s.space_before = 4;
            s.items.push_back({{0, 0}, picture});
            s.items.push_back({{0, 0}, rect_shape(picture.w, picture.h, std::nullopt, print::kRule, 0.4)});
            out_.push_back(std::move(s));
        } else {
            text(set("［図］" + (im.alt.empty() ? im.src : im.alt), rs_.body, rs_.width), 0, 3);
        }
        if (!im.caption.empty()) text(set(im.caption, rs_.muted, rs_.width), 0, 2);
    }

    const ReportStyles& rs_;
    const TextEngine& text_;
    std::vector<Strip> out_;
};

}  // namespace

std::vector<Strip> report_block_strips(const Block& block, const ReportStyles& styles, const TextEngine& text) {
    return ReportBlocks(styles, text).run(block);
}

}  // namespace ks
