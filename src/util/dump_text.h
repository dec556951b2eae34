#pragma once
// The two spellings every text dump shares (export/dump's frame dump,
// model/deck_dump's outline dump), so goldens read alike and do not depend
// on the machine.
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace ks {

// A number to 0.01 without trailing zeros ("12", "12.5", "-0.25"; never "-0").
inline std::string dump_number(double v) {
    if (std::abs(v) < 0.005) v = 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

// Text in double quotes, with quotes, backslashes and controls escaped.
inline std::string dump_quote(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (ch == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

}  // namespace ks
