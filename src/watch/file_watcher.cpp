#include "watch/file_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace fs = std::filesystem;

namespace ks {
namespace {
constexpr uint32_t kMask = IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                           IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

fs::path absolute_normal(const std::string& p) {
    std::error_code ec;
    fs::path a = fs::absolute(p, ec);
    return (ec ? fs::path(p) : a).lexically_normal();
}
}  // namespace

FileWatcher::FileWatcher() {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error(std::string("inotify: ") + std::strerror(errno));
}

FileWatcher::~FileWatcher() { ::close(fd_); }

void FileWatcher::watch(const std::vector<std::string>& files, const std::vector<std::string>& dirs) {
    std::map<fs::path, Dir> wanted;
    for (const auto& f : files) {
        fs::path p = absolute_normal(f);
        Dir& d = wanted[p.parent_path()];
        d.path = p.parent_path();
        d.names.insert(p.filename().string());
    }
    for (const auto& dir : dirs) {
        fs::path p = absolute_normal(dir);
        if (!p.empty() && p.filename().empty()) p = p.parent_path();  // trailing slash
        Dir& d = wanted[p];
        d.path = p;
        d.any = true;
    }
    // inotify returns the same descriptor for a directory watched twice, so
    // drop every old watch not wanted any more and (re)add the rest.
    std::map<int, Dir> next;
    for (auto& [path, dir] : wanted) {
        int wd = inotify_add_watch(fd_, path.c_str(), kMask);
        if (wd < 0) continue;  // directory missing or unreadable: nothing to watch there
        Dir& slot = next[wd];
        slot.path = dir.path;
        slot.any = slot.any || dir.any;
        slot.names.insert(dir.names.begin(), dir.names.end());
    }
    for (const auto& [wd, dir] : dirs_)
        if (!next.count(wd)) inotify_rm_watch(fd_, wd);
    dirs_ = std::move(next);
}

std::vector<std::string> FileWatcher::read_changes() {
    std::vector<std::string> changed;
    saw_save_ = false;
    alignas(inotify_event) char buf[16384];
    for (;;) {
        ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n <= 0) break;  // EAGAIN: nothing more pending
        for (char* p = buf; p < buf + n;) {
            auto* ev = reinterpret_cast<inotify_event*>(p);
            p += sizeof(inotify_event) + ev->len;
            if (ev->mask & IN_Q_OVERFLOW) {  // events were lost: assume anything changed
                changed.push_back("(event queue overflow)");
                continue;
            }
            auto it = dirs_.find(ev->wd);
            if (it == dirs_.end()) continue;
            const Dir& dir = it->second;
            std::string name = ev->len ? std::string(ev->name) : std::string();
            if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
                changed.push_back(dir.path.string());  // the directory itself went away
            } else if (dir.any || dir.names.count(name)) {
                changed.push_back((dir.path / name).string());
                if (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) saw_save_ = true;
            }
        }
    }
    return changed;
}

}  // namespace ks
