// Runs work(i) for every i in [0, n) on `jobs` threads (work items are claimed
// one at a time, so uneven items balance), while the calling thread redraws
// the progress bar. The first exception stops the others and is rethrown.
#pragma once
#include <atomic>
#include <cstddef>
#include <functional>

#include "progress.hpp"

namespace mgpt::explorer {

// `stop` (optional) set by work() ends the loop early (items already claimed finish).
void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& work, Progress* progress,
                  std::atomic<bool>* stop = nullptr);

}  // namespace mgpt::explorer
