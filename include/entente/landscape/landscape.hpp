#pragma once
// Landscape theory of aggregation (Axelrod & Bennett 1993, BJPS 23:211–233): actors of sizes s_i
// with symmetric propensities p_ij (> 0: they want to be together) split into two sides; an
// alignment's energy counts the propensity each actor forgoes, and the predicted alignments are the
// local minima under single-actor moves, each with the basin of configurations that descend to it.
// It is a zero-field Ising spin glass with couplings J_ij = s_i s_j p_ij (Galam 1996).
// The model, the algorithm and the data-built propensities: docs/models/landscape.md.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/stance/actor_evidence.hpp"
#include "entente/stance/stance.hpp"

namespace entente::landscape {

struct Instance {
  std::vector<std::string> names;   // the actors, as reported
  std::vector<std::string> labels;  // the propensity source's labels (equal to names unless matched by position)
  std::vector<double> sizes;        // s_i > 0
  std::vector<double> propensity;   // n×n row-major, symmetric, zero diagonal
  std::size_t n() const noexcept { return sizes.size(); }
  double p(std::size_t i, std::size_t j) const { return propensity[i * n() + j]; }
  double coupling(std::size_t i, std::size_t j) const { return sizes[i] * sizes[j] * p(i, j); }
};
// Throws std::invalid_argument naming the first problem: fewer than two actors, a size not > 0, a
// non-finite or asymmetric propensity, a non-zero diagonal, names and sizes of different lengths.
void check(const Instance& instance);

// Which side each actor is on (0 or 1). An alignment and its mirror image are the same alignment.
using Alignment = std::vector<std::uint8_t>;

// E(X) = Σ_i Σ_{j≠i} s_i s_j p_ij d_ij(X) over ORDERED pairs: each cross-side pair counts twice
// (the paper's footnote 2), so E = Σ_i F_i.
double energy(const Instance& instance, const Alignment& sides);
// F_i = Σ_j s_i s_j p_ij d_ij(X): what actor i forgoes by being apart from the others.
std::vector<double> frustration(const Instance& instance, const Alignment& sides);
// The mirror image with actor 0 on side 0, the form results are reported in.
Alignment normalised(Alignment sides);
// Lexicographic order for maps and sets of alignments, by a plain loop: GCC 12 warns falsely
// (-Wstringop-overread) about the memcmp behind std::vector<std::uint8_t>'s own order at -O3.
struct AlignmentLess {
  bool operator()(const Alignment& a, const Alignment& b) const {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
      if (a[i] != b[i]) return a[i] < b[i];
    return a.size() < b.size();
  }
};

// Exact analysis enumerates 2^(n−1) configurations and keeps one byte for each (512 MiB for 30
// actors, 8 GiB for 34), plus a side array of 2 or 4 bytes each when there are more than 214
// minima: always up to kExactActors actors, up to kExactActorsMax when the machine's memory allows
// (one byte per configuration within half of it; the side array too, when it is needed).
inline constexpr std::size_t kExactActors = 30;
inline constexpr std::size_t kExactActorsMax = 34;

struct Minimum {
  Alignment sides;          // normalised: actor 0 on side 0
  double energy = 0;        // recomputed from the instance, not from the search's integers
  std::uint64_t basin = 0;  // exact: configurations whose steepest descent ends here; heuristic: starts
  double share = 0;         // basin / configurations (exact) or / starts (heuristic)
};

struct Landscape {
  bool exhaustive = true;          // false for the heuristic: minima with unvisited basins are missing
  std::uint64_t configurations = 0;  // 2^(n−1), the distinct alignments
  std::uint64_t starts = 0;          // heuristic: random starting configurations
  std::uint64_t seed = 0;            // heuristic: the seed they came from
  std::vector<Minimum> minima;       // by energy, then basin (largest first), then alignment
};

struct ExactOptions {
  unsigned threads = 0;  // 0: one per core
};
// Every local minimum under single-actor moves (no move strictly lowers the energy) and its basin
// of attraction: the configurations whose steepest descent (the move with the largest strict
// decrease; ties to the lowest actor index) ends there. Throws std::invalid_argument for more
// actors than the exact limit, pointing to heuristic().
Landscape exact(const Instance& instance, const ExactOptions& options = {});

struct HeuristicOptions {
  std::uint64_t seed = 1;
  std::uint64_t starts = 100000;
  unsigned threads = 0;  // 0: one per core; the result does not depend on it
};
// Beyond the exact limit: steepest descent (the same rule as exact()) from `starts` uniformly random
// configurations drawn from `seed`. Not exhaustive: it reports the minima found and the share of
// starts that reached each, an estimate of the basin share (standard error √(p(1−p)/starts)).
Landscape heuristic(const Instance& instance, const HeuristicOptions& options);

// ---- Reading an instance from files ----

// A sizes table: a header with an actor column ("actor" or "name") and a size column ("size" or
// "strength"), any others ignored; one actor per row, sizes > 0, names unique.
struct Sizes {
  std::vector<std::string> names;
  std::vector<double> sizes;
};
Sizes read_sizes(const std::string& file_name, std::string_view text);

// A propensity matrix: a first row of a corner cell then the column labels; each row its label
// (the same as the column's, in the same order) then its values, propensity = value − offset (expert
// ratings 1–5 with offset 3 give −2…+2). The diagonal is ignored and may be empty. The matrix
// must be symmetric; an error names the cell that differs from its mirror.
struct PropensityMatrix {
  std::vector<std::string> labels;
  std::vector<double> values;  // n×n, zero diagonal
};
PropensityMatrix read_propensities(const std::string& file_name, std::string_view text, double offset = 0);

// Sizes and propensities as one instance: by name when the matrix labels are the sizes' names (in
// any order); otherwise by position only when `by_position` is asked for and the counts agree (the
// result says so, and both labels are kept), else std::invalid_argument naming the unmatched
// actors. Different counts are an error.
struct Matched {
  Instance instance;
  bool by_position = false;
  std::string note;  // how the actors were matched, in words
};
Matched match(const Sizes& sizes, const PropensityMatrix& matrix, const std::string& sizes_file,
              const std::string& matrix_file, bool by_position = false);

// ---- Building an instance from a year's evidence ----

// Each evidence component is a value in [−1, 1] times a weight; a pair's propensity is their sum.
// Missing evidence contributes 0 and is reported. The defaults, explained in
// docs/models/landscape.md.
enum class Component { alliance, un_alignment, disputes, rivalry, democracy, contiguity, past_wars };
inline constexpr std::size_t kComponents = 7;
std::string_view to_string(Component c);
struct PropensityWeights {
  double alliance = 1.0;      // +1 alliance, +0.5 entente, 0 none: the profile's partnership rules
  double un_alignment = 1.0;  // 1 − ideal-point distance (SDs), or 2 × agreement − 1 on joint UN roll calls
                              // (at least min_joint_votes): whichever the profile's alignment rule reads
  double disputes = 1.0;      // −1 war or MID with force (hostility 4–5), −0.5 lesser MID, 0 none
  double rivalry = 1.0;       // −1 strategic rivalry (either dataset), 0 none
  double democracy = 0.5;     // 1 − |polity2_i − polity2_j| / 10
  double contiguity = 0.25;   // −1 direct land contiguity, 0 otherwise
  double past_wars = 1.0;     // −1 opposite sides of a COW inter-state war in the `war_memory` years before
  int min_joint_votes = 10;
  int war_memory = 25;        // years; Axelrod & Bennett's "recent wars" reach back to the First World War
  double weight(Component c) const;
};
struct PairEvidence {
  std::size_t a = 0, b = 0;  // positions in the instance
  double propensity = 0;
  std::array<std::optional<double>, kComponents> value{};  // unweighted component; nullopt when missing
  std::vector<std::string> missing;                         // why each missing component is missing
};
struct WorldInstance {
  Instance instance;
  std::vector<PairEvidence> pairs;  // a < b
};
// Sizes are CINC scores (an actor without a positive CINC is an error); `names` name the actors of
// `evidence` in order. The alliance, UN-agreement, dispute and rivalry components read the stance
// model's facts and the alliance component its partnership rules under `profile`, so the landscape
// and the stance graph never disagree about a treaty. Without a war memory in `evidence`, the
// past_wars component is missing.
WorldInstance from_evidence(const stance::ActorEvidence& evidence, const std::vector<std::string>& names,
                            const stance::Profile& profile, const PropensityWeights& weights = {});

}  // namespace entente::landscape
