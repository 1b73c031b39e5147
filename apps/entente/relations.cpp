// `entente relations`: every relationship of a year, by type (query::relations).
#include <fmt/format.h>

#include "entente/query/strategic.hpp"
#include "entente/query/years.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* rel = nullptr;
  int rel_year = query::kEssayYear;
  std::vector<std::string> rel_actors;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    rel = app.add_subcommand("relations", "every relationship of a year, by type");
    rel->add_option("--year", rel_year, "year")->capture_default_str();
    rel->add_option("--actors", rel_actors, "only relationships among these states (comma separated)")->delimiter(',');
    add_profile(rel, common);
    add_common(rel, common);
    return rel;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    const auto profile = profile_of(common);
    std::vector<int> codes;
    for (const auto& name : rel_actors) codes.push_back(source.registry.find(name).ccode);
    query::require_evidence_years(source, fmt::format("--year {}", rel_year), rel_year, rel_year);
    const auto result = entente::query::relations(source, rel_year, codes, profile);
    print(result, common, result.at("rows"));
    return 0;
  }
};

}  // namespace

Verb add_relations(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
