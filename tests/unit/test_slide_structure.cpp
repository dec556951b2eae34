// The structure layout records beside the ink (frame/structure.h), on the
// pptx test deck: roles in reading order, list levels and numbers, table
// cells, figures with alt text and crop, the master's furniture with its
// fields, notes and sections; charts with their data (charts deck); and
// every element's items are frame items that draw its text.
#include <gtest/gtest.h>

#include <algorithm>

#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "test_support.h"

using namespace ks;

namespace {

struct Laid {
    Deck deck;
    std::vector<SlideLayout> slides;
};

Laid lay_out(const std::string& deck_path) {
    Diagnostics d;
    auto deck = load_outline(test::source_path(deck_path), d);
    auto set = load_layout_set(test::source_path("layouts/briefing.xml"), d);
    if (!deck || !set || d.has_errors()) throw std::runtime_error(deck_path + " or layouts do not load");
    Laid out;
    out.deck = paginate(*deck, *set, test::engine(), d);
    for (std::size_t i = 0; i < out.deck.slides.size(); ++i)
        out.slides.push_back(layout_slide(out.deck, i, *set, test::engine()));
    return out;
}

const Laid& laid() {
    static Laid l = lay_out("tests/fixtures/decks/pptx/deck.xml");
    return l;
}

const Laid& charts() {
    static Laid l = lay_out("tests/fixtures/decks/charts/deck.xml");
    return l;
}

const SlideStructure& structure_of(const std::string& id, const Laid& from = laid()) {
    for (const auto& s : from.slides)
        if (s.id == id) return s.frame->record.structure;
    throw std::runtime_error("no slide " + id);
}

std::vector<const StructElement*> of_kind(const SlideStructure& s, StructKind kind) {
    std::vector<const StructElement*> out;
    for (const auto& e : s.elements)
        if (e.kind == kind) out.push_back(&e);
    return out;
}

std::string text_of(const StructParagraph& p) {
    std::string t;
    for (const auto& l : p.lines) {
        if (!t.empty()) t += "\n";
        for (const auto& r : l.runs) t += r.text;
    }
    return t;
}

}  // namespace

TEST(SlideStructure, ListsHaveLevelsNumbersAndStyledRuns) {
    const auto& s = structure_of("lists");
    ASSERT_EQ(of_kind(s, StructKind::Title).size(), 1u);
    auto lists = of_kind(s, StructKind::List);
    ASSERT_EQ(lists.size(), 1u);
    std::vector<int> levels;
    for (const auto& p : lists[0]->paragraphs) levels.push_back(p.level);
    EXPECT_EQ(levels, (std::vector<int>{0, 1, 1, 2, 0}));
    EXPECT_FALSE(lists[0]->ordered);
    const auto& first = lists[0]->paragraphs[0];
    ASSERT_FALSE(first.lines.empty());
    EXPECT_TRUE(first.lines[0].runs[0].bold);
    EXPECT_EQ(first.lines[0].runs[0].text, "Compute");
    EXPECT_LT(first.marker_x, first.lines[0].x);  // the bullet stands left of the text
    // The paragraph with <br/>: two lines, the second after a hard break; code and italic runs.
    auto texts = of_kind(s, StructKind::Text);
    ASSERT_FALSE(texts.empty());
    const auto& para = texts[0]->paragraphs[0];
    ASSERT_GE(para.lines.size(), 2u);
    EXPECT_TRUE(para.lines.back().hard_break);
    bool code = false, italic = false;
    for (const auto& l : para.lines)
        for (const auto& r : l.runs) code = code || (r.code && r.text == "code"), italic = italic || r.italic;
    EXPECT_TRUE(code);
    EXPECT_TRUE(italic);
    EXPECT_EQ(s.notes.size(), 2u);
    EXPECT_EQ(s.section, "1. 本文と箇条書き");
}

TEST(SlideStructure, OrderedListsCarryTheirNumbers) {
    auto lists = of_kind(structure_of("ordered"), StructKind::List);
    ASSERT_EQ(lists.size(), 1u);
    EXPECT_TRUE(lists[0]->ordered);
    std::vector<int> numbers;
    for (const auto& p : lists[0]->paragraphs) numbers.push_back(p.number);
    EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3}));
}

TEST(SlideStructure, ContinuedListsGoOnWhereTheyStopped) {
    std::size_t items = 0, slides = 0;
    for (const auto& s : laid().slides) {
        if (s.id.rfind("long", 0) != 0) continue;
        ++slides;
        for (const auto* e : of_kind(s.frame->record.structure, StructKind::List)) items += e->paragraphs.size();
    }
    EXPECT_GE(slides, 2u);
    EXPECT_EQ(items, 18u);  // every item once, over the continuation slides
}

TEST(SlideStructure, TablesHaveCellsInRowsWithHeaders) {
    const auto& s = structure_of("table");
    auto tables = of_kind(s, StructKind::Table);
    ASSERT_EQ(tables.size(), 1u);
    const auto& t = *tables[0];
    EXPECT_EQ(t.table_rows, 4);
    EXPECT_EQ(t.table_cols, 4);
    EXPECT_EQ(t.col_widths.size(), 4u);
    EXPECT_EQ(t.row_heights.size(), 4u);
    ASSERT_EQ(t.paragraphs.size(), 16u);
    EXPECT_TRUE(t.paragraphs[0].header);
    EXPECT_FALSE(t.paragraphs[4].header);
    EXPECT_EQ(text_of(t.paragraphs[5]), "3.2");
    EXPECT_EQ(t.paragraphs[5].align, StructAlign::Right);
    EXPECT_EQ(t.paragraphs[7].align, StructAlign::Center);
    EXPECT_EQ(of_kind(s, StructKind::Caption).size(), 1u);  // 単位：億円
}

TEST(SlideStructure, FiguresCarryAltTextFileAndCrop) {
    auto svg = of_kind(structure_of("svg"), StructKind::Figure);
    ASSERT_EQ(svg.size(), 1u);
    EXPECT_EQ(svg[0]->image.alt, "受付から回答までの流れ");
    EXPECT_EQ(svg[0]->image.format, ImageFormat::Svg);
    EXPECT_FALSE(svg[0]->image.path.empty());
    auto cover = of_kind(structure_of("photo"), StructKind::Figure);
    ASSERT_EQ(cover.size(), 1u);
    EXPECT_GT(cover[0]->image.crop_top + cover[0]->image.crop_left, 0.0);  // fit="cover" is cropped
}

// A chart is a figure carrying its data and look (what the PowerPoint writer
// rebuilds it from): values with gaps and minus, hatching on every second
// series of bars, the axis and plot area as drawn.
TEST(SlideStructure, ChartFiguresCarryTheirDataAndLook) {
    auto regions = of_kind(structure_of("regions", charts()), StructKind::Figure);
    ASSERT_EQ(regions.size(), 1u);
    ASSERT_TRUE(regions[0]->chart.has_value());
    const StructChart& stacked = *regions[0]->chart;
    EXPECT_EQ(stacked.type, "stacked-column");
    EXPECT_EQ(stacked.unit, "億円");
    EXPECT_EQ(stacked.category_label, "四半期");
    ASSERT_EQ(stacked.series.size(), 3u);
    EXPECT_EQ(stacked.series[1].name, "アジア");
    EXPECT_EQ(stacked.series[0].values[3], 101.0);
    EXPECT_FALSE(stacked.series[0].hatch.has_value());
    EXPECT_TRUE(stacked.series[1].hatch.has_value());
    EXPECT_FALSE(stacked.series[2].hatch.has_value());
    EXPECT_TRUE(stacked.legend);
    EXPECT_EQ(stacked.axis_min, 0.0);
    EXPECT_GE(stacked.axis_max, 181.0);
    EXPECT_GT(stacked.axis_step, 0.0);
    EXPECT_GT(stacked.plot_w, 0.0);
    EXPECT_LE(stacked.plot_x + stacked.plot_w, regions[0]->w + 0.01);
    EXPECT_FALSE(stacked.family.empty());

    const StructChart& line = *of_kind(structure_of("margin", charts()), StructKind::Figure)[0]->chart;
    EXPECT_EQ(line.series[0].values[2], std::nullopt);  // an empty cell is a gap
    EXPECT_EQ(line.value_decimals, 1);
    EXPECT_FALSE(line.series[1].hatch.has_value());  // lines are never hatched

    const StructChart& bar = *of_kind(structure_of("profit", charts()), StructKind::Figure)[0]->chart;
    EXPECT_EQ(bar.series[0].values[3], -6.5);  // △6.5
    EXPECT_LT(bar.axis_min, 0.0);
    EXPECT_FALSE(bar.legend);

    const StructChart& monthly = *of_kind(structure_of("monthly", charts()), StructKind::Figure)[0]->chart;
    EXPECT_GT(monthly.category_every, 1);  // "2025年1月" would tear in its slot: labels at an interval
    EXPECT_EQ(stacked.category_every, 1);

    const StructChart& pie = *of_kind(structure_of("mix", charts()), StructKind::Figure)[0]->chart;
    EXPECT_EQ(pie.slice_colors.size(), pie.categories.size());
    EXPECT_TRUE(pie.legend);
}

TEST(SlideStructure, TheMastersFurnitureIsMarkedWithItsFields) {
    const auto& s = structure_of("table");
    auto furniture = of_kind(s, StructKind::Furniture);
    bool page = false;
    for (const auto* e : furniture) {
        EXPECT_TRUE(e->from_master);
        EXPECT_TRUE(s.master_items.contains(e->items.begin));
        if (e->furniture == "page-number") {
            page = true;
            EXPECT_EQ(e->field_text, "{page} / " + std::to_string(laid().slides.size()));
        }
    }
    EXPECT_TRUE(page);
}

TEST(SlideStructure, ElementItemsDrawTheirText) {
    for (const auto& slide : laid().slides) {
        const Frame& f = *slide.frame;
        for (const auto& e : f.record.structure.elements) {
            EXPECT_LE(e.items.end, f.items.size()) << slide.id;
            for (const auto& p : e.paragraphs) {
                if (p.lines.empty() || p.lines[0].runs.empty() || e.kind == StructKind::Code) continue;
                ASSERT_FALSE(p.items.empty()) << slide.id;
                EXPECT_TRUE(e.items.contains(p.items.begin)) << slide.id;
                const auto* run = std::get_if<GlyphRun>(&f.items[p.items.begin].item);
                ASSERT_NE(run, nullptr) << slide.id << " " << text_of(p);
                EXPECT_EQ(run->text, p.lines[0].runs[0].text) << slide.id;
            }
        }
    }
}
