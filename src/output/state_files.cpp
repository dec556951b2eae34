#include "output/state_files.h"

#include "util/hash.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace ks {
namespace {

// Version 3 and journal 2 hash files with XXH3-64; earlier ones with FNV-1a
// 64 (read, with OwnedFile::fnv set, never written).
constexpr std::string_view kManifestHeader = "kamishibai-manifest 3";
constexpr std::string_view kManifestHeaderV2 = "kamishibai-manifest 2";
constexpr std::string_view kManifestHeaderV1 = "kamishibai-manifest 1";
constexpr std::string_view kJournalHeader = "kamishibai-journal 2";
constexpr std::string_view kJournalHeaderV1 = "kamishibai-journal 1";
constexpr std::string_view kTmpPrefix = ".kamishibai/tmp/";

std::vector<std::string> split_tabs(std::string_view line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        auto tab = line.find('\t', start);
        out.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) return out;
        start = tab + 1;
    }
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

// Labels and stamps are one field: backslash, tab and newline escaped.
std::string escape_field(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

std::string unescape_field(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        char c = s[++i];
        out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
    }
    return out;
}

// Strict parse of a hex or decimal field: the whole field, nothing else.
bool parse_u64(const std::string& s, int base, std::uint64_t& v) {
    if (s.empty() || s.size() > 20 || s[0] == '-' || s[0] == '+' || s[0] == ' ') return false;
    char* end = nullptr;
    errno = 0;
    v = std::strtoull(s.c_str(), &end, base);
    return errno == 0 && end == s.c_str() + s.size();
}

std::string owned_fields(const OwnedFile& f) {
    return std::to_string(f.size) + "\t" + hex64(f.hash) + "\t" + hex64(f.key) + "\t" + escape_field(f.stamp) + "\t" +
           escape_field(f.label);
}

// size, hash, key, stamp, label (the fields before the path), or false.
bool parse_owned(const std::vector<std::string>& f, std::size_t first, bool with_key, OwnedFile& o) {
    if (!parse_u64(f[first], 10, o.size) || !parse_u64(f[first + 1], 16, o.hash)) return false;
    if (!with_key) return true;
    if (!parse_u64(f[first + 2], 16, o.key)) return false;
    o.stamp = unescape_field(f[first + 3]);
    o.label = unescape_field(f[first + 4]);
    return true;
}

StateProblem problem(std::size_t line, std::string_view text, std::string why) {
    return {line, std::string(text), std::move(why)};
}

}  // namespace

std::string path_problem(std::string_view path, bool private_state) {
    if (path.empty()) return "an empty path";
    if (path.front() == '/') return "an absolute path";
    for (unsigned char c : path)
        if (c < 0x20 || c == 0x7f) return "a control character in a path";
    std::size_t start = 0;
    bool first = true;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        std::string_view part = path.substr(start, end - start);
        if (part.empty()) return "an empty path component";
        if (part == "." || part == "..") return "a path outside the output folder (\"" + std::string(part) + "\")";
        if (first && part == ".kamishibai" && !private_state) return "a path into kamishibai's private state";
        first = false;
        start = end + 1;
    }
    return "";
}

std::string printable_line(std::string_view line) {
    std::string out;
    for (unsigned char c : line) {
        if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    return out;
}

std::optional<StateProblem> parse_manifest(std::string_view text, Manifest& out) {
    out = {};
    auto lines = split_lines(text);
    if (lines.empty()) return std::nullopt;
    const bool v1 = lines[0] == kManifestHeaderV1;
    const bool fnv = v1 || lines[0] == kManifestHeaderV2;
    if (!fnv && lines[0] != kManifestHeader) return std::nullopt;  // not ours: nothing is owned, nothing cached
    // Ownership is read line by line (the commit checks each file's hash
    // anyway); keys and labels only when the whole manifest is intact.
    std::string sum_text = std::string(lines[0]) + "\n";
    bool intact = false;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        auto f = split_tabs(lines[i]);
        if (!v1 && f.size() == 2 && f[0] == "end") {
            std::uint64_t sum = 0;
            intact = parse_u64(f[1], 16, sum) && sum == fnv1a64(sum_text) && i + 1 == lines.size();
            break;
        }
        sum_text += std::string(lines[i]) + "\n";
        OwnedFile o;
        std::size_t fields = v1 ? 3 : 6;
        if (f.size() != fields || !parse_owned(f, 0, !v1, o)) continue;  // damaged: owns nothing
        o.fnv = fnv;
        const std::string& path = f.back();
        if (auto why = path_problem(path); !why.empty()) return problem(i + 1, lines[i], why);
        out.owned[path] = o;
    }
    out.intact = intact && !v1;
    if (!out.intact)
        for (auto& [_, o] : out.owned) o.key = 0, o.label.clear(), o.stamp.clear();
    return std::nullopt;
}

std::string manifest_text(const std::map<std::string, OwnedFile>& files) {
    std::string text = std::string(kManifestHeader) + "\n";
    for (const auto& [name, f] : files) text += owned_fields(f) + "\t" + name + "\n";
    text += "end\t" + hex64(fnv1a64(text)) + "\n";
    return text;
}

std::optional<StateProblem> parse_journal(std::string_view text, Journal& out) {
    out = {};
    auto lines = split_lines(text);
    const bool fnv = !lines.empty() && lines.front() == kJournalHeaderV1;
    if (lines.empty() || (lines.front() != kJournalHeader && !fnv))
        return problem(1, lines.empty() ? "" : lines.front(), "not a kamishibai journal header");
    if (lines.size() < 2 || lines.back() != "end" || text.back() != '\n')
        return problem(lines.size(), lines.back(), "the journal does not end with \"end\" (damaged)");
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        auto f = split_tabs(lines[i]);
        std::string why;
        if (f[0] == "rename" && f.size() == 3) {
            if (f[1].rfind(kTmpPrefix, 0) != 0 || f[1].find('/', kTmpPrefix.size()) != std::string::npos)
                why = "a temporary outside .kamishibai/tmp/";
            else if (why = path_problem(f[1], true); why.empty())
                why = path_problem(f[2]);
            if (why.empty()) out.renames.emplace_back(f[1], f[2]), out.rename_lines.push_back(i + 1);
        } else if (f[0] == "delete" && f.size() == 2) {
            why = path_problem(f[1]);
            if (why.empty()) out.deletes.push_back(f[1]), out.delete_lines.push_back(i + 1);
        } else if (f[0] == "own" && (f.size() == 4 || f.size() == 7)) {
            OwnedFile o;
            o.fnv = fnv;
            if (!parse_owned(f, 1, f.size() == 7, o)) why = "a damaged size, hash or key";
            else if (why = path_problem(f.back()); why.empty()) out.owned[f.back()] = o;
        } else {
            why = "not a journal line (damaged)";
        }
        if (!why.empty()) return problem(i + 1, lines[i], why);
    }
    return std::nullopt;
}

std::string journal_text(const Journal& journal) {
    std::string text = std::string(kJournalHeader) + "\n";
    for (const auto& [temp, rel] : journal.renames) text += "rename\t" + temp + "\t" + rel + "\n";
    for (const auto& rel : journal.deletes) text += "delete\t" + rel + "\n";
    for (const auto& [rel, f] : journal.owned) text += "own\t" + owned_fields(f) + "\t" + rel + "\n";
    return text + "end\n";
}

}  // namespace ks
