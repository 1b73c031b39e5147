// The library's one parallel loop (core/parallel.hpp): every item once, worker indices in range,
// failures and stops reported as documented.
#include "entente/core/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace core = entente::core;

TEST(CoreParallel, WorkerCount) {
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  EXPECT_EQ(core::worker_count(0), hardware);
  EXPECT_EQ(core::worker_count(0, 1), 1u);
  EXPECT_EQ(core::worker_count(8, 3), 3u);
  EXPECT_EQ(core::worker_count(3, 8), 3u);
  EXPECT_EQ(core::worker_count(5, 0), 1u);  // no items still means one worker, which finds none
}

TEST(CoreParallel, RunsEveryItemOnceOnAnyNumberOfWorkers) {
  for (unsigned workers : {1u, 2u, 3u, 8u}) {
    const std::uint64_t items = 1000;
    std::vector<std::atomic<int>> runs(items);
    std::atomic<bool> bad_worker{false};
    const unsigned expected_workers = core::worker_count(workers, items);
    const auto done = core::parallel_for(items, workers, [&](unsigned worker, std::uint64_t k) {
      if (worker >= expected_workers) bad_worker = true;
      ++runs[k];
    });
    EXPECT_EQ(done, items);
    EXPECT_FALSE(bad_worker) << workers;
    for (std::uint64_t k = 0; k < items; ++k) ASSERT_EQ(runs[k].load(), 1) << "item " << k << ", " << workers << " workers";
  }
  EXPECT_EQ(core::parallel_for(0, 4, [](unsigned, std::uint64_t) { FAIL() << "no item to run"; }), 0u);
}

TEST(CoreParallel, PerWorkerAccumulatorsAddUp) {
  const std::uint64_t items = 5000;
  const unsigned workers = core::worker_count(4, items);
  std::vector<std::uint64_t> sums(workers, 0);
  core::parallel_for(items, workers, [&](unsigned worker, std::uint64_t k) { sums[worker] += k; });
  std::uint64_t total = 0;
  for (auto s : sums) total += s;
  EXPECT_EQ(total, items * (items - 1) / 2);
}

TEST(CoreParallel, RethrowsTheLowestFailedItemsException) {
  for (unsigned workers : {1u, 4u}) {
    std::atomic<int> started{0};
    try {
      core::parallel_for(100, workers, [&](unsigned, std::uint64_t k) {
        ++started;
        if (k == 10 || k == 11) throw std::runtime_error("item " + std::to_string(k));
      });
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      // Items are claimed in order, so item 10 is claimed before 11 and, once claimed, runs.
      EXPECT_EQ(std::string(e.what()), "item 10");
    }
    // No item starts after the failure is seen: alone, the worker stops at item 10.
    if (workers == 1) {
      EXPECT_EQ(started.load(), 11);
    }
  }
}

TEST(CoreParallel, StopLeavesAPrefixOfItemsDone) {
  for (unsigned workers : {1u, 3u}) {
    const std::uint64_t items = 10000;
    std::atomic<bool> stop{false};
    std::vector<std::atomic<int>> runs(items);
    const auto done = core::parallel_for(
        items, workers,
        [&](unsigned, std::uint64_t k) {
          ++runs[k];
          if (k == 500) stop = true;
        },
        &stop);
    EXPECT_GT(done, 500u);
    EXPECT_LT(done, items);
    for (std::uint64_t k = 0; k < items; ++k) ASSERT_EQ(runs[k].load(), k < done ? 1 : 0) << "item " << k;
  }
}
