#pragma once
// `entente idealpoints`: one-dimensional UN ideal points per state-year, estimated by
// idealpoint::estimate from the store's votes (docs/models/idealpoints.md).
#include <optional>
#include <vector>

#include "entente/core/json.hpp"
#include "entente/world/source.hpp"

namespace entente::query {

struct IdealpointsRequest {
  std::optional<int> from, to;  // default: the years of the store's UN votes
  std::vector<int> actors;      // only these states' rows (every state still takes part in the estimate)
  unsigned threads = 0;         // 0: as many as the machine has
};

// {"source", "from", "to", "estimator": {...options...},
//  "years": [{year, rollcalls, rollcalls_kept, states_estimated, iterations, converged, sign_anchor}],
//  "count", "rows": [{ccode, abbrev, year, idealpoint (null when not estimated), votes}]}
// Rows are every system member of every year with votes, in year then ccode order. Throws when
// the store has no UN votes or the range is empty.
Json idealpoints(const world::Source& source, const IdealpointsRequest& request);

}  // namespace entente::query
