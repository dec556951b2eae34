// The text dump (export/dump): one line per item, nesting by indentation,
// machine-independent numbers, fonts and paths, and the glyph contract's
// inkless and missing glyphs counted.
#include <gtest/gtest.h>

#include "export/dump/text_dump.h"

using namespace ks;

namespace {

Document sample() {
    auto font = std::make_shared<FontFace>(FontFace{"/usr/share/fonts/x/Face-Bold.ttf", 0, "Face", true});
    GlyphRun run;
    run.font = font;
    run.size = 12.5;
    run.color = Color{1, 0, 0, 1};
    run.text = "a\"b\\\n\u200B?";
    run.glyphs = {{5, 0, 0, 6, 0, 1}, {kNoInkGlyph, 6, 0, 0, 5, 8}, {kMissingGlyph, 6, 0, 6, 8, 9}};
    run.width = 12.004;

    auto slide = std::make_shared<Frame>();
    slide->width = 960;
    slide->height = 540;
    slide->push({10, 20.333}, run);

    Frame page;
    page.width = 595.276;
    page.height = 841.89;
    page.background = Color{1, 1, 1, 1};
    Shape rule;
    rule.kind = Shape::Kind::Line;
    rule.w = 100;
    rule.stroke = Color{0, 0, 0, 0.5};
    rule.stroke_width = 0.75;
    page.push({40, 60}, rule);
    page.push({40, 80}, Group{slide, Transform::scale(0.25), true});
    page.push({300, 80}, ImageItem{"/repo/content/figure.png", 120, 67.5});

    Document doc;
    doc.add_page(page);
    doc.outline = {{"第一部", 0, 0}, {"見出し", 0, 1}};
    doc.info.title = "資料";
    doc.info.timestamp = {2025, 6, 26, 0, 0, 0};
    return doc;
}

}  // namespace

TEST(TextDump, WholeDocument) {
    const std::string want =
        "document pages=1 title=\"資料\" author=\"\" subject=\"\" creator=\"kamishibai\" date=2025-06-26T00:00:00Z\n"
        "  outline\n"
        "    entry page=1 level=0 \"第一部\"\n"
        "      entry page=1 level=1 \"見出し\"\n"
        "  page 1 size=595.28x841.89 background=#FFFFFF\n"
        "    line at=40,60 to=140,60 stroke=#000000/0.5 width=0.75\n"
        "    group at=40,80 scale=0.25 clip frame size=960x540\n"
        "      text at=10,20.33 font=\"Face\"/Face-Bold.ttf size=12.5 color=#FF0000 w=12 glyphs=3 no-ink=1 missing=1 "
        "\"a\\\"b\\\\\\n\u200B?\"\n"
        "    image at=300,80 size=120x67.5 src=\"content/figure.png\"\n";
    EXPECT_EQ(dump_document(sample(), {"/repo"}), want);
}

TEST(TextDump, PageAloneAndPathsOutsideTheBaseStayAsTheyAre) {
    const std::string page = dump_page(sample(), 0, {"/elsewhere"});
    EXPECT_EQ(page.rfind("  page 1 ", 0), 0u) << page;
    EXPECT_NE(page.find("src=\"/repo/content/figure.png\""), std::string::npos) << page;
    EXPECT_EQ(page.find("outline"), std::string::npos);
    EXPECT_EQ(dump_page(sample(), 5), "");
}

TEST(TextDump, GeneralTransformsAreWrittenInFull) {
    auto inner = std::make_shared<Frame>();
    inner->width = 10;
    inner->height = 10;
    Frame page;
    page.width = 100;
    page.height = 100;
    page.push({0, 0}, Group{inner, Transform{0, 1, -1, 0, 5, -0.001}, false});
    Document doc;
    doc.add_page(page);
    EXPECT_NE(dump_page(doc, 0).find("group at=0,0 transform=[0 1 -1 0 5 0] frame size=10x10"), std::string::npos)
        << dump_page(doc, 0);
}
