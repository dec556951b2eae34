// Logos in a layout set: checked where they are written, drawn fitted and
// centred in their rectangle on every slide with the master; the hall set
// carries one and defines every layout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "test_support.h"
#include "theme/layout_set.h"

using namespace ks;

namespace {

namespace fs = std::filesystem;

fs::path temp_dir() {
    fs::path d = fs::temp_directory_path() / "ks-logo-test";
    fs::create_directories(d);
    return d;
}

std::string write(const std::string& name, const std::string& text) {
    fs::path p = temp_dir() / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
}

std::string set_with_logo(const std::string& logo_element) {
    return "<layout-set name=\"t\" width=\"960\" height=\"540\">\n"
           "  <colors><color name=\"text\" value=\"#111111\"/></colors>\n"
           "  <master background=\"#FFFFFF\">\n    " + logo_element + "\n  </master>\n"
           "  <layout name=\"bullets\"><box role=\"title\" x=\"48\" y=\"20\" w=\"700\" h=\"60\" size=\"30\"/>"
           "<box role=\"body\" x=\"48\" y=\"100\" w=\"864\" h=\"380\" size=\"24\"/></layout>\n</layout-set>\n";
}

}  // namespace

TEST(LayoutLogo, DrawnFittedAndCentredOnSlidesWithTheMaster) {
    write("wide.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\"><rect width=\"120\" height=\"40\"/></svg>");
    Diagnostics d;
    auto set = load_layout_set(write("set.xml", set_with_logo("<logo src=\"wide.svg\" x=\"800\" y=\"500\" w=\"120\" h=\"20\"/>")), d);
    ASSERT_TRUE(set);
    ASSERT_FALSE(d.has_errors());
    ASSERT_EQ(set->master.logos.size(), 1u);
    EXPECT_EQ(set->master.logos[0].path, (temp_dir() / "wide.svg").string());

    auto deck = load_outline_from_string("d.xml", "<deck><slide id=\"a\" layout=\"bullets\"><title>t</title><p>p</p></slide></deck>", d);
    ASSERT_TRUE(deck);
    auto layout = layout_slide(*deck, 0, *set, test::engine());
    const ImageItem* logo = nullptr;
    Point at;
    for (const auto& pi : layout.frame->items)
        if (const auto* im = std::get_if<ImageItem>(&pi.item)) {
            logo = im;
            at = pi.pos;
        }
    ASSERT_TRUE(logo);
    EXPECT_EQ(logo->format, ImageFormat::Svg);
    // 3:1 into 120x20: 60x20, centred horizontally.
    EXPECT_DOUBLE_EQ(logo->w, 60);
    EXPECT_DOUBLE_EQ(logo->h, 20);
    EXPECT_DOUBLE_EQ(at.x, 830);
    EXPECT_DOUBLE_EQ(at.y, 500);
}

TEST(LayoutLogo, MissingBrokenOrSizelessLogoIsAnErrorAtItsLine) {
    write("broken.svg", "<svg><g></svg>");
    struct Case {
        std::string element, message;
    } cases[] = {
        {"<logo src=\"nowhere.svg\" x=\"0\" y=\"0\" w=\"10\" h=\"10\"/>", "logo image 'nowhere.svg' not found"},
        {"<logo src=\"broken.svg\" x=\"0\" y=\"0\" w=\"10\" h=\"10\"/>", "SVG does not parse"},
        {"<logo src=\"broken.svg\" x=\"0\" y=\"0\" w=\"0\" h=\"10\"/>", "positive w and h"},
        {"<logo x=\"0\" y=\"0\" w=\"10\" h=\"10\"/>", "<logo> needs a src"},
    };
    for (const auto& c : cases) {
        Diagnostics d;
        load_layout_set(write("bad.xml", set_with_logo(c.element)), d);
        ASSERT_EQ(d.error_count(), 1u) << c.element;
        EXPECT_EQ(d.items()[0].where.line, 4) << c.element;
        EXPECT_NE(d.items()[0].message.find(c.message), std::string::npos) << d.items()[0].message;
    }
}

TEST(LayoutLogo, HallDefinesEveryLayoutAndCarriesItsLogo) {
    Diagnostics d;
    auto hall = load_layout_set(test::source_path("layouts/hall.xml"), d);
    ASSERT_TRUE(hall);
    EXPECT_FALSE(d.has_errors());
    for (const char* name : {"title", "section", "agenda", "bullets", "two-columns", "comparison", "image", "image-text",
                             "table", "statement", "closing"})
        EXPECT_TRUE(hall->find(name)) << name;
    ASSERT_EQ(hall->master.logos.size(), 1u);
    EXPECT_EQ(fs::path(hall->master.logos[0].path).filename(), "hall-logo.svg");
    // The closing slide (no master) keeps a confidentiality label of its own.
    EXPECT_TRUE(hall->find("closing")->box("confidentiality"));
}
