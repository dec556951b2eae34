#pragma once
// "slide k of N" on a terminal while a long build exports. Silent when stderr
// is not a terminal, when quiet, and for builds shorter than a moment.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>

namespace ks {

class Progress {
public:
    Progress(std::size_t total, bool enabled);
    ~Progress();  // finish()
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void step();    // one more slide done; thread-safe
    void finish();  // clears the line (before the summary is printed)

private:
    std::size_t total_;
    bool enabled_;
    bool drawn_ = false;
    std::atomic<std::size_t> done_{0};
    std::chrono::steady_clock::time_point start_;
    std::mutex mutex_;
};

// True when progress may be drawn: stderr is a terminal.
bool stderr_is_terminal();

}  // namespace ks
