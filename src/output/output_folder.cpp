#include "output/output_folder.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "util/hash.h"
#include "util/parallel.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ks {
namespace {

constexpr const char* kManifestHeader = "kamishibai-manifest 2";
constexpr const char* kManifestHeaderV1 = "kamishibai-manifest 1";
constexpr const char* kJournalHeader = "kamishibai-journal 1";

[[noreturn]] void throw_errno(const std::string& what, const fs::path& path) {
    int e = errno;
    throw std::runtime_error("cannot " + what + " " + path.string() + ": " + std::strerror(e));
}

std::string random_suffix() {
    unsigned char bytes[8];
    std::size_t got = 0;
    while (got < sizeof bytes) {
        ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_errno("get random bytes for", "a temporary name");
        }
        got += static_cast<std::size_t>(n);
    }
    char hex[17];
    for (int i = 0; i < 8; ++i) std::snprintf(hex + 2 * i, 3, "%02x", bytes[i]);
    return hex;
}

void fsync_path(const fs::path& path, bool directory) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | (directory ? O_DIRECTORY : 0)));
    if (fd.get() < 0) throw_errno("open", path);
    if (::fsync(fd.get()) != 0) throw_errno("flush to disk", path);
}

void write_all(int fd, const std::string& text, const fs::path& path) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_errno("write", path);
        }
        done += static_cast<std::size_t>(n);
    }
}

// Writes `text` to a fresh file in `dir`, fsyncs it and renames it to `final`.
void replace_file(const fs::path& dir, const fs::path& final, const std::string& text) {
    fs::path temp = create_unique_file(dir, "." + final.filename().string());
    {
        Fd fd(::open(temp.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW));
        if (fd.get() < 0) throw_errno("open", temp);
        write_all(fd.get(), text, temp);
        if (::fsync(fd.get()) != 0) throw_errno("flush to disk", temp);
    }
    if (::rename(temp.c_str(), final.c_str()) != 0) {
        int e = errno;
        ::unlink(temp.c_str());
        errno = e;
        throw_errno("rename a temporary file to", final);
    }
}

struct Status {
    bool exists = false, regular = false, directory = false, symlink = false;
    std::uint64_t size = 0;
};

Status lstat_of(const fs::path& p) {
    struct stat st{};
    Status s;
    if (::lstat(p.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) return s;
        throw_errno("inspect", p);
    }
    s.exists = true;
    s.regular = S_ISREG(st.st_mode);
    s.directory = S_ISDIR(st.st_mode);
    s.symlink = S_ISLNK(st.st_mode);
    s.size = static_cast<std::uint64_t>(st.st_size);
    return s;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        auto tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return out;
        start = tab + 1;
    }
}

// Labels are one field: backslash, tab and newline escaped.
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
    if (s.empty() || s.size() > 20) return false;
    char* end = nullptr;
    errno = 0;
    v = std::strtoull(s.c_str(), &end, base);
    return errno == 0 && end == s.c_str() + s.size() && s[0] != '-' && s[0] != '+';
}

std::string owned_fields(const OwnedFile& f) {
    return std::to_string(f.size) + "\t" + hex64(f.hash) + "\t" + hex64(f.key) + "\t" + escape_field(f.stamp) + "\t" +
           escape_field(f.label);
}

// What changes whenever a file's bytes are written: "" when it is not a
// regular file.
std::string stamp_of(const fs::path& path) {
    struct stat st{};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
           std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

long crash_step_wanted() {
    static const long wanted = [] {
        const char* env = std::getenv("KAMISHIBAI_TEST_CRASH_AT");
        if (!env || !*env) return -1L;
        return std::strtol(env, nullptr, 10);
    }();
    return wanted;
}

std::string kind_of(const Status& s) {
    if (s.symlink) return "a symbolic link";
    if (s.directory) return "a folder";
    if (s.regular) return "a file";
    return "a special file";
}

}  // namespace

Fd::~Fd() {
    if (fd_ >= 0) ::close(fd_);
}

Fd& Fd::operator=(Fd&& o) noexcept {
    if (this != &o) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = o.fd_;
        o.fd_ = -1;
    }
    return *this;
}

void crash_point() {
    static long step = 0;
    static const long fail_at = [] {
        const char* env = std::getenv("KAMISHIBAI_TEST_FAIL_AT");
        return env && *env ? std::strtol(env, nullptr, 10) : -1L;
    }();
    ++step;
    if (step == crash_step_wanted()) ::_exit(137);
    if (step == fail_at)
        throw std::runtime_error("injected failure at commit step " + std::to_string(step) +
                                 " (KAMISHIBAI_TEST_FAIL_AT)");
}

fs::path create_unique_file(const fs::path& dir, const std::string& stem) {
    for (int attempt = 0; attempt < 16; ++attempt) {
        fs::path p = dir / (stem + ".tmp-" + random_suffix());
        int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::close(fd);
            return p;
        }
        if (errno != EEXIST) throw_errno("create a temporary file in", dir);
    }
    throw std::runtime_error("cannot create a temporary file in " + dir.string());
}

OwnedFile hash_file(const fs::path& path) {
    FileHash bytes = hash_file_bytes(path);
    OwnedFile f;
    f.size = bytes.size;
    f.hash = bytes.hash;
    return f;
}

void check_replaceable(const fs::path& path) {
    Status s = lstat_of(path);
    if (s.exists && !s.regular)
        throw OutputConflict(path.string() + ": error: " + kind_of(s) + " is in the way of the layout dump; "
                             "choose another file name");
}

void write_file_atomically(const fs::path& path, const std::string& text) {
    fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    check_replaceable(path);
    replace_file(dir, path, text);
    fsync_path(dir, true);
}

OutputFolder::OutputFolder(const fs::path& dir) : dir_(dir) {
    Status d = lstat_of(dir_);
    if (d.symlink) {
        std::error_code ec;
        if (!fs::is_directory(dir_, ec))
            throw OutputConflict(dir_.string() + ": error: the output folder is a symbolic link to " +
                                 fs::read_symlink(dir_, ec).string() + ", which is not a folder; "
                                 "remove the link or choose another -o");
    } else if (d.exists && !d.directory) {
        throw OutputConflict(dir_.string() + ": error: the output folder is " + kind_of(d) +
                             ", not a folder; choose another -o");
    } else if (!d.exists) {
        std::error_code ec;
        fs::create_directories(dir_, ec);
        if (ec) throw std::runtime_error("cannot create the output folder " + dir_.string() + ": " + ec.message());
    }
    state_ = dir_ / ".kamishibai";
    tmp_ = state_ / "tmp";
    Status st = lstat_of(state_);
    if (st.exists && !st.directory)
        throw OutputConflict(state_.string() + ": error: " + kind_of(st) +
                             " is where kamishibai keeps its state; remove it or choose another -o");
    if (!st.exists && ::mkdir(state_.c_str(), 0755) != 0 && errno != EEXIST) throw_errno("create", state_);

    fs::path lock_path = state_ / "lock";
    lock_fd_ = Fd(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (lock_fd_.get() < 0) throw_errno("open", lock_path);
    double timeout = 120;
    if (const char* env = std::getenv("KAMISHIBAI_LOCK_TIMEOUT"); env && *env) timeout = std::strtod(env, nullptr);
    auto start = std::chrono::steady_clock::now();
    while (::flock(lock_fd_.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) throw_errno("lock", lock_path);
        double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!(waited < timeout)) {
            char pid[32] = {};
            ssize_t n = ::pread(lock_fd_.get(), pid, sizeof pid - 1, 0);
            std::string holder = n > 0 ? std::string(pid, static_cast<std::size_t>(n)) : "?";
            while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
            throw std::runtime_error("another kamishibai (pid " + holder + ") is building into " + dir_.string() +
                                     "; gave up after waiting " + std::to_string(static_cast<int>(timeout)) +
                                     " s (KAMISHIBAI_LOCK_TIMEOUT)");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(lock_fd_.get(), 0) != 0 || ::pwrite(lock_fd_.get(), pid.data(), pid.size(), 0) < 0)
        throw_errno("write", lock_path);

    recover();

    // Temporaries of a build that died before its journal are garbage.
    std::error_code ec;
    fs::remove_all(tmp_, ec);
    if (ec) throw std::runtime_error("cannot clear " + tmp_.string() + ": " + ec.message());
    if (::mkdir(tmp_.c_str(), 0755) != 0) throw_errno("create", tmp_);
    if (crash_step_wanted() == 0) ::_exit(137);  // recovered: the test checks the folder here

    read_manifest();
}

void OutputFolder::read_manifest() {
    std::ifstream in(state_ / "manifest", std::ios::binary);
    std::string line, header;
    if (!in || !std::getline(in, header)) return;
    if (header == kManifestHeaderV1) {
        while (std::getline(in, line)) {
            auto f = split_tabs(line);
            if (f.size() != 3) continue;
            manifest_[f[2]] = {std::strtoull(f[0].c_str(), nullptr, 10), std::strtoull(f[1].c_str(), nullptr, 16), 0, "", ""};
        }
        return;
    }
    if (header != kManifestHeader) return;  // not ours: nothing is owned, nothing cached
    // Ownership is read line by line (the commit checks each file's hash
    // anyway); keys and labels only when the whole manifest is intact.
    std::string text = header + "\n";
    bool intact = false;
    std::map<std::string, OwnedFile> lines;
    while (std::getline(in, line)) {
        auto f = split_tabs(line);
        if (f.size() == 2 && f[0] == "end") {
            std::uint64_t sum = 0;
            intact = parse_u64(f[1], 16, sum) && sum == fnv1a64(text) && !std::getline(in, line);
            break;
        }
        text += line + "\n";
        OwnedFile o;
        if (f.size() != 6 || !parse_u64(f[0], 10, o.size) || !parse_u64(f[1], 16, o.hash) ||
            !parse_u64(f[2], 16, o.key))
            continue;
        o.stamp = unescape_field(f[3]);
        o.label = unescape_field(f[4]);
        lines[f[5]] = o;
    }
    cache_valid_ = intact;
    for (auto& [rel, o] : lines) {
        if (!intact) o.key = 0, o.label.clear(), o.stamp.clear();
        manifest_[rel] = o;
    }
}

OutputFolder::~OutputFolder() {
    if (committed_) return;
    for (const auto& [temp, _] : pending_) ::unlink(temp.c_str());
}

void OutputFolder::recover() {
    fs::path journal = state_ / "journal";
    std::ifstream in(journal);
    if (!in) return;
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (lines.empty() || lines.front() != kJournalHeader || lines.back() != "end")
        throw std::runtime_error("the commit journal " + journal.string() +
                                 " is damaged; delete the output folder's .kamishibai and build again");
    std::map<std::string, OwnedFile> owned;
    std::set<fs::path> dirs{dir_, state_};
    for (const auto& line : lines) {
        auto f = split_tabs(line);
        if (f[0] == "rename" && f.size() == 3) {
            fs::path temp = dir_ / f[1], final = dir_ / f[2];
            if (lstat_of(temp).regular) {
                fs::create_directories(final.parent_path());
                if (::rename(temp.c_str(), final.c_str()) != 0) throw_errno("rename a temporary file to", final);
                dirs.insert(final.parent_path());
                crash_point();
            }
        } else if (f[0] == "delete" && f.size() == 2) {
            fs::path final = dir_ / f[1];
            if (::unlink(final.c_str()) != 0 && errno != ENOENT) throw_errno("delete", final);
            dirs.insert(final.parent_path());
            crash_point();
        } else if (f[0] == "own" && f.size() == 4) {
            owned[f[3]] = {std::strtoull(f[1].c_str(), nullptr, 10), std::strtoull(f[2].c_str(), nullptr, 16), 0, "", ""};
        } else if (f[0] == "own" && f.size() == 7) {
            OwnedFile o{std::strtoull(f[1].c_str(), nullptr, 10), std::strtoull(f[2].c_str(), nullptr, 16),
                        std::strtoull(f[3].c_str(), nullptr, 16), unescape_field(f[4]), unescape_field(f[5])};
            owned[f[6]] = o;
        }
    }
    for (const auto& d : dirs)
        if (lstat_of(d).directory) fsync_path(d, true);
    write_manifest(owned);
    if (::unlink(journal.c_str()) != 0) throw_errno("delete", journal);
    fsync_path(state_, true);
    crash_point();
}

void OutputFolder::write_manifest(const std::map<std::string, OwnedFile>& files) {
    std::string text = std::string(kManifestHeader) + "\n";
    for (const auto& [name, f] : files) text += owned_fields(f) + "\t" + name + "\n";
    text += "end\t" + hex64(fnv1a64(text)) + "\n";
    replace_file(state_, state_ / "manifest", text);
    fsync_path(state_, true);
    crash_point();
}

void OutputFolder::check_target(const std::string& relative) const {
    fs::path rel(relative);
    fs::path at = dir_;
    auto last = std::prev(rel.end());
    for (auto it = rel.begin(); it != last; ++it) {
        at /= *it;
        Status s = lstat_of(at);
        if (s.exists && !s.directory)
            throw OutputConflict(at.string() + ": error: " + kind_of(s) +
                                 " of yours is where kamishibai writes a folder of outputs; "
                                 "move it away or choose another -o");
    }
    fs::path final = dir_ / rel;
    Status s = lstat_of(final);
    if (s.exists && !s.regular)
        throw OutputConflict(final.string() + ": error: " + kind_of(s) +
                             " of yours is where kamishibai writes an output; move it away or choose another -o");
}

const OwnedFile* OutputFolder::previous(const std::string& relative) const {
    if (!cache_valid_) return nullptr;
    auto it = manifest_.find(relative);
    return it == manifest_.end() ? nullptr : &it->second;
}

bool OutputFolder::keep(const std::string& relative, std::uint64_t key, std::string label) {
    const OwnedFile* was = previous(relative);
    if (!was || key == 0 || was->key != key) return false;
    for (const auto& [_, other] : pending_)
        if (other == relative) return false;
    fs::path final = dir_ / relative;
    Status s = lstat_of(final);
    if (!s.regular || s.size != was->size) return false;
    if (was->stamp.empty() || stamp_of(final) != was->stamp) {
        try {
            if (hash_file(final).hash != was->hash) return false;  // changed since: make it anew
        } catch (const std::exception&) {
            return false;
        }
    }
    OwnedFile kept = *was;
    kept.label = std::move(label);
    kept.stamp = stamp_of(final);
    kept_[relative] = std::move(kept);
    return true;
}

fs::path OutputFolder::file(const std::string& relative, std::uint64_t key, std::string label) {
    fs::path rel = fs::path(relative).lexically_normal();
    if (relative.empty() || rel.is_absolute() || *rel.begin() == ".." || *rel.begin() == ".kamishibai" ||
        relative.find_first_of("\t\n") != std::string::npos)
        throw OutputConflict((dir_ / relative).string() + ": error: not a place for an output (" +
                             (dir_ / ".kamishibai").string() + " is kamishibai's private state)");
    bool taken = kept_.count(rel.string()) > 0;  // kept from the previous build: an output all the same
    for (const auto& [_, other] : pending_) taken = taken || other == rel.string();
    if (taken)
            throw OutputConflict((dir_ / rel).string() + ": error: two outputs of this build would go here "
                                 "(the layout dump names a slide or PDF file); choose another name");
    check_target(rel.string());
    std::string flat = rel.string();
    std::replace(flat.begin(), flat.end(), '/', '_');
    fs::path temp = create_unique_file(tmp_, flat);
    pending_.push_back({temp, rel.string()});
    pending_keys_[rel.string()] = {0, 0, key, "", std::move(label)};
    return temp;
}

std::string OutputFolder::final_names(std::string message) const {
    for (const auto& [temp, rel] : pending_) {
        std::string from = temp.string(), to = (dir_ / rel).string();
        for (auto at = message.find(from); at != std::string::npos; at = message.find(from, at + to.size()))
            message.replace(at, from.size(), to);
    }
    return message;
}

bool OutputFolder::commit() {
    // Nothing new and the same files as before: the folder is already right.
    bool same_labels = kept_.size() == manifest_.size();
    for (const auto& [rel, f] : kept_) {
        auto it = manifest_.find(rel);
        same_labels = same_labels && it != manifest_.end() && it->second.label == f.label &&
                      it->second.stamp == f.stamp;
    }
    if (pending_.empty() && same_labels) {
        committed_ = true;
        return false;
    }
    // 1. Every new file on disk, and nothing of the user's in the way.
    // Flushed and hashed on several threads: concurrent fsyncs share the
    // file system's journal commits (one at a time cost ~3 ms a file).
    std::map<std::string, OwnedFile> owned = kept_;
    std::vector<OwnedFile> written(pending_.size());
    std::vector<std::function<void()>> flushes;
    for (std::size_t i = 0; i < pending_.size(); ++i)
        flushes.push_back([this, i, &written] {
            fsync_path(pending_[i].first, false);
            written[i] = hash_file(pending_[i].first);
            written[i].stamp = stamp_of(pending_[i].first);  // rename keeps inode and mtime
        });
    run_parallel(flushes, static_cast<unsigned>(std::min<std::size_t>(16, pending_.size())));
    for (std::size_t i = 0; i < pending_.size(); ++i) {
        const auto& [temp, rel] = pending_[i];
        OwnedFile now = written[i];
        check_target(rel);
        fs::path final = dir_ / rel;
        Status s = lstat_of(final);
        if (s.exists) {
            auto listed = manifest_.find(rel);
            bool ours = listed != manifest_.end() && listed->second.size == s.size;
            OwnedFile there = hash_file(final);
            if (ours) ours = there.hash == listed->second.hash;
            bool identical = s.size == now.size && there.hash == now.hash;
            if (!ours && !identical)
                throw OutputConflict(final.string() + ": error: this file is not kamishibai's (not in " +
                                     (state_ / "manifest").string() +
                                     ", or changed since) and would be replaced; move it away or choose another -o");
        }
        const OwnedFile& meta = pending_keys_[rel];
        now.key = meta.key;
        now.label = meta.label;
        owned[rel] = now;
    }
    // Outputs of the previous build that this one does not make; a file the
    // user has changed since is theirs now and stays.
    std::vector<std::string> stale;
    for (const auto& [rel, f] : manifest_) {
        if (owned.count(rel)) continue;
        Status s = lstat_of(dir_ / rel);
        if (!s.regular || s.size != f.size) continue;
        if (hash_file(dir_ / rel).hash == f.hash) stale.push_back(rel);
    }

    // 2. The journal: from here on, the next run completes this commit.
    std::string journal = std::string(kJournalHeader) + "\n";
    for (const auto& [temp, rel] : pending_)
        journal += "rename\t" + fs::relative(temp, dir_).string() + "\t" + rel + "\n";
    for (const auto& rel : stale) journal += "delete\t" + rel + "\n";
    for (const auto& [rel, f] : owned)
        journal += "own\t" + owned_fields(f) + "\t" + rel + "\n";
    journal += "end\n";
    fsync_path(tmp_, true);
    bool journal_written = false;
    try {
        replace_file(state_, state_ / "journal", journal);
        journal_written = true;
        fsync_path(state_, true);
        crash_point();
        recover();
    } catch (const std::exception& e) {
        // Say what state the folder is in: that is what the user acts on.
        if (!journal_written) throw;  // nothing was moved: the previous output stands
        committed_ = true;            // the temporaries now belong to the journal
        if (lstat_of(state_ / "journal").exists)
            throw CommitInterrupted(std::string(e.what()) + "\nkamishibai: the commit into " + dir_.string() +
                                    " stopped part-way; the next build into it completes it");
        throw CommitInterrupted(std::string(e.what()) + "\nkamishibai: the new output in " + dir_.string() +
                                " is complete");
    }
    committed_ = true;
    return true;
}

}  // namespace ks
