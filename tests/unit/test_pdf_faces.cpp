// slides.pdf is drawn with faces made from reduced copies of the document's
// fonts (export/cairo/pdf_faces.h): Cairo must write the same PDF with them
// as with the whole font files, and the copies must map only what is shown.
// か゚ is shaped to a glyph no character maps to (the face's ccmp): the copy
// keeps it because the frame draws it.
#include <gtest/gtest.h>

#include <cairo-ft.h>
#include <cairo-pdf.h>

#include <memory>
#include <string>

#include "export/cairo/cairo_painter.h"
#include "export/cairo/pdf_faces.h"
#include "test_support.h"

using namespace ks;

namespace {

Document text_document() {
    auto f = std::make_shared<Frame>();
    f->width = 960;
    f->height = 540;
    TextStyle st;
    st.size = 32;
    double y = 40;
    for (const char* text : {"配布資料のテスト — AWS 2024年（予定） か゚き゚", "「ビルダー」のための Graviton4・Trainium2 CO₂ ✗ ☐ é"}) {
        const TextBlock block = test::engine().set(plain_text(text), st, 880);
        for (const auto& l : block.lines)
            for (const auto& r : l.runs) f->push({40 + r.origin.x, y + r.origin.y}, r.run);
        y += 80;
    }
    Document doc;
    doc.pages.push_back(f);
    return doc;
}

std::string pdf_bytes(const Document& doc, const std::map<std::string, cairo_font_face_t*>* faces) {
    std::string bytes;
    auto write = [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    CairoPainter painter;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(write, &bytes, 960, 540);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00");
    cairo_t* cr = cairo_create(surface);
    painter.paint(cr, *doc.pages[0], {true, true, nullptr, faces});
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return bytes;
}

}  // namespace

TEST(PdfFaces, SamePdfAsWithTheWholeFonts) {
    const Document doc = text_document();
    const PdfFaces faces(doc);
    ASSERT_FALSE(faces.faces().empty()) << "no face was reduced";
    const std::string whole = pdf_bytes(doc, nullptr), reduced = pdf_bytes(doc, &faces.faces());
    EXPECT_GT(whole.size(), 5000u);
    EXPECT_TRUE(whole == reduced) << "the PDF changed with the reduced faces (" << whole.size() << " against "
                                  << reduced.size() << " bytes)";
}

TEST(PdfFaces, ReducedCmapMapsOnlyWhatIsShown) {
    const Document doc = text_document();
    const PdfFaces faces(doc);
    ASSERT_FALSE(faces.faces().empty());
    cairo_font_face_t* face = faces.faces().begin()->second;
    cairo_matrix_t size, identity;
    cairo_matrix_init_scale(&size, 12, 12);
    cairo_matrix_init_identity(&identity);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_scaled_font_t* scaled = cairo_scaled_font_create(face, &size, &identity, options);
    FT_Face ft = cairo_ft_scaled_font_lock_face(scaled);
    ASSERT_NE(ft, nullptr);
    EXPECT_NE(FT_Get_Char_Index(ft, U'配'), 0u);
    EXPECT_NE(FT_Get_Char_Index(ft, U'A'), 0u);
    EXPECT_EQ(FT_Get_Char_Index(ft, U'山'), 0u);  // not shown: not mapped
    EXPECT_EQ(FT_Get_Char_Index(ft, U'Z'), 0u);
    cairo_ft_scaled_font_unlock_face(scaled);
    cairo_scaled_font_destroy(scaled);
    cairo_font_options_destroy(options);
}
