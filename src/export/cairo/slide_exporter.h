#pragma once
// Slide output through Cairo: one PNG per slide and a slides PDF.
#include <memory>
#include <string>
#include <vector>

#include "export/cairo/cairo_painter.h"
#include "frame/document.h"

namespace ks {

struct PngOptions {
    double scale = 2;  // pixels per point
};

// Renders page `page` of the document to a PNG. Thread-safe (one page per
// task). Throws std::runtime_error on failure.
void write_page_png(const CairoPainter& painter, const Document& doc, std::size_t page, const std::string& path,
                    const PngOptions& options);

// Writes the whole document into one PDF with embedded, searchable fonts,
// its bookmarks and metadata.
void write_cairo_pdf(const CairoPainter& painter, const Document& doc, const std::string& path);

// Starts loading what write_cairo_pdf needs besides Cairo (libqpdf, through
// export/tagging/pdf_tagging.h) on a background thread and returns at once:
// a build that will write the PDF calls it before layout, so the load
// overlaps layout instead of delaying the export.
void prepare_cairo_pdf();

}  // namespace ks
