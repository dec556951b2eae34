// Tables: numbers with units, the grid of merged cells, column widths
// shared by content, decimal points in line, merged rows kept together.
#include <gtest/gtest.h>

#include <numeric>

#include "layout/numeric_cell.h"
#include "layout/table_layout.h"
#include "model/table_grid.h"
#include "outline/outline_loader.h"
#include "test_support.h"

using namespace ks;

namespace {

Table load_table(const std::string& xml, Diagnostics& d) {
    auto deck = load_outline_from_string("t.xml", "<deck>\n<slide><title>t</title>" + xml + "</slide>\n</deck>", d);
    if (!deck || deck->slides.empty() || deck->slides[0].blocks.empty()) throw std::runtime_error("not parsed");
    return std::get<Table>(deck->slides[0].blocks[0]);
}

Table table_ok(const std::string& xml) {
    Diagnostics d;
    Table t = load_table(xml, d);
    for (const auto& item : d.items())
        if (item.severity == Severity::Error) ADD_FAILURE() << format_diagnostic(item);
    return t;
}

TableStyle style(double size = 18) {
    TableStyle s;
    s.text.size = size;
    return s;
}

const TableCellLayout& cell(const TableLayout& t, const std::string& text) {
    for (const auto& c : t.cells)
        if (c.plain == text) return c;
    throw std::runtime_error("no cell " + text);
}

double right_edge(const TableCellLayout& c) {
    const auto& line = c.text.block.lines.front();
    return c.text.x + line.x + line.width;
}

}  // namespace

TEST(NumericCell, NumbersWithUnits) {
    for (const char* yes : {"300ms", "99.95%", "1.2GB", "1.2 GB", "12名", "5件", "¥1,200/月", "80kg", "3.5倍",
                            "1,000/s", "12ヶ月", "+0.5pt", "10GB/月"})
        EXPECT_TRUE(is_numeric_cell(yes)) << yes;
    for (const char* no : {"Q1", "約10", "ms", "12 名", "1.2 GBytes", "/月", "1-2", "v1.2", "12名/", "10 GB/"})
        EXPECT_FALSE(is_numeric_cell(no)) << no;
}

TEST(NumericCell, DecimalPointAndUnit) {
    auto p = number_parts("12.25GB");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->point, 2u);
    EXPECT_EQ(p->unit, "GB");
    p = number_parts(" ¥1,200/月");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->point, std::string(" ¥1,200").size());  // no decimals: the digits' end
    EXPECT_EQ(p->unit, "/月");
    EXPECT_EQ(number_parts("1.2 GB")->unit, "GB");
    EXPECT_FALSE(number_parts("認証"));
}

TEST(TableGrid, PlacesCellsAroundMergedOnes) {
    Table t = table_ok("<table><row><cell rowspan=\"2\">a</cell><cell colspan=\"2\">b</cell></row>"
                       "<row><cell>c</cell><cell>d</cell></row></table>");
    TableGrid g = table_grid(t.rows);
    EXPECT_EQ(g.columns, 3u);
    EXPECT_TRUE(g.problems.empty());
    ASSERT_EQ(g.cells.size(), 4u);
    EXPECT_EQ(g.cells[2].col, 1);  // c skips the column a holds
    EXPECT_EQ(g.cells[3].col, 2);
    EXPECT_EQ(t.rows[1].cells[0].column, 1);  // the loader stores it
    EXPECT_EQ(merged_block_end(t.rows, 0), 2u);
    EXPECT_EQ(merged_block_end(t.rows, 1), 2u);
}

TEST(TableGrid, BadSpansAreLocatedErrors) {
    Diagnostics d;
    load_table("<table>\n<row><cell>a</cell><cell rowspan=\"2\">b</cell></row>\n"
               "<row><cell colspan=\"2\">c</cell></row>\n</table>", d);
    ASSERT_EQ(d.error_count(), 1u);
    EXPECT_NE(d.items()[0].message.find("overlaps a cell merged into its row from above"), std::string::npos);
    EXPECT_EQ(d.items()[0].where.line, 4);  // at the <cell colspan="2">
}

TEST(TableLayout, SpareWidthSharedInProportion) {
    Table t = table_ok("<table><row header=\"true\"><cell>No.</cell><cell>領域</cell><cell>概要</cell></row>"
                       "<row><cell>1</cell><cell>認証</cell><cell>社内IDで全サービスに入る</cell></row></table>");
    TableLayout l = layout_table(t, 864, style(), test::engine());
    ASSERT_EQ(l.column_widths.size(), 3u);
    EXPECT_NEAR(std::accumulate(l.column_widths.begin(), l.column_widths.end(), 0.0), 864, 0.01);
    // Each column's width over its content's width is the same: no column takes all the spare width.
    const TextEngine& e = test::engine();
    TextStyle bold = style().text;
    bold.bold = true;
    auto need = [&](const char* head, const char* body) {
        return std::max(e.natural_width(plain_text(head), bold), e.natural_width(plain_text(body), style().text)) +
               2 * 0.6 * 18;
    };
    double r0 = l.column_widths[0] / need("No.", "1"), r1 = l.column_widths[1] / need("領域", "認証"),
           r2 = l.column_widths[2] / need("概要", "社内IDで全サービスに入る");
    EXPECT_NEAR(r0, r2, 0.01 * r2);
    EXPECT_NEAR(r1, r2, 0.01 * r2);
    EXPECT_LT(l.column_widths[2], 864 * 0.75);
}

TEST(TableLayout, ColumnsKeepTheirLongestWord) {
    // Far more text than fits on one line: the long column wraps, but the
    // short one keeps its one Latin word whole.
    std::string long_text;
    for (int i = 0; i < 12; ++i) long_text += "長い説明の文章が続きます。";
    Table t = table_ok("<table><row><cell>Kubernetes</cell><cell>" + long_text + "</cell></row></table>");
    TableLayout l = layout_table(t, 600, style(), test::engine());
    const auto& word = cell(l, "Kubernetes");
    EXPECT_EQ(word.text.block.lines.size(), 1u);
    EXPECT_GE(word.w, test::engine().natural_width(plain_text("Kubernetes"), style().text) + 2 * 0.6 * 18 - 0.5);
}

TEST(TableLayout, DecimalPointsLineUpPerUnit) {
    Table t = table_ok("<table><row><cell>1.5GB</cell></row><row><cell>12.25GB</cell></row>"
                       "<row><cell>300GB</cell></row><row><cell>20ms</cell></row></table>");
    TableLayout l = layout_table(t, 400, style(), test::engine());
    const TextEngine& e = test::engine();
    auto point_x = [&](const std::string& text, const std::string& head) {
        return right_edge(cell(l, text)) - (e.natural_width(plain_text(text), style().text) -
                                            e.natural_width(plain_text(head), style().text));
    };
    EXPECT_NEAR(point_x("1.5GB", "1"), point_x("12.25GB", "12"), 0.3);
    EXPECT_NEAR(point_x("300GB", "300"), point_x("12.25GB", "12"), 0.3);
    // The widest tail touches the padding; another unit is simply right-aligned.
    EXPECT_NEAR(right_edge(cell(l, "12.25GB")), 400 - 0.6 * 18, 0.3);
    EXPECT_NEAR(right_edge(cell(l, "20ms")), 400 - 0.6 * 18, 0.3);
    EXPECT_LT(right_edge(cell(l, "1.5GB")), 400 - 0.6 * 18 - 5);
}

TEST(TableLayout, MergedCellsAndTotalRow) {
    Table t = table_ok("<table><row header=\"true\"><cell>区分</cell><cell colspan=\"2\">実績</cell></row>"
                       "<row><cell rowspan=\"2\">性能</cell><cell>応答</cell><cell>300ms</cell></row>"
                       "<row><cell>可用性</cell><cell>99.95%</cell></row>"
                       "<row total=\"true\"><cell colspan=\"2\">合計</cell><cell>1,200</cell></row></table>");
    TableLayout l = layout_table(t, 600, style(), test::engine());
    const auto& merged = cell(l, "性能");
    EXPECT_EQ(merged.rowspan, 2);
    EXPECT_NEAR(merged.h, cell(l, "応答").h + cell(l, "可用性").h, 0.01);
    EXPECT_NEAR(cell(l, "実績").w, cell(l, "応答").w + cell(l, "300ms").w, 0.01);
    EXPECT_TRUE(cell(l, "合計").total);
    ASSERT_EQ(l.row_y.size(), 5u);
    // A thicker rule over the total row, and no rule crosses the merged cell.
    bool total_rule = false;
    for (const auto& step : l.paint) {
        const auto* shape = std::get_if<Shape>(&step.shape.item);
        if (step.cell >= 0 || !shape || shape->kind != Shape::Kind::Line) continue;
        if (std::abs(step.shape.pos.y - l.row_y[3]) < 0.01 && shape->stroke_width > 1) total_rule = true;
        if (std::abs(step.shape.pos.y - l.row_y[2]) < 0.01) {
            EXPECT_GE(step.shape.pos.x, merged.x + merged.w - 0.01);
        }
    }
    EXPECT_TRUE(total_rule);
}

TEST(TableLayout, LabelColumnStaysOnOneLineBesideLongText) {
    std::string long_text;
    for (int i = 0; i < 8; ++i) long_text += "株式会社の代表取締役社長、";
    Table t = table_ok("<table><row header=\"true\"><cell>項目</cell><cell>内容</cell></row>"
                       "<row><cell>発表者</cell><cell>" + long_text + "</cell></row></table>");
    TableLayout l = layout_table(t, 864, style(), test::engine());
    EXPECT_EQ(cell(l, "項目").text.block.lines.size(), 1u);
    EXPECT_EQ(cell(l, "発表者").text.block.lines.size(), 1u);
    ASSERT_EQ(l.cells.size(), 4u);
    EXPECT_GT(l.cells[3].text.block.lines.size(), 1u);  // the long text wraps instead
}

// Stripes alternate by block of rows a merged cell holds together: the two
// rows under "性能" are one entry and share one fill; the next block is the
// other shade.
TEST(TableLayout, StripesAlternateByMergedBlock) {
    Table t = table_ok("<table><row header=\"true\"><cell>区分</cell><cell>項目</cell><cell>値</cell></row>"
                       "<row><cell>a</cell><cell>x</cell><cell>1</cell></row>"
                       "<row><cell rowspan=\"2\">性能</cell><cell>応答</cell><cell>300ms</cell></row>"
                       "<row><cell>可用性</cell><cell>99.95%</cell></row>"
                       "<row><cell>b</cell><cell>y</cell><cell>2</cell></row></table>");
    TableLayout l = layout_table(t, 600, style(), test::engine());
    // The fill of each body row: a Rect shape whose top is the row's top.
    auto fill_of_row = [&](std::size_t r) -> std::optional<Color> {
        for (const auto& step : l.paint) {
            const auto* shape = std::get_if<Shape>(&step.shape.item);
            if (step.cell < 0 && shape && shape->kind == Shape::Kind::Rect && shape->fill &&
                std::abs(step.shape.pos.y - l.row_y[r]) < 0.01 && step.shape.pos.x > cell(l, "性能").x + 1)
                return shape->fill;
        }
        return std::nullopt;
    };
    EXPECT_FALSE(fill_of_row(1).has_value());                     // block 1: plain
    ASSERT_TRUE(fill_of_row(2).has_value());                      // block 2 (merged): striped
    EXPECT_EQ(fill_of_row(3), fill_of_row(2));                    // … both of its rows
    EXPECT_FALSE(fill_of_row(4).has_value());                     // block 3: plain again
}

// A URL is broken after '/' in its cell, as the line breaker breaks it: its
// column need not be as wide as the whole URL, and the product names beside
// it keep their words whole (sweep deck tokens.xml: "Datado|g APM" was torn
// while the URL column took 582 of 864 pt).
TEST(TableLayout, UrlColumnDoesNotStarveItsNeighbours) {
    Table t = table_ok(
        "<table><row header=\"true\"><cell>カテゴリー</cell><cell>ツール</cell><cell>URL</cell></row>"
        "<row><cell>オブザーバビリティプラットフォーム</cell><cell>Datadog APM</cell>"
        "<cell>https://app.datadoghq.com/apm/services/payment-gateway-v2/operations/http.request</cell></row>"
        "<row><cell>インシデントマネジメント</cell><cell>PagerDuty</cell>"
        "<cell>https://example.pagerduty.com/incidents/Q2W3E4R5T6Y7U8</cell></row>"
        "<row><cell>コンテナ</cell><cell>Amazon Elastic Kubernetes Service</cell>"
        "<cell>/etc/kubernetes/manifests/kube-apiserver.yaml</cell></row></table>");
    const double size = 15.17;
    TableLayout l = layout_table(t, 864, style(size), test::engine());
    const TextEngine& e = test::engine();
    for (const char* word : {"Datadog", "PagerDuty", "Kubernetes"})
        EXPECT_GE(l.column_widths[1], e.natural_width(plain_text(word), style(size).text) + 2 * 0.6 * size - 0.5)
            << word;
    EXPECT_EQ(cell(l, "PagerDuty").text.block.lines.size(), 1u);
    EXPECT_EQ(cell(l, "Datadog APM").text.block.lines.size(), 1u);
    // The long URL wraps at its own break points (after '/', before - . _), never torn inside a name.
    ASSERT_EQ(l.cells.size(), 12u);
    const auto& lines = l.cells[5].text.block.lines;
    ASSERT_GT(lines.size(), 1u);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        EXPECT_TRUE(lines[i].text.back() == '/' || std::string("-._").find(lines[i + 1].text.front()) != std::string::npos)
            << lines[i].text << " | " << lines[i + 1].text;
}

// A table whose longest words do not fit side by side, in a narrow column
// (sweep deck narrow_columns.xml): long katakana words give way and break at
// a compound boundary; product names and amounts (¥12,000/月 with its unit)
// stay whole instead of 'Amazo|n', '¥12,0|00/月'.
TEST(TableLayout, KatakanaGivesWayWhenWordsDoNotFitSideBySide) {
    Table t = table_ok(
        "<table><row header=\"true\"><cell>サービス</cell><cell>月額</cell><cell>容量</cell><cell>SLA</cell>"
        "<cell>備考</cell></row>"
        "<row><cell>Amazon Aurora PostgreSQL</cell><cell>¥12,000/月</cell><cell>128GB</cell><cell>99.90%</cell>"
        "<cell>オブザーバビリティプラットフォーム</cell></row>"
        "<row><cell>AWS Lambda</cell><cell>¥240,000/月</cell><cell>64GB</cell><cell>99.95%</cell>"
        "<cell>インフラストラクチャー</cell></row></table>");
    const double size = 16, width = 470;
    TableLayout l = layout_table(t, width, style(size), test::engine());
    // The longest words (the katakana one included) are wider than the table.
    ASSERT_GT(l.min_width, width);
    for (const char* text : {"¥12,000/月", "¥240,000/月", "128GB", "99.90%", "99.95%", "64GB"})
        EXPECT_EQ(cell(l, text).text.block.lines.size(), 1u) << text;
    std::string words;
    for (const auto& line : l.cells[5].text.block.lines) words += "[" + line.text + "]";
    EXPECT_EQ(words, "[Amazon][Aurora][PostgreSQL]");
    EXPECT_GT(l.cells[9].text.block.lines.size(), 1u);  // the katakana word wraps instead
}

// Short labels beside columns of numbers (the outline handout of the sweep
// deck big_tables.xml): the label column got what the numbers left and was
// torn between its characters, '東|北|01', '担当|者'. A short label without
// spaces (up to 5 em) now counts as one word.
TEST(TableLayout, ShortLabelsBesideNumbersStayWhole) {
    std::string rows = "<row header=\"true\"><cell>拠点</cell><cell>件数</cell><cell>売上</cell><cell>容量</cell>"
                       "<cell>顧客数</cell><cell>担当者</cell><cell>前年差</cell><cell>前年比</cell></row>";
    for (const char* label : {"東北01", "北海道10", "関東22"})
        rows += std::string("<row><cell>") + label + "</cell><cell>351</cell><cell>12,883万円</cell><cell>96.5GB</cell>"
                "<cell>976</cell><cell>987</cell><cell>+1,024</cell><cell>△12.2%</cell></row>";
    Table t = table_ok("<table>" + rows + "</table>");
    // As the outline handout sets it: at the width its words need (report_table.cpp, fitting_cell_size).
    const double need = layout_table(t, 1000, style(9), test::engine()).min_width;
    TableLayout l = layout_table(t, need, style(9), test::engine());
    for (const char* text : {"東北01", "北海道10", "関東22", "担当者", "顧客数", "前年比"})
        EXPECT_EQ(cell(l, text).text.block.lines.size(), 1u) << text;
}

// Authored widths are kept, except that a column narrower than its longest
// word takes what it lacks from the others' room beyond their words; when
// the words cannot stand side by side the widths stay as written.
TEST(TableLayout, AuthoredWidthsDoNotTearWordsThatFit) {
    const std::string rows =
        "<row header=\"true\"><cell>評価項目</cell><cell>SuccessFactors</cell><cell>国産</cell></row>"
        "<row><cell>給与計算</cell><cell>○</cell><cell>◎</cell></row></table>";
    TableLayout l = layout_table(table_ok("<table widths=\"6,1,1\">" + rows), 600, style(), test::engine());
    ASSERT_EQ(l.column_widths.size(), 3u);
    EXPECT_NEAR(std::accumulate(l.column_widths.begin(), l.column_widths.end(), 0.0), 600, 0.01);
    TextStyle bold = style().text;
    bold.bold = true;
    const double word = test::engine().natural_width(plain_text("SuccessFactors"), bold) + 2 * 0.6 * 18;
    EXPECT_GE(l.column_widths[1] + 0.01, word);       // 'SuccessFactors' whole (75 pt as written)
    EXPECT_GT(l.column_widths[0], l.column_widths[2]);  // the first column still the widest
    for (const auto& c : l.cells) EXPECT_EQ(c.text.block.lines.size(), 1u) << c.plain;
    // Too narrow for the words side by side: as written.
    TableLayout narrow = layout_table(table_ok("<table widths=\"6,1,1\">" + rows), 150, style(), test::engine());
    EXPECT_NEAR(narrow.column_widths[0], 150 * 6 / 8.0, 0.01);
}
