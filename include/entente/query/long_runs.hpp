#pragma once
// Commands that can run long (an exact balance search, a large scenario ensemble) say where they
// stand on stderr once they have run a few seconds, and stop on Ctrl-C with what they have: the
// command line installs a StopOnCtrlC for the run and passes its flag to the library.
#include <atomic>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "entente/balance/frustration.hpp"

namespace entente::query {

// While alive, the first Ctrl-C (SIGINT) sets flag() instead of ending the process, so the run
// can stop at its next check and print the best answer so far; a second Ctrl-C ends the process
// at once, as usual. The previous handler is restored on destruction. One at a time.
class StopOnCtrlC {
 public:
  StopOnCtrlC();
  ~StopOnCtrlC();
  StopOnCtrlC(const StopOnCtrlC&) = delete;
  StopOnCtrlC& operator=(const StopOnCtrlC&) = delete;

  const std::atomic<bool>& flag() const noexcept;
  bool pressed() const noexcept { return flag().load(); }
};

// The exit status of a command stopped by Ctrl-C after printing its partial answer (128 + SIGINT,
// as shells report a process ended by it).
inline constexpr int kInterruptedExit = 130;

// Seconds a command runs before its first progress line.
inline constexpr double kQuietSeconds = 3;

// A progress line for frustration_index, written to `out`:
// "entente: balance: 6 s; solved 75 of the 300 nodes of the hardest block, searching the next:
// best 33, bound 32, gap 1 (Ctrl-C stops with the best so far)". The numbers are the Russian doll
// search's (docs/models/balance.md): the cost and bound of the node suffix being searched.
std::function<void(const balance::FrustrationProgress&)> balance_progress(std::ostream& out);

// Progress of a scenario ensemble, written to `out` once it has run kQuietSeconds: on a terminal
// a bar redrawn in place, else a line every few seconds; both with the time left at the pace so
// far ("entente: scenario: 1,200 of 10,000,000 members in 6 s, about 13 h left (Ctrl-C stops
// with the members done)").
std::function<void(std::uint64_t done, std::uint64_t total)> ensemble_progress(std::ostream& out, bool terminal);

// Progress of a long read (entente events), written to `out` once it has run kQuietSeconds, then a
// line every kQuietSeconds: "entente: events: 1.2 of 9.7 GB read in 6 s, about 40 s left".
std::function<void(std::uint64_t bytes_done, std::uint64_t bytes_total)> bytes_progress(std::ostream& out);

}  // namespace entente::query
