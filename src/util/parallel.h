#pragma once
// Runs independent tasks on up to `threads` threads, in the order given
// (put the longest first). The first exception is rethrown after all finish.
#include <functional>
#include <vector>

namespace ks {

void run_parallel(const std::vector<std::function<void()>>& tasks, unsigned threads);

}  // namespace ks
