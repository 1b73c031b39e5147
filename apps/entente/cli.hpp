#pragma once
// What every verb of the command line shares: the store, output format and digits options, the
// stance profile option, printing a result, and the exit codes. Each verb (or small family of
// verbs) is a file of its own that adds its options and calls the library; main.cpp puts them in
// order and runs the one parsed.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "entente/core/json.hpp"
#include "entente/report/terminal_table.hpp"
#include "entente/stance/stance.hpp"

namespace entente::cli {

inline constexpr int kBadInput = 1;
inline constexpr int kUsage = 2;

struct Common {
  std::optional<std::string> db;
  std::string format = "table";
  std::optional<int> digits;  // the terminal table's significant digits
  std::optional<std::string> profile;  // --profile of the verbs that classify relationships
};

void add_common(CLI::App* cmd, Common& common, bool with_format = true);
void add_profile(CLI::App* cmd, Common& common);
std::optional<std::filesystem::path> db_path(const Common& c);
// The --profile asked for, else the default profile.
stance::Profile profile_of(const Common& c);
// JSON prints the whole result; CSV and tables print its rows.
void print(const Json& result, const Common& common, const Json& table_rows);

// Where a table command writes: standard output, or the --out file.
class Destination {
 public:
  explicit Destination(const std::optional<std::string>& path);
  std::ostream& stream();

 private:
  std::ofstream file_;
  bool to_file_ = false;
};

// A table on the terminal is fitted to it; in an --out file it keeps every column whole.
report::TerminalStyle table_style(const std::optional<std::string>& out_file, const Common& common);

// A verb: its command, what it does when parsed (the exit code), and the checks across its
// options that CLI11 cannot say, run right after parsing (a CLI::ParseError they throw is reported
// as CLI11's own; empty: none).
struct Verb {
  CLI::App* command = nullptr;
  std::function<int()> run;
  std::function<void()> check;
};

// A verb from its state: a struct built from Common, whose define(app) adds its command and
// options (bound to its own fields), whose run() does the work, and whose check(), if it has one,
// checks the options once parsed.
template <class State>
Verb make_verb(CLI::App& app, Common& common) {
  auto state = std::make_shared<State>(common);
  auto* command = state->define(app);
  Verb verb{command, [state] { return state->run(); }, {}};
  if constexpr (requires { state->check(); }) verb.check = [state] { state->check(); };
  return verb;
}

// The verbs in files of their own (apps/entente/<verb>.cpp), in the order of `entente --help`.
Verb add_import(CLI::App& app, Common& common);
Verb add_actors(CLI::App& app, Common& common);
Verb add_dyad(CLI::App& app, Common& common);
Verb add_cite(CLI::App& app, Common& common);
Verb add_info(CLI::App& app, Common& common);
Verb add_dyads(CLI::App& app, Common& common);   // dyads.cpp
Verb add_states(CLI::App& app, Common& common);  // dyads.cpp
Verb add_idealpoints(CLI::App& app, Common& common);
Verb add_explain(CLI::App& app, Common& common);
Verb add_relations(CLI::App& app, Common& common);
Verb add_triangle(CLI::App& app, Common& common);
Verb add_balancer(CLI::App& app, Common& common);
Verb add_balance(CLI::App& app, Common& common);  // balance.cpp
Verb add_blocs(CLI::App& app, Common& common);    // balance.cpp
Verb add_landscape(CLI::App& app, Common& common);
Verb add_scenario(CLI::App& app, Common& common);
Verb add_bargain(CLI::App& app, Common& common);
Verb add_similarity(CLI::App& app, Common& common);
Verb add_report(CLI::App& app, Common& common);
Verb add_export_world(CLI::App& app, Common& common);
Verb add_serve(CLI::App& app, Common& common);
Verb add_events(CLI::App& app, Common& common);
Verb add_completion(CLI::App& app, Common& common);  // help.cpp
Verb add_man(CLI::App& app, Common& common);         // help.cpp
Verb add_help(CLI::App& app, Common& common);        // help.cpp

}  // namespace entente::cli
