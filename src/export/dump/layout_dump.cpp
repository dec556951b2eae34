#include "export/dump/layout_dump.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "export/dump/structure_dump.h"

namespace ks {

// Two decimals: stable across runs, precise enough for any check.
static double r2(double v) { return std::round(v * 100) / 100; }

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
            js["boxes"].push_back(std::move(jb));
        }
        js["structure"] = structure_json(s.structure);
        root["slides"].push_back(std::move(js));
    }
    return root.dump(1) + "\n";
}

}  // namespace ks
