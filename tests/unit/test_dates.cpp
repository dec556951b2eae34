#include <gtest/gtest.h>

#include "util/dates.h"

using namespace ks;

TEST(Dates, JapaneseDate) {
    EXPECT_EQ(iso_to_japanese_date("2025-06-26"), "2025年6月26日");
    EXPECT_EQ(iso_to_japanese_date("令和7年"), "令和7年");
}

TEST(Dates, DocumentTimestampPrefersTheOutlineThenSourceDateEpoch) {
    EXPECT_EQ(iso8601_date(document_timestamp("2025-06-26", "0")), "2025-06-26T00:00:00Z");
    EXPECT_EQ(iso8601_date(document_timestamp("", "1750897230")), "2025-06-26T00:20:30Z");
    EXPECT_EQ(pdf_date(document_timestamp("", "1750897230")), "D:20250626002030Z");
    EXPECT_EQ(iso8601_date(document_timestamp("26/06/2025", "not a number")), "2000-01-01T00:00:00Z");
    EXPECT_EQ(iso8601_date(document_timestamp("", nullptr)), "2000-01-01T00:00:00Z");
}
