// `entente events`: event data counted per dyad and period (events::aggregate, query/events.hpp),
// written as a table or kept in the store as an event layer.
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <mutex>
#include <stdexcept>

#include "entente/events/aggregate.hpp"
#include "entente/query/events.hpp"
#include "entente/query/long_runs.hpp"
#include "entente/report/table_writer.hpp"
#include "entente/report/terminal_table.hpp"
#include "entente/store/store.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* evt = nullptr;
  std::vector<std::string> evt_files, evt_actors;
  std::string evt_by = "month", evt_kind = "state";
  bool evt_directed = false, evt_dedupe = false, evt_skip = false;
  unsigned evt_threads = 0;
  std::optional<std::string> evt_into;
  std::optional<std::string> out_file;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    evt = app.add_subcommand("events", "event data (KEDS, GDELT 1.0/2.0, ICEWS; plain or gzip) counted per dyad "
                                             "and period: events by CAMEO quad class and Goldstein sums");
    evt->add_option("FILES", evt_files, "event files; the format is recognised from the first line")
        ->required()
        ->check(CLI::ExistingFile);
    evt->add_option("--by", evt_by, "period: day, week (from Monday), month, quarter or year")
        ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
        ->capture_default_str();
    evt->add_flag("--directed", evt_directed, "directed dyads: source -> target (else each pair once, both directions)");
    evt->add_option("--actors", evt_actors, "only dyads among these states (comma separated)")->delimiter(',');
    evt->add_flag("--dedupe", evt_dedupe, "one a day: events with the same date, source, target and code count once");
    evt->add_option("--actor-kind", evt_kind,
                    "state (a state and its government, military, police, judiciary, intelligence, legislature) or "
                    "country (also its society: rebels, opposition, business, ...)")
        ->check(CLI::IsMember({"state", "country"}))
        ->capture_default_str();
    evt->add_flag("--skip-bad-rows", evt_skip, "leave out bad rows (counted, the first 20 named on stderr) instead of stopping");
    evt->add_option("--out", out_file, "write to this file instead of standard output");
    evt->add_option("--threads", evt_threads, "worker threads (default: all cores)");
    evt->add_option("--into", evt_into,
                    "keep the cells in the store (--db) as the event layer NAME, with its coverage and files, for "
                    "explain, the events profile and monthly triangles (replaces a layer of that name)");
    evt->footer("Codes: CAMEO event codes to Goldstein (1992) scores and quad classes from the pinned CAMEO 1.1b3\n"
                "table; actor codes to COW states (ISO3 and older KEDS codes, roles such as ISRMIL or LBNREB).\n"
                "Unmapped codes and non-state actors are counted and listed on stderr, never guessed.\n"
                "--db (or the bundled world) names the --actors and ICEWS's country names (docs/models/events.md).");
    add_common(evt, common);
    return evt;
  }

  int run() {
    entente::events::AggregateOptions options;
    options.period = *entente::events::period_by_name(evt_by);
    options.directed = evt_directed;
    options.dedupe = evt_dedupe;
    options.scope = evt_kind == "country" ? entente::events::ActorScope::country : entente::events::ActorScope::state;
    options.skip_bad_rows = evt_skip;
    options.threads = evt_threads;
    options.progress = entente::query::bytes_progress(std::cerr);
    // The store (or bundled world) is opened only when names must be resolved: --actors, or the
    // country names of an ICEWS file (looked up from the worker threads, hence the lock).
    std::optional<entente::world::Source> names;
    std::mutex names_lock;
    const auto registry = [&]() -> const entente::actor::Registry& {
      if (!names) names.emplace(entente::world::open_source(db_path(common)));
      return names->registry;
    };
    for (const auto& name : evt_actors) options.actors.push_back(registry().find(name).ccode);
    std::map<std::string, int, std::less<>> known_names;  // a name's answer, looked up once
    options.country_by_name = [&](std::string_view name, int) {
      std::lock_guard lock(names_lock);
      if (const auto it = known_names.find(name); it != known_names.end()) return it->second;
      int ccode = 0;  // unmapped: counted and reported
      try {
        ccode = registry().find(name).ccode;
      } catch (const std::exception&) {
      }
      known_names.emplace(std::string(name), ccode);
      return ccode;
    };
    // --into: the name and the store are checked before the files are read, which may take long.
    std::optional<entente::store::Store> into_store;
    if (evt_into) {
      if (!common.db) throw std::runtime_error("--into needs --db: the bundled world is read-only");
      entente::events::check_layer_name(*evt_into);
      into_store.emplace(entente::store::Store::open_existing(*common.db));
    }
    const std::vector<std::filesystem::path> paths(evt_files.begin(), evt_files.end());
    auto result = entente::events::aggregate(paths, options);
    if (evt_into) {
      // The store is the output: the layer is written in one transaction, and the summary of
      // what was read goes to stderr as without --into.
      std::cerr << entente::query::events_notes(result);
      const auto layer = entente::events::make_layer(*evt_into, std::move(result), options, paths);
      into_store->write_event_layer(layer);
      std::cerr << fmt::format("entente: event layer {} written to {}: {} cells by {}, {} to {}\n", layer.name,
                               *common.db, layer.cells.size(), entente::events::period_name(layer.period),
                               layer.coverage.first_date, layer.coverage.last_date);
      return 0;
    }
    Destination destination(out_file);
    const auto format = entente::report::parse_output_format(common.format).value_or(report::OutputFormat::table);
    entente::report::TableWriter writer(destination.stream(), format, entente::query::event_key_columns(),
                                        entente::query::event_value_columns(),
                                        entente::query::events_summary(result, options),
                                        table_style(out_file, common));
    std::vector<double> values(entente::query::event_value_columns().size());
    std::string block;
    for (const auto& cell : result.cells) {
      entente::query::event_values(cell, values.data());
      const long long keys[] = {cell.period_start, cell.source, cell.target};
      if (writer.streams()) {
        writer.append_row(block, keys, values.data());
        if (block.size() > (1u << 20)) {
          writer.write_block(block);
          block.clear();
        }
      } else {
        writer.row({keys[0], keys[1], keys[2]}, values.data());
      }
    }
    if (!block.empty()) writer.write_block(block);
    writer.finish();
    std::cerr << entente::query::events_notes(result);
    return 0;
  }
};

}  // namespace

Verb add_events(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
