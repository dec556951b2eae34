// Goldens shaped by stage: a handful of decks go through the build's own
// stage functions (app/build_stages.h) and each stage's value is dumped as
// text into its own folder, so a change shows at the stage that made it:
//   tests/golden/load/<deck>.txt    the outline as loaded (model/deck_dump)
//   tests/golden/fit/<deck>.txt     pagination: which slides, what is on each, body sizes
//   tests/golden/render/<deck>.txt  the slides Document, every frame (export/dump/text_dump)
//   tests/golden/impose/<deck>-<style>.txt  each handout Document; slide pictures name
//                                   the slide page they share instead of repeating it
// Every file ends with the diagnostics that stage reported. KS_UPDATE_GOLDEN=1
// rewrites them (`KS_UPDATE_GOLDEN=1 ctest --test-dir build/release -R golden`);
// review `git diff tests/golden` before committing. See docs/ARCHITECTURE.md.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/build_stages.h"
#include "export/dump/text_dump.h"
#include "golden.h"
#include "model/deck_dump.h"
#include "test_support.h"

using namespace ks;

namespace {

struct StageDeck {
    const char* name;
    const char* path;  // relative to the checkout
    std::vector<HandoutStyle> styles;
};

const std::vector<HandoutStyle> kAllStyles = {HandoutStyle::One,  HandoutStyle::Two,  HandoutStyle::Three,
                                              HandoutStyle::Four, HandoutStyle::Six,  HandoutStyle::Nine,
                                              HandoutStyle::Notes, HandoutStyle::Outline};

const std::vector<StageDeck>& decks() {
    static const std::vector<StageDeck> d = {
        {"seed", "content/deck.xml", kAllStyles},
        {"elements", "tests/fixtures/decks/elements/deck.xml", {HandoutStyle::Three, HandoutStyle::Outline}},
        {"tables", "tests/fixtures/decks/tables.xml", {HandoutStyle::Outline}},
        {"outline-tables", "tests/fixtures/decks/handout/outline_tables.xml", {HandoutStyle::Outline}},
        {"done-when", "tests/fixtures/decks/done_when.xml", {HandoutStyle::Notes}},
        {"katakana-columns", "tests/fixtures/decks/text/katakana_columns.xml", {HandoutStyle::Outline}},
    };
    return d;
}

// Each stage's value and the diagnostics it reported, as text.
struct Stages {
    std::string load, fit, render;
    std::vector<std::string> impose;  // one per style of the deck
};

std::string diagnostics_text(const Diagnostics& diags) {
    std::string out = "diagnostics " + std::to_string(diags.items().size()) + "\n";
    const std::string root = std::string(KS_SOURCE_DIR) + "/";
    for (const auto& d : diags.items()) {
        std::string text = format_diagnostic(d);  // the message and its notes, a line each
        for (std::size_t at; (at = text.find(root)) != std::string::npos;) text.erase(at, root.size());
        for (const std::string& line : test::split_lines(text))
            if (!line.empty()) out += "  " + line + "\n";
    }
    return out;
}

const Typesetter& typesetter() {
    static Typesetter type(test::source_path("fonts"));
    return type;
}

Stages run_stages(const StageDeck& deck) {
    BuildOptions options;
    options.outline = test::source_path(deck.path);
    options.layouts = test::source_path("layouts/briefing.xml");
    options.fonts_dir = test::source_path("fonts");
    options.write_outputs = false;
    Stages out;
    Diagnostics load_diags, fit_diags, render_diags;
    const Loaded loaded = load_stage(options, load_diags);
    if (!loaded.ok()) throw std::runtime_error(std::string(deck.path) + " does not load");
    out.load = dump_deck(*loaded.deck) + diagnostics_text(load_diags);
    const std::optional<Deck> fitted = fit_stage(*loaded.deck, *loaded.set, typesetter(), fit_diags);
    if (!fitted) throw std::runtime_error(std::string(deck.path) + " does not fit");
    out.fit = dump_fitting(*fitted) + diagnostics_text(fit_diags);
    const Document slides = render_stage(*fitted, *loaded.set, typesetter(), render_diags);
    TextDumpOptions dump{KS_SOURCE_DIR};
    out.render = dump_document(slides, dump) + diagnostics_text(render_diags);
    dump.shared_pages = &slides;
    for (HandoutStyle style : deck.styles) {
        Diagnostics impose_diags;
        const Imposed imposed = impose_stage(*fitted, slides, *loaded.set, typesetter(), options, {style}, impose_diags);
        out.impose.push_back(dump_document(imposed.handouts.at(0), dump) + diagnostics_text(impose_diags));
    }
    return out;
}

// Every deck goes through the stages once per test binary run.
const Stages& stages(const std::string& name) {
    static std::map<std::string, Stages> done;
    if (auto it = done.find(name); it != done.end()) return it->second;
    for (const StageDeck& d : decks())
        if (d.name == name) return done.emplace(name, run_stages(d)).first->second;
    throw std::runtime_error("no stage deck " + name);
}

const StageDeck& deck_named(const std::string& name) {
    for (const StageDeck& d : decks())
        if (d.name == name) return d;
    throw std::runtime_error("no stage deck " + name);
}

std::vector<std::string> deck_names() {
    std::vector<std::string> names;
    for (const StageDeck& d : decks()) names.push_back(d.name);
    return names;
}

}  // namespace

class StageGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(StageGolden, Load) {
    const std::string& got = stages(GetParam()).load;
    EXPECT_NE(got.find("\n  slide 1 "), std::string::npos) << "a deck without slides";
    test::expect_golden_text("load", GetParam() + ".txt", got);
}

TEST_P(StageGolden, Fit) { test::expect_golden_text("fit", GetParam() + ".txt", stages(GetParam()).fit); }

TEST_P(StageGolden, Render) {
    const std::string& got = stages(GetParam()).render;
    EXPECT_NE(got.find("    text "), std::string::npos) << "slides without text";
    test::expect_golden_text("render", GetParam() + ".txt", got);
}

TEST_P(StageGolden, Impose) {
    const StageDeck& deck = deck_named(GetParam());
    const auto& got = stages(GetParam()).impose;
    ASSERT_EQ(got.size(), deck.styles.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        // The slide pictures are the slides' own frames, named, not copied.
        if (deck.styles[i] != HandoutStyle::Outline) {
            EXPECT_NE(got[i].find(" of shared"), std::string::npos) << handout_style_name(deck.styles[i]);
        }
        test::expect_golden_text("impose", GetParam() + "-" + std::string(handout_style_name(deck.styles[i])) + ".txt",
                                 got[i]);
    }
}

INSTANTIATE_TEST_SUITE_P(golden, StageGolden, ::testing::ValuesIn(deck_names()), [](const auto& info) {
    std::string n = info.param;
    for (auto& c : n)
        if (c == '-') c = '_';
    return n;
});
