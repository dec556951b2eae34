#include "serve/bounded_pool.h"

namespace ks {
namespace {
thread_local bool t_refusing = false;
}

BoundedPool::BoundedPool(std::size_t workers, std::size_t max_waiting, std::size_t refusers)
    : max_waiting_(max_waiting) {
    for (std::size_t i = 0; i < workers; ++i) work_.threads.emplace_back([this] { run(work_, false); });
    for (std::size_t i = 0; i < refusers; ++i) refuse_.threads.emplace_back([this] { run(refuse_, true); });
}

BoundedPool::~BoundedPool() { shutdown(); }

bool BoundedPool::is_refusing() { return t_refusing; }

void BoundedPool::enqueue(std::function<void()> fn) {
    {
        std::lock_guard lock(mutex_);
        bool room = work_.jobs.size() < idle_ + max_waiting_;
        (room ? work_ : refuse_).jobs.push_back(std::move(fn));
    }
    cond_.notify_all();
}

void BoundedPool::shutdown() {
    {
        std::lock_guard lock(mutex_);
        if (shutdown_) return;
        shutdown_ = true;
    }
    cond_.notify_all();
    for (auto* lane : {&work_, &refuse_})
        for (auto& t : lane->threads) t.join();
}

void BoundedPool::run(Lane& lane, bool refusing) {
    t_refusing = refusing;
    for (;;) {
        std::function<void()> fn;
        {
            std::unique_lock lock(mutex_);
            if (!refusing) ++idle_;
            cond_.wait(lock, [&] { return !lane.jobs.empty() || shutdown_; });
            if (!refusing) --idle_;
            if (lane.jobs.empty()) return;  // shutting down, nothing left
            fn = std::move(lane.jobs.front());
            lane.jobs.pop_front();
        }
        fn();  // serves the connection, then closes it
    }
}

}  // namespace ks
