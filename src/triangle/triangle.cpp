#include "entente/triangle/triangle.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace entente::triangle {

std::string_view to_string(Type t) {
  switch (t) {
    case Type::menage_a_trois: return "menage_a_trois";
    case Type::romantic_triangle: return "romantic_triangle";
    case Type::stable_marriage: return "stable_marriage";
    case Type::unit_veto: return "unit_veto";
  }
  return "?";
}

std::string_view to_string(Role r) {
  switch (r) {
    case Role::pivot: return "pivot";
    case Role::friend_: return "friend";
    case Role::partner: return "partner";
    case Role::wing: return "wing";
    case Role::foe: return "foe";
    case Role::outcast: return "outcast";
  }
  return "?";
}

int rank(Role r) { return static_cast<int>(r) + 1; }

namespace {
Tie tie(double w) { return {w, w >= 0, std::fabs(w)}; }
}  // namespace

Triangle classify(double w_ab, double w_ac, double w_bc) {
  Triangle t{Type::unit_veto, {Role::foe, Role::foe, Role::foe}, tie(w_ab), tie(w_ac), tie(w_bc)};
  const bool ab = t.ab.amity, ac = t.ac.amity, bc = t.bc.amity;
  const int positive = ab + ac + bc;
  if (positive == 3) {
    t.type = Type::menage_a_trois;
    t.roles = {Role::friend_, Role::friend_, Role::friend_};
  } else if (positive == 2) {
    // The actor with two friendly ties is the pivot; the other two, at odds, are its wings.
    t.type = Type::romantic_triangle;
    if (ab && ac) t.roles = {Role::pivot, Role::wing, Role::wing};
    else if (ab && bc) t.roles = {Role::wing, Role::pivot, Role::wing};
    else t.roles = {Role::wing, Role::wing, Role::pivot};
  } else if (positive == 1) {
    // The friendly pair are partners; the third is the outcast.
    t.type = Type::stable_marriage;
    if (ab) t.roles = {Role::partner, Role::partner, Role::outcast};
    else if (ac) t.roles = {Role::partner, Role::outcast, Role::partner};
    else t.roles = {Role::outcast, Role::partner, Role::partner};
  }
  return t;
}

Census census(const stance::StanceGraph& s) {
  const std::size_t n = s.n();
  Census c;
  c.actors.resize(n);
  auto amity = [&](std::size_t i, std::size_t j) { return s.weight[i * n + j] >= 0; };
  // Triads by type from each actor's view: a triad with k friendly ties is type 3 − k.
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const bool ij = amity(i, j);
      for (std::size_t k = j + 1; k < n; ++k) {
        const bool ik = amity(i, k), jk = amity(j, k);
        const int positive = ij + ik + jk;
        ++c.types[static_cast<std::size_t>(3 - positive)];
        const Triangle t = classify(ij ? 1 : -1, ik ? 1 : -1, jk ? 1 : -1);
        const std::size_t who[3] = {i, j, k};
        for (int r = 0; r < 3; ++r) ++c.actors[who[r]].roles[static_cast<std::size_t>(t.roles[r])];
        if (t.type == Type::romantic_triangle)
          for (int r = 0; r < 3; ++r)
            if (t.roles[r] == Role::pivot) {
              const std::size_t p = who[r], w1 = who[(r + 1) % 3], w2 = who[(r + 2) % 3];
              const double tie1 = s.weight[p * n + w1], tie2 = s.weight[p * n + w2];
              if (tie1 <= 0 || tie2 <= 0) continue;  // a bystander, not a balancer
              auto& a = c.actors[p];
              ++a.pivot;
              // Capability-weighted: a balancer tips the balance between the wings only as far
              // as its own capabilities let it, and matters as much as the wings do.
              double wings = 0;
              for (std::size_t w : {w1, w2})
                if (!std::isnan(s.cinc[w])) wings += s.cinc[w];
              const double own = std::isnan(s.cinc[p]) ? 0.0 : s.cinc[p];
              a.weighted_pivot += std::min(tie1, tie2) * own * wings;
            }
      }
    }
  c.triads = c.types[0] + c.types[1] + c.types[2] + c.types[3];
  for (std::size_t i = 0; i < n; ++i) {
    auto& a = c.actors[i];
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i || s.weight[i * n + j] <= 0) continue;
      ++a.positive_ties;
      a.alliance_ties += s.relation[i * n + j] == stance::Relation::alliance;
    }
    a.flexibility = a.positive_ties ? static_cast<double>(a.positive_ties - a.alliance_ties) /
                                          static_cast<double>(a.positive_ties)
                                    : std::numeric_limits<double>::quiet_NaN();
    const double pairs = static_cast<double>(a.positive_ties) * static_cast<double>(a.positive_ties - 1) / 2;
    a.reach = pairs > 0 ? static_cast<double>(a.pivot) / pairs : std::numeric_limits<double>::quiet_NaN();
  }
  return c;
}

}  // namespace entente::triangle
