// A progress bar on stderr: redrawn in place on a terminal, a line every 25%
// otherwise (logs stay short). Workers bump an atomic counter; one thread draws.
#pragma once
#include <atomic>
#include <chrono>
#include <string>

namespace mgpt::explorer {

class Progress {
public:
    Progress(std::string label, long total, bool enabled);
    void add(long n = 1) { done_.fetch_add(n, std::memory_order_relaxed); }
    long done() const { return done_.load(std::memory_order_relaxed); }
    void draw(bool force = false);  // call from one thread
    void finish();

private:
    std::string label_;
    long total_;
    bool enabled_, tty_;
    std::atomic<long> done_{0};
    int last_quarter_ = -1;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace mgpt::explorer
