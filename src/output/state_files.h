#pragma once
// The text of OUT/.kamishibai/manifest and OUT/.kamishibai/journal (their
// format is described in output/output_folder.h): writing them, and reading
// them without trusting them. A folder can come from anyone (a repository, a
// shared drive), so every path read back must be a plain relative path
// inside OUT; a state file with any other is foreign and is not acted on.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ks {

struct OwnedFile {
    std::uint64_t size = 0;
    std::uint64_t hash = 0;
    std::uint64_t key = 0;  // what it was made from; 0: unknown
    std::string stamp;      // inode, size and mtime when written: unchanged since, no need to hash it
    std::string label;      // for the change report (slide id "\n" title)
    bool fnv = false;       // `hash` is FNV-1a 64 (manifest 1-2, journal 1), not XXH3-64
};

// Why a state file's line cannot be acted on: its 1-based line number, the
// line itself and the reason.
struct StateProblem {
    std::size_t line = 0;
    std::string text;
    std::string why;
};

struct Manifest {
    std::map<std::string, OwnedFile> owned;
    bool intact = false;  // header, every line and the checksum right: keys and labels can be trusted
};

struct Journal {
    std::vector<std::pair<std::string, std::string>> renames;  // temporary, final (relative to OUT)
    std::vector<std::string> deletes;
    std::vector<std::size_t> rename_lines, delete_lines;  // where each is in the journal (1-based)
    std::map<std::string, OwnedFile> owned;  // the manifest after the commit
};

// "" when `path` is a plain relative path inside the output folder: not
// empty, not absolute, no empty, "." or ".." component, no control
// character, and not in kamishibai's private ".kamishibai" (unless
// `private_state`); else why not.
std::string path_problem(std::string_view path, bool private_state = false);

// A manifest that is not kamishibai's at all (another header) owns nothing;
// lines that are damaged are skipped. A line naming a path outside the
// folder makes the whole manifest foreign: the problem is returned instead.
std::optional<StateProblem> parse_manifest(std::string_view text, Manifest& out);
std::string manifest_text(const std::map<std::string, OwnedFile>& files);

// A journal is acted on only when every line is well formed and every path
// is inside the folder (temporaries inside .kamishibai/tmp/).
std::optional<StateProblem> parse_journal(std::string_view text, Journal& out);
std::string journal_text(const Journal& journal);

// "<line>" with tabs and control characters shown as escapes, for messages.
std::string printable_line(std::string_view line);

}  // namespace ks
