// Hostile input: thousands of mutated outlines (bytes flipped, dropped,
// duplicated; files cut short) go through the loader and the layout. Nothing
// may crash or hang, and every error must say where it is. A deterministic
// stand-in for fuzzing that runs in every test pass.
#include <gtest/gtest.h>

#include <random>

#include "layout/slide_layout.h"
#include "outline/outline_loader.h"
#include "test_support.h"
#include "util/read_file.h"

using namespace ks;

namespace {

const LayoutSet& layouts() {
    static LayoutSet set = [] {
        Diagnostics d;
        return *load_layout_set(test::source_path("layouts/briefing.xml"), d);
    }();
    return set;
}

std::string mutate(const std::string& seed, std::mt19937& rng) {
    std::string s = seed;
    int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !s.empty(); ++e) {
        std::size_t at = rng() % s.size();
        switch (rng() % 6) {
            case 0: s[at] = static_cast<char>(rng()); break;                       // any byte, invalid UTF-8 too
            case 1: s.erase(at, 1 + rng() % 40); break;                             // drop a stretch
            case 2: s.insert(at, s.substr(rng() % s.size(), 1 + rng() % 80)); break; // duplicate a stretch
            case 3: s.resize(at); break;                                            // cut short
            case 4: s.insert(at, "<list><item>"); break;                            // unbalanced nesting
            case 5: s.insert(at, "&#x20BB7;<b><i><code>"); break;                   // entities, inline soup
        }
    }
    return s;
}

// Keeps the XML well formed: inserts hostile text right after a tag.
std::string mutate_text(const std::string& seed, std::mt19937& rng) {
    static const char* pieces[] = {
        "𠮷𩸽", "\u3000\u3000", "ー、。」」）", "「「（（", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "AWS Elemental MediaLive ",
        "&amp;&lt;&gt;", "\u200B\uFE0F\u200D", "١٢٣ שלום", "🍣🍺", "<br/><br/><br/>", "x<b>y<i>z</i></b>",
        "\t\t\n\n   ", "99.999%", "¥5,000"};
    std::string s = seed;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
        std::size_t at = s.find('>', rng() % s.size());
        if (at == std::string::npos || at + 1 >= s.size() || s[at + 1] == '<' || s[at + 1] == '\n') continue;
        std::string piece = pieces[rng() % (sizeof pieces / sizeof *pieces)];
        for (int k = static_cast<int>(rng() % 20); k > 0; --k) piece += piece.substr(0, 8);
        s.insert(at + 1, piece);
    }
    return s;
}

}  // namespace

TEST(HostileInput, MutatedOutlinesNeverCrashAndErrorsAreLocated) {
    auto seed = read_file(test::source_path("content/deck.xml"));
    ASSERT_TRUE(seed);
    std::mt19937 rng(20261125);
    int rejected = 0, laid_out = 0;
    for (int round = 0; round < 600; ++round) {
        std::string text = round % 2 ? mutate(*seed, rng) : mutate_text(*seed, rng);
        Diagnostics diags;
        auto deck = load_outline_from_string("fuzz.xml", text, diags);
        for (const auto& d : diags.items()) {
            ASSERT_EQ(d.where.file, "fuzz.xml");
            ASSERT_TRUE(d.where.known()) << "round " << round << ": " << format_diagnostic(d);
        }
        if (!deck || diags.has_errors()) {
            ++rejected;
            continue;
        }
        check_layout_names(*deck, layouts(), diags);
        if (diags.has_errors()) continue;
        // Lay out a few slides of each surviving deck (all of them would be slow).
        for (std::size_t i = 0; i < deck->slides.size(); i += 7) {
            auto layout = layout_slide(*deck, i, layouts(), test::engine());
            ASSERT_TRUE(layout.frame);
        }
        ++laid_out;
    }
    EXPECT_GT(rejected, 100) << "mutations should mostly break the outline";
    EXPECT_GT(laid_out, 10) << "some mutations should survive to layout";
}

TEST(HostileInput, GarbageAndEmptyFiles) {
    for (std::string text : {std::string(), std::string("\xff\xfe\x00<", 4), std::string(100000, '<'),
                             std::string("<deck>") + std::string(50000, 'x') + "</deck>", std::string("<?xml?><deck/>")}) {
        Diagnostics diags;
        load_outline_from_string("junk.xml", text, diags);
        EXPECT_TRUE(diags.has_errors());
        for (const auto& d : diags.items()) EXPECT_EQ(d.where.file, "junk.xml");
    }
}
