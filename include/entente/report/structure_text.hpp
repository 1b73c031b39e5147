#pragma once
// The lines the command line prints around the balance and landscape tables (query::balance,
// query::landscape) for people at a terminal.
#include <string>
#include <string_view>

#include "entente/core/json.hpp"
#include "entente/landscape/landscape.hpp"

namespace entente::report {

// For a single graph: whether its partition is proven optimal, its two sides and its frustrated
// edges; nothing for several graphs (their table says it all).
std::string balance_text(const Json& result);

// The line above a landscape table: how many actors, how they were searched, how many minima.
std::string landscape_summary(const Json& result);
// The lines above the landscape of a year's evidence: the store and year, the summary, and each
// component of the propensities some pairs lack.
std::string landscape_year_text(const Json& result, std::string_view store_label, int year);
// The lines above the landscape of a sizes file and a propensity matrix: the summary, and how the
// matrix's rows were matched when they were taken by position.
std::string landscape_files_text(const Json& result, const landscape::Matched& input);

}  // namespace entente::report
