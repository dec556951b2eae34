// The layout cache (app/layout_cache_file.h): fitting decisions and laid-out
// slides written to bytes and read back give the very deck, frames and
// messages a build without the cache makes (a field the codec drops shows in
// the fitting dump, the model keys, the text dump, the layout dump or the
// render keys); damaged bytes are refused as a whole; an edited bullet is
// the only slide measured and laid out again.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "app/build_stages.h"
#include "app/layout_cache_file.h"
#include "app/model_codec.h"
#include "cache/render_key.h"
#include "export/dump/layout_dump.h"
#include "export/dump/text_dump.h"
#include "export/pptx/pptx_writer.h"
#include "model/deck_dump.h"
#include "test_support.h"

using namespace ks;

namespace {

const Typesetter& typesetter() {
    static Typesetter type(test::source_path("fonts"));
    return type;
}

std::string messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d) + "\n";
    return out;
}

// What of a slide's structure no output or dump shows (yet): line breaks as
// written, a quote's cite, item ranges, the master's elements.
std::string unshown_structure(const Document& doc) {
    std::ostringstream out;
    auto range = [&](const ItemRange& r) { out << r.begin << "-" << r.end << " "; };
    for (const auto& page : doc.pages) {
        const SlideStructure& st = page->record.structure;
        out << "slide ";
        range(st.master_items), range(st.layout_items);
        for (const auto& e : st.elements) {
            out << "\n  " << e.cite << e.from_master << e.ordered << " ";
            range(e.items);
            for (const auto& p : e.paragraphs) {
                range(p.items);
                for (const auto& l : p.lines) out << (l.hard_break ? "b" : "l");
            }
        }
        out << "\n";
    }
    return out.str();
}

// Everything a build's fit and render stages give, as text and keys.
struct Outcome {
    std::string fit, render, layout, pptx, structure, diags;  // slides.pptx reads most of the slide structure
    std::vector<std::uint64_t> model_keys, render_keys;
};

Outcome run(const Loaded& loaded, LayoutMemo* memo) {
    Outcome out;
    Diagnostics diags;
    const std::optional<Deck> fitted = fit_stage(*loaded.deck, *loaded.set, typesetter(), diags, memo, 7);
    if (!fitted) throw std::runtime_error("does not fit");
    const Document doc = render_stage(*fitted, *loaded.set, typesetter(), diags, memo, 7);
    out.fit = dump_fitting(*fitted);
    out.render = dump_document(doc, TextDumpOptions{KS_SOURCE_DIR});
    out.layout = layout_dump_json(doc);
    out.pptx = write_pptx(doc);
    out.structure = unshown_structure(doc);
    out.diags = messages(diags);
    RenderKeys keys;
    for (std::size_t i = 0; i < fitted->slides.size(); ++i) {
        out.model_keys.push_back(slide_layout_key(0, *fitted, i));
        out.render_keys.push_back(keys.frame(*doc.pages[i]));
    }
    return out;
}

Loaded load(const std::string& deck, const std::string& layouts) {
    BuildOptions options;
    options.outline = test::source_path(deck);
    options.layouts = test::source_path(layouts);
    options.fonts_dir = test::source_path("fonts");
    options.write_outputs = false;
    Diagnostics diags;
    Loaded loaded = load_stage(options, diags);
    if (!loaded.ok()) throw std::runtime_error(deck + " does not load");
    return loaded;
}

void expect_same(const Outcome& a, const Outcome& b) {
    EXPECT_EQ(a.fit, b.fit);
    EXPECT_EQ(a.render, b.render);
    EXPECT_EQ(a.layout, b.layout);
    EXPECT_TRUE(a.pptx == b.pptx) << "slides.pptx differs";
    EXPECT_EQ(a.structure, b.structure);
    EXPECT_EQ(a.diags, b.diags);
    EXPECT_EQ(a.model_keys, b.model_keys);
    EXPECT_EQ(a.render_keys, b.render_keys);
}

struct CacheCase {
    const char* deck;
    const char* layouts;
};

}  // namespace

class LayoutCacheRoundTrip : public ::testing::TestWithParam<CacheCase> {};

TEST_P(LayoutCacheRoundTrip, ReadBackGivesWhatLayoutMakes) {
    const Loaded loaded = load(GetParam().deck, GetParam().layouts);
    const Outcome plain = run(loaded, nullptr);
    LayoutMemo first;
    expect_same(plain, run(loaded, &first));
    EXPECT_EQ(first.fits_reused, 0u);
    const std::string bytes = layout_cache_bytes(first);

    LayoutMemo read;
    ASSERT_TRUE(parse_layout_cache(bytes, read));
    EXPECT_EQ(read.size(), first.size());
    const Outcome cached = run(loaded, &read);
    EXPECT_EQ(read.fits_decided, 0u) << "every decision comes from the bytes";
    EXPECT_EQ(read.laid_out, 0u) << "every slide comes from the bytes";
    EXPECT_EQ(read.reused, plain.model_keys.size());
    expect_same(plain, cached);
}

INSTANTIATE_TEST_SUITE_P(Decks, LayoutCacheRoundTrip,
                         ::testing::Values(CacheCase{"content/deck.xml", "layouts/briefing.xml"},
                                           CacheCase{"content/deck.xml", "layouts/hall.xml"},
                                           CacheCase{"tests/fixtures/decks/elements/deck.xml", "layouts/briefing.xml"},
                                           CacheCase{"tests/fixtures/decks/tables.xml", "layouts/briefing.xml"},
                                           CacheCase{"tests/fixtures/decks/done_when.xml", "layouts/briefing.xml"},
                                           CacheCase{"tests/fixtures/decks/charts/deck.xml", "layouts/briefing.xml"},
                                           CacheCase{"tests/fixtures/decks/sweep/edge_mix.xml", "layouts/briefing.xml"},
                                           CacheCase{"tests/fixtures/decks/pptx/deck.xml", "layouts/hall.xml"},
                                           CacheCase{"tests/fixtures/decks/handout/outline_tables.xml",
                                                     "layouts/hall.xml"}));

// Every block of every fitted slide of the decks (continued tables, agendas
// and big numbers included), as the pieces of one decision: read back, each
// piece has the model key (every field of the model) it had.
TEST(LayoutCache, EveryModelFieldRoundTrips) {
    std::size_t slides = 0, agendas_cut = 0, shared_rows = 0;
    for (const char* deck : {"content/deck.xml", "tests/fixtures/decks/elements/deck.xml",
                             "tests/fixtures/decks/tables.xml", "tests/fixtures/decks/charts/deck.xml",
                             "tests/fixtures/decks/sweep/long_section.xml", "tests/fixtures/decks/sweep/edge_mix.xml",
                             "tests/fixtures/decks/done_when.xml"}) {
        const Loaded loaded = load(deck, "layouts/briefing.xml");
        Diagnostics diags;
        const Deck was = *fit_stage(*loaded.deck, *loaded.set, typesetter(), diags);
        FitDecision d;
        d.continued = true;
        d.size = 17.5;
        d.floor = "12", d.drawn = "14.5";
        for (const Slide& s : was.slides) {
            d.pieces.push_back(s.blocks);
            d.wheres.push_back(s.where);
            for (const Block& b : s.blocks) {
                if (const auto* a = std::get_if<Agenda>(&b)) agendas_cut += a->first > 0;
                if (const auto* t = std::get_if<Table>(&b)) shared_rows += t->sizing_rows != nullptr;
            }
        }
        ByteWriter w;
        io(w, d);
        ByteReader r(w.out);
        FitDecision back;
        io(r, back);
        EXPECT_EQ(r.left(), 0u);
        EXPECT_TRUE(back.continued);
        EXPECT_EQ(back.size, d.size);
        EXPECT_EQ(back.floor + "/" + back.drawn, "12/14.5");
        ASSERT_EQ(back.pieces.size(), was.slides.size());
        Deck read = was;
        for (std::size_t i = 0; i < read.slides.size(); ++i) {
            read.slides[i].blocks = back.pieces[i];
            read.slides[i].where = back.wheres[i];
            EXPECT_EQ(slide_layout_key(0, read, i), slide_layout_key(0, was, i)) << deck << " slide " << i + 1;
            ++slides;
        }
    }
    EXPECT_GT(slides, 50u);
    EXPECT_GT(agendas_cut, 0u) << "no continued agenda among the pieces";
    EXPECT_GT(shared_rows, 0u) << "no continued table among the pieces";
}

TEST(LayoutCache, DamagedBytesAreRefusedWhole) {
    const Loaded loaded = load("tests/fixtures/decks/tables.xml", "layouts/briefing.xml");
    LayoutMemo memo;
    run(loaded, &memo);
    const std::string bytes = layout_cache_bytes(memo);
    ASSERT_GT(bytes.size(), 100u);
    LayoutMemo read;
    for (std::size_t cut = 0; cut < bytes.size(); cut += 1 + bytes.size() / 97)
        EXPECT_FALSE(parse_layout_cache(bytes.substr(0, cut), read)) << "truncated at " << cut;
    for (std::size_t at = 0; at < bytes.size(); at += 1 + bytes.size() / 89) {
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
        EXPECT_FALSE(parse_layout_cache(damaged, read)) << "byte " << at << " flipped";
    }
    std::string other_version = bytes;
    other_version.replace(0, 25, "kamishibai-layout-cache 2");
    EXPECT_FALSE(parse_layout_cache(other_version, read));
    EXPECT_EQ(read.size(), 0u) << "nothing of a refused file is kept";
    EXPECT_TRUE(parse_layout_cache(bytes, read));
}

TEST(LayoutCache, AnEditedBulletIsTheOnlySlideMeasuredAndLaidOut) {
    Loaded loaded = load("content/deck.xml", "layouts/briefing.xml");
    LayoutMemo memo;
    const Outcome before = run(loaded, &memo);
    const std::size_t bodies = memo.fits_decided, fitted = before.model_keys.size();
    EXPECT_EQ(memo.laid_out, fitted);
    // The first list item of some slide gets a word more.
    bool edited = false;
    for (auto& slide : loaded.deck->slides) {
        for (auto& block : slide.blocks)
            if (auto* list = std::get_if<List>(&block); list && !edited) {
                list->items.front().text.spans.front().text += "（改）";
                edited = true;
            }
        if (edited) break;
    }
    ASSERT_TRUE(edited);
    LayoutMemo read;
    ASSERT_TRUE(parse_layout_cache(layout_cache_bytes(memo), read));
    const Outcome after = run(loaded, &read);
    EXPECT_EQ(read.fits_decided, 1u);
    EXPECT_EQ(read.fits_reused, bodies - 1);
    EXPECT_EQ(read.laid_out, 1u);
    EXPECT_EQ(read.reused, fitted - 1);
    expect_same(run(loaded, nullptr), after);
}
