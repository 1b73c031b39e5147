#pragma once
// The conventions a panel applies where datasets leave a choice open, named so that a user can
// pick the one the literature they compare with uses (docs/dyads.md, "The unit" and "Contiguity").
#include <optional>
#include <string_view>

namespace entente::world {

// Which pairs of a year's system members form a dyad-year.
enum class Universe {
  // Both states were members of the system on at least one common day of the year (COW's
  // day-level spell dates). peacesciencer's create_dyadyears() and most users expect this.
  simultaneous,
  // Both states were members at some point in the year, not necessarily at the same time
  // (e.g. the GDR, which left on 2 October 1990, and united Germany, which entered the next day).
  any,
};

// Which contiguity period gives a dyad's type in a year. COW lists the periods at month
// precision, and a pair's type can change within a year.
enum class ContiguityRule {
  closest,  // the closest (lowest) type of any period that touches the year
  // The type of the period in force when the year starts for the dyad: on 1 January, or, when
  // one of the two entered the system during the year, in the month it entered.
  january,
};

struct Conventions {
  Universe universe = Universe::simultaneous;
  ContiguityRule contiguity = ContiguityRule::closest;
};

std::optional<Universe> universe_by_name(std::string_view name);
std::string_view universe_name(Universe universe);
std::optional<ContiguityRule> contiguity_rule_by_name(std::string_view name);
std::string_view contiguity_rule_name(ContiguityRule rule);

}  // namespace entente::world
