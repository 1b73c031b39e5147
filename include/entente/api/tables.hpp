#pragma once
// `entente dyads` and `entente states`: the request from the command line's words (state names,
// layer names, conventions) and the table streamed as CSV, JSON or a terminal table. The CLI and
// the bindings' Session both come through here, so a table reads the same wherever it is asked.
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "entente/dyads/dyad_years.hpp"
#include "entente/report/output.hpp"
#include "entente/report/terminal_table.hpp"
#include "entente/states/state_years.hpp"
#include "entente/world/source.hpp"

namespace entente::api {

// The options of `entente dyads`, by the CLI's names and defaults.
struct DyadsOptions {
  int from = 1816;
  int to = 2012;
  bool directed = false;
  bool relevant = false;
  std::vector<std::string> actors;  // state names, abbreviations, ISO3 codes or COW codes
  std::vector<std::string> with;    // layer names (dyads::layer_name)
  std::string universe = "simultaneous";
  std::string contiguity = "closest";
  unsigned threads = 0;  // 0: all cores
};

// Resolves names and checks the years against the store's state system; throws
// std::runtime_error with the CLI's messages.
dyads::Request dyads_request(const world::Source& source, const DyadsOptions& options);

// Where a table goes and how it looks: CSV and JSON keep full precision, `style` rounds and fits
// the terminal table.
struct TableOutput {
  std::ostream& out;
  report::OutputFormat format = report::OutputFormat::json;
  report::TerminalStyle style = {};
};

// Streams the dyad-years of `request` to `output` (rows rendered on the worker threads for CSV
// and JSON).
dyads::Table write_dyads(const world::Source& source, dyads::Request request, const TableOutput& output);
// The same, and keeps every row in `source`'s store as the results table `into` (entente dyads
// --into: keys ccode1, ccode2, year, then the value columns), for SQL, R or Python. The table is
// committed after the last row is written, so a failure leaves the store as it was. A store opened
// from the bundled world lives in memory: the caller refuses it (the CLI needs --db).
dyads::Table write_and_keep_dyads(world::Source& source, dyads::Request request, const TableOutput& output,
                                  const std::string& into);

// The options of `entente states`.
struct StatesOptions {
  int from = 1816;
  int to = 2012;
  std::vector<std::string> actors;
  std::vector<std::string> with;  // layer names (states::layer_names)
  std::string universe = "simultaneous";
};

states::Request states_request(const world::Source& source, const StatesOptions& options);

// Streams the state-years to `output`; returns the datasets the store lacks.
std::vector<std::string> write_states(const world::Source& source, const states::Request& request,
                                      const TableOutput& output);

}  // namespace entente::api
