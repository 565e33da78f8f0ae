#include "parallel_for.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace mgpt::explorer {

void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& work, Progress* progress,
                  std::atomic<bool>* stop) {
    std::atomic<size_t> next{0};
    std::atomic<bool> local_stop{false};
    std::atomic<bool>& halt = stop ? *stop : local_stop;
    std::atomic<int> running{0};
    std::mutex done_mutex;
    std::condition_variable done_cv;
    std::exception_ptr error;
    std::mutex error_mutex;
    auto worker = [&] {
        try {
            for (size_t i; !halt.load() && (i = next.fetch_add(1)) < n;) {
                work(i);
                if (progress) progress->add();
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(error_mutex);
            if (!error) error = std::current_exception();
            halt = true;
        }
        {
            std::lock_guard<std::mutex> lock(done_mutex);
            --running;
        }
        done_cv.notify_all();
    };
    const int threads = static_cast<int>(std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(std::max(1, jobs)), n)));
    running = threads;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
    // Redraw the bar every 20 ms until the last worker leaves (it wakes us at once).
    for (std::unique_lock<std::mutex> lock(done_mutex);
         !done_cv.wait_for(lock, std::chrono::milliseconds(20), [&] { return running.load() == 0; });) {
        lock.unlock();
        if (progress) progress->draw();
        lock.lock();
    }
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace mgpt::explorer
