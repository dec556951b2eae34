#include "output/atomic_output.h"

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <signal.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ks {

fs::path AtomicOutput::temp_name(const fs::path& final_path) const {
    fs::path p = final_path;
    p += ".kamishibai-tmp-" + std::to_string(::getpid());
    return p;
}

// Removes what a killed build left beside `final_path` (its process is gone).
static void remove_stale_temporaries(const fs::path& final_path) {
    fs::path dir = final_path.has_parent_path() ? final_path.parent_path() : fs::path(".");
    std::string prefix = final_path.filename().string() + ".kamishibai-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        auto dash = name.rfind('-');
        pid_t pid = static_cast<pid_t>(std::strtol(name.c_str() + dash + 1, nullptr, 10));
        if (pid > 0 && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(entry.path(), ec);
    }
}

fs::path AtomicOutput::file(const fs::path& final_path) {
    if (final_path.has_parent_path()) fs::create_directories(final_path.parent_path());
    remove_stale_temporaries(final_path);
    Entry e{temp_name(final_path), final_path, false};
    entries_.push_back(e);
    return e.temp;
}

fs::path AtomicOutput::directory(const fs::path& final_dir) {
    if (final_dir.has_parent_path()) fs::create_directories(final_dir.parent_path());
    remove_stale_temporaries(final_dir);
    Entry e{temp_name(final_dir), final_dir, true};
    fs::remove_all(e.temp);
    fs::create_directories(e.temp);
    entries_.push_back(e);
    return e.temp;
}

void AtomicOutput::commit() {
    for (const auto& e : entries_) {
        if (e.is_dir) {
            fs::path old = e.final;
            old += ".kamishibai-old-" + std::to_string(::getpid());
            bool had_old = fs::exists(e.final);
            if (had_old) fs::rename(e.final, old);
            fs::rename(e.temp, e.final);
            if (had_old) fs::remove_all(old);
        } else {
            fs::rename(e.temp, e.final);
        }
    }
    committed_ = true;
}

AtomicOutput::~AtomicOutput() {
    if (committed_) return;
    std::error_code ignored;
    for (const auto& e : entries_) fs::remove_all(e.temp, ignored);
}

void write_text_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace ks
