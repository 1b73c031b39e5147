#pragma once
// A year's stance graph: its states, their capabilities, and every tie's signed weight and
// relationship type. The triangle census, the signed graphs of balance and blocs, and the
// scenarios read this value rather than the year's evidence; stance_graph builds it in one place.
// (The landscape reads evidence the stances do not keep — UN alignment, disputes, past wars — from
// another value of this layer, stance::ActorEvidence.)
#include <cstddef>
#include <cstdint>
#include <vector>

#include "entente/stance/stance.hpp"

namespace entente::stance {

struct StanceGraph {
  int year = 0;
  std::vector<int> ccodes;             // by position
  std::vector<std::uint8_t> in_scope;  // 1 where the store holds evidence about the state
  std::vector<double> cinc;            // capabilities (COW CINC), NaN where missing
  std::vector<double> weight;          // n×n, symmetric, 0 on the diagonal
  std::vector<Relation> relation;      // n×n, symmetric
  std::size_t n() const noexcept { return ccodes.size(); }
};

// The year's states under the profile's rules.
StanceGraph stance_graph(const world::Year& year, const Profile& profile);
// The year's states with their stances already decided (a scenario's, after its shocks).
StanceGraph stance_graph(const world::Year& year, YearStances stances);

}  // namespace entente::stance
