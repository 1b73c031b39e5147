#pragma once
// The years a query may ask for, checked the same way by the command line and the server: a year
// outside the data gives empty results that read like "no relations", so both refuse it in the
// report's words instead.
#include <optional>
#include <string>

#include "entente/world/source.hpp"

namespace entente::query {

// Throws std::runtime_error "ASKED: SOURCE covers FIRST to LAST" when [first, last] misses the
// years of the store's evidence entirely.
void require_evidence_years(const world::Source& source, const std::string& asked, int first, int last);
// The same for queries that need states only (actors, dyads): the years of the state system.
void require_state_system_years(const world::Source& source, const std::string& asked, int first, int last);

// --window with years: a whole number of years from 1 to 50; throws std::runtime_error otherwise.
int window_years(const std::string& text);

// The years of `triangle`: one year (default 2012), or a timeline from..to (to defaults to 2012),
// and how the request named them, for the error above.
struct TriangleYears {
  int first = 2012;
  int last = 2012;
  std::string asked;
};
TriangleYears triangle_years(std::optional<int> year, std::optional<int> from, std::optional<int> to);

}  // namespace entente::query
