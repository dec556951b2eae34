#pragma once
// SIGINT and SIGTERM as a readable file descriptor (signalfd), so the watch
// loop stops between builds, never in the middle of writing output.
// Construct it before starting any thread: the signals are blocked for the
// whole process and threads inherit the mask.
namespace ks {

class StopSignals {
public:
    StopSignals();
    ~StopSignals();  // unblocks the signals again
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    int fd() const { return fd_; }
    // Reads the pending signal; returns its number (0 if none).
    int take();

private:
    int fd_ = -1;
};

}  // namespace ks
