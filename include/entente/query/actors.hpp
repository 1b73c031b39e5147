#pragma once
// `entente actors`: the states of the system, optionally in one year.
#include "entente/core/json.hpp"
#include <optional>

#include "entente/world/source.hpp"

namespace entente::query {

// {"source":..., "year": Y|null, "count": N, "rows": [{ccode, abbrev, iso3, name, spells}]}
Json actors(const world::Source& source, std::optional<int> year);
// The columns a terminal shows: ccode, abbrev, iso3, name.
Json actors_table_rows(const Json& actors_result);

}  // namespace entente::query
