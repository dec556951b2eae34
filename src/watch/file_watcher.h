#pragma once
// Watches a set of files and directories with inotify. Files are watched
// through their parent directory and matched by name, so editors that save
// by writing a temporary file and renaming it over the original (vim, VS
// Code), by truncating and writing, or by deleting and recreating all count.
// Any change inside a watched directory counts (the fonts folder).
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ks {

class FileWatcher {
public:
    FileWatcher();
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // Replaces what is watched. Missing directories are skipped silently
    // (a file that does not exist yet is still matched once its directory exists).
    void watch(const std::vector<std::string>& files, const std::vector<std::string>& dirs);

    int fd() const { return fd_; }
    // Reads every pending event; returns the watched paths that changed
    // (empty when only unrelated files in the same directories changed).
    std::vector<std::string> read_changes();
    // Whether the last read_changes() saw a watched file finished: closed
    // after writing or renamed into place (an editor's save is complete).
    bool saw_save() const { return saw_save_; }

private:
    struct Dir {
        std::filesystem::path path;
        bool any = false;             // every name counts
        std::set<std::string> names;  // else only these
    };
    int fd_ = -1;
    std::map<int, Dir> dirs_;  // by watch descriptor
    bool saw_save_ = false;
};

}  // namespace ks
