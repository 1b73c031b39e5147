#pragma once
// What a year's evidence says about a few chosen states and every pair of them, as plain values:
// the stance model's facts, and what the landscape's propensities read beyond the decided stances
// (democracy, land borders, wars fought in the years before). Built from the panel here, in one
// place, so the landscape takes a value rather than the panel, and a caller (a test, a binding)
// can fill one in by hand.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "entente/stance/stance.hpp"

namespace entente::stance {

struct PairFacts {
  bool in_universe = false;       // both members of the state system on a common day of the year
  Facts facts;                    // stance::facts of the pair, when in_universe
  bool land_border = false;       // COW direct contiguity by land (type 1), when the year has contiguity data
  bool past_war = false;          // on opposite sides of a COW inter-state war in the memory years
};

struct ActorEvidence {
  int year = 0;
  std::vector<int> ccodes;            // the chosen states, in the caller's order
  std::vector<std::uint8_t> in_scope; // 1 where the store holds evidence about the state
  std::vector<double> cinc;           // COW CINC, NaN where missing
  std::vector<double> polity2;        // NaN where missing
  bool contiguity_covered = false;
  // The years before `year` whose wars count (past_war); none asked when first > last.
  int war_memory_first = 0, war_memory_last = -1;
  bool war_memory_covered = false;    // some year of the memory has war data
  std::vector<PairFacts> pairs;       // m×m by position in ccodes, symmetric
  std::size_t m() const noexcept { return ccodes.size(); }
  const PairFacts& pair(std::size_t a, std::size_t b) const { return pairs[a * m() + b]; }
  bool war_memory_asked() const noexcept { return war_memory_first <= war_memory_last; }
};

// The evidence of the states at `positions` of `year`. Wars count from the `memory_years` years
// before it that `memory` holds (none without a panel or with memory_years 0): the landscape's
// "recent wars".
ActorEvidence actor_evidence(const world::Year& year, const std::vector<std::size_t>& positions,
                             const world::Panel* memory = nullptr, int memory_years = 0);

// The layers a panel must load for actor_evidence under `profile`: the stance model's
// (stance_layers) and democracy, contiguity and wars.
world::PanelLayers actor_evidence_layers(const Profile& profile);

}  // namespace entente::stance
