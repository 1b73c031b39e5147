#pragma once
// `entente explain`, `relations`, `triangle` and `balancer`: the stance model and strategic
// triangles on a store's evidence, as JSON results.
#include <optional>
#include <vector>

#include "entente/core/json.hpp"
#include "entente/stance/stance.hpp"
#include "entente/triangle/triangle.hpp"
#include "entente/world/source.hpp"

namespace entente::query {

Json explain(const world::Source& source, const actor::Actor& a, const actor::Actor& b, int year,
             const stance::Profile& profile);
// Every dyad of the year (or among `actors`) with its relationship type and weight.
// A triangle's roles as the JSON of `triangle` (yearly and monthly): {A: {role, rank}, B: …, C: …}.
Json triangle_roles(const triangle::Triangle& t, const actor::Actor& a, const actor::Actor& b, const actor::Actor& c);

Json relations(const world::Source& source, int year, const std::vector<int>& actors, const stance::Profile& profile);
// The triangle of a, b, c in each year from..to, and the years where its type changes.
Json triangle(const world::Source& source, const actor::Actor& a, const actor::Actor& b, const actor::Actor& c,
              int from, int to, const stance::Profile& profile);
// Every triad of the year; actors ranked by how often and how strongly they hold the pivot.
Json balancer(const world::Source& source, int year, std::optional<int> top, const stance::Profile& profile);

}  // namespace entente::query
