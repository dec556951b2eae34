#include "app/export_tasks.h"

#include <cstdio>

#include "app/pptx_output.h"
#include "export/cairo/slide_exporter.h"
#include "export/pdf/hpdf_writer.h"

namespace ks {
namespace {

using Plan = void (*)(const BuiltDocuments&, RenderKeys&, std::size_t exporter, std::vector<ExportTask>&);

void handout_tasks(const BuiltDocuments& b, RenderKeys& keys, std::size_t exporter, std::vector<ExportTask>& tasks) {
    const HpdfOptions render{b.options.handout.grayscale};
    const std::string salt = std::string("hpdf grayscale ") + (render.grayscale ? "1" : "0");
    for (std::size_t h = 0; h < b.handouts.size(); ++h) {
        const Document& doc = b.handouts[h];
        tasks.push_back({b.names.handout(h), keys.document(doc, salt), "", exporter, false,
                         [&doc, render](const std::string& path, Diagnostics& diags) {
                             write_handout_pdf(doc, render, path, diags);
                         }});
    }
}

void slides_pdf_tasks(const BuiltDocuments& b, RenderKeys& keys, std::size_t exporter,
                      std::vector<ExportTask>& tasks) {
    tasks.push_back({OutputNames::kSlidesPdf, keys.document(b.slides, "cairo pdf"), "", exporter, false,
                     [&b](const std::string& path, Diagnostics&) { write_cairo_pdf(b.painter, b.slides, path); }});
}

void png_tasks(const BuiltDocuments& b, RenderKeys& keys, std::size_t exporter, std::vector<ExportTask>& tasks) {
    const PngOptions render{b.options.png_scale};
    char salt[96];
    std::snprintf(salt, sizeof salt, "png scale %.17g", render.scale);
    for (std::size_t i = 0; i < b.slides.pages.size(); ++i) {
        const std::uint64_t key = keys.page(*b.slides.pages[i], salt);
        tasks.push_back({b.names.slide_png(i), key, b.slide_labels.at(i), exporter, true,
                         [&b, i, key, render](const std::string& path, Diagnostics&) {
                             write_page_png(b.painter, b.slides, i, path, render);
                             if (b.options.on_slide_png) b.options.on_slide_png(i, key, path);
                         }});
    }
}

// --pptx: slides.pptx from the slides Document (its structure included).
void pptx_tasks(const BuiltDocuments& b, RenderKeys& keys, std::size_t exporter, std::vector<ExportTask>& tasks) {
    if (!b.options.pptx) return;
    tasks.push_back({OutputNames::kSlidesPptx, pptx_key(keys, b.slides), "", exporter, false,
                     [&b](const std::string& path, Diagnostics&) { write_pptx_file(b.slides, path); }});
}

// The exporters, longest tasks first so that the parallel run ends together.
struct Exporter {
    const char* kind;
    Plan plan;
};
constexpr Exporter kExporters[] = {
    {"handout.pdf", handout_tasks},
    {"slides.pdf", slides_pdf_tasks},
    {"slides.pptx", pptx_tasks},
    {"PNGs", png_tasks},
};

}  // namespace

std::vector<std::string> export_kinds() {
    std::vector<std::string> kinds;
    for (const auto& e : kExporters) kinds.push_back(e.kind);
    return kinds;
}

std::vector<ExportTask> export_tasks(const BuiltDocuments& built, RenderKeys& keys) {
    std::vector<ExportTask> tasks;
    for (std::size_t e = 0; e < std::size(kExporters); ++e) kExporters[e].plan(built, keys, e, tasks);
    return tasks;
}

}  // namespace ks
