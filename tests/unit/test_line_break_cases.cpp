// Line-break cases as data: every tests/cases/line_breaks/*.txt (format in
// that folder's README.md) is one input, a width and the lines expected. The
// folder is read when the test runs, so a new file needs no rebuild. A
// failing case names its file and shows the lines that differ.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "golden.h"
#include "test_support.h"
#include "text/jlreq_classes.h"
#include "text/line_breaker.h"
#include "util/read_file.h"
#include "util/utf8.h"

namespace fs = std::filesystem;
using namespace ks;

namespace {

struct Case {
    std::map<std::string, std::string> keys;  // engine, width, size, heading, …
    std::string input;                        // lines joined by '\n' (hard breaks)
    std::vector<std::string> lines;           // expected
};

// Parses a case file; an error names the file's line.
Case parse_case(const std::string& text, std::string& error) {
    Case c;
    enum { Keys, Input, Lines } part = Keys;
    std::vector<std::string> input;
    const auto all = test::split_lines(text);
    for (std::size_t n = 0; n < all.size() && error.empty(); ++n) {
        std::string line = all[n];
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line == "--- input") {
            part = Input;
        } else if (line == "--- lines") {
            part = Lines;
        } else if (part == Input) {
            input.push_back(line);
        } else if (part == Lines) {
            c.lines.push_back(line);
        } else if (!line.empty() && line[0] != '#') {
            const auto colon = line.find(':');
            if (colon == std::string::npos) error = "line " + std::to_string(n + 1) + ": expected 'key: value'";
            else c.keys[line.substr(0, colon)] = line.substr(line.find_first_not_of(' ', colon + 1));
        }
    }
    while (!c.lines.empty() && c.lines.back().empty()) c.lines.pop_back();
    for (std::size_t i = 0; i < input.size(); ++i) c.input += (i ? "\n" : "") + input[i];
    if (error.empty() && (part != Lines || c.input.empty())) error = "needs '--- input' and '--- lines' sections";
    if (error.empty() && !c.keys.count("width")) error = "needs 'width: POINTS'";
    return c;
}

bool flag(const Case& c, const std::string& key, bool otherwise) {
    const auto it = c.keys.find(key);
    return it == c.keys.end() ? otherwise : it->second == "yes";
}

double number(const Case& c, const std::string& key, double otherwise) {
    const auto it = c.keys.find(key);
    return it == c.keys.end() ? otherwise : std::stod(it->second);
}

// The line breaker alone over the simple advance model: Japanese 1 em,
// Latin letters and digits 0.5 em, a space 0.25 em.
std::vector<std::string> model_lines(const Case& c) {
    const double em = number(c, "size", 10);
    std::vector<text::BreakCluster> clusters;
    for (char32_t ch : utf8_to_u32(c.input)) {
        if (ch == U'\n') {
            if (!clusters.empty()) clusters.back().hard_break_after = true;
            continue;
        }
        const double advance = ch == U' ' ? 0.25 * em : (text::is_cjk(ch) || ch >= 0x2000) ? em : 0.5 * em;
        clusters.push_back({ch, ch, advance, false});
    }
    text::LineBreakOptions o;
    o.width = number(c, "width", 0);
    o.em = em;
    o.heading = flag(c, "heading", false);
    o.justify = flag(c, "justify", false);
    o.avoid_orphans = flag(c, "avoid-orphans", true);
    o.prefer_phrases = flag(c, "prefer-phrases", false);
    o.jl_spacing_em = number(c, "jl-spacing", 0.25);
    std::vector<std::string> lines;
    for (const text::BrokenLine& l : text::break_lines(clusters, o)) {
        std::string s;
        for (std::size_t i = l.begin; i < l.end; ++i) s += utf8_encode(clusters[i].first);
        lines.push_back(s);
    }
    return lines;
}

// The text engine the slides use: Pango with the pinned fonts (fonts/).
std::vector<std::string> engine_lines(const Case& c) {
    TextStyle style;
    style.size = number(c, "size", style.size);
    style.bold = flag(c, "bold", false);
    style.heading = flag(c, "heading", false);
    style.prefer_phrases = flag(c, "prefer-phrases", true);
    style.jl_spacing_em = number(c, "jl-spacing", style.jl_spacing_em);
    if (flag(c, "justify", false)) style.align = Align::Justify;
    std::vector<std::string> lines;
    for (const auto& l : test::engine().set(plain_text(c.input), style, number(c, "width", 0)).lines)
        lines.push_back(l.text);
    return lines;
}

}  // namespace

TEST(LineBreakCases, EveryFileInTheFolderBreaksAsItSays) {
    const fs::path dir = fs::path(KS_TEST_DATA_DIR) / "cases" / "line_breaks";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 12u) << "the cases in " << dir << " were not found";
    std::size_t model = 0, engine = 0;
    for (const fs::path& file : files) {
        std::string error;
        const Case c = parse_case(read_file(file.string()).value_or(""), error);
        if (!error.empty()) {
            ADD_FAILURE() << file.filename().string() << ": " << error;
            continue;
        }
        const std::string kind = c.keys.count("engine") ? c.keys.at("engine") : "text";
        if (kind != "model" && kind != "text") {
            ADD_FAILURE() << file.filename().string() << ": engine is 'model' or 'text', not '" << kind << "'";
            continue;
        }
        const auto got = kind == "model" ? model_lines(c) : engine_lines(c);
        (kind == "model" ? model : engine)++;
        if (got != c.lines)
            ADD_FAILURE() << file.filename().string() << " (" << file.string() << "): "
                          << test::line_diff(c.lines, got);
    }
    std::cout << files.size() << " line-break cases (" << model << " model, " << engine << " text engine)\n";
}
