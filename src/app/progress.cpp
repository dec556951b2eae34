#include "app/progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace ks {
namespace {
constexpr auto kShowAfter = std::chrono::milliseconds(300);  // short builds draw nothing

void write_stderr(const std::string& s) {
    // Straight to the terminal: the build's own messages may go to a buffer.
    std::size_t off = 0;
    while (off < s.size()) {
        ssize_t n = ::write(STDERR_FILENO, s.data() + off, s.size() - off);
        if (n <= 0) return;
        off += static_cast<std::size_t>(n);
    }
}
}  // namespace

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::size_t total, bool enabled)
    : total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { finish(); }

void Progress::finish() {
    std::lock_guard lock(mutex_);
    if (drawn_) write_stderr("\r\033[K");
    drawn_ = false;
    enabled_ = false;
}

void Progress::step() {
    ++done_;
    if (std::chrono::steady_clock::now() - start_ < kShowAfter) return;
    std::lock_guard lock(mutex_);
    if (!enabled_) return;
    drawn_ = true;
    write_stderr("\rslide " + std::to_string(done_.load()) + " of " + std::to_string(total_) + "\033[K");
}

}  // namespace ks
