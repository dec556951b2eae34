// Chart values read as Japanese business tables write them, bare URLs found
// in running text, and hrefs checked.
#include <gtest/gtest.h>

#include "outline/chart_loader.h"
#include "outline/link_reader.h"

namespace ks {
namespace {

double value(const std::string& text, const std::string& unit = "億円") {
    std::string problem;
    auto v = parse_chart_value(text, unit, problem);
    EXPECT_TRUE(v) << text << ": " << problem;
    return v.value_or(-12345);
}

TEST(ChartData, ReadsNumbersAsTablesWriteThem) {
    EXPECT_DOUBLE_EQ(value("1,234"), 1234);
    EXPECT_DOUBLE_EQ(value("△3.2"), -3.2);
    EXPECT_DOUBLE_EQ(value("▲12"), -12);
    EXPECT_DOUBLE_EQ(value("−5"), -5);
    EXPECT_DOUBLE_EQ(value("＋１２．５"), 12.5);
    EXPECT_DOUBLE_EQ(value("12億円"), 12);
    EXPECT_DOUBLE_EQ(value(" 7 "), 7);
}

TEST(ChartData, RejectsTextAndOtherUnits) {
    std::string problem;
    EXPECT_FALSE(parse_chart_value("Q1", "億円", problem));
    EXPECT_NE(problem.find("not a number"), std::string::npos);
    EXPECT_FALSE(parse_chart_value("12%", "億円", problem));
    EXPECT_NE(problem.find("'%'"), std::string::npos);
    EXPECT_FALSE(parse_chart_value("12件", "", problem));
    EXPECT_FALSE(parse_chart_value("1.", "", problem));
}

TEST(ChartData, GeneratedAltNamesTypeSeriesAndCategories) {
    Chart c;
    c.type = ChartType::Column;
    c.caption = "売上";
    c.category_label = "四半期";
    c.series = {{"2025年度", {}}, {"2026年度", {}}};
    EXPECT_EQ(generated_chart_alt(c), "column chart: 売上 by 四半期, 2 series");
    c.unit = "億円";
    c.caption.clear();
    EXPECT_EQ(generated_chart_alt(c), "column chart: 2025年度・2026年度 by 四半期, 2 series (億円)");
}

TEST(Links, BareUrlsBecomeSpansOfTheirOwn) {
    Span s{"詳細は https://example.com/a?b=1. を参照（http://x.jp）", false, false, false, {}, {}};
    auto parts = autolink(s);
    ASSERT_EQ(parts.size(), 5u);
    EXPECT_EQ(parts[1].text, "https://example.com/a?b=1");
    EXPECT_EQ(parts[1].href, "https://example.com/a?b=1");
    EXPECT_EQ(parts[2].text, ". を参照（");
    EXPECT_TRUE(parts[2].href.empty());
    EXPECT_EQ(parts[3].href, "http://x.jp");
    EXPECT_EQ(parts[4].text, "）");
    Span plain{"httpサーバー", false, false, false, {}, {}};
    EXPECT_EQ(autolink(plain).size(), 1u);
}

TEST(Links, HrefsMustBeHttpUrlsWithAHostOrSlideIds) {
    std::string problem;
    EXPECT_TRUE(valid_href("https://example.com/x", problem));
    EXPECT_TRUE(valid_href("http://localhost:8080/", problem));
    EXPECT_TRUE(valid_href("#revenue", problem));
    EXPECT_FALSE(valid_href("ftp://example.com", problem));
    EXPECT_FALSE(valid_href("https://", problem));
    EXPECT_FALSE(valid_href("https://a b.com", problem));
    EXPECT_FALSE(valid_href("https://example..com", problem));
    EXPECT_FALSE(valid_href("#", problem));
    EXPECT_FALSE(valid_href("www.example.com", problem));
}

}  // namespace
}  // namespace ks
