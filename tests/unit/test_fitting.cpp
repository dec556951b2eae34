// Fitting on layout data: how slides that do not fit are split into
// continuation slides, and the layout bugs a first deck hits.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "layout/body_layout.h"
#include "layout/font_families.h"
#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "test_support.h"

using namespace ks;

namespace {

const LayoutSet& layouts() {
    static LayoutSet set = [] {
        Diagnostics d;
        return *load_layout_set(test::source_path("layouts/briefing.xml"), d);
    }();
    return set;
}

Deck load(const std::string& slides) {
    Diagnostics d;
    auto deck = load_outline_from_string("fit.xml", "<deck>" + slides + "</deck>", d);
    if (!deck || d.has_errors()) throw std::runtime_error("test deck does not load");
    return *deck;
}

std::string items(const std::string& prefix, int n, const std::string& text = "の項目です") {
    std::string s;
    for (int i = 1; i <= n; ++i) s += "<item>" + prefix + std::to_string(i) + text + "</item>";
    return s;
}

const List& list_of(const Slide& s, std::size_t block = 0) { return std::get<List>(s.blocks.at(block)); }
const Table& table_of(const Slide& s) { return std::get<Table>(s.blocks.at(0)); }

Deck paginate_deck(const Deck& deck, Diagnostics& d) { return paginate(deck, layouts(), test::engine(), d); }

std::vector<DumpLine> body_lines(const SlideLayout& l) {
    for (const auto& b : l.boxes)
        if (b.role == "body") return b.lines;
    return {};
}

}  // namespace

TEST(Fitting, SlideThatFitsIsLeftAlone) {
    Deck deck = load("<slide id=\"a\"><title>T</title><list>" + items("A", 5) + "</list></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_EQ(out.slides.size(), 1u);
    EXPECT_EQ(d.items().size(), 0u);
    EXPECT_TRUE(out.slides[0].continues.empty());
}

TEST(Fitting, ListSplitsBetweenItemsWithIdsNotesAndMarkedTitles) {
    Deck deck = load("<slide id=\"a\"><title>売上の推移</title><list>" + items("A", 60) +
                     "</list><notes>最初だけ</notes></slide><slide id=\"b\"><title>次</title><p>x</p></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 4u);
    std::size_t run = out.slides.size() - 1;
    std::size_t total = 0;
    for (std::size_t k = 0; k < run; ++k) {
        const Slide& s = out.slides[k];
        EXPECT_EQ(s.id, k == 0 ? "a" : "a-" + std::to_string(k + 1));
        EXPECT_EQ(s.continues, k == 0 ? "" : "a");
        EXPECT_EQ(s.notes.plain(), k == 0 ? "最初だけ" : "");
        EXPECT_EQ(s.title.plain(), k == 0 ? "売上の推移" : "売上の推移（続き）");
        EXPECT_EQ(s.layout, "bullets");
        // Items are whole and in order: A1, A2, … across the run.
        for (const auto& item : list_of(s).items) EXPECT_EQ(item.text.plain(), "A" + std::to_string(++total) + "の項目です");
    }
    EXPECT_EQ(total, 60u);
    EXPECT_EQ(out.slides.back().id, "b");
    ASSERT_EQ(d.warning_count(), 1u);
    EXPECT_NE(d.items()[0].message.find("continued onto " + std::to_string(run) + " slides (a, a-2, a-3"),
              std::string::npos);
    EXPECT_EQ(d.items()[0].where.file, "fit.xml");
    EXPECT_EQ(d.items()[0].where.line, 1);
}

// Pieces are as few as the floors allow, all at one size, never below the
// body floor (issue 16: they were filled at the normal size, so a run took
// more slides than needed and its pieces could differ in size).
TEST(Fitting, EveryPieceOfARunIsSetAtOneSizeNeverBelowTheFloor) {
    Deck deck = load("<slide id=\"a\"><title>T</title><list>" + items("A", 60) + "</list></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 2u);
    std::set<double> sizes;
    for (std::size_t i = 0; i < out.slides.size(); ++i) {
        auto l = layout_slide(out, i, layouts(), test::engine());
        EXPECT_FALSE(l.diags.has_errors());
        for (const auto& b : l.boxes)
            if (b.role == "body") {
                EXPECT_FALSE(b.overflow);
                EXPECT_GE(b.font_size, 18) << out.slides[i].id;  // continuation slides are not tiny
                EXPECT_LE(b.font_size, 24) << out.slides[i].id;
                sizes.insert(b.font_size);
            }
    }
    EXPECT_EQ(sizes.size(), 1u);
}

TEST(Fitting, OrderedListNumberingContinues) {
    Deck deck = load("<slide id=\"a\"><title>T</title><list ordered=\"true\">" + items("A", 40) + "</list></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 2u);
    int next = 1;
    for (const auto& s : out.slides) {
        EXPECT_TRUE(list_of(s).ordered);
        EXPECT_EQ(list_of(s).start, next) << s.id;
        next += static_cast<int>(list_of(s).items.size());
    }
    EXPECT_EQ(next, 41);
}

TEST(Fitting, NestedListStaysWithItsParent) {
    std::string list;
    for (int i = 1; i <= 12; ++i)
        list += "<item>P" + std::to_string(i) + "<list>" + items("P" + std::to_string(i) + "-", 2) + "</list></item>";
    Deck deck = load("<slide id=\"a\"><title>T</title><list>" + list + "</list></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 2u);
    for (const auto& s : out.slides)
        for (const auto& item : list_of(s).items) {
            ASSERT_FALSE(item.text.empty()) << s.id;  // no carrier: every parent is whole
            ASSERT_EQ(item.children.size(), 1u);
            EXPECT_EQ(item.children[0].items.size(), 2u) << item.text.plain();
        }
}

TEST(Fitting, ParentWhoseChildrenDoNotFitSplitsBetweenChildren) {
    Deck deck = load("<slide id=\"a\"><title>T</title><list><item>親<list ordered=\"true\">" + items("C", 30) +
                     "</list></item><item>最後</item></list></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 2u);
    EXPECT_EQ(list_of(out.slides[0]).items[0].text.plain(), "親");
    int next_child = 1;
    for (std::size_t k = 0; k < out.slides.size(); ++k) {
        const auto& first = list_of(out.slides[k]).items[0];
        if (k > 0 && next_child <= 30) {
            EXPECT_TRUE(first.text.empty()) << "continued children hang under an unmarked carrier";
        }
        if (first.children.empty()) continue;
        const List& children = first.children[0];
        EXPECT_EQ(children.start, next_child);  // the child numbering goes on too
        next_child += static_cast<int>(children.items.size());
    }
    EXPECT_EQ(next_child, 31);
    EXPECT_EQ(list_of(out.slides.back()).items.back().text.plain(), "最後");
}

TEST(Fitting, CarrierItemDrawsNoMarkerAndNoLine) {
    Deck deck = load("<slide id=\"a\"><title>T</title><list><item>親<list>" + items("C", 30) +
                     "</list></item></list></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 2u);
    auto lines = body_lines(layout_slide(out, 1, layouts(), test::engine()));
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0].text.substr(0, 1), "C");  // the first line is a child, not an empty parent
    EXPECT_GT(lines[0].x, 48 + 30);              // and it keeps the child indent
}

TEST(Fitting, TableSplitsBetweenRowsAndRepeatsTheHeader) {
    std::string rows;
    for (int i = 1; i <= 40; ++i) rows += "<row><cell>R" + std::to_string(i) + "</cell><cell>値</cell></row>";
    Deck deck = load("<slide id=\"t\"><title>表</title><subtitle>単位：億円</subtitle><table>"
                     "<row header=\"true\"><cell>名前</cell><cell>値</cell></row>" + rows + "</table></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 2u);
    int next = 1;
    for (std::size_t i = 0; i < out.slides.size(); ++i) {
        const Slide& s = out.slides[i];
        EXPECT_EQ(s.subtitle.plain(), "単位：億円");
        const Table& t = table_of(s);
        ASSERT_GE(t.rows.size(), 2u);
        EXPECT_TRUE(t.rows[0].header);
        EXPECT_EQ(t.rows[0].cells[0].text.plain(), "名前");
        for (std::size_t r = 1; r < t.rows.size(); ++r) {
            EXPECT_FALSE(t.rows[r].header);
            EXPECT_EQ(t.rows[r].cells[0].text.plain(), "R" + std::to_string(next++));
        }
        // The dump has the cells, header first, and the subtitle is drawn.
        auto l = layout_slide(out, i, layouts(), test::engine());
        bool subtitle = false;
        for (const auto& b : l.boxes) {
            if (b.role == "subtitle") subtitle = !b.lines.empty();
            if (b.role == "body") {
                ASSERT_FALSE(b.cells.empty());
                EXPECT_EQ(b.cells[0].row, 0);
                EXPECT_EQ(b.cells[0].text, "名前");
            }
        }
        EXPECT_TRUE(subtitle) << "the table slide shows its subtitle";
    }
    EXPECT_EQ(next, 41);
}

TEST(Fitting, ParagraphSplitsBetweenLinesOnlyWhenTallerThanTheBox) {
    std::string text;
    for (int i = 10; i < 60; ++i) text += "S" + std::to_string(i) + "当四半期は計画を上回る成果がありました。";
    Deck deck = load("<slide id=\"p\"><title>T</title><p>短い段落。</p><p>" + text + "</p></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 3u);
    std::string joined;
    for (const auto& s : out.slides)
        for (const auto& b : s.blocks) {
            std::string t = std::get<Paragraph>(b).text.plain();
            if (t != "短い段落。") joined += t;
        }
    EXPECT_EQ(joined, text);  // nothing lost, nothing repeated
    // Each piece fits, and each break lies at a line start (the piece's first line starts there).
    for (std::size_t i = 0; i < out.slides.size(); ++i) {
        auto l = layout_slide(out, i, layouts(), test::engine());
        EXPECT_FALSE(l.diags.has_errors()) << out.slides[i].id;
    }
}

TEST(Fitting, ShortParagraphsMoveWhole) {
    std::string ps;
    for (int i = 1; i <= 30; ++i) ps += "<p>Q" + std::to_string(i) + " 段落の本文です。</p>";
    Deck deck = load("<slide id=\"p\"><title>T</title>" + ps + "</slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 2u);
    int next = 1;
    for (const auto& s : out.slides)
        for (const auto& b : s.blocks)
            EXPECT_EQ(std::get<Paragraph>(b).text.plain(), "Q" + std::to_string(next++) + " 段落の本文です。");
}

TEST(Fitting, SectionsCountContinuationSlides) {
    Deck deck = load("<slide id=\"t\"><title>表紙</title></slide><section title=\"S\"><slide id=\"a\"><title>T</title><list>" +
                     items("A", 60) + "</list></slide><slide id=\"b\"><title>B</title><p>x</p></slide></section>"
                     "<section title=\"U\"><slide id=\"c\"><title>C</title><p>y</p></slide></section>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_EQ(out.sections.size(), 2u);
    std::size_t n = out.slides.size();
    EXPECT_EQ(out.sections[0].first_slide, 1u);
    EXPECT_EQ(out.sections[0].slide_count, n - 2);
    EXPECT_EQ(out.sections[1].first_slide, n - 1);
    EXPECT_EQ(out.sections[1].slide_count, 1u);
}

TEST(Fitting, ContinuedTitleRules) {
    auto title = [](const std::string& s) { return continued_title(plain_text(s), "（続き）").plain(); };
    EXPECT_EQ(title("売上"), "売上（続き）");
    EXPECT_EQ(title("1. 開催概要（1/2）"), "1. 開催概要（1/2）");  // the author numbered it
    EXPECT_EQ(title("Summary (2/3)"), "Summary (2/3)");
    EXPECT_EQ(title("概要（１／２）"), "概要（１／２）");
    EXPECT_EQ(title("概要（補足）"), "概要（補足）（続き）");
    EXPECT_EQ(title("比率 (3)"), "比率 (3)（続き）");
    EXPECT_EQ(continued_title(plain_text("A"), " (cont.)").plain(), "A (cont.)");
}

TEST(Fitting, SplitRichTextKeepsStylesAndDropsTheBreak) {
    RichText t;
    t.spans = {{"abc ", false, false, false, {}}, {"def", true, false, false, {}}, {"\n", false, false, false, {}},
               {"ghi", false, false, false, {}}};
    auto [a, b] = split_rich_text(t, 5);
    EXPECT_EQ(a.plain(), "abc d");
    EXPECT_EQ(b.plain(), "ef\nghi");
    EXPECT_TRUE(b.spans[0].bold);
    auto [c, e] = split_rich_text(t, 4);
    EXPECT_EQ(c.plain(), "abc");
    EXPECT_EQ(e.plain(), "def\nghi");
    auto [f, g] = split_rich_text(t, 8);
    EXPECT_EQ(f.plain(), "abc def");
    EXPECT_EQ(g.plain(), "ghi");
}

TEST(Fitting, ContinuedMarkComesFromTheLayoutSet) {
    LayoutSet set = layouts();
    set.continued_mark = " (cont.)";
    Deck deck = load("<slide id=\"a\"><title>Sales</title><list>" + items("A", 60) + "</list></slide>");
    Diagnostics d;
    Deck out = paginate(deck, set, test::engine(), d);
    ASSERT_GE(out.slides.size(), 2u);
    EXPECT_EQ(out.slides[1].title.plain(), "Sales (cont.)");
}

TEST(Fitting, SubtitlePushesTheBodyDown) {
    Deck deck = load("<slide id=\"a\"><title>T</title><subtitle>副題 subtitle</subtitle><list>" + items("A", 3) +
                     "</list></slide><slide id=\"b\"><title>T</title><list>" + items("A", 3) + "</list></slide>");
    auto with = layout_slide(deck, 0, layouts(), test::engine());
    auto without = layout_slide(deck, 1, layouts(), test::engine());
    double subtitle_bottom = 0, body_top = 0;
    for (const auto& b : with.boxes) {
        if (b.role == "subtitle") subtitle_bottom = b.y + b.h;
        if (b.role == "body") body_top = b.y;
    }
    EXPECT_GT(subtitle_bottom, 0);
    EXPECT_GE(body_top, subtitle_bottom);
    EXPECT_GE(body_lines(with).front().y, subtitle_bottom);
    // Without a subtitle the body keeps the space.
    EXPECT_LT(body_lines(without).front().y, subtitle_bottom);
}

TEST(Fitting, OrderedNumbersAreRightAlignedBeforeAGap) {
    Deck deck = load("<slide id=\"a\"><title>T</title><list ordered=\"true\">" + items("X", 12, "") + "</list></slide>");
    auto l = layout_slide(deck, 0, layouts(), test::engine());
    std::map<std::string, std::pair<double, double>> numbers;  // label → (left, right)
    for (const auto& it : l.frame->items)
        if (const auto* run = std::get_if<GlyphRun>(&it.item))
            if (!run->text.empty() && run->text.back() == '.') numbers[run->text] = {it.pos.x, it.pos.x + run->width};
    ASSERT_EQ(numbers.size(), 12u);
    double right = numbers["1."].second;
    for (const auto& [label, lr] : numbers) EXPECT_NEAR(lr.second, right, 0.05) << label;
    EXPECT_LT(numbers["10."].first, numbers["9."].first);  // wider numbers start further left
    double text_x = body_lines(l).front().x;
    for (const auto& line : body_lines(l)) EXPECT_NEAR(line.x, text_x, 0.01);
    EXPECT_GT(text_x - right, 24 * 0.3) << "a visible gap after the number";
    EXPECT_GE(numbers["12."].first, 48 - 0.01) << "inside the box";
}

TEST(Fitting, ImageMovesToTheNextSlideRatherThanBeSqueezed) {
    std::string dir = test::source_path("tests/fixtures/decks/");
    Diagnostics d;
    auto deck = load_outline_from_string(dir + "img.xml",
                                         "<deck><slide id=\"i\" layout=\"bullets\"><title>T</title><list>" + items("A", 3) +
                                             "</list><image src=\"chart-wide.png\"/><image src=\"chart-tall.png\"/>"
                                             "</slide></deck>",
                                         d);
    ASSERT_TRUE(deck);
    Deck out = paginate_deck(*deck, d);
    ASSERT_EQ(out.slides.size(), 2u);
    const BoxSpec& body = *layouts().find("bullets")->box("body");
    for (std::size_t i = 0; i < 2; ++i) {
        auto l = layout_slide(out, i, layouts(), test::engine());
        for (const auto& b : l.boxes)
            if (b.role == "body") {
                ASSERT_EQ(b.images.size(), 1u);
                const auto& im = b.images[0];
                EXPECT_GE(im.h, body.image_min * b.h - 0.01);
                EXPECT_LE(im.y + im.h, b.y + b.h + 0.01);
                EXPECT_NEAR(im.w / im.h, i == 0 ? 1600.0 / 900 : 900.0 / 1400, 0.01);  // aspect kept
                EXPECT_EQ(im.src, i == 0 ? "chart-wide.png" : "chart-tall.png");
            }
    }
}

TEST(Fitting, UnknownFontFamilyIsALocatedErrorWithTheAvailableOnes) {
    LayoutSet set = layouts();
    set.fonts["sans"] = "Meiryo";
    FontContext fonts(test::source_path("fonts"));
    Diagnostics d;
    check_font_families(set, fonts, d);
    ASSERT_EQ(d.error_count(), 1u);
    EXPECT_NE(d.items()[0].message.find("'Meiryo'"), std::string::npos);
    EXPECT_GT(d.items()[0].where.line, 0);
    ASSERT_FALSE(d.items()[0].notes.empty());
    EXPECT_NE(d.items()[0].notes[0].find("BIZ UDPGothic"), std::string::npos);
    // A box naming a family directly is checked at the box.
    LayoutSet direct = layouts();
    auto& body = const_cast<BoxSpec&>(*direct.find("table")->box("body"));
    body.style.family = "Comic Sans MS";
    Diagnostics at_box;
    check_font_families(direct, fonts, at_box);
    ASSERT_EQ(at_box.error_count(), 1u);
    EXPECT_NE(at_box.items()[0].message.find("'Comic Sans MS' (font= on a body box)"), std::string::npos);
    EXPECT_EQ(at_box.items()[0].where.line, body.where.line);
    EXPECT_GT(body.where.line, set.fonts_where.line);
    Diagnostics clean;
    check_font_families(layouts(), fonts, clean);
    EXPECT_EQ(clean.items().size(), 0u);
}

TEST(Fitting, ContinuationIdsNeverCollideWithTheAuthors) {
    Deck deck = load("<slide id=\"a\"><title>T</title><list>" + items("A", 30) +
                     "</list></slide><slide id=\"a-2\"><title>手で分けた続き</title><p>x</p></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    std::set<std::string> ids;
    for (const auto& s : out.slides) EXPECT_TRUE(ids.insert(s.id).second) << "duplicate id " << s.id;
    EXPECT_EQ(out.slides[1].id, "a-cont2");
    EXPECT_EQ(out.slides.back().id, "a-2");
}

TEST(Fitting, TablePiecesShareColumnWidths) {
    std::string rows;
    for (int i = 1; i <= 40; ++i)
        rows += "<row><cell>R" + std::to_string(i) + "</cell><cell>" + std::string(i == 33 ? "とても長い項目名の行" : "短") +
                "</cell><cell>値</cell></row>";
    Deck deck = load("<slide id=\"t\"><title>表</title><table><row header=\"true\"><cell>名前</cell><cell>項目</cell>"
                     "<cell>値</cell></row>" + rows + "</table></slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_GE(out.slides.size(), 2u);
    std::vector<double> first;
    for (std::size_t i = 0; i < out.slides.size(); ++i) {
        auto l = layout_slide(out, i, layouts(), test::engine());
        std::vector<double> widths;
        for (const auto& b : l.boxes)
            for (const auto& c : b.cells)
                if (c.row == 0) widths.push_back(c.w);
        ASSERT_EQ(widths.size(), 3u);
        if (i == 0) first = widths;
        else for (std::size_t c = 0; c < 3; ++c) EXPECT_NEAR(widths[c], first[c], 0.01) << out.slides[i].id;
    }
}

TEST(Fitting, ListStartIsReadFromTheOutline) {
    Deck deck = load("<slide id=\"a\"><title>T</title><list ordered=\"true\" start=\"6\">" + items("A", 2) + "</list></slide>");
    EXPECT_EQ(list_of(deck.slides[0]).start, 6);
    auto l = layout_slide(deck, 0, layouts(), test::engine());
    std::vector<std::string> labels;
    for (const auto& it : l.frame->items)
        if (const auto* run = std::get_if<GlyphRun>(&it.item))
            if (!run->text.empty() && run->text.back() == '.') labels.push_back(run->text);
    EXPECT_EQ(labels, (std::vector<std::string>{"6.", "7."}));
    Diagnostics d;
    load_outline_from_string("bad.xml", "<deck><slide><title>T</title><list ordered=\"true\" start=\"x\"><item>a</item></list></slide></deck>", d);
    EXPECT_EQ(d.error_count(), 1u);
}

TEST(Fitting, ContentOnALayoutWithoutBodyIsAnError) {
    Deck deck = load("<slide id=\"s\" layout=\"section\"><title>章</title><p>消えてしまう本文</p></slide>");
    Diagnostics d;
    paginate_deck(deck, d);
    ASSERT_EQ(d.error_count(), 1u);
    EXPECT_NE(d.items()[0].message.find("no body box"), std::string::npos);
    EXPECT_EQ(d.items()[0].where.line, 1);
}

TEST(Fitting, ImageMinFromTheLayoutDecidesWhetherAnImageShrinksOrMoves) {
    std::string dir = test::source_path("tests/fixtures/decks/");
    Diagnostics d;
    auto deck = load_outline_from_string(dir + "img.xml",
                                         "<deck><slide id=\"i\" layout=\"bullets\"><title>T</title><list>" + items("A", 3) +
                                             "</list><image src=\"chart-wide.png\"/></slide></deck>",
                                         d);
    ASSERT_TRUE(deck);
    EXPECT_EQ(paginate_deck(*deck, d).slides.size(), 1u);  // 0.4: shrinks into the space left
    LayoutSet strict = layouts();
    const_cast<BoxSpec&>(*strict.find("bullets")->box("body")).image_min = 0.9;
    Deck out = paginate(*deck, strict, test::engine(), d);
    ASSERT_EQ(out.slides.size(), 2u);  // 0.9: moves to a slide of its own
    EXPECT_TRUE(std::holds_alternative<Image>(out.slides[1].blocks.at(0)));
}

// Big numbers past six continue onto a second slide, which keeps its place
// in the outline file: its warnings are located (sweep deck
// english_heavy.xml printed "warning: slide 'big-2': …" with no file, the
// piece's position having been read from a moved-from FigureNumber).
TEST(Fitting, ContinuedBigNumbersKeepTheirFile) {
    std::string figures;
    for (const char* value : {"10%", "20%", "30%", "40%", "50%", "60%", "70%"})
        figures.append("<figure-number value=\"").append(value).append("\" label=\"L\"/>");
    Deck deck = load("<slide id=\"big\"><title>T</title>" + figures + "</slide>");
    Diagnostics d;
    Deck out = paginate_deck(deck, d);
    ASSERT_EQ(out.slides.size(), 2u);
    EXPECT_EQ(out.slides[1].continues, "big");
    EXPECT_EQ(out.slides[1].where.file, "fit.xml");
    EXPECT_TRUE(out.slides[1].where.known());
}

// An agenda of more sections than one slide holds (a board report of
// thirteen chapters, sweep deck edge_mix.xml) was one unbreakable block: an
// error, no output. It continues between its entries like a list, numbered
// on, each entry once.
TEST(Fitting, LongAgendaContinuesBetweenEntries) {
    std::string deck = "<slide id=\"agenda\"><title>アジェンダ</title><agenda/></slide>";
    for (int k = 1; k <= 16; ++k)
        deck.append("<section title=\"第").append(std::to_string(k))
            .append("章　事業計画と予算の進捗状況および今後の課題\"><slide><title>t</title><p>x</p></slide></section>");
    Deck in = load(deck);
    Diagnostics d;
    Deck out = paginate_deck(in, d);
    EXPECT_FALSE(d.has_errors());
    std::size_t next = 0, pieces = 0;
    for (const auto& s : out.slides) {
        if (s.id != "agenda" && s.continues != "agenda") continue;
        ++pieces;
        const auto& a = std::get<Agenda>(s.blocks.at(0));
        EXPECT_EQ(a.first, next);
        EXPECT_GT(a.shown_end(), a.first);
        next = a.shown_end();
    }
    EXPECT_GE(pieces, 2u);
    EXPECT_EQ(next, 16u);
}
