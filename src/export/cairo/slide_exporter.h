#pragma once
// Slide output through Cairo: one PNG per slide and a slides PDF.
#include <memory>
#include <string>
#include <vector>

#include "export/cairo/cairo_painter.h"
#include "frame/frame.h"

namespace ks {

struct SlidesPdfInfo {
    std::string title, author, subject;
    std::string date;  // ISO yyyy-mm-dd; fixes the PDF dates for reproducible output
    struct Outline {
        std::string title;
        std::size_t page = 0;  // 0-based slide index
        int level = 0;
    };
    std::vector<Outline> outline;
};

// Renders one slide to a PNG at `scale` pixels per point. Thread-safe.
// Throws std::runtime_error on failure.
void write_slide_png(const CairoPainter& painter, const Frame& slide, const std::string& path, double scale);

// Writes all slides into one PDF with embedded, searchable fonts.
void write_slides_pdf(const CairoPainter& painter, const std::vector<std::shared_ptr<const Frame>>& slides,
                      const SlidesPdfInfo& info, const std::string& path);

std::string slide_png_name(std::size_t index, std::size_t count);

}  // namespace ks
