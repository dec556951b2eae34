// The libharu exporter on hand-made frames: Japanese text must come out of
// poppler and MuPDF exactly and without warnings, fonts embedded and subset
// with a Unicode map, non-BMP characters drawn, output byte-identical.
#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "export/pdf/hpdf_document.h"
#include "export/pdf/hpdf_fonts.h"
#include "export/pdf/hpdf_utf.h"
#include "util/utf8.h"
#include "export/pdf/hpdf_writer.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace ks;

namespace {

const char* kGothic = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf";

struct CmdResult {
    int status = -1;
    std::string out, err;
};

CmdResult run(const std::string& cmd) {
    const fs::path err = fs::temp_directory_path() / ("ks_hpdf_err_" + std::to_string(::getpid()));
    CmdResult r;
    FILE* p = ::popen((cmd + " 2>" + err.string()).c_str(), "r");
    if (!p) return r;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    r.status = ::pclose(p);
    std::ifstream in(err);
    std::stringstream ss;
    ss << in.rdbuf();
    r.err = ss.str();
    fs::remove(err);
    return r;
}

// MuPDF as built by Debian prints this for every file (no lcms2); it says
// nothing about the PDF. Everything else on stderr is a real warning.
std::string without_env_noise(const std::string& err) {
    std::string out, line;
    std::istringstream in(err);
    while (std::getline(in, line))
        if (line != "warning: ICC support is not available") out += line + "\n";
    return out;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Shapes text the naive way (cmap + hmtx, no GSUB), like a Pango run of a
// font without GPOS: enough to exercise the exporter without the engine.
class NaiveShaper {
public:
    explicit NaiveShaper(const char* file) {
        FT_Init_FreeType(&lib_);
        FT_New_Face(lib_, file, 0, &face_);
        font_ = std::make_shared<FontFace>(FontFace{file, 0, "BIZ UDPGothic", false});
    }
    ~NaiveShaper() {
        FT_Done_Face(face_);
        FT_Done_FreeType(lib_);
    }
    bool ok() const { return face_ != nullptr; }
    std::uint32_t gid(char32_t cp) const { return FT_Get_Char_Index(face_, cp); }

    GlyphRun shape(const std::string& text, double size, double extra_after_each = 0) const {
        GlyphRun r;
        r.font = font_;
        r.size = size;
        r.text = text;
        double x = 0;
        std::size_t i = 0;
        const auto cps = utf8_to_u32(text);
        for (char32_t cp : cps) {
            std::string one;
            utf8_append(one, cp);
            const auto b = static_cast<std::uint32_t>(i), e = static_cast<std::uint32_t>(i + one.size());
            i += one.size();
            if (hpdf::is_variation_selector(cp) && !r.glyphs.empty()) {
                r.glyphs.back().text_end = e;  // same cluster as its base
                continue;
            }
            Glyph g;
            g.id = gid(cp);
            g.x = x;
            FT_Fixed adv = 0;
            FT_Get_Advance(face_, g.id, FT_LOAD_NO_SCALE, &adv);
            g.advance = adv * size / face_->units_per_EM;
            g.text_begin = b;
            g.text_end = e;
            r.glyphs.push_back(g);
            x += g.advance + extra_after_each;
        }
        r.width = x;
        return r;
    }

private:
    FT_Library lib_ = nullptr;
    FT_Face face_ = nullptr;
    std::shared_ptr<FontFace> font_;
};

class HpdfWriterTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kGothic)) GTEST_SKIP() << "BIZ UDPGothic not installed";
        dir_ = fs::temp_directory_path() / ("ks_hpdf_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override {
        if (!dir_.empty() && !std::getenv("KS_KEEP_TEST_OUTPUT")) fs::remove_all(dir_);
    }

    static Frame page_with_lines(const NaiveShaper& sh, const std::vector<std::string>& lines, double size = 14,
                                 double extra = 0) {
        Frame page;
        page.width = 595.276;
        page.height = 841.89;
        double y = 80;
        for (const auto& l : lines) {
            page.push({60, y}, sh.shape(l, size, extra));
            y += size * 1.8;
        }
        return page;
    }

    // Writes `doc` with the test's metadata (its own, if it has a title).
    fs::path write(const Document& doc, const std::string& name, Diagnostics& diags, HpdfOptions options = {}) {
        const fs::path p = dir_ / name;
        Document d = doc;
        if (d.info.title.empty())
            d.info = {"配布資料のテスト", "山田 太郎", "試験", "kamishibai", document_timestamp("2025-06-26", nullptr)};
        write_handout_pdf(d, options, p.string(), diags);
        return p;
    }

    fs::path dir_;
};

std::string squash_ws(const std::string& s) {
    std::string o;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\f' && c != '\t') o += c;
    return o;
}

}  // namespace

TEST(HpdfCMap, BfrangesAreValidAndSkipSurrogates) {
    const std::string cmap = hpdf::identity_bmp_to_unicode_cmap();
    EXPECT_EQ(cmap.find("cidrange"), std::string::npos);
    EXPECT_NE(cmap.find("100 beginbfrange"), std::string::npos);
    EXPECT_NE(cmap.find("<4E00> <4EFF> <4E00>"), std::string::npos);
    EXPECT_NE(cmap.find("<0020> <00FF> <0020>"), std::string::npos);
    EXPECT_EQ(cmap.find("<D800>"), std::string::npos);
    EXPECT_NE(cmap.find("<FF00> <FFFF> <FF00>"), std::string::npos);
}

TEST(HpdfUtf, Utf16WithBomAndSurrogates) {
    const auto b = hpdf::utf16be_with_bom("日𠮷");
    const std::vector<unsigned char> want{0xFE, 0xFF, 0x65, 0xE5, 0xD8, 0x42, 0xDF, 0xB7};
    EXPECT_EQ(b, want);
    EXPECT_TRUE(hpdf::is_default_ignorable(0xFE0F));
    EXPECT_TRUE(hpdf::is_default_ignorable(0xE0100));
    EXPECT_FALSE(hpdf::is_default_ignorable(U'あ'));
}

TEST_F(HpdfWriterTest, JapaneseTextExtractsExactlyWithoutWarnings) {
    NaiveShaper sh(kGothic);
    ASSERT_TRUE(sh.ok());
    Document doc;
    doc.add_page(page_with_lines(
        sh, {"次世代の放送・配信技術を紹介します。", "AWS Elemental MediaLiveで5000以上の配信", "「カギ括弧」、句読点。ー"}));
    Diagnostics diags;
    const auto pdf = write(doc, "ja.pdf", diags);
    EXPECT_EQ(diags.warning_count(), 0u);

    const auto txt = run("pdftotext -layout '" + pdf.string() + "' -");
    EXPECT_EQ(txt.status, 0);
    EXPECT_EQ(txt.err, "") << "pdftotext warned";
    EXPECT_NE(txt.out.find("次世代の放送・配信技術を紹介します。"), std::string::npos) << txt.out;
    EXPECT_NE(txt.out.find("AWS Elemental MediaLiveで5000以上の配信"), std::string::npos) << txt.out;
    EXPECT_NE(txt.out.find("「カギ括弧」、句読点。ー"), std::string::npos) << txt.out;

    const auto mu = run("mutool draw -q -F txt -o - '" + pdf.string() + "'");
    EXPECT_EQ(mu.status, 0);
    EXPECT_EQ(without_env_noise(mu.err), "") << "mutool warned";
    EXPECT_NE(mu.out.find("次世代の放送・配信技術を紹介します。"), std::string::npos) << mu.out;

    const auto q = run("qpdf --check '" + pdf.string() + "'");
    EXPECT_EQ(q.status, 0) << q.out << q.err;

    const auto f = run("pdffonts '" + pdf.string() + "'");
    // name type encoding emb sub uni: a subset tag, embedded, subset, unicode.
    EXPECT_NE(f.out.find("BIZUDPGothic"), std::string::npos) << f.out;
    EXPECT_NE(f.out.find("CID TrueType"), std::string::npos) << f.out;
    EXPECT_NE(f.out.find("yes yes yes"), std::string::npos) << f.out;
    // Only what is shown is embedded: one face of a CJK font, well under 100 KB.
    EXPECT_LT(fs::file_size(pdf), 100u * 1024u);
}

TEST_F(HpdfWriterTest, PositionsFollowTheFrameNotLibharu) {
    // Extra space after every glyph (like Japanese–Latin spacing): small
    // offsets become character spacing, so the glyphs land where the frame
    // says and extractors still see one word; large ones a new text matrix.
    NaiveShaper sh(kGothic);
    Document doc;
    Frame spaced = page_with_lines(sh, {"字間を広げた行です"}, 14, 3.0);
    spaced.push({60, 200}, sh.shape("離れた字", 14, 20.0));
    doc.add_page(spaced);
    Diagnostics diags;
    const auto pdf = write(doc, "spaced.pdf", diags);
    const auto txt = run("pdftotext '" + pdf.string() + "' -");
    EXPECT_EQ(txt.err, "");
    EXPECT_NE(txt.out.find("字間を広げた行です\n"), std::string::npos) << txt.out;
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
    auto count = [&](const std::string& op) {
        std::size_t n = 0;
        for (std::size_t p = 0; (p = qdf.out.find(op, p)) != std::string::npos; ++p) ++n;
        return n;
    };
    EXPECT_EQ(count(" Tm\n"), 1u + 4u);
    EXPECT_NE(qdf.out.find("3 Tc\n"), std::string::npos);
}

TEST_F(HpdfWriterTest, CharacterSpacingPutsGlyphsWhereTheFrameSays) {
    // The same spaced line twice: once as one run (character spacing), once
    // with every glyph a run of its own (a text matrix each). The rasters of
    // the two lines must agree.
    NaiveShaper sh(kGothic);
    const GlyphRun line = sh.shape("字間AWSを広げた行です", 14, 2.0);
    Frame page;
    page.width = 300;
    page.height = 100;
    page.push({10, 30}, line);
    for (const Glyph& g : line.glyphs) {
        GlyphRun one = line;
        one.glyphs = {g};
        one.glyphs[0].x = 0;
        page.push({10 + g.x, 80}, one);
    }
    Document doc;
    doc.add_page(page);
    Diagnostics diags;
    const auto pdf = write(doc, "tc.pdf", diags);
    const auto ppm = run("pdftoppm -r 144 -gray '" + pdf.string() + "'");
    ASSERT_EQ(ppm.status, 0);
    const int w = 600, h = 200;
    const std::string px = ppm.out.substr(ppm.out.size() - static_cast<std::size_t>(w) * h);
    int diff = 0, ink = 0;
    for (int y = 0; y < 80; ++y)  // rows 20..100 (pt 10..50) vs 120..200 (pt 60..100)
        for (int x = 0; x < w; ++x) {
            const int a = static_cast<unsigned char>(px[(y + 20) * w + x]);
            const int b = static_cast<unsigned char>(px[(y + 120) * w + x]);
            ink += a < 128;
            diff += std::abs(a - b) > 96;
        }
    EXPECT_GT(ink, 500);
    EXPECT_LT(diff, ink / 50) << diff << " of " << ink;
}

TEST_F(HpdfWriterTest, NonBmpIsDrawnAsOutlineAndWarned) {
    NaiveShaper sh(kGothic);
    ASSERT_NE(sh.gid(0x29E3D), 0u) << "BIZ UDPGothic should have U+29E3D";
    Document doc;
    doc.add_page(page_with_lines(sh, {"𩸽の塩焼き"}));
    Diagnostics diags;
    const auto pdf = write(doc, "nonbmp.pdf", diags);
    ASSERT_EQ(diags.warning_count(), 1u);
    EXPECT_NE(diags.items()[0].message.find("U+29E3D"), std::string::npos);

    const auto txt = run("pdftotext '" + pdf.string() + "' -");
    EXPECT_EQ(txt.err, "");
    // Drawn as an outline, yet extracted: /ActualText carries the run's text.
    EXPECT_NE(txt.out.find("𩸽の塩焼き"), std::string::npos) << txt.out;
    // The outline is there: a filled path before the text.
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
    EXPECT_NE(qdf.out.find(" c\n"), std::string::npos);
    EXPECT_NE(qdf.out.find("\nf\n"), std::string::npos);
    // And it rasterises: ink left of "の".
    const auto ppm = run("pdftoppm -r 72 -gray -x 60 -y 60 -W 14 -H 24 '" + pdf.string() + "'");
    ASSERT_EQ(ppm.status, 0);
    std::size_t dark = 0;
    const auto& s = ppm.out;
    for (std::size_t i = s.size() - 14 * 24; i < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) < 128) ++dark;
    EXPECT_GT(dark, 15u);
}

TEST_F(HpdfWriterTest, VariationSelectorIsNotASpace) {
    NaiveShaper sh(kGothic);
    Document doc;
    doc.add_page(page_with_lines(sh, {"葛\U000E0100飾区と☺\uFE0Fです"}));
    Diagnostics diags;
    const auto pdf = write(doc, "vs.pdf", diags);
    const auto txt = run("pdftotext '" + pdf.string() + "' -");
    EXPECT_EQ(txt.err, "");
    // Not drawn as a space, and the text extracts exactly as written
    // (the selectors kept, through /ActualText).
    EXPECT_EQ(txt.out.find("葛 "), std::string::npos) << txt.out;
    EXPECT_NE(txt.out.find("葛\U000E0100飾区と☺\uFE0Fです"), std::string::npos) << txt.out;
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
    EXPECT_EQ(qdf.out.find("0020> Tj"), std::string::npos);  // no space glyph shown
}

// A 300×200 pt page holding just `run`.
Document one_run_page(const GlyphRun& run) {
    Document doc;
    Frame page;
    page.width = 300;
    page.height = 200;
    page.push({50, 100}, run);
    doc.add_page(page);
    return doc;
}

// Issue 9: the text engine marks an inkless character with kNoInkGlyph,
// which the writer once took for Pango's "unknown glyph" flag and drew as
// an empty box. Shaped by the real engine, so the frame is what a deck gives.
TEST_F(HpdfWriterTest, ZeroWidthSpacesFromTheTextEngineDrawNoBox) {
    TextStyle style;
    style.size = 20;
    const TextBlock block = test::engine().set(plain_text("テスト\u200Bです ABC\u200BDEF"), style, 1000);
    ASSERT_EQ(block.lines.size(), 1u);
    ASSERT_TRUE(block.missing.empty());
    Frame page;
    page.width = 400;
    page.height = 100;
    std::size_t inkless = 0;
    for (const auto& pr : block.lines[0].runs) {
        for (const Glyph& g : pr.run.glyphs) inkless += g.id == kNoInkGlyph;
        page.push({20 + pr.origin.x, 20 + pr.origin.y}, pr.run);
    }
    ASSERT_EQ(inkless, 2u) << "both zero-width spaces reach the frame as inkless glyphs";
    Document doc;
    doc.add_page(page);
    Diagnostics diags;
    const auto pdf = write(doc, "zwsp.pdf", diags);
    EXPECT_EQ(diags.warning_count(), 0u);
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
    EXPECT_EQ(qdf.out.find(" re\n"), std::string::npos) << "no box is drawn on the page";
    EXPECT_EQ(qdf.out.find("\nS\n"), std::string::npos) << "nothing is stroked on the page";
    const auto txt = run("pdftotext '" + pdf.string() + "' -");
    EXPECT_NE(txt.out.find("テスト\u200Bです ABC\u200BDEF"), std::string::npos) << txt.out;
}

// Issue 7: full-width punctuation compressed by half an em at 72 pt needs a
// shift of -36 pt, outside the character spacing libharu accepts (-30..300),
// and libharu failed the page ("libharu error 0x1056"). Text above libharu's
// largest font size (600 pt) failed the same way.
TEST_F(HpdfWriterTest, LargeCompressedPunctuationAndHugeTextAreDrawn) {
    const char* full_width = "/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf";
    if (!fs::exists(full_width)) GTEST_SKIP() << "BIZ UDGothic not installed";
    NaiveShaper sh(full_width);
    for (double size : {72.0, 200.0, 700.0}) {
        // Every glyph after the first moved back by half an em, as the
        // line breaker compresses 「。」」.
        GlyphRun r = sh.shape("「終わり。」」", size, -0.5 * size);
        Frame page;
        page.width = 8 * size;
        page.height = 2 * size;
        page.push({10, 1.2 * size}, r);
        Document doc;
        doc.add_page(page);
        Diagnostics diags;
        const std::string name = "big" + std::to_string(static_cast<int>(size)) + ".pdf";
        fs::path pdf;
        ASSERT_NO_THROW(pdf = write(doc, name, diags)) << size << " pt";
        EXPECT_EQ(diags.warning_count(), 0u);
        EXPECT_EQ(run("qpdf --check '" + pdf.string() + "'").status, 0);
        EXPECT_NE(squash_ws(run("pdftotext '" + pdf.string() + "' -").out).find("「終わり。」」"), std::string::npos);
        // Each glyph lands where the frame says: compare the x of the last
        // character as MuPDF reads it with the frame's.
        const auto st = run("mutool draw -F stext -o - '" + pdf.string() + "' 2>/dev/null");
        const auto last = st.out.rfind("c=\"&#x300d;\"");
        ASSERT_NE(last, std::string::npos) << st.out;
        const auto xat = st.out.rfind(" x=\"", last);
        ASSERT_NE(xat, std::string::npos);
        const double x = std::stod(st.out.substr(xat + 4));
        EXPECT_NEAR(x, 10 + r.glyphs.back().x, 0.02 * size) << size << " pt";
    }
}

// libharu refuses line widths above 100 pt; a layout set may ask for more.
TEST_F(HpdfWriterTest, StrokesWiderThanLibharuAllowsAreDrawn) {
    Frame page;
    page.width = 400;
    page.height = 300;
    Shape box;
    box.w = 200;
    box.h = 100;
    box.stroke = Color{0, 0, 0, 1};
    box.stroke_width = 150;
    page.push({50, 50}, box);
    Document doc;
    doc.add_page(page);
    Diagnostics diags;
    fs::path pdf;
    ASSERT_NO_THROW(pdf = write(doc, "wide.pdf", diags));
    EXPECT_EQ(run("qpdf --check '" + pdf.string() + "'").status, 0);
    auto pixel = [&](int x, int y) {
        const auto ppm = run("pdftoppm -r 72 -gray -x " + std::to_string(x) + " -y " + std::to_string(y) +
                             " -W 1 -H 1 '" + pdf.string() + "'");
        return ppm.out.empty() ? -1 : static_cast<unsigned char>(ppm.out.back());
    };
    EXPECT_LT(pixel(310, 100), 60) << "60 pt right of the edge lies inside a 150 pt stroke";
    EXPECT_GT(pixel(340, 100), 200) << "90 pt right of the edge lies outside it";
    EXPECT_LT(pixel(150, 100), 60) << "the middle of the rectangle is covered by the stroke";
}

TEST_F(HpdfWriterTest, SubstitutedGlyphIsOutlinedWithInvisibleText) {
    // A cluster whose glyph is not what the cmap gives (a shaped form):
    // the frame's glyph is drawn, the text stays searchable.
    NaiveShaper sh(kGothic);
    GlyphRun r = sh.shape("AB", 20);
    r.glyphs[0].id = sh.gid(U'Z');  // pretend shaping chose another glyph
    Document doc = one_run_page(r);
    Diagnostics diags;
    const auto pdf = write(doc, "subst.pdf", diags);
    EXPECT_EQ(diags.warning_count(), 0u);
    const auto txt = run("pdftotext '" + pdf.string() + "' -");
    EXPECT_NE(squash_ws(txt.out).find("AB"), std::string::npos) << txt.out;
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
    EXPECT_NE(qdf.out.find("3 Tr"), std::string::npos);
}

// A character no font has is drawn as a box and keeps its text; the
// warning comes from layout, which knows the source position, not again
// from the writer.
TEST_F(HpdfWriterTest, MissingGlyphIsABoxKeepingItsText) {
    NaiveShaper sh(kGothic);
    GlyphRun r = sh.shape("a𠮷b", 20);
    ASSERT_EQ(r.glyphs.size(), 3u);
    EXPECT_EQ(r.glyphs[1].id, 0u);  // not in BIZ UDPGothic
    Document doc = one_run_page(r);
    Diagnostics diags;
    const auto pdf = write(doc, "missing.pdf", diags);
    EXPECT_EQ(diags.warning_count(), 0u);
    const auto txt = run("pdftotext '" + pdf.string() + "' -");
    EXPECT_NE(txt.out.find("a𠮷b"), std::string::npos) << txt.out;
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
    EXPECT_NE(qdf.out.find(" re"), std::string::npos) << "the box is drawn";
}

TEST_F(HpdfWriterTest, ShapesGroupsAndClipping) {
    NaiveShaper sh(kGothic);
    auto slide = std::make_shared<Frame>();
    slide->width = 960;
    slide->height = 540;
    slide->background = Color{0.1, 0.2, 0.5, 1};
    Shape bar;
    bar.w = 960;
    bar.h = 40;
    bar.fill = Color{1, 0.5, 0, 1};
    slide->push({0, 500}, bar);
    Shape rr;
    rr.w = 300;
    rr.h = 100;
    rr.corner_radius = 12;
    rr.stroke = Color{1, 1, 1, 0.5};
    rr.stroke_width = 3;
    slide->push({100, 100}, rr);
    GlyphRun t = sh.shape("スライドの見出し", 48);
    t.color = Color{1, 1, 1, 1};
    slide->push({120, 170}, t);
    Shape path;
    path.kind = Shape::Kind::Path;
    path.path = {{PathOp::Kind::MoveTo, {{0, 0}}},
                 {PathOp::Kind::LineTo, {{50, 0}}},
                 {PathOp::Kind::CurveTo, {{60, 10}, {60, 40}, {50, 50}}},
                 {PathOp::Kind::Close, {}}};
    path.fill = Color{0, 1, 0, 1};
    slide->push({700, 300}, path);
    Shape line;
    line.kind = Shape::Kind::Line;
    line.w = 2000;  // runs past the slide: clipped
    line.h = 0;
    line.stroke = Color{1, 0, 0, 1};
    slide->push({0, 300}, line);

    Document doc;
    Frame page;
    page.width = 595.276;
    page.height = 841.89;
    page.push({50, 50}, Group{slide, Transform::scale(0.5), true});
    doc.add_page(page);
    for (bool gray : {false, true}) {
        Diagnostics diags;
        const auto pdf = write(doc, gray ? "gray.pdf" : "color.pdf", diags, {gray});
        EXPECT_EQ(run("qpdf --check '" + pdf.string() + "'").status, 0);
        const auto txt = run("pdftotext '" + pdf.string() + "' -");
        EXPECT_NE(txt.out.find("スライドの見出し"), std::string::npos);
        // Pixel right of the slide on the red line must be white (clipped).
        const auto ppm = run("pdftoppm -r 72 -x 540 -y 200 -W 1 -H 1 '" + pdf.string() + "'");
        ASSERT_GE(ppm.out.size(), 3u);
        EXPECT_EQ(static_cast<unsigned char>(ppm.out[ppm.out.size() - 3]), 255);
        const auto qdf = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
        if (gray) EXPECT_EQ(qdf.out.find(" rg\n"), std::string::npos);
        else EXPECT_NE(qdf.out.find(" rg\n"), std::string::npos);
    }
}

TEST_F(HpdfWriterTest, InfoBookmarksDatesAndByteIdentity) {
    NaiveShaper sh(kGothic);
    Document doc;
    for (int i = 0; i < 3; ++i) doc.add_page(page_with_lines(sh, {"ページ" + std::to_string(i + 1)}));
    doc.outline = {{"はじめに", 0, 0}, {"概要スライド", 0, 1}, {"技術の詳細", 1, 0}, {"𩸽と映像", 2, 1}};
    Diagnostics d1, d2;
    const auto a = write(doc, "a.pdf", d1);
    const auto b = write(doc, "b.pdf", d2);
    EXPECT_EQ(slurp(a), slurp(b));

    const auto info = run("pdfinfo '" + a.string() + "'");
    EXPECT_NE(info.out.find("配布資料のテスト"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("山田 太郎"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("Subject:         試験"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("2025"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("Pages:           3"), std::string::npos) << info.out;
    EXPECT_EQ(info.err, "");

    const auto outline = run("mutool show '" + a.string() + "' outline");
    EXPECT_NE(outline.out.find("はじめに"), std::string::npos) << outline.out;
    EXPECT_NE(outline.out.find("𩸽と映像"), std::string::npos) << outline.out;
    // Slides are nested under their section.
    EXPECT_NE(outline.out.find("\t\"概要スライド\""), std::string::npos) << outline.out;

    EXPECT_EQ(pdf_date(document_timestamp("2025-06-26", nullptr)), "D:20250626000000Z");
    EXPECT_EQ(pdf_date(document_timestamp("", "1750896000")), "D:20250626000000Z");
    EXPECT_EQ(pdf_date(document_timestamp("", "garbage")), "D:20000101000000Z");
    EXPECT_EQ(pdf_date(document_timestamp("", nullptr)), "D:20000101000000Z");

    // The trailer carries a stable ID.
    EXPECT_NE(slurp(a).find("/ID ["), std::string::npos);
}

TEST_F(HpdfWriterTest, ImagesWithTransparencyInColourAndGrey) {
    // A 4×2 RGBA PNG: red, green, blue, half-transparent white; then black.
    const fs::path png = dir_ / "img.png";
    png_image pi{};
    pi.version = PNG_IMAGE_VERSION;
    pi.width = 4;
    pi.height = 2;
    pi.format = PNG_FORMAT_RGBA;
    const unsigned char px[32] = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 128,
                                  0,   0, 0, 255, 0, 0,   0, 255, 0, 0, 0,   255, 0,   0,   0,   255};
    ASSERT_TRUE(png_image_write_to_file(&pi, png.c_str(), 0, px, 0, nullptr));
    Frame page;
    page.width = 200;
    page.height = 100;
    page.push({20, 20}, ImageItem{png.string(), 80, 40});
    page.push({120, 20}, ImageItem{(dir_ / "missing.png").string(), 40, 40});
    Document doc;
    doc.add_page(page);
    for (bool gray : {false, true}) {
        Diagnostics diags;
        const auto pdf = write(doc, gray ? "img-gray.pdf" : "img.pdf", diags, {gray});
        EXPECT_EQ(diags.warning_count(), 1u);  // the missing file, once
        EXPECT_EQ(run("qpdf --check '" + pdf.string() + "'").status, 0);
        const auto list = run("pdfimages -list '" + pdf.string() + "'");
        EXPECT_NE(list.out.find(gray ? "gray" : "rgb"), std::string::npos) << list.out;
        EXPECT_NE(list.out.find("smask"), std::string::npos) << list.out;
        // Upright: the top-left image pixel (red, or its luminance) is at the top left.
        const auto ppm = run("pdftoppm -r 72 -x 25 -y 25 -W 1 -H 1 '" + pdf.string() + "'");
        ASSERT_GE(ppm.out.size(), 3u);
        const auto* rgb = reinterpret_cast<const unsigned char*>(ppm.out.data() + ppm.out.size() - 3);
        if (gray) {
            EXPECT_NEAR(rgb[0], 76, 6);
            EXPECT_EQ(rgb[0], rgb[1]);
        } else {
            EXPECT_GT(rgb[0], 200);
            EXPECT_LT(rgb[1], 60);
        }
    }
}

TEST_F(HpdfWriterTest, ClustersWithoutCharactersOrWithoutInk) {
    // "A", a zero-width space Pango gives an empty glyph, "B", then a joiner
    // that (as some fonts do) comes with a real glyph of its own.
    NaiveShaper sh(kGothic);
    GlyphRun r = sh.shape("A\u200BB\u200DC", 20);
    ASSERT_EQ(r.glyphs.size(), 5u);
    r.glyphs[1].id = kNoInkGlyph;       // what the text engine gives a zero-width space
    r.glyphs[3].id = sh.gid(U'・');     // ink without a character of its own
    Document doc;
    Frame page;
    page.width = 300;
    page.height = 100;
    page.push({20, 50}, r);
    doc.add_page(page);
    Diagnostics diags;
    const auto pdf = write(doc, "inkless.pdf", diags);
    EXPECT_EQ(diags.warning_count(), 0u);
    EXPECT_EQ(run("qpdf --check '" + pdf.string() + "'").status, 0);
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
    // Neither character is shown as text: each appears once, in /ActualText.
    auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (std::size_t p = 0; (p = qdf.out.find(needle, p)) != std::string::npos; ++p) ++n;
        return n;
    };
    EXPECT_EQ(count("200b"), 1u);
    EXPECT_EQ(count("200d"), 1u);
    EXPECT_NE(qdf.out.find("\nf\n"), std::string::npos);  // the joiner's glyph is drawn as a path
    const auto txt = run("pdftotext '" + pdf.string() + "' -");
    EXPECT_EQ(txt.err, "");
    EXPECT_NE(txt.out.find("A\u200BB\u200DC"), std::string::npos) << txt.out;
}

TEST_F(HpdfWriterTest, AFaceLibharuCannotLoadIsWarnedNotFatal) {
    NaiveShaper sh(kGothic);
    GlyphRun bad = sh.shape("読めない書体", 16);
    const fs::path bogus = dir_ / "bogus.ttf";
    std::ofstream(bogus) << "not a font";
    bad.font = std::make_shared<FontFace>(FontFace{bogus.string(), 0, "Bogus", false});
    Frame page;
    page.width = 300;
    page.height = 100;
    page.push({20, 40}, bad);
    page.push({20, 80}, sh.shape("読める書体", 16));
    Document doc;
    doc.add_page(page);
    Diagnostics diags;
    const auto pdf = write(doc, "bogus.pdf", diags);
    ASSERT_EQ(diags.warning_count(), 1u);
    EXPECT_NE(diags.items()[0].message.find("bogus.ttf"), std::string::npos);
    EXPECT_EQ(run("qpdf --check '" + pdf.string() + "'").status, 0);
    EXPECT_NE(run("pdftotext '" + pdf.string() + "' -").out.find("読める書体"), std::string::npos);
}
