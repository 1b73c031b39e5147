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
#include <vector>

#include "entente/core/json.hpp"
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

// The ensemble's summary from all members' rows, in member order.
Json summarise(const Worlds& worlds, const Scenario& scenario, const EnsembleSpec& spec, const std::vector<double>& rows);

}  // namespace entente::scenario
