#include "entente/world/conventions.hpp"

namespace entente::world {

std::optional<Universe> universe_by_name(std::string_view name) {
  if (name == "simultaneous") return Universe::simultaneous;
  if (name == "any") return Universe::any;
  return std::nullopt;
}

std::string_view universe_name(Universe universe) {
  return universe == Universe::simultaneous ? "simultaneous" : "any";
}

std::optional<ContiguityRule> contiguity_rule_by_name(std::string_view name) {
  if (name == "closest") return ContiguityRule::closest;
  if (name == "january") return ContiguityRule::january;
  return std::nullopt;
}

std::string_view contiguity_rule_name(ContiguityRule rule) {
  return rule == ContiguityRule::closest ? "closest" : "january";
}

}  // namespace entente::world
