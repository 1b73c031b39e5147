// `entente dyads` and `entente states`: dyad-years and state-years with evidence layers merged
// in, streamed as a table, CSV or JSON (api::write_dyads, api::write_states; docs/dyads.md).
#include <iostream>
#include <stdexcept>

#include "entente/api/tables.hpp"
#include "entente/dyads/dyad_years.hpp"
#include "entente/query/years.hpp"
#include "entente/report/output.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

using entente::report::OutputFormat;

// Conventions (docs/dyads.md): which pairs form a dyad-year.
constexpr const char* kUniverseHelp =
    "which pairs are dyads: simultaneous (members of the system on a common day of the year) or any (both "
    "members at some point in the year)";

struct Dyads {
  Common& common;
  CLI::App* dys = nullptr;
  int dyads_from = 1816, dyads_to = query::kEssayYear;
  bool directed = false, relevant = false;
  std::vector<std::string> dyad_actors, with_layers;
  std::optional<std::string> out_file;
  unsigned threads = 0;
  std::optional<std::string> into_table;
  // Which contiguity period gives the year's type.
  std::string universe = "simultaneous", contiguity_rule = "closest";
  explicit Dyads(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    dys = app.add_subcommand("dyads", "dyad-years with evidence layers merged in (CSV/JSON for R and pandas)");
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
    dys->add_option("--into", into_table, "also keep the table in the store (--db) under this name, for SQL, R or Python");
    dys->add_option("--universe", universe, kUniverseHelp)
        ->check(CLI::IsMember({"simultaneous", "any"}))
        ->capture_default_str();
    dys->add_option("--contiguity", contiguity_rule,
                    "which period gives the contiguity type: closest (the closest of any period touching the year) or "
                    "january (the period in force on 1 January, or in the month a state entered)")
        ->check(CLI::IsMember({"closest", "january"}))
        ->capture_default_str();
    dys->footer(std::string(entente::dyads::undirected_rule()));
    add_common(dys, common);
    return dys;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
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
    const entente::api::TableOutput output{destination.stream(), format, table_style(out_file, common)};
    if (into_table && !common.db) throw std::runtime_error("--into needs --db: the bundled world is read-only");
    const auto summary = into_table ? entente::api::write_and_keep_dyads(source, req, output, *into_table)
                                    : entente::api::write_dyads(source, req, output);
    for (const auto& m : summary.missing_datasets)
      std::cerr << "entente: note: the store has no " << m << " data; its columns are empty\n";
    return 0;
  }
};

struct States {
  Common& common;
  CLI::App* sts = nullptr;
  int states_from = 1816, states_to = query::kEssayYear;
  std::vector<std::string> state_actors, state_layers;
  std::optional<std::string> out_file;
  std::string universe = "simultaneous";
  explicit States(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    sts = app.add_subcommand("states", "state-years with state-level evidence (CSV/JSON for R and pandas)");
    sts->add_option("--from", states_from, "first year")->capture_default_str();
    sts->add_option("--to", states_to, "last year")->capture_default_str();
    sts->add_option("--actors", state_actors, "only these states (comma separated)")->delimiter(',');
    sts->add_option("--with", state_layers, "layers, comma separated: capabilities,democracy,majors,trade,idealpoints")->delimiter(',');
    sts->add_option("--out", out_file, "write to this file instead of standard output");
    sts->add_option("--universe", universe, std::string(kUniverseHelp) + "; state-years are the same under both")
        ->check(CLI::IsMember({"simultaneous", "any"}))
        ->capture_default_str();
    add_common(sts, common);
    return sts;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    const auto req = entente::api::states_request(source, {states_from, states_to, state_actors, state_layers, universe});
    Destination destination(out_file);
    const auto format = entente::report::parse_output_format(common.format).value_or(OutputFormat::table);
    const auto missing =
        entente::api::write_states(source, req, {destination.stream(), format, table_style(out_file, common)});
    for (const auto& m : missing) std::cerr << "entente: note: the store has no " << m << " data; its columns are empty\n";
    return 0;
  }
};

}  // namespace

Verb add_dyads(CLI::App& app, Common& common) { return make_verb<Dyads>(app, common); }
Verb add_states(CLI::App& app, Common& common) { return make_verb<States>(app, common); }

}  // namespace entente::cli
