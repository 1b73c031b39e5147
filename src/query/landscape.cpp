#include <algorithm>
#include "entente/query/landscape.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <stdexcept>

#include "entente/world/panel.hpp"

namespace entente::query {

namespace {

constexpr const char* kReference = "Axelrod & Bennett (1993), British Journal of Political Science 23:211-233";
constexpr const char* kEnergy =
    "E = sum over ordered pairs i != j of s_i s_j p_ij d_ij (d_ij = 1 when i and j are on different sides): "
    "each cross-side pair counts twice; an actor's frustration is its share of the sum";

Json minima_rows(const landscape::Instance& in, const landscape::Landscape& result) {
  Json rows = Json::array();
  long long rank = 0;
  for (const auto& m : result.minima) {
    Json a = Json::array(), b = Json::array(), frustration = Json::object();
    const auto f = landscape::frustration(in, m.sides);
    for (std::size_t i = 0; i < in.n(); ++i) {
      (m.sides[i] ? b : a).push_back(in.names[i]);
      frustration[in.names[i]] = f[i];
    }
    Json row{{"rank", ++rank}, {"energy", m.energy}};
    if (result.exhaustive) {
      row["basin"] = m.basin;
      row["basin_share"] = m.share;
    } else {
      row["starts_reached"] = m.basin;
      row["share_of_starts"] = m.share;
    }
    row["side_a"] = std::move(a);
    row["side_b"] = std::move(b);
    row["frustration"] = std::move(frustration);
    rows.push_back(std::move(row));
  }
  return rows;
}

// The parts every landscape result shares, after its input description.
void add_analysis(Json& out, const landscape::Instance& in, const LandscapeRequest& request) {
  Json actors = Json::array();
  for (std::size_t i = 0; i < in.n(); ++i) {
    Json a{{"name", in.names[i]}};
    if (in.labels[i] != in.names[i]) a["label"] = in.labels[i];
    a["size"] = in.sizes[i];
    actors.push_back(std::move(a));
  }
  out["actors"] = std::move(actors);
  out["energy_convention"] = kEnergy;
  landscape::Landscape result;
  if (request.heuristic) {
    result = landscape::heuristic(in, {request.seed, request.starts, request.threads});
    out["method"] = "heuristic";
    out["exhaustive"] = false;
    out["note"] = fmt::format(
        "not exhaustive: steepest descent from {} random configurations (seed {}); minima whose basins no start "
        "fell into are missing, and each share of starts estimates a basin share",
        request.starts, request.seed);
    out["starts"] = result.starts;
    out["seed"] = result.seed;
  } else {
    result = landscape::exact(in, {request.threads});
    out["method"] = "exact";
    out["exhaustive"] = true;
  }
  out["configurations"] = result.configurations;
  out["rows"] = minima_rows(in, result);  // the struct's minima, as every verb's table: their count is its length
}

}  // namespace

Json landscape(const landscape::Matched& input, const std::string& sizes_file, const std::string& propensities_file,
               double offset, const LandscapeRequest& request) {
  Json out{{"model", "landscape"},
           {"reference", kReference},
           {"input",
            {{"sizes", sizes_file},
             {"propensities", propensities_file},
             {"offset", offset},
             {"matched_by", input.by_position ? "position" : "name"},
             {"matching", input.note}}}};
  add_analysis(out, input.instance, request);
  return out;
}

Json landscape(const world::Source& source, int year, const std::vector<int>& actors, const LandscapeRequest& request) {
  if (actors.size() < 2) throw std::invalid_argument("a landscape needs at least two states (--actors A,B,...)");
  for (std::size_t a = 0; a < actors.size(); ++a)
    for (std::size_t b = 0; b < a; ++b)
      if (actors[a] == actors[b])
        throw std::invalid_argument(fmt::format("{} is named twice", source.registry.by_ccode(actors[a])->abbrev));
  // The war memory reaches back before the year; the COW system starts in 1816.
  const int first = std::max(1816, std::min(year, year - request.weights.war_memory));
  const world::Panel panel(source, first, year, stance::actor_evidence_layers(request.profile));
  const auto y = panel.year(year);
  std::vector<std::size_t> positions;
  std::vector<std::string> names;
  for (int ccode : actors) {
    const auto* actor = source.registry.by_ccode(ccode);
    const std::string name = actor ? actor->abbrev : std::to_string(ccode);
    const int i = y.index(ccode);
    if (i < 0) throw std::invalid_argument(fmt::format("{} is not a member of the state system in {}", name, year));
    positions.push_back(static_cast<std::size_t>(i));
    names.push_back(name);
  }
  const auto built = landscape::from_evidence(stance::actor_evidence(y, positions, &panel, request.weights.war_memory),
                                              names, request.profile, request.weights);
  const auto& w = request.weights;
  Json weights = Json::object();
  for (std::size_t c = 0; c < landscape::kComponents; ++c) {
    const auto component = static_cast<landscape::Component>(c);
    weights[std::string(landscape::to_string(component))] = w.weight(component);
  }
  weights["min_joint_votes"] = w.min_joint_votes;
  weights["war_memory_years"] = w.war_memory;
  Json pairs = Json::array();
  Json missing_count = Json::object();
  for (const auto& p : built.pairs) {
    Json components = Json::object();
    for (std::size_t c = 0; c < landscape::kComponents; ++c) {
      const auto name = std::string(landscape::to_string(static_cast<landscape::Component>(c)));
      components[name] = p.value[c] ? Json(*p.value[c]) : Json(nullptr);
      if (!p.value[c]) missing_count[name] = missing_count.value(name, 0) + 1;
    }
    pairs.push_back({{"a", names[p.a]}, {"b", names[p.b]}, {"propensity", p.propensity},
                     {"components", std::move(components)}, {"missing", p.missing}});
  }
  Json out{{"model", "landscape"},
           {"reference", kReference},
           {"source", source.label},
           {"profile", request.profile.name},
           {"year", year},
           {"input",
            {{"sizes", "CINC (COW National Material Capabilities)"},
             {"propensities", "weighted sum of evidence components, each in [-1, 1]; missing evidence adds 0"},
             {"weights", std::move(weights)},
             {"pairs_missing_component", std::move(missing_count)},
             {"missing_datasets", panel.missing_layers()}}},
           {"pairs", std::move(pairs)}};
  add_analysis(out, built.instance, request);
  return out;
}

Json landscape_table_rows(const Json& result) {
  Json rows = Json::array();
  const bool exact = result.at("exhaustive").get<bool>();
  for (const auto& r : result.at("rows")) {
    auto names = [](const Json& side) {
      std::vector<std::string> v;
      for (const auto& s : side) v.push_back(s.get<std::string>());
      return fmt::format("{}", fmt::join(v, " "));
    };
    Json row{{"rank", r.at("rank")}, {"energy", fmt::format("{:.6g}", r.at("energy").get<double>())}};
    if (exact) {
      row["basin"] = r.at("basin");
      row["share_%"] = fmt::format("{:.2f}", 100 * r.at("basin_share").get<double>());
    } else {
      row["starts"] = r.at("starts_reached");
      row["share_%"] = fmt::format("{:.2f}", 100 * r.at("share_of_starts").get<double>());
    }
    row["side_a"] = names(r.at("side_a"));
    row["side_b"] = names(r.at("side_b"));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace entente::query
