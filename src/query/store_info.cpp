#include "entente/query/store_info.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "entente/catalogue/dataset.hpp"
#include "entente/io/table_spec.hpp"
#include "entente/query/evidence_json.hpp"
#include "entente/store/store.hpp"

namespace entente::query {

Json info(const world::Source& source) {
  const auto counts = source.store.counts();
  std::map<std::string, Json> files;
  for (const auto& p : source.store.provenance())
    files[p.dataset].push_back({{"file_name", p.file_name},
                                {"version", p.version},
                                {"sha256", p.sha256},
                                {"row_count", p.row_count},
                                {"imported_at", p.imported_at}});
  Json rows = Json::array();
  for (const auto& c : source.store.coverage()) {
    // Rows held: the provider table's own count where the dataset has one.
    Json stored = nullptr;
    if (const auto* spec = io::table_spec(c.layout))
      source.store.for_each_row(fmt::format("SELECT count(*) FROM {}", spec->table),
                                [&](const store::Row& r) { stored = r.integer(0); });
    rows.push_back({{"dataset", c.dataset},
                    {"title", std::string(catalogue::dataset(c.dataset).title)},
                    {"version", c.version},
                    {"first_year", c.first_year},
                    {"last_year", c.last_year},
                    {"table_rows", stored},
                    {"files", files[c.dataset].is_null() ? Json::array() : files[c.dataset]}});
  }
  const auto scope = source.store.evidence_scope();
  Json event_layers = Json::array();
  for (const auto& l : source.store.event_layers()) event_layers.push_back(event_layer_json(l));
  return {{"source", source.label},
          {"schema_version", store::kSchemaVersion},
          {"counts",
           {{"actors", counts.actors},
            {"spells", counts.spells},
            {"alliance_rows", counts.alliance_rows},
            {"capability_rows", counts.capability_rows},
            {"imports", counts.imports}}},
          {"evidence_scope", scope.empty() ? Json("all states") : Json(scope)},
          {"event_layers", event_layers},
          {"rows", rows}};
}

Json info_table_rows(const Json& result) {
  Json out = Json::array();
  for (const auto& r : result.at("rows"))
    out.push_back({{"dataset", r.at("dataset")}, {"version", r.at("version")}, {"first_year", r.at("first_year")},
                   {"last_year", r.at("last_year")}, {"table_rows", r.at("table_rows")}, {"files", r.at("files").size()}});
  return out;
}

Json cite(const world::Source& source) {
  std::map<std::string, std::string> versions;
  for (const auto& c : source.store.coverage()) versions[c.dataset] = c.version;
  Json rows = Json::array();
  // Catalogue order keeps the references in a stable, documented order; datasets that share a
  // reference (the tables of one provider release) are cited once, together.
  for (const auto& d : catalogue::datasets()) {
    auto it = versions.find(std::string(d.id));
    if (it == versions.end()) continue;
    auto same = std::find_if(rows.begin(), rows.end(), [&](const Json& r) { return r.at("citation") == d.citation; });
    if (same != rows.end()) {
      (*same)["datasets"].push_back(std::string(d.id));
      continue;
    }
    rows.push_back({{"datasets", Json::array({std::string(d.id)})},
                    {"title", std::string(d.title)},
                    {"version", it->second},
                    {"citation", std::string(d.citation)},
                    {"bibtex", std::string(d.bibtex)}});
  }
  // Event evidence layers: their providers, the Goldstein scale and the CAMEO codebook, each
  // cited once with the layers that rest on it.
  for (const auto& layer : source.store.event_layers()) {
    const auto coverage = fmt::format("event layer {}: {} to {}", layer.name, layer.coverage.first_date,
                                      layer.coverage.last_date);
    for (const auto& ref : events::references(layer)) {
      auto same = std::find_if(rows.begin(), rows.end(), [&](const Json& r) { return r.at("citation") == ref.citation; });
      if (same != rows.end()) {
        (*same)["event_layers"].push_back(layer.name);
        (*same)["version"] = (*same)["version"].get<std::string>() + "; " + coverage;
        continue;
      }
      rows.push_back({{"datasets", Json::array({ref.id})},
                      {"title", ref.id},
                      {"version", coverage},
                      {"event_layers", Json::array({layer.name})},
                      {"citation", ref.citation},
                      {"bibtex", ref.bibtex}});
    }
  }
  return {{"source", source.label}, {"rows", rows}};
}

}  // namespace entente::query
