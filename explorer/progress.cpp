#include "progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace mgpt::explorer {

Progress::Progress(std::string label, long total, bool enabled)
    : label_(std::move(label)),
      total_(total),
      enabled_(enabled && total > 0),
      tty_(::isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void Progress::draw(bool force) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const long d = done();
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? d / secs * 60.0 : 0;
    if (tty_) {
        if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
        last_draw_ = now;
        const int width = 30, filled = static_cast<int>(width * d / total_);
        std::fprintf(stderr, "\r%-22s [%s%s] %ld/%ld points  %.0f points/min   ", label_.c_str(),
                     std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(), d, total_, rate);
        std::fflush(stderr);
        return;
    }
    const int quarter = static_cast<int>(4 * d / total_);
    if ((quarter != last_quarter_ && quarter > 0) || force) {
        last_quarter_ = quarter;
        std::fprintf(stderr, "%s: %ld/%ld points (%d%%)\n", label_.c_str(), d, total_, 25 * quarter);
    }
}

void Progress::finish() {
    if (!enabled_) return;
    if (tty_) {
        draw(true);
        std::fprintf(stderr, "\n");
    } else if (last_quarter_ != 4) {
        draw(true);
    }
}

}  // namespace mgpt::explorer
