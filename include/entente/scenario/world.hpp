#pragma once
// The two worlds of a scenario: the base as the store has it, and the same after the shocks.
// Each holds only the modelled states, the facts of each dyad (so the stance rules can be re-run
// cheaply under a perturbed profile), the stance shocks to re-apply after them, and the
// landscape instance of the chosen actors.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "entente/landscape/landscape.hpp"
#include "entente/scenario/scenario.hpp"
#include "entente/stance/graph.hpp"
#include "entente/stance/stance.hpp"
#include "entente/world/panel.hpp"
#include "entente/world/source.hpp"

namespace entente::scenario {

// A stance shock with its states as positions in the world.
struct StanceShock {
  ShockKind kind = ShockKind::set_relation;
  std::size_t a = 0, b = 0;
  std::optional<stance::Relation> relation;
  std::optional<double> weight, by, factor;
};

struct World {
  world::Year year;                   // modelled states only, every one in scope; evidence after the shocks
  std::vector<std::string> names;     // COW abbreviations, by position
  std::vector<stance::Facts> facts;   // n×n, row-major, symmetric; the diagonal unused
  std::vector<StanceShock> stance_shocks;
  std::size_t focus = 0;
  std::vector<std::array<std::size_t, 3>> triangles;  // positions
  landscape::Instance landscape;                      // of the landscape actors present in this world
  std::vector<std::size_t> landscape_at;              // their positions
  std::size_t n() const noexcept { return names.size(); }
  int index(const std::string& name) const;           // position of an abbreviation, or −1
};

struct Worlds {
  World before, after;
  std::vector<std::string> shocks;  // each shock in words, in file order
};

// Builds both worlds from the source (the scenario's actors of its year, or every state in the
// store's evidence scope). Throws std::invalid_argument naming the scenario file and the shock's
// line when a shock names a state that is not modelled, or adds one that already is.
Worlds build_worlds(const world::Source& source, const Scenario& scenario, const stance::Profile& profile);

// A world's stances: the profile's rules on its facts, then its stance shocks, in file order. A
// shocked weight takes the relation whose profile weight is nearest on the same side of zero.
stance::YearStances stances_of(const World& world, const stance::Profile& profile);
void apply_stance_shocks(const World& world, const stance::Profile& profile, stance::YearStances& stances);
// The world's stance graph: its states and capabilities with stances_of's ties.
stance::StanceGraph graph_of(const World& world, const stance::Profile& profile);

// The relation whose profile weight is nearest to w among those of w's sign (neutral for 0).
stance::Relation nearest_relation(double w, const stance::Profile& profile);

}  // namespace entente::scenario
