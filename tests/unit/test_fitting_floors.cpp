// Readable floors, balanced continuation runs, big-number grids, agenda
// numbers and the cover date, on layout data (issue 16, items 1, 2, 3, 7).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "layout/text_sizes.h"
#include "outline/outline_loader.h"
#include "test_support.h"

using namespace ks;

namespace {

const LayoutSet& set_named(const std::string& name) {
    static std::map<std::string, LayoutSet> sets;
    auto it = sets.find(name);
    if (it == sets.end()) {
        Diagnostics d;
        auto set = load_layout_set(test::source_path("layouts/" + name + ".xml"), d);
        if (!set || d.has_errors()) throw std::runtime_error("layout set does not load");
        it = sets.emplace(name, std::move(*set)).first;
    }
    return it->second;
}

Deck load(const std::string& body, const std::string& meta = "") {
    Diagnostics d;
    auto deck = load_outline_from_string("floors.xml", "<deck>" + meta + body + "</deck>", d);
    if (!deck || d.has_errors()) throw std::runtime_error("test deck does not load");
    return *deck;
}

struct Laid {
    Deck deck;
    std::vector<SlideLayout> slides;
};

Laid lay_out(const Deck& source, const std::string& set_name) {
    Diagnostics d;
    Laid out{paginate(source, set_named(set_name), test::engine(), d), {}};
    for (std::size_t i = 0; i < out.deck.slides.size(); ++i)
        out.slides.push_back(layout_slide(out.deck, i, set_named(set_name), test::engine()));
    return out;
}

const DumpBox* box(const SlideLayout& s, const std::string& role) {
    for (const auto& b : s.boxes)
        if (b.role == role) return &b;
    return nullptr;
}

std::string steps(int n, const std::string& text = "番目の手順で、関係部署と内容を確認して合意します") {
    std::string s;
    for (int i = 1; i <= n; ++i) s += "<item>S" + std::to_string(i) + text + "</item>";
    return s;
}

int lines_of_kind(const SlideLayout& s, const std::string& kind) {
    const DumpBox* b = box(s, "body");
    if (!b) return 0;
    return static_cast<int>(std::count_if(b->lines.begin(), b->lines.end(), [&](const DumpLine& l) { return l.kind == kind; }));
}

class EachSet : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST(Floors, ShippedSetsSetEveryFloorOnEveryBodyBox) {
    for (std::string name : {"briefing", "hall"}) {
        for (const auto& [layout_name, layout] : set_named(name).layouts) {
            const BoxSpec* body = layout.box("body");
            if (!body) continue;
            EXPECT_GE(body->min_size, 18) << name << " " << layout_name;
            EXPECT_GE(body->nested_min_size, 16) << name << " " << layout_name;
            EXPECT_GE(body->cell_min_size, 14) << name << " " << layout_name;
            EXPECT_GE(body->code_min_size, 14) << name << " " << layout_name;
            EXPECT_GE(body->caption_min_size, 14) << name << " " << layout_name;
        }
    }
}

TEST(Floors, ALowerValueIsRaisedWithALocatedNoteAndFloorsScaleWithTheSlideWidth) {
    auto load_set = [](const std::string& xml, Diagnostics& d) {
        std::string path = ::testing::TempDir() + "/floors-set.xml";
        std::ofstream(path) << xml;
        return load_layout_set(path, d);
    };
    Diagnostics d;
    auto set = load_set(
        "<layout-set name=\"x\" width=\"960\" height=\"540\"><colors><color name=\"text\" value=\"#000000\"/></colors>"
        "<layout name=\"bullets\">\n"
        "<box role=\"body\" x=\"0\" y=\"0\" w=\"800\" h=\"400\" size=\"24\" min-size=\"12\" cell-min-size=\"20\"/>"
        "</layout></layout-set>",
        d);
    ASSERT_TRUE(set);
    EXPECT_FALSE(d.has_errors());
    const BoxSpec* body = set->find("bullets")->box("body");
    EXPECT_EQ(body->min_size, 18);
    EXPECT_EQ(body->cell_min_size, 20);  // raising a floor is the set's to choose
    EXPECT_EQ(body->nested_min_size, 16);
    ASSERT_EQ(d.items().size(), 1u);
    EXPECT_EQ(d.items()[0].severity, Severity::Note);
    EXPECT_EQ(d.items()[0].where.line, 2);
    EXPECT_NE(d.items()[0].message.find("min-size 12 pt is below the readable floor for body text (18 pt)"),
              std::string::npos);

    Diagnostics wide;
    auto big = load_set(
        "<layout-set name=\"x\" width=\"1920\" height=\"1080\"><colors><color name=\"text\" value=\"#000000\"/></colors>"
        "<layout name=\"bullets\">"
        "<box role=\"body\" x=\"0\" y=\"0\" w=\"1600\" h=\"800\" size=\"48\"/></layout></layout-set>",
        wide);
    ASSERT_TRUE(big);
    EXPECT_FALSE(wide.has_errors());
    const BoxSpec* b2 = big->find("bullets")->box("body");
    EXPECT_EQ(b2->min_size, 48);  // no min-size: no shrinking
    EXPECT_EQ(b2->nested_min_size, 32);
    EXPECT_EQ(b2->cell_min_size, 28);
    EXPECT_EQ(b2->caption_min_size, 28);
}

TEST(Floors, EveryKindShrinksWithTheBodyDownToItsFloor) {
    const BoxSpec& body = *set_named("briefing").find("table")->box("body");
    TextSizes normal = text_sizes(body, body.style.size);
    EXPECT_NEAR(normal.cell, body.style.size * body.table_scale, 1e-9);  // the table's own scale
    double lowest = lowest_fit_size(body);
    EXPECT_LT(lowest, body.min_size);  // cells may shrink below where body text stops
    TextSizes low = text_sizes(body, lowest);
    EXPECT_EQ(low.body, 18);
    EXPECT_NEAR(low.cell, 14, 1e-9);
    EXPECT_GE(low.nested1, 16);
    EXPECT_GE(low.code, 14);
    EXPECT_GE(low.caption, 14);
    EXPECT_EQ(drawn_body_size(body, 10), 18);
}

TEST_P(EachSet, FourteenStepsAreOneSlideAtTheFloorOrTwoOfSeven) {
    for (const std::string text : {"を行う", "番目の手順で、関係部署と内容を確認して合意します"}) {
        Laid l = lay_out(load("<slide id=\"s\"><title>手順</title><list ordered=\"true\">" + steps(14, text) +
                              "</list></slide>"),
                         GetParam());
        if (l.slides.size() == 1) {
            EXPECT_GE(box(l.slides[0], "body")->font_size, 18) << text;
            EXPECT_FALSE(box(l.slides[0], "body")->overflow);
        } else {
            ASSERT_EQ(l.slides.size(), 2u) << text;
            EXPECT_EQ(std::get<List>(l.deck.slides[0].blocks[0]).items.size(), 7u);
            EXPECT_EQ(std::get<List>(l.deck.slides[1].blocks[0]).items.size(), 7u);
            EXPECT_EQ(box(l.slides[0], "body")->font_size, box(l.slides[1], "body")->font_size);
        }
    }
}

TEST_P(EachSet, RunsAreSetAtOneSizeAndSplitEvenly) {
    // 15 to 40 items: greedy filling would leave a lone item or two at the end.
    for (int n : {15, 17, 22, 29, 40}) {
        Laid l = lay_out(load("<slide id=\"s\"><title>T</title><list>" + steps(n) + "</list></slide>"), GetParam());
        ASSERT_GE(l.slides.size(), 2u) << n;
        std::set<double> sizes;
        std::vector<std::size_t> items;
        for (std::size_t i = 0; i < l.slides.size(); ++i) {
            sizes.insert(box(l.slides[i], "body")->font_size);
            EXPECT_FALSE(box(l.slides[i], "body")->overflow);
            EXPECT_GT(l.deck.slides[i].fit_size, 0);
            items.push_back(std::get<List>(l.deck.slides[i].blocks[0]).items.size());
        }
        EXPECT_EQ(sizes.size(), 1u) << n;
        EXPECT_GE(*sizes.begin(), 18) << n;
        auto [lo, hi] = std::minmax_element(items.begin(), items.end());
        EXPECT_GE(*lo * 2, *hi) << n << " items split " << ::testing::PrintToString(items);
    }
}

TEST_P(EachSet, AnItemStaysWithItsNestedList) {
    std::string list;
    for (int i = 1; i <= 12; ++i)
        list += "<item>P" + std::to_string(i) + " 親の項目です<list><item>C" + std::to_string(i) +
                "-1 子の項目</item><item>C" + std::to_string(i) + "-2 子の項目</item></list></item>";
    Laid l = lay_out(load("<slide id=\"s\"><title>T</title><list>" + list + "</list></slide>"), GetParam());
    ASSERT_GE(l.slides.size(), 2u);
    for (const auto& s : l.deck.slides)
        for (const auto& item : std::get<List>(s.blocks[0]).items) {
            EXPECT_FALSE(item.text.empty()) << s.id;  // no carrier: nothing was split from its parent
            ASSERT_EQ(item.children.size(), 1u);
            EXPECT_EQ(item.children[0].items.size(), 2u);
        }
    for (const auto& s : l.slides) EXPECT_GE(lines_of_kind(s, "nested"), 2);
}

TEST_P(EachSet, TablePiecesHoldAtLeastTwoBodyRows) {
    for (int rows : {13, 21, 30, 31}) {
        std::string t = "<table><row header=\"true\"><cell>項目</cell><cell>値</cell></row>";
        for (int r = 1; r <= rows; ++r) t += "<row><cell>R" + std::to_string(r) + " 拠点</cell><cell>1,234</cell></row>";
        Laid l = lay_out(load("<slide id=\"t\"><title>T</title>" + t + "</table></slide>"), GetParam());
        int total = 0;
        std::set<double> sizes;
        for (std::size_t i = 0; i < l.deck.slides.size(); ++i) {
            const Table& table = std::get<Table>(l.deck.slides[i].blocks[0]);
            int body = static_cast<int>(std::count_if(table.rows.begin(), table.rows.end(), [](const TableRow& r) { return !r.header; }));
            EXPECT_GE(body, 2) << rows << " rows, piece " << i;
            EXPECT_TRUE(table.rows.front().header);
            total += body;
            for (const auto& line : box(l.slides[i], "body")->lines) {
                EXPECT_EQ(line.kind, "cell");
                EXPECT_GE(line.size, 14);
                sizes.insert(line.size);
            }
        }
        EXPECT_EQ(total, rows);
        EXPECT_EQ(sizes.size(), 1u) << rows;
    }
}

TEST_P(EachSet, FiveBigNumbersStandThreeAndTwoOnOneSlideAtOneSize) {
    std::string figures;
    const char* values[] = {"+12.4%", "98.7%", "3.2億円", "1,250社", "4.6", "−18%", "42日"};
    for (int k = 0; k < 5; ++k)
        figures += std::string("<figure-number value=\"") + values[k] + "\" label=\"指標\">注記</figure-number>";
    Laid l = lay_out(load("<slide id=\"f\"><title>T</title>" + figures + "</slide>"), GetParam());
    ASSERT_EQ(l.slides.size(), 1u);
    std::map<double, int> rows;
    std::set<double> sizes;
    for (const auto& line : box(l.slides[0], "body")->lines)
        if (line.kind == "value") ++rows[line.y], sizes.insert(line.size);
    EXPECT_EQ(sizes.size(), 1u);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows.begin()->second, 3);
    EXPECT_EQ(rows.rbegin()->second, 2);
    for (const auto& line : box(l.slides[0], "body")->lines) {
        if (line.kind == "caption") {
            EXPECT_GE(line.size, 14);  // big-number notes keep their floor
        }
    }
}

TEST_P(EachSet, ASeventhBigNumberContinuesInTheSameGridAndSize) {
    std::string figures;
    const char* values[] = {"+12.4%", "98.7%", "3.2億円", "1,250社", "4.6", "−18%", "42日"};
    for (const char* v : values) figures += std::string("<figure-number value=\"") + v + "\" label=\"指標\"/>";
    Laid l = lay_out(load("<slide id=\"f\"><title>T</title>" + figures + "</slide>"), GetParam());
    ASSERT_EQ(l.slides.size(), 2u);
    std::set<double> sizes, xs_first, xs_second;
    int count = 0;
    for (std::size_t i = 0; i < 2; ++i)
        for (const auto& line : box(l.slides[i], "body")->lines)
            if (line.kind == "value") {
                ++count;
                sizes.insert(line.size);
                (i == 0 ? xs_first : xs_second).insert(std::round(line.x));
            }
    EXPECT_EQ(count, 7);
    EXPECT_EQ(sizes.size(), 1u);
    EXPECT_EQ(xs_first.size(), 3u);  // a grid of three
    for (double x : xs_second) EXPECT_TRUE(xs_first.count(x)) << x;
}

TEST_P(EachSet, AgendaKeepsATitlesOwnNumberAndNumbersTheRest) {
    auto agenda_lines = [&](const std::string& sections) {
        Laid l = lay_out(load("<slide id=\"a\"><title>アジェンダ</title><agenda/></slide>" + sections), GetParam());
        std::vector<std::string> out;
        for (const auto& line : box(l.slides[0], "body")->lines) {
            out.push_back(line.text);
        }
        return out;
    };
    auto numbered = agenda_lines(
        "<section title=\"1. 進捗\"><slide><title>x</title><p>a</p></slide></section>"
        "<section title=\"2）課題\"><slide><title>y</title><p>b</p></slide></section>"
        "<section title=\"第3章 展望\"><slide><title>z</title><p>c</p></slide></section>");
    EXPECT_EQ(numbered, (std::vector<std::string>{"1. 進捗", "2）課題", "第3章 展望"}));
    auto plain = agenda_lines(
        "<section title=\"進捗\"><slide><title>x</title><p>a</p></slide></section>"
        "<section title=\"2026年の計画\"><slide><title>y</title><p>b</p></slide></section>");
    EXPECT_EQ(plain, (std::vector<std::string>{"01", "進捗", "02", "2026年の計画"}));
}

TEST_P(EachSet, TheCoverShowsTheDate) {
    Laid l = lay_out(load("<slide id=\"c\"><title>表紙</title></slide><slide id=\"b\"><title>T</title><p>本文</p></slide>",
                          "<meta><title>表紙</title><date>2026-11-20</date><author>情報システム部</author></meta>"),
                     GetParam());
    std::string meta;
    for (const auto& b : l.slides[0].boxes)
        for (const auto& line : b.lines) meta += line.text + "|";
    EXPECT_NE(meta.find("2026年11月20日"), std::string::npos) << meta;
    Laid undated = lay_out(load("<slide id=\"c\"><title>表紙</title></slide>", "<meta><title>表紙</title></meta>"), GetParam());
    for (const auto& b : undated.slides[0].boxes)
        for (const auto& line : b.lines) EXPECT_NE(line.text.rfind("\u3000", 0), 0u) << "a dangling separator: " << line.text;
}

TEST_P(EachSet, TheStatementTitleIsSetLikeEveryOtherTitle) {
    const LayoutSet& set = set_named(GetParam());
    const BoxSpec* statement = set.find("statement")->box("title");
    const BoxSpec* bullets = set.find("bullets")->box("title");
    EXPECT_EQ(statement->x, bullets->x);
    EXPECT_EQ(statement->y, bullets->y);
    EXPECT_EQ(statement->w, bullets->w);
    EXPECT_EQ(statement->h, bullets->h);
    EXPECT_EQ(statement->style.size, bullets->style.size);
    EXPECT_EQ(statement->style.color.r, bullets->style.color.r);
    EXPECT_EQ(statement->style.bold, bullets->style.bold);
}

TEST(Floors, ShrinkNoteAndRunWarningReportTheSizesDrawn) {
    // A table alone: the note names the cells' size (the table's own scale counted).
    std::string t = "<table><row header=\"true\"><cell>項目</cell><cell>値</cell></row>";
    for (int r = 1; r <= 9; ++r) t += "<row><cell>R" + std::to_string(r) + " 拠点</cell><cell>1,234</cell></row>";
    Deck deck = load("<slide id=\"t\"><title>T</title>" + t + "</table></slide>");
    Laid l = lay_out(deck, "briefing");
    ASSERT_EQ(l.slides.size(), 1u);
    const DumpBox* body = box(l.slides[0], "body");
    double cell = body->lines.front().size;
    int notes = 0;
    for (const auto& item : l.slides[0].diags.items()) {
        if (item.severity != Severity::Note) continue;
        ++notes;
        EXPECT_NE(item.message.find("table cells shrank from"), std::string::npos) << item.message;
        EXPECT_NE(item.message.find("to " + format_size(cell) + " pt"), std::string::npos) << item.message;
    }
    EXPECT_EQ(notes, 1);
    EXPECT_LT(cell, 18);
    // A run: the warning's size is the size every piece is drawn at.
    Diagnostics d;
    Deck run = paginate(load("<slide id=\"s\"><title>T</title><list>" + steps(30) + "</list></slide>"),
                        set_named("briefing"), test::engine(), d);
    ASSERT_EQ(d.warning_count(), 1u);
    auto first = layout_slide(run, 0, set_named("briefing"), test::engine());
    EXPECT_NE(d.items()[0].message.find("each set at " + format_size(box(first, "body")->font_size) + " pt"),
              std::string::npos)
        << d.items()[0].message;
    EXPECT_NE(d.items()[0].message.find("does not fit even at 18 pt"), std::string::npos) << d.items()[0].message;
}

INSTANTIATE_TEST_SUITE_P(Sets, EachSet, ::testing::Values("briefing", "hall"));
