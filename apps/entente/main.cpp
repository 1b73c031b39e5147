// The entente command line: parse flags, call the library, print a report. No logic of its own.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <malloc.h>
#include <signal.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <algorithm>

#include "entente/catalogue/dataset.hpp"
#include "entente/dyads/dyad_years.hpp"
#include "entente/events/aggregate.hpp"
#include "entente/io/file.hpp"
#include "entente/query/similarity.hpp"
#include "entente/report/table_writer.hpp"
#include "entente/report/terminal_table.hpp"
#include "entente/states/state_years.hpp"
#include "entente/similarity/measures.hpp"
#include "entente/io/import_plan.hpp"
#include "entente/io/importers.hpp"
#include "entente/io/parse_error.hpp"
#include "entente/query/actors.hpp"
#include "entente/query/bargain.hpp"
#include "entente/query/dyad.hpp"
#include "entente/query/events.hpp"
#include "entente/query/idealpoints.hpp"
#include "entente/query/landscape.hpp"
#include "entente/query/long_runs.hpp"
#include "entente/query/monthly_triangle.hpp"
#include "entente/query/store_info.hpp"
#include "entente/query/scenario.hpp"
#include "../common/scenario_options.hpp"
#include "entente/query/strategic.hpp"
#include "entente/api/tables.hpp"
#include "entente/query/years.hpp"
#include "entente/scenario/scenario.hpp"
#include "entente/query/structure.hpp"
#include "entente/report/bargain_text.hpp"
#include "entente/report/import_run.hpp"
#include "entente/report/output.hpp"
#include "entente/report/report_data.hpp"
#include "entente/report/report_site.hpp"
#include "entente/serve/server.hpp"
#include "entente/world/source.hpp"
#include "entente/world/export.hpp"
#include "entente/world/world_file.hpp"
#include "cli.hpp"
#include "help_topics.hpp"
#include "shell_files.hpp"

namespace {

using entente::Json;
using entente::query::require_evidence_years;
using entente::query::require_state_system_years;
using entente::query::window_years;
using entente::report::OutputFormat;

using entente::cli::Common;
using entente::cli::Destination;
using entente::cli::add_common;
using entente::cli::db_path;
using entente::cli::kBadInput;
using entente::cli::kUsage;
using entente::cli::print;
using entente::cli::seed_check;
using entente::query::kEssayYear;  // the default year of the verbs that look at one year

// A number option that must be finite: "nan" and "inf" parse as doubles, and then fail far from
// the option with a misleading message (an --offset of nan made every matrix "not symmetric").
CLI::Validator finite_check() {
  return CLI::Validator(
      [](std::string& text) {
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (!text.empty() && ec == std::errc() && end == text.data() + text.size() && std::isfinite(value))
          return std::string();
        return fmt::format("\"{}\" is not a number: expected a finite number such as 3 or -0.5", text);
      },
      "NUMBER");
}

// One row per graph; for a single graph the table also lists its two sides and frustrated edges.
void print_balance(const Json& result, const Common& common) {
  print(result, common, result.at("rows"));
  if (common.format != "table" || result.at("graphs").size() != 1) return;
  const auto& g = result.at("graphs").at(0);
  const auto& sides = g.at("sides");
  std::cout << (g.at("optimal").get<bool>() ? "Proven optimal" : "Not proven optimal")
            << fmt::format(": {} frustrated edge(s), lower bound {}.\n", g.at("frustration").get<long long>(),
                           g.at("lower_bound").get<long long>());
  for (std::size_t s = 0; s < 2; ++s) {
    std::vector<std::string> names = sides.at(s).get<std::vector<std::string>>();
    std::cout << fmt::format("Side {} ({}): {}\n", s == 0 ? 'A' : 'B', names.size(), fmt::join(names, " "));
  }
  std::vector<std::string> edges;
  for (const auto& e : g.at("frustrated_edges"))
    edges.push_back(fmt::format("{}{}{}", e.at("a").get<std::string>(), e.at("sign").get<int>() > 0 ? "+" : "-",
                                e.at("b").get<std::string>()));
  std::cout << fmt::format("Frustrated: {}\n", fmt::join(edges, " "));
}

// What a graph file's reader left out or read specially (self-loops, a header line), on stderr so
// that nothing is dropped silently while the answer on stdout stays as it was.
void say_reading_notes(const std::string& file, const std::vector<entente::balance::SignedGraph>& graphs) {
  for (const auto& g : graphs)
    for (const auto& note : g.notes)
      std::cerr << fmt::format("entente: {}{}: {}\n", file, graphs.size() > 1 ? " (relation " + g.label + ")" : "",
                               note);
}

// A balance search without --time-limit stops after this many seconds per graph, with the best
// partition and an honest bound, rather than run for hours in silence.
constexpr double kDefaultBalanceSeconds = 600;

// Runs balance on `graphs` with progress on stderr and Ctrl-C stopping the search; an interrupted
// run prints the best answer so far, says so, and exits with kInterruptedExit.
int run_balance(const std::vector<entente::balance::SignedGraph>& graphs, entente::balance::FrustrationOptions options,
                const Common& common, const std::string& method) {
  const entente::query::StopOnCtrlC ctrl_c;
  options.interrupt = &ctrl_c.flag();
  options.progress = entente::query::balance_progress(std::cerr);
  options.progress_every_seconds = entente::query::kQuietSeconds;
  entente::query::BalanceMethod how;
  how.method = method == "exact"    ? entente::query::FrustrationMethod::exact
               : method == "bounds" ? entente::query::FrustrationMethod::bounds
                                    : entente::query::FrustrationMethod::automatic;
  how.bounds_progress = entente::query::bounds_progress(std::cerr);
  print_balance(entente::query::balance(graphs, options, how), common);
  if (!ctrl_c.pressed()) return 0;
  std::cerr << "entente: interrupted: the best partition found so far is printed, not proven optimal\n";
  return entente::query::kInterruptedExit;
}

// Runs blocs with Ctrl-C stopping the exact two-bloc searches (the periods not yet solved are
// stopped at once): the splits so far are printed, not proven, and the exit status says so.
int run_blocs(const std::vector<entente::balance::SignedGraph>& graphs, entente::balance::BlocOptions options,
              const Common& common) {
  const entente::query::StopOnCtrlC ctrl_c;
  options.interrupt = &ctrl_c.flag();
  const auto result = entente::query::blocs(graphs, options);
  print(result, common, result.at("rows"));
  if (!ctrl_c.pressed()) return 0;
  std::cerr << "entente: interrupted: the blocs found so far are printed; those not marked optimal are not proven\n";
  return entente::query::kInterruptedExit;
}

// The line above a landscape table: how many actors, how they were searched, how many minima.
std::string landscape_summary(const Json& result) {
  const std::string how = result.at("exhaustive").get<bool>()
                              ? fmt::format("all {} configurations", result.at("configurations").get<std::uint64_t>())
                              : result.at("note").get<std::string>();
  return fmt::format("{} actors, {} ({}): {} local minima", result.at("actors").size(),
                     result.at("method").get<std::string>(), how, result.at("rows").size());
}
}  // namespace

int main(int argc, char** argv) {
  // Dyad-year tables allocate and free a few large blocks per year; keeping them on the heap
  // (rather than fresh mmap'd pages each time) avoids a page fault per 4 KiB written.
  mallopt(M_MMAP_THRESHOLD, 512 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
  CLI::App app{"entente: strategic relationships among states, from the field's standard data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", ENTENTE_VERSION_STRING);

  Common common;
  std::vector<entente::cli::Verb> verb_files;  // the verbs in files of their own

  verb_files.push_back(entente::cli::add_import(app, common));
  auto* act = app.add_subcommand("actors", "list the states (of one year)");
  std::optional<int> year;
  act->add_option("--year", year, "only states in the system that year");
  add_common(act, common);

  auto* dy = app.add_subcommand("dyad", "the evidence between two states, year by year");
  std::string a_name, b_name;
  std::optional<int> from, to;
  dy->add_option("A", a_name, "first state: COW code, abbreviation, ISO3 or name")->required();
  dy->add_option("B", b_name, "second state")->required();
  dy->add_option("--from", from, "first year (default: the first year both are states and the store has evidence)");
  dy->add_option("--to", to, "last year (default: the last year both are states and the store has evidence)");
  add_common(dy, common);

  auto* cit = app.add_subcommand("cite", "references for every dataset in the store");
  bool bibtex = false;
  cit->add_flag("--bibtex", bibtex, "print BibTeX entries");
  add_common(cit, common);

  auto* inf = app.add_subcommand("info", "what the store holds");
  add_common(inf, common);

  auto* dys = app.add_subcommand("dyads", "dyad-years with evidence layers merged in (CSV/JSON for R and pandas)");
  int dyads_from = 1816, dyads_to = kEssayYear;
  bool directed = false, relevant = false;
  std::vector<std::string> dyad_actors, with_layers;
  std::optional<std::string> out_file;
  unsigned threads = 0;
  dys->add_option("--from", dyads_from, "first year")->capture_default_str();
  dys->add_option("--to", dyads_to, "last year")->capture_default_str();
  dys->add_flag("--directed", directed, "directed dyads: (a, b) and (b, a)");
  dys->add_option("--actors", dyad_actors, "only dyads among these states (comma separated)")->delimiter(',');
  dys->add_flag("--relevant", relevant, "only politically relevant dyads: land-contiguous, or one side a major power");
  dys->add_option("--with", with_layers, "layers, comma separated: " + [] {
    std::string names;
    for (auto l : entente::dyads::all_layers()) names += (names.empty() ? "" : ",") + std::string(entente::dyads::layer_name(l));
    return names;
  }())->delimiter(',');
  dys->add_option("--out", out_file, "write to this file instead of standard output");
  dys->add_option("--threads", threads, "worker threads (default: all cores)");
  std::optional<std::string> into_table;
  dys->add_option("--into", into_table, "also keep the table in the store (--db) under this name, for SQL, R or Python");
  // Conventions (docs/dyads.md): which pairs form a dyad-year, which contiguity period gives the year's type.
  std::string universe = "simultaneous", contiguity_rule = "closest";
  const char* universe_help =
      "which pairs are dyads: simultaneous (members of the system on a common day of the year) or any (both "
      "members at some point in the year)";
  dys->add_option("--universe", universe, universe_help)
      ->check(CLI::IsMember({"simultaneous", "any"}))
      ->capture_default_str();
  dys->add_option("--contiguity", contiguity_rule,
                  "which period gives the contiguity type: closest (the closest of any period touching the year) or "
                  "january (the period in force on 1 January, or in the month a state entered)")
      ->check(CLI::IsMember({"closest", "january"}))
      ->capture_default_str();
  dys->footer(std::string(entente::dyads::undirected_rule()));
  add_common(dys, common);

  auto* sts = app.add_subcommand("states", "state-years with state-level evidence (CSV/JSON for R and pandas)");
  int states_from = 1816, states_to = kEssayYear;
  std::vector<std::string> state_actors, state_layers;
  sts->add_option("--from", states_from, "first year")->capture_default_str();
  sts->add_option("--to", states_to, "last year")->capture_default_str();
  sts->add_option("--actors", state_actors, "only these states (comma separated)")->delimiter(',');
  sts->add_option("--with", state_layers, "layers, comma separated: capabilities,democracy,majors,trade,idealpoints")->delimiter(',');
  sts->add_option("--out", out_file, "write to this file instead of standard output");
  sts->add_option("--universe", universe, std::string(universe_help) + "; state-years are the same under both")
      ->check(CLI::IsMember({"simultaneous", "any"}))
      ->capture_default_str();
  add_common(sts, common);

  auto* idp = app.add_subcommand("idealpoints", "one-dimensional UN ideal points per state-year, estimated from the votes");
  std::optional<int> idp_from, idp_to;
  std::vector<std::string> idp_actors;
  idp->add_option("--from", idp_from, "first year (default: the first year of the store's UN votes)");
  idp->add_option("--to", idp_to, "last year (default: the last year of the store's UN votes)");
  idp->add_option("--actors", idp_actors, "only these states' rows (comma separated; every state takes part in the estimate)")
      ->delimiter(',');
  idp->footer("Binary probit IRT by EM (Imai, Lo & Olmsted 2016), one year at a time: yes against no or abstain,\n"
              "roll calls with a minority under 2.5% dropped, states with under 10 usable votes left out,\n"
              "each year scaled to mean 0 and SD 1 with the United States positive (docs/models/idealpoints.md).");
  add_common(idp, common);

  // The stance model and strategic triangles.
  const auto add_profile = [&](CLI::App* cmd) { entente::cli::add_profile(cmd, common); };
  auto* xpl = app.add_subcommand("explain", "which evidence and which rule decide a relationship");
  std::string xa, xb;
  int xyear = kEssayYear;
  xpl->add_option("A", xa, "first state")->required();
  xpl->add_option("B", xb, "second state")->required();
  xpl->add_option("--year", xyear, "year")->capture_default_str();
  add_profile(xpl);
  add_common(xpl, common);

  auto* rel = app.add_subcommand("relations", "every relationship of a year, by type");
  int rel_year = kEssayYear;
  std::vector<std::string> rel_actors;
  rel->add_option("--year", rel_year, "year")->capture_default_str();
  rel->add_option("--actors", rel_actors, "only relationships among these states (comma separated)")->delimiter(',');
  add_profile(rel);
  add_common(rel, common);

  auto* tri = app.add_subcommand("triangle", "the strategic triangle of three states (Dittmer), year by year");
  std::string ta, tb, tc;
  std::optional<int> tyear;
  std::optional<std::string> tfrom, tto;
  std::string tby = "year";
  tri->add_option("A", ta, "first state")->required();
  tri->add_option("B", tb, "second state")->required();
  tri->add_option("C", tc, "third state")->required();
  tri->add_option("--year", tyear, "one year (default 2012)");
  tri->add_option("--from", tfrom, "first year of a timeline (with --by month: first month, YYYY-MM)");
  tri->add_option("--to", tto, "last year of a timeline (with --by month: last month, YYYY-MM)");
  tri->add_option("--by", tby,
                  "year: ties from the stance model; month: ties from the store's event layer, month by month "
                  "(docs/models/event_score.md)")
      ->check(CLI::IsMember({"year", "month"}))
      ->capture_default_str();
  add_profile(tri);
  add_common(tri, common);

  auto* bal = app.add_subcommand("balancer", "every triad of a year: who holds the pivot, how flexibly");
  int bal_year = kEssayYear;
  std::optional<int> bal_top;
  bal->add_option("--year", bal_year, "year")->capture_default_str();
  bal->add_option("--top", bal_top, "only the first N actors");
  add_profile(bal);
  add_common(bal, common);

  auto* bln = app.add_subcommand("balance", "structural balance and the exact frustration index of a signed graph");
  std::optional<int> bln_year;
  std::optional<std::string> bln_edges, bln_pajek, bln_snap, bln_window;
  bool bln_directed = false;
  double bln_limit = kDefaultBalanceSeconds;
  std::string bln_method = "auto";
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
  bln->add_option("--window", bln_window,
                  "with --pajek: one relation, by number or name; with --year: a window of that many years from Y");
  bln->add_flag("--directed", bln_directed, "read the edge list as arcs (adds the directed triad census)")->needs(bln_edges_opt);
  bln->add_option("--method", bln_method,
                  "auto: the exact solver, or for more than 100,000 edges local search with a certified "
                  "cycle-packing bound (value, bound and gap); exact; bounds")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "exact", "bounds"}));
  bln->add_option("--time-limit", bln_limit,
                  "seconds per graph; stops the search with the best bound and gap (a search longer than a few "
                  "seconds says where it stands on stderr; Ctrl-C stops it with the best so far)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1e7));
  double min_weight = entente::query::kDefaultMinWeight;
  bln->add_option("--min-weight", min_weight, "with --year: the weakest stance weight that makes an edge (0.3 adds UN alignment)")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  add_profile(bln);
  add_common(bln, common);

  auto* blc = app.add_subcommand("blocs", "blocs (Doreian-Mrvar) year by year, and who switched sides");
  int blc_from = 2000, blc_to = kEssayYear;
  std::optional<std::string> blc_pajek, blc_window;
  entente::balance::BlocOptions blc_options;
  blc->add_option("--from", blc_from, "first year")->capture_default_str();
  blc->add_option("--to", blc_to, "last year")->capture_default_str();
  blc->add_option("--pajek", blc_pajek, "the relations of a Pajek .net file instead of years");
  blc->add_option("--window", blc_window,
                  "with --pajek: one relation; with years: windows of that many years, one starting each year");
  blc->add_option("--k", blc_options.k, "number of blocs")->capture_default_str()->check(CLI::Range(1, 64));
  blc->add_option("--alpha", blc_options.alpha, "weight of negative ties inside blocs (1-alpha: positive between)")
      ->capture_default_str()->check(CLI::Range(0.001, 0.999));
  blc->add_option("--restarts", blc_options.restarts, "random starts of the relocation search (k > 2)")
      ->capture_default_str()->check(CLI::Range(0, 1000000));
  blc->add_option("--seed", blc_options.seed, "seed of the random starts")->capture_default_str()
      ->check(seed_check());
  blc->add_option("--time-limit", blc_options.time_limit_seconds, "seconds per period for the exact two-bloc search")
      ->check(CLI::Range(0.0, 1e7));
  blc->add_option("--min-weight", min_weight, "the weakest stance weight that makes an edge (0.3 adds UN alignment)")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  add_profile(blc);
  add_common(blc, common);

  // Axelrod & Bennett's landscape theory of aggregation.
  auto* lan = app.add_subcommand("landscape", "alignments predicted by landscape theory (Axelrod & Bennett 1993): "
                                              "local minima of energy and their basins");
  std::optional<int> lan_year;
  std::vector<std::string> lan_actors;
  std::optional<std::string> lan_sizes, lan_propensities;
  double lan_offset = 0;
  std::string lan_method = "exact";
  entente::query::LandscapeRequest lan_request;
  auto* lan_year_opt = lan->add_option("--year", lan_year, "build the instance from this year's evidence (with --actors)");
  auto* lan_actors_opt = lan->add_option("--actors", lan_actors, "the states (comma separated)")->delimiter(',');
  auto* lan_sizes_opt = lan->add_option("--sizes", lan_sizes, "CSV: an actor (or name) column and a size (or strength) column")
                            ->check(CLI::ExistingFile);
  auto* lan_prop_opt = lan->add_option("--propensities", lan_propensities,
                                       "CSV matrix: a corner cell and column labels, then one labelled row per actor")
                           ->check(CLI::ExistingFile);
  auto* lan_offset_opt = lan->add_option("--offset", lan_offset, "propensity = value - offset (3 for ratings 1-5)")
                             ->capture_default_str()
                             ->check(finite_check());
  bool lan_by_position = false;
  auto* lan_position_opt =
      lan->add_flag("--by-position", lan_by_position,
                    "take the matrix's rows in the order of the sizes file when its labels are not the actors' names");
  lan_position_opt->needs(lan_prop_opt);
  lan_year_opt->needs(lan_actors_opt)->excludes(lan_sizes_opt)->excludes(lan_prop_opt);
  lan_actors_opt->needs(lan_year_opt);
  lan_sizes_opt->needs(lan_prop_opt);
  lan_prop_opt->needs(lan_sizes_opt);
  lan_offset_opt->needs(lan_prop_opt);
  lan->add_option("--method", lan_method,
                  fmt::format("exact (every configuration: up to {} actors, up to {} when the machine's memory "
                              "allows) or heuristic (random-restart steepest descent, not exhaustive)",
                              entente::landscape::kExactActors, entente::landscape::kExactActorsMax))
      ->check(CLI::IsMember({"exact", "heuristic"}))
      ->capture_default_str();
  lan->add_option("--threads", lan_request.threads, "worker threads (default: all cores)");
  lan->add_option("--seed", lan_request.seed, "heuristic: seed of the random starts")->capture_default_str()
      ->check(seed_check());
  lan->add_option("--starts", lan_request.starts, "heuristic: number of random starts")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  lan->footer("Give either --year Y --actors A,B,... (sizes from CINC, propensities from the evidence; see\n"
              "docs/models/landscape.md) or --sizes FILE --propensities FILE [--offset X].");
  add_profile(lan);
  add_common(lan, common);

  // Counterfactual scenarios, their dynamics and ensembles (docs/scenarios.md).
  verb_files.push_back(entente::cli::add_scenario(app, common));
  verb_files.push_back(entente::cli::add_bargain(app, common));
  verb_files.push_back(entente::cli::add_similarity(app, common));

  verb_files.push_back(entente::cli::add_report(app, common));
  verb_files.push_back(entente::cli::add_export_world(app, common));
  verb_files.push_back(entente::cli::add_serve(app, common));

  verb_files.push_back(entente::cli::add_events(app, common));

  // Files and help about the command line itself: shell completion and the man page, generated
  // from the definitions above (the build installs them), and the models' help topics.
  auto* cmp = app.add_subcommand("completion", "print the shell completion script (bash or zsh) of these commands");
  std::string cmp_shell;
  cmp->add_option("SHELL", cmp_shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  auto* man = app.add_subcommand("man", "print the man page of these commands (roff, for man(1))");
  auto* hlp = app.add_subcommand("help", "the models in a few lines, and where each is documented");
  std::string hlp_topic;
  hlp->add_option("TOPIC", hlp_topic, "stance, triangle, balance, landscape, scenarios or events (none: the list)");

  try {
    app.parse(argc, argv);
    if (lan->parsed() && !lan_year && !lan_sizes)
      throw CLI::RequiredError("landscape needs --year Y --actors A,B,... or --sizes FILE --propensities FILE");
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 calls an unknown verb "A subcommand is required"; name the word and the verbs instead.
    if (app.get_subcommands().empty() && argc > 1 && argv[1][0] != '-') {
      std::vector<std::string> verbs;
      for (const auto* cmd : app.get_subcommands([](const CLI::App*) { return true; }))
        verbs.push_back(cmd->get_name());
      std::cerr << fmt::format("entente: unknown command \"{}\"; the commands are: {}\n", argv[1],
                               fmt::join(verbs, ", "));
      return kUsage;
    }
    app.exit(e);
    return kUsage;
  }

  try {
    for (const auto& verb : verb_files)
      if (verb.command->parsed()) return verb.run();
    if (cmp->parsed()) {
      std::cout << (cmp_shell == "zsh" ? entente::cli::zsh_completion(app) : entente::cli::bash_completion(app));
      return 0;
    }
    if (man->parsed()) {
      std::cout << entente::cli::man_page(app, ENTENTE_VERSION_STRING);
      return 0;
    }
    if (hlp->parsed()) {
      if (hlp_topic.empty()) {
        std::cout << entente::cli::help_index();
        return 0;
      }
      const auto topic = entente::cli::find_help_topic(hlp_topic);
      if (!topic) {
        std::cerr << fmt::format("entente: no help topic \"{}\"\n{}", hlp_topic, entente::cli::help_index());
        return kUsage;
      }
      std::cout << entente::cli::help_text(*topic, ENTENTE_DOC_DIR);
      return 0;
    }
    if (bln->parsed() && !bln_year) {
      if (!bln_edges && !bln_pajek && !bln_snap) throw std::runtime_error("balance needs --year, --edges, --pajek or --snap");
      if ((bln_edges || bln_snap) && bln_window)
        throw std::runtime_error("--window applies to --pajek or --year, not to an edge list");
      entente::balance::FrustrationOptions options;
      options.time_limit_seconds = bln_limit;
      const auto graphs = bln_edges  ? std::vector{entente::balance::read_edge_list(*bln_edges, bln_directed)}
                          : bln_snap ? std::vector{entente::balance::read_signed_network(*bln_snap)}
                                     : entente::query::pajek_graphs(entente::balance::read_pajek(*bln_pajek), bln_window);
      say_reading_notes(bln_edges ? *bln_edges : bln_snap ? *bln_snap : *bln_pajek, graphs);
      return run_balance(graphs, options, common, bln_method);
    }
    if (blc->parsed() && blc_pajek) {
      const auto graphs = entente::query::pajek_graphs(entente::balance::read_pajek(*blc_pajek), blc_window);
      say_reading_notes(*blc_pajek, graphs);
      return run_blocs(graphs, blc_options, common);
    }
    if (lan->parsed() && lan_sizes) {
      const auto sizes = entente::landscape::read_sizes(*lan_sizes, entente::io::read_whole_file(*lan_sizes));
      const auto matrix = entente::landscape::read_propensities(
          *lan_propensities, entente::io::read_whole_file(*lan_propensities), lan_offset);
      lan_request.heuristic = lan_method == "heuristic";
      const auto input = entente::landscape::match(sizes, matrix, *lan_sizes, *lan_propensities, lan_by_position);
      const auto result = entente::query::landscape(input, *lan_sizes, *lan_propensities, lan_offset, lan_request);
      if (common.format == "table") {
        std::cout << landscape_summary(result) << '\n';
        if (input.by_position) std::cout << "Note: " << input.note << '\n';
      }
      print(result, common, entente::query::landscape_table_rows(result));
      return 0;
    }
    auto source = entente::world::open_source(db_path(common));
    if (lan->parsed()) {
      std::vector<int> codes;
      for (const auto& name : lan_actors) codes.push_back(source.registry.find(name).ccode);
      lan_request.heuristic = lan_method == "heuristic";
      if (common.profile) lan_request.profile = entente::stance::resolve_profile(*common.profile);
      const auto result = entente::query::landscape(source, *lan_year, codes, lan_request);
      if (common.format == "table") {
        std::cout << source.label << ", " << *lan_year << ": " << landscape_summary(result) << '\n';
        for (const auto& [component, pairs] : result.at("input").at("pairs_missing_component").items())
          std::cout << fmt::format("Note: {} is missing for {} of {} pairs (it adds 0 there)\n", component,
                                   pairs.get<long long>(), result.at("pairs").size());
      }
      print(result, common, entente::query::landscape_table_rows(result));
      return 0;
    }
    if (dys->parsed()) {
      entente::api::DyadsOptions asked;
      asked.from = dyads_from;
      asked.to = dyads_to;
      asked.directed = directed;
      asked.relevant = relevant;
      asked.actors = dyad_actors;
      asked.with = with_layers;
      asked.universe = universe;
      asked.contiguity = contiguity_rule;
      asked.threads = threads;
      const auto req = entente::api::dyads_request(source, asked);
      Destination destination(out_file);
      const auto format = entente::report::parse_output_format(common.format).value_or(OutputFormat::table);
      std::optional<entente::store::ResultTable> kept;
      const std::size_t ncol = entente::dyads::column_names(req).size();
      if (into_table) {
        if (!common.db) throw std::runtime_error("--into needs --db: the bundled world is read-only");
        kept.emplace(source.store.create_result_table(*into_table, {"ccode1", "ccode2", "year"},
                                                      entente::dyads::column_names(req)));
      }
      const auto summary = entente::api::write_dyads(
          source, req, {destination.stream(), format, table_style(out_file, common)},
          [&](const entente::dyads::YearRows& rows) {
            if (!kept) return;
            for (std::size_t r = 0; r < rows.ccode1.size(); ++r) {
              const long long keys[] = {rows.ccode1[r], rows.ccode2[r], rows.year};
              kept->add(keys, rows.values.data() + r * ncol);
            }
          });
      if (kept) kept->commit();
      for (const auto& m : summary.missing_datasets)
        std::cerr << "entente: note: the store has no " << m << " data; its columns are empty\n";
      return 0;
    }
    if (sts->parsed()) {
      const auto req = entente::api::states_request(source, {states_from, states_to, state_actors, state_layers, universe});
      Destination destination(out_file);
      const auto format = entente::report::parse_output_format(common.format).value_or(OutputFormat::table);
      const auto missing =
          entente::api::write_states(source, req, {destination.stream(), format, table_style(out_file, common)});
      for (const auto& m : missing) std::cerr << "entente: note: the store has no " << m << " data; its columns are empty\n";
      return 0;
    }
    if (idp->parsed()) {
      entente::query::IdealpointsRequest req{idp_from, idp_to, {}, 0};
      for (const auto& name : idp_actors) req.actors.push_back(source.registry.find(name).ccode);
      const auto result = entente::query::idealpoints(source, req);
      print(result, common, result.at("rows"));
      return 0;
    }
    const auto profile = common.profile ? entente::stance::resolve_profile(*common.profile) : entente::stance::default_profile();
    if (xpl->parsed()) {
      const auto result = entente::query::explain(source, source.registry.find(xa), source.registry.find(xb), xyear, profile);
      if (common.format == "table") {
        std::cout << fmt::format("{} and {} in {}: {} (weight {:+.2f}), because {}.\n", result.at("a").at("abbrev").get<std::string>(),
                                 result.at("b").at("abbrev").get<std::string>(), xyear,
                                 result.at("relation").get<std::string>(), result.at("weight").get<double>(),
                                 result.at("rule").get<std::string>());
        for (const auto& e : result.at("evidence")) std::cout << "  - " << e.get<std::string>() << '\n';
        for (const auto& m : result.at("missing_layers")) std::cout << "  - (no data: " << m.get<std::string>() << ")\n";
        std::cout << "Profile: " << profile.name << '\n';
      } else {
        print(result, common, Json::array({result}));
      }
      return 0;
    }
    if (rel->parsed()) {
      std::vector<int> codes;
      for (const auto& name : rel_actors) codes.push_back(source.registry.find(name).ccode);
      require_evidence_years(source, fmt::format("--year {}", rel_year), rel_year, rel_year);
      const auto result = entente::query::relations(source, rel_year, codes, profile);
      print(result, common, result.at("rows"));
      return 0;
    }
    if (tri->parsed() && tby == "month") {
      if (tyear) throw std::runtime_error("--by month takes --from YYYY-MM --to YYYY-MM, not --year");
      if (!tfrom || !tto) throw std::runtime_error("--by month needs --from YYYY-MM and --to YYYY-MM");
      const auto result = entente::query::triangle_by_month(
          source, source.registry.find(ta), source.registry.find(tb), source.registry.find(tc),
          entente::query::parse_month(*tfrom, false, "--from"), entente::query::parse_month(*tto, true, "--to"), profile);
      Json table = Json::array();
      for (const auto& r : result.at("rows")) {
        Json line{{"month", r.at("month")}, {"type", r.at("type")}};
        for (auto& [who, role] : r.at("roles").items()) line[who] = role.at("role");
        for (auto& [pair, tie] : r.at("ties").items())
          // The score only where it decides; below the month's minimum, the count alone.
          line[pair] = tie.at("events").get<long long>() == 0 ? std::string("no events")
                       : tie.at("tone") == "too few events"
                           ? fmt::format("too few ({})", tie.at("events").get<long long>())
                           : fmt::format("{} {:+.2f} ({})", tie.at("tone").get<std::string>(),
                                         tie.at("net_cooperation").get<double>(), tie.at("events").get<long long>());
        table.push_back(std::move(line));
      }
      print(result, common, table);
      return 0;
    }
    if (tri->parsed()) {
      auto year_of = [](const std::string& text, const char* option) {
        int value = 0;
        const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || p != text.data() + text.size())
          throw std::runtime_error(fmt::format("{} {}: expected a year (or --by month and YYYY-MM)", option, text));
        return value;
      };
      const std::optional<int> from_year = tfrom ? std::optional(year_of(*tfrom, "--from")) : std::nullopt;
      const std::optional<int> to_year = tto ? std::optional(year_of(*tto, "--to")) : std::nullopt;
      const auto years = entente::query::triangle_years(tyear, from_year, to_year);
      require_evidence_years(source, years.asked, years.first, years.last);
      const auto result = entente::query::triangle(source, source.registry.find(ta), source.registry.find(tb),
                                                   source.registry.find(tc), years.first, years.last, profile);
      Json table = Json::array();
      for (const auto& r : result.at("rows")) {
        Json line{{"year", r.at("year")}, {"type", r.at("type")}};
        for (auto& [who, role] : r.at("roles").items()) line[who] = role.at("role");
        for (auto& [pair, tie] : r.at("ties").items())
          line[pair] = fmt::format("{} {:+.2f}", tie.at("relation").get<std::string>(), tie.at("weight").get<double>());
        table.push_back(std::move(line));
      }
      print(result, common, table);
      return 0;
    }
    if (bln->parsed()) {
      entente::balance::FrustrationOptions options;
      options.time_limit_seconds = bln_limit;
      const int window = bln_window ? window_years(*bln_window) : 1;
      require_evidence_years(source, fmt::format("--year {}", *bln_year), *bln_year, *bln_year);
      return run_balance({entente::query::stance_graph(source, *bln_year, profile, min_weight, window)}, options,
                         common, bln_method);
    }
    if (blc->parsed()) {
      if (blc_from <= blc_to)  // a span partly inside is fine; --to before --from is said by blocs
        require_evidence_years(source, fmt::format("--from {} --to {}", blc_from, blc_to), blc_from, blc_to);
      const int window = blc_window ? window_years(*blc_window) : 1;
      return run_blocs(entente::query::stance_graphs(source, blc_from, blc_to, profile, min_weight, window), blc_options,
                       common);
    }
    if (bal->parsed()) {
      require_evidence_years(source, fmt::format("--year {}", bal_year), bal_year, bal_year);
      const auto result = entente::query::balancer(source, bal_year, bal_top, profile);
      print(result, common, result.at("rows"));
      return 0;
    }
    if (act->parsed()) {
      // The state system's years: actors needs no other evidence.
      if (year) require_state_system_years(source, fmt::format("--year {}", *year), *year, *year);
      const auto result = entente::query::actors(source, year);
      print(result, common, entente::query::actors_table_rows(result));
    } else if (dy->parsed()) {
      const entente::query::DyadRequest req{&source.registry.find(a_name), &source.registry.find(b_name), from, to};
      const auto result = entente::query::dyad(source, req);
      print(result, common, entente::query::dyad_table_rows(result));
    } else if (cit->parsed()) {
      const auto result = entente::query::cite(source);
      if (common.format == "table") {
        for (const auto& r : result.at("rows"))
          std::cout << (bibtex ? r.at("bibtex").get<std::string>() : r.at("citation").get<std::string>()) << "\n\n";
      } else {
        print(result, common, result.at("rows"));
      }
    } else if (inf->parsed()) {
      const auto result = entente::query::info(source);
      if (common.format == "table") {
        const auto& c = result.at("counts");
        std::cout << fmt::format("{}: {} actors, {} spells, {} alliance rows, {} capability rows\n",
                                 source.label, c.at("actors").get<long long>(), c.at("spells").get<long long>(),
                                 c.at("alliance_rows").get<long long>(), c.at("capability_rows").get<long long>());
        for (const auto& l : result.at("event_layers"))
          std::cout << fmt::format("event layer {}: by {}, {} to {}, {} cells from {} of {} rows of {} file(s)\n",
                                   l.at("name").get<std::string>(), l.at("period").get<std::string>(),
                                   l.at("first_date").get<int>(), l.at("last_date").get<int>(),
                                   l.at("cells").get<long long>(), l.at("rows_used").get<long long>(),
                                   l.at("rows_read").get<long long>(), l.at("files").size());
      }
      print(result, common, entente::query::info_table_rows(result));
    }
    return 0;
  } catch (const entente::io::ParseError& e) {
    std::cerr << "entente: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "entente: " << e.what() << '\n';
    return kBadInput;
  }
}
