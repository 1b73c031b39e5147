#pragma once
// A scenario file: a base world (a store or the bundled default world, a year, the states
// modelled, a stance profile), the shocks that change it, and what to report — the focus state,
// its triangles, the landscape's actors — plus optional dynamics and ensembles. The format is
// explained in docs/scenarios.md; every error names file:line:column.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/evidence/records.hpp"
#include "entente/stance/stance.hpp"

namespace entente::scenario {

// Evidence shocks change what the datasets say (a treaty, a rivalry, a war, a capability, who is
// in the system); stance shocks change the stance model's answer for a dyad or an actor directly.
enum class ShockKind {
  add_treaty,      // between = [A, B], type = defense | offense | neutrality | nonaggression | entente | consultation
  end_treaty,      // between = [A, B], type optional (all obligations when absent)
  start_rivalry,   // between = [A, B]
  end_rivalry,     // between = [A, B]
  start_war,       // between = [A, B]: at war this year (hostile)
  end_war,         // between = [A, B]: no war or militarized dispute this year
  set_capability,  // actor = A, cinc = x or factor = f
  add_actor,       // actor = A (a COW state), cinc = x: joins the modelled states with no ties
  remove_actor,    // actor = A
  set_relation,    // between = [A, B], relation = R and/or weight = w
  shift_relation,  // between = [A, B], by = d (the weight moves by d, within [−1, 1])
  weaken_ties,     // actor = A, factor = f in [0, 1]: every tie of A times f (a leadership change)
};
std::string_view to_string(ShockKind kind);
bool is_stance_shock(ShockKind kind);

struct Shock {
  ShockKind kind = ShockKind::add_treaty;
  std::string a, b;  // as written in the file: a COW code, abbreviation, ISO3 or name
  std::optional<evidence::Obligation> treaty;
  std::optional<stance::Relation> relation;
  std::optional<double> weight, by, cinc, factor;
  std::size_t line = 0;  // where it is in the file
};

// Uncertain inputs of an ensemble: each member draws its own perturbation (docs/scenarios.md).
struct Noise {
  double weights = 0.1;     // sd of additive noise on every non-neutral tie weight (clamped to [−1, 1])
  double thresholds = 0.05; // sd of noise on the edge threshold (min_weight) and the UN alignment threshold
  double sizes = 0.1;       // sd of log-normal noise on capabilities (CINC × e^N(0, sd))
  bool operator==(const Noise&) const = default;
};
struct EnsembleSpec {
  std::uint64_t members = 0;  // 0: no ensemble
  std::uint64_t seed = 1;
  Noise noise;
};
struct DynamicsSpec {
  std::uint64_t runs = 0;  // 0: no dynamics
  std::uint64_t seed = 1;
  double p = 0.5;          // local triad dynamics: chance that an imbalanced triad's lone negative tie turns positive
};

struct Scenario {
  std::string file;
  std::string name;
  std::string question;
  std::optional<std::filesystem::path> store;    // relative to the file; none: --db or the default world
  std::optional<std::filesystem::path> profile;  // relative to the file; none: the default profile
  int year = 2012;
  std::vector<std::string> actors;  // the states modelled; empty: every state with evidence in the store
  std::string focus;                // the state whose roles are reported first
  std::vector<std::array<std::string, 3>> triangles;  // reported triangles
  std::vector<std::string> landscape;                  // the landscape's actors (2 to 30)
  double min_weight = stance::kDefaultMinWeight;  // the weakest tie that makes an edge of the signed graph
  std::vector<Shock> shocks;
  EnsembleSpec ensemble;
  DynamicsSpec dynamics;
};

Scenario parse_scenario(std::string_view text, const std::string& file_name);
Scenario load_scenario(const std::filesystem::path& path);

// A shock in words, e.g. "RUS and CHN sign a defense treaty".
std::string describe(const Shock& shock);

}  // namespace entente::scenario
