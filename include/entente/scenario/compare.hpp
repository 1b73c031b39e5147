#pragma once
// What the shocks changed: the focus state's position before and after (its roles in the chosen
// triangles, balancer rank and flexibility, bloc and landscape partners) and every difference
// between the two analyses, most important first (the order is explained in docs/scenarios.md).
#include <string>
#include <variant>
#include <vector>

#include "entente/scenario/analysis.hpp"

namespace entente::scenario {

struct Change {
  int tier = 0;          // 1 = most important (see docs/scenarios.md)
  double magnitude = 0;  // orders changes within a tier, largest first
  std::string kind;      // triangle, balancer, blocs, landscape, frustration, relation, triads
  std::string text;      // in words
};

// A measure's value: a count, a figure, words, or nothing (a triangle a state left, a
// flexibility without friendly ties). A count stays whole, so it prints without a decimal point.
using MeasureValue = std::variant<std::monostate, long long, double, std::string>;

// One of the focus's measures before and after the shocks.
struct FocusRow {
  std::string measure;
  MeasureValue before, after;
  bool changed = false;  // before != after
  bool operator==(const FocusRow&) const = default;
};

// The focus's measures: its role in each reported triangle, its balancer rank, pivots,
// flexibility and ties, its bloc partners, the system's frustration index and, with a
// landscape, its side in the deepest minimum.
std::vector<FocusRow> focus_rows(const World& before_world, const Analysis& before, const World& after_world,
                                 const Analysis& after);

// Every difference, sorted by tier, then magnitude (largest first), then text.
std::vector<Change> compare(const World& before_world, const Analysis& before, const World& after_world,
                            const Analysis& after);

// Names of the states in the focus's bloc (excluding the focus) and of the landscape actors on
// the focus's side of the deepest minimum.
std::vector<std::string> bloc_partners(const World& world, const Analysis& analysis);
std::vector<std::string> landscape_partners(const World& world, const Analysis& analysis);

}  // namespace entente::scenario
