#include "entente/stance/graph.hpp"

#include <utility>

namespace entente::stance {

StanceGraph stance_graph(const world::Year& year, YearStances stances) {
  StanceGraph g;
  g.year = year.year;
  g.ccodes = year.ccodes;
  g.in_scope = year.in_scope;
  g.cinc = year.cinc;
  g.weight = std::move(stances.weight);
  g.relation = std::move(stances.relation);
  return g;
}

StanceGraph stance_graph(const world::Year& year, const Profile& profile) {
  return stance_graph(year, classify_year(year, profile));
}

}  // namespace entente::stance
