#pragma once
// Ensembles: Monte Carlo over the uncertain inputs of a scenario. Member m draws its own
// perturbation from member_seed(seed, m) — of the UN alignment threshold, the edge threshold,
// every tie's weight and every state's capabilities — applies the same draw to the world before
// and after the shocks (a paired comparison), and runs every model on both.
//
// A member's results are a flat row of numbers (Layout), so that rows computed on threads or on
// MPI ranks can be gathered and summarised in member order: the summary depends on the seed and
// the number of members only, byte for byte.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "entente/core/spread.hpp"
#include "entente/scenario/world.hpp"

namespace entente::scenario {

// Where each number sits in a member's row; one block per side (before, after).
struct Layout {
  std::size_t triangles = 0;       // reported triangles (of the world before)
  std::size_t states = 0;          // states of the world after (blocs and ranks are by its names)
  std::size_t landscape = 0;       // landscape actors of the world after
  // Offsets within a side's block.
  std::size_t type = 0, role = 0, focus_rank = 0, flexibility = 0, weighted = 0, frustration = 0, optimal = 0,
              bloc = 0, rank = 0, with_focus = 0, minima = 0, side_size = 0;
  std::size_t row() const noexcept { return 2 * side_size; }
};
Layout layout_of(const Worlds& worlds);

// Members [first, last) on `threads` threads (0: one per core): rows in member order,
// (last − first) × layout.row() numbers. `progress` (may be empty) is called from the calling
// thread about ten times a second with the members done. When `interrupt` (may be null) is set,
// no new members are started: the rows returned are those of the members done, a prefix
// [first, first + rows / row) since members are handed out in order.
std::vector<double> run_members(const Worlds& worlds, const stance::Profile& profile, const Scenario& scenario,
                                const EnsembleSpec& spec, std::uint64_t first, std::uint64_t last, unsigned threads,
                                const std::function<void(std::uint64_t, std::uint64_t)>& progress,
                                const std::atomic<bool>* interrupt = nullptr);

// ---- The summary ----

// The share of members for each value a measure took, in the order of the values; the names are
// the values in words (a role, a triangle type, a whole number).
using Shares = std::vector<std::pair<std::string, double>>;

template <typename T>
struct BeforeAfter {
  T before, after;
  bool operator==(const BeforeAfter&) const = default;
};

struct TriangleShares {
  Shares type, focus_role;
  bool operator==(const TriangleShares&) const = default;
};
struct EnsembleTriangle {
  std::string triangle;                   // A-B-C, a triangle of the world before
  TriangleShares before, after;
  double focus_role_changed = 0;          // share of members (with the triangle on both sides) whose focus role differs
  bool operator==(const EnsembleTriangle&) const = default;
};
// A measure's Spread is over the members that have it.
struct FocusMeasures {
  Shares balancer_rank;
  std::optional<Spread> flexibility, weighted_pivot_index;  // none: no member has the measure
  bool operator==(const FocusMeasures&) const = default;
};
// The frustration index's spread (none: no member) and the share of members whose index was
// proven optimal; the JSON writes the spread's fields and the share side by side.
struct FrustrationSpread {
  std::optional<Spread> spread;
  double proven_optimal_share = 0;
  bool operator==(const FrustrationSpread&) const = default;
};
// A state of the world after: the share of members (that have it) with it in the focus's bloc,
// and its balancer rank's median and 5–95% range; none where no member has the state.
struct EnsembleState {
  std::string abbrev;
  std::optional<double> with_focus_bloc_before, rank_median_before, rank_p05_before, rank_p95_before;
  std::optional<double> with_focus_bloc_after, rank_median_after, rank_p05_after, rank_p95_after;
  bool operator==(const EnsembleState&) const = default;
};
// A landscape actor of the world after: the share of members (that have it and the focus) with it
// on the focus's side of the deepest minimum.
struct LandscapeWithFocus {
  std::string abbrev;
  std::optional<double> with_focus_before, with_focus_after;
  bool operator==(const LandscapeWithFocus&) const = default;
};

struct EnsembleSummary {
  std::uint64_t members = 0;  // members summarised
  std::uint64_t seed = 1;
  Noise noise;
  std::string focus;
  std::vector<EnsembleTriangle> triangles;
  BeforeAfter<FocusMeasures> focus_measures;
  BeforeAfter<FrustrationSpread> frustration;
  std::vector<EnsembleState> states;
  std::vector<LandscapeWithFocus> landscape_with_focus;
  BeforeAfter<Shares> landscape_minima;  // shares of the number of landscape minima
  std::string note;
  std::optional<std::uint64_t> members_asked;  // set when interrupted: the members asked for
  bool operator==(const EnsembleSummary&) const = default;
};

// The ensemble's summary from all members' rows, in member order.
EnsembleSummary summarise(const Worlds& worlds, const Scenario& scenario, const EnsembleSpec& spec,
                          const std::vector<double>& rows);

}  // namespace entente::scenario
