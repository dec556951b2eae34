#include "export/dump/layout_dump.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "export/dump/structure_dump.h"

namespace ks {

// Two decimals: stable across runs, precise enough for any check.
static double r2(double v) { return std::round(v * 100) / 100; }

// A chart as drawn: type, series with their values (null for a gap), the
// plot area, axis ticks and every bar / point / slice with its value.
static nlohmann::ordered_json chart_json(const DumpChart& c) {
    nlohmann::ordered_json j;
    j["type"] = c.type;
    j["alt"] = c.alt;
    j["unit"] = c.unit;
    j["x"] = r2(c.x);
    j["y"] = r2(c.y);
    j["w"] = r2(c.w);
    j["h"] = r2(c.h);
    j["plot"] = {{"x", r2(c.plot_x)}, {"y", r2(c.plot_y)}, {"w", r2(c.plot_w)}, {"h", r2(c.plot_h)}};
    j["categories"] = c.categories;
    j["series"] = nlohmann::ordered_json::array();
    for (const auto& s : c.series) {
        nlohmann::ordered_json js;
        js["name"] = s.name;
        if (!s.color.empty()) js["color"] = s.color;
        js["values"] = nlohmann::ordered_json::array();
        for (const auto& v : s.values) js["values"].push_back(v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json());
        j["series"].push_back(std::move(js));
    }
    j["ticks"] = c.ticks;
    j["marks"] = nlohmann::ordered_json::array();
    for (const auto& m : c.marks)
        j["marks"].push_back({{"series", m.series}, {"category", m.category}, {"value", m.value}, {"x", r2(m.x)},
                              {"y", r2(m.y)}, {"w", r2(m.w)}, {"h", r2(m.h)}});
    return j;
}

std::string layout_dump_json(const Document& slides) {
    nlohmann::ordered_json root;
    root["version"] = 1;
    root["slides"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < slides.pages.size(); ++i) {
        const Frame* page = slides.pages[i].get();
        const LayoutRecord& s = page->record;
        nlohmann::ordered_json js;
        js["index"] = i + 1;  // the page's place in the Document is the slide's in the deck
        js["id"] = s.id;
        js["layout"] = s.layout;
        if (!s.continues.empty()) js["continues"] = s.continues;  // only on continuation slides
        js["width"] = r2(page->width);
        js["height"] = r2(page->height);
        js["boxes"] = nlohmann::ordered_json::array();
        for (const auto& b : s.boxes) {
            nlohmann::ordered_json jb;
            jb["role"] = b.role;
            jb["x"] = r2(b.x);
            jb["y"] = r2(b.y);
            jb["w"] = r2(b.w);
            jb["h"] = r2(b.h);
            jb["overflow"] = b.overflow;
            jb["font_size"] = r2(b.font_size);
            jb["lines"] = nlohmann::ordered_json::array();
            for (const auto& l : b.lines) {
                nlohmann::ordered_json jl;
                jl["text"] = l.text;
                jl["x"] = r2(l.x);
                jl["y"] = r2(l.y);
                jl["w"] = r2(l.w);
                jl["h"] = r2(l.h);
                jl["baseline"] = r2(l.baseline);
                jl["size"] = r2(l.size);
                jl["overfull"] = l.overfull;
                jl["paragraph"] = l.paragraph;
                jl["kind"] = l.kind;
                jb["lines"].push_back(std::move(jl));
            }
            // Images, table cells and columns only where there are some, so older dumps stay as they were.
            for (const auto& im : b.images)
                jb["images"].push_back(
                    {{"x", r2(im.x)}, {"y", r2(im.y)}, {"w", r2(im.w)}, {"h", r2(im.h)}, {"src", im.src}});
            for (const auto& c : b.cells)
                jb["cells"].push_back({{"row", c.row}, {"col", c.col}, {"x", r2(c.x)}, {"y", r2(c.y)},
                                       {"w", r2(c.w)}, {"h", r2(c.h)}, {"text", c.text}, {"colspan", c.colspan},
                                       {"rowspan", c.rowspan}, {"size", r2(c.size)}, {"header", c.header},
                                       {"total", c.total},
                                       {"text_x", r2(c.x + c.text_dx)}, {"text_y", r2(c.y + c.text_dy)},
                                       {"text_w", r2(c.text_w)}, {"text_h", r2(c.text_h)}});
            for (const auto& c : b.columns)
                jb["columns"].push_back({{"x", r2(c.x)}, {"y", r2(c.y)}, {"w", r2(c.w)}, {"h", r2(c.h)}});
            for (const auto& c : b.charts) jb["charts"].push_back(chart_json(c));
            js["boxes"].push_back(std::move(jb));
        }
        js["structure"] = structure_json(s.structure);
        root["slides"].push_back(std::move(js));
    }
    return root.dump(1) + "\n";
}

}  // namespace ks
