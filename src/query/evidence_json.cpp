#include "entente/query/evidence_json.hpp"
#include "entente/events/aggregate.hpp"  // period_name
#include "entente/evidence/records.hpp"

namespace entente::query {

Json treaty_json(const world::Treaty& t) {
  Json obligations = Json::array();
  for (std::size_t k = 0; k < evidence::kObligations.size(); ++k)
    if (t.obligations & (1u << k)) obligations.push_back(evidence::to_string(evidence::kObligations[k]));
  return {{"atopid", t.atopid},
          {"signed_year", t.signed_year},
          {"members", t.members},
          {"bilateral", t.bilateral()},
          {"obligations", obligations},
          {"milinst", t.milinst < 0 ? Json(nullptr) : Json(t.milinst)}};
}

Json treaties_json(const std::vector<world::Treaty>& treaties) {
  Json out = Json::array();
  for (const auto& t : treaties) out.push_back(treaty_json(t));
  return out;
}

Json defense_agreement_json(const world::DefenseAgreement& d) {
  return {{"id", d.id},
          {"general", d.general},
          {"signed_year", d.signed_year},
          {"start_year", d.start_year},
          {"end_year", d.end_year}};
}

Json tally_json(const events::Tally& t) {
  return {{"events", t.events},
          {"quad_events",
           {{"verbal_cooperation", t.quad_events[0]},
            {"material_cooperation", t.quad_events[1]},
            {"verbal_conflict", t.quad_events[2]},
            {"material_conflict", t.quad_events[3]}}},
          {"goldstein_sum", t.goldstein_sum},
          {"goldstein_mean", number_or_null(events::mean_goldstein(t))},
          {"net_cooperation", number_or_null(events::net_cooperation(t))},
          {"months", t.months}};
}

Json event_layer_json(const events::LayerInfo& l) {
  Json files = Json::array();
  for (const auto& f : l.files) files.push_back({{"file_name", f.file_name}, {"format", f.format}, {"sha256", f.sha256}});
  return {{"name", l.name},
          {"period", std::string(events::period_name(l.period))},
          {"directed", l.directed},
          {"first_date", l.coverage.first_date},
          {"last_date", l.coverage.last_date},
          {"rows_read", l.coverage.rows_read},
          {"rows_used", l.coverage.rows_used},
          {"cells", l.cells},
          {"sources", l.coverage.sources},
          {"files", files},
          {"written_at", l.written_at}};
}

}  // namespace entente::query
