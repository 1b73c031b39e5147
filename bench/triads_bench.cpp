// Every triad of every year 1946-2012: stances for all dyads, then the triad census (types,
// roles, balancer index) — issue "Relationships, strategic triangles and balancers".
#include <benchmark/benchmark.h>

#include <filesystem>

#include "entente/io/import_plan.hpp"
#include "entente/stance/stance.hpp"
#include "entente/triangle/triangle.hpp"
#include "entente/world/panel.hpp"
#include "entente/world/source.hpp"

namespace {

const std::filesystem::path kData = ENTENTE_SHARED_DATA;

void all_triads_1946_2012(benchmark::State& state) {
  if (!std::filesystem::exists(kData)) {
    state.SkipWithError("reference data not found (../shared/data)");
    return;
  }
  auto store = entente::store::Store::in_memory();
  store.apply(entente::io::read_planned(entente::io::plan_import({kData}, std::nullopt), 2, {}));
  entente::actor::Registry registry(store.actors(), store.spells());
  const entente::world::Source source{std::move(store), std::move(registry), "reference data"};
  const auto profile = entente::stance::default_profile();
  long long triads = 0;
  for (auto _ : state) {
    // Loading the evidence is part of the work; the store is already built.
    const entente::world::Panel panel(source, 1946, 2012, entente::stance::stance_layers());
    triads = 0;
    for (int y = 1946; y <= 2012; ++y) {
      const auto year = panel.year(y);
      const auto census = entente::triangle::census(entente::stance::stance_graph(year, profile));
      triads += census.triads;
    }
    benchmark::DoNotOptimize(triads);
  }
  state.counters["triads"] = static_cast<double>(triads);
}

}  // namespace

BENCHMARK(all_triads_1946_2012)->Unit(benchmark::kSecond)->Iterations(3);
BENCHMARK_MAIN();
