// `entente similarity`: two actors' portfolios in a table (query::similarity).

#include "entente/io/file.hpp"
#include "entente/query/similarity.hpp"
#include "entente/similarity/measures.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* sim = nullptr;
  std::string sim_table, sim_a, sim_b;
  double sim_range = 3;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    sim = app.add_subcommand("similarity", "similarity of two actors' portfolios in a table");
    sim->add_option("--table", sim_table, "CSV: first column the items (states), then one column per actor")
        ->required()
        ->check(CLI::ExistingFile);
    sim->add_option("A", sim_a, "first actor's column")->required();
    sim->add_option("B", sim_b, "second actor's column")->required();
    sim->add_option("--range", sim_range, "Δ, the scale's max − min (3 valued alliances, 1 binary, 2 votes)")
        ->capture_default_str();
    add_common(sim, common);
    return sim;
  }

  int run() {
    const auto table = entente::similarity::read_portfolio_table(sim_table, entente::io::read_whole_file(sim_table));
    const auto result = entente::query::similarity(table, sim_a, sim_b, sim_range);
    print(result, common, result.at("rows"));
    return 0;
  }
};

}  // namespace

Verb add_similarity(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
