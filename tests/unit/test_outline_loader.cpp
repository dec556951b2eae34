#include <gtest/gtest.h>

#include "outline/outline_loader.h"

using namespace ks;

namespace {

std::optional<Deck> load(const std::string& xml, Diagnostics& diags) {
    return load_outline_from_string("deck.xml", xml, diags);
}

const Diagnostic* find_message(const Diagnostics& d, const std::string& part) {
    for (const auto& item : d.items())
        if (item.message.find(part) != std::string::npos) return &item;
    return nullptr;
}

}  // namespace

TEST(OutlineLoader, ReadsMetaSectionsSlidesAndInlineStyles) {
    Diagnostics diags;
    auto deck = load(R"(<deck lang="ja">
  <meta><title>報告</title><date>2025-06-26</date><confidentiality>社内限り</confidentiality></meta>
  <slide layout="title" id="t"><title>表紙</title></slide>
  <section title="概要">
    <slide id="a">
      <title>AWSの<b>深化</b></title>
      <p>前文<br/>二行目</p>
      <list>
        <item><b>EC2</b>: 850以上
          <list><item>子項目</item></list>
        </item>
      </list>
      <table><row header="true"><cell>項目</cell><cell>内容</cell></row><row><cell>日時</cell><cell>10:00</cell></row></table>
      <notes>強調する</notes>
    </slide>
  </section>
</deck>)", diags);
    ASSERT_TRUE(deck);
    EXPECT_FALSE(diags.has_errors()) << (diags.items().empty() ? "" : format_diagnostic(diags.items()[0]));
    EXPECT_EQ(deck->meta.title, "報告");
    EXPECT_EQ(deck->meta.date, "2025-06-26");
    ASSERT_EQ(deck->slides.size(), 2u);
    ASSERT_EQ(deck->sections.size(), 1u);
    EXPECT_EQ(deck->sections[0].first_slide, 1u);
    EXPECT_EQ(deck->sections[0].slide_count, 1u);
    const Slide& s = deck->slides[1];
    EXPECT_EQ(s.section, "概要");
    EXPECT_EQ(s.title.plain(), "AWSの深化");
    ASSERT_EQ(s.title.spans.size(), 2u);
    EXPECT_TRUE(s.title.spans[1].bold);
    ASSERT_EQ(s.blocks.size(), 3u);
    EXPECT_EQ(std::get<Paragraph>(s.blocks[0]).text.plain(), "前文\n二行目");
    const auto& list = std::get<List>(s.blocks[1]);
    ASSERT_EQ(list.items.size(), 1u);
    EXPECT_EQ(list.items[0].text.plain(), "EC2: 850以上");  // trailing whitespace before the nested list dropped
    ASSERT_EQ(list.items[0].children.size(), 1u);
    EXPECT_EQ(list.items[0].children[0].items[0].text.plain(), "子項目");
    const auto& table = std::get<Table>(s.blocks[2]);
    EXPECT_TRUE(table.rows[0].header);
    EXPECT_EQ(table.rows[1].cells[1].text.plain(), "10:00");
    EXPECT_EQ(s.notes.plain(), "強調する");
    EXPECT_EQ(s.where.line, 5);
    EXPECT_EQ(s.where.column, 5);
}

TEST(OutlineLoader, KeepsIdeographicSpaceAndCollapsesXmlWhitespace) {
    Diagnostics diags;
    auto deck = load("<deck><slide><title>部　長\n    さん  です</title></slide></deck>", diags);
    ASSERT_TRUE(deck);
    EXPECT_EQ(deck->slides[0].title.plain(), "部　長 さん です");
}

TEST(OutlineLoader, MalformedXmlNamesLineAndColumn) {
    Diagnostics diags;
    auto deck = load("<deck>\n  <slide>\n    <title>題</titel>\n  </slide>\n</deck>", diags);
    EXPECT_FALSE(deck);
    ASSERT_EQ(diags.error_count(), 1u);
    const auto& d = diags.items()[0];
    EXPECT_EQ(d.where.file, "deck.xml");
    EXPECT_EQ(d.where.line, 3);
    EXPECT_GT(d.where.column, 1);
    EXPECT_NE(format_diagnostic(d).find("deck.xml:3:"), std::string::npos);
}

TEST(OutlineLoader, ReportsEveryProblemWithSuggestions) {
    Diagnostics diags;
    auto deck = load(R"(<deck>
<slide id="x"><title>a</title><list><itme>typo</itme></list></slide>
<slide id="x"><titel>b</titel><p>ok</p></slide>
<slide><table><row><cell>1</cell><cell>2</cell></row><row><cell>3</cell></row></table></slide>
</deck>)", diags);
    ASSERT_TRUE(deck);
    EXPECT_GE(diags.error_count(), 4u);
    const Diagnostic* itme = find_message(diags, "<itme>");
    ASSERT_TRUE(itme);
    EXPECT_NE(itme->message.find("did you mean <item>?"), std::string::npos);
    EXPECT_EQ(itme->where.line, 2);
    EXPECT_EQ(itme->where.column, 37);
    const Diagnostic* titel = find_message(diags, "<titel>");
    ASSERT_TRUE(titel);
    EXPECT_NE(titel->message.find("did you mean <title>?"), std::string::npos);
    EXPECT_TRUE(find_message(diags, "duplicate slide id 'x'"));
    EXPECT_TRUE(find_message(diags, "row has 1 cells"));
}

TEST(OutlineLoader, RejectsBadDateAndEmptyDeck) {
    Diagnostics diags;
    load("<deck><meta><date>6/26</date></meta></deck>", diags);
    EXPECT_TRUE(find_message(diags, "not an ISO date"));
    EXPECT_TRUE(find_message(diags, "no slides"));
}

TEST(OutlineLoader, MissingFileIsAnErrorNotACrash) {
    Diagnostics diags;
    EXPECT_FALSE(load_outline("/nonexistent/deck.xml", diags));
    EXPECT_TRUE(diags.has_errors());
}

TEST(OutlineLoader, DeepNestingIsAnErrorNotACrash) {
    std::string deep = "<deck><slide><title>";
    for (int i = 0; i < 100000; ++i) deep += "<b>";
    deep += "x";
    for (int i = 0; i < 100000; ++i) deep += "</b>";
    deep += "</title></slide></deck>";
    Diagnostics diags;
    load(deep, diags);
    EXPECT_TRUE(find_message(diags, "nested more than"));

    std::string lists = "<deck><slide><title>t</title>";
    for (int i = 0; i < 50; ++i) lists += "<list><item>x";
    for (int i = 0; i < 50; ++i) lists += "</item></list>";
    lists += "</slide></deck>";
    Diagnostics d2;
    load(lists, d2);
    EXPECT_TRUE(find_message(d2, "lists nested more than 8 deep"));
}

TEST(OutlineLoader, InvalidUtf8IsLocatedAndStops) {
    Diagnostics diags;
    auto deck = load("<deck>\n<slide><title>ab\xff\xfe</title></slide></deck>", diags);
    EXPECT_FALSE(deck);
    ASSERT_TRUE(diags.has_errors());
    EXPECT_EQ(diags.items()[0].where.line, 2);
    EXPECT_EQ(diags.items()[0].where.column, 17);
    EXPECT_NE(diags.items()[0].message.find("UTF-8"), std::string::npos);
    Diagnostics ok;
    EXPECT_TRUE(load("<deck><slide><title>置換文字\xEF\xBF\xBDも可</title></slide></deck>", ok));  // U+FFFD itself is fine
    EXPECT_FALSE(ok.has_errors());
}
