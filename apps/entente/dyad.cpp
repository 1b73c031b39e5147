// `entente dyad A B`: the evidence between two states, year by year (query::dyad).
#include "entente/query/dyad.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* dy = nullptr;
  std::string a_name, b_name;
  std::optional<int> from, to;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    dy = app.add_subcommand("dyad", "the evidence between two states, year by year");
    dy->add_option("A", a_name, "first state: COW code, abbreviation, ISO3 or name")->required();
    dy->add_option("B", b_name, "second state")->required();
    dy->add_option("--from", from, "first year (default: the first year both are states and the store has evidence)");
    dy->add_option("--to", to, "last year (default: the last year both are states and the store has evidence)");
    add_common(dy, common);
    return dy;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    const entente::query::DyadRequest req{&source.registry.find(a_name), &source.registry.find(b_name), from, to};
    const auto result = entente::query::dyad(source, req);
    print(result, common, entente::query::dyad_table_rows(result));
    return 0;
  }
};

}  // namespace

Verb add_dyad(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
