#pragma once
// The output folder: what kamishibai owns in it and how a build commits.
//
// Layout of OUT/.kamishibai/ (kamishibai's private state; an incremental
// cache may add files here, every name below stays):
//   lock      flock(2)ed for the whole build, so builds into one folder run
//             one after another; holds the holder's pid (for the message of
//             a build that waited too long, KAMISHIBAI_LOCK_TIMEOUT seconds,
//             default 120).
//   manifest  "kamishibai-manifest 2", then one line per file kamishibai
//             owns in OUT: "<size>\t<fnv1a64 hex>\t<key hex>\t<stamp>\t<label>\t
//             <path relative to OUT>", then "end\t<fnv1a64 hex of all lines before>".
//             The key (cache/render_key.h) says what the file was made from,
//             the stamp (inode, size, mtime) lets an unchanged file be kept
//             without hashing it, the label (slide id and title, escaped)
//             names it in the change report: this is the incremental cache. Keys and labels are used
//             only when the header, every line and the checksum are right; a
//             damaged or foreign manifest is no cache (a full build). Version
//             1 lines ("<size>\t<hash>\t<path>") are still read, without keys.
//             Anything not listed is the user's: never deleted, replaced or
//             written through (a user's file where an output goes is an
//             error, unless it is byte-identical to the new output: adopted).
//   journal   the commit in progress: "kamishibai-journal 1", "rename\tTMP\tFINAL"
//             lines, "delete\tFINAL" lines, the new manifest's lines as
//             "own\t<size>\t<hash>\t<key>\t<stamp>\t<label>\tFINAL", then "end". Written to a temporary
//             name, fsynced and renamed, so it is complete or absent.
//   set-aside/  state that --recover moved out of the way (kept for a look).
//   tmp/      new files under unpredictable names (random suffix, created
//             O_CREAT|O_EXCL|O_NOFOLLOW), on the same file system as OUT.
//
// Commit: fsync every new file, write the journal, fsync the folders, rename
// each file into place (slides/NN.png one by one, never the whole folder),
// delete the files the old manifest listed and the new does not, write the
// manifest, remove the journal. Every run first rolls a journal it finds
// forward, so after a crash at any point the next run completes the commit:
// the folder holds the complete old output or the complete new one.
//
// The state files are not trusted (output/state_files.h): a journal or
// manifest naming a path outside OUT, or reaching a file through a symbolic
// link, is foreign; it is reported (ForeignState) and not acted on. Rolling
// forward never replaces or deletes a file that is not the one the commit
// left there (a user's file put there after the crash stays, as an error).
#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/state_files.h"

namespace ks {

// A file or folder of the user's is where an output would go (input problem).
struct OutputConflict : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A state file (journal, manifest) that kamishibai did not write or that is
// damaged: it was not acted on; the message names the file and the line.
struct ForeignState : OutputConflict {
    using OutputConflict::OutputConflict;
};

// A crash left a commit half done, and a file of the user's now stands where
// it puts an output: rolling forward stops (the folder stays a mix of two
// builds until the file is moved away).
struct RecoveryBlocked : OutputConflict {
    using OutputConflict::OutputConflict;
};

// The commit started and did not finish; the message says what state the
// folder is in (the next run completes it).
struct CommitInterrupted : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Owns a file descriptor.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd();
    Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    Fd& operator=(Fd&& o) noexcept;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

class OutputFolder {
public:
    // Opens or creates `dir` and its private state, takes the lock and rolls
    // forward an interrupted commit. Throws std::runtime_error (environment)
    // or OutputConflict (ForeignState). `recover` (--recover): foreign or
    // damaged state is moved to set-aside/ instead, and a regular file where
    // an output goes is replaced even when the manifest does not list it.
    explicit OutputFolder(const std::filesystem::path& dir, bool recover = false);
    ~OutputFolder();  // removes uncommitted temporaries, releases the lock
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    // Temporary path to write the output `relative` (e.g. "slides/01.png")
    // to. Throws OutputConflict when something of the user's is in the way.
    std::filesystem::path file(const std::string& relative, std::uint64_t key = 0, std::string label = "");

    // Keeps the previous build's `relative` untouched when it was made from
    // `key` and is still on disk exactly as written; false: make it anew.
    bool keep(const std::string& relative, std::uint64_t key, std::string label = "");

    // The previous build's entry of `relative`, if the cache is valid.
    const OwnedFile* previous(const std::string& relative) const;

    // Moves every new file into place as described above. Returns false
    // when there was nothing to do (every output kept, nothing stale).
    bool commit();

    const std::filesystem::path& dir() const { return dir_; }
    // `message` with each temporary's path replaced by its output's path.
    std::string final_names(std::string message) const;
    const std::map<std::string, OwnedFile>& manifest() const { return manifest_; }
    bool cache_valid() const { return cache_valid_; }
    // The previous build's outputs are all on disk exactly as it wrote them
    // (a valid manifest, every file's stamp unchanged): nothing to redo.
    bool intact() const;

private:
    void check_target(const std::string& relative) const;
    void load_state(bool recover);
    void set_aside(const std::string& name);
    void roll_forward(const Journal& journal, bool after_crash);
    void check_no_link_on_way(const std::string& relative, std::size_t line) const;
    void check_writable(const std::vector<std::string>& finals) const;
    [[noreturn]] void foreign(const std::string& file, const StateProblem& p) const;
    void write_manifest(std::map<std::string, OwnedFile> files);

    std::filesystem::path dir_, state_, tmp_;
    Fd lock_fd_;
    std::map<std::string, OwnedFile> manifest_;            // owned before this build
    std::vector<std::pair<std::filesystem::path, std::string>> pending_;  // temp, relative final
    std::map<std::string, OwnedFile> pending_keys_;       // key and label of each pending file
    std::map<std::string, OwnedFile> kept_;               // kept from the previous build
    bool cache_valid_ = false;                            // manifest_ keys and labels can be trusted
    bool committed_ = false;
    bool replace_unowned_ = false;                        // --recover
};

// util/hash.h's hash of a file's bytes (and its size); throws on a read error.
OwnedFile hash_file(const std::filesystem::path& path);
// Whether the file holds the bytes `recorded` describes (hashed the way its
// state file did: XXH3, or FNV-1a for an older build's); throws on a read error.
bool same_bytes(const std::filesystem::path& path, const OwnedFile& recorded);

// Called after each commit step: KAMISHIBAI_TEST_CRASH_AT=N kills the
// process at the Nth step (0: right after recovery), KAMISHIBAI_TEST_FAIL_AT=N
// throws there instead, for the crash and message tests.
void crash_point();

// For `check -o OUT`, without the lock and without changing anything: ""
// when OUT is settled, else a sentence on its state (an interrupted commit
// that leaves it a mix of two builds, or state that is not kamishibai's).
std::string folder_state_note(const std::filesystem::path& dir);

// Writes a file beside `path` under a random name and renames it into place
// (for the layout dump outside the output folder).
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// Throws OutputConflict when something other than a regular file is at `path`.
void check_replaceable(const std::filesystem::path& path);

// Creates a fresh file with a random suffix; returns its path. Throws.
std::filesystem::path create_unique_file(const std::filesystem::path& dir, const std::string& stem);

}  // namespace ks
