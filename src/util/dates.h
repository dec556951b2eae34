#pragma once
#include <string>

namespace ks {

// "2025-06-26" → "2025年6月26日"; anything else is returned unchanged.
std::string iso_to_japanese_date(const std::string& iso);

// The fixed time stamped into output files, so the same input gives the same
// bytes: the outline's <date> (midnight UTC), else SOURCE_DATE_EPOCH, else
// 2000-01-01.
struct Timestamp {
    int year = 2000, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
Timestamp document_timestamp(const std::string& iso_date, const char* source_date_epoch);
std::string pdf_date(const Timestamp& t);      // "D:20250626000000Z"
std::string iso8601_date(const Timestamp& t);  // "2025-06-26T00:00:00Z"

// Parses "YYYY-MM-DD"; false for anything else.
bool parse_iso_date(const std::string& s, int& year, int& month, int& day);

}  // namespace ks
