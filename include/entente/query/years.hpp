#pragma once
// The years a query may ask for, checked the same way by the command line and the server: a year
// outside the data gives empty results that read like "no relations", so both refuse it in the
// report's words instead.
#include <optional>
#include <string>

#include "entente/world/source.hpp"

namespace entente::query {

// The essay's year ("Flexible Relationship of Cooperation", 2012): the default year of every verb
// that looks at one year, when the store covers it.
inline constexpr int kEssayYear = 2012;

// The years a report can cover: from the first year of the store's evidence (every dataset but
// the state system itself) to the last year both that evidence and the state system cover. A
// store of the state system alone spans the state system's years.
struct YearSpan {
  int first = 0;
  int last = 0;
  bool contains(int year) const noexcept { return first <= year && year <= last; }
};
YearSpan report_years(const world::Source& source);
// kEssayYear when the store covers it, else the last year it covers.
int default_report_year(const world::Source& source);

// Throws std::runtime_error "ASKED: SOURCE covers FIRST to LAST" when [first, last] misses the
// years of the store's evidence entirely.
void require_evidence_years(const world::Source& source, const std::string& asked, int first, int last);
// The same for queries that need states only (actors, dyads): the years of the state system.
void require_state_system_years(const world::Source& source, const std::string& asked, int first, int last);

// --window with years: a whole number of years from 1 to 50; throws std::runtime_error otherwise.
int window_years(const std::string& text);

// The years of `triangle`: one year (default kEssayYear), or a timeline from..to (to defaults to kEssayYear),
// and how the request named them, for the error above.
struct TriangleYears {
  int first = kEssayYear;
  int last = kEssayYear;
  std::string asked;
};
TriangleYears triangle_years(std::optional<int> year, std::optional<int> from, std::optional<int> to);

}  // namespace entente::query
