#pragma once
// Dyad-years: every pair of states of the COW system, year by year, with the evidence layers a
// user asks for merged in — peacesciencer's create_dyadyears() + add_*(), computed from the raw
// files, with missing kept distinct from zero (NaN here, null in JSON, an empty CSV cell).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/world/conventions.hpp"
#include "entente/world/source.hpp"

namespace entente::dyads {

enum class Layer {
  alliances,     // COW Formal Alliances: defense, neutrality, nonaggression, entente
  atop,          // ATOP: defense, offense, neutrality, nonaggression, consultation
  capabilities,  // CINC of each side
  contiguity,    // COW direct contiguity type
  disputes,      // MID dyad-years: onset, ongoing, hostility, fatality, reciprocation
  rivalries,     // Thompson-Dreyer and Thompson-Sakuwa-Suhas strategic rivalries
  trade,         // COW dyadic trade flows
  votes,         // UN General Assembly agreement and vote similarity
  democracy,     // Polity2, V-Dem polyarchy, QuickUDS of each side
  majors,        // COW major-power status of each side
  similarity,    // alliance portfolio similarity (COW and ATOP): S, weighted S, τ_b, κ, π, Scott's π
  dca,           // DCAD defense cooperation agreements: signed, in force, ended, general, sector
  igos,          // COW IGO: full memberships both states share (and those unknown by a missing code)
  idealpoints,   // distance between the two states' one-dimensional UN ideal points
};

std::optional<Layer> layer_by_name(std::string_view name);
std::string_view layer_name(Layer layer);
std::vector<Layer> all_layers();

// One year's rows: ccode1, ccode2 per row and `columns` values per row (NaN = missing).
struct YearRows {
  int year = 0;
  std::vector<int> ccode1, ccode2;
  std::vector<double> values;  // row-major
  std::string text;            // the rows as rendered by Request::render, when given
};

struct Request {
  int from = 1816;
  int to = 2012;
  bool directed = false;       // both (a, b) and (b, a), with directed layers read as "a toward b"
  std::vector<int> actors;     // only dyads of these states (empty: all)
  bool relevant = false;       // only politically relevant dyads: land-contiguous or a major power
  std::vector<Layer> with;     // the layers to add
  // Which pairs form a dyad-year (default: members on a common day) and which contiguity period
  // gives a year's type (default: the closest touching the year).
  world::Conventions conventions;
  unsigned threads = 0;        // 0: as many as the machine has
  // Optional: renders a year's rows to text on the worker thread that built them (formatting
  // numbers costs as much as computing them), so output scales with the threads too.
  std::function<std::string(const YearRows&)> render;
};

struct Table {
  std::vector<std::string> columns;  // value columns, after ccode1, ccode2, year
  std::vector<std::string> missing_datasets;
  long long rows = 0;
};

// Builds the dyad-years year by year (years on worker threads, delivered in order) and hands
// each year's rows to `sink`. Returns the column names and totals.
// `start` is called once, before the first year, with the column names and the datasets the
// store lacks (their columns read missing).
Table build(const world::Source& source, const Request& request, const std::function<void(const YearRows&)>& sink,
            const std::function<void(const std::vector<std::string>& columns,
                                      const std::vector<std::string>& missing_datasets)>& start = {});

// The value columns a request produces, in order (after ccode1, ccode2, year).
std::vector<std::string> column_names(const Request& request);

// How each undirected (non-directed) column combines the two directions; for the docs and --help.
std::string_view undirected_rule();

}  // namespace entente::dyads
