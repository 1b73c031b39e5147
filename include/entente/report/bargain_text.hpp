#pragma once
// Bargaining results (query::bargain) for people and for `entente balance --edges`.
#include <string>

#include "entente/core/json.hpp"

namespace entente::report {

// The terminal view: a few lines on the run, the rounds, the forecast and the ensemble.
std::string bargain_text(const Json& result);
// The first round's perceptions (before anyone moves) as the signed edge list `entente balance
// --edges` reads, from the result's dyads and their signs (bargain::dyad_sign); blanks and commas
// in names become '_'.
std::string bargain_signed_edges(const Json& result);

}  // namespace entente::report
