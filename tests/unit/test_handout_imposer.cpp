// The handout imposer: page counts per style, slides inside the printable
// area, reading order, orientation choice, notes that are never cut, the
// outline report, bookmarks and print furniture.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "handout/handout_geometry.h"
#include "app/slides_document.h"
#include "handout/handout_imposer.h"
#include "test_support.h"

using namespace ks;

namespace {

constexpr double kMinMargin = 12 * 72.0 / 25.4;

RichText rt(const std::string& s) { return plain_text(s); }

// A deck of n slides in two sections (title slide outside), each slide a
// 960×540 frame with a coloured bar, and notes on every other slide.
struct Fixture {
    Deck deck;
    std::vector<std::shared_ptr<const Frame>> frames;
};

Fixture make_deck(std::size_t n, const std::string& long_notes = "") {
    Fixture f;
    f.deck.meta.title = "テスト用の配布資料";
    f.deck.meta.date = "2025-06-26";
    f.deck.meta.confidentiality = "社外秘";
    for (std::size_t i = 0; i < n; ++i) {
        Slide s;
        s.id = "s" + std::to_string(i + 1);
        s.title = rt("スライド見出し" + std::to_string(i + 1));
        if (i % 2 == 1) s.notes = rt("このスライドでは要点を説明します。\n\n次の話題に移ります。");
        if (i == 1 && !long_notes.empty()) s.notes = rt(long_notes);
        List l;
        ListItem a;
        a.text = rt("箇条書きの項目" + std::to_string(i + 1));
        ListItem b;
        b.text = rt("入れ子の親");
        List child;
        ListItem c;
        c.text = rt("入れ子の子" + std::to_string(i + 1));
        child.items.push_back(c);
        b.children.push_back(child);
        l.items = {a, b};
        s.blocks.push_back(l);
        f.deck.slides.push_back(s);
        auto fr = std::make_shared<Frame>();
        fr->width = 960;
        fr->height = 540;
        fr->background = Color{0.95, 0.95, 0.97, 1};
        Shape bar;
        bar.w = 960;
        bar.h = 60;
        bar.fill = Color{0.1, 0.2, 0.5, 1};
        fr->push({0, 0}, bar);
        f.frames.push_back(fr);
    }
    if (n >= 3) {
        f.deck.sections.push_back({"第一部", 1, (n - 1) / 2, {}});
        f.deck.sections.push_back({"第二部", 1 + (n - 1) / 2, n - 1 - (n - 1) / 2, {}});
        for (const auto& sec : f.deck.sections)
            for (std::size_t i = sec.first_slide; i < sec.first_slide + sec.slide_count; ++i)
                f.deck.slides[i].section = sec.title;
    }
    return f;
}

Document impose(const Fixture& f, HandoutOptions o, Diagnostics* d = nullptr) {
    Diagnostics local;
    return impose_handout(f.deck, slides_document(f.deck, f.frames, {}), test::engine(), o, d ? *d : local);
}

HandoutOptions opts(const std::string& style, const std::string& order = "horizontal",
                    const std::string& paper = "a4", const std::string& orientation = "auto") {
    HandoutOptions o;
    o.style = style;
    o.order = order;
    o.paper = paper;
    o.orientation = orientation;
    return o;
}

struct Placed {
    double x, y, w, h;
};

// Slide groups on a page, in drawing order.
std::vector<Placed> slides_on(const Frame& page);
std::vector<Placed> slides_on(const std::shared_ptr<const Frame>& page) { return slides_on(*page); }
std::string page_text(const Frame& page);
std::string page_text(const std::shared_ptr<const Frame>& page) { return page_text(*page); }

std::vector<Placed> slides_on(const Frame& page) {
    std::vector<Placed> out;
    for (const auto& it : page.items)
        if (const auto* g = std::get_if<Group>(&it.item))
            out.push_back({it.pos.x, it.pos.y, g->frame->width * g->transform.a, g->frame->height * g->transform.d});
    return out;
}

// Ink extent of every top-level item (glyph runs approximately).
std::vector<Placed> extents(const Frame& page) {
    std::vector<Placed> out;
    for (const auto& it : page.items) {
        const Point p = it.pos;
        if (const auto* g = std::get_if<Group>(&it.item))
            out.push_back({p.x, p.y, g->frame->width * g->transform.a, g->frame->height * g->transform.d});
        else if (const auto* r = std::get_if<GlyphRun>(&it.item))
            out.push_back({p.x, p.y - r->size * 0.9, r->width, r->size * 1.15});
        else if (const auto* s = std::get_if<Shape>(&it.item)) {
            const double sw = s->stroke ? s->stroke_width / 2 : 0;
            out.push_back({p.x - sw, p.y - sw, s->w + 2 * sw, s->h + 2 * sw});
        }
    }
    return out;
}

std::string page_text(const Frame& page) {
    std::string s;
    for (const auto& it : page.items)
        if (const auto* r = std::get_if<GlyphRun>(&it.item)) s += r->text;
    return s;
}

std::string strip_ws(const std::string& s) {
    std::string o;
    for (char c : s)
        if (c != ' ' && c != '\n') o += c;
    return o;
}

std::size_t ceil_div(std::size_t a, std::size_t b) { return (a + b - 1) / b; }

}  // namespace

TEST(HandoutOptions, Validation) {
    std::string msg;
    EXPECT_TRUE(validate_handout_options(HandoutOptions{}, msg));
    for (const char* s : {"1", "2", "3", "4", "6", "9", "notes", "outline"})
        EXPECT_TRUE(validate_handout_options(opts(s), msg)) << s;
    EXPECT_FALSE(validate_handout_options(opts("5"), msg));
    EXPECT_NE(msg.find("'5'"), std::string::npos);
    EXPECT_FALSE(validate_handout_options(opts("3", "diagonal"), msg));
    EXPECT_FALSE(validate_handout_options(opts("3", "horizontal", "a3"), msg));
    EXPECT_FALSE(validate_handout_options(opts("3", "horizontal", "a4", "upside"), msg));
}

TEST(HandoutOptions, AutoOrientationPicksLargerSlides) {
    for (const char* paper : {"a4", "letter"}) {
        EXPECT_EQ(resolved_orientation(opts("1", "horizontal", paper)), "portrait");
        EXPECT_EQ(resolved_orientation(opts("2", "horizontal", paper)), "portrait");
        EXPECT_EQ(resolved_orientation(opts("3", "horizontal", paper)), "portrait");
        EXPECT_EQ(resolved_orientation(opts("notes", "horizontal", paper)), "portrait");
        EXPECT_EQ(resolved_orientation(opts("outline", "horizontal", paper)), "portrait");
        EXPECT_EQ(resolved_orientation(opts("4", "horizontal", paper)), "landscape");
        EXPECT_EQ(resolved_orientation(opts("6", "horizontal", paper)), "portrait");
        EXPECT_EQ(resolved_orientation(opts("9", "horizontal", paper)), "landscape");
    }
    EXPECT_EQ(resolved_orientation(opts("4", "horizontal", "a4", "portrait")), "portrait");
}

TEST(HandoutImposer, PageCountsPerStyle) {
    const std::vector<std::pair<std::string, std::size_t>> styles{{"1", 1}, {"2", 2}, {"3", 3},
                                                                  {"4", 4}, {"6", 6}, {"9", 9}};
    for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 7u, 10u, 19u}) {
        const Fixture f = make_deck(n);
        for (const auto& [style, per] : styles) {
            const auto doc = impose(f, opts(style));
            EXPECT_EQ(doc.pages.size(), std::max<std::size_t>(1, ceil_div(n, per))) << style << " with " << n;
            std::size_t placed = 0;
            for (const auto& p : doc.pages) placed += slides_on(p).size();
            EXPECT_EQ(placed, n);
        }
        // Notes: one page per slide when the notes are short.
        EXPECT_EQ(impose(f, opts("notes")).pages.size(), std::max<std::size_t>(1, n)) << n;
    }
}

TEST(HandoutImposer, EverythingInsideThePrintableArea) {
    const Fixture f = make_deck(10);
    for (const char* style : {"1", "2", "3", "4", "6", "9", "notes", "outline"})
        for (const char* paper : {"a4", "letter"})
            for (const char* orient : {"auto", "portrait", "landscape"}) {
                const auto o = opts(style, "horizontal", paper, orient);
                const auto doc = impose(f, o);
                const auto size = handout::paper_size(paper, resolved_orientation(o));
                for (std::size_t p = 0; p < doc.pages.size(); ++p) {
                    const Frame& page = *doc.pages[p];
                    EXPECT_NEAR(page.width, size.width, 0.01);
                    EXPECT_NEAR(page.height, size.height, 0.01);
                    for (const Placed& e : extents(page)) {
                        EXPECT_GE(e.x, kMinMargin) << style << " " << paper << " " << orient << " page " << p;
                        EXPECT_GE(e.y, kMinMargin) << style << " " << paper << " " << orient << " page " << p;
                        EXPECT_LE(e.x + e.w, page.width - kMinMargin) << style << " " << paper << " " << orient;
                        EXPECT_LE(e.y + e.h, page.height - kMinMargin) << style << " " << paper << " " << orient;
                    }
                    // Slides never overlap one another.
                    const auto s = slides_on(page);
                    for (std::size_t i = 0; i < s.size(); ++i)
                        for (std::size_t j = i + 1; j < s.size(); ++j) {
                            const bool apart = s[i].x + s[i].w <= s[j].x + 0.01 || s[j].x + s[j].w <= s[i].x + 0.01 ||
                                               s[i].y + s[i].h <= s[j].y + 0.01 || s[j].y + s[j].h <= s[i].y + 0.01;
                            EXPECT_TRUE(apart) << style;
                        }
                }
            }
}

TEST(HandoutImposer, OrderHorizontalAndVertical) {
    const Fixture f = make_deck(6);
    // 6 a page, portrait: 2 columns × 3 rows.
    const auto h = slides_on(impose(f, opts("6", "horizontal")).pages[0]);
    const auto v = slides_on(impose(f, opts("6", "vertical")).pages[0]);
    ASSERT_EQ(h.size(), 6u);
    ASSERT_EQ(v.size(), 6u);
    // Horizontal: slide 2 is right of slide 1 on the same row.
    EXPECT_GT(h[1].x, h[0].x);
    EXPECT_DOUBLE_EQ(h[1].y, h[0].y);
    EXPECT_GT(h[2].y, h[0].y);
    EXPECT_DOUBLE_EQ(h[2].x, h[0].x);
    // Vertical: slide 2 is below slide 1 in the same column; slide 4 starts column 2.
    EXPECT_DOUBLE_EQ(v[1].x, v[0].x);
    EXPECT_GT(v[1].y, v[0].y);
    EXPECT_GT(v[3].x, v[0].x);
    EXPECT_DOUBLE_EQ(v[3].y, v[0].y);
    // Same cells, different order.
    EXPECT_DOUBLE_EQ(h[1].x, v[3].x);
    EXPECT_DOUBLE_EQ(h[1].y, v[3].y);
}

TEST(HandoutImposer, ThreeUpHasSlidesLeftAndNoteLinesRight) {
    const Fixture f = make_deck(3);
    const auto doc = impose(f, opts("3"));
    ASSERT_EQ(doc.pages.size(), 1u);
    const auto s = slides_on(doc.pages[0]);
    ASSERT_EQ(s.size(), 3u);
    std::size_t lines_right = 0;
    for (const auto& it : doc.pages[0]->items)
        if (const auto* sh = std::get_if<Shape>(&it.item))
            if (sh->kind == Shape::Kind::Line && it.pos.x > s[0].x + s[0].w) ++lines_right;
    EXPECT_GE(lines_right, 3u * 6u);
    EXPECT_GT(s[0].w, 250.0);  // slides stay readable
}

TEST(HandoutImposer, LongNotesContinueAndAreNeverCut) {
    std::string para = "長い発表者ノートの段落です。AWS Elemental MediaLive の構成と運用について詳しく述べます。";
    std::string notes;
    for (int i = 0; i < 80; ++i) notes += (i ? "\n\n" : "") + para + std::to_string(i);
    const Fixture f = make_deck(3, notes);
    const auto doc = impose(f, opts("notes"));
    EXPECT_GE(doc.pages.size(), 5u);  // slide 2 needs several pages
    std::string all;
    for (std::size_t p = 1; p + 1 < doc.pages.size(); ++p) all += page_text(doc.pages[p]);
    const std::string flat = strip_ws(all);
    for (int i = 0; i < 80; ++i)
        EXPECT_NE(flat.find(strip_ws(para + std::to_string(i))), std::string::npos) << "paragraph " << i;
    // The continuation is labelled.
    EXPECT_NE(page_text(doc.pages[2]).find("（続き）"), std::string::npos);
}

TEST(HandoutImposer, OutlineHasSectionsTitlesAndBullets) {
    const Fixture f = make_deck(7);
    const auto doc = impose(f, opts("outline"));
    std::string all;
    std::size_t slides = 0;
    for (const auto& p : doc.pages) {
        all += page_text(p);
        slides += slides_on(p).size();
    }
    EXPECT_EQ(slides, 7u);
    for (const char* s : {"第一部", "第二部", "スライド見出し1", "スライド見出し7", "箇条書きの項目5", "入れ子の子6"})
        EXPECT_NE(all.find(s), std::string::npos) << s;
}

TEST(HandoutImposer, BookmarksAndFurniture) {
    const Fixture f = make_deck(7);
    auto o = opts("4");
    const auto doc = impose(f, o);
    ASSERT_EQ(doc.pages.size(), 2u);
    // Title slide (no section) at level 0, sections at 0, their slides at 1.
    std::vector<std::tuple<std::string, std::size_t, int>> got;
    for (const auto& b : doc.outline) got.emplace_back(b.title, b.page, b.level);
    ASSERT_EQ(got.size(), 9u);
    EXPECT_EQ(got[0], std::make_tuple(std::string("スライド見出し1"), 0u, 0));
    EXPECT_EQ(got[1], std::make_tuple(std::string("第一部"), 0u, 0));
    EXPECT_EQ(got[2], std::make_tuple(std::string("スライド見出し2"), 0u, 1));
    EXPECT_EQ(std::get<0>(got[8]), "スライド見出し7");
    EXPECT_EQ(std::get<1>(got[8]), 1u);
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        const std::string t = page_text(doc.pages[p]);
        EXPECT_NE(t.find("テスト用の配布資料"), std::string::npos);
        EXPECT_NE(t.find("2025年6月26日"), std::string::npos);
        EXPECT_NE(t.find("社外秘"), std::string::npos);
        EXPECT_NE(t.find(std::to_string(p + 1) + " / 2"), std::string::npos);
    }
}
