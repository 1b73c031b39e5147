// `entente bargain`: expected-utility bargaining on one issue (query::bargain, report::bargain_text).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>
#include <iostream>

#include "entente/bargain/bargain.hpp"
#include "entente/io/file.hpp"
#include "entente/query/bargain.hpp"
#include "entente/report/bargain_text.hpp"
#include "../common/scenario_options.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* brg = nullptr;
  std::string brg_file;
  std::optional<std::string> brg_edges;
  query::BargainRequest brg_request;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    // Expected-utility bargaining on one issue (docs/models/bargain.md).
    brg = app.add_subcommand("bargain", "expected-utility bargaining (Bueno de Mesquita) on one issue: rounds of "
                                              "offers to convergence, and the forecast");
    brg->add_option("FILE", brg_file, "the actors: CSV (name, capability, position, salience) or TOML")
        ->required()->check(CLI::ExistingFile);
    brg->add_option("--variant", brg_request.variant, "a named variant, optionally with KEY=VALUE overrides: " +
                                                          fmt::format("{}", fmt::join(entente::bargain::variant_names(), ", ")))
        ->capture_default_str();
    brg->add_option("--rounds", brg_request.rounds, "the round limit")->capture_default_str()->check(CLI::Range(0, 100000));
    brg->add_option("--tolerance", brg_request.tolerance, "converged when no actor moves more than this share of the range")
        ->capture_default_str()->check(CLI::Range(0.0, 1.0));
    brg->add_option("--members", brg_request.members, "ensemble members over noisy inputs (0: none)")
        ->check(CLI::Range(0, 10'000'000));
    brg->add_option("--seed", brg_request.seed, "seed of the ensemble")->capture_default_str()->check(seed_check());
    brg->add_option("--threads", brg_request.threads, "worker threads (default: all cores; results do not depend on it)");
    brg->add_option("--edges", brg_edges, "also write the first round's perceptions as a signed edge list (for balance --edges)");
    brg->add_option("--format", common.format, "output: table, csv (one row per round) or json (everything)")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    return brg;
  }

  int run() {
    const auto issue = entente::bargain::read_issue(brg_file, entente::io::read_whole_file(brg_file));
    brg_request.details = common.format == "json" || brg_edges.has_value();
    const auto result = entente::query::bargain(issue, brg_request);
    if (brg_edges) {
      std::ofstream edges(*brg_edges);
      edges << entente::report::bargain_signed_edges(result);
      if (!edges) throw std::runtime_error(*brg_edges + ": cannot write");
    }
    if (common.format == "table") std::cout << entente::report::bargain_text(result);
    else print(result, common, result.at("rows"));
    return 0;
  }
};

}  // namespace

Verb add_bargain(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
