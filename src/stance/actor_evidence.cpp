#include "entente/stance/actor_evidence.hpp"

#include <algorithm>

namespace entente::stance {

ActorEvidence actor_evidence(const world::Year& y, const std::vector<std::size_t>& positions,
                             const world::Panel* memory, int memory_years) {
  ActorEvidence e;
  const std::size_t m = positions.size(), n = y.n();
  e.year = y.year;
  e.contiguity_covered = y.contiguity_covered;
  for (std::size_t i : positions) {
    e.ccodes.push_back(y.ccodes.at(i));
    e.in_scope.push_back(y.in_scope.at(i));
    e.cinc.push_back(y.cinc.at(i));
    e.polity2.push_back(y.polity2.at(i));
  }
  e.pairs.resize(m * m);
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = a + 1; b < m; ++b) {
      const std::size_t i = positions[a], j = positions[b];
      PairFacts p;
      p.in_universe = y.in_universe(i, j);
      if (p.in_universe) p.facts = facts(y, i, j);
      p.land_border = y.contiguity_covered && y.conttype[i * n + j] == 1;
      e.pairs[a * m + b] = e.pairs[b * m + a] = std::move(p);
    }
  if (memory && memory_years > 0) {
    e.war_memory_first = std::max(memory->from(), y.year - memory_years);
    e.war_memory_last = std::min(memory->to(), y.year - 1);
  }
  for (int earlier = e.war_memory_first; earlier <= e.war_memory_last; ++earlier) {
    const auto past = memory->year(earlier);
    if (!past.wars_covered) continue;
    e.war_memory_covered = true;
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = a + 1; b < m; ++b) {
        // By state code: the states' positions differ from year to year.
        const int i = past.index(e.ccodes[a]), j = past.index(e.ccodes[b]);
        if (i >= 0 && j >= 0 && past.war[static_cast<std::size_t>(i) * past.n() + static_cast<std::size_t>(j)])
          e.pairs[a * m + b].past_war = e.pairs[b * m + a].past_war = true;
      }
  }
  return e;
}

world::PanelLayers actor_evidence_layers(const Profile& profile) {
  world::PanelLayers l = stance_layers(profile);
  l.contiguity = l.democracy = l.wars = true;
  return l;
}

}  // namespace entente::stance
