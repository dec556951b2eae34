#pragma once
// The faces a slides PDF is drawn with: for every TrueType face of the
// document, a Cairo face made from a reduced copy of the file
// (util/truetype_reduce.h) with the same glyph ids, outlines and metrics for
// what the document draws. Cairo's PDF surface looks every new glyph's
// character up in the face's cmap by a linear scan of the whole table
// (copied out of the font each time), then walks the whole cmap through
// FreeType when that fails: with a CJK face's full cmap that was a fifth of
// writing slides.pdf. The reduced cmap maps only the characters in use, in a
// few segments; the PDF comes out the same.
#include <map>
#include <memory>
#include <string>

#include <cairo.h>

#include "frame/document.h"

namespace ks {

class PdfFaces {
public:
    // Faces that cannot be reduced (collections, CFF, colour fonts, a file
    // that cannot be read) are left out: the painter draws them with its own.
    explicit PdfFaces(const Document& doc);
    ~PdfFaces();
    PdfFaces(const PdfFaces&) = delete;
    PdfFaces& operator=(const PdfFaces&) = delete;

    // Keyed as CairoPainter keys its faces ("file#index").
    const std::map<std::string, cairo_font_face_t*>& faces() const { return faces_; }

private:
    std::map<std::string, cairo_font_face_t*> faces_;  // one reference each
};

}  // namespace ks
