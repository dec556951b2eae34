// The elements of issue 8: loader vocabulary and its errors, numeric cells,
// choose_layout, and the layout of columns, pre, quote, figure-number,
// agenda, tables, images; columns and code continued onto more slides.
#include <gtest/gtest.h>

#include "layout/body_layout.h"
#include "layout/numeric_cell.h"
#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "test_support.h"

using namespace ks;

namespace {

const LayoutSet& briefing() {
    static LayoutSet set = [] {
        Diagnostics d;
        auto s = load_layout_set(test::source_path("layouts/briefing.xml"), d);
        if (!s || d.has_errors()) throw std::runtime_error("layouts/briefing.xml does not load");
        return *s;
    }();
    return set;
}

Deck load(const std::string& body, Diagnostics& d, const std::string& deck_attrs = "") {
    auto deck = load_outline_from_string("t.xml", "<deck" + deck_attrs + ">\n" + body + "\n</deck>", d);
    if (!deck) throw std::runtime_error("not parsed");
    return *deck;
}

Deck load_ok(const std::string& body) {
    Diagnostics d;
    Deck deck = load(body, d);
    for (const auto& item : d.items())
        if (item.severity == Severity::Error) ADD_FAILURE() << format_diagnostic(item);
    return deck;
}

std::string first_error(const std::string& body) {
    Diagnostics d;
    load(body, d);
    for (const auto& item : d.items())
        if (item.severity == Severity::Error) return format_diagnostic(item);
    return "";
}

const DumpBox& box(const SlideLayout& s, const std::string& role) {
    for (const auto& b : s.boxes)
        if (b.role == role) return b;
    throw std::runtime_error("no " + role + " box on " + s.id);
}

std::string img(const std::string& extra = "") {
    return "<image src=\"" + test::source_path("tests/fixtures/decks/elements/photo.png") + "\" alt=\"写真\"" + extra;
}

}  // namespace

TEST(ElementsLoader, ReadsEveryElement) {
    Deck deck = load_ok(R"(<section title="第一部"><slide id="a"><title>T</title>
      <columns widths="2,1"><column><heading>A案</heading><p>左</p></column><column><list><item>右</item></list></column></columns>
      <quote cite="山田"><p>一段落目</p><p>二段落目</p></quote>
      <figure-number value="+12.4%" label="前年比">全社</figure-number>
      <pre>
        if x:
        	y = 1
      </pre>
      <agenda/>
      <table align="left,right" widths="3,1"><caption>単位：億円</caption><row><cell>売上</cell><cell>10</cell></row></table>
      )" + img(" fit=\"cover\" width=\"60%\"><caption>図1</caption></image>") + R"(
    </slide></section>)");
    ASSERT_EQ(deck.slides.size(), 1u);
    const auto& b = deck.slides[0].blocks;
    ASSERT_EQ(b.size(), 7u);
    const auto& cols = std::get<Columns>(b[0]);
    ASSERT_EQ(cols.columns.size(), 2u);
    EXPECT_EQ(cols.widths, (std::vector<double>{2, 1}));
    EXPECT_EQ(cols.columns[0].heading.plain(), "A案");
    EXPECT_TRUE(cols.columns[1].heading.empty());
    EXPECT_TRUE(std::holds_alternative<List>(cols.columns[1].blocks[0]));
    const auto& q = std::get<Quote>(b[1]);
    ASSERT_EQ(q.paragraphs.size(), 2u);
    EXPECT_EQ(q.paragraphs[1].plain(), "二段落目");
    EXPECT_EQ(q.cite, "山田");
    const auto& f = std::get<FigureNumber>(b[2]);
    EXPECT_EQ(f.value, "+12.4%");
    EXPECT_EQ(f.label, "前年比");
    EXPECT_EQ(f.note.plain(), "全社");
    // Common indentation and the blank first/last lines are XML layout; a tab is 4 spaces.
    EXPECT_EQ(std::get<Pre>(b[3]).lines, (std::vector<std::string>{"if x:", "    y = 1"}));
    const auto& agenda = std::get<Agenda>(b[4]);
    EXPECT_EQ(agenda.sections, (std::vector<std::string>{"第一部"}));
    EXPECT_EQ(agenda.current, 0);
    const auto& t = std::get<Table>(b[5]);
    EXPECT_EQ(t.align, (std::vector<CellAlign>{CellAlign::Left, CellAlign::Right}));
    EXPECT_EQ(t.widths, (std::vector<double>{3, 1}));
    EXPECT_EQ(t.caption.plain(), "単位：億円");
    const auto& im = std::get<Image>(b[6]);
    EXPECT_EQ(im.fit, ImageFit::Cover);
    EXPECT_DOUBLE_EQ(im.width_fraction, 0.6);
    EXPECT_EQ(im.caption.plain(), "図1");
}

TEST(ElementsLoader, DeckLayoutsAttributeAndAgendaOutsideSections) {
    Diagnostics d;
    Deck deck = load("<slide><title>目次</title><agenda/></slide><section title=\"本題\"><slide><title>x</title></slide></section>",
                     d, " layouts=\"hall\"");
    EXPECT_EQ(deck.layouts, "hall");
    EXPECT_EQ(deck.layouts_where.line, 1);
    const auto& agenda = std::get<Agenda>(deck.slides[0].blocks[0]);
    EXPECT_EQ(agenda.sections, (std::vector<std::string>{"本題"}));
    EXPECT_EQ(agenda.current, -1);  // outside every section: nothing highlighted
}

TEST(ElementsLoader, BadValuesAreLocatedErrors) {
    EXPECT_EQ(first_error("<slide><title>x</title>\n  " + img(" fit=\"stretch\"/>") + "</slide>"),
              "t.xml:3:3: error: fit 'stretch' is not known\nt.xml:3:3: note: allowed: contain, cover\n");
    EXPECT_NE(first_error("<slide><title>x</title>" + img(" fit=\"cove\"/>") + "</slide>").find("did you mean 'cover'?"),
              std::string::npos);
    EXPECT_NE(first_error("<slide><title>x</title>" + img(" width=\"60\"/>") + "</slide>").find("must be a percentage"),
              std::string::npos);
    std::string two = "<column><p>a</p></column><column><p>b</p></column>";
    std::string e = first_error("<slide><title>x</title>\n<columns widths=\"a,b\">" + two + "</columns></slide>");
    EXPECT_NE(e.find("t.xml:3:1: error: widths=\"a,b\" must be positive numbers"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><columns widths=\"2,1,1\">" + two + "</columns></slide>");
    EXPECT_NE(e.find("gives 3 widths for 2 columns"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><columns>" + two + two + "</columns></slide>");
    EXPECT_NE(e.find("<columns> has 4 <column>s; it takes 2 or 3"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><columns><column><p>a</p></column></columns></slide>");
    EXPECT_NE(e.find("has 1 <column>s"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><table align=\"left,rigth\"><row><cell>a</cell><cell>1</cell></row></table></slide>");
    EXPECT_NE(e.find("align value 'rigth' is not known; did you mean 'right'?"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><table align=\"left\"><row><cell>a</cell><cell>1</cell></row></table></slide>");
    EXPECT_NE(e.find("gives 1 values for 2 columns"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><table widths=\"1,x\"><row><cell>a</cell><cell>1</cell></row></table></slide>");
    EXPECT_NE(e.find("must be positive numbers"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><columns><column><p>a</p><heading>h</heading></column>"
                    "<column><p>b</p></column></columns></slide>");
    EXPECT_NE(e.find("<heading> must be the first element"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><pre>a<b>b</b></pre></slide>");
    EXPECT_NE(e.find("<pre> takes plain text"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><agenda/></slide>");
    EXPECT_NE(e.find("this deck has none"), std::string::npos) << e;
    e = first_error("<slide><title>x</title><figure-number label=\"a\"/></slide>");
    EXPECT_NE(e.find("<figure-number> needs a value"), std::string::npos) << e;
}

TEST(ElementsLoader, LayoutsMustBeAName) {
    Diagnostics d;
    load("<slide><title>x</title></slide>", d, " layouts=\"../other/set\"");
    ASSERT_EQ(d.error_count(), 1u);
    EXPECT_NE(d.items()[0].message.find("must name a layout set"), std::string::npos);
    EXPECT_EQ(d.items()[0].where.line, 1);
}

TEST(NumericCell, BusinessNumbersAreNumbers) {
    for (const char* yes : {"1,234", "+12.4%", "△3.2", "▲1", "−38%", "¥1,200", "12億円", "1.5倍", " 42 ", "３．５",
                            "1,050万円", "10pt"})
        EXPECT_TRUE(is_numeric_cell(yes)) << yes;
    for (const char* no : {"", "Q1", "2025年度下期予算額", "A", "1-2", "約10", "%"}) EXPECT_FALSE(is_numeric_cell(no)) << no;
    EXPECT_TRUE(is_placeholder_cell("-"));
    EXPECT_TRUE(is_placeholder_cell(" "));
    EXPECT_FALSE(is_placeholder_cell("0"));
}

TEST(ChooseLayout, FromContent) {
    auto choose = [](const std::string& body, std::size_t index = 3) {
        Deck deck = load_ok("<section title=\"S\"><slide><title>t</title>" + body + "</slide></section>");
        return choose_layout(deck.slides[0], index, briefing());
    };
    EXPECT_EQ(choose("", 0), "title");
    EXPECT_EQ(choose(""), "section");
    EXPECT_EQ(choose("<agenda/>"), "agenda");
    EXPECT_EQ(choose("<columns><column><heading>A</heading><p>a</p></column><column><heading>B</heading><p>b</p></column></columns>"),
              "comparison");
    EXPECT_EQ(choose("<columns><column><heading>A</heading><p>a</p></column><column><p>b</p></column></columns>"),
              "two-columns");
    EXPECT_EQ(choose("<p>x</p><columns><column><p>a</p></column><column><p>b</p></column></columns>"), "two-columns");
    EXPECT_EQ(choose(img("><caption>c</caption></image>")), "image");
    EXPECT_EQ(choose("<p>説明</p><list><item>a</item></list>" + img("/>")), "image-text");
    EXPECT_EQ(choose("<quote cite=\"x\">言葉</quote>"), "statement");
    EXPECT_EQ(choose("<figure-number value=\"1\"/><figure-number value=\"2\"/>"), "statement");
    EXPECT_EQ(choose("<table><row><cell>a</cell></row></table>"), "table");
    EXPECT_EQ(choose("<table><row><cell>a</cell></row></table>" + img("/>")), "table");
    EXPECT_EQ(choose("<p>a</p><pre>x</pre>"), "bullets");
    EXPECT_EQ(choose("<p>a</p>" + img("/>") + img("/>")), "bullets");
}

namespace {

SlideLayout lay(const std::string& body, const std::string& layout = "") {
    Deck deck = load_ok("<section title=\"一\"><slide id=\"s\"" + (layout.empty() ? "" : " layout=\"" + layout + "\"") +
                        "><title>題</title>" + body + "</slide></section><section title=\"二\"><slide><title>x</title></slide></section>");
    return layout_slide(deck, 0, briefing(), test::engine());
}

}  // namespace

TEST(ElementsLayout, ColumnsSideBySideWithGutter) {
    auto s = lay("<columns widths=\"2,1\"><column><p>左の段落です。</p></column><column><p>右</p></column></columns>");
    const auto& body = box(s, "body");
    ASSERT_EQ(body.columns.size(), 2u);
    const auto &l = body.columns[0], &r = body.columns[1];
    EXPECT_NEAR(l.w, 2 * r.w, 0.01);
    EXPECT_NEAR(l.x, body.x, 0.01);
    EXPECT_NEAR(r.x + r.w, body.x + body.w, 0.01);
    EXPECT_NEAR(r.x - (l.x + l.w), 40, 0.01);  // two-columns: column-gap="40"
    EXPECT_NEAR(l.y, r.y, 0.01);
    ASSERT_EQ(body.lines.size(), 2u);
    EXPECT_NEAR(body.lines[0].y, body.lines[1].y, 0.01);  // side by side, not stacked
    EXPECT_GE(body.lines[1].x, r.x - 0.01);
}

TEST(ElementsLayout, TableAlignsNumbersRightAndUsesWidthsAndCaption) {
    auto s = lay("<table widths=\"2,1,1\" align=\"auto,auto,center\"><caption>単位：億円</caption>"
                 "<row header=\"true\"><cell>項目</cell><cell>金額</cell><cell>評価</cell></row>"
                 "<row><cell>売上</cell><cell>1,234</cell><cell>A</cell></row>"
                 "<row><cell>利益</cell><cell>△12</cell><cell>B</cell></row></table>");
    const auto& body = box(s, "body");
    ASSERT_EQ(body.cells.size(), 9u);
    EXPECT_NEAR(body.cells[0].w, 2 * body.cells[1].w, 0.01);
    EXPECT_NEAR(body.cells[0].w + body.cells[1].w + body.cells[2].w, body.w, 0.01);  // full body width
    ASSERT_EQ(body.lines[0].text, "単位：億円");
    EXPECT_LT(body.lines[0].y + body.lines[0].h, body.cells[0].y + 0.01);  // the caption above the table
    auto line_of = [&](const std::string& text) {
        for (const auto& l : body.lines)
            if (l.text == text) return l;
        throw std::runtime_error("no line " + text);
    };
    const auto& amount = body.cells[4];  // row 1, column 1
    auto n = line_of("1,234");
    EXPECT_GT(n.x - amount.x, amount.x + amount.w - (n.x + n.w));  // right-aligned: less room on the right
    auto label = line_of("売上");
    EXPECT_NEAR(label.x - body.cells[3].x, amount.x + amount.w - (n.x + n.w), 0.5);  // same padding
    auto grade = line_of("A");
    const auto& gc = body.cells[5];
    EXPECT_NEAR(grade.x - gc.x, gc.x + gc.w - (grade.x + grade.w), 0.5);  // centred
}

// An empty cell and a blank line (<br/><br/>) draw nothing, but their lines
// are recorded at their block's size, never 0 pt (floors_check.py read the
// empty cells of the sweep decks as lines set at 0 pt).
TEST(ElementsLayout, EmptyLinesRecordTheirBlocksSize) {
    auto s = lay("<p>上<br/><br/>下</p><p><br/></p><list><item></item><item>x</item></list>"
                 "<table><row header=\"true\"><cell>項目</cell><cell>値</cell></row>"
                 "<row><cell>売上</cell><cell></cell></row></table>");
    const auto& body = box(s, "body");
    ASSERT_EQ(body.cells.size(), 4u);
    int empty = 0;
    for (const auto& l : body.lines) {
        EXPECT_GT(l.size, 10) << "'" << l.text << "' (" << l.kind << ")";
        if (!l.text.empty()) continue;
        ++empty;
        if (l.kind == std::string("cell")) {
            EXPECT_NEAR(l.size, body.cells[3].size, 0.01);
        }
    }
    EXPECT_GE(empty, 4);
}

TEST(ElementsLayout, PreKeepsSpacesWrapsAtSpacesWithMark) {
    std::string long_line;
    for (int i = 0; i < 30; ++i) long_line += "word" + std::to_string(i) + " ";
    auto s = lay("<pre>a\n    indented\n" + long_line + "</pre>");
    const auto& body = box(s, "body");
    ASSERT_GE(body.lines.size(), 4u);
    EXPECT_EQ(body.lines[0].text, "a");
    EXPECT_EQ(body.lines[1].text, "indented");
    EXPECT_GT(body.lines[1].x - body.lines[0].x, body.lines[0].size * 1.5);  // four spaces of indent kept
    // The long line wraps between words only, every piece inside the box.
    std::string joined;
    for (std::size_t i = 2; i < body.lines.size(); ++i) {
        EXPECT_LE(body.lines[i].x + body.lines[i].w, body.x + body.w + 0.5);
        EXPECT_EQ(body.lines[i].text.front(), 'w') << body.lines[i].text;
        joined += body.lines[i].text + " ";
    }
    EXPECT_NE(joined.find("word29"), std::string::npos);
    // A continuation mark for each wrap, in the muted colour.
    int marks = 0;
    for (const auto& it : s.frame->items)
        if (const auto* r = std::get_if<GlyphRun>(&it.item); r && r->text == "\u2935") ++marks;
    EXPECT_EQ(marks, static_cast<int>(body.lines.size()) - 3);
}

// Code in a narrow column (sweep deck narrow_columns.xml): a bucket name
// breaks after '/' and after '-' inside the name; a sha256 with no break
// point is torn at the last character that fits, with the mark and a
// warning, never an error that stops the build. Every piece stays in its
// column and the pieces join to the line as written.
TEST(ElementsLayout, PreInANarrowColumnBreaksLongTokensWithAWarning) {
    const std::string bucket = "s3://kamishibai-prod-assets-ap-northeast-1/releases/2026-03-15/";
    const std::string hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    auto s = lay("<columns><column><pre>" + bucket + "\n" + hash + "</pre></column><column><p>中</p></column>"
                 "<column><p>右</p></column></columns>");
    EXPECT_FALSE(s.diags.has_errors());
    bool warned = false;
    for (const auto& d : s.diags.items())
        warned = warned || (d.severity == Severity::Warning && d.message.find("no break point") != std::string::npos);
    EXPECT_TRUE(warned);
    const auto& body = box(s, "body");
    ASSERT_EQ(body.columns.size(), 3u);
    std::string joined;
    for (const auto& l : body.lines) {
        if (l.kind != std::string("code")) continue;
        EXPECT_LE(l.x + l.w, body.columns[0].x + body.columns[0].w + 0.5) << l.text;
        EXPECT_NE(l.text.front(), '.') << l.text;  // no line starts with a full stop
        EXPECT_NE(l.text.front(), '-') << l.text;
        joined += l.text;
    }
    EXPECT_EQ(joined, bucket + hash);
}

// A bar chart of twelve long category names in a column (sweep deck
// edge_mix.xml): labels that need two lines are taller than their slots;
// every second (third, …) label is shown, never one drawn over another.
TEST(ElementsLayout, BarChartCategoryLabelsNeverOverlap) {
    std::string rows = "<row header=\"true\"><cell>拠点</cell><cell>件数</cell></row>";
    for (int k = 1; k <= 12; ++k)
        rows.append("<row><cell>第").append(std::to_string(k)).append("データセンター（大阪リージョン）</cell><cell>")
            .append(std::to_string(k * 30)).append("</cell></row>");
    auto s = lay("<columns widths=\"1,2\"><column><p>左</p></column><column><chart type=\"bar\" unit=\"件\">" + rows +
                 "</chart></column></columns>");
    const auto& body = box(s, "body");
    ASSERT_EQ(body.charts.size(), 1u);
    const auto& chart = body.charts[0];
    std::vector<std::pair<double, double>> lines;  // baseline, size of each label line left of the plot
    for (const auto& it : s.frame->items)
        if (const auto* r = std::get_if<GlyphRun>(&it.item); r && it.pos.x < chart.plot_x && it.pos.y > chart.plot_y - 40 &&
                                                               it.pos.y < chart.plot_y + chart.plot_h && it.pos.x > chart.x - 1)
            lines.push_back({it.pos.y, r->size});  // not the unit above, nor the tick labels below
    std::sort(lines.begin(), lines.end());
    ASSERT_GE(lines.size(), 4u);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].first - lines[i - 1].first < 0.01) continue;  // runs of one line
        EXPECT_GE(lines[i].first - lines[i - 1].first, lines[i].second * 0.95) << "label lines " << i;
    }
}

TEST(ElementsLayout, QuoteCiteBelowRight) {
    auto s = lay("<quote cite=\"山田花子\">夜でもすぐに答えが返ってきます。</quote>");
    const auto& body = box(s, "body");
    ASSERT_EQ(body.lines.size(), 2u);
    EXPECT_GT(body.lines[0].size, 30);  // statement body 30 pt, the quote larger
    EXPECT_EQ(body.lines[1].text, "― 山田花子");
    EXPECT_GT(body.lines[1].y, body.lines[0].y);
    EXPECT_GT(body.lines[1].x + body.lines[1].w, body.x + body.w - 1);  // flush right
}

TEST(ElementsLayout, FigureNumbersSideBySideValueHuge) {
    auto s = lay("<figure-number value=\"+12.4%\" label=\"前年比\">全社</figure-number><figure-number value=\"3倍\" label=\"件数\"/>");
    const auto& body = box(s, "body");
    ASSERT_EQ(body.lines.size(), 5u);
    EXPECT_EQ(body.lines[0].text, "+12.4%");  // on one line
    EXPECT_GT(body.lines[0].size, 2 * body.lines[1].size);
    EXPECT_EQ(body.lines[1].text, "前年比");
    EXPECT_EQ(body.lines[3].text, "3倍");
    EXPECT_NEAR(body.lines[0].y, body.lines[3].y, 0.01);
    EXPECT_GT(body.lines[3].x, body.lines[0].x + body.lines[0].w);
}

TEST(ElementsLayout, AgendaHighlightsCurrentSection) {
    auto s = lay("<agenda/>");
    const auto& body = box(s, "body");
    ASSERT_EQ(body.lines.size(), 4u);  // number + title per section
    EXPECT_EQ(body.lines[1].text, "一");
    EXPECT_EQ(body.lines[3].text, "二");
    Color accent{}, first{}, second{};
    for (const auto& it : s.frame->items)
        if (const auto* r = std::get_if<GlyphRun>(&it.item)) {
            if (r->text == "01") accent = r->color;
            if (r->text == "一") first = r->color;
            if (r->text == "二") second = r->color;
        }
    EXPECT_EQ(first, accent);   // the slide is in section 一: highlighted
    EXPECT_NE(second, accent);
}

TEST(ElementsLayout, ImageTextPutsTheImageAndItsCaptionInTheImageBox) {
    auto s = lay("<p>説明文</p>" + img("><caption>図1 候補地</caption></image>"));
    EXPECT_EQ(s.layout, "image-text");
    const auto& image = box(s, "image");
    ASSERT_EQ(image.images.size(), 1u);
    EXPECT_TRUE(box(s, "body").images.empty());
    ASSERT_EQ(image.lines.size(), 1u);
    EXPECT_EQ(image.lines[0].text, "図1 候補地");
    const auto& im = image.images[0];
    EXPECT_NEAR(im.w / im.h, 1.5, 0.01);  // aspect kept
    EXPECT_GT(image.lines[0].y, im.y + im.h);  // right under the picture
    EXPECT_LT(image.lines[0].y, im.y + im.h + 20);
}

TEST(ElementsLayout, ImageTextWithSubtitleStartsBothBoxesBelowIt) {
    auto s = lay("<p>説明文</p>" + img("/>"));  // the same slide without a subtitle, for reference
    Deck deck = load_ok("<slide id=\"s\"><title>題</title><subtitle>単位：億円</subtitle><p>説明文</p>" + img("/>") + "</slide>");
    auto sub = layout_slide(deck, 0, briefing(), test::engine());
    ASSERT_EQ(sub.layout, "image-text");
    const auto& subtitle = box(sub, "subtitle");
    EXPECT_GE(box(sub, "body").y, subtitle.y + subtitle.h);
    EXPECT_GE(box(sub, "image").y, subtitle.y + subtitle.h);
    EXPECT_LT(box(s, "image").y, subtitle.y + subtitle.h);  // without a subtitle the image box starts higher
}

TEST(ElementsLayout, ImageLayoutPutsTheCaptionInItsCaptionBox) {
    auto s = lay(img("><caption>候補地の全景</caption></image>"));
    EXPECT_EQ(s.layout, "image");
    EXPECT_EQ(box(s, "caption").lines.at(0).text, "候補地の全景");
    EXPECT_TRUE(box(s, "body").lines.empty());
    EXPECT_EQ(box(s, "body").images.size(), 1u);
}

TEST(ElementsLayout, CoverFillsItsWidthCropped) {
    auto s = lay("<p>説明</p>" + img(" fit=\"cover\" width=\"50%\"/>"), "bullets");
    const auto& body = box(s, "body");
    ASSERT_EQ(body.images.size(), 1u);
    const auto& im = body.images[0];
    EXPECT_NEAR(im.w, body.w * 0.5, 0.01);
    EXPECT_NEAR(im.y + im.h, body.y + body.h, 0.5);  // down to the bottom of the box
    bool clipped = false;
    for (const auto& it : s.frame->items)
        if (const auto* g = std::get_if<Group>(&it.item)) clipped = g->clip;
    EXPECT_TRUE(clipped);
}

TEST(ElementsFitting, ColumnsContinueColumnByColumn) {
    std::string left, right;
    for (int i = 1; i <= 24; ++i) left += "<item>L" + std::to_string(i) + " 左の段の項目で少し長めの文章</item>";
    for (int i = 1; i <= 3; ++i) right += "<item>R" + std::to_string(i) + "</item>";
    Deck deck = load_ok("<slide id=\"c\"><title>長い段</title><columns><column><heading>左</heading><list>" + left +
                        "</list></column><column><heading>右</heading><list>" + right + "</list></column></columns></slide>");
    Diagnostics d;
    Deck out = paginate(deck, briefing(), test::engine(), d);
    ASSERT_GE(out.slides.size(), 2u);
    std::vector<std::string> left_seen, right_seen;
    for (const auto& slide : out.slides) {
        ASSERT_EQ(slide.blocks.size(), 1u);
        const auto& cols = std::get<Columns>(slide.blocks[0]);
        ASSERT_EQ(cols.columns.size(), 2u);
        EXPECT_EQ(cols.columns[0].heading.plain(), "左");  // headings repeat on every piece
        EXPECT_EQ(cols.columns[1].heading.plain(), "右");
        for (std::size_t c = 0; c < 2; ++c)
            for (const auto& b : cols.columns[c].blocks)
                for (const auto& item : std::get<List>(b).items) (c ? right_seen : left_seen).push_back(item.text.plain());
        auto layout = layout_slide(out, &slide - &out.slides[0], briefing(), test::engine());
        EXPECT_FALSE(box(layout, "body").overflow) << slide.id;
    }
    ASSERT_EQ(left_seen.size(), 24u);  // every item once, in order
    EXPECT_EQ(left_seen.front(), "L1 左の段の項目で少し長めの文章");
    EXPECT_EQ(left_seen.back(), "L24 左の段の項目で少し長めの文章");
    EXPECT_EQ(right_seen, (std::vector<std::string>{"R1", "R2", "R3"}));  // all on the first piece
    EXPECT_EQ(std::get<Columns>(out.slides[0].blocks[0]).columns[1].blocks.size(), 1u);
    EXPECT_TRUE(std::get<Columns>(out.slides[1].blocks[0]).columns[1].blocks.empty());
}

TEST(ElementsFitting, CodeSplitsBetweenLines) {
    std::string code;
    for (int i = 1; i <= 40; ++i) code += "line" + std::to_string(i) + " = " + std::to_string(i) + "\n";
    Deck deck = load_ok("<slide id=\"p\"><title>コード</title><pre>" + code + "</pre></slide>");
    Diagnostics d;
    Deck out = paginate(deck, briefing(), test::engine(), d);
    ASSERT_GE(out.slides.size(), 2u);
    std::vector<std::string> lines;
    for (const auto& slide : out.slides)
        for (const auto& l : std::get<Pre>(slide.blocks.at(0)).lines) lines.push_back(l);
    ASSERT_EQ(lines.size(), 40u);
    EXPECT_EQ(lines[0], "line1 = 1");
    EXPECT_EQ(lines[39], "line40 = 40");
}

TEST(ElementsFitting, ImageTextKeepsItsImageOnTheFirstSlide) {
    std::string items;
    for (int i = 1; i <= 20; ++i) items += "<item>項目" + std::to_string(i) + "の説明文をここに書きます</item>";
    Deck deck = load_ok("<slide id=\"i\"><title>図と文</title><list>" + items + "</list>" + img("/>") + "</slide>");
    Diagnostics d;
    Deck out = paginate(deck, briefing(), test::engine(), d);
    ASSERT_GE(out.slides.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<Image>(out.slides[0].blocks[0]));
    for (std::size_t i = 1; i < out.slides.size(); ++i)
        for (const auto& b : out.slides[i].blocks) EXPECT_FALSE(std::holds_alternative<Image>(b));
    auto first = layout_slide(out, 0, briefing(), test::engine());
    EXPECT_EQ(first.layout, "image-text");
    EXPECT_EQ(box(first, "image").images.size(), 1u);
    EXPECT_FALSE(box(first, "body").overflow);
}

TEST(ElementsFitting, TablePiecesKeepTheAlignmentOfTheWholeTable) {
    // Column 2 is numeric in the first 30 rows only: the whole column is left-aligned, on every piece.
    std::string rows = "<row header=\"true\"><cell>項目</cell><cell>値</cell><cell>額</cell></row>";
    for (int i = 1; i <= 40; ++i)
        rows += "<row><cell>行" + std::to_string(i) + "</cell><cell>" + (i <= 30 ? std::to_string(i) : "未定") +
                "</cell><cell>" + std::to_string(i * 100) + "</cell></row>";
    Deck deck = load_ok("<slide id=\"t\"><title>表</title><table widths=\"2,1,1\"><caption>単位：件</caption>" + rows +
                        "</table></slide>");
    Diagnostics d;
    Deck out = paginate(deck, briefing(), test::engine(), d);
    ASSERT_GE(out.slides.size(), 2u);
    for (const auto& slide : out.slides) {
        const auto& t = std::get<Table>(slide.blocks.at(0));
        EXPECT_EQ(t.align, (std::vector<CellAlign>{CellAlign::Left, CellAlign::Left, CellAlign::Right})) << slide.id;
        EXPECT_EQ(t.widths, (std::vector<double>{2, 1, 1}));
        EXPECT_EQ(t.caption.plain(), "単位：件");  // the caption repeats on every piece
    }
}

// The deck's subtitle stands on the cover only: a first slide that is an
// agenda (no cover in the deck) does not show it under its title.
TEST(ElementsLayout, DeckSubtitleOnlyOnACover) {
    const std::string meta = "<meta><title>報告</title><subtitle>定例報告（四半期）</subtitle></meta>";
    auto has_subtitle = [](const SlideLayout& s) {
        for (const auto& b : s.boxes)
            for (const auto& l : b.lines)
                if (l.text.find("定例報告") != std::string::npos) return true;
        return false;
    };
    Deck cover = load_ok(meta + "<slide layout=\"title\"><title>報告</title></slide><section title=\"一\"><slide><title>a</title><p>x</p></slide></section>");
    EXPECT_TRUE(has_subtitle(layout_slide(cover, 0, briefing(), test::engine())));
    Deck agenda = load_ok(meta + "<slide><title>本日の内容</title><agenda/></slide><section title=\"一\"><slide><title>a</title><p>x</p></slide></section>");
    EXPECT_FALSE(has_subtitle(layout_slide(agenda, 0, briefing(), test::engine())));
}
