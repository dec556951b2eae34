#include "layout/body_layout.h"

#include <algorithm>
#include <numeric>

#include "layout/image_probe.h"

namespace ks {
namespace {

class BodyBuilder {
public:
    BodyBuilder(const BoxSpec& spec, double size, const TextEngine& text, Diagnostics& diags)
        : spec_(spec), size_(size), text_(text), diags_(diags) {}

    BodyResult run(const std::vector<Block>& blocks) {
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (i > 0) y_ += spec_.paragraph_gap * size_;
            std::visit([&](const auto& b) { add(b); }, blocks[i]);
        }
        result_.height = y_;
        return std::move(result_);
    }

private:
    TextStyle style_at(double size) const {
        TextStyle s = spec_.style;
        s.size = size;
        return s;
    }

    // Places a text block at (x, y_) and records its lines.
    void place_text(const TextBlock& block, double x, double y) {
        for (const auto& line : block.lines) {
            for (const auto& pr : line.runs) result_.items.push_back({{x + pr.origin.x, y + pr.origin.y}, pr.run});
            double size = line.runs.empty() ? 0 : line.runs.front().run.size;
            double h = block.lines.size() ? block.height / block.lines.size() : 0;
            result_.lines.push_back({line.text, x + line.x, y + line.top, line.width, h, y + line.baseline, size,
                                     line.overfull, paragraph_ + line.segment});
            result_.overfull = result_.overfull || line.overfull;
        }
        result_.missing.insert(result_.missing.end(), block.missing.begin(), block.missing.end());
        paragraph_ += block.lines.empty() ? 1 : block.lines.back().segment + 1;
    }

    void add(const Paragraph& p) {
        auto block = text_.set(p.text, style_at(size_), spec_.w);
        place_text(block, 0, y_);
        y_ += block.height;
    }

    void add(const List& list) { add_list(list, 0); }

    void add_list(const List& list, int level) {
        double size = size_ * (level == 0 ? 1.0 : level == 1 ? 0.9 : 0.85);
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
                for (const auto& child : item.children) add_list(child, level + 1);
                continue;
            }
            if (i > 0 || level > 0) y_ += spec_.item_gap * size;
            auto style = style_at(size);
            auto block = text_.set(item.text, style, spec_.w - x);
            double first_baseline = block.lines.empty() ? size : block.lines.front().baseline;
            if (list.ordered) add_number(number++, indent, marker_box - size * 0.45, y_ + first_baseline, size);
            else add_bullet(level, indent, y_ + first_baseline, size);
            place_text(block, x, y_);
            y_ += block.height;
            for (const auto& child : item.children) add_list(child, level + 1);
        }
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

    void add(const Table& table) {
        double size = size_ * spec_.table_scale;
        double pad_x = size * 0.6, pad_y = size * 0.4;
        const auto& sizing = table.sizing_rows ? *table.sizing_rows : table.rows;
        std::size_t columns = 0;
        for (const auto& r : sizing) columns = std::max(columns, r.cells.size());
        if (columns == 0) return;

        auto cell_style = [&](bool header) {
            TextStyle s = style_at(size);
            s.line_height = 1.4;
            if (header) {
                s.bold = true;
                s.color = s.emphasis_color = spec_.table_header_text;
            }
            return s;
        };
        // Natural column widths, then shrink the wide columns to fit.
        std::vector<double> natural(columns, 0);
        for (const auto& r : sizing)
            for (std::size_t c = 0; c < r.cells.size(); ++c)
                natural[c] = std::max(natural[c], text_.natural_width(r.cells[c].text, cell_style(r.header)) + 2 * pad_x);
        std::vector<double> widths = fit_columns(natural, spec_.w);

        std::size_t body_row = 0;
        int table_row = 0;
        for (const auto& row : table.rows) {
            std::vector<TextBlock> blocks;
            double row_h = 0;
            for (std::size_t c = 0; c < columns; ++c) {
                RichText empty;
                const RichText& t = c < row.cells.size() ? row.cells[c].text : empty;
                blocks.push_back(text_.set(t, cell_style(row.header), widths[c] - 2 * pad_x));
                row_h = std::max(row_h, blocks.back().height + 2 * pad_y);
            }
            std::optional<Color> fill;
            if (row.header) fill = spec_.table_header_fill;
            else if (body_row++ % 2 == 1) fill = spec_.table_stripe;
            if (fill) {
                Shape bg;
                bg.w = spec_.w;
                bg.h = row_h;
                bg.fill = fill;
                result_.items.push_back({{0, y_}, bg});
            }
            double x = 0;
            for (std::size_t c = 0; c < columns; ++c) {
                place_text(blocks[c], x + pad_x, y_ + pad_y);
                std::string text;
                for (const auto& line : blocks[c].lines) text += (text.empty() ? "" : "\n") + line.text;
                result_.cells.push_back({table_row, static_cast<int>(c), x, y_, widths[c], row_h, text});
                x += widths[c];
            }
            ++table_row;
            Shape rule;
            rule.kind = Shape::Kind::Line;
            rule.w = spec_.w;
            rule.h = 0;
            rule.stroke = spec_.table_rule;
            rule.stroke_width = 0.75;
            result_.items.push_back({{0, y_ + row_h}, rule});
            y_ += row_h;
        }
    }

    // Columns that fit keep their natural width; the rest share what is left
    // in proportion to their natural width. The table spans the column.
    static std::vector<double> fit_columns(const std::vector<double>& natural, double total) {
        std::vector<double> widths = natural;
        double sum = std::accumulate(natural.begin(), natural.end(), 0.0);
        if (sum <= total) {
            // Give the spare width to the last column (usually the content column).
            widths.back() += total - sum;
            return widths;
        }
        double fair = total / natural.size();
        double fixed = 0, flexible = 0;
        for (double w : natural) (w <= fair ? fixed : flexible) += w;
        for (auto& w : widths)
            if (w > fair) w = (total - fixed) * w / flexible;
        return widths;
    }

    void add(const Image& image) {
        auto size = image.resolved.empty() ? std::nullopt : probe_png(image.resolved);
        double max_w = spec_.w, max_h = std::max(spec_.h - y_, spec_.h * 0.3);
        if (!size) {
            diags_.warning(image.where, "cannot read image '" + image.src + "'; a placeholder is drawn",
                           {"give the path of a readable PNG file, relative to the outline"});
            Shape box;
            box.w = max_w;
            box.h = std::min(max_h, size_ * 4);
            box.stroke = spec_.table_rule;
            result_.items.push_back({{0, y_}, box});
            auto label = text_.set(plain_text(image.alt.empty() ? image.src : image.alt), style_at(size_ * 0.8),
                                   max_w - size_);
            place_text(label, size_ * 0.5, y_ + size_ * 0.5);
            y_ += box.h;
            return;
        }
        // Largest size that fits the box, shrunk (aspect kept) into the space
        // left, but not below image-min of the box: then it must move on.
        double full = std::min(spec_.w / size->width, spec_.h / size->height);
        double min_h = std::min(size->height * full, spec_.image_min * spec_.h);
        double left = spec_.h - y_;
        double h = std::min(size->height * full, std::max(left, min_h));
        if (left < min_h - 0.01) result_.image_squeezed = true;
        double w = size->width * (h / size->height);
        result_.items.push_back({{(spec_.w - w) / 2, y_}, ImageItem{image.resolved, w, h}});
        result_.images.push_back({(spec_.w - w) / 2, y_, w, h, image.src});
        y_ += h;
    }

    const BoxSpec& spec_;
    double size_;
    const TextEngine& text_;
    Diagnostics& diags_;
    BodyResult result_;
    double y_ = 0;
    int paragraph_ = 0;
};

}  // namespace

BodyResult layout_body(const std::vector<Block>& blocks, const BoxSpec& spec, double size, const TextEngine& text,
                       Diagnostics& diags) {
    return BodyBuilder(spec, size, text, diags).run(blocks);
}

}  // namespace ks
