// The written input rule (README "Input rules"): one XML reader for both
// loaders, located errors for every breach.
#include <gtest/gtest.h>

#include "diag/source_map.h"
#include "outline/outline_loader.h"
#include "diag/xml_reader.h"

using namespace ks;

namespace {

Diagnostics load(const std::string& xml) {
    Diagnostics d;
    load_outline_from_string("deck.xml", xml, d);
    return d;
}

const Diagnostic* first_error(const Diagnostics& d) {
    for (const auto& x : d.items())
        if (x.severity == Severity::Error) return &x;
    return nullptr;
}

}  // namespace

TEST(InputRules, ForbiddenCharacters) {
    for (char32_t cp : {0x0u, 0x1Bu, 0x7u, 0xFFFEu, 0xFFFFu, 0xFDD0u, 0xFDEFu, 0x1FFFEu, 0x10FFFFu, 0xD800u, 0xDFFFu})
        EXPECT_TRUE(forbidden_character(cp)) << std::hex << static_cast<unsigned>(cp);
    for (char32_t cp : {0x9u, 0xAu, 0xDu, 0x20u, 0xA0u, 0x3000u, 0xFDCFu, 0xFDF0u, 0xFFFDu, 0x20BB7u})
        EXPECT_FALSE(forbidden_character(cp)) << std::hex << static_cast<unsigned>(cp);
}

TEST(InputRules, ReferencesAreCheckedWithTheirPlaceInTextAndAttributes) {
    auto d = load("<deck>\n<slide id=\"a&#xD800;\"><title>t&#0;</title></slide></deck>");
    ASSERT_EQ(d.error_count(), 2u);
    EXPECT_EQ(d.items()[0].where.line, 2);
    EXPECT_EQ(d.items()[0].where.column, 13);  // the &
    EXPECT_NE(d.items()[0].message.find("lone surrogate"), std::string::npos);
    EXPECT_NE(d.items()[1].message.find("&#0;"), std::string::npos);
}

TEST(InputRules, EntitiesAndDoctype) {
    auto d = load("<deck><slide><title>A&nbsp;B</title></slide></deck>");
    ASSERT_TRUE(first_error(d));
    EXPECT_NE(first_error(d)->message.find("undefined entity &nbsp;"), std::string::npos);
    EXPECT_NE(first_error(d)->notes[0].find("&#160;"), std::string::npos);
    EXPECT_TRUE(load("<!DOCTYPE deck><deck><slide><title>t</title></slide></deck>").has_errors());
    EXPECT_FALSE(load("<deck><slide><title>&lt;&amp;&#x3042;&#12354;</title></slide></deck>").has_errors());
    // Inside comments and CDATA nothing is a reference.
    EXPECT_FALSE(load("<deck><!-- &nbsp; & --><slide><title><![CDATA[&x;]]></title></slide></deck>").has_errors());
}

TEST(InputRules, NothingAfterTheRoot) {
    EXPECT_TRUE(load("<deck><slide><title>t</title></slide></deck>\ntext").has_errors());
    EXPECT_TRUE(load("<deck><slide><title>t</title></slide></deck><deck/>").has_errors());
    EXPECT_FALSE(load("<deck><slide><title>t</title></slide></deck>\n<!-- c -->\n").has_errors());
}

TEST(InputRules, UnknownAttributesAreErrorsWithAGuess) {
    auto d = load("<deck><slide idd=\"x\"><title>t</title></slide></deck>");
    ASSERT_TRUE(first_error(d));
    EXPECT_NE(first_error(d)->message.find("did you mean 'id'?"), std::string::npos);
}

TEST(InputRules, DatesAreRealDays) {
    auto date = [](const std::string& s) {
        return load("<deck><meta><date>" + s + "</date></meta><slide><title>t</title></slide></deck>").has_errors();
    };
    EXPECT_TRUE(date("2025-13-45"));
    EXPECT_TRUE(date("2025-02-29"));
    EXPECT_TRUE(date("2025-04-31"));
    EXPECT_FALSE(date("2024-02-29"));
    EXPECT_FALSE(date("2000-02-29"));
    EXPECT_TRUE(date("1900-02-29"));
    EXPECT_FALSE(date("2025-06-26"));
}

TEST(InputRules, SourceMapColumnsOnLongLinesCountCodePoints) {
    std::string text = "ab\n";
    for (int i = 0; i < 500; ++i) text += "あ";  // 3 bytes each, across many checkpoints
    text += "x\ny";
    SourceMap map("f", text);
    std::size_t x = text.find('x');
    for (std::size_t off : {x, std::size_t(3), std::size_t(3 + 3 * 100), std::size_t(1)}) {
        auto p = map.at(static_cast<std::ptrdiff_t>(off));
        std::size_t line_start = text.rfind('\n', off == 0 ? 0 : off - 1);
        line_start = line_start == std::string::npos || off == 0 ? 0 : line_start + 1;
        if (off < 3) line_start = 0;
        int expected = 1;
        for (std::size_t i = line_start; i < off; ++i)
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++expected;
        EXPECT_EQ(p.column, expected) << off;
    }
    EXPECT_EQ(map.at(static_cast<std::ptrdiff_t>(x)).column, 501);
    EXPECT_EQ(map.at(static_cast<std::ptrdiff_t>(text.size() - 1)).line, 3);
}
