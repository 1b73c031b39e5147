#pragma once
// `entente balance` and `entente blocs`: structural balance, the exact frustration index and blocs
// of a year's stance graph, of an edge list, or of each relation of a Pajek file, as JSON.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "entente/balance/blocs.hpp"
#include "entente/balance/frustration.hpp"
#include "entente/balance/frustration_bounds.hpp"
#include "entente/balance/graph_files.hpp"
#include "entente/core/json.hpp"
#include "entente/query/years.hpp"
#include "entente/stance/stance.hpp"
#include "entente/world/source.hpp"

namespace entente::query {

// The signed graph of a year's stances: the states in the store's evidence scope, an edge + for a
// tie of weight ≥ min_weight, − for one of weight ≤ −min_weight; weaker ties have no edge (the
// default is stance::kDefaultMinWeight). Nodes are COW abbreviations.
//
// A window of W > 1 years (as Doreian & Mrvar's four-year windows) joins the graphs of years
// Y..Y+W−1: every state in scope in any of them, a pair hostile if it was hostile in any year,
// friendly if friendly in some year and never hostile. stance_graphs gives one graph per start
// year from..to (so the last window ends at to+W−1), labelled "Y" or "Y-Y+W−1".
inline constexpr double kDefaultMinWeight = stance::kDefaultMinWeight;
balance::SignedGraph stance_graph(const world::Source& source, int year, const stance::Profile& profile,
                                  double min_weight = kDefaultMinWeight, int window = 1);
std::vector<balance::SignedGraph> stance_graphs(const world::Source& source, int from, int to,
                                                const stance::Profile& profile, double min_weight = kDefaultMinWeight,
                                                int window = 1);

// Every balance measure of each graph: one row per graph; with one graph, also its sides and
// frustrated edges.
// How the frustration index is found: the exact solver, or for graphs beyond its reach local
// search with a certified cycle-packing bound (balance::frustration_bounds, within the options'
// time limit, 600 s when none). `automatic` takes the bounds for a graph of more than
// kBoundsEdges edges.
enum class FrustrationMethod { automatic, exact, bounds };
inline constexpr std::size_t kBoundsEdges = 100'000;
struct BalanceMethod {
  FrustrationMethod method = FrustrationMethod::automatic;
  std::function<void(const balance::BoundsProgress&)> bounds_progress;
};
Json balance(const std::vector<balance::SignedGraph>& graphs, const balance::FrustrationOptions& options,
             const BalanceMethod& how = {});

// What `entente balance --year Y` and `entente blocs` are asked, by the command line's option
// names; the server's parameters and the bindings' arguments fill the same structs, so the three
// map them to the models' options in one place (frustration_options, balance_method, bloc_options).
// A balance search without a time limit stops after this many seconds per graph, with the best
// partition and an honest bound, rather than run for hours in silence.
inline constexpr double kDefaultBalanceSeconds = 600;
struct BalanceQuery {
  int year = kEssayYear;
  std::optional<std::string> window;  // a window of that many years from `year`
  double min_weight = kDefaultMinWeight;
  double time_limit = kDefaultBalanceSeconds;  // seconds per graph
  std::string method = "auto";                 // auto, exact or bounds
  std::optional<std::string> profile;
};
struct BlocsQuery {
  int from = 2000;
  int to = kEssayYear;
  std::optional<std::string> window;
  int k = 2;
  double alpha = 0.5;
  int restarts = 100;
  std::uint64_t seed = 1;
  std::optional<double> time_limit;  // seconds per period for the exact two-bloc search
  double min_weight = kDefaultMinWeight;
  std::optional<std::string> profile;
};
balance::FrustrationOptions frustration_options(const BalanceQuery& query);
// The method by its name; throws for a name other than auto, exact or bounds.
BalanceMethod balance_method(const BalanceQuery& query);
balance::BlocOptions bloc_options(const BlocsQuery& query);

// The relations of a Pajek file, or the one named by `window` (its number, e.g. "46", or name).
std::vector<balance::SignedGraph> pajek_graphs(const std::vector<balance::PajekRelation>& relations,
                                               const std::optional<std::string>& window);

// Blocs of each graph, tracked from one to the next.
Json blocs(const std::vector<balance::SignedGraph>& graphs, const balance::BlocOptions& options);

}  // namespace entente::query
