#include "export/pptx/text_body.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "export/pptx/pptx_xml.h"

namespace ks::pptx {
namespace {

std::int64_t hundredths(double points) { return std::llround(points * 100); }

const char* align_code(StructAlign a) {
    switch (a) {
        case StructAlign::Left: return "l";
        case StructAlign::Center: return "ctr";
        case StructAlign::Right: return "r";
        case StructAlign::Justify: return "just";
    }
    return "l";
}

void run_props(pugi::xml_node rpr, const StructRun& run, const TextContext* context = nullptr) {
    rpr.append_attribute("lang") = "ja-JP";
    rpr.append_attribute("altLang") = "en-US";
    if (run.size > 0) set_num(rpr, "sz", std::clamp<std::int64_t>(hundredths(run.size), 100, 400000));
    rpr.append_attribute("b") = run.bold ? 1 : 0;
    rpr.append_attribute("i") = run.italic ? 1 : 0;
    rpr.append_attribute("dirty") = 0;
    solid_fill(rpr, run.color);
    if (!run.family.empty()) {
        // The East Asian font is what PowerPoint uses for kana and kanji.
        for (const char* slot : {"a:latin", "a:ea", "a:cs"})
            rpr.append_child(slot).append_attribute("typeface") = run.family.c_str();
    }
    if (context && context->link && !run.link.empty()) context->link(rpr, run.link);
}

const StructRun* first_run(const StructElement& e) {
    for (const auto& p : e.paragraphs)
        for (const auto& l : p.lines)
            if (!l.runs.empty()) return &l.runs.front();
    return nullptr;
}

void spacing(pugi::xml_node ppr, const char* name, double points) {
    set_num(ppr.append_child(name).append_child("a:spcPts"), "val",
            std::clamp<std::int64_t>(hundredths(points), 0, 158400));
}

// Bullets as kamishibai draws them: a filled square, a dash, a ring.
const char* bullet_char(int level) { return level == 0 ? "\u25A0" : level == 1 ? "\u2013" : "\u25CB"; }
int bullet_size_pct(int level) { return level == 0 ? 42000 : level == 1 ? 80000 : 40000; }

struct ParagraphPlace {
    double box_x = 0, box_right = 0;  // the text box's left and right (slack included)
    double space_before = 0;
    bool in_cell = false;
};

void paragraph(pugi::xml_node body, const StructParagraph& p, const StructElement& e, const ParagraphPlace& place,
               const TextContext& context) {
    auto ap = body.append_child("a:p");
    auto ppr = ap.append_child("a:pPr");
    const bool list = e.kind == StructKind::List, agenda = e.kind == StructKind::Agenda;
    double left = std::numeric_limits<double>::max(), right = std::numeric_limits<double>::lowest();
    for (const auto& l : p.lines)
        if (!l.runs.empty()) left = std::min(left, l.x), right = std::max(right, l.x + l.w);
    if (left > right) left = right = place.box_x;
    double mar_l = 0, mar_r = 0, indent = 0;
    if (!place.in_cell) {
        if (list || agenda) {
            mar_l = left - place.box_x;
            indent = p.marker_x - left;
        } else if (p.align == StructAlign::Right) {
            mar_r = place.box_right - right;
        } else if (p.align == StructAlign::Center) {
            double shift = (left + right) / 2 - (place.box_x + place.box_right) / 2;
            mar_l = std::max(0.0, 2 * shift), mar_r = std::max(0.0, -2 * shift);
        } else {
            mar_l = left - place.box_x;
        }
    }
    if (mar_l > 0.01) set_num(ppr, "marL", emu(mar_l));
    if (mar_r > 0.01) set_num(ppr, "marR", emu(mar_r));
    if (std::abs(indent) > 0.01) set_num(ppr, "indent", emu(indent));
    if (list) ppr.append_attribute("lvl") = std::clamp(p.level, 0, 8);
    ppr.append_attribute("algn") = align_code(p.align);
    if (!p.lines.empty() && p.lines.front().h > 0) spacing(ppr, "a:lnSpc", p.lines.front().h);
    spacing(ppr, "a:spcBef", std::max(0.0, place.space_before));
    spacing(ppr, "a:spcAft", 0);
    const StructRun* style = nullptr;
    for (const auto& l : p.lines)
        if (!style && !l.runs.empty()) style = &l.runs.front();
    if (list) {
        if (auto color = context.marker ? context.marker(p) : std::nullopt) solid_fill(ppr.append_child("a:buClr"), *color);
        if (!p.number) set_num(ppr.append_child("a:buSzPct"), "val", bullet_size_pct(p.level));
        if (style && !style->family.empty())
            ppr.append_child("a:buFont").append_attribute("typeface") = style->family.c_str();
        if (p.number) {
            auto num = ppr.append_child("a:buAutoNum");
            num.append_attribute("type") = "arabicPeriod";
            num.append_attribute("startAt") = p.number;
        } else {
            ppr.append_child("a:buChar").append_attribute("char") = bullet_char(p.level);
        }
    } else {
        ppr.append_child("a:buNone");
    }
    if (agenda && mar_l > 0) {
        // The entry's number, then a tab to where its title starts.
        auto tab = ppr.append_child("a:tabLst").append_child("a:tab");
        set_num(tab, "pos", emu(mar_l));
        tab.append_attribute("algn") = "l";
    }
    const StructRun none;
    const StructRun* last = style ? style : first_run(e) ? first_run(e) : &none;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const StructLine& line = p.lines[i];
        if (i > 0) run_props(ap.append_child("a:br").append_child("a:rPr"), line.runs.empty() ? *last : line.runs.front());
        for (std::size_t k = 0; k < line.runs.size(); ++k) {
            const StructRun& run = line.runs[k];
            auto r = ap.append_child("a:r");
            run_props(r.append_child("a:rPr"), run, &context);
            std::string text = run.text;
            const bool number_run = agenda && i == 0 && run.x < line.x - 0.5;
            const bool next_is_title = k + 1 < line.runs.size() && line.runs[k + 1].x >= line.x - 0.5;
            if (number_run && next_is_title) text += "\t";
            r.append_child("a:t").text() = text.c_str();
            last = &run;
        }
        // A code line wrapped on the slide ends in its continuation mark there
        // (layout/body_layout.cpp): the reader of the PowerPoint sees it too.
        if (e.kind == StructKind::Code && i + 1 < p.lines.size() && !line.runs.empty()) {
            auto r = ap.append_child("a:r");
            run_props(r.append_child("a:rPr"), line.runs.back(), &context);
            r.append_child("a:t").text() = " \u2935";
        }
    }
    auto end = ap.append_child("a:endParaRPr");
    end.append_attribute("lang") = "ja-JP";
    if (last->size > 0) set_num(end, "sz", hundredths(last->size));
    end.append_attribute("dirty") = 0;
}

void body_props(pugi::xml_node body) {
    auto pr = body.append_child("a:bodyPr");
    pr.append_attribute("wrap") = "none";
    for (const char* inset : {"lIns", "tIns", "rIns", "bIns"}) pr.append_attribute(inset) = 0;
    pr.append_attribute("anchor") = "t";
    pr.append_attribute("rtlCol") = 0;
    pr.append_child("a:noAutofit");
    body.append_child("a:lstStyle");
}

double line_bottom(const StructLine& l) { return l.top + l.h; }

}  // namespace

TextBox text_box_geometry(const StructElement& e) {
    TextBox box;
    double left = std::numeric_limits<double>::max(), top = left;
    double right = std::numeric_limits<double>::lowest(), bottom = right;
    for (const auto& p : e.paragraphs) {
        for (const auto& l : p.lines) {
            left = std::min(left, l.x), right = std::max(right, l.x + l.w);
            top = std::min(top, l.top), bottom = std::max(bottom, line_bottom(l));
        }
        if ((e.kind == StructKind::List || e.kind == StructKind::Agenda) && !p.lines.empty())
            left = std::min(left, p.marker_x);
    }
    if (left > right || top > bottom) return box;
    const bool boxed = e.kind == StructKind::Title || e.kind == StructKind::Subtitle ||
                       e.kind == StructKind::Furniture || e.kind == StructKind::Code || e.kind == StructKind::Quote;
    if (boxed && e.w > 0) left = std::min(left, e.x), right = std::max(right, e.x + e.w);
    box.empty = false;
    box.x = left;
    box.y = top;
    box.h = bottom - top;
    if (e.kind == StructKind::Code) box.y = e.y, box.h = e.y + e.h - e.y;  // the band, padding included
    // Titles are placeholders, which LibreOffice wraps whatever wrap="none"
    // says: they get more room.
    box.slack = e.kind == StructKind::Code ? 0.0  // the band is visible; its lines never wrap
                                           : std::max(6.0, (right - left) * (e.kind == StructKind::Title ? 0.25 : 0.05));
    box.w = right - left + box.slack;
    return box;
}

void write_text_body(pugi::xml_node body, const StructElement& e, const TextBox& box, const TextContext& context) {
    body_props(body);
    if (e.kind == StructKind::Code) {
        // The band's padding as insets, so the text stays where it was drawn.
        auto pr = body.child("a:bodyPr");
        double first_top = box.y;
        for (const auto& p : e.paragraphs)
            if (!p.lines.empty()) {
                first_top = p.lines.front().top;
                break;
            }
        pr.attribute("tIns").set_value(static_cast<long long>(emu(first_top - box.y)));
    }
    double previous_bottom = std::numeric_limits<double>::quiet_NaN();
    bool any = false;
    for (const auto& p : e.paragraphs) {
        if (p.lines.empty()) continue;
        ParagraphPlace place;
        place.box_x = box.x;
        place.box_right = box.x + box.w;
        place.space_before = std::isnan(previous_bottom) ? 0 : p.lines.front().top - previous_bottom;
        paragraph(body, p, e, place, context);
        previous_bottom = line_bottom(p.lines.back());
        any = true;
    }
    if (!any) body.append_child("a:p");
}

void write_field_body(pugi::xml_node body, const StructElement& e, const TextBox& box) {
    body_props(body);
    const StructRun* style = first_run(e);
    auto ap = body.append_child("a:p");
    auto ppr = ap.append_child("a:pPr");
    const StructAlign align = e.paragraphs.empty() ? StructAlign::Left : e.paragraphs.front().align;
    if (align == StructAlign::Right || align == StructAlign::Center) set_num(ppr, "marR", emu(box.slack));
    ppr.append_attribute("algn") = align_code(align);
    if (!e.paragraphs.empty() && !e.paragraphs.front().lines.empty())
        spacing(ppr, "a:lnSpc", e.paragraphs.front().lines.front().h);
    ppr.append_child("a:buNone");
    StructRun plain = style ? *style : StructRun{};
    const std::string& text = e.field_text;
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t field = text.find("{page}", at);
        std::string piece = text.substr(at, field == std::string::npos ? std::string::npos : field - at);
        if (!piece.empty()) {
            auto r = ap.append_child("a:r");
            run_props(r.append_child("a:rPr"), plain);
            r.append_child("a:t").text() = piece.c_str();
        }
        if (field == std::string::npos) break;
        auto fld = ap.append_child("a:fld");
        fld.append_attribute("id") = "{7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}";
        fld.append_attribute("type") = "slidenum";
        run_props(fld.append_child("a:rPr"), plain);
        fld.append_child("a:t").text() = "\u2039#\u203A";
        at = field + 6;
    }
    auto end = ap.append_child("a:endParaRPr");
    end.append_attribute("lang") = "ja-JP";
    if (style) set_num(end, "sz", hundredths(style->size));
}

namespace {

struct RowLook {
    std::optional<Color> fill;
    std::optional<Color> rule;  // under the row
    double rule_width = 0.75;
};

// Row fills and rules as layout drew them (the table's own decoration).
std::vector<RowLook> row_looks(const StructElement& e, const Frame& frame) {
    std::vector<RowLook> rows(static_cast<std::size_t>(e.table_rows));
    std::vector<double> tops;
    double y = e.y;
    for (double h : e.row_heights) tops.push_back(y), y += h;
    for (std::size_t i = e.items.begin; i < e.items.end && i < frame.items.size(); ++i) {
        const auto* s = std::get_if<Shape>(&frame.items[i].item);
        if (!s || is_paragraph_item(e, i)) continue;
        const double sy = frame.items[i].pos.y;
        for (std::size_t r = 0; r < rows.size() && r < tops.size(); ++r) {
            if (s->kind == Shape::Kind::Rect && std::abs(sy - tops[r]) < 0.5) rows[r].fill = s->fill;
            if (s->kind == Shape::Kind::Line && std::abs(sy - (tops[r] + e.row_heights[r])) < 0.5)
                rows[r].rule = s->stroke, rows[r].rule_width = s->stroke_width;
        }
    }
    return rows;
}

void border(pugi::xml_node tc_pr, const char* side, const std::optional<Color>& color, double width) {
    auto ln = tc_pr.append_child(side);
    if (!color) {
        ln.append_attribute("w") = 0;
        ln.append_child("a:noFill");
        return;
    }
    set_num(ln, "w", emu(width));
    solid_fill(ln, *color);
}

}  // namespace

bool is_paragraph_item(const StructElement& e, std::size_t item) {
    for (const auto& p : e.paragraphs)
        if (p.items.contains(item)) return true;
    return false;
}

void write_table(pugi::xml_node tbl, const StructElement& e, const Frame& frame, const TextContext& context) {
    const int rows = e.table_rows, cols = e.table_cols;
    bool header = false;
    for (const auto& p : e.paragraphs) header = header || p.header;
    auto pr = tbl.append_child("a:tblPr");
    if (header) pr.append_attribute("firstRow") = 1;
    pr.append_attribute("bandRow") = 1;
    auto grid = tbl.append_child("a:tblGrid");
    for (int c = 0; c < cols; ++c)
        set_num(grid.append_child("a:gridCol"), "w",
                emu(c < static_cast<int>(e.col_widths.size()) ? e.col_widths[c] : e.w / cols));
    // Which cell anchors or covers each grid position (merged cells).
    std::vector<int> anchor(static_cast<std::size_t>(rows * cols), -1);
    for (std::size_t k = 0; k < e.paragraphs.size(); ++k) {
        const auto& p = e.paragraphs[k];
        for (int r = p.row; r < std::min(rows, p.row + std::max(1, p.row_span)); ++r)
            for (int c = p.col; c < std::min(cols, p.col + std::max(1, p.col_span)); ++c)
                if (r >= 0 && c >= 0) anchor[static_cast<std::size_t>(r * cols + c)] = static_cast<int>(k);
    }
    const std::vector<RowLook> looks = row_looks(e, frame);
    for (int r = 0; r < rows; ++r) {
        auto tr = tbl.append_child("a:tr");
        set_num(tr, "h", emu(r < static_cast<int>(e.row_heights.size()) ? e.row_heights[r] : e.h / rows));
        for (int c = 0; c < cols; ++c) {
            auto tc = tr.append_child("a:tc");
            const int k = anchor[static_cast<std::size_t>(r * cols + c)];
            const StructParagraph* cell = k >= 0 ? &e.paragraphs[static_cast<std::size_t>(k)] : nullptr;
            const bool anchored = cell && cell->row == r && cell->col == c;
            if (cell && !anchored) {
                if (cell->row != r) tc.append_attribute("vMerge") = 1;
                if (cell->col != c) tc.append_attribute("hMerge") = 1;
            }
            if (anchored && cell->col_span > 1) tc.append_attribute("gridSpan") = cell->col_span;
            if (anchored && cell->row_span > 1) tc.append_attribute("rowSpan") = cell->row_span;
            auto body = tc.append_child("a:txBody");
            body.append_child("a:bodyPr");
            body.append_child("a:lstStyle");
            double pad_x = 0, pad_y = 0, pad_far = 0;  // pad_far: the side the text is not aligned to
            if (anchored && !cell->lines.empty()) {
                StructElement one;
                one.kind = StructKind::Table;
                ParagraphPlace place;
                place.in_cell = true;
                paragraph(body, *cell, one, place, context);
                const StructLine& first = cell->lines.front();
                pad_y = std::max(0.0, first.top - cell->y);
                pad_x = cell->align == StructAlign::Right ? cell->x + cell->w - (first.x + first.w)
                                                            : first.x - cell->x;
                if (cell->align == StructAlign::Center) pad_x = pad_y * 1.5;
                // The side the text is not set against keeps only the usual
                // padding: a decimal-aligned number's right inset would
                // otherwise be mirrored on its left and leave a renderer with
                // slightly wider metrics (LibreOffice) no room ("99.98|%").
                pad_far = cell->align == StructAlign::Center ? pad_x : std::min(pad_x, pad_y * 1.5);
            } else {
                body.append_child("a:p");
            }
            auto tc_pr = tc.append_child("a:tcPr");
            const bool right = cell && cell->align == StructAlign::Right;
            set_num(tc_pr, "marL", emu(std::max(0.0, right ? pad_far : pad_x)));
            set_num(tc_pr, "marR", emu(std::max(0.0, right ? pad_x : pad_far)));
            set_num(tc_pr, "marT", emu(pad_y));
            set_num(tc_pr, "marB", 0);
            tc_pr.append_attribute("anchor") = "t";
            const RowLook& look = looks[static_cast<std::size_t>(r)];
            const RowLook* above = r > 0 ? &looks[static_cast<std::size_t>(r - 1)] : nullptr;
            border(tc_pr, "a:lnL", std::nullopt, 0);
            border(tc_pr, "a:lnR", std::nullopt, 0);
            border(tc_pr, "a:lnT", above ? above->rule : std::nullopt, above ? above->rule_width : 0);
            border(tc_pr, "a:lnB", look.rule, look.rule_width);
            if (look.fill) solid_fill(tc_pr, *look.fill);
            else tc_pr.append_child("a:noFill");
        }
    }
}

}  // namespace ks::pptx
