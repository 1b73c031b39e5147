#include "entente/query/dyad.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <stdexcept>

#include "entente/catalogue/dataset.hpp"
#include "entente/query/evidence_json.hpp"
#include "entente/world/panel.hpp"

namespace entente::query {

using json = Json;
// The terminal view spells a layer the store does not cover as every table does.
const std::string kNotCovered(kMissingText);

namespace {

json actor_json(const actor::Actor& a) {
  return {{"ccode", a.ccode}, {"abbrev", a.abbrev}, {"name", a.name}};
}

// The obligations a dataset codes, 0/1 each, or null each when the layer does not cover the year;
// the dataset's own columns only, so every row has the same columns.
json obligations_json(const catalogue::DatasetInfo& info, bool covered, const evidence::AllianceYear* row) {
  json o = json::object();
  for (auto ob : info.coded)
    if (!covered || (row && !row->has(ob)))  // outside coverage, or left blank by the provider
      o[evidence::to_string(ob)] = nullptr;
    else
      o[evidence::to_string(ob)] = row && *row->has(ob) ? 1 : 0;
  return o;
}

// The defense cooperation agreements of a dyad-year: those in force (see world::DefenseAgreement)
// and how many were signed, ended, general and sector.
json dca_json(const world::Year& y, int i, int j) {
  json in_force = json::array();
  int signed_n = 0, ended = 0, general = 0, sector = 0;
  for (const auto& d : y.dcas_of(i, j)) {
    signed_n += d.signed_this_year;
    if (!d.in_force) continue;
    ended += d.ended_this_year;
    (d.general ? general : sector) += 1;
    in_force.push_back(defense_agreement_json(d));
  }
  return {{"in_force", in_force}, {"signed", signed_n}, {"ended", ended}, {"general", general}, {"sector", sector}};
}

json igos_json(const world::Year& y, int i, int j) {
  json names = json::array();
  const auto shared = y.shared_igos(i, j);
  for (auto k : shared) names.push_back(y.igo_names[k]);
  return {{"shared", shared.size()}, {"names", names}, {"unknown", y.unknown_igo_count(i, j)}};
}

}  // namespace

namespace {

std::pair<int, int> default_years(const world::Source& source, const actor::Actor& a, const actor::Actor& b) {
  auto first = [](const actor::Actor& x) { return x.spells.empty() ? 1816 : x.spells.front().start_year(); };
  auto last = [](const actor::Actor& x) { return x.spells.empty() ? 2016 : x.spells.back().end_year(); };
  int from = std::max(first(a), first(b)), to = std::min(last(a), last(b));
  int evidence_first = 9999, evidence_last = 0;
  for (const auto& c : source.store.coverage())
    if (c.dataset != "cow_states") {
      evidence_first = std::min(evidence_first, c.first_year);
      evidence_last = std::max(evidence_last, c.last_year);
    }
  if (evidence_last > 0) {
    from = std::max(from, evidence_first);
    to = std::min(to, evidence_last);
  }
  return {from, to};
}

}  // namespace

json dyad(const world::Source& source, const DyadRequest& request) {
  const auto& a = *request.a;
  const auto& b = *request.b;
  if (a.ccode == b.ccode) throw std::invalid_argument("a dyad needs two different states");
  const auto [default_from, default_to] = default_years(source, a, b);
  const int first = request.from.value_or(default_from), last = request.to.value_or(default_to);
  if (first > last)
    throw std::invalid_argument(fmt::format("no years to show: from {} is after to {}", first, last));
  std::map<std::string, evidence::Coverage> coverage;
  for (const auto& c : source.store.coverage()) coverage[c.dataset] = c;
  const auto scope = source.store.evidence_scope();
  const bool in_scope = scope.empty() || (std::binary_search(scope.begin(), scope.end(), a.ccode) &&
                                          std::binary_search(scope.begin(), scope.end(), b.ccode));
  auto covers = [&](const std::string& dataset, int year) {
    auto it = coverage.find(dataset);
    return in_scope && it != coverage.end() && it->second.first_year <= year && year <= it->second.last_year;
  };

  // Index the alliance rows by (dataset, year, direction).
  std::map<std::tuple<std::string, int, bool>, evidence::AllianceYear> rows;
  for (auto& r : source.store.alliances_between(a.ccode, b.ccode, first, last))
    rows[{r.dataset, r.year, r.from == a.ccode}] = r;
  std::map<int, std::optional<double>> cinc_a, cinc_b;
  for (const auto& c : source.store.capabilities_of(a.ccode, first, last)) cinc_a[c.year] = c.cinc;
  for (const auto& c : source.store.capabilities_of(b.ccode, first, last)) cinc_b[c.year] = c.cinc;
  auto cinc = [&](const std::map<int, std::optional<double>>& m, int ccode, int year) -> json {
    const bool scoped = scope.empty() || std::binary_search(scope.begin(), scope.end(), ccode);
    auto it = m.find(year);
    if (!scoped || it == m.end() || !it->second) return nullptr;
    return *it->second;
  };

  json datasets = json::object();
  json missing = json::array();
  for (const char* id : {"atop", "atop_members", "cow_alliance", "cow_nmc", "dcad", "cow_igo"}) {
    auto it = coverage.find(id);
    if (it == coverage.end()) {
      missing.push_back(id);
      continue;
    }
    datasets[id] = {{"version", it->second.version},
                    {"first_year", it->second.first_year},
                    {"last_year", it->second.last_year}};
  }

  // Treaty identity, defense cooperation and IGOs come from a panel of those layers alone, so
  // that the dyad reads them exactly as dyads and the stance model do.
  const bool has_treaties = datasets.contains("atop_members"), has_dca = datasets.contains("dcad"),
             has_igos = datasets.contains("cow_igo");
  std::optional<world::Panel> panel;
  if (has_treaties || has_dca || has_igos) {
    world::PanelLayers layers;
    layers.alliances = layers.capabilities = layers.majors = false;
    layers.treaties = has_treaties;
    layers.dca = has_dca;
    layers.igos = has_igos;
    panel.emplace(source, first, last, layers);
  }

  json years = json::array();
  for (int y = first; y <= last; ++y) {
    json row{{"year", y}, {"a_member", a.member_in(y)}, {"b_member", b.member_in(y)}};
    for (const char* id : {"atop", "cow_alliance"}) {
      if (!datasets.contains(id)) continue;  // not in the store at all: listed in missing_datasets
      const bool covered = covers(id, y);
      const auto& info = catalogue::dataset(id);
      auto find = [&](bool forward) -> const evidence::AllianceYear* {
        auto it = rows.find({id, y, forward});
        return it == rows.end() ? nullptr : &it->second;
      };
      const auto* ab = find(true);
      const auto* ba = find(false);
      json layer{{"a_to_b", obligations_json(info, covered, ab)}, {"b_to_a", obligations_json(info, covered, ba)}};
      if (std::string(id) == "cow_alliance") {
        std::vector<int> treaties;
        for (const auto* r : {ab, ba})
          if (r)
            for (int t : r->treaties)
              if (std::find(treaties.begin(), treaties.end(), t) == treaties.end()) treaties.push_back(t);
        std::sort(treaties.begin(), treaties.end());
        layer["treaties"] = covered ? json(treaties) : json(nullptr);
      }
      row[id] = std::move(layer);
    }
    std::optional<world::Year> year;
    if (panel) year = panel->year(y);
    // Null outside the dataset's coverage, for a state outside the evidence scope, and in a year
    // one of the two is not a system member (the providers code states only).
    const int i = year ? year->index(a.ccode) : -1, j = year ? year->index(b.ccode) : -1;
    const bool both = i >= 0 && j >= 0 && year->in_scope[static_cast<std::size_t>(i)] &&
                      year->in_scope[static_cast<std::size_t>(j)];
    if (has_treaties) {
      json list = nullptr;
      if (both && year->treaties_covered) {
        std::vector<world::Treaty> shared;
        for (const auto t : year->shared_treaties(static_cast<std::size_t>(i), static_cast<std::size_t>(j)))
          shared.push_back(year->treaties[t]);
        list = treaties_json(shared);
      }
      row["treaties"] = std::move(list);
    }
    row["cinc_a"] = cinc(cinc_a, a.ccode, y);
    row["cinc_b"] = cinc(cinc_b, b.ccode, y);
    if (has_dca) row["dca"] = both && year->dca_covered ? dca_json(*year, i, j) : json(nullptr);
    if (has_igos) row["igos"] = both && year->igos_covered ? igos_json(*year, i, j) : json(nullptr);
    years.push_back(std::move(row));
  }
  return {{"source", source.label}, {"a", actor_json(a)}, {"b", actor_json(b)}, {"from", first},
          {"to", last}, {"datasets", datasets}, {"missing_datasets", missing}, {"rows", years}};
}

namespace {

std::string terms(const json& obligations) {
  std::vector<std::string> held;
  for (auto it = obligations.begin(); it != obligations.end(); ++it)
    if (it.value() == 1) held.push_back(it.key());
  return held.empty() ? "none" : fmt::format("{}", fmt::join(held, "+"));
}

// "general 1333; sector 1330 1331": DCAD ids without their common prefix, by type.
std::string dca_cell(const json& dca) {
  std::string general, sector;
  for (const auto& d : dca.at("in_force")) {
    std::string id = d.at("id");
    if (id.rfind("DCADv1.0-", 0) == 0) id = id.substr(9);
    auto& into = d.at("general").get<bool>() ? general : sector;
    into += (into.empty() ? "" : " ") + id;
  }
  std::string out;
  if (!general.empty()) out = "general " + general;
  if (!sector.empty()) out += (out.empty() ? "" : "; ") + std::string("sector ") + sector;
  return out.empty() ? "none" : out;
}

std::string igos_cell(const json& igos) {
  const int unknown = igos.at("unknown");
  return unknown > 0 ? fmt::format("{} (+{} unknown)", igos.at("shared").get<int>(), unknown)
                     : fmt::format("{}", igos.at("shared").get<int>());
}

// The shared IGOs with a security mandate (alliances, collective security, security cooperation),
// as COW abbreviates them; the full list is in the JSON result.
std::string security_igos(const json& igos) {
  static constexpr std::array kSecurity = {"anzus", "cento", "cis",   "csto", "eapc", "iadefb", "nato",
                                           "osce",  "sco",   "seato", "weu",  "wpact"};
  std::vector<std::string> held;
  for (const auto& n : igos.at("names"))
    if (std::find(kSecurity.begin(), kSecurity.end(), n.get<std::string>()) != kSecurity.end()) held.push_back(n);
  return held.empty() ? "none" : fmt::format("{}", fmt::join(held, " "));
}

}  // namespace

json dyad_table_rows(const json& result) {
  const std::string a = result.at("a").at("abbrev"), b = result.at("b").at("abbrev");
  json out = json::array();
  for (const auto& r : result.at("rows")) {
    json row = json::object();
    row["year"] = r.at("year");
    for (const char* id : {"atop", "cow_alliance"}) {
      if (!result.at("datasets").contains(id)) continue;
      const std::string label = std::string(id) == "atop" ? "ATOP" : "COW";
      const auto& layer = r.at(id);
      const bool covered = !layer.at("a_to_b").begin()->is_null();
      row[label + " " + a + "→" + b] = covered ? terms(layer.at("a_to_b")) : kNotCovered;
      row[label + " " + b + "→" + a] = covered ? terms(layer.at("b_to_a")) : kNotCovered;
      if (std::string(id) == "cow_alliance") row["COW treaties"] = covered ? layer.at("treaties") : json(kNotCovered);
    }
    if (r.contains("treaties")) {
      // "4980 (2)" per treaty: its ATOP id and how many states it binds that year.
      std::vector<std::string> shown;
      if (!r.at("treaties").is_null())
        for (const auto& t : r.at("treaties")) shown.push_back(fmt::format("{} ({})", t.at("atopid").get<int>(), t.at("members").get<int>()));
      row["ATOP treaties (members)"] = r.at("treaties").is_null() ? json(kNotCovered) : json(fmt::format("{}", fmt::join(shown, " ")));
    }
    auto cinc = [](const json& v) { return v.is_null() ? json(kNotCovered) : json(v); };
    row["CINC " + a] = cinc(r.at("cinc_a"));
    row["CINC " + b] = cinc(r.at("cinc_b"));
    if (r.contains("dca")) {
      const auto& dca = r.at("dca");
      row["DCAs in force"] = dca.is_null() ? kNotCovered : dca_cell(dca);
      row["DCA signed/ended"] =
          dca.is_null() ? json(kNotCovered) : json(fmt::format("{}/{}", dca.at("signed").get<int>(), dca.at("ended").get<int>()));
    }
    if (r.contains("igos")) {
      const auto& igos = r.at("igos");
      row["IGOs shared"] = igos.is_null() ? json(kNotCovered) : json(igos_cell(igos));
      row["security IGOs"] = igos.is_null() ? json(kNotCovered) : json(security_igos(igos));
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace entente::query
