// Exact landscape analysis (every configuration, every local minimum and its basin) of random
// 30-actor instances (target under 10 s on two cores) and 34-actor ones (target 60 s, 8 GiB). The instances are seeded, so
// every run times the same work. Whole-process figures: docs/models/landscape.md.
#include <benchmark/benchmark.h>

#include "entente/core/random.hpp"
#include "entente/landscape/landscape.hpp"

namespace {

// Sizes uniform in [0.1, 1), propensities uniform in [−1, 1): a dense, frustrated instance, drawn
// from the library's generator so that a seed is the same instance on every platform.
entente::landscape::Instance random_instance(std::size_t n, unsigned seed) {
  entente::core::Rng rng(seed);
  auto size = [&] { return 0.1 + 0.9 * rng.uniform(); };
  auto propensity = [&] { return -1.0 + 2.0 * rng.uniform(); };
  entente::landscape::Instance in;
  in.propensity.assign(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    in.names.push_back("a" + std::to_string(i));
    in.sizes.push_back(size());
    for (std::size_t j = 0; j < i; ++j) in.propensity[i * n + j] = in.propensity[j * n + i] = propensity();
  }
  in.labels = in.names;
  return in;
}

void exact_landscape(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto threads = static_cast<unsigned>(state.range(1));
  const auto instance = random_instance(n, static_cast<unsigned>(state.range(2)));
  std::size_t minima = 0;
  for (auto _ : state) {
    const auto result = entente::landscape::exact(instance, {threads});
    minima = result.minima.size();
    benchmark::DoNotOptimize(minima);
  }
  state.counters["minima"] = static_cast<double>(minima);
  state.counters["configurations/s"] =
      benchmark::Counter(static_cast<double>(std::uint64_t{1} << (n - 1)), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

// Arguments: actors, threads, seed.
BENCHMARK(exact_landscape)
    ->ArgNames({"n", "threads", "seed"})
    ->Args({30, 2, 1})
    ->Args({30, 1, 1})
    ->Args({30, 2, 2})
    ->Args({24, 2, 1})
    ->Args({32, 2, 1})
    ->Args({34, 2, 1})
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK_MAIN();
