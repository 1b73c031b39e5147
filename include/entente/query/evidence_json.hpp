#pragma once
// Evidence values as JSON, shared by the queries that show them (dyad, explain): one shape, and
// the field names of the structs they come from.
#include <vector>

#include "entente/report/json.hpp"
#include "entente/world/panel.hpp"

namespace entente::query {

// {"atopid", "signed_year", "members", "bilateral", "obligations": [names], "milinst" (null unknown)}
Json treaty_json(const world::Treaty& t);
Json treaties_json(const std::vector<world::Treaty>& treaties);

}  // namespace entente::query
