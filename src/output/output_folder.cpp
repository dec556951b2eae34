#include "output/output_folder.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
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
    try {
        Fd fd(::open(temp.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW));
        if (fd.get() < 0) throw_errno("open", temp);
        write_all(fd.get(), text, temp);  // a full disk: ENOSPC, named in the message
        if (::fsync(fd.get()) != 0) throw_errno("flush to disk", temp);
        if (::rename(temp.c_str(), final.c_str()) != 0) throw_errno("rename a temporary file to", final);
    } catch (...) {
        ::unlink(temp.c_str());  // never leave .journal.tmp-… behind
        throw;
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

namespace {

// Hands every block of the open file to `take` until its end.
template <typename Take>
void read_blocks(int fd, const fs::path& path, Take take) {
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_errno("read", path);
        }
        if (n == 0) return;
        take(buf, static_cast<std::size_t>(n));
    }
}

}  // namespace

OwnedFile hash_file(const fs::path& path) {
    FileHash bytes = hash_file_bytes(path);
    OwnedFile f;
    f.size = bytes.size;
    f.hash = bytes.hash;
    return f;
}

bool same_bytes(const fs::path& path, const OwnedFile& recorded) {
    return hash_file_bytes(path, recorded.fnv ? FileHashKind::Fnv1a : FileHashKind::Xxh3).hash == recorded.hash;
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

OutputFolder::OutputFolder(const fs::path& dir, bool recover) : dir_(dir) {
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

    load_state(recover);

    // Temporaries of a build that died before its journal are garbage.
    std::error_code ec;
    fs::remove_all(tmp_, ec);
    if (ec) throw std::runtime_error("cannot clear " + tmp_.string() + ": " + ec.message());
    if (::mkdir(tmp_.c_str(), 0755) != 0) throw_errno("create", tmp_);
    if (crash_step_wanted() == 0) ::_exit(137);  // recovered: the test checks the folder here
}

OutputFolder::~OutputFolder() {
    if (committed_) return;
    for (const auto& [temp, _] : pending_) ::unlink(temp.c_str());
}

namespace {

// The text of a state file; throws StateProblem when it is not a regular
// file of a sane size (a link, a FIFO, gigabytes: not kamishibai's).
std::optional<std::string> read_state_file(const fs::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (fd.get() < 0) {
        if (errno == ENOENT) return std::nullopt;
        if (errno == ELOOP) throw StateProblem{1, "", "a symbolic link, not a file kamishibai wrote"};
        throw_errno("read", path);
    }
    struct stat st{};
    if (::fstat(fd.get(), &st) != 0) throw_errno("inspect", path);
    if (!S_ISREG(st.st_mode)) throw StateProblem{1, "", "not a regular file"};
    if (st.st_size > (256 << 20)) throw StateProblem{1, "", "larger than any state kamishibai writes"};
    std::string text;
    read_blocks(fd.get(), path, [&](const char* data, std::size_t n) { text.append(data, n); });
    return text;
}

}  // namespace

std::string folder_state_note(const fs::path& dir) {
    fs::path state = dir / ".kamishibai";
    std::optional<std::string> journal_text, manifest_text;
    try {
        journal_text = read_state_file(state / "journal");
    } catch (const StateProblem& p) {
        return (state / "journal").string() + ": error: " + p.why + "; a build will refuse it (--recover sets it aside)\n";
    }
    try {
        manifest_text = read_state_file(state / "manifest");
    } catch (const StateProblem& p) {
        return (state / "manifest").string() + ": error: " + p.why + "; a build will refuse it (--recover sets it aside)\n";
    }
    Journal journal;
    Manifest manifest;
    auto bad = [](const fs::path& file, const StateProblem& p) {
        return file.string() + ":" + std::to_string(p.line) + ": error: \"" + printable_line(p.text) + "\": " + p.why +
               "; not kamishibai's (or damaged): a build will refuse it (--recover sets it aside)\n";
    };
    if (journal_text) {
        if (auto p = parse_journal(*journal_text, journal)) return bad(state / "journal", *p);
        return "kamishibai: note: " + dir.string() + " holds an interrupted build (" + std::to_string(journal.renames.size()) +
               " file(s) to move in): a mix of two builds until the next build into it completes it\n";
    }
    if (manifest_text)
        if (auto p = parse_manifest(*manifest_text, manifest)) return bad(state / "manifest", *p);
    return "";
}

void OutputFolder::foreign(const std::string& file, const StateProblem& p) const {
    throw ForeignState((state_ / file).string() + ":" + std::to_string(p.line) + ": error: " +
                       (p.text.empty() ? "" : "\"" + printable_line(p.text) + "\": ") + p.why + "; this " + file +
                       " is not kamishibai's (or is damaged) and was not acted on.\n"
                       "kamishibai: if " + dir_.string() +
                       " holds your own earlier outputs, build with --recover: the state is set aside in " +
                       (state_ / "set-aside").string() + " and the outputs are made anew");
}

void OutputFolder::set_aside(const std::string& name) {
    fs::path from = state_ / name;
    if (!lstat_of(from).exists) return;
    fs::path dir = state_ / "set-aside";
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) throw_errno("create", dir);
    fs::path to = dir / (name + "-" + random_suffix());
    if (::rename(from.c_str(), to.c_str()) != 0) throw_errno("set aside", from);
}

void OutputFolder::load_state(bool recover) {
    Manifest old;
    auto manifest_problem = [&]() -> std::optional<StateProblem> {
        try {
            auto text = read_state_file(state_ / "manifest");
            return text ? parse_manifest(*text, old) : std::nullopt;
        } catch (const StateProblem& p) {
            return p;
        }
    };
    Journal journal;
    std::optional<std::string> journal_text;
    std::optional<StateProblem> bad_journal;
    try {
        journal_text = read_state_file(state_ / "journal");
        if (journal_text) bad_journal = parse_journal(*journal_text, journal);
    } catch (const StateProblem& p) {
        bad_journal = p;
        journal_text = "";
    }
    if (!bad_journal && journal_text) {
        // Parents must be real folders: a link would lead outside OUT.
        try {
            for (std::size_t i = 0; i < journal.renames.size(); ++i)
                check_no_link_on_way(journal.renames[i].second, journal.rename_lines[i]);
            for (std::size_t i = 0; i < journal.deletes.size(); ++i)
                check_no_link_on_way(journal.deletes[i], journal.delete_lines[i]);
        } catch (const StateProblem& p) {
            bad_journal = p;
            std::size_t at = 0;  // the line's text, for the message
            for (std::size_t n = 1; n < p.line && at != std::string::npos; ++n) {
                at = journal_text->find('\n', at);
                if (at != std::string::npos) ++at;
            }
            if (at != std::string::npos && at < journal_text->size())
                bad_journal->text = journal_text->substr(at, journal_text->find('\n', at) - at);
        }
    }
    std::optional<StateProblem> bad_manifest = manifest_problem();
    if (recover) replace_unowned_ = true;
    if (bad_manifest || bad_journal) {
        if (!recover) {
            if (bad_journal) foreign("journal", *bad_journal);
            foreign("manifest", *bad_manifest);
        }
        set_aside("journal");
        set_aside("manifest");
        fsync_path(state_, true);
        old = {};
        journal_text.reset();
    }
    if (journal_text) {
        roll_forward(journal, true);
        if (auto p = manifest_problem()) foreign("manifest", *p);  // never: the journal's paths were checked
    }
    manifest_ = std::move(old.owned);
    cache_valid_ = old.intact;
}

void OutputFolder::check_no_link_on_way(const std::string& relative, std::size_t line) const {
    fs::path rel(relative), at = dir_;
    auto last = std::prev(rel.end());
    for (auto it = rel.begin(); it != last; ++it) {
        at /= *it;
        Status s = lstat_of(at);
        if (s.exists && !s.directory)
            throw StateProblem{line, "", "a path through " + kind_of(s) + " (" + at.string() + ")"};
    }
}

// Rolls the journal forward. After a crash (`after_crash`), a file found
// where an output goes must be the old output or the new one; anything else
// was put there by the user since and stays (an error: the commit completes
// once it is moved away). A stale output is deleted only while unchanged.
void OutputFolder::roll_forward(const Journal& journal, bool after_crash) {
    Manifest before;
    if (after_crash) {
        try {
            if (auto text = read_state_file(state_ / "manifest")) parse_manifest(*text, before);
        } catch (const StateProblem&) {
            before = {};  // checked before: only a race gets here; nothing is then known as ours
        }
        std::string in_the_way;
        for (const auto& [temp, rel] : journal.renames) {
            fs::path final = dir_ / rel;
            Status s = lstat_of(final);
            if (!lstat_of(dir_ / temp).regular || !s.exists) continue;
            auto was = before.owned.find(rel);
            auto will = journal.owned.find(rel);
            bool ours = s.regular && ((was != before.owned.end() && same_bytes(final, was->second)) ||
                                      (will != journal.owned.end() && same_bytes(final, will->second)));
            if (!ours && !replace_unowned_) in_the_way += "\n  " + final.string();
        }
        if (!in_the_way.empty())
            throw RecoveryBlocked(dir_.string() + ": error: a build into this folder was interrupted, and files of "
                                  "yours are now where it puts outputs; move them away and build again (the "
                                  "interrupted commit completes then):" + in_the_way);
    }
    std::set<fs::path> dirs{dir_, state_};
    for (const auto& [temp_rel, rel] : journal.renames) {
        fs::path temp = dir_ / temp_rel, final = dir_ / rel;
        if (!lstat_of(temp).regular) continue;  // moved before the crash
        fs::create_directories(final.parent_path());
        if (::rename(temp.c_str(), final.c_str()) != 0) throw_errno("rename a temporary file to", final);
        dirs.insert(final.parent_path());
        crash_point();
    }
    for (const auto& rel : journal.deletes) {
        fs::path final = dir_ / rel;
        if (after_crash) {
            auto was = before.owned.find(rel);
            Status s = lstat_of(final);
            if (!s.regular || was == before.owned.end() || s.size != was->second.size ||
                !same_bytes(final, was->second))
                continue;  // gone, or the user's now
        }
        if (::unlink(final.c_str()) != 0 && errno != ENOENT) throw_errno("delete", final);
        dirs.insert(final.parent_path());
        crash_point();
    }
    for (const auto& d : dirs)
        if (lstat_of(d).directory) fsync_path(d, true);
    write_manifest(journal.owned);
    fs::path journal_path = state_ / "journal";
    if (::unlink(journal_path.c_str()) != 0) throw_errno("delete", journal_path);
    fsync_path(state_, true);
    crash_point();
}

void OutputFolder::write_manifest(std::map<std::string, OwnedFile> files) {
    // Entries an older build recorded with FNV-1a (its journal, completed
    // here) are hashed anew; a file that no longer matches is not ours.
    for (auto it = files.begin(); it != files.end();) {
        OwnedFile& f = it->second;
        if (f.fnv) {
            const fs::path path = dir_ / it->first;
            if (!lstat_of(path).regular || !same_bytes(path, f)) {
                it = files.erase(it);
                continue;
            }
            f.hash = hash_file(path).hash;
            f.fnv = false;
        }
        ++it;
    }
    replace_file(state_, state_ / "manifest", manifest_text(files));
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

void OutputFolder::check_writable(const std::vector<std::string>& finals) const {
    std::set<fs::path> dirs;
    for (const auto& rel : finals) dirs.insert((dir_ / rel).parent_path());
    for (const auto& d : dirs) {
        if (!lstat_of(d).exists) continue;  // made by the commit, in a folder checked here too
        fs::path probe;
        try {
            probe = create_unique_file(d, ".kamishibai-probe");
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string(e.what()) + " (an output goes there; nothing was moved)");
        }
        ::unlink(probe.c_str());
    }
}

const OwnedFile* OutputFolder::previous(const std::string& relative) const {
    if (!cache_valid_) return nullptr;
    auto it = manifest_.find(relative);
    return it == manifest_.end() ? nullptr : &it->second;
}

bool OutputFolder::intact() const {
    if (!cache_valid_ || manifest_.empty()) return false;
    for (const auto& [relative, was] : manifest_)
        if (was.stamp.empty() || stamp_of(dir_ / relative) != was.stamp) return false;
    return true;
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
            if (!same_bytes(final, *was)) return false;  // changed since: make it anew
        } catch (const std::exception&) {
            return false;
        }
    }
    OwnedFile kept = *was;
    // Recorded by an older build: hashed anew now, since the journal this
    // commit writes (and the manifest after it) holds XXH3 only.
    if (kept.fnv) {
        try {
            kept.hash = hash_file(final).hash;
            kept.fnv = false;
        } catch (const std::exception&) {
            return false;
        }
    }
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
            // As in keep(): a file whose stamp is the one recorded is the
            // file we wrote, without reading it again.
            const bool stamped = ours && !listed->second.stamp.empty() && stamp_of(final) == listed->second.stamp;
            // XXH3 of the file there (the recorded one when stamped and XXH3).
            const bool recorded = stamped && !listed->second.fnv;
            const std::uint64_t there = recorded ? listed->second.hash : hash_file(final).hash;
            if (ours) ours = stamped || (listed->second.fnv ? same_bytes(final, listed->second) : there == listed->second.hash);
            bool identical = s.size == now.size && there == now.hash;
            if (!ours && !identical && !(replace_unowned_ && s.regular))
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
        if (same_bytes(dir_ / rel, f)) stale.push_back(rel);
    }

    // Every folder a file moves into or out of takes a new entry: a folder
    // that does not is found now, before anything moves, not half-way.
    std::vector<std::string> finals = stale;
    for (const auto& p : pending_) finals.push_back(p.second);
    check_writable(finals);

    // 2. The journal: from here on, the next run completes this commit.
    Journal journal;
    for (const auto& [temp, rel] : pending_)
        journal.renames.emplace_back(".kamishibai/tmp/" + temp.filename().string(), rel);
    journal.deletes = stale;
    journal.owned = owned;
    fsync_path(tmp_, true);
    bool journal_written = false;
    try {
        replace_file(state_, state_ / "journal", journal_text(journal));
        journal_written = true;
        fsync_path(state_, true);
        crash_point();
        roll_forward(journal, false);
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
