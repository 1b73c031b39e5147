#pragma once
// A strategic triangle's timeline (query::triangle, query::triangle_by_month) as the rows of the
// terminal table: each side's role and each tie in words.
#include "entente/core/json.hpp"

namespace entente::report {

// Per year: the type, each state's role, each tie as "relation ±weight".
Json triangle_table_rows(const Json& result);
// Per month: the type, each state's role, each tie as "tone ±score (events)", or its count alone
// where there were too few events to score.
Json monthly_triangle_table_rows(const Json& result);

}  // namespace entente::report
