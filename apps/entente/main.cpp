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
#include "entente/query/strategic.hpp"
#include "entente/query/years.hpp"
#include "entente/scenario/scenario.hpp"
#include "entente/query/structure.hpp"
#include "entente/report/bargain_text.hpp"
#include "entente/report/output.hpp"
#include "entente/report/report_data.hpp"
#include "entente/report/report_site.hpp"
#include "entente/serve/server.hpp"
#include "entente/world/source.hpp"
#include "entente/world/export.hpp"
#include "entente/world/world_file.hpp"
#include "help_topics.hpp"
#include "shell_files.hpp"

namespace {

using entente::Json;
using entente::query::require_evidence_years;
using entente::query::require_state_system_years;
using entente::query::window_years;
using entente::report::OutputFormat;

constexpr int kBadInput = 1;
constexpr int kUsage = 2;

struct Common {
  std::optional<std::string> db;
  std::string format = "table";
  std::optional<int> digits;  // the terminal table's significant digits
};

void add_common(CLI::App* cmd, Common& common, bool with_format = true) {
  cmd->add_option("--db", common.db, "store file (default: the bundled default world)")->envname("ENTENTE_DB");
  if (with_format)
    cmd->add_option("--format", common.format, "output: table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
  if (with_format)
    cmd->add_option("--digits", common.digits, "significant digits of the table's numbers (default 4; CSV and JSON keep all)")
        ->check(CLI::Range(1, 17));
}

std::optional<std::filesystem::path> db_path(const Common& c) {
  if (!c.db) return std::nullopt;
  return std::filesystem::path(*c.db);
}

// --seed: digits only, at most 2^64-1. CLI11 would turn "-3" into 2^64-3 and a longer number
// into the largest seed, and either would silently run another seed than the one asked for.
CLI::Validator seed_check() {
  return CLI::Validator(
      [](std::string& text) {
        std::uint64_t seed = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
        if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) return std::string();
        return fmt::format("\"{}\" is not a seed: expected a whole number from 0 to {}", text,
                           std::numeric_limits<std::uint64_t>::max());
      },
      "SEED");
}

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

// JSON prints the whole result; CSV and tables print its rows.
void print(const Json& result, const Common& common, const Json& table_rows) {
  const auto format = entente::report::parse_output_format(common.format).value_or(OutputFormat::table);
  switch (format) {
    case OutputFormat::json: std::cout << result.dump(2) << '\n'; break;
    case OutputFormat::csv: std::cout << entente::report::to_csv(entente::report::flatten(result.at("rows"))); break;
    case OutputFormat::table:
      std::cout << entente::report::terminal_table(table_rows, entente::report::terminal_style(common.digits));
      break;
  }
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
  std::cerr << "entente: interrupted: the blocs found so far are printed; those not marked exact are not proven\n";
  return entente::query::kInterruptedExit;
}

// Where a table command writes: standard output, or the --out file.
class Destination {
 public:
  explicit Destination(const std::optional<std::string>& path) {
    if (!path) return;
    file_.open(*path);
    if (!file_) throw std::runtime_error(*path + ": cannot write");
    to_file_ = true;
  }
  std::ostream& stream() { return to_file_ ? static_cast<std::ostream&>(file_) : std::cout; }

 private:
  std::ofstream file_;
  bool to_file_ = false;
};

// The line above a landscape table: how many actors, how they were searched, how many minima.
std::string landscape_summary(const Json& result) {
  const std::string how = result.at("exhaustive").get<bool>()
                              ? fmt::format("all {} configurations", result.at("configurations").get<std::uint64_t>())
                              : result.at("note").get<std::string>();
  return fmt::format("{} actors, {} ({}): {} local minima", result.at("actors").size(),
                     result.at("method").get<std::string>(), how, result.at("minima").get<std::size_t>());
}

// A scenario on the terminal: what changed for the focus, then every change, most important
// first, then the dynamics' and the ensemble's headlines.
void print_scenario(const Json& r, const entente::report::TerminalStyle& style) {
  std::cout << fmt::format("Scenario: {} ({}, {})\n", r.at("scenario").get<std::string>(), r.at("source").get<std::string>(),
                           r.at("year").get<int>());
  if (!r.at("question").get<std::string>().empty()) std::cout << r.at("question").get<std::string>() << '\n';
  for (const auto& s : r.at("shocks")) std::cout << "  shock: " << s.get<std::string>() << '\n';
  std::cout << fmt::format("\n{} before and after\n", r.at("focus").get<std::string>());
  Json focus = Json::array();  // numbers as short text, so the two columns line up
  auto text = [&](const Json& v) { return v.is_number() ? Json(entente::report::rounded(v.get<double>(), style.digits)) : v; };
  for (const auto& row : r.at("focus_rows"))
    focus.push_back({{"measure", row.at("measure")}, {"before", text(row.at("before"))}, {"after", text(row.at("after"))},
                     {"changed", row.at("changed").get<bool>() ? "yes" : ""}});
  std::cout << entente::report::terminal_table(focus, style);
  std::cout << "\nChanges, most important first\n";
  if (r.at("rows").empty()) std::cout << "(none: every model gives the same answer)\n";
  else std::cout << entente::report::terminal_table(r.at("rows"), style);
  if (r.contains("dynamics")) {
    const auto& d = r.at("dynamics");
    std::cout << fmt::format("\nDynamics after the shocks ({} runs each, seed {})\n", d.at("runs").get<std::uint64_t>(),
                             d.at("seed").get<std::uint64_t>());
    for (const char* model : {"local_triad_dynamics", "continuous", "landscape_myopic_moves"}) {
      if (!d.contains(model)) continue;
      const auto& res = d.at(model).at("result");
      std::cout << fmt::format("  {}: {} end states, {:.0f}% settled", model, res.at("distinct_end_states").get<std::size_t>(),
                               100 * res.at("settled_share").get<double>());
      if (!res.at("end_states").empty()) {
        const auto& top = res.at("end_states").at(0);
        std::cout << fmt::format("; most common ({:.0f}%): ", 100 * top.at("share").get<double>());
        if (!top.at("settled").get<bool>()) std::cout << "unsettled";
        else if (top.at("paradise").get<bool>()) std::cout << "one faction (paradise)";
        else
          std::cout << fmt::format("[{}] vs [{}]", fmt::join(top.at("with_focus").get<std::vector<std::string>>(), " "),
                                   fmt::join(top.at("against_focus").get<std::vector<std::string>>(), " "));
      }
      std::cout << '\n';
    }
  }
  if (r.contains("ensemble")) {
    const auto& e = r.at("ensemble");
    std::cout << fmt::format("\nEnsemble: {}\n", e.at("note").get<std::string>());
    for (const auto& t : e.at("triangles"))
      std::cout << fmt::format("  {}: the focus's role differs after the shocks in {:.0f}% of members\n",
                               t.at("triangle").get<std::string>(), 100 * t.at("focus_role_changed").get<double>());
    for (const char* side : {"before", "after"}) {
      const auto& f = e.at("frustration").at(side);
      if (!f.is_null() && f.contains("mean"))
        std::cout << fmt::format("  frustration index {}: mean {:.2f}, 5-95% {}-{}\n", side, f.at("mean").get<double>(),
                                 f.at("p05").get<double>(), f.at("p95").get<double>());
    }
  }
}

// The first line of every rejects file entente writes (an empty one too).
constexpr std::string_view kRejectsHeader = "file,line,error,row";

// --rejects is checked before the store is opened: it may be neither the store nor an input, and
// an existing file is overwritten only when entente wrote it (or --force says so), because a
// mistyped path would otherwise destroy the very data being imported.
void check_rejects_path(const std::filesystem::path& rejects, const std::filesystem::path& store,
                        const std::vector<entente::io::PlannedFile>& plan, bool force) {
  namespace fs = std::filesystem;
  const auto same = [&](const fs::path& other) {
    std::error_code ec;
    if (fs::exists(rejects, ec) && fs::exists(other, ec)) return fs::equivalent(rejects, other, ec);
    return fs::weakly_canonical(rejects, ec) == fs::weakly_canonical(other, ec);
  };
  const auto refuse = [&](const std::string& why) {
    return std::runtime_error(fmt::format("--rejects {}: {}", rejects.string(), why));
  };
  if (same(store) || same(store.string() + ".importing")) throw refuse("this is the store; name another file");
  for (const auto& f : plan)
    if (same(f.path)) throw refuse(fmt::format("this is the input file {}; name another file", f.path.string()));
  std::error_code ec;
  if (fs::is_directory(rejects, ec)) throw refuse("is a folder, expected a file name");
  const fs::path parent = rejects.parent_path().empty() ? fs::path(".") : rejects.parent_path();
  if (!fs::is_directory(parent, ec)) throw refuse(fmt::format("the folder {} does not exist", parent.string()));
  if (fs::exists(rejects, ec) && !force) {
    std::ifstream in(rejects, std::ios::binary);
    std::string first;
    std::getline(in, first);
    if (!first.empty() && first.back() == '\r') first.pop_back();
    if (first != kRejectsHeader)
      throw refuse(fmt::format("exists and is not a rejects file of entente (its first line is not \"{}\"); "
                               "name another file, or add --force to overwrite it",
                               kRejectsHeader));
  }
}

// The rejects file under a temporary name beside it: every row left out, with the error a strict
// import would have given. The import renames it into place once the store is committed.
std::filesystem::path write_rejects(const std::filesystem::path& rejects,
                                    const std::vector<entente::evidence::ImportBatch>& batches) {
  Json reject_rows = Json::array();
  for (const auto& b : batches)
    for (const auto& r : b.rejected)
      reject_rows.push_back({{"file", b.provenance.file_name}, {"line", r.line}, {"error", r.error}, {"row", r.text}});
  const std::filesystem::path temporary = rejects.string() + ".entente-tmp";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << (reject_rows.empty() ? std::string(kRejectsHeader) + "\n"
                              : entente::report::to_csv(entente::report::flatten(reject_rows)));
  out.close();
  if (!out) {
    std::error_code ec;
    std::filesystem::remove(temporary, ec);
    throw std::runtime_error(rejects.string() + ": cannot write");
  }
  return temporary;
}

std::string import_help() {
  std::string text =
      "Imports provider files into a store, all in one transaction: a bad row anywhere leaves the\n"
      "store exactly as it was. A file already imported (same SHA-256) is skipped. The format is\n"
      "recognised from the header row; --as names it when needed.\n\nAccepted files:\n";
  for (const auto& f : entente::io::readers()) {
    const auto& d = entente::catalogue::dataset(f.dataset);
    text += fmt::format("  {:<28} {}\n  {:<28} e.g. {}; published by {}\n", f.name, f.describe, "", f.example,
                        d.publisher);
  }
  text += "\nThe bundled default world takes its treaty layer from ATOP; COW alliances are importable\n"
          "from your own download (the COW terms ask that they are not redistributed).";
  return text;
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

  auto* imp = app.add_subcommand("import", "import provider files into a store");
  imp->footer(import_help());
  std::vector<std::string> files;
  std::optional<std::string> forced;
  imp->add_option("files", files, "provider files (CSV), or folders to search for them")->required()->check(CLI::ExistingPath);
  imp->add_option("--as", forced, "the files' format, when the header is not enough")
      ->check(CLI::IsMember([] {
        std::vector<std::string> names;
        for (const auto& f : entente::io::readers()) names.emplace_back(f.name);
        return names;
      }()));
  bool skip_bad_rows = false;
  std::string rejects_path = "entente-rejects.csv";
  imp->add_flag("--skip-bad-rows", skip_bad_rows,
                "import the good rows of a file with bad ones, and write the bad ones to --rejects");
  imp->add_option("--rejects", rejects_path, "where --skip-bad-rows writes the rows it left out (CSV)")
      ->capture_default_str();
  bool rejects_force = false;
  imp->add_flag("--force", rejects_force, "let --rejects overwrite an existing file that entente did not write");
  add_common(imp, common);

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
  int dyads_from = 1816, dyads_to = 2012;
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
  int states_from = 1816, states_to = 2012;
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
  std::optional<std::string> profile_path;
  auto add_profile = [&](CLI::App* cmd) {
    cmd->add_option("--profile", profile_path,
                    "stance profile: default (v2, data/profiles/default.toml), v1 (data/profiles/v1.toml), events (data/profiles/events.toml: with event data), or a TOML file")
        ->check(CLI::IsMember({"default", "v1", "v2", "events"}) | CLI::ExistingFile);
  };
  auto* xpl = app.add_subcommand("explain", "which evidence and which rule decide a relationship");
  std::string xa, xb;
  int xyear = 2012;
  xpl->add_option("A", xa, "first state")->required();
  xpl->add_option("B", xb, "second state")->required();
  xpl->add_option("--year", xyear, "year")->capture_default_str();
  add_profile(xpl);
  add_common(xpl, common);

  auto* rel = app.add_subcommand("relations", "every relationship of a year, by type");
  int rel_year = 2012;
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
  int bal_year = 2012;
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
  int blc_from = 2000, blc_to = 2012;
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
  auto* scn = app.add_subcommand("scenario", "what-if: every model before and after a scenario's shocks, "
                                             "with dynamics and ensembles");
  std::string scn_file;
  std::optional<std::uint64_t> scn_members, scn_seed, scn_runs;
  unsigned scn_threads = 0;
  bool scn_quiet = false;
  scn->add_option("FILE", scn_file, "the scenario (TOML)")->required()->check(CLI::ExistingFile);
  scn->add_option("--members", scn_members, "ensemble members (overrides [ensemble] members; 0: none)")
      ->check(CLI::Range(0, 10'000'000));
  scn->add_option("--seed", scn_seed, "seed of the ensemble and the dynamics (overrides the file's)")
      ->check(seed_check());
  scn->add_option("--runs", scn_runs, "runs of each dynamics (overrides [dynamics] runs; 0: none)")
      ->check(CLI::Range(0, 10'000'000));
  scn->add_option("--threads", scn_threads, "worker threads (default: all cores; results do not depend on it)");
  scn->add_flag("--quiet", scn_quiet, "no progress bar");
  scn->footer("The store is --db, else the scenario's [base] store, else the bundled default world.\n"
              "The profile is --profile, else the scenario's [base] profile, else the default.");
  add_profile(scn);
  add_common(scn, common);

  // Expected-utility bargaining on one issue (docs/models/bargain.md).
  auto* brg = app.add_subcommand("bargain", "expected-utility bargaining (Bueno de Mesquita) on one issue: rounds of "
                                            "offers to convergence, and the forecast");
  std::string brg_file;
  std::optional<std::string> brg_edges;
  entente::query::BargainRequest brg_request;
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

  auto* sim = app.add_subcommand("similarity", "similarity of two actors' portfolios in a table");
  std::string sim_table, sim_a, sim_b;
  sim->add_option("--table", sim_table, "CSV: first column the items (states), then one column per actor")
      ->required()
      ->check(CLI::ExistingFile);
  sim->add_option("A", sim_a, "first actor's column")->required();
  sim->add_option("B", sim_b, "second actor's column")->required();
  double sim_range = 3;
  sim->add_option("--range", sim_range, "Δ, the scale's max − min (3 valued alliances, 1 binary, 2 votes)")
      ->capture_default_str();
  add_common(sim, common);

  // The report: an offline HTML page of a year, its data as JSON and CSV (docs/report.md).
  auto* rep = app.add_subcommand("report", "write an offline HTML report of a year, with its data as JSON and CSV");
  std::optional<int> rep_year;
  std::string rep_out = "entente-report";
  bool rep_open = false;
  rep->add_option("--year", rep_year, "the report's year (default 2012, or the store's last year)");
  entente::report::ReportOptions rep_options;
  std::vector<std::string> rep_triangles;
  rep->add_option("--focus", rep_options.focus, "the state the report follows")->capture_default_str();
  rep->add_option("--triangle", rep_triangles,
                  "a strategic triangle A,B,C (repeatable; default: the focus, its strongest partner and rival)");
  rep->add_option("--landscape", rep_options.landscape,
                  "the landscape's states (comma separated; default: the year's great powers and the focus)")
      ->delimiter(',');
  rep->add_option("--scenario", rep_options.scenario,
                  "a scenario file for the last section (default: none, but the essay's on Russia in 2012)")
      ->check(CLI::ExistingFile);
  rep->add_option("--bargain", rep_options.bargains,
                  "a bargaining issue (CSV or TOML, as for bargain) for a section of its own (repeatable; default: none)")
      ->check(CLI::ExistingFile);
  rep->add_option("--bargain-variant", rep_options.bargain_variant, "the variant every --bargain issue runs under")
      ->capture_default_str();
  rep->add_option("--from", rep_options.from, "first year of the timelines (default: the store's first)");
  rep->add_option("--to", rep_options.to, "last year of the timelines (default: --year)");
  rep->add_option("--out", rep_out, "the folder to write")->capture_default_str();
  rep->add_flag("--open", rep_open, "open index.html in a browser (xdg-open)");
  bool rep_force = false;
  rep->add_flag("--force", rep_force, "replace --out even if it is not an earlier report (deleting what it holds)");
  rep->add_option("--format", common.format, "table: a summary; json: the report's data")
      ->check(CLI::IsMember({"table", "json"}));
  add_profile(rep);
  add_common(rep, common, false);

  auto* exp = app.add_subcommand("export-world", "write a store's evidence for chosen states as a world file");
  std::string out_path;
  int export_from = 1946;
  std::vector<std::string> export_actors;
  exp->add_option("--out", out_path, "world file to write (JSON)")->required();
  exp->add_option("--actors", export_actors, "states whose evidence to keep (default: the bundled world's)")
      ->delimiter(',');
  exp->add_option("--from", export_from, "first year of evidence to keep");
  add_common(exp, common, false);

  // The web app and JSON API over the same answers (docs/serve.md).
  auto* srv = app.add_subcommand("serve", "serve the web app and a JSON API of these answers (read-only on the store)");
  entente::serve::ServerOptions srv_options;
  srv->add_option("--host", srv_options.host, "address to listen on (default: loopback only)")->capture_default_str();
  srv->add_option("--port", srv_options.port, "port (0: any free one)")->capture_default_str()->check(CLI::Range(0, 65535));
  srv->add_option("--threads", srv_options.threads, "requests answered at once")->capture_default_str()->check(CLI::Range(1, 256));
  add_common(srv, common, false);

  // Files and help about the command line itself: shell completion and the man page, generated
  // from the definitions above (the build installs them), and the models' help topics.
  auto* evt = app.add_subcommand("events", "event data (KEDS, GDELT 1.0/2.0, ICEWS; plain or gzip) counted per dyad "
                                           "and period: events by CAMEO quad class and Goldstein sums");
  std::vector<std::string> evt_files, evt_actors;
  std::string evt_by = "month", evt_kind = "state";
  bool evt_directed = false, evt_dedupe = false, evt_skip = false;
  unsigned evt_threads = 0;
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
  std::optional<std::string> evt_into;
  evt->add_option("--into", evt_into,
                  "keep the cells in the store (--db) as the event layer NAME, with its coverage and files, for "
                  "explain, the events profile and monthly triangles (replaces a layer of that name)");
  evt->footer("Codes: CAMEO event codes to Goldstein (1992) scores and quad classes from the pinned CAMEO 1.1b3\n"
              "table; actor codes to COW states (ISO3 and older KEDS codes, roles such as ISRMIL or LBNREB).\n"
              "Unmapped codes and non-state actors are counted and listed on stderr, never guessed.\n"
              "--db (or the bundled world) names the --actors and ICEWS's country names (docs/models/events.md).");
  add_common(evt, common);

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
    if (imp->parsed()) {
      std::vector<std::filesystem::path> paths(files.begin(), files.end());
      const auto plan = entente::io::plan_import(paths, forced);
      const bool terminal = isatty(STDERR_FILENO) != 0;
      const std::size_t total = std::count_if(plan.begin(), plan.end(), [](auto& f) { return !f.reader.empty(); });
      // State-year rows are checked against the state system: the states file of this import, or
      // else the one already in the store.
      std::vector<entente::evidence::SpellRecord> store_spells;
      if (const auto into = common.db.value_or("entente.db");
          std::filesystem::is_regular_file(into) && std::filesystem::file_size(into) > 0)
        store_spells = entente::store::Store::open_existing(into).spells();
      for (const auto& f : plan)
        if (f.reader.empty()) std::cerr << "entente: left out " << f.path.string() << ": " << f.note << '\n';
      if (total == 0)  // an empty store would look like a successful import
        throw std::runtime_error(fmt::format("no provider files to import in {} (see 'entente import --help' for the "
                                             "files entente reads); no store was written",
                                             fmt::join(files, ", ")));
      const auto parse_threads = std::max(1u, std::thread::hardware_concurrency());
      const auto show_progress = [&](const entente::io::PlannedFile& f, std::size_t done) {
        if (terminal)
          std::cerr << fmt::format("\r[{}/{}] read {:<60}", done, total, f.path.filename().string()) << std::flush;
      };
      const std::string path = common.db.value_or("entente.db");
      if (skip_bad_rows) check_rejects_path(rejects_path, path, plan, rejects_force);
      // A new store is built under a temporary name and renamed into place when complete, so a
      // failed import leaves no store behind and the build can skip per-commit disk flushes.
      const bool existed = std::filesystem::exists(path);
      const std::string building = existed ? path : path + ".importing";
      std::vector<entente::store::FileOutcome> outcomes;
      std::vector<std::size_t> skipped_rows;  // per file read, under --skip-bad-rows
      std::filesystem::path rejects_written;
      try {
        if (skip_bad_rows) {
          // Every file is parsed before the store is opened, and the rejects file is written
          // before the store is touched, so that either both the import and the list of its
          // left-out rows are in place or neither is.
          const auto batches = entente::io::read_planned(plan, parse_threads, show_progress, true, store_spells);
          rejects_written = write_rejects(rejects_path, batches);
          if (!existed) std::filesystem::remove(building);
          auto store = entente::store::Store::open(building);
          if (!existed) store.write_without_sync();
          outcomes = store.apply(batches);
          for (const auto& b : batches) skipped_rows.push_back(b.rejected.size());
        } else {
          // Strict: each file is written, in order, while the later ones are still parsed; any
          // error rolls the one transaction back (and a new store is never renamed into place).
          if (!existed) std::filesystem::remove(building);
          auto store = entente::store::Store::open(building);
          if (!existed) store.write_without_sync();
          auto import = store.begin_import();
          entente::io::read_planned_each(plan, parse_threads, show_progress, false, store_spells,
                                         [&](std::size_t, entente::evidence::ImportBatch& batch) {
                                           outcomes.push_back(import.add(batch));
                                           skipped_rows.push_back(0);
                                         });
          import.commit();
        }
      } catch (...) {
        if (terminal) std::cerr << "\r" << std::string(80, ' ') << "\r";
        if (!existed) std::filesystem::remove(building);
        std::error_code ignored;
        if (!rejects_written.empty()) std::filesystem::remove(rejects_written, ignored);
        throw;
      }
      if (terminal) std::cerr << "\r" << std::string(80, ' ') << "\r";
      if (!existed) std::filesystem::rename(building, path);
      if (skip_bad_rows) std::filesystem::rename(rejects_written, rejects_path);
      Json rows = Json::array();
      std::size_t rejected = 0;
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const auto& o = outcomes[i];
        rows.push_back({{"file", o.file_name},
                        {"dataset", o.dataset},
                        {"version", o.version},
                        {"rows", o.rows},
                        {"skipped_rows", skipped_rows[i]},
                        {"status", o.skipped ? "already imported" : "imported"}});
        rejected += skipped_rows[i];
      }
      if (skip_bad_rows) {
        std::cerr << fmt::format("entente: skipped {} bad row{}; they are listed in {}\n", rejected,
                                 rejected == 1 ? "" : "s", rejects_path);
      }
      print(Json{{"store", path}, {"rows", rows}}, common, rows);
      if (!common.db) std::cerr << "imported into " << path << "; query it with --db " << path << '\n';
      return 0;
    }
    if (srv->parsed()) {
      // SIGINT and SIGTERM are waited for by one thread, which stops the server; the server's own
      // threads, started after this, inherit the blocked mask.
      sigset_t stop_signals;
      sigemptyset(&stop_signals);
      sigaddset(&stop_signals, SIGINT);
      sigaddset(&stop_signals, SIGTERM);
      pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
      entente::serve::Api api(entente::world::open_source_read_only(db_path(common)));
      std::thread waiter([&] {
        int signal_number = 0;
        sigwait(&stop_signals, &signal_number);
        entente::serve::stop_server();
      });
      waiter.detach();
      entente::serve::run_server(api, srv_options, [&](int port) {
        std::cerr << fmt::format("entente: serving {} on http://{}:{}/ (Ctrl-C stops)\n", api.source().label,
                                 srv_options.host, port);
      });
      return 0;
    }
    if (exp->parsed()) {
      if (!common.db) throw std::runtime_error("export-world needs --db STORE (the store to export from)");
      auto source = entente::world::open_source(db_path(common));
      std::vector<int> scope = entente::world::default_world_states();
      if (!export_actors.empty()) {
        scope.clear();
        for (const auto& name : export_actors) scope.push_back(source.registry.find(name).ccode);
        std::sort(scope.begin(), scope.end());
      }
      const auto contents = entente::world::export_contents(source, scope, export_from);
      std::ofstream out(out_path);
      out << entente::world::to_world_json(contents, export_from).dump() << '\n';
      if (!out) throw std::runtime_error(out_path + ": cannot write");
      std::cerr << fmt::format("wrote {} ({} actors, {} alliance rows, {} capability rows)\n", out_path,
                               contents.actors.size(), contents.alliances.size(), contents.capabilities.size());
      return 0;
    }

    if (scn->parsed()) {
      const auto in = entente::query::load_scenario_inputs(scn_file, common.db, profile_path);  // checks the year
      entente::query::ScenarioRequest request;
      request.members = scn_members;
      request.seed = scn_seed;
      request.runs = scn_runs;
      request.threads = scn_threads;
      // Progress after a few seconds (with the time left), and Ctrl-C stops the ensemble with the
      // members done.
      if (!scn_quiet) request.progress = entente::query::ensemble_progress(std::cerr, isatty(STDERR_FILENO) != 0);
      const entente::query::StopOnCtrlC ctrl_c;
      request.interrupt = &ctrl_c.flag();
      const auto result = entente::query::scenario(in.source, in.scenario, in.profile, request);
      if (common.format == "table") print_scenario(result, entente::report::terminal_style(common.digits));
      else print(result, common, result.at("rows"));
      if (!result.contains("interrupted")) return 0;  // (a Ctrl-C after the ensemble: the run completed)
      std::cerr << "entente: interrupted: the ensemble summary is of the members done, and the dynamics were left "
                   "out\n";
      return entente::query::kInterruptedExit;
    }
    if (brg->parsed()) {
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
    if (sim->parsed()) {
      const auto table = entente::similarity::read_portfolio_table(sim_table, entente::io::read_whole_file(sim_table));
      const auto result = entente::query::similarity(table, sim_a, sim_b, sim_range);
      print(result, common, result.at("rows"));
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
    if (evt->parsed()) {
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
      const auto format = entente::report::parse_output_format(common.format).value_or(OutputFormat::table);
      entente::report::TableWriter writer(destination.stream(), format, entente::query::event_key_columns(),
                                          entente::query::event_value_columns(),
                                          entente::query::events_summary(result, options),
                                          out_file ? entente::report::file_style(common.digits)
                                                   : entente::report::terminal_style(common.digits));
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
    auto source = entente::world::open_source(db_path(common));
    if (lan->parsed()) {
      std::vector<int> codes;
      for (const auto& name : lan_actors) codes.push_back(source.registry.find(name).ccode);
      lan_request.heuristic = lan_method == "heuristic";
      if (profile_path) lan_request.profile = entente::stance::resolve_profile(*profile_path);
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
      entente::dyads::Request req;
      req.from = dyads_from;
      req.to = dyads_to;
      req.directed = directed;
      req.relevant = relevant;
      req.conventions = {*entente::world::universe_by_name(universe),
                         *entente::world::contiguity_rule_by_name(contiguity_rule)};
      req.threads = threads;
      for (const auto& name : dyad_actors) req.actors.push_back(source.registry.find(name).ccode);
      for (const auto& name : with_layers) {
        auto layer = entente::dyads::layer_by_name(name);
        if (!layer) throw std::runtime_error(fmt::format("--with: no layer '{}' (see 'entente dyads --help')", name));
        req.with.push_back(*layer);
      }
      if (req.from > req.to) throw std::runtime_error("--from is after --to");
      require_state_system_years(source, fmt::format("--from {} --to {}", req.from, req.to), req.from, req.to);
      Destination destination(out_file);
      std::ostream& out = destination.stream();
      const auto format = entente::report::parse_output_format(common.format).value_or(OutputFormat::table);
      std::unique_ptr<entente::report::TableWriter> writer;
      std::vector<std::string> columns;
      if (format != OutputFormat::table)
        req.render = [&](const entente::dyads::YearRows& rows) {
          std::string text;
          const std::size_t ncol = columns.size();
          text.reserve(rows.ccode1.size() * (16 + 10 * ncol));
          for (std::size_t r = 0; r < rows.ccode1.size(); ++r) {
            const long long keys[] = {rows.ccode1[r], rows.ccode2[r], rows.year};
            // data(), not &values[...]: without value columns the vector is empty.
            writer->append_row(text, keys, rows.values.data() + r * ncol);
          }
          return text;
        };
      std::optional<entente::store::ResultTable> kept;
      if (into_table) {
        if (!common.db) throw std::runtime_error("--into needs --db: the bundled world is read-only");
        kept.emplace(source.store.create_result_table(*into_table, {"ccode1", "ccode2", "year"},
                                                      entente::dyads::column_names(req)));
      }
      const auto summary = entente::dyads::build(source, req, [&](const entente::dyads::YearRows& rows) {
        if (kept) {
          const std::size_t ncol = columns.size();
          for (std::size_t r = 0; r < rows.ccode1.size(); ++r) {
            const long long keys[] = {rows.ccode1[r], rows.ccode2[r], rows.year};
            kept->add(keys, rows.values.data() + r * ncol);
          }
        }
        if (!writer->streams()) {
          const std::size_t ncol = columns.size();
          for (std::size_t r = 0; r < rows.ccode1.size(); ++r)
            writer->row({rows.ccode1[r], rows.ccode2[r], rows.year}, rows.values.data() + r * ncol);
        } else {
          writer->write_block(rows.text);
        }
      }, [&](const std::vector<std::string>& cols, const std::vector<std::string>& missing) {
        columns = cols;
        Json meta{{"source", source.label}, {"from", req.from}, {"to", req.to}, {"directed", req.directed},
                  {"missing_datasets", missing}};
        writer = std::make_unique<entente::report::TableWriter>(out, format, std::vector<std::string>{"ccode1", "ccode2", "year"},
                                                                cols, meta, out_file ? entente::report::file_style(common.digits)
                                                                                 : entente::report::terminal_style(common.digits));
      });
      writer->finish();
      if (kept) kept->commit();
      for (const auto& m : summary.missing_datasets)
        std::cerr << "entente: note: the store has no " << m << " data; its columns are empty\n";
      return 0;
    }
    if (sts->parsed()) {
      entente::states::Request req{states_from, states_to, {}, {}};
      req.universe = *entente::world::universe_by_name(universe);
      for (const auto& name : state_actors) req.actors.push_back(source.registry.find(name).ccode);
      for (const auto& name : state_layers) {
        auto layer = entente::states::layer_by_name(name);
        if (!layer) throw std::runtime_error(fmt::format("--with: no layer '{}' (choose from {})", name,
                                                         fmt::join(entente::states::layer_names(), ", ")));
        req.with.push_back(*layer);
      }
      Destination destination(out_file);
      std::ostream& out = destination.stream();
      const auto format = entente::report::parse_output_format(common.format).value_or(OutputFormat::table);
      std::unique_ptr<entente::report::TableWriter> writer;
      const auto missing = entente::states::build(
          source, req,
          [&](const std::vector<std::string>& cols) {
            writer = std::make_unique<entente::report::TableWriter>(
                out, format, std::vector<std::string>{"ccode", "year"}, cols,
                Json{{"source", source.label}, {"from", req.from}, {"to", req.to}},
                out_file ? entente::report::file_style(common.digits) : entente::report::terminal_style(common.digits));
          },
          [&](int ccode, int y, const std::vector<double>& values) { writer->row({ccode, y}, values.data()); });
      writer->finish();
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
    const auto profile = profile_path ? entente::stance::resolve_profile(*profile_path) : entente::stance::default_profile();
    if (rep->parsed()) {
      const auto span = entente::report::report_years(source);
      const int report_year = rep_year.value_or(entente::report::default_report_year(source));
      if (!span.contains(report_year)) {
        std::cerr << fmt::format("entente: --year {}: {} covers {} to {}\n", report_year, source.label, span.first,
                                 span.last);
        return kUsage;
      }
      if (!entente::report::has_report_assets()) throw std::runtime_error(std::string(entente::report::kNoReportAssets));
      for (const auto& text : rep_triangles)
        rep_options.triangles.push_back(entente::report::parse_triangle(text));
      const auto data = entente::report::report_data(source, report_year, profile, rep_options);
      const auto site = entente::report::write_report_site(data, rep_out, rep_force);
      const auto where = fmt::format("Report: {} ({} files, {})\n", site.index.string(), site.files.size(),
                                     entente::report::size_text(site.bytes));
      if (common.format == "json") {
        std::cout << data.dump(2) << '\n';
        std::cerr << where;
      } else {
        for (const auto& sentence : data.at("summary")) std::cout << sentence.get<std::string>() << '\n';
        std::cout << '\n' << where;
      }
      if (rep_open && !entente::report::open_in_browser(site.index))
        std::cerr << fmt::format("entente: could not open it with xdg-open; open file://{} in a browser\n",
                                 std::filesystem::absolute(site.index).string());
      return 0;
    }
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
