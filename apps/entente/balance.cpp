// `entente balance` and `entente blocs`: structural balance and the frustration index, and blocs
// year by year, of a year's stance graph or of a graph file (query::balance, query::blocs,
// report::balance_text). Both stop on Ctrl-C with the best answer so far.
#include <fmt/format.h>

#include <iostream>
#include <stdexcept>

#include "entente/balance/graph_files.hpp"
#include "entente/query/long_runs.hpp"
#include "entente/query/structure.hpp"
#include "entente/query/years.hpp"
#include "entente/report/structure_text.hpp"
#include "entente/world/source.hpp"
#include "../common/scenario_options.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

// What a graph file's reader left out or read specially (self-loops, a header line), on stderr so
// that nothing is dropped silently while the answer on stdout stays as it was.
void say_reading_notes(const std::string& file, const std::vector<entente::balance::SignedGraph>& graphs) {
  for (const auto& g : graphs)
    for (const auto& note : g.notes)
      std::cerr << fmt::format("entente: {}{}: {}\n", file, graphs.size() > 1 ? " (relation " + g.label + ")" : "",
                               note);
}

// Runs balance on `graphs` with progress on stderr and Ctrl-C stopping the search; an interrupted
// run prints the best answer so far, says so, and exits with kInterruptedExit.
int run_balance(const std::vector<entente::balance::SignedGraph>& graphs, const query::BalanceQuery& asked,
                const Common& common) {
  const entente::query::StopOnCtrlC ctrl_c;
  auto options = query::frustration_options(asked);
  options.interrupt = &ctrl_c.flag();
  options.progress = entente::query::balance_progress(std::cerr);
  options.progress_every_seconds = entente::query::kQuietSeconds;
  auto how = query::balance_method(asked);
  how.bounds_progress = entente::query::bounds_progress(std::cerr);
  // One row per graph; for a single graph the table also lists its two sides and frustrated edges.
  const auto result = entente::query::balance(graphs, options, how);
  print(result, common, result.at("rows"));
  if (common.format == "table") std::cout << entente::report::balance_text(result);
  if (!ctrl_c.pressed()) return 0;
  std::cerr << "entente: interrupted: the best partition found so far is printed, not proven optimal\n";
  return entente::query::kInterruptedExit;
}

// Runs blocs with Ctrl-C stopping the exact two-bloc searches (the periods not yet solved are
// stopped at once): the splits so far are printed, not proven, and the exit status says so.
int run_blocs(const std::vector<entente::balance::SignedGraph>& graphs, const query::BlocsQuery& asked,
              const Common& common) {
  const entente::query::StopOnCtrlC ctrl_c;
  auto options = query::bloc_options(asked);
  options.interrupt = &ctrl_c.flag();
  const auto result = entente::query::blocs(graphs, options);
  print(result, common, result.at("rows"));
  if (!ctrl_c.pressed()) return 0;
  std::cerr << "entente: interrupted: the blocs found so far are printed; those not marked optimal are not proven\n";
  return entente::query::kInterruptedExit;
}

struct Balance {
  Common& common;
  CLI::App* bln = nullptr;
  std::optional<int> bln_year;
  std::optional<std::string> bln_edges, bln_pajek, bln_snap;
  bool bln_directed = false;
  query::BalanceQuery asked;  // its year is bln_year's; its window is also a Pajek file's relation
  explicit Balance(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    bln = app.add_subcommand("balance", "structural balance and the exact frustration index of a signed graph");
    auto* bln_year_opt = bln->add_option("--year", bln_year, "the stance graph of a year");
    auto* bln_edges_opt = bln->add_option("--edges", bln_edges, "a signed edge list (a b sign; tab, comma or space)");
    auto* bln_pajek_opt = bln->add_option("--pajek", bln_pajek, "a Pajek .net file (every relation, or --window)");
    auto* bln_snap_opt = bln->add_option(
        "--snap", bln_snap,
        "a directed, rated network in a SNAP layout (source,target,rating,time CSV, or from<TAB>to<TAB>sign after # "
        "comments; gzip read directly): each pair takes the sign of the sum of its arcs' signs, opposite signs cancel");
    bln_year_opt->excludes(bln_edges_opt)->excludes(bln_pajek_opt)->excludes(bln_snap_opt);
    bln_edges_opt->excludes(bln_pajek_opt)->excludes(bln_snap_opt);
    bln_pajek_opt->excludes(bln_snap_opt);
    bln->add_option("--window", asked.window,
                    "with --pajek: one relation, by number or name; with --year: a window of that many years from Y");
    bln->add_flag("--directed", bln_directed, "read the edge list as arcs (adds the directed triad census)")->needs(bln_edges_opt);
    bln->add_option("--method", asked.method,
                    "auto: the exact solver, or for more than 100,000 edges local search with a certified "
                    "cycle-packing bound (value, bound and gap); exact; bounds")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "exact", "bounds"}));
    bln->add_option("--time-limit", asked.time_limit,
                    "seconds per graph; stops the search with the best bound and gap (a search longer than a few "
                    "seconds says where it stands on stderr; Ctrl-C stops it with the best so far)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1e7));
    bln->add_option("--min-weight", asked.min_weight, "with --year: the weakest stance weight that makes an edge (0.3 adds UN alignment)")
        ->capture_default_str()->check(CLI::Range(0.0, 1.0));
    add_profile(bln, common);
    add_common(bln, common);
    return bln;
  }

  int run() {
    if (!bln_year) {
      if (!bln_edges && !bln_pajek && !bln_snap) throw std::runtime_error("balance needs --year, --edges, --pajek or --snap");
      if ((bln_edges || bln_snap) && asked.window)
        throw std::runtime_error("--window applies to --pajek or --year, not to an edge list");
      const auto graphs = bln_edges  ? std::vector{entente::balance::read_edge_list(*bln_edges, bln_directed)}
                          : bln_snap ? std::vector{entente::balance::read_signed_network(*bln_snap)}
                                     : entente::query::pajek_graphs(entente::balance::read_pajek(*bln_pajek), asked.window);
      say_reading_notes(bln_edges ? *bln_edges : bln_snap ? *bln_snap : *bln_pajek, graphs);
      return run_balance(graphs, asked, common);
    }
    auto source = entente::world::open_source(db_path(common));
    const auto profile = profile_of(common);
    asked.year = *bln_year;
    const int window = asked.window ? query::window_years(*asked.window) : 1;
    query::require_evidence_years(source, fmt::format("--year {}", asked.year), asked.year, asked.year);
    return run_balance({entente::query::stance_graph(source, asked.year, profile, asked.min_weight, window)}, asked,
                       common);
  }
};

struct Blocs {
  Common& common;
  CLI::App* blc = nullptr;
  std::optional<std::string> blc_pajek;
  query::BlocsQuery asked;  // its window is also a Pajek file's relation
  explicit Blocs(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    blc = app.add_subcommand("blocs", "blocs (Doreian-Mrvar) year by year, and who switched sides");
    blc->add_option("--from", asked.from, "first year")->capture_default_str();
    blc->add_option("--to", asked.to, "last year")->capture_default_str();
    blc->add_option("--pajek", blc_pajek, "the relations of a Pajek .net file instead of years");
    blc->add_option("--window", asked.window,
                    "with --pajek: one relation; with years: windows of that many years, one starting each year");
    blc->add_option("--k", asked.k, "number of blocs")->capture_default_str()->check(CLI::Range(1, 64));
    blc->add_option("--alpha", asked.alpha, "weight of negative ties inside blocs (1-alpha: positive between)")
        ->capture_default_str()->check(CLI::Range(0.001, 0.999));
    blc->add_option("--restarts", asked.restarts, "random starts of the relocation search (k > 2)")
        ->capture_default_str()->check(CLI::Range(0, 1000000));
    blc->add_option("--seed", asked.seed, "seed of the random starts")->capture_default_str()
        ->check(seed_check());
    blc->add_option("--time-limit", asked.time_limit, "seconds per period for the exact two-bloc search")
        ->check(CLI::Range(0.0, 1e7));
    blc->add_option("--min-weight", asked.min_weight, "the weakest stance weight that makes an edge (0.3 adds UN alignment)")
        ->capture_default_str()->check(CLI::Range(0.0, 1.0));
    add_profile(blc, common);
    add_common(blc, common);
    return blc;
  }

  int run() {
    if (blc_pajek) {
      const auto graphs = entente::query::pajek_graphs(entente::balance::read_pajek(*blc_pajek), asked.window);
      say_reading_notes(*blc_pajek, graphs);
      return run_blocs(graphs, asked, common);
    }
    auto source = entente::world::open_source(db_path(common));
    const auto profile = profile_of(common);
    if (asked.from <= asked.to)  // a span partly inside is fine; --to before --from is said by blocs
      query::require_evidence_years(source, fmt::format("--from {} --to {}", asked.from, asked.to), asked.from,
                                    asked.to);
    const int window = asked.window ? query::window_years(*asked.window) : 1;
    return run_blocs(entente::query::stance_graphs(source, asked.from, asked.to, profile, asked.min_weight, window),
                     asked, common);
  }
};

}  // namespace

Verb add_balance(CLI::App& app, Common& common) { return make_verb<Balance>(app, common); }
Verb add_blocs(CLI::App& app, Common& common) { return make_verb<Blocs>(app, common); }

}  // namespace entente::cli
