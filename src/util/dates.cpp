#include "util/dates.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <regex>

namespace ks {

std::string iso_to_japanese_date(const std::string& iso) {
    static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(iso, m, pattern)) return iso;
    return m[1].str() + "年" + std::to_string(std::stoi(m[2].str())) + "月" + std::to_string(std::stoi(m[3].str())) + "日";
}

bool parse_iso_date(const std::string& s, int& y, int& m, int& d) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    y = std::atoi(s.substr(0, 4).c_str());
    m = std::atoi(s.substr(5, 2).c_str());
    d = std::atoi(s.substr(8, 2).c_str());
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

Timestamp document_timestamp(const std::string& iso_date, const char* source_date_epoch) {
    Timestamp t;
    if (parse_iso_date(iso_date, t.year, t.month, t.day)) return t;
    if (source_date_epoch && *source_date_epoch) {
        char* end = nullptr;
        const long long secs = std::strtoll(source_date_epoch, &end, 10);
        if (end && *end == '\0' && secs >= 0 && secs < 253402300800LL) {
            const std::time_t when = static_cast<std::time_t>(secs);
            std::tm tm{};
            gmtime_r(&when, &tm);
            return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
        }
    }
    return Timestamp{};
}

std::string pdf_date(const Timestamp& t) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", t.year, t.month, t.day, t.hour, t.minute, t.second);
    return buf;
}

std::string iso8601_date(const Timestamp& t) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute,
                  t.second);
    return buf;
}

}  // namespace ks
