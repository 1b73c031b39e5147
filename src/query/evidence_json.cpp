#include "entente/query/evidence_json.hpp"

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

}  // namespace entente::query
