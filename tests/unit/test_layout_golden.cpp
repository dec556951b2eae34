// The JSON layout dump (--dump-layout) of single slides against goldens in
// tests/golden/render/layout-dump/ (the render stage's contract dump; see
// tests/unit/golden.h). Regenerate after an intended change with
// KS_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>


#include "export/dump/layout_dump.h"
#include "golden.h"
#include "layout/paginate.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "test_support.h"

using namespace ks;

namespace {

struct Seed {
    Deck deck;
    LayoutSet set;
};

const Seed& seed() {
    static Seed s = [] {
        Diagnostics d;
        auto deck = load_outline(test::source_path("content/deck.xml"), d);
        auto set = load_layout_set(test::source_path("layouts/briefing.xml"), d);
        if (!deck || !set || d.has_errors()) throw std::runtime_error("seed deck or layouts do not load");
        return Seed{*deck, *set};
    }();
    return s;
}

std::size_t slide_index(const std::string& id) {
    for (std::size_t i = 0; i < seed().deck.slides.size(); ++i)
        if (seed().deck.slides[i].id == id) return i;
    throw std::runtime_error("no slide " + id);
}

}  // namespace

class LayoutGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(LayoutGolden, MatchesGoldenDump) {
    std::string id = GetParam();
    auto layout = layout_slide(seed().deck, slide_index(id), seed().set, test::engine());
    layout.index = 0;  // the golden file does not depend on the slide's place in the deck
    test::expect_golden_text("render/layout-dump", "seed-" + id + ".json",
                             layout_dump_json(Document{{layout.frame}, {}, {}}));
}

INSTANTIATE_TEST_SUITE_P(golden, LayoutGolden, ::testing::Values("s2-1", "overview"), [](const auto& info) {
    std::string n = info.param;
    for (auto& c : n)
        if (c == '-') c = '_';
    return n;
});

TEST(SlideLayout, SeedDeckFitsWithoutWarnings) {
    for (std::size_t i = 0; i < seed().deck.slides.size(); ++i) {
        auto layout = layout_slide(seed().deck, i, seed().set, test::engine());
        for (const auto& d : layout.diags.items())  // notes (a body shrunk by half a point) are fine
            if (d.severity != Severity::Note) ADD_FAILURE() << format_diagnostic(d);
        for (const auto& b : layout.boxes) {
            EXPECT_FALSE(b.overflow) << layout.id << " " << b.role;
            EXPECT_GE(b.y, 0);
            for (const auto& l : b.lines) EXPECT_LE(l.x + l.w, b.x + b.w + 0.5) << layout.id << ": " << l.text;
        }
    }
}

TEST(SlideLayout, ChoosesLayoutsFromContent) {
    const auto& d = seed().deck;
    EXPECT_EQ(choose_layout(d.slides[0], 0, seed().set), "title");
    Slide bare;
    bare.title.spans.push_back({"章", false, false, false, {}});
    EXPECT_EQ(choose_layout(bare, 3, seed().set), "section");
    Slide with_table = bare;
    with_table.blocks.push_back(Table{});
    EXPECT_EQ(choose_layout(with_table, 3, seed().set), "table");
    Slide with_text = bare;
    with_text.blocks.push_back(Paragraph{});
    EXPECT_EQ(choose_layout(with_text, 3, seed().set), "bullets");
}

TEST(SlideLayout, OverflowIsReportedNotSilent) {
    Diagnostics d;
    std::string many;
    for (int i = 0; i < 40; ++i) many += "<item>とても長い項目のテキストがここに入ります。これは収まりません。</item>";
    auto deck = load_outline_from_string("long.xml", "<deck><slide id=\"x\"><title>多すぎる</title><list>" + many +
                                                         "</list></slide></deck>", d);
    ASSERT_TRUE(deck);
    auto layout = layout_slide(*deck, 0, seed().set, test::engine());
    bool flagged = false;
    for (const auto& b : layout.boxes)
        if (b.role == "body") flagged = b.overflow;
    EXPECT_TRUE(flagged);
    // Without pagination the body cannot fit: an error, never a silent clip.
    ASSERT_EQ(layout.diags.error_count(), 1u);
    EXPECT_NE(layout.diags.items()[0].message.find("does not fit"), std::string::npos);
    EXPECT_EQ(layout.diags.items()[0].where.file, "long.xml");
}

// One slide of each layout kind and each element, from the elements deck
// after fitting (long-columns-2 is a continued columns piece).
namespace {

struct Elements {
    Deck deck;
};

const Elements& elements() {
    static Elements e = [] {
        Diagnostics d;
        auto deck = load_outline(test::source_path("tests/fixtures/decks/elements/deck.xml"), d);
        if (!deck || d.has_errors()) throw std::runtime_error("elements deck does not load");
        return Elements{paginate(*deck, seed().set, test::engine(), d)};
    }();
    return e;
}

}  // namespace

class ElementsGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ElementsGolden, MatchesGoldenDump) {
    std::string id = GetParam();
    const Deck& deck = elements().deck;
    std::size_t index = deck.slides.size();
    for (std::size_t i = 0; i < deck.slides.size(); ++i)
        if (deck.slides[i].id == id) index = i;
    ASSERT_LT(index, deck.slides.size()) << "no slide " << id;
    auto layout = layout_slide(deck, index, seed().set, test::engine());
    layout.index = 0;
    test::expect_golden_text("render/layout-dump", "elements-" + id + ".json",
                             layout_dump_json(Document{{layout.frame}, {}, {}}));
}

// title, section, agenda (none and current highlighted), two-columns, comparison, image,
// image-text, statement (figure-number, quote), table, bullets (pre, cover image),
// a continued columns piece, closing.
INSTANTIATE_TEST_SUITE_P(golden, ElementsGolden,
                         ::testing::Values("cover", "agenda", "current", "options", "site", "trend", "part-2", "agenda-2",
                                           "figures", "voice", "costs", "api", "cover-photo", "long-columns-2",
                                           "closing"),
                         [](const auto& info) {
                             std::string n = info.param;
                             for (auto& c : n)
                                 if (c == '-') c = '_';
                             return n;
                         });
