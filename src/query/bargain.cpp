// Bargaining results as JSON: every key is the name of the struct field it comes from.
#include "entente/query/bargain.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "entente/query/spread_json.hpp"

namespace entente::query {

namespace {

constexpr const char* kStoppingRule =
    "rounds run until no actor moves farther than tolerance x range in a round (converged), or until "
    "max_rounds (round_limit); the forecast is the median voter and weighted mean of the last positions";

const std::string& name_of(const bargain::Issue& issue, std::size_t k) { return issue.actors[k].name; }

Json offer_json(const bargain::Offer& o, const bargain::Issue& issue) {
  return {{"from", name_of(issue, o.from)},
          {"kind", bargain::to_string(o.kind)},
          {"position", o.position},
          {"eu_own", o.eu_own},
          {"eu_other", o.eu_other}};
}

Json round_json(const bargain::Round& r, const bargain::Issue& issue) {
  Json actors = Json::array();
  for (const auto& a : r.actors) {
    Json offers = Json::array();
    for (const auto& o : a.offers) offers.push_back(offer_json(o, issue));
    actors.push_back({{"actor", name_of(issue, a.actor)},
                      {"position", a.position},
                      {"risk_exponent", a.risk_exponent},
                      {"offers", std::move(offers)},
                      {"accepted", a.accepted ? Json(name_of(issue, a.offers[*a.accepted].from)) : Json(nullptr)},
                      {"new_position", a.new_position}});
  }
  Json dyads = Json::array();
  for (const auto& d : r.dyads)
    dyads.push_back({{"a", name_of(issue, d.a)},
                     {"b", name_of(issue, d.b)},
                     {"a_view", to_json(d.a_view, issue, d.a, d.b)},
                     {"b_view", to_json(d.b_view, issue, d.b, d.a)},
                     {"sign", bargain::dyad_sign(d)}});
  Json out{{"round", r.round}, {"positions", r.positions}, {"median", r.median}, {"mean", r.mean},
           {"largest_move", r.largest_move}};
  if (!r.actors.empty()) out["actors"] = std::move(actors);  // kept only with details
  if (!r.dyads.empty() || !r.actors.empty()) out["dyads"] = std::move(dyads);
  return out;
}

// One row per round: the forecast so far and how many actors moved, by the kind of offer accepted.
Json round_row(const bargain::Round& r) {
  return {{"round", r.round},     {"median", r.median},         {"mean", r.mean},
          {"largest_move", r.largest_move}, {"moved", r.moved}, {"conflict", r.conflict},
          {"compromise", r.compromise},     {"capitulation", r.capitulation}};
}

// Mean, SD and nearest-rank quantiles of a list of numbers.
Json summary(std::vector<double> v) { return spread_json(spread_of(std::move(v))); }

Json ensemble_json(const bargain::Issue& issue, const bargain::Variant& variant, const bargain::Options& options,
                   const BargainRequest& request) {
  const auto members = bargain::ensemble(issue, variant, options, request.noise, request.members, request.seed,
                                         request.threads);
  std::vector<double> median, mean, rounds;
  double converged = 0;
  for (const auto& m : members) {
    median.push_back(m.median);
    mean.push_back(m.mean);
    rounds.push_back(m.rounds);
    converged += m.converged ? 1 : 0;
  }
  Json actors = Json::array();
  for (std::size_t k = 0; k < issue.actors.size(); ++k) {
    std::vector<double> final_position;
    for (const auto& m : members) final_position.push_back(m.positions[k]);
    actors.push_back({{"name", issue.actors[k].name}, {"position", summary(final_position)}});
  }
  return {{"members", request.members},
          {"seed", request.seed},
          {"noise",
           {{"position", request.noise.position},
            {"capability", request.noise.capability},
            {"salience", request.noise.salience}}},
          {"converged_share", members.empty() ? 0.0 : converged / static_cast<double>(members.size())},
          {"rounds", summary(rounds)},
          {"median", summary(median)},
          {"mean", summary(mean)},
          {"actors", std::move(actors)},
          {"note", fmt::format("{} members, seed {}: positions shifted by N(0, {}) x range (clamped to it), "
                               "capabilities times exp(N(0, {})), saliences shifted by N(0, {}) (clamped to 0-1)",
                               request.members, request.seed, request.noise.position, request.noise.capability,
                               request.noise.salience)}};
}


}  // namespace

Json to_json(const bargain::Variant& v) {
  return {{"name", v.name},
          {"probability", bargain::to_string(v.probability)},
          {"compromise", bargain::to_string(v.compromise)},
          {"choice", bargain::to_string(v.choice)},
          {"risk", bargain::to_string(v.risk)},
          {"centre", bargain::to_string(v.centre)},
          {"q", v.q},
          {"t", v.t}};
}

Json to_json(const bargain::View& v, const bargain::Issue& issue, std::size_t viewer, std::size_t other) {
  return {{"eu_own", v.eu_own},
          {"eu_other", v.eu_other},
          {"outcome", bargain::to_string(v.outcome)},
          {"gainer", v.gainer == 0 ? Json(nullptr) : Json(name_of(issue, v.gainer == 1 ? viewer : other))}};
}

Json bargain(const bargain::Issue& issue, const BargainRequest& request) {
  const auto variant = bargain::variant_by_name(request.variant);
  bargain::Options options;
  options.max_rounds = request.rounds;
  options.tolerance = request.tolerance;
  options.details = request.details;
  const auto result = bargain::run(issue, variant, options);
  Json actors = Json::array();
  for (const auto& a : issue.actors)
    actors.push_back({{"name", a.name}, {"position", a.position}, {"capability", a.capability}, {"salience", a.salience}});
  Json rounds = Json::array(), rows = Json::array();
  for (const auto& r : result.rounds) {
    rounds.push_back(round_json(r, issue));
    rows.push_back(round_row(r));
  }
  Json positions = Json::array();
  for (std::size_t k = 0; k < issue.actors.size(); ++k)
    positions.push_back({{"name", issue.actors[k].name}, {"position", result.forecast.positions[k]}});
  Json out{{"title", issue.title},
           {"salience_scale", issue.salience_scale},
           {"notes", issue.notes},
           {"actors", std::move(actors)},
           {"variant", to_json(variant)},
           {"options", {{"max_rounds", options.max_rounds}, {"tolerance", options.tolerance}}},
           {"range", result.range},
           {"stopping_rule", kStoppingRule},
           {"stopped", bargain::to_string(result.stopped)},
           {"rounds", std::move(rounds)},
           {"forecast",
            {{"median", result.forecast.median}, {"mean", result.forecast.mean}, {"positions", std::move(positions)}}},
           {"rows", std::move(rows)}};
  if (request.members > 0) out["ensemble"] = ensemble_json(issue, variant, options, request);
  return out;
}

}  // namespace entente::query
