// Text goldens: the text dump (export/dump) of one seed slide of each layout
// and of one page of each handout style, against tests/golden/text/*.txt.
// A failure names the first line that differs; after an intended change,
// regenerate with KS_UPDATE_GOLDEN=1 and review the diff (git diff
// tests/golden/text). See docs/ARCHITECTURE.md, "Goldens".
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/slides_document.h"
#include "export/dump/text_dump.h"
#include "handout/handout_imposer.h"
#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "test_support.h"
#include "util/read_file.h"

namespace fs = std::filesystem;
using namespace ks;

namespace {

struct Seed {
    Deck deck;
    LayoutSet set;
    Document slides;
};

const Seed& seed() {
    static Seed s = [] {
        Diagnostics d;
        auto deck = load_outline(test::source_path("content/deck.xml"), d);
        auto set = load_layout_set(test::source_path("layouts/briefing.xml"), d);
        if (!deck || !set || d.has_errors()) throw std::runtime_error("seed deck or layouts do not load");
        std::vector<std::shared_ptr<const Frame>> frames;
        for (std::size_t i = 0; i < deck->slides.size(); ++i)
            frames.push_back(layout_slide(*deck, i, *set, test::engine()).frame);
        Document slides = slides_document(*deck, std::move(frames), document_timestamp(deck->meta.date, nullptr));
        return Seed{*deck, *set, std::move(slides)};
    }();
    return s;
}

bool updating() {
    const char* v = std::getenv("KS_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

// Compares `got` with the golden file `name`, or rewrites it when updating.
void expect_golden(const std::string& name, const std::string& got) {
    const fs::path path = fs::path(KS_TEST_DATA_DIR) / "golden" / "text" / name;
    if (updating()) {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << got;
        return;
    }
    const std::string want = read_file(path.string()).value_or("");
    ASSERT_FALSE(want.empty()) << "no golden " << path << " (run with KS_UPDATE_GOLDEN=1 and review it)";
    if (got == want) return;
    std::istringstream g(got), w(want);
    std::string gl, wl;
    int n = 0;
    while (true) {
        ++n;
        const bool gm = static_cast<bool>(std::getline(g, gl)), wm = static_cast<bool>(std::getline(w, wl));
        if (!gm && !wm) break;
        if (!gm || !wm || gl != wl) break;
    }
    const fs::path out = fs::temp_directory_path() / ("ks-golden-" + name);
    std::ofstream(out, std::ios::binary) << got;
    ADD_FAILURE() << name << " differs from its golden at line " << n << ":\n  golden: " << wl << "\n  got:    " << gl
                  << "\n(full output in " << out << "; if intended, regenerate with KS_UPDATE_GOLDEN=1)";
}

TextDumpOptions dump_options() { return {KS_SOURCE_DIR}; }

}  // namespace

class SlideTextGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(SlideTextGolden, FirstSlideOfTheLayoutMatches) {
    const std::string layout = GetParam();
    const auto& slides = seed().deck.slides;
    std::size_t i = 0;
    while (i < slides.size() && slides[i].layout != layout) ++i;
    ASSERT_LT(i, slides.size()) << "the seed deck has no " << layout << " slide";
    const std::string dump = dump_page(seed().slides, i, dump_options());
    EXPECT_NE(dump.find("text "), std::string::npos) << "a slide without text";
    expect_golden("slide-" + layout + ".txt", dump);
}

INSTANTIATE_TEST_SUITE_P(Seed, SlideTextGolden,
                         ::testing::Values("title", "section", "bullets", "table", "closing"));

class HandoutTextGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(HandoutTextGolden, SecondPageMatches) {
    HandoutOptions o;
    o.style = GetParam();
    if (auto sans = seed().set.fonts.find("sans"); sans != seed().set.fonts.end()) o.font_family = sans->second;
    Diagnostics diags;
    const Document doc = impose_handout(seed().deck, seed().slides, test::engine(), o, diags);
    EXPECT_FALSE(diags.has_errors());
    ASSERT_GE(doc.pages.size(), 2u);
    expect_golden("handout-" + o.style + ".txt", dump_page(doc, 1, dump_options()));
}

INSTANTIATE_TEST_SUITE_P(Seed, HandoutTextGolden,
                         ::testing::Values("1", "2", "3", "4", "6", "9", "notes", "outline"));

// The document header and outline, once for the slides.
TEST(DocumentTextGolden, SlidesHeaderAndOutline) {
    const std::string all = dump_document(seed().slides, dump_options());
    expect_golden("slides-outline.txt", all.substr(0, all.find("\n  page 1 ") + 1));
}
