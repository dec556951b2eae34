#pragma once
// The preview server's workers, bounded: a fixed number of threads take
// connections; when every one is busy and `max_waiting` connections already
// wait, a further connection goes to a small refusing crew that answers it
// 503 at once (is_refusing() is true on their threads), so a flood of
// clients is turned away instead of hanging every page.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace ks {

class BoundedPool : public httplib::TaskQueue {
public:
    BoundedPool(std::size_t workers, std::size_t max_waiting, std::size_t refusers);
    ~BoundedPool() override;
    void enqueue(std::function<void()> fn) override;
    void shutdown() override;

    // True on a refusing thread: answer 503.
    static bool is_refusing();

private:
    struct Lane {
        std::deque<std::function<void()>> jobs;
        std::vector<std::thread> threads;
    };
    void run(Lane& lane, bool refusing);

    std::mutex mutex_;
    std::condition_variable cond_;
    Lane work_, refuse_;
    std::size_t idle_ = 0, max_waiting_;
    bool shutdown_ = false;
};

}  // namespace ks
