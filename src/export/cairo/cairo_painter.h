#pragma once
// Draws frames onto any Cairo context: one recursive walk over the items
// (an exhaustive std::visit, see docs/ARCHITECTURE.md).
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <cairo.h>

#include "frame/frame.h"
#include "util/c_handle.h"

namespace ks {

class SvgImage;  // image/svg_image.h: only the painter's source sees librsvg

struct PaintOptions {
    bool with_text = true;  // attach text to glyphs (PDF); PNGs need glyphs only
    // PDF: write structure tags (items' StructTag) and links (GlyphRun::link);
    // `anchors` resolves "#slide-id" links to pages.
    bool tagged = false;
    const std::map<std::string, std::size_t>* anchors = nullptr;
    // Faces to draw with instead of the painter's own, keyed "file#index"
    // (slides.pdf: export/cairo/pdf_faces.h).
    const std::map<std::string, cairo_font_face_t*>* faces = nullptr;
};

// A value in Cairo's tag attribute syntax: 'value' with ' and \ escaped.
std::string quoted_tag_value(const std::string& value);

class CairoPainter {
public:
    CairoPainter();
    ~CairoPainter();
    CairoPainter(const CairoPainter&) = delete;
    CairoPainter& operator=(const CairoPainter&) = delete;

    // Thread-safe: the font and image caches are guarded.
    void paint(cairo_t* cr, const Frame& frame, const PaintOptions& options) const;

private:
    using FontFacePtr = UniqueCPtr<cairo_font_face_t, cairo_font_face_destroy>;
    using SurfacePtr = UniqueCPtr<cairo_surface_t, cairo_surface_destroy>;

    cairo_font_face_t* face(const FontFace& font) const;
    // An image from the image service (image/image_store.h: read and
    // decoded once per build): PNG and JPEG as a surface made once per
    // painter, SVG as the parsed document, drawn as vectors. Neither set
    // when the file cannot be used.
    struct LoadedImage {
        SurfacePtr raster;
        std::shared_ptr<const SvgImage> svg;
    };
    const LoadedImage& image(const std::string& path) const;
    void paint_items(cairo_t* cr, const Frame& frame, const PaintOptions& options) const;
    void paint_item(cairo_t* cr, Point at, const GlyphRun& run, const PaintOptions& options) const;
    void paint_item(cairo_t* cr, Point at, const Shape& shape, const PaintOptions& options) const;
    void paint_item(cairo_t* cr, Point at, const Group& group, const PaintOptions& options) const;
    void paint_item(cairo_t* cr, Point at, const ImageItem& image, const PaintOptions& options) const;
    void paint_run(cairo_t* cr, Point at, const GlyphRun& run, const PaintOptions& options) const;
    void paint_shape(cairo_t* cr, Point at, const Shape& shape) const;
    void paint_tagged_items(cairo_t* cr, const Frame& frame, const PaintOptions& options) const;

    mutable std::mutex mutex_;
    mutable std::map<std::string, FontFacePtr> faces_;
    mutable std::map<std::string, LoadedImage> images_;
    UniqueCPtr<cairo_font_options_t, cairo_font_options_destroy> font_options_;
};

}  // namespace ks
