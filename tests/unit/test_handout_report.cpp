// The handout's page layout in layout/: report tables (column widths from
// content, never under the longest word, cells that never reach into the
// next column, header rows repeated on a continued page), the report's
// pagination, and the header line's long titles.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/notes_pages.h"
#include "layout/page_furniture.h"
#include "layout/report_pages.h"
#include "layout/report_table.h"
#include "layout/print_palette.h"
#include "layout/table_layout.h"
#include "test_support.h"

using namespace ks;

namespace {

TableRow row(std::vector<std::string> cells, bool header = false) {
    TableRow r;
    r.header = header;
    for (auto& c : cells) r.cells.push_back({plain_text(c), {}});
    return r;
}

Table wide_table(std::size_t body_rows) {
    Table t;
    t.rows.push_back(row({"取り組み項目名", "件数", "内容と今後の予定"}, true));
    for (std::size_t i = 0; i < body_rows; ++i)
        t.rows.push_back(row({i % 2 ? "セキュリティインシデント対応" : "データベース移行計画", std::to_string(100 + i * 37),
                              "本番データベースを新しいクラスタへ移し替える作業の全体計画。切替前に二回のリハーサルを行い、"
                              "所要時間と手順書の誤りを確認します。"}));
    return t;
}

ReportTableStyle table_style(double width) {
    print::Fonts fonts;
    TextStyle cell = fonts.style(8.5, print::kText, false, 1.4);
    return {cell, fonts.style(8, print::kMuted), width};
}

struct TextRun {
    double x, right, y;
    std::string text;
};

std::vector<TextRun> runs_of(const std::vector<PositionedItem>& items, double dx = 0, double dy = 0) {
    std::vector<TextRun> out;
    for (const auto& it : items)
        if (const auto* r = std::get_if<GlyphRun>(&it.item))
            out.push_back({dx + it.pos.x, dx + it.pos.x + r->width, dy + it.pos.y, r->text});
    return out;
}

}  // namespace

TEST(ReportTable, LabelColumnIsNeverNarrowerThanItsLongestWordAndCellsStayInTheirColumn) {
    const TextEngine& text = test::engine();
    const Table t = wide_table(4);
    const ReportTableStyle style = table_style(360);
    // The report's widths are table_layout's, in the handout's palette.
    const std::vector<double> w = layout_table(t, 360, table_style(style.cell, print::kTablePalette), text).column_widths;
    ASSERT_EQ(w.size(), 3u);
    const double longest = text.natural_width(plain_text("セキュリティインシデント対応"), style.cell);
    EXPECT_GE(w[0], longest) << "label column " << w[0] << " pt for a word of " << longest << " pt";
    const std::vector<Strip> strips = layout_report_table(t, style, text);
    ASSERT_EQ(strips.size(), 5u);  // the header row and four body rows
    EXPECT_TRUE(strips[0].keep_with_next);
    // Every run of text lies inside one column: none reaches into the next.
    const double edges[] = {0, w[0], w[0] + w[1], 360};
    std::size_t runs = 0;
    for (std::size_t r = 0; r < strips.size(); ++r)
        for (const TextRun& run : runs_of(strips[r].items)) {
            int col = 0;
            while (col < 2 && run.x >= edges[col + 1] - 0.01) ++col;
            EXPECT_LE(run.right, edges[col + 1] + 0.01) << "row " << r << " '" << run.text << "'";
            ++runs;
        }
    EXPECT_GE(runs, 15u);
    // The label is whole on one line.
    std::size_t whole = 0;
    for (const TextRun& run : runs_of(strips[2].items)) whole += run.text == "セキュリティインシデント対応";
    EXPECT_EQ(whole, 1u);
}

// An eight-column table beside a slide picture: its longest words do not
// fit side by side at 8.5 pt, so the report sets it smaller instead of
// tearing "2,400万" or "99.995%" across lines; a table that fits keeps 8.5 pt.
TEST(ReportTable, ATableTooWideForItsWordsIsSetSmallerNotTorn) {
    const TextEngine& text = test::engine();
    Table t;
    t.rows.push_back(row({"サービス", "担当チーム", "SLO", "実績", "エラーバジェット残", "p99 レイテンシ", "リクエスト数/月", "備考"}, true));
    t.rows.push_back(row({"API Gateway", "プラットフォーム", "99.95%", "99.98%", "62%", "146ms", "4.2億", "—"}));
    t.rows.push_back(row({"レコメンデーション", "コミュニケーション", "99.99%", "99.995%", "−30%", "1,240ms", "2,400万", "GPU ノード不足"}));
    auto sizes_and_words = [&](double width) {
        std::vector<double> sizes;
        std::vector<std::string> words;
        for (const Strip& s : layout_report_table(t, table_style(width), text))
            for (const auto& it : s.items)
                if (const auto* r = std::get_if<GlyphRun>(&it.item)) {
                    sizes.push_back(r->size);
                    words.push_back(r->text);
                }
        return std::pair{sizes, words};
    };
    const auto [narrow_sizes, narrow_words] = sizes_and_words(360);  // the report column of an A4 outline handout
    for (const char* word : {"99.995%", "1,240ms", "Gateway", "レコメンデーション", "コミュニケーション"})
        EXPECT_TRUE(std::any_of(narrow_words.begin(), narrow_words.end(),
                                [&](const std::string& run) { return run.find(word) != std::string::npos; }))
            << word << " torn";
    const double narrow = *std::max_element(narrow_sizes.begin(), narrow_sizes.end());
    EXPECT_LT(narrow, 8.5);
    EXPECT_GE(narrow, 6);
    const auto [wide_sizes, wide_words] = sizes_and_words(700);
    EXPECT_DOUBLE_EQ(*std::max_element(wide_sizes.begin(), wide_sizes.end()), 8.5);
}

TEST(ReportPages, ATableBrokenAcrossPagesRepeatsItsHeaderRow) {
    Deck deck;
    Slide s;
    s.id = "long";
    s.title = plain_text("取り組みの詳細");
    s.blocks.push_back(wide_table(40));
    deck.slides.push_back(s);
    ContentSpec spec{510, 700, {16.0 / 9.0}, {}};
    const auto pages = layout_report_pages(deck, spec, test::engine());
    ASSERT_GE(pages.size(), 2u);
    for (std::size_t p = 1; p < pages.size(); ++p) {
        const auto runs = runs_of(pages[p].items);
        ASSERT_FALSE(runs.empty());
        // The first line of the continued page is the header row.
        const auto top = std::min_element(runs.begin(), runs.end(), [](const TextRun& a, const TextRun& b) { return a.y < b.y; });
        EXPECT_EQ(top->text, "取り組み項目名") << "page " << p + 1;
        std::size_t headers = 0;
        for (const TextRun& r : runs) headers += r.text == "取り組み項目名";
        EXPECT_EQ(headers, 1u) << "page " << p + 1;
    }
    // Every body row is there, once.
    std::size_t rows = 0;
    for (const auto& page : pages)
        for (const TextRun& r : runs_of(page.items))
            rows += r.text == "データベース移行計画" || r.text.rfind("セキュリティインシデント", 0) == 0;  // "対応" may wrap
    EXPECT_EQ(rows, 40u);
}

TEST(ReportPages, EverythingStaysInTheContentBox) {
    Deck deck;
    for (int i = 0; i < 6; ++i) {
        Slide s;
        s.title = plain_text("見出し" + std::to_string(i));
        s.blocks.push_back(wide_table(6));
        deck.slides.push_back(s);
    }
    ContentSpec spec{510, 700, std::vector<double>(6, 16.0 / 9.0), {}};
    for (const auto& page : layout_report_pages(deck, spec, test::engine()))
        for (const auto& it : page.items) {
            EXPECT_GE(it.pos.y, -0.01);
            EXPECT_LE(it.pos.y, 700.01);
        }
}

// The outline handout's agenda numbers entries as the slides do: a section
// title with its own number ("1. サマリー") gets no second "1.", one
// without gets its number.
TEST(ReportPages, AgendaNumbersOnlyTitlesWithoutTheirOwn) {
    auto marks = [](std::vector<std::string> sections) {
        Deck deck;
        Slide s;
        s.title = plain_text("本日の内容");
        Agenda agenda;
        agenda.sections = std::move(sections);
        s.blocks.push_back(agenda);
        deck.slides.push_back(s);
        ContentSpec spec{510, 700, {16.0 / 9.0}, {}};
        std::vector<std::string> texts;
        for (const auto& page : layout_report_pages(deck, spec, test::engine()))
            for (const TextRun& r : runs_of(page.items)) texts.push_back(r.text);
        return texts;
    };
    const auto numbered = marks({"1. サマリー", "2. 今後の計画"});
    EXPECT_EQ(std::count(numbered.begin(), numbered.end(), "1."), 0);
    EXPECT_EQ(std::count(numbered.begin(), numbered.end(), "1. サマリー"), 1);
    const auto plain = marks({"サマリー", "今後の計画"});
    EXPECT_EQ(std::count(plain.begin(), plain.end(), "1."), 1);
    EXPECT_EQ(std::count(plain.begin(), plain.end(), "2."), 1);
}

TEST(PageFurniture, ALongTitleShrinksThenWrapsThenIsShortenedWithAWarning) {
    const TextEngine& text = test::engine();
    Deck deck;
    deck.meta.title_where = {"deck.xml", 4, 5};
    deck.meta.title = "短い題名";
    Diagnostics d1;
    PageFurniture short_title(deck, 510, {}, text, d1);
    EXPECT_EQ(short_title.title_lines().size(), 1u);
    EXPECT_DOUBLE_EQ(short_title.title_size(), kFurnitureSize);
    EXPECT_EQ(d1.items().size(), 0u);

    std::string longer;
    for (int i = 0; i < 4; ++i) longer += "情報システム部門の運用改善プロジェクト進捗報告会";
    deck.meta.title = longer;
    Diagnostics d2;
    PageFurniture wrapped(deck, 510, {}, text, d2);
    EXPECT_EQ(wrapped.title_lines().size(), 2u);
    EXPECT_GT(wrapped.extra_header_height(), 0);
    EXPECT_EQ(d2.items().size(), 0u);
    std::string joined;
    for (const auto& l : wrapped.title_lines()) joined += l;
    EXPECT_EQ(joined, longer);

    for (int i = 0; i < 6; ++i) longer += "データベース移行とセキュリティ対策の現状";
    deck.meta.title = longer;
    Diagnostics d3;
    PageFurniture cut(deck, 510, {}, text, d3);
    ASSERT_EQ(cut.title_lines().size(), 2u);
    EXPECT_EQ(cut.title_lines()[1].substr(cut.title_lines()[1].size() - 3), "…");
    ASSERT_EQ(d3.items().size(), 1u);
    EXPECT_EQ(d3.items()[0].where.line, 4);
    EXPECT_NE(format_diagnostic(d3.items()[0]).find("too long for the handout's header"), std::string::npos);
}

TEST(NotesPages, NotesParagraphsAreSplitAtBlankLines) {
    const auto paras = note_paragraphs(plain_text("\n 一つ目の段落。\n\n\n二つ目の段落。 \n"));
    ASSERT_EQ(paras.size(), 2u);
    EXPECT_EQ(paras[0].plain(), "一つ目の段落。");
    EXPECT_EQ(paras[1].plain(), "二つ目の段落。");
}
