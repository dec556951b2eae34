#include "export/cairo/slide_exporter.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include <cairo-pdf.h>

#include "export/cairo/pdf_faces.h"
#include "export/cairo/png_writer.h"
#include "export/tagging/pdf_tagging.h"
#include "util/dates.h"
#include "util/output_file.h"
#include "util/scratch_buffer.h"

namespace ks {

using SurfacePtr = UniqueCPtr<cairo_surface_t, cairo_surface_destroy>;
using ContextPtr = UniqueCPtr<cairo_t, cairo_destroy>;

static void check(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(what + ": " + cairo_status_to_string(status));
}

void write_page_png(const CairoPainter& painter, const Document& doc, std::size_t page, const std::string& path,
                    const PngOptions& options) {
    if (page >= doc.pages.size() || !doc.pages[page]) throw std::runtime_error("no page " + std::to_string(page + 1));
    const Frame& f = *doc.pages[page];
    const double scale = options.scale;
    int w = static_cast<int>(std::lround(f.width * scale)), h = static_cast<int>(std::lround(f.height * scale));
    // Our own buffer, not cairo_image_surface_create: that zero-fills 8 MB
    // which the white fill below overwrites anyway; and this thread's, kept
    // for its next slide (util/scratch_buffer.h).
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
    thread_local ScratchBuffer pixels;
    SurfacePtr surface(cairo_image_surface_create_for_data(pixels.get(static_cast<std::size_t>(stride) * h),
                                                           CAIRO_FORMAT_RGB24, w, h, stride));
    check(cairo_surface_status(surface.get()), "cannot create a slide image");
    // An opaque background that covers every pixel whole (the usual slide)
    // is the first thing painted: clearing to white before it would be a
    // second pass over the 8 MB for nothing.
    const bool covered = f.background && f.background->a >= 1.0 && w == f.width * scale && h == f.height * scale;
    {
        ContextPtr cr(cairo_create(surface.get()));
        if (!covered) {
            cairo_set_operator(cr.get(), CAIRO_OPERATOR_SOURCE);
            cairo_set_source_rgb(cr.get(), 1, 1, 1);
            cairo_paint(cr.get());
            cairo_set_operator(cr.get(), CAIRO_OPERATOR_OVER);
        }
        cairo_scale(cr.get(), scale, scale);
        painter.paint(cr.get(), f, {false});
        check(cairo_status(cr.get()), "drawing " + path);
    }
    write_png_rgb(surface.get(), path);
    surface.reset();  // before the pixels it points to
}

// The alt text of every Figure element, in the order the painter opens them
// (frame order, each element once): the structure tree's order.
static std::vector<std::string> figure_alts(const Document& doc) {
    std::vector<std::string> alts;
    for (const auto& page : doc.pages) {
        std::vector<const StructTag*> open;
        for (const auto& item : page->items) {
            std::vector<const StructTag*> chain = tag_chain(item);
            for (std::size_t k = common_tags(open, chain); k < chain.size(); ++k)
                if (chain[k]->role == "Figure") alts.push_back(chain[k]->alt);
            open = std::move(chain);
        }
    }
    return alts;
}

void write_cairo_pdf(const CairoPainter& painter, const Document& doc, const std::string& path) {
    const auto& slides = doc.pages;
    const DocumentInfo& info = doc.info;
    if (slides.empty()) throw std::runtime_error("no slides to write");
    // Cairo writes into memory, libqpdf adds what Cairo cannot write, and the
    // result goes into one descriptor: nothing reopens the name.
    std::string bytes;
    auto write = [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(write, &bytes, slides[0]->width, slides[0]->height));
    check(cairo_surface_status(surface.get()), "cannot create " + path);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, info.title.c_str());
    if (!info.author.empty()) cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
    if (!info.subject.empty()) cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                   info.creator.empty() ? "kamishibai" : info.creator.c_str());
    // Fixed dates keep the file reproducible.
    std::string date = iso8601_date(info.timestamp);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    const PdfFaces faces(doc);
    ContextPtr cr(cairo_create(surface.get()));
    // Tagged PDF: the painter writes each slide's structure elements (Cairo
    // 1.16 fails a page whose content sits in an element spanning it all, so
    // the Document element and what Cairo cannot write are added afterwards,
    // see export/tagging/pdf_accessibility.h).
    int parent[4] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
    for (std::size_t i = 0; i < slides.size(); ++i) {
        const Frame& f = *slides[i];
        cairo_pdf_surface_set_size(surface.get(), f.width, f.height);
        for (const auto& o : doc.outline) {
            if (o.page != i) continue;
            int level = std::clamp(o.level, 0, 2);
            std::string link = "page=" + std::to_string(i + 1);
            parent[level + 1] = cairo_pdf_surface_add_outline(surface.get(), parent[level], o.title.c_str(),
                                                              link.c_str(), cairo_pdf_outline_flags_t(0));
        }
        painter.paint(cr.get(), f, {true, true, &doc.anchors, &faces.faces()});
        cairo_show_page(cr.get());
        check(cairo_status(cr.get()), "drawing slide " + std::to_string(i + 1) + " into " + path);
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "cannot write " + path);
    surface.reset();
    const std::string tagged = tag_pdf(bytes, path, {info.lang, true, figure_alts(doc), true, doc.anchors});
    OutputFile file(path);
    file.write(tagged.data(), tagged.size());
    file.close();
}

void prepare_cairo_pdf() { preload_pdf_tagging(); }

}  // namespace ks
