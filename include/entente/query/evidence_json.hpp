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
// {"id", "general", "signed_year", "start_year" (entry into force), "end_year" (DCAD's estimate)}
Json defense_agreement_json(const world::DefenseAgreement& d);

}  // namespace entente::query
