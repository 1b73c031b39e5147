// Bargaining perceptions as a signed network, for the structural-balance tools.
#include <fmt/format.h>

#include "entente/bargain/bargain.hpp"

namespace entente::bargain {

namespace {

bool imposes(const View& v) { return v.outcome == Outcome::conflict || v.outcome == Outcome::capitulation; }

// Edge-list node names are separated by blanks or commas, so those become '_'.
std::string node_name(std::string name) {
  for (auto& c : name)
    if (c == ' ' || c == '\t' || c == ',') c = '_';
  return name;
}

}  // namespace

int dyad_sign(const Dyad& dyad) { return imposes(dyad.a_view) || imposes(dyad.b_view) ? -1 : 1; }

std::string signed_edges(const Issue& issue, const Round& round) {
  std::string out = "a b sign\n";
  for (const auto& d : round.dyads)
    out += fmt::format("{} {} {}\n", node_name(issue.actors[d.a].name), node_name(issue.actors[d.b].name),
                       dyad_sign(d) > 0 ? "1" : "-1");
  return out;
}

}  // namespace entente::bargain
