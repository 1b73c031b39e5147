#pragma once
// Evidence values as JSON, shared by the queries that show them (dyad, explain): one shape, and
// the field names of the structs they come from.
#include <vector>

#include "entente/core/json.hpp"
#include "entente/world/panel.hpp"

namespace entente::query {

// {"atopid", "signed_year", "members", "bilateral", "obligations": [names], "milinst" (null unknown)}
Json treaty_json(const world::Treaty& t);
Json treaties_json(const std::vector<world::Treaty>& treaties);
// {"id", "general", "signed_year", "start_year" (entry into force), "end_year" (DCAD's estimate)}
Json defense_agreement_json(const world::DefenseAgreement& d);
// An event tally (events::Tally): {"events", "quad_events": {verbal_cooperation, ...}, "goldstein_sum",
// "goldstein_mean", "net_cooperation" (null without events), "months"}
Json tally_json(const events::Tally& t);
// A layer without its cells: {"name", "period", "directed", "first_date", "last_date", "rows_read",
// "rows_used", "cells", "sources", "files": [{file_name, format, sha256}], "written_at"}
Json event_layer_json(const events::LayerInfo& layer);

}  // namespace entente::query
