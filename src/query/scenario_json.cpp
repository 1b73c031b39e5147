#include "entente/query/scenario_json.hpp"

#include "entente/query/spread_json.hpp"

#include <string>

namespace entente::query {

namespace {

Json value_json(const scenario::MeasureValue& v) {
  return std::visit(
      [](const auto& x) -> Json {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::monostate>) return nullptr;
        else return x;
      },
      v);
}

Json optional_json(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json runs_json(const scenario::RunsResult& r) {
  Json rows = Json::array();
  for (const auto& e : r.end_states) {
    Json row{{"runs", e.runs}, {"share", e.share}, {"settled", e.settled}, {"mean_time", e.mean_time},
             {"max_time", e.max_time}};
    if (e.settled) {  // an unsettled entry has no factions
      row["paradise"] = e.paradise;
      row["with_focus"] = e.with_focus;
      row["against_focus"] = e.against_focus;
    }
    rows.push_back(std::move(row));
  }
  return {{"runs", r.runs},
          {"distinct_end_states", r.distinct_end_states},
          {"settled_share", r.settled_share},
          {"mean_time_settled", optional_json(r.mean_time_settled)},
          {"end_states", std::move(rows)}};
}

Json shares_json(const scenario::Shares& shares) {
  Json out = Json::object();
  for (const auto& [name, share] : shares) out[name] = share;
  return out;
}

template <typename T, typename ToJson>
Json before_after_json(const scenario::BeforeAfter<T>& sides, ToJson to) {
  return {{"before", to(sides.before)}, {"after", to(sides.after)}};
}

}  // namespace

Json to_json(const std::vector<scenario::FocusRow>& rows) {
  Json out = Json::array();
  for (const auto& r : rows)
    out.push_back({{"measure", r.measure}, {"before", value_json(r.before)}, {"after", value_json(r.after)},
                   {"changed", r.changed}});
  return out;
}

Json to_json(const scenario::Evolution& e) {
  const auto& ltd = e.local_triad_dynamics;
  const auto& cont = e.continuous;
  Json out{{"seed", e.seed},
           {"runs", e.runs},
           {"start", e.start},
           {"local_triad_dynamics",
            {{"reference", ltd.reference}, {"p", ltd.p}, {"time_unit", ltd.time_unit}, {"result", runs_json(ltd.result)}}},
           {"continuous",
            {{"reference", cont.reference},
             {"dt", cont.dt},
             {"t_max", cont.t_max},
             {"time_unit", cont.time_unit},
             {"result", runs_json(cont.result)}}}};
  if (const auto& m = e.landscape_myopic_moves)
    out["landscape_myopic_moves"] = {{"reference", m->reference},
                                     {"start_side_of_first_actor", m->start_side_of_first_actor},
                                     {"time_unit", m->time_unit},
                                     {"result", runs_json(m->result)}};
  return out;
}

Json to_json(const scenario::EnsembleSummary& s) {
  Json triangles = Json::array();
  for (const auto& t : s.triangles) {
    auto side = [](const scenario::TriangleShares& x) {
      return Json{{"type", shares_json(x.type)}, {"focus_role", shares_json(x.focus_role)}};
    };
    triangles.push_back(
        {{"triangle", t.triangle}, {"before", side(t.before)}, {"after", side(t.after)}, {"focus_role_changed", t.focus_role_changed}});
  }
  const auto focus = before_after_json(s.focus_measures, [](const scenario::FocusMeasures& f) {
    return Json{{"balancer_rank", shares_json(f.balancer_rank)},
                {"flexibility", spread_json(f.flexibility)},
                {"weighted_pivot_index", spread_json(f.weighted_pivot_index)}};
  });
  const auto frustration = before_after_json(s.frustration, [](const scenario::FrustrationSpread& f) {
    Json side = spread_json(f.spread);  // the spread's fields and the share side by side (null becomes an object)
    side["proven_optimal_share"] = f.proven_optimal_share;
    return side;
  });
  Json states = Json::array();
  for (const auto& st : s.states)
    states.push_back({{"abbrev", st.abbrev},
                      {"with_focus_bloc_before", optional_json(st.with_focus_bloc_before)},
                      {"rank_median_before", optional_json(st.rank_median_before)},
                      {"rank_p05_before", optional_json(st.rank_p05_before)},
                      {"rank_p95_before", optional_json(st.rank_p95_before)},
                      {"with_focus_bloc_after", optional_json(st.with_focus_bloc_after)},
                      {"rank_median_after", optional_json(st.rank_median_after)},
                      {"rank_p05_after", optional_json(st.rank_p05_after)},
                      {"rank_p95_after", optional_json(st.rank_p95_after)}});
  Json landscape = Json::array();
  for (const auto& l : s.landscape_with_focus)
    landscape.push_back({{"abbrev", l.abbrev},
                         {"with_focus_before", optional_json(l.with_focus_before)},
                         {"with_focus_after", optional_json(l.with_focus_after)}});
  Json out{{"members", s.members},
           {"seed", s.seed},
           {"noise", {{"weights", s.noise.weights}, {"thresholds", s.noise.thresholds}, {"sizes", s.noise.sizes}}},
           {"focus", s.focus},
           {"triangles", std::move(triangles)},
           {"focus_measures", focus},
           {"frustration", frustration},
           {"states", std::move(states)},
           {"landscape_with_focus", std::move(landscape)},
           {"landscape_minima", before_after_json(s.landscape_minima, shares_json)},
           {"note", s.note}};
  if (s.members_asked) out["members_asked"] = *s.members_asked;
  return out;
}

}  // namespace entente::query
