#pragma once
// What the exact and the heuristic search share: worker threads and the order of reported minima.
#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

#include "entente/landscape/landscape.hpp"

namespace entente::landscape::detail {

inline unsigned worker_count(unsigned requested, std::uint64_t work_items) {
  unsigned t = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  if (work_items < t) t = static_cast<unsigned>(std::max<std::uint64_t>(1, work_items));
  return t;
}

// Runs body(worker, item) for items 0..items−1 on `threads` threads, items handed out in order as
// workers become free; the first exception is rethrown after every worker has stopped.
template <class Body>
void run_workers(unsigned threads, std::uint64_t items, Body&& body) {
  std::atomic<std::uint64_t> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](unsigned worker) {
    try {
      for (std::uint64_t k; !failed.load(std::memory_order_relaxed) && (k = next.fetch_add(1)) < items;)
        body(worker, k);
    } catch (...) {
      errors[worker] = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < threads; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// By energy, then basin (larger first), then alignment, so the order never depends on threads.
inline void sort_minima(std::vector<Minimum>& minima) {
  std::sort(minima.begin(), minima.end(), [](const Minimum& a, const Minimum& b) {
    if (a.energy != b.energy) return a.energy < b.energy;
    if (a.basin != b.basin) return a.basin > b.basin;
    return AlignmentLess{}(a.sides, b.sides);
  });
}

}  // namespace entente::landscape::detail
