#pragma once
// `entente dyad A B`: the evidence between two states, year by year, from every layer the
// store holds. A layer that does not cover a year (or a state outside the store's evidence
// scope) reads null, never 0.
#include "entente/core/json.hpp"

#include <optional>

#include "entente/world/source.hpp"

namespace entente::query {

struct DyadRequest {
  const actor::Actor* a = nullptr;
  const actor::Actor* b = nullptr;
  // Default: the years both are states, within the years the store has evidence for.
  std::optional<int> from;
  std::optional<int> to;
};

Json dyad(const world::Source& source, const DyadRequest& request);
// The same rows with obligations as short text, for a terminal.
Json dyad_table_rows(const Json& dyad_result);

}  // namespace entente::query
