// Micro-benchmarks of the import path (parse only, and parse + store) on the reference files.
// Whole-process figures for docs/benchmarks.md come from bench/import.sh.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "entente/io/file.hpp"
#include "entente/io/importers.hpp"
#include "entente/store/store.hpp"

namespace {

const std::filesystem::path kData = ENTENTE_SHARED_DATA;

void parse_file(benchmark::State& state, const char* relative) {
  const auto path = kData / relative;
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("reference data not found (../shared/data)");
    return;
  }
  const std::string text = entente::io::read_whole_file(path);
  const auto format = entente::io::detect_format(path.string(), text);
  for (auto _ : state) {
    auto batch = entente::io::parse(format, path.string(), text);
    benchmark::DoNotOptimize(batch);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void store_atop(benchmark::State& state) {
  const auto path = kData / "atop/atop_v5.1_ddyr_part1_ccode1_lt_ccode2.csv";
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("reference data not found (../shared/data)");
    return;
  }
  const auto batch = entente::io::read_provider_file(path);
  for (auto _ : state) {
    auto store = entente::store::Store::in_memory();
    store.apply({batch});
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * batch.alliances.size()));
}

}  // namespace

BENCHMARK_CAPTURE(parse_file, atop_part1, "atop/atop_v5.1_ddyr_part1_ccode1_lt_ccode2.csv")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse_file, cow_member_yearly, "cow_alliance/alliance_v4.1_by_member_yearly.csv")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse_file, nmc_v7, "cow_nmc/cow_nmc_v7.0_abridged_peacesciencer.csv")->Unit(benchmark::kMillisecond);
BENCHMARK(store_atop)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
