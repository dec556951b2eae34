#include "export/dump/structure_dump.h"

#include <cmath>

namespace ks {
namespace {

double r2(double v) { return std::round(v * 100) / 100; }

const char* align_name(StructAlign a) {
    switch (a) {
        case StructAlign::Left: return "left";
        case StructAlign::Center: return "center";
        case StructAlign::Right: return "right";
        case StructAlign::Justify: return "justify";
    }
    return "left";
}

nlohmann::ordered_json paragraph_json(const StructParagraph& p, StructKind kind) {
    nlohmann::ordered_json jp;
    std::string text;
    for (const auto& line : p.lines) {
        if (!text.empty() || &line != &p.lines.front()) text += "\n";
        for (const auto& run : line.runs) text += run.text;
    }
    jp["text"] = text;
    jp["line_count"] = p.lines.size();
    jp["align"] = align_name(p.align);
    if (kind == StructKind::List) {
        jp["level"] = p.level;
        if (p.number) jp["number"] = p.number;
    }
    if (kind == StructKind::Table) {
        jp["row"] = p.row;
        jp["col"] = p.col;
        if (p.row_span != 1) jp["row_span"] = p.row_span;
        if (p.col_span != 1) jp["col_span"] = p.col_span;
        jp["header"] = p.header;
    }
    for (const auto& line : p.lines)
        for (const auto& run : line.runs)
            if (!run.link.empty()) jp["links"].push_back({{"text", run.text}, {"target", run.link}});
    return jp;
}

// A chart's data as the structure carries it: type, unit, categories,
// series with their values (null: a gap) and whether they are hatched.
nlohmann::ordered_json chart_json(const StructChart& c) {
    nlohmann::ordered_json jc;
    jc["type"] = c.type;
    jc["unit"] = c.unit;
    jc["categories"] = c.categories;
    jc["series"] = nlohmann::ordered_json::array();
    for (const auto& s : c.series) {
        nlohmann::ordered_json js;
        js["name"] = s.name;
        if (s.hatch) js["hatched"] = true;
        js["values"] = nlohmann::ordered_json::array();
        for (const auto& v : s.values) js["values"].push_back(v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json());
        jc["series"].push_back(std::move(js));
    }
    return jc;
}

}  // namespace

const char* struct_kind_name(StructKind kind) {
    switch (kind) {
        case StructKind::Title: return "title";
        case StructKind::Subtitle: return "subtitle";
        case StructKind::Text: return "text";
        case StructKind::List: return "list";
        case StructKind::Table: return "table";
        case StructKind::Figure: return "figure";
        case StructKind::Caption: return "caption";
        case StructKind::Quote: return "quote";
        case StructKind::BigNumber: return "big-number";
        case StructKind::Code: return "code";
        case StructKind::Agenda: return "agenda";
        case StructKind::Heading: return "heading";
        case StructKind::Furniture: return "furniture";
    }
    return "text";
}

nlohmann::ordered_json structure_json(const SlideStructure& s) {
    nlohmann::ordered_json js;
    if (!s.section.empty()) js["section"] = s.section;
    js["elements"] = nlohmann::ordered_json::array();
    for (const auto& e : s.elements) {
        nlohmann::ordered_json je;
        je["kind"] = struct_kind_name(e.kind);
        je["x"] = r2(e.x);
        je["y"] = r2(e.y);
        je["w"] = r2(e.w);
        je["h"] = r2(e.h);
        if (e.kind == StructKind::Furniture) {
            je["furniture"] = e.furniture;
            je["master"] = e.from_master;
            if (!e.field_text.empty()) je["field_text"] = e.field_text;
        }
        if (e.kind == StructKind::List) je["ordered"] = e.ordered;
        if (e.kind == StructKind::Table) {
            je["rows"] = e.table_rows;
            je["cols"] = e.table_cols;
        }
        if (e.kind == StructKind::Figure) {
            je["src"] = e.image.src;
            je["alt"] = e.image.alt;
            if (e.image.crop_left > 0 || e.image.crop_top > 0)
                je["crop"] = {r2(e.image.crop_left), r2(e.image.crop_top), r2(e.image.crop_right),
                              r2(e.image.crop_bottom)};
            if (e.chart) je["chart"] = chart_json(*e.chart);
        }
        if (!e.paragraphs.empty()) {
            je["paragraphs"] = nlohmann::ordered_json::array();
            for (const auto& p : e.paragraphs) je["paragraphs"].push_back(paragraph_json(p, e.kind));
        }
        js["elements"].push_back(std::move(je));
    }
    if (!s.notes.empty()) js["notes"] = s.notes;
    return js;
}

}  // namespace ks
