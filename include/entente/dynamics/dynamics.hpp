#pragma once
// How a system of states evolves after a shock: three dynamics that move a set of relations (or
// of sides) toward a stable state, run many times from the same start to see which end states
// are likely and how long they take.
//
// - Local triad dynamics (Antal, Krapivsky & Redner 2005, 2006): signed ties on a complete graph;
//   an imbalanced triangle is picked at random and one of its ties changes sign.
// - Continuous dynamics (Kułakowski, Gawroński & Gronek 2005): real-valued ties that grow or
//   shrink with the ties they share through third parties.
// - Myopic moves on a landscape (Axelrod & Bennett 1993): actors change side one at a time while
//   that lowers their own frustration.
// The models, formulas and measured speeds: docs/models/dynamics.md.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "entente/landscape/landscape.hpp"

namespace entente::dynamics {

// A complete signed graph over n actors: sign[i*n+j] is +1 (amity) or −1 (enmity), symmetric,
// with a zero diagonal.
struct SignMatrix {
  std::size_t n = 0;
  std::vector<std::int8_t> sign;
  int at(std::size_t i, std::size_t j) const { return sign[i * n + j]; }
};
// Throws std::invalid_argument naming the first problem: a size other than n×n, a sign other than
// ±1 off the diagonal, a non-zero diagonal, an asymmetric pair.
void check(const SignMatrix& signs);

// From symmetric signed weights (n×n, e.g. a year's stance weights): a weight below zero is
// enmity (−1), anything else amity (+1). A neutral tie (weight 0) counts as amity, as in the
// strategic-triangle model: enmity is active antagonism. The diagonal is ignored. Throws
// std::invalid_argument for a size other than n×n, a non-finite or an asymmetric weight.
SignMatrix signs_of(const std::vector<double>& weight, std::size_t n);

// Every tie independently friendly with probability `friendly`, from `seed` (the uncorrelated
// starts of Antal et al.): friendly = 0 is the all-hostile start.
SignMatrix random_signs(std::size_t n, double friendly, std::uint64_t seed);

// Structural balance (Heider 1946; Cartwright & Harary 1956): every triangle has an even number
// of negative ties. O(n²): a complete graph is balanced exactly when every triangle through actor
// 0 is, i.e. when s_ij = s_0i · s_0j for all i, j.
bool balanced(const SignMatrix& signs);
// The number of triangles with an odd number (1 or 3) of negative ties. O(n³).
std::size_t imbalanced_triads(const SignMatrix& signs);
// The two factions of a balanced graph (Cartwright & Harary's structure theorem): actor 0 on side
// 0, and each other actor on side 0 when friendly with actor 0, side 1 when hostile. All zeros
// is "paradise" (one faction). Empty when the graph is not balanced.
std::vector<std::uint8_t> factions(const SignMatrix& signs);

// One run of a dynamics.
struct Outcome {
  bool settled = false;  // reached a balanced (triads, continuous) / stable (myopic) state in time
  // The end state's factions, normalised (actor 0 on side 0); all 0 is paradise (one faction).
  // Triads and continuous: empty when not settled, since imbalanced signs have no factions.
  // Myopic: the alignment where the run stopped, settled or not.
  std::vector<std::uint8_t> sides;
  double time = 0;          // triads: Antal et al.'s time; continuous: model time; myopic: moves
  std::uint64_t steps = 0;  // triads: updates; continuous: integration steps; myopic: moves
  bool jammed = false;      // continuous: stopped in an unbalanced state no sign can leave
};

// ---- Local triad dynamics (Antal, Krapivsky & Redner 2005, Phys. Rev. E 72:036121) ----
// Each update picks an imbalanced triad uniformly at random. With one negative tie: with
// probability p that tie turns positive, otherwise one of its two positive ties (chosen at
// random) turns negative. With three negative ties: one of them (at random) turns positive.
// Repeats until no triad is imbalanced or max_updates. Time is Antal et al.'s: L = n(n−1)/2 draws
// of a triad per unit of time, among all C(n,3) triads, of which only the imbalanced ones change
// anything. The run draws among the imbalanced triads only and counts each update as the expected
// number of draws it stands for: time = Σ over updates of C(n,3) / (I · L), with I the number of
// imbalanced triads before the update. (Outcome.steps / L is the plain updates-per-link count.)
struct TriadOptions {
  double p = 0.5;                        // in [0, 1]
  std::uint64_t max_updates = 1'000'000;
};
// At most kTriadActorsMax actors (more than the world's states): the run keeps a 4-byte index
// entry for each of the n(n−1)(n−2)/6 triads and 12 bytes for each imbalanced one, under 50 MB at
// the limit. Throws std::invalid_argument for more actors, for an invalid matrix (check()) or for
// p outside [0, 1].
inline constexpr std::size_t kTriadActorsMax = 256;
// `end`, when given, receives the signs where the run stopped.
Outcome local_triad_dynamics(SignMatrix start, const TriadOptions& options, std::uint64_t seed,
                             SignMatrix* end = nullptr);

// ---- Continuous dynamics (Kułakowski, Gawroński & Gronek 2005, Int. J. Mod. Phys. C 16:707) ----
// Real ties x_ij in (−1, 1) with dx_ij/dt = (1 − x_ij²) Σ_{k≠i,j} x_ik x_kj. The run integrates the
// same equation written for y_ij = artanh x_ij, dy_ij/dt = Σ_k x_ik x_kj (exact, and free of the
// precision loss near ±1), by the classical fourth-order Runge–Kutta method with a fixed step dt.
// The start is x_ij = (1 − noise) w_ij + noise u_ij, with u_ij uniform in (−1, 1) from the seed:
// inside the open interval for noise > 0 even where w = ±1, and a neutral 0 gets a small random
// sign. The signs (x < 0: enmity, otherwise amity) are followed after every step:
// - settled: the signs are balanced and have not changed for `settle` units of time (balanced
//   signs never change again, in the exact flow and in the integration alike; the wait is a guard);
// - jammed: every tie is so close to ±1 and so supported by its third parties that no sign can
//   change again, yet the signs are not balanced (not settled; the run stops there);
// - otherwise the run stops unsettled at t_max.
// Outcome.time is when the signs last changed (0 when they never did); at t_max, t_max.
inline constexpr double kContinuousStepLimit = 3.0;  // dt · (n − 2) at most this (stability; docs)
struct ContinuousOptions {
  double dt = 0.01;      // > 0, and dt · (n − 2) ≤ kContinuousStepLimit
  double t_max = 50;     // ≥ 0
  double noise = 1e-3;   // in [0, 1]
  double settle = 0.1;   // ≥ 0
};
// Weights: n×n, symmetric, finite, each in [−1, 1]; the diagonal is ignored. Throws
// std::invalid_argument naming the first problem with them or with the options.
Outcome continuous_dynamics(const std::vector<double>& weight, std::size_t n, const ContinuousOptions& options,
                            std::uint64_t seed);

// ---- Myopic moves on a landscape (Axelrod & Bennett 1993, Br. J. Polit. Sci. 23:211) ----
// From `start`, rounds in which the actors, in a fresh random order each round, change side one at
// a time when that strictly lowers their own frustration F_i (equivalently the energy, which
// falls by twice as much). Stops when a whole round has no move (a local minimum of
// landscape::energy: settled) or after max_moves moves (not settled). Each move lowers the energy,
// so a run always ends; max_moves only bounds its cost. Time and steps count moves. Moves are
// decided on the landscape search's exact integer couplings (landscape/fields.hpp), so a run
// ends at one of the minima landscape::exact() reports. Throws std::invalid_argument for an
// invalid instance (landscape::check) or a start that is not n sides of 0 or 1.
Outcome myopic_moves(const landscape::Instance& instance, landscape::Alignment start, std::uint64_t seed,
                     std::uint64_t max_moves = 1'000'000);

// ---- Summaries over many runs ----
struct EndState {
  std::vector<std::uint8_t> sides;  // empty for the unsettled entry
  bool settled = true;              // false: every run that did not settle, as one entry
  std::uint64_t runs = 0;
  double mean_time = 0, max_time = 0;
};
// Each distinct end state of the settled runs, and one entry for all the unsettled runs (if any),
// with how many runs reached it and the mean and largest Outcome.time among them; ordered by
// runs (most first), then settled before unsettled, then sides (lexicographically).
std::vector<EndState> end_states(const std::vector<Outcome>& runs);

}  // namespace entente::dynamics
