#pragma once
// Blocs: k-way partitions of a signed graph under Doreian & Mrvar's relaxed balance criterion
// P(C) = α·(negative edges inside blocs) + (1−α)·(positive edges between blocs), and the tracking
// of blocs from one year (or window) to the next: who switched sides, and when.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/balance/signed_graph.hpp"

namespace entente::balance {

struct BlocOptions {
  int k = 2;
  double alpha = 0.5;  // 0 < α < 1; read to three decimals
  int restarts = 100;  // random starts of the relocation search (k > 2)
  std::uint64_t seed = 1;
  std::optional<double> time_limit_seconds;  // for the exact two-bloc search
  // Set (by a Ctrl-C handler) to stop the exact two-bloc search as the time limit does: the best
  // split so far, not proven (optimal = false). Null: never.
  const std::atomic<bool>* interrupt = nullptr;
};

struct Blocs {
  std::vector<int> bloc;  // 0..k−1 per node; −1 for a node without edges (unaligned)
  int k = 2;
  double criterion = 0;   // P(C)
  long long negative_inside = 0, positive_between = 0;
  bool optimal = false;   // true when P(C) is proven minimal (two blocs, solved with a proof); the
                          // name balance's frustration index uses for the same fact
  double lower_bound = 0; // of P(C), when optimal or time-limited; equals criterion when optimal
};

// Two blocs are the frustration index under the costs α and 1−α, solved exactly. More than two
// are found by Doreian and Mrvar's relocation search from seeded random starts (and from the
// exact two-bloc split): moves of one node to another bloc while P(C) falls; never proven optimal.
// `prior` (a bloc per node, −1 for none) breaks ties: among partitions of equal P(C) the one
// that moves the fewest nodes away from their prior bloc wins, exactly for two blocs (the prior
// becomes edges to an anchor node, all together cheaper than any change of P(C)), and for more as
// an extra start and the tie-break among equal P(C), counted after relabelling to the prior. Without it, which of several equally good partitions is returned is arbitrary.
Blocs find_blocs(const SignedGraph& g, const BlocOptions& options = {}, const std::vector<int>* prior = nullptr);

// Blocs period by period. Each period's blocs are found with the previous period's as the prior,
// so a state is reported as switching sides only when staying would make the partition worse;
// the blocs are then relabelled so each keeps the label of the previous period's bloc it overlaps
// most (the assignment of labels that maximises the total overlap).
struct Switch {
  std::size_t period = 0;  // index into the periods
  std::string node;
  int from = 0, to = 0;    // bloc labels, 1-based
};
struct BlocTrack {
  std::vector<std::string> labels;               // the periods' labels
  std::vector<std::vector<std::string>> nodes;   // each period's node names
  std::vector<Blocs> blocs;                      // bloc numbers relabelled (0-based as in Blocs)
  std::vector<Switch> switches;
};
BlocTrack track_blocs(const std::vector<SignedGraph>& periods, const BlocOptions& options = {});

}  // namespace entente::balance
