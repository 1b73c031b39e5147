#pragma once
// One-dimensional ideal points of the states voting in one year of UN General Assembly roll
// calls: the binary probit item-response model fitted by the EM algorithm of Imai, Lo & Olmsted
// (2016), with a lopsided-vote filter, a minimum number of votes per state, a deterministic start
// and the year's scale fixed to mean 0, SD 1 with the United States positive. Plain values in,
// plain values out; the formulas and the choices are in docs/models/idealpoints.md.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace entente::idealpoint {

// Voeten's vote codes.
inline constexpr std::int8_t kYes = 1, kAbstain = 2, kNo = 3, kAbsent = 8, kNonMember = 9, kNoRecord = 0;

// How an abstention enters the binary model. `no` (yes against everything else) fits the
// Bailey–Strezhnev–Voeten estimates best on the Voeten files; see docs/models/idealpoints.md.
enum class Abstention { no, missing };

struct Options {
  Abstention abstention = Abstention::no;
  // A roll call is dropped when its minority (the smaller of yes and not-yes among usable votes)
  // is below this share, as W-NOMINATE's `lop` does: near-unanimous votes say little about
  // positions and make the probit's item parameters run off to infinity.
  double lopsided_cutoff = 0.025;
  // A state needs this many usable votes on the kept roll calls to get an ideal point.
  int min_votes = 10;
  // Prior variance of each roll call's intercept and slope, (α_j, β_j) ~ N(0, v I); the ideal
  // points' prior is N(0, 1). With the flatter N(0, 25) of the emIRT package's examples (Imai,
  // Lo & Olmsted) the mode of a year with few roll calls is carried by steep slopes and a few
  // extreme states, far from the Bailey–Strezhnev–Voeten estimates, and EM needs up to 1,731
  // steps to reach it; v = 1 keeps the slopes moderate (figures in docs/models/idealpoints.md).
  double item_prior_variance = 1.0;
  // Stops when no ideal point moved more than this in one accelerated cycle (before the year's
  // scale is fixed), or after max_iterations EM steps (then not converged).
  double tolerance = 1e-4;
  int max_iterations = 5000;
};

// What an estimate says about the fit as a whole.
struct Fit {
  std::size_t rollcalls_kept = 0;  // after the lopsided filter
  std::size_t states_estimated = 0;
  int iterations = 0;  // EM steps taken, accelerated cycles counting three
  bool converged = false;
  // The state whose ideal point the sign rule made positive: the United States (2), else the
  // first of the fallbacks that has one (kSignAnchors); 0 when none has (sign as estimated).
  int sign_anchor = 0;
};

// The sign rule's states, in order: the United States, then the United Kingdom, France, Canada.
inline constexpr int kSignAnchors[] = {2, 200, 220, 20};

struct Estimate {
  std::vector<double> idealpoint;  // per state, in input order; NaN when too few usable votes
  std::vector<int> votes;          // usable votes per state on the kept roll calls
  Fit fit;
};

// One year's votes: `votes[i * rollcalls + j]` is state i's Voeten code on roll call j, states
// named by `ccodes` (COW codes). Any code other than yes, abstain and no is missing.
Estimate estimate(std::span<const int> ccodes, std::size_t rollcalls, std::span<const std::int8_t> votes,
                  const Options& options = {});

}  // namespace entente::idealpoint
