#pragma once
// Strategic triangles (Dittmer 1981; roles ranked after Wu 1996): three actors, three ties, each
// amity or enmity. Enmity is active antagonism, so a tie is enmity only when its signed weight
// is below zero (a rivalry, a hostile dispute, a war); a neutral tie (weight exactly 0) is amity.
// Each tie's margin is how far its weight must move to change side (|w|; 0 for a neutral tie,
// which the smallest negative evidence would turn to enmity).
#include <array>
#include <string_view>
#include <vector>

#include "entente/stance/graph.hpp"

namespace entente::triangle {

enum class Type { menage_a_trois, romantic_triangle, stable_marriage, unit_veto };
enum class Role { pivot, friend_, partner, wing, foe, outcast };  // Wu's order of desirability
std::string_view to_string(Type t);
std::string_view to_string(Role r);
int rank(Role r);  // 1 = most desirable (pivot) … 6 = least (outcast)

struct Tie {
  double weight = 0;
  bool amity = false;
  double margin = 0;  // |weight|: how far the weight must move to change the tie's sign
};

struct Triangle {
  Type type = Type::unit_veto;
  std::array<Role, 3> roles{};  // of actors a, b, c
  Tie ab, ac, bc;
};

// Classifies three ties between actors a, b, c.
Triangle classify(double w_ab, double w_ac, double w_bc);

// Every triad of a year: counts by type, and per actor how often and how strongly it is a pivot.
// A balancer is an active pivot: friendly (weight > 0, not merely neutral) with two states that
// are at odds. A state neutral toward both sides of a rivalry is a bystander, not a balancer, so
// the index counts only pivots whose two ties are positive, weighted by the weaker of the two
// ties, by the pivot's own capabilities and by the wings'.
struct ActorRoles {
  long long pivot = 0;             // romantic triangles with the actor as an active pivot
  double weighted_pivot = 0;       // Σ over those: min(its two tie weights) × its CINC × (wings' CINC)
  long long positive_ties = 0;     // ties with weight > 0
  long long alliance_ties = 0;     // of which alliances
  double flexibility = 0;          // share of positive ties that are not alliances (NaN with none)
  double reach = 0;                // share of pairs of its positive partners at odds with each other
  std::array<long long, 6> roles{};  // how many triads give it each Role
};
struct Census {
  std::array<long long, 4> types{};  // by Type
  long long triads = 0;
  std::vector<ActorRoles> actors;    // by position in the year
};
Census census(const stance::StanceGraph& graph);

}  // namespace entente::triangle
