// `entente scenario`: every model before and after a scenario's shocks (query::scenario); its
// options are shared with entente-mpi (apps/common/scenario_options.hpp).
#include <unistd.h>

#include <iostream>

#include "entente/query/long_runs.hpp"
#include "entente/query/scenario.hpp"
#include "entente/report/scenario_text.hpp"
#include "entente/report/terminal_table.hpp"
#include "../common/scenario_options.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* scn = nullptr;
  ScenarioOptions scn_options;
  bool scn_quiet = false;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    scn = app.add_subcommand("scenario", "what-if: every model before and after a scenario's shocks, "
                                               "with dynamics and ensembles");
    entente::cli::add_scenario_options(scn, scn_options, "worker threads (default: all cores; results do not depend on it)");
    scn->add_flag("--quiet", scn_quiet, "no progress bar");
    scn->footer("The store is --db, else the scenario's [base] store, else the bundled default world.\n"
                "The profile is --profile, else the scenario's [base] profile, else the default.");
    add_profile(scn, common);
    add_common(scn, common);
    return scn;
  }

  int run() {
    const auto in = entente::query::load_scenario_inputs(scn_options.file, common.db, common.profile);  // checks the year
    auto request = entente::cli::scenario_request(scn_options);
    // Progress after a few seconds (with the time left), and Ctrl-C stops the ensemble with the
    // members done.
    if (!scn_quiet) request.progress = entente::query::ensemble_progress(std::cerr, isatty(STDERR_FILENO) != 0);
    const entente::query::StopOnCtrlC ctrl_c;
    request.interrupt = &ctrl_c.flag();
    const auto result = entente::query::scenario(in.source, in.scenario, in.profile, request);
    if (common.format == "table") std::cout << report::scenario_text(result, report::terminal_style(common.digits));
    else print(result, common, result.at("rows"));
    if (!result.contains("interrupted")) return 0;  // (a Ctrl-C after the ensemble: the run completed)
    std::cerr << "entente: interrupted: the ensemble summary is of the members done, and the dynamics were left "
                 "out\n";
    return entente::query::kInterruptedExit;
  }
};

}  // namespace

Verb add_scenario(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
