#pragma once
// Goldens shaped by stage: tests/golden/<stage>/<name>, one folder per build
// stage (load, fit, render, impose; see docs/ARCHITECTURE.md, "Goldens").
// KS_UPDATE_GOLDEN=1 rewrites them instead of comparing; review the change
// with `git diff tests/golden` before committing it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "util/read_file.h"

namespace ks::test {

inline bool updating_goldens() {
    const char* v = std::getenv("KS_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

inline std::filesystem::path golden_path(const std::string& stage, const std::string& name) {
    return std::filesystem::path(KS_TEST_DATA_DIR) / "golden" / stage / name;
}

inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// A short report of how `got` differs from `want`, line by line: where the
// first difference is, the nearest "page"/"slide" heading above it, three
// lines before it and four from it ("-" the expected line, "+" the line
// produced), and how many lines differ in all.
inline std::string line_diff(const std::vector<std::string>& want, const std::vector<std::string>& got) {
    const std::size_t n = std::max(want.size(), got.size());
    std::size_t first = n, differing = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const bool same = i < want.size() && i < got.size() && want[i] == got[i];
        if (!same && first == n) first = i;
        differing += !same;
    }
    if (first == n) return "";
    std::ostringstream out;
    out << "first difference at line " << first + 1 << " (" << differing << " of " << n << " lines differ; "
        << want.size() << " expected, " << got.size() << " produced)\n";
    for (std::size_t i = first; i-- > 0;) {
        const std::string& l = want[i];
        const auto text = l.find_first_not_of(' ');
        if (text != std::string::npos && (l.compare(text, 5, "page ") == 0 || l.compare(text, 6, "slide ") == 0)) {
            out << "  in: " << l.substr(text) << "\n";
            break;
        }
    }
    const std::size_t from = first >= 3 ? first - 3 : 0;
    for (std::size_t i = from; i < first; ++i) out << "   " << want[i] << "\n";
    for (std::size_t i = first; i < std::min(first + 4, n); ++i) {
        const bool in_want = i < want.size(), in_got = i < got.size();
        if (in_want && in_got && want[i] == got[i]) {
            out << "   " << want[i] << "\n";
            continue;
        }
        if (in_want) out << " - " << want[i] << "\n";
        if (in_got) out << " + " << got[i] << "\n";
    }
    return out.str();
}

// Compares `got` with tests/golden/<stage>/<name>, or rewrites that file when
// KS_UPDATE_GOLDEN=1. A failure shows the diff and keeps the whole output in
// /tmp/ks-golden-<stage>-<name> (diff it against the golden).
inline void expect_golden_text(const std::string& stage, const std::string& name, const std::string& got) {
    const auto path = golden_path(stage, name);
    if (updating_goldens()) {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << got;
        return;
    }
    const std::string want = read_file(path.string()).value_or("");
    ASSERT_FALSE(want.empty()) << "no golden " << path << " (run with KS_UPDATE_GOLDEN=1 and review it)";
    if (got == want) return;
    const auto out = std::filesystem::temp_directory_path() / ("ks-golden-" + stage + "-" + name);
    std::ofstream(out, std::ios::binary) << got;
    ADD_FAILURE() << stage << "/" << name << " differs from its golden: "
                  << line_diff(split_lines(want), split_lines(got)) << "(whole output in " << out.string()
                  << "; diff -u " << path.string() << " " << out.string()
                  << "; if the change is right, regenerate with KS_UPDATE_GOLDEN=1)";
}

}  // namespace ks::test
