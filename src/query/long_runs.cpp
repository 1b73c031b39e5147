#include "entente/query/long_runs.hpp"

#include <chrono>
#include <csignal>
#include <string>
#include <fmt/format.h>

namespace entente::query {
namespace {

std::atomic<bool> g_pressed{false};
struct sigaction g_previous {};

extern "C" void on_ctrl_c(int) { g_pressed.store(true); }

}  // namespace

StopOnCtrlC::StopOnCtrlC() {
  g_pressed.store(false);
  struct sigaction action {};
  action.sa_handler = on_ctrl_c;
  action.sa_flags = SA_RESETHAND;  // the next Ctrl-C ends the process, as usual
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_previous);
}

StopOnCtrlC::~StopOnCtrlC() { sigaction(SIGINT, &g_previous, nullptr); }

const std::atomic<bool>& StopOnCtrlC::flag() const noexcept { return g_pressed; }

std::function<void(const balance::FrustrationProgress&)> balance_progress(std::ostream& out) {
  return [&out](const balance::FrustrationProgress& p) {
    out << fmt::format("entente: balance: {:.0f} s; solved {} of the {} nodes of the hardest block, searching the "
                       "next: best {}, bound {}, gap {} (Ctrl-C stops with the best so far)\n",
                       p.seconds, p.suffixes_proven, p.block_nodes, p.best, p.bound, p.best - p.bound)
        << std::flush;
  };
}

namespace {

std::string duration(double seconds) {
  if (seconds < 90) return fmt::format("{:.0f} s", seconds);
  if (seconds < 5400) return fmt::format("{:.0f} min", seconds / 60);
  if (seconds < 2 * 86400) return fmt::format("{:.0f} h", seconds / 3600);
  return fmt::format("{:.0f} days", seconds / 86400);
}

}  // namespace

std::function<void(std::uint64_t, std::uint64_t)> ensemble_progress(std::ostream& out, bool terminal) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  auto next_line = start + std::chrono::duration<double>(kQuietSeconds);
  return [&out, terminal, start, next_line](std::uint64_t done, std::uint64_t total) mutable {
    const auto now = Clock::now();
    const double seconds = std::chrono::duration<double>(now - start).count();
    if (seconds < kQuietSeconds) return;  // short runs say nothing
    if (!terminal && now < next_line && done < total) return;
    next_line = now + std::chrono::duration<double>(kQuietSeconds);
    const std::string left = done == 0 ? std::string("time left unknown yet")
                                       : "about " + duration(seconds * static_cast<double>(total - done) /
                                                             static_cast<double>(done)) + " left";
    if (terminal) {
      const int width = 30;
      const auto filled = static_cast<std::size_t>(total ? width * done / total : width);
      out << fmt::format("\rensemble [{:<{}}] {}/{}, {}   ", std::string(filled, '#'), width, done, total,
                         done == total ? duration(seconds) : left)
          << (done == total ? "\n" : "") << std::flush;
    } else if (done < total) {
      out << fmt::format("entente: scenario: {} of {} members in {}, {} (Ctrl-C stops with the members done)\n",
                         done, total, duration(seconds), left)
          << std::flush;
    }
  };
}

std::function<void(std::uint64_t, std::uint64_t)> bytes_progress(std::ostream& out) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  auto next_line = start + std::chrono::duration<double>(kQuietSeconds);
  return [&out, start, next_line](std::uint64_t done, std::uint64_t total) mutable {
    const auto now = Clock::now();
    const double seconds = std::chrono::duration<double>(now - start).count();
    if (seconds < kQuietSeconds || now < next_line) return;  // short runs say nothing
    next_line = now + std::chrono::duration<double>(kQuietSeconds);
    const std::string left = done == 0 || done >= total
                                 ? std::string()
                                 : ", about " + duration(seconds * static_cast<double>(total - done) /
                                                         static_cast<double>(done)) + " left";
    out << fmt::format("entente: events: {:.1f} of {:.1f} GB read in {}{}\n", static_cast<double>(done) / 1e9,
                       static_cast<double>(total) / 1e9, duration(seconds), left)
        << std::flush;
  };
}

}  // namespace entente::query
