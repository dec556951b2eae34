#include "layout/body_layout.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <string_view>
#include <tuple>

#include "image/image_file.h"
#include "layout/chart_layout.h"
#include "layout/table_layout.h"
#include "layout/numeric_cell.h"
#include "layout/structure_recording.h"
#include "layout/text_sizes.h"
#include "util/utf8.h"

namespace ks {
namespace {

class BodyBuilder {
public:
    BodyBuilder(const BoxSpec& spec, double size, const TextEngine& text, Diagnostics& diags)
        : spec_(spec), size_(size), sizes_(text_sizes(spec, size)), text_(text), diags_(diags) {}

    BodyResult run(const std::vector<Block>& blocks, int first_paragraph = 0) {
        paragraph_ = first_paragraph;
        figure_size_ = figure_value_size(blocks);
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (i > 0) y_ += spec_.paragraph_gap * sizes_.body;
            last_block_ = i + 1 == blocks.size();
            if (std::holds_alternative<FigureNumber>(blocks[i])) {
                // Consecutive big numbers stand side by side.
                std::vector<const FigureNumber*> row;
                while (i < blocks.size() && std::holds_alternative<FigureNumber>(blocks[i]))
                    row.push_back(&std::get<FigureNumber>(blocks[i++]));
                --i;
                std::size_t first = result_.items.size();
                add_figure_row(row);
                tag_from(first, make_tag("P"));
                continue;
            }
            std::size_t first = result_.items.size();
            std::visit([&](const auto& b) { add(b); }, blocks[i]);
            if (const auto* image = std::get_if<Image>(&blocks[i])) tag_from(first, make_tag("Figure", nullptr, image->alt));
            else if (std::string role = role_of(blocks[i]); !role.empty()) tag_from(first, make_tag(role));
        }
        result_.height = y_;
        result_.paragraphs = paragraph_;
        return std::move(result_);
    }

private:
    // Structure (tagged PDF): the role of a whole block; lists, tables,
    // images and charts tag their parts themselves, inside this element.
    // Empty: the block tags itself (lists, tables, agendas, charts).
    static std::string role_of(const Block& b) {
        if (std::holds_alternative<Quote>(b)) return "BlockQuote";
        if (std::holds_alternative<List>(b) || std::holds_alternative<Agenda>(b) || std::holds_alternative<Table>(b) ||
            std::holds_alternative<Chart>(b))
            return "";
        if (std::holds_alternative<Columns>(b)) return "Div";
        return "P";
    }

    static std::shared_ptr<const StructTag> make_tag(std::string role, std::shared_ptr<const StructTag> parent = nullptr,
                                                     std::string alt = {}) {
        return std::make_shared<const StructTag>(StructTag{std::move(role), std::move(alt), std::move(parent)});
    }

    // Items from `first` on that have no element yet belong to `tag`; the
    // elements they do have get `tag` as their outermost parent.
    void tag_from(std::size_t first, const std::shared_ptr<const StructTag>& tag) {
        for (std::size_t i = first; i < result_.items.size(); ++i) {
            auto& item = result_.items[i];
            if (!item.tag) {
                item.tag = tag;
                continue;
            }
            if (item.tag == tag) continue;
            item.tag = reparent(item.tag, tag);
        }
        reparented_.clear();
    }

    // `t` with `root` above its outermost element (each element copied once).
    std::shared_ptr<const StructTag> reparent(const std::shared_ptr<const StructTag>& t,
                                              const std::shared_ptr<const StructTag>& root) {
        if (!t) return root;
        if (t == root) return t;
        if (auto it = reparented_.find(t.get()); it != reparented_.end()) return it->second;
        auto copy = make_tag(t->role, t->parent ? reparent(t->parent, root) : root, t->alt);
        reparented_[t.get()] = copy;
        return copy;
    }

    TextStyle style_at(double size) const {
        TextStyle s = spec_.style;
        s.size = size;
        return s;
    }

    // Places a text block at (x, y_) and records its lines as `kind` (see
    // DumpLine); returns them as a paragraph of the slide's structure.
    // `empty_size`: the size an empty block's line is recorded at (an empty
    // cell draws nothing, but its line is set at the cell's size).
    StructParagraph place_text(const TextBlock& block, double x, double y, const char* kind = "text",
                               double empty_size = 0) {
        const std::size_t first_item = result_.items.size();
        StructParagraph para = struct_paragraph(block, x, y, spec_.style.mono_family, {});
        // An empty line (<br/><br/>, an empty cell or item) is at its block's size, else its kind's.
        double block_size = empty_size > 0 ? empty_size : kind_size(kind);
        for (const auto& line : block.lines)
            if (!line.runs.empty()) {
                block_size = line.runs.front().run.size;
                break;
            }
        for (const auto& line : block.lines) {
            for (const auto& pr : line.runs) {
                result_.items.push_back({{x + pr.origin.x, y + pr.origin.y}, pr.run});
                if (!pr.run.link.empty() && spec_.link_underline && underline_links_) {  // link text underlined (layout set's <links>)
                    Shape rule;
                    rule.kind = Shape::Kind::Line;
                    rule.w = pr.run.width;
                    rule.h = 0;
                    rule.stroke = pr.run.color;
                    rule.stroke_width = std::max(0.75, pr.run.size * 0.06);
                    result_.items.push_back({{x + pr.origin.x, y + pr.origin.y + pr.run.size * 0.12}, rule});
                }
            }
            double size = line.runs.empty() ? block_size : line.runs.front().run.size;
            double h = block.lines.size() ? block.height / block.lines.size() : 0;
            result_.lines.push_back({line.text, x + line.x, y + line.top, line.width, h, y + line.baseline, size,
                                     line.overfull, paragraph_ + line.segment, kind});
            result_.overfull = result_.overfull || line.overfull;
            // A token wider than the column with no break point of its own
            // (a 40-digit number) is torn at its last fitting character, never
            // a reason to shrink the slide; reported as a warning.
            if (line.split_word && result_.split_word.empty()) result_.split_word = line.text;
        }
        result_.missing.insert(result_.missing.end(), block.missing.begin(), block.missing.end());
        paragraph_ += block.lines.empty() ? 1 : block.lines.back().segment + 1;
        para.items = {first_item, result_.items.size()};
        return para;
    }

    // The size text of a dump line's kind is set at (for an empty line).
    double kind_size(const std::string& kind) const {
        if (kind == "nested") return sizes_.nested1;
        if (kind == "cell") return sizes_.cell;
        if (kind == "code") return sizes_.code;
        if (kind == "caption") return sizes_.caption;
        return sizes_.body;
    }

    // Records a structure element of `kind` drawn by the items from `first_item` on.
    StructElement& record(StructKind kind, std::size_t first_item, std::vector<StructParagraph> paragraphs) {
        StructElement e;
        e.kind = kind;
        e.paragraphs = std::move(paragraphs);
        e.items = {first_item, result_.items.size()};
        fit_element_to_lines(e);
        result_.elements.push_back(std::move(e));
        return result_.elements.back();
    }

    void add(const Paragraph& p) {
        const std::size_t first_item = result_.items.size();
        auto block = text_.set(p.text, style_at(sizes_.body), spec_.w);
        StructParagraph para = place_text(block, 0, y_);
        para.align = struct_align(spec_.style.align);
        record(StructKind::Text, first_item, {std::move(para)});
        y_ += block.height;
    }

    void add(const List& list) {
        const std::size_t first_item = result_.items.size();
        std::vector<StructParagraph> items;
        add_list(list, 0, items);
        record(StructKind::List, first_item, std::move(items)).ordered = list.ordered;
    }

    void add_list(const List& list, int level, std::vector<StructParagraph>& out,
                  std::shared_ptr<const StructTag> parent = nullptr) {
        std::size_t list_first = result_.items.size();
        auto list_tag = make_tag("L", parent);
        double size = level == 0 ? sizes_.body : level == 1 ? sizes_.nested1 : sizes_.nested2;
        double indent = spec_.indent * (size / spec_.style.size) * level;
        // Numbers sit right-aligned in a column as wide as the widest one, then a gap.
        double marker_box = size * 1.1;
        if (list.ordered) {
            int last = list.start + static_cast<int>(list.items.size()) - 1;
            double widest = 0;
            for (int n : {list.start, last}) widest = std::max(widest, number_width(n, size));
            marker_box = std::max(marker_box, widest + size * 0.45);
        }
        int number = list.start;
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            const auto& item = list.items[i];
            double x = indent + marker_box;
            if (item.text.empty() && !item.children.empty()) {
                // Carrier of children continued from an earlier slide: no marker, no line.
                ++number;
                auto li = make_tag("LI", list_tag);
                for (const auto& child : item.children) add_list(child, level + 1, out, li);
                continue;
            }
            std::size_t item_first = result_.items.size();
            auto li = make_tag("LI", list_tag);
            if (i > 0 || level > 0) y_ += spec_.item_gap * size;
            auto style = style_at(size);
            auto block = text_.set(item.text, style, spec_.w - x);
            double first_baseline = block.lines.empty() ? size : block.lines.front().baseline;
            const int shown_number = list.ordered ? number : 0;
            if (list.ordered) add_number(number++, indent, marker_box - size * 0.45, y_ + first_baseline, size);
            else add_bullet(level, indent, y_ + first_baseline, size);
            StructParagraph para = place_text(block, x, y_, level == 0 ? "text" : "nested");
            para.level = level;
            para.number = shown_number;
            para.marker_x = indent;
            para.align = struct_align(style.align);
            out.push_back(std::move(para));
            y_ += block.height;
            tag_from(item_first, li);
            for (const auto& child : item.children) add_list(child, level + 1, out, li);
        }
        tag_from(list_first, list_tag);
    }

    double number_width(int number, double size) const {
        return text_.natural_width(plain_text(std::to_string(number) + "."), style_at(size));
    }

    // The number's right edge at x + column.
    void add_number(int number, double x, double column, double baseline, double size) {
        auto label = text_.set(plain_text(std::to_string(number) + "."), style_at(size), column + size * 4);
        double w = number_width(number, size);
        for (const auto& line : label.lines)
            for (const auto& pr : line.runs)
                result_.items.push_back(
                    {{x + column - w + pr.origin.x - line.x, baseline - line.baseline + pr.origin.y}, pr.run});
    }

    void add_bullet(int level, double x, double baseline, double size) {
        Shape dot;
        double d = level == 0 ? size * 0.32 : size * 0.26;
        dot.kind = Shape::Kind::Rect;
        dot.w = dot.h = d;
        if (level == 1) {
            dot.h = size * 0.08;  // a short dash for the second level
            dot.w = size * 0.36;
        }
        dot.corner_radius = level == 2 ? d / 2 : 0;
        if (level >= 2) dot.stroke = spec_.bullet_color, dot.stroke_width = size * 0.06;
        else dot.fill = spec_.bullet_color;
        double centre_y = baseline - size * 0.36;
        result_.items.push_back({{x + size * 0.12, centre_y - dot.h / 2}, dot});
    }

    // Tagged as Table > Caption, TR > TH/TD (fills and rules in the Table).
    void add(const Table& table) {
        // Cells at the drawn cell size: the table's own scale, never below the cell floor.
        TableLayout t = layout_table(table, spec_.w, table_style(spec_, sizes_.cell), text_);
        result_.table_min_width = std::max(result_.table_min_width, t.min_width);
        auto table_tag = make_tag("Table");
        if (t.caption) {
            const std::size_t caption_item = result_.items.size();
            record(StructKind::Caption, caption_item, {place_text(t.caption->block, t.caption->x, y_ + t.caption->y, "cell")});
            tag_from(caption_item, make_tag("Caption", table_tag));
        }
        const std::size_t table_item = result_.items.size();
        std::vector<StructParagraph> cells;
        std::map<int, std::shared_ptr<const StructTag>> rows;
        for (const auto& step : t.paint) {
            if (step.cell < 0) {
                result_.items.push_back({{step.shape.pos.x, y_ + step.shape.pos.y}, step.shape.item, table_tag});
                continue;
            }
            const TableCellLayout& cell = t.cells[static_cast<std::size_t>(step.cell)];
            auto& row_tag = rows[cell.row];
            if (!row_tag) row_tag = make_tag("TR", table_tag);
            const bool header = cell.row >= 0 && static_cast<std::size_t>(cell.row) < table.rows.size() &&
                                table.rows[static_cast<std::size_t>(cell.row)].header;
            const std::size_t cell_first = result_.items.size();
            cells.push_back(place_text(cell.text.block, cell.text.x, y_ + cell.text.y, "cell", cell.size));
            tag_from(cell_first, make_tag(header ? "TH" : "TD", row_tag));
            result_.cells.push_back(dump_cell(cell, y_));
        }
        record_table(t, table_item, std::move(cells));
        y_ += t.height;
    }

    // The record of a cell moved down by `dy`, with the box its lines take.
    static DumpCell dump_cell(const TableCellLayout& cell, double dy) {
        DumpCell d{cell.row, cell.col, cell.x, cell.y + dy, cell.w, cell.h, cell.plain};
        d.colspan = cell.colspan, d.rowspan = cell.rowspan;
        d.size = cell.size;
        d.header = cell.header, d.total = cell.total;
        const TextBlock& b = cell.text.block;
        double left = 0, right = 0;
        bool any = false;
        for (const auto& line : b.lines) {
            if (line.text.empty()) continue;
            left = any ? std::min(left, line.x) : line.x;
            right = any ? std::max(right, line.x + line.width) : line.x + line.width;
            any = true;
        }
        d.text_dx = cell.text.x + left - cell.x, d.text_w = right - left;
        d.text_dy = cell.text.y - cell.y, d.text_h = b.height;
        return d;
    }

    // The table's cells as one structure element: grid, headers, alignment.
    void record_table(const TableLayout& t, std::size_t first_item, std::vector<StructParagraph> cells) {
        for (std::size_t k = 0; k < cells.size() && k < t.cells.size(); ++k) {
            const TableCellLayout& cell = t.cells[k];
            StructParagraph& p = cells[k];
            p.row = cell.row, p.col = cell.col;
            p.row_span = cell.rowspan, p.col_span = cell.colspan;
            p.x = cell.x, p.y = y_ + cell.y, p.w = cell.w, p.h = cell.h;
            p.header = cell.header;
            p.align = cell.align == Align::Right    ? StructAlign::Right
                      : cell.align == Align::Center ? StructAlign::Center
                                                    : StructAlign::Left;
        }
        std::vector<double> heights;
        for (std::size_t r = 0; r + 1 < t.row_y.size(); ++r) heights.push_back(t.row_y[r + 1] - t.row_y[r]);
        StructElement& e = record(StructKind::Table, first_item, std::move(cells));
        e.x = 0, e.y = y_ + (t.row_y.empty() ? t.height : t.row_y.front()), e.w = spec_.w;
        e.h = std::accumulate(heights.begin(), heights.end(), 0.0);
        e.table_rows = static_cast<int>(heights.size());
        e.table_cols = static_cast<int>(t.column_widths.size());
        e.col_widths = t.column_widths;
        e.row_heights = std::move(heights);
    }

    // An image's or chart's caption, set centred in the muted colour at the
    // caption size, and the height it takes under the figure (0 without one).
    std::pair<TextBlock, double> figure_caption(const RichText& text) const {
        if (text.empty()) return {TextBlock{}, 0.0};
        TextStyle cs = style_at(sizes_.caption);
        cs.color = spec_.muted_color;
        cs.align = Align::Center;
        TextBlock block = text_.set(text, cs, spec_.w);
        const double h = block.height + size_ * 0.3;
        return {std::move(block), h};
    }

    void add(const Image& image) {
        auto size = image.resolved.empty() ? std::nullopt : probe_image(image.resolved);
        double avail_w = image.width_fraction > 0 ? spec_.w * std::min(1.0, image.width_fraction) : spec_.w;
        // The caption is set first: the image gets what is left above it.
        TextBlock caption;
        double caption_h = 0;
        std::tie(caption, caption_h) = figure_caption(image.caption);  // no structured binding: lambdas below use them
        double space_h = std::max(1.0, spec_.h - caption_h);  // the whole box, less the caption
        const std::size_t image_item = result_.items.size();
        auto figure = [&](double x, double y, double w, double h) -> StructElement& {
            StructElement& e = record(StructKind::Figure, image_item, {});
            e.x = x, e.y = y, e.w = w, e.h = h;
            e.image = {size ? image.resolved : "", image.src, image.alt, size ? size->format : ImageFormat::Unknown};
            return e;
        };
        if (!size) {
            diags_.warning(image.where, "cannot read image '" + image.src + "'; a placeholder is drawn",
                           {"give the path of a readable PNG, JPEG or SVG file, relative to the outline"});
            Shape box;
            box.w = avail_w;
            box.h = std::min(std::max(spec_.h - y_, spec_.h * 0.3), size_ * 4);
            box.stroke = spec_.table_rule;
            result_.items.push_back({{0, y_}, box});
            auto label = text_.set(plain_text(image.alt.empty() ? image.src : image.alt), style_at(sizes_.caption),
                                   avail_w - size_);
            StructParagraph text = place_text(label, size_ * 0.5, y_ + size_ * 0.5, "caption");
            figure(0, y_, box.w, box.h).paragraphs.push_back(std::move(text));
            y_ += box.h;
            place_caption(caption, caption_h);
            return;
        }
        // Largest size that fits the box, shrunk (aspect kept) into the space
        // left, but not below image-min of the box: then it must move on.
        double full = std::min(avail_w / size->width, space_h / size->height);
        report_sliver(image, *size, full, avail_w, space_h);
        double min_h = std::min(size->height * full, spec_.image_min * spec_.h);
        double left = spec_.h - y_ - caption_h;
        double h = std::min(size->height * full, std::max(left, min_h));
        if (left < min_h - 0.01) result_.image_squeezed = true;
        double w = size->width * (h / size->height);
        if (image.fit == ImageFit::Cover && last_block_ && left >= min_h) {
            // Cover: the image fills the width it may take and the height left
            // below it, cropped around its centre (aspect kept).
            double box_w = avail_w, box_h = left;
            double scale = std::max(box_w / size->width, box_h / size->height);
            double iw = size->width * scale, ih = size->height * scale;
            auto sub = std::make_shared<Frame>();
            sub->width = box_w;
            sub->height = box_h;
            sub->push({(box_w - iw) / 2, (box_h - ih) / 2}, ImageItem{image.resolved, iw, ih, size->format});
            double x = (spec_.w - box_w) / 2;
            result_.items.push_back({{x, y_}, Group{std::move(sub), {}, true}});
            result_.images.push_back({x, y_, box_w, box_h, image.src});
            StructImage& picture = figure(x, y_, box_w, box_h).image;
            picture.crop_left = picture.crop_right = (iw - box_w) / 2 / iw;
            picture.crop_top = picture.crop_bottom = (ih - box_h) / 2 / ih;
            y_ += box_h;
        } else {
            double x = (spec_.w - w) / 2;
            result_.items.push_back({{x, y_}, ImageItem{image.resolved, w, h, size->format}});
            result_.images.push_back({x, y_, w, h, image.src});
            figure(x, y_, w, h);
            y_ += h;
        }
        place_caption(caption, caption_h);
    }

    // An image far taller (or wider) than its box is an unbreakable thing
    // larger than the box: fitted whole, it would be a sliver under a tenth
    // of the box's other side. Located, never drawn as an unreadable strip.
    void report_sliver(const Image& image, const ImageInfo& size, double scale, double avail_w, double space_h) {
        constexpr double kMinShare = 0.1;
        const double w = size.width * scale, h = size.height * scale;
        const bool too_tall = w < kMinShare * avail_w, too_wide = h < kMinShare * space_h;
        if (!too_tall && !too_wide) return;
        char buf[200];
        std::snprintf(buf, sizeof buf, "image '%s' (%.0f×%.0f px) is too %s for its box: fitted whole, it would be %.0f pt %s",
                      image.src.c_str(), size.width, size.height, too_tall ? "tall" : "wide", too_tall ? w : h,
                      too_tall ? "wide" : "high");
        diags_.error(image.where, buf, {"crop the image, or cut it into several images that each fit a slide"});
    }

    // A chart is sized like an image: as wide as it may be (width="60%"),
    // as high as the box allows up to 3:4 of its width, never below
    // image-min of the box (then it moves on whole), its caption under it.
    void add(const Chart& chart) {
        double w = chart.width_fraction > 0 ? spec_.w * std::min(1.0, chart.width_fraction) : spec_.w;
        TextBlock caption;
        double caption_h = 0;
        std::tie(caption, caption_h) = figure_caption(plain_text(chart.caption));
        double natural = std::min(std::max(1.0, spec_.h - caption_h), w * 0.75);
        double min_h = std::min(natural, spec_.image_min * spec_.h);
        double left = spec_.h - y_ - caption_h;
        double h = std::min(natural, std::max(left, min_h));
        if (left < min_h - 0.01) result_.image_squeezed = true;
        ChartStyle style;
        style.text = style_at(size_ * 0.7);
        style.text.color = style.text.emphasis_color = spec_.style.color;
        style.paper = spec_.paper;
        style.grid = spec_.table_rule;
        style.axis = spec_.muted_color;
        style.muted = spec_.muted_color;
        style.palette = spec_.palette;
        ChartDrawing drawing = layout_chart(chart, style, w, h, text_);
        double x = (spec_.w - w) / 2;
        auto figure = make_tag("Figure", nullptr, chart.alt);
        const std::size_t chart_item = result_.items.size();
        for (auto& it : drawing.items)
            result_.items.push_back({{it.pos.x + x, it.pos.y + y_}, std::move(it.item), figure});
        // In the slide's structure a figure without a picture file: its
        // drawing, its alt text and its data (PowerPoint rebuilds it as a native chart).
        StructElement& e = record(StructKind::Figure, chart_item, {});
        e.x = x, e.y = y_, e.w = w, e.h = h;
        e.image.alt = chart.alt;
        if (!drawing.structure.type.empty()) e.chart = std::move(drawing.structure);
        offset_chart(drawing.record, x, y_);
        result_.charts.push_back(std::move(drawing.record));
        result_.missing.insert(result_.missing.end(), drawing.missing.begin(), drawing.missing.end());
        ++paragraph_;
        y_ += h;
        std::size_t caption_first = result_.items.size();
        place_caption(caption, caption_h);
        tag_from(caption_first, make_tag("Caption", figure));
    }

    void place_caption(const TextBlock& caption, double caption_h) {
        if (caption.lines.empty()) return;
        y_ += caption_h - caption.height;
        const std::size_t caption_item = result_.items.size();
        StructParagraph text = place_text(caption, 0, y_, "caption");
        text.align = StructAlign::Center;
        record(StructKind::Caption, caption_item, {std::move(text)});
        y_ += caption.height;
    }

    // Columns side by side; each column is a body of its own, all set at the
    // same size. Headings (comparison) sit in a band of equal height on top.
    void add(const Columns& cols) {
        if (cols.columns.empty()) return;
        std::vector<double> widths = column_widths(cols, spec_.w, spec_.column_gap);
        double head_h = column_heading_height(cols, spec_, size_, text_);
        double top = y_, x = 0, tallest = 0;
        std::vector<BodyResult> parts;
        int paragraph = paragraph_;
        for (std::size_t c = 0; c < cols.columns.size(); ++c) {
            const Column& col = cols.columns[c];
            if (head_h > 0) {
                Shape band;
                band.w = widths[c];
                band.h = head_h;
                band.fill = spec_.table_header_fill;
                result_.items.push_back({{x, top}, band});
                if (!col.heading.empty()) {
                    auto block = text_.set(col.heading, heading_style(), widths[c] - sizes_.body * 1.2);
                    const std::size_t heading_item = result_.items.size() - 1;  // the band is its own
                    StructParagraph text = place_text(block, x + sizes_.body * 0.6, top + (head_h - block.height) / 2);
                    text.header = true;
                    text.align = struct_align(heading_style().align);
                    StructElement& e = record(StructKind::Heading, heading_item, {std::move(text)});
                    e.x = x, e.y = top, e.w = widths[c], e.h = head_h;
                }
            }
            BoxSpec sub = spec_;
            sub.w = widths[c];
            double body_top = head_h > 0 ? head_h + sizes_.body * 0.5 : 0;
            sub.h = std::max(1.0, spec_.h - (top - 0) - body_top);
            BodyBuilder inner(sub, size_, text_, diags_);
            BodyResult r = inner.run(col.blocks, paragraph_);
            paragraph = std::max(paragraph, r.paragraphs);
            double dx = x, dy = top + body_top;
            for (auto& e : r.elements) {
                shift_element(e, dx, dy, result_.items.size());
                result_.elements.push_back(std::move(e));
            }
            for (auto& it : r.items) result_.items.push_back({{it.pos.x + dx, it.pos.y + dy}, it.item, it.tag});
            for (auto l : r.lines) {
                l.x += dx, l.y += dy, l.baseline += dy;
                result_.lines.push_back(std::move(l));
            }
            for (auto im : r.images) {
                im.x += dx, im.y += dy;
                result_.images.push_back(std::move(im));
            }
            for (auto cell : r.cells) {
                cell.x += dx, cell.y += dy;
                result_.cells.push_back(std::move(cell));
            }
            for (auto chart : r.charts) {
                offset_chart(chart, dx, dy);
                result_.charts.push_back(std::move(chart));
            }
            result_.missing.insert(result_.missing.end(), r.missing.begin(), r.missing.end());
            result_.overfull = result_.overfull || r.overfull;
            if (result_.split_word.empty()) result_.split_word = r.split_word;  // torn in a column: warned too
            result_.image_squeezed = result_.image_squeezed || r.image_squeezed;
            tallest = std::max(tallest, body_top + r.height);
            result_.columns.push_back({x, top, widths[c], 0});
            x += widths[c] + spec_.column_gap;
        }
        paragraph_ = paragraph;
        for (std::size_t c = result_.columns.size() - cols.columns.size(); c < result_.columns.size(); ++c)
            result_.columns[c].h = tallest;
        if (spec_.column_rule) {
            double rx = 0;
            for (std::size_t c = 0; c + 1 < widths.size(); ++c) {
                rx += widths[c] + spec_.column_gap / 2;
                Shape rule;
                rule.kind = Shape::Kind::Line;
                rule.w = 0;
                rule.h = tallest;
                rule.stroke = spec_.column_rule;
                rule.stroke_width = 0.75;
                result_.items.push_back({{rx, top}, rule});
                rx += spec_.column_gap / 2;
            }
        }
        y_ = top + tallest;
    }

    TextStyle heading_style() const {
        TextStyle s = style_at(sizes_.body);
        s.bold = true;
        s.line_height = 1.3;
        s.color = s.emphasis_color = spec_.table_header_text;
        return s;
    }

    // A quotation: larger text behind an accent bar, the source below right.
    void add(const Quote& quote) {
        double size = sizes_.quote;
        double bar = std::max(3.0, size * 0.12), inset = size * 0.9;
        double top = y_;
        const std::size_t quote_item = result_.items.size();
        std::vector<StructParagraph> paragraphs;
        TextStyle qs = style_at(size);
        qs.line_height = 1.5;
        qs.align = Align::Left;
        for (std::size_t k = 0; k < quote.paragraphs.size(); ++k) {
            if (k > 0) y_ += size * 0.4;
            auto block = text_.set(quote.paragraphs[k], qs, spec_.w - inset);
            paragraphs.push_back(place_text(block, inset, y_));
            y_ += block.height;
        }
        Shape rule;
        rule.w = bar;
        rule.h = y_ - top;
        rule.fill = spec_.bullet_color;
        result_.items.push_back({{0, top}, rule});
        if (!quote.cite.empty()) {
            TextStyle cs = style_at(sizes_.caption);
            cs.color = spec_.muted_color;
            cs.align = Align::Right;
            y_ += sizes_.body * 0.4;
            auto block = text_.set(plain_text("― " + quote.cite), cs, spec_.w - inset);
            paragraphs.push_back(place_text(block, inset, y_, "caption"));
            paragraphs.back().align = StructAlign::Right;
            y_ += block.height;
        }
        StructElement& e = record(StructKind::Quote, quote_item, std::move(paragraphs));
        e.cite = !quote.cite.empty();
        e.x = 0, e.y = top, e.w = spec_.w, e.h = y_ - top;
    }

    void add(const FigureNumber& f) { add_figure_row({&f}); }

    // How many big numbers a grid row holds: up to three; four stand 2 + 2.
    static std::size_t figure_columns(std::size_t count) { return count <= 3 ? count : count == 4 ? 2 : 3; }

    // A row of big numbers as laid out: the whole row's count (a continued
    // piece keeps the grid of the row it came from) and its cell width.
    std::pair<std::size_t, double> figure_grid(const std::vector<const FigureNumber*>& row) const {
        std::size_t count = row.size();
        if (row.front()->group_values) count = std::max(count, row.front()->group_values->size());
        std::size_t columns = std::max<std::size_t>(1, figure_columns(count));
        return {columns, (spec_.w - spec_.column_gap * (columns - 1)) / columns};
    }

    TextStyle figure_value_style(double size) const {
        TextStyle vs = style_at(size);
        vs.bold = true;
        vs.line_height = 1.15;
        vs.color = vs.emphasis_color = spec_.bullet_color;
        vs.jl_spacing_em = 0;
        vs.align = spec_.style.align == Align::Justify ? Align::Left : spec_.style.align;
        return vs;
    }

    // Every big number on the slide shares one size: the largest at which
    // each value (of a continued row: each value of the whole row) stays on
    // one line in its grid cell, down to 1.2 em of body text.
    double figure_value_size(const std::vector<Block>& blocks) const {
        TextStyle vs = figure_value_style(sizes_.figure);
        double size = vs.size;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            std::vector<const FigureNumber*> row;
            while (i < blocks.size() && std::holds_alternative<FigureNumber>(blocks[i]))
                row.push_back(&std::get<FigureNumber>(blocks[i++]));
            if (row.empty()) continue;
            double cell_w = figure_grid(row).second;
            std::vector<std::string> values;
            if (row.front()->group_values) values = *row.front()->group_values;
            for (const FigureNumber* f : row) values.push_back(f->value);
            for (const auto& v : values) {
                double natural = text_.natural_width(plain_text(v), vs);
                // 0.88: neighbouring values keep air between them beyond the gutter.
                if (natural > cell_w * 0.88) size = std::min(size, vs.size * cell_w / natural * 0.88);
            }
        }
        return std::max(sizes_.body * 1.2, size);
    }

    // Big numbers in a grid (up to three a row), each with its label and
    // note under it; a short last row is centred when the box is.
    void add_figure_row(const std::vector<const FigureNumber*>& row) {
        const double gap = spec_.column_gap;
        const auto [columns, cell_w] = figure_grid(row);
        const TextStyle vs = figure_value_style(figure_size_ > 0 ? figure_size_ : sizes_.figure);
        for (std::size_t first = 0; first < row.size(); first += columns) {
            if (first > 0) y_ += sizes_.body * 0.8;
            std::size_t count = std::min(columns, row.size() - first);
            double used = count * cell_w + (count - 1) * gap, x0 = 0;
            if (vs.align == Align::Center) x0 = (spec_.w - used) / 2;
            else if (vs.align == Align::Right) x0 = spec_.w - used;
            double top = y_, tallest = 0;
            for (std::size_t k = 0; k < count; ++k) {
                double x = x0 + k * (cell_w + gap);
                tallest = std::max(tallest, add_figure(*row[first + k], vs, x, top, cell_w));
            }
            y_ = top + tallest;
        }
    }

    // One big number in its grid cell at (x, top); returns its height.
    double add_figure(const FigureNumber& f, const TextStyle& vs, double x, double top, double cell_w) {
        double y = top;
        const std::size_t figure_item = result_.items.size();
        std::vector<StructParagraph> parts;
        auto value = text_.set(plain_text(f.value), vs, cell_w);
        parts.push_back(place_text(value, x, y, "value"));
        y += value.height;
        TextStyle ls = style_at(sizes_.body);
        ls.bold = true;
        ls.align = vs.align;
        if (!f.label.empty()) {
            auto label = text_.set(plain_text(f.label), ls, cell_w);
            parts.push_back(place_text(label, x, y));
            y += label.height;
        }
        if (!f.note.empty()) {
            TextStyle ns = style_at(sizes_.caption);
            ns.color = spec_.muted_color;
            ns.align = vs.align;
            y += sizes_.body * 0.2;
            auto note = text_.set(f.note, ns, cell_w);
            parts.push_back(place_text(note, x, y, "caption"));
            y += note.height;
        }
        for (auto& part : parts) part.align = struct_align(vs.align);
        StructElement& e = record(StructKind::BigNumber, figure_item, std::move(parts));
        e.x = x, e.y = top, e.w = cell_w, e.h = y - top;
        return y - top;
    }

    // Code: mono font, whitespace as written, no Japanese spacing or kinsoku,
    // breaks at spaces (else in a URL or path, else after . _ - in a name,
    // else at the last character that fits, with a warning) with a
    // continuation mark at the end of a wrapped line.
    void add(const Pre& pre) {
        double size = sizes_.code;
        double pad = size * 0.6;
        TextStyle ms = style_at(size);
        ms.line_height = 1.35;
        ms.jl_spacing_em = 0;
        ms.prefer_phrases = false;
        ms.heading = false;
        ms.align = Align::Left;
        double line_h = size * ms.line_height;
        double inner_w = spec_.w - 2 * pad;
        static const std::string kMark = "\u2935";  // ⤵
        double mark_w = char_width(U'\u2935', ms) + size * 0.3;
        double top = y_;
        y_ += pad;
        std::size_t first_item = result_.items.size();  // the background goes under the text
        std::vector<StructParagraph> code_lines;
        for (const std::string& source : pre.lines) {
            std::u32string line = utf8_to_u32(source);
            std::size_t start = 0;
            StructParagraph& para = code_lines.emplace_back();
            para.items.begin = result_.items.size();
            do {
                std::size_t end = line.size();
                bool wraps = false;
                if (width_of(line, start, end, ms) > inner_w + 0.01) {
                    wraps = true;
                    std::size_t fit = start;
                    double w = 0;
                    while (fit < line.size() && w + char_width(line[fit], ms) <= inner_w - mark_w + 0.01)
                        w += char_width(line[fit++], ms);
                    std::size_t text_start = line.find_first_not_of(U' ', start);
                    end = std::u32string::npos;
                    for (std::size_t k = fit; k > start; --k)
                        if (line[k - 1] == U' ' && k - 1 > text_start) {
                            end = k;  // break after the space
                            break;
                        }
                    // No space: a URL or path breaks after '/' or before ? & = #.
                    for (std::size_t k = fit; end == std::u32string::npos && k > start + 1; --k)
                        if (k < line.size() && ((line[k - 1] == U'/' && line[k] != U'/') ||
                                                std::u32string_view(U"?&=#").find(line[k]) != std::u32string_view::npos))
                            end = k;
                    // Else after '.', '_' or '-' inside a name (a host, a file name): the
                    // mark ends the line (a line of code never starts with '.').
                    auto alnum = [](char32_t c) { return c < 0x80 && std::isalnum(static_cast<int>(c)); };
                    for (std::size_t k = fit; end == std::u32string::npos && k > start + 2; --k)
                        if (k < line.size() && std::u32string_view(U"._-").find(line[k - 1]) != std::u32string_view::npos &&
                            alnum(line[k - 2]) && alnum(line[k]))
                            end = k;
                    if (end == std::u32string::npos) {
                        // No break point at all (a hash, a long number): torn at the last character
                        // that fits, with the mark, as body text is; a warning names the line.
                        end = std::max(fit, start + 1);
                        std::string torn;
                        for (std::size_t k = start; k < end; ++k) torn += utf8_encode(line[k]);
                        if (result_.split_word.empty()) result_.split_word = torn;
                    }
                }
                place_code_line(line.substr(start, end - start), ms, pad, line_h, pre.where, para);
                if (wraps && end < line.size()) {
                    TextStyle mark = ms;
                    mark.color = mark.emphasis_color = spec_.muted_color;
                    auto block = text_.set(code_text(kMark, pre.where), mark, mark_w * 4);
                    for (const auto& l : block.lines)
                        for (const auto& pr : l.runs)
                            result_.items.push_back(
                                {{spec_.w - pad - mark_w + size * 0.3 + pr.origin.x, y_ - line_h + pr.origin.y}, pr.run});
                }
                start = end;
            } while (start < line.size());
            para.items.end = result_.items.size();
            ++paragraph_;
        }
        y_ += pad;
        Shape bg;
        bg.w = spec_.w;
        bg.h = y_ - top;
        bg.fill = spec_.code_fill;
        bg.corner_radius = 4;
        result_.items.insert(result_.items.begin() + static_cast<std::ptrdiff_t>(first_item), {{0, top}, bg});
        for (auto& para : code_lines) para.items.begin += 1, para.items.end += 1;  // after the band
        StructElement& e = record(StructKind::Code, first_item, std::move(code_lines));
        e.x = 0, e.y = top, e.w = spec_.w, e.h = y_ - top;
    }

    static RichText code_text(const std::string& s, const SourcePosition& where) {
        RichText rt;
        rt.where = where;
        rt.spans.push_back({s, false, false, true, where});
        return rt;
    }

    // One visual line of code at y_; leading spaces become an indent so they
    // are kept whatever the line breaker does with spaces at a line start.
    void place_code_line(const std::u32string& text, const TextStyle& ms, double pad, double line_h,
                         const SourcePosition& where, StructParagraph& para) {
        std::size_t lead = 0;
        while (lead < text.size() && text[lead] == U' ') ++lead;
        std::string rest;
        for (std::size_t i = lead; i < text.size(); ++i) rest += utf8_encode(text[i]);
        while (!rest.empty() && rest.back() == ' ') rest.pop_back();
        StructLine blank;
        blank.x = pad, blank.top = y_, blank.h = line_h, blank.baseline = y_ + line_h * 0.8;
        if (rest.empty()) para.lines.push_back(std::move(blank));
        if (!rest.empty()) {
            double indent = lead * char_width(U' ', ms);
            auto block = text_.set(code_text(rest, where), ms, 1e6);
            StructParagraph set = struct_paragraph(block, pad + indent, y_, spec_.style.mono_family, {});
            for (auto& l : set.lines) {
                if (lead > 0 && !l.runs.empty()) l.runs.front().text.insert(0, std::string(lead, ' '));
                l.x = pad, l.h = line_h;
                if (lead > 0 && !l.runs.empty()) l.runs.front().x = pad;
                para.lines.push_back(std::move(l));
            }
            for (const auto& line : block.lines) {
                for (const auto& pr : line.runs)
                    result_.items.push_back({{pad + indent + pr.origin.x, y_ + pr.origin.y}, pr.run});
                result_.lines.push_back({line.text, pad + indent + line.x, y_ + line.top, line.width, line_h,
                                         y_ + line.baseline, ms.size, false, paragraph_, "code"});
            }
            result_.missing.insert(result_.missing.end(), block.missing.begin(), block.missing.end());
        }
        y_ += line_h;
    }

    double char_width(char32_t c, const TextStyle& ms) const {
        auto key = std::make_pair(c, ms.size);
        auto it = widths_.find(key);
        if (it != widths_.end()) return it->second;
        // Measured between two letters so a lone space keeps its width.
        double w = text_.natural_width(code_text("x" + utf8_encode(c) + "x", {}), ms) -
                   text_.natural_width(code_text("xx", {}), ms);
        return widths_[key] = w;
    }

    double width_of(const std::u32string& s, std::size_t from, std::size_t to, const TextStyle& ms) const {
        double w = 0;
        for (std::size_t i = from; i < to; ++i) w += char_width(s[i], ms);
        return w;
    }

    // The deck's sections as a numbered list; the current one bold in the
    // accent colour on a tint. A title that carries its own number ("1. 進捗")
    // keeps it (bold, in the accent colour) and gets no second one.
    void add(const Agenda& agenda) {
        const std::size_t agenda_item = result_.items.size();
        auto list_tag = make_tag("L");
        const double agenda_top = y_, size = sizes_.body;
        bool all_numbered = !agenda.sections.empty();
        for (const auto& t : agenda.sections) all_numbered = all_numbered && own_number_length(t) > 0;
        const double num_w = all_numbered ? size * 0.5 : size * 2.2;
        std::vector<StructParagraph> entries;
        for (std::size_t k = agenda.first; k < agenda.shown_end(); ++k) {
            if (k > agenda.first) y_ += size * 0.45;
            const std::size_t item_first = result_.items.size();
            bool current = static_cast<int>(k) == agenda.current;
            TextStyle ts = style_at(size);
            ts.align = Align::Left;
            ts.emphasis_color = spec_.bullet_color;
            if (current) ts.bold = true, ts.color = spec_.bullet_color;
            ts.link_color = ts.color;  // agenda entries link to their sections, drawn as the agenda always looks
            const std::string& name = agenda.sections[k];
            const std::size_t own = own_number_length(name);
            RichText title_text = plain_text(name);
            if (own > 0)
                title_text.spans = {{name.substr(0, own), true, false, false, {}, {}},
                                    {name.substr(own), false, false, false, {}, {}}};
            if (k < agenda.targets.size() && !agenda.targets[k].empty())
                for (auto& span : title_text.spans) span.href = "#" + agenda.targets[k];
            underline_links_ = false;
            auto title = text_.set(title_text, ts, spec_.w - num_w - size * 0.5);
            double pad = size * 0.25;
            if (current) add_agenda_band(title.height + 2 * pad);
            std::optional<StructParagraph> shown;
            if (own == 0) shown = add_agenda_number(k + 1, ts, title, pad);
            StructParagraph entry = place_text(title, num_w, y_ + pad);
            entry.marker_x = size * 0.5;
            if (shown) {
                entry.number = static_cast<int>(k) + 1;
                entry.items.begin = shown->items.begin;
                if (!entry.lines.empty() && !shown->lines.empty())
                    entry.lines.front().runs.insert(entry.lines.front().runs.begin(), shown->lines.front().runs.begin(),
                                                    shown->lines.front().runs.end());
            }
            underline_links_ = true;
            entries.push_back(std::move(entry));
            tag_from(item_first, make_tag("LI", list_tag));
            y_ += title.height + 2 * pad;
        }
        tag_from(agenda_item, list_tag);
        StructElement& e = record(StructKind::Agenda, agenda_item, std::move(entries));
        e.x = 0, e.y = agenda_top, e.w = spec_.w, e.h = y_ - agenda_top;
    }

    // The tint and accent bar behind the current section.
    void add_agenda_band(double h) {
        Shape tint;
        tint.w = spec_.w;
        tint.h = h;
        tint.fill = spec_.table_stripe;
        result_.items.push_back({{0, y_}, tint});
        Shape bar;
        bar.w = 4;
        bar.h = h;
        bar.fill = spec_.bullet_color;
        result_.items.push_back({{0, y_}, bar});
    }

    // "01", "02", … on the title's first baseline.
    StructParagraph add_agenda_number(std::size_t n, const TextStyle& ts, const TextBlock& title, double pad) {
        const double size = sizes_.body;
        TextStyle ns = ts;
        ns.bold = true;
        ns.color = ns.emphasis_color = spec_.bullet_color;
        char num[24];
        std::snprintf(num, sizeof num, "%02zu", n);
        auto number = text_.set(plain_text(num), ns, size * 2.2);
        double first_baseline = title.lines.empty() ? size : title.lines.front().baseline;
        double num_baseline = number.lines.empty() ? size : number.lines.front().baseline;
        StructParagraph shown = place_text(number, size * 0.5, y_ + pad + first_baseline - num_baseline, "number");
        --paragraph_;  // the number and its title are one paragraph
        return shown;
    }

    const BoxSpec& spec_;
    double size_;       // the size the body is fitted at
    TextSizes sizes_;   // what each kind of text is drawn at, floors kept
    double figure_size_ = 0;  // the one size of every big number on the slide
    const TextEngine& text_;
    Diagnostics& diags_;
    BodyResult result_;
    double y_ = 0;
    int paragraph_ = 0;
    bool last_block_ = false;
    mutable std::map<std::pair<char32_t, double>, double> widths_;
    bool underline_links_ = true;
    std::map<const StructTag*, std::shared_ptr<const StructTag>> reparented_;  // during one tag_from
};

}  // namespace

std::vector<double> column_widths(const Columns& columns, double total, double gap) {
    std::size_t n = columns.columns.size();
    std::vector<double> rel = columns.widths.size() == n ? columns.widths : std::vector<double>(n, 1.0);
    double sum = std::accumulate(rel.begin(), rel.end(), 0.0);
    double usable = total - gap * (n > 0 ? n - 1 : 0);
    std::vector<double> out;
    for (double r : rel) out.push_back(sum > 0 ? usable * r / sum : usable / n);
    return out;
}

double column_heading_height(const Columns& columns, const BoxSpec& spec, double size, const TextEngine& text) {
    bool any = false;
    for (const auto& c : columns.columns) any = any || !c.heading.empty();
    if (!any) return 0;
    std::vector<double> widths = column_widths(columns, spec.w, spec.column_gap);
    TextStyle s = spec.style;
    s.size = drawn_body_size(spec, size);
    s.bold = true;
    s.line_height = 1.3;
    double tallest = 0;
    for (std::size_t c = 0; c < columns.columns.size(); ++c)
        if (!columns.columns[c].heading.empty())
            tallest = std::max(tallest, text.set(columns.columns[c].heading, s, widths[c] - s.size * 1.2).height);
    return tallest + s.size * 0.7;
}

BodyResult layout_body(const std::vector<Block>& blocks, const BoxSpec& spec, double size, const TextEngine& text,
                       Diagnostics& diags) {
    return BodyBuilder(spec, size, text, diags).run(blocks);
}

}  // namespace ks
