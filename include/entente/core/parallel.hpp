#pragma once
// The library's one parallel loop. Every model that spreads independent items over threads (the
// landscape's blocks, the balance solvers' searches and separation, the scenario and bargaining
// ensembles' members, the ideal points' years) goes through parallel_for, so that they share one
// meaning of a thread count, one way of handing out work and one way of reporting failures.
//
// Items are handed out one at a time, in increasing order, from an atomic counter: a worker takes
// the next item as soon as it is free, so uneven items (a slow year, a long dynamics run) do not
// leave the other workers idle. A body that wants coarser work makes an item a block of its own.
// Results stay deterministic when each item's result depends on the item only (its own seed, its
// own slot in an output vector): which worker ran it, and when, never shows.
//
// (The streaming pipelines — the import's parse-then-write-in-order, the events scanner's blocks,
// dyad-years delivered year by year — are not loops over independent items and keep their own
// threads; they take their thread count from worker_count as well.)
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <limits>
#include <thread>
#include <vector>

namespace entente::core {

// The number of workers to run for `items` items when `requested` were asked for: 0 asks for one
// per hardware thread (at least one when the count is unknown); never more than there are items,
// never fewer than one.
inline unsigned worker_count(unsigned requested, std::uint64_t items = std::numeric_limits<std::uint64_t>::max()) {
  const unsigned wanted = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::clamp<std::uint64_t>(items, 1, wanted));
}

// Runs body(worker, item) for every item in 0..items−1 on worker_count(workers, items) workers:
// the calling thread is worker 0, the others are threads started here and joined before it
// returns. `worker` (0..workers−1) lets a body keep per-worker scratch space or accumulators
// sized with worker_count(workers, items) beforehand; a body must not depend on which worker runs
// which item for its result.
//
// When a body throws, no further items are started, the workers finish the items they hold, and
// the exception of the lowest-numbered failed item is rethrown to the caller.
//
// `stop`, when given, is read before each item is claimed: once it is set no new item starts, and
// those already claimed are finished. Items are claimed in order, so the items run are exactly
// 0..k−1, and k is returned (`items` when the loop ran to the end).
template <class Body>
std::uint64_t parallel_for(std::uint64_t items, unsigned workers, Body&& body, const std::atomic<bool>* stop = nullptr) {
  workers = worker_count(workers, items);
  std::atomic<std::uint64_t> next{0};
  std::atomic<bool> failed{false};
  constexpr std::uint64_t kNone = std::numeric_limits<std::uint64_t>::max();
  std::vector<std::exception_ptr> errors(workers);
  std::vector<std::uint64_t> failed_item(workers, kNone);
  auto work = [&](unsigned worker) {
    std::uint64_t k = kNone;
    try {
      while (!failed.load(std::memory_order_relaxed) && !(stop && stop->load())) {
        k = next.fetch_add(1);
        if (k >= items) break;
        body(worker, k);
      }
    } catch (...) {
      errors[worker] = std::current_exception();
      failed_item[worker] = k;
      failed = true;
    }
  };
  {
    // jthreads join as they leave this block, also when starting one of them throws.
    std::vector<std::jthread> pool;
    pool.reserve(workers - 1);
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work, w);
    work(0);
  }
  unsigned first = workers;
  for (unsigned w = 0; w < workers; ++w)
    if (errors[w] && (first == workers || failed_item[w] < failed_item[first])) first = w;
  if (first < workers) std::rethrow_exception(errors[first]);
  return std::min(next.load(), items);
}

}  // namespace entente::core
