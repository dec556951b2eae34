#include "util/dates.h"

#include <regex>

namespace ks {

std::string iso_to_japanese_date(const std::string& iso) {
    static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(iso, m, pattern)) return iso;
    return m[1].str() + "年" + std::to_string(std::stoi(m[2].str())) + "月" + std::to_string(std::stoi(m[3].str())) + "日";
}

}  // namespace ks
