#pragma once
// `entente triangle A B C --by month`: the strategic triangle month by month from an event
// evidence layer (docs/models/event_score.md). Each side's tie in a month is its cooperation–conflict
// score: net cooperation when the month has enough events and the score passes the profile's
// cooperative or conflictual threshold, else 0 (a neutral tie, which the triangle counts as amity).
#include "entente/core/json.hpp"
#include "entente/stance/stance.hpp"
#include "entente/world/source.hpp"

namespace entente::query {

// Months are yyyymm, both included. Months outside the layer's coverage, or in which one of the
// three is not a state, have no row.
Json triangle_by_month(const world::Source& source, const actor::Actor& a, const actor::Actor& b,
                       const actor::Actor& c, int from_month, int to_month, const stance::Profile& profile);

// "2011-01" -> 201101; "2011" -> 201101 (a first month) or 201112 (a last month). Throws
// std::invalid_argument naming `option` otherwise.
int parse_month(const std::string& text, bool last, const std::string& option);

}  // namespace entente::query
