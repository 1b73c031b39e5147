// `entente actors`: the states of the store, or of one year (query::actors).
#include <fmt/format.h>

#include "entente/query/actors.hpp"
#include "entente/query/years.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* act = nullptr;
  std::optional<int> year;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    act = app.add_subcommand("actors", "list the states (of one year)");
    act->add_option("--year", year, "only states in the system that year");
    add_common(act, common);
    return act;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    // The state system's years: actors needs no other evidence.
    if (year) query::require_state_system_years(source, fmt::format("--year {}", *year), *year, *year);
    const auto result = entente::query::actors(source, year);
    print(result, common, entente::query::actors_table_rows(result));
    return 0;
  }
};

}  // namespace

Verb add_actors(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
