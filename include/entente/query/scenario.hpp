#pragma once
// `entente scenario`: every model before and after a scenario's shocks, the focus state's
// position, the differences most important first, and the scenario's dynamics and ensemble when
// it asks for them, as one JSON result.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "entente/core/json.hpp"
#include "entente/scenario/scenario.hpp"
#include "entente/world/source.hpp"

namespace entente::query {

struct ScenarioRequest {
  std::optional<std::uint64_t> members;  // overrides [ensemble] members (0: no ensemble)
  std::optional<std::uint64_t> seed;     // overrides [ensemble] seed and [dynamics] seed
  std::optional<std::uint64_t> runs;     // overrides [dynamics] runs (0: no dynamics)
  unsigned threads = 0;                  // 0: one per core; results do not depend on it
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  // ensemble progress, may be empty
  // Set (by a Ctrl-C handler) to stop the ensemble after the members started: the summary is of
  // the members done, marked "interrupted", and the dynamics are left out. Null: never.
  const std::atomic<bool>* interrupt = nullptr;
  // Several processes (MPI ranks): this one computes members [members·rank/ranks,
  // members·(rank+1)/ranks); `gather` receives its rows and returns every rank's, in rank order,
  // on rank 0, which reports; the other ranks return null after the gather.
  std::uint64_t rank = 0, ranks = 1;
  std::function<std::vector<double>(std::vector<double>)> gather;
};

// What a scenario run reads: the file; the store named by `db`, else the file's [base] store,
// else the bundled default world; the profile named by `profile`, else the file's, else the
// default. Paths in the file are relative to it.
struct ScenarioInputs {
  scenario::Scenario scenario;
  world::Source source;
  stance::Profile profile;
};
ScenarioInputs load_scenario_inputs(const std::string& file, const std::optional<std::string>& db,
                                    const std::optional<std::string>& profile);

// Throws std::runtime_error "FILE: year Y: SOURCE covers FIRST to LAST" when the scenario's year
// is outside the store's evidence.
void require_scenario_year(const world::Source& source, const scenario::Scenario& scenario);
// The profiles known by name rather than by file: default, v1, v2.
bool named_profile(const std::string& name);

Json scenario(const world::Source& source, const scenario::Scenario& scenario, const stance::Profile& profile,
              const ScenarioRequest& request);

// The counterfactual part alone (no dynamics, no ensemble): what the report's scenario section shows.
Json counterfactual(const world::Source& source, const scenario::Scenario& scenario, const stance::Profile& profile);

}  // namespace entente::query
