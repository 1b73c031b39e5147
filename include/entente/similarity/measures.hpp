#pragma once
// Similarity of two states' foreign-policy portfolios or UN votes (REFERENCE.md §1).
//
// A "portfolio" is a state's row of ties to every state of the system: x[k] is state i's
// position towards item k (the k-th state, or the k-th roll call) and y[k] is state j's position
// towards the same item. The measures here compare two such vectors:
//
//   s_score / s_score_weighted   Signorino & Ritter (1999) S
//   kendall_tau_b                Bueno de Mesquita (1975) τ_b
//   hage_pi / hage_kappa         Häge (2011) chance-corrected π and κ (quadratic distances)
//   scott_pi_nominal             Scott's π with each distinct value a nominal category
//   un_agreement                 share of roll calls on which two states voted the same
//
// Conventions shared by every function that takes two double vectors:
//
// * x and y must have the same length (and w, when given); otherwise std::invalid_argument.
// * Pairwise deletion: an item k where x[k] or y[k] is NaN is dropped from *every* sum of that
//   call, as if it were not in the vectors. N below always means the number of items kept. NaN is
//   the only missing-value marker; ±infinity is an ordinary (and unhelpful) value.
// * A measure that is undefined returns quiet NaN (std::numeric_limits<double>::quiet_NaN());
//   each function lists its cases. Invalid *arguments* (sizes, Δ ≤ 0, negative weights, unknown
//   vote codes) throw std::invalid_argument instead, since they are the caller's mistake.
// * The functions take the vectors as given and neither add nor remove items. In particular, the
//   pair's own rows belong in the portfolio: under Signorino & Ritter's valuation a state is
//   valued 3 with itself, so for Germany vs Russia 1914 the item list holds GMY and RUS, with
//   GMY = (3, 0) and RUS = (0, 3). The published values of REFERENCE.md §1 (τ_b 0.03031695,
//   S 0.4 and 0.4444444, κ −0.07758621, Scott's π −0.04477612) come out exactly with that reading:
//   all 20 states of Signorino & Ritter's Table 6, both of the pair's own rows included, N = 20,
//   w_k = 1/20. Dropping the two own rows (N = 18) gives other values (e.g. τ_b 0.174, κ 0.030).
// * Speed: s_score, s_score_weighted, kendall_tau_b, hage_pi, hage_kappa, scott_pi_nominal and
//   un_agreement never allocate (except to build the exception on invalid arguments). They are
//   meant to be called about a million times per run on vectors of ~200 items. kendall_tau_b and
//   scott_pi_nominal are O(N) when each vector has at most 16 distinct values (alliance levels
//   have 4, votes 3) and O(N²) beyond; everything else is one or two linear passes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace entente::similarity {

// Options of Signorino & Ritter's S.
struct SOptions {
  // Δ = max − min of the scale on which x and y are measured: 3 for valued alliances (0 none,
  // 1 entente, 2 neutrality/non-aggression, 3 defence pact), 1 for binary ties, 2 for votes on a
  // 3-point yes/abstain/no scale. Must be finite and > 0 (std::invalid_argument otherwise).
  // Values further apart than Δ are not checked; they push S below −1.
  double range = 3.0;
  // false: absolute distances |x−y|/Δ; true: squared distances (x−y)²/Δ².
  bool squared = false;
};

// Signorino & Ritter's (1999) S, unweighted (w_k = 1/N over the N kept items):
//
//   S = 1 − 2·d/d_max,  d = Σ_k w_k |x_k − y_k| / Δ,  d_max = Σ_k w_k
//   squared variant: S = 1 − 2·Σ_k w_k (x_k − y_k)² / (Δ² Σ_k w_k)
//
// Why: Signorino & Ritter measure the distance between the two portfolios in the N-dimensional
// policy space, each coordinate scaled by the scale's range Δ so that every per-item distance lies
// in [0, 1]; dividing by the largest possible distance d_max makes d a share in [0, 1], and
// 1 − 2·share maps it onto [−1, 1]: 1 when the portfolios coincide, −1 when they are at opposite
// ends of the scale on every item. Unlike τ_b, S compares the *levels* of the positions, not their
// ranks, so two states with no ties but to themselves score close to 1 — the property Häge (2011)
// criticises and corrects with π and κ below.
//
// NaN when no item is kept (N = 0).
double s_score(std::span<const double> x, std::span<const double> y, const SOptions& options);

// S with weights w_k (Signorino & Ritter's capability-weighted S: w_k = state k's CINC share).
// Same formula as s_score; d_max = Σ w_k over the kept items, so the weights need not sum to 1 and
// stay correctly normalised after pairwise deletion. An item whose weight is NaN is dropped like
// an item with a NaN position. Weights must be finite and ≥ 0 (std::invalid_argument otherwise).
// With all weights equal it returns s_score's value.
//
// NaN when the kept weights sum to 0 (including N = 0).
double s_score_weighted(std::span<const double> x, std::span<const double> y, std::span<const double> w,
                        const SOptions& options);

// Kendall's τ_b over the pairs of kept items (Bueno de Mesquita 1975, the alliance-portfolio
// measure S was designed to replace):
//
//   τ_b = (n_c − n_d) / √((n_0 − n_1)(n_0 − n_2))
//
// n_c / n_d: concordant / discordant item pairs; n_0 = N(N−1)/2; n_1, n_2: pairs tied in x, in y.
// τ_b rather than τ_a because portfolios are mostly ties (most states have no alliance with most
// others); τ_b's denominator discounts them. Signorino & Ritter (1999) point out that it measures
// association of ranks, not similarity: it is unaffected by shifting one portfolio up a level.
// No allocation. When x and y each take at most 16 distinct values (kept items only) the counts
// come from their contingency table on the stack, O(N + L²); otherwise from every item pair, O(N²)
// (≈20 000 comparisons at N = 200, some 50 µs). Both give the same value.
//
// NaN when N < 2 or when either vector is constant over the kept items (n_0 = n_1 or n_0 = n_2).
double kendall_tau_b(std::span<const double> x, std::span<const double> y);

// Häge's (2011) π (Scott's π with quadratic distances):
//
//   π = 1 − Σ(x−y)² / [Σ(x−m̄)² + Σ(y−m̄)²],  m̄ = (x̄ + ȳ)/2
//
// Why: Häge shows that S does not correct for the agreement expected by chance — two states with
// few ties agree on most items just because both are mostly 0. π compares the observed squared
// disagreement with the disagreement expected if each state's positions were drawn from the
// *pooled* distribution of both states (mean m̄), so π = 0 is chance agreement, 1 is identity,
// and negative values are worse than chance. It is invariant to Δ, so no range is needed.
//
// NaN when N = 0, or when every kept x and y has one and the same value (0/0: nothing varies).
// Two different constant vectors give −1.
double hage_pi(std::span<const double> x, std::span<const double> y);

// Häge's (2011) κ (Cohen's κ with quadratic weights; Lin's concordance coefficient):
//
//   κ = 1 − Σ(x−y)² / [Σ(x−x̄)² + Σ(y−ȳ)² + N(x̄−ȳ)²]
//
// Why: like π, but chance agreement uses each state's *own* distribution of positions (Cohen)
// rather than the pooled one (Scott). The denominator is N times the expected squared difference
// when x and y are paired at random: Σ(x−x̄)² + Σ(y−ȳ)² + N(x̄−ȳ)². A difference in the two states'
// average level of commitment is therefore partly treated as chance, where π treats it as
// disagreement; Häge reports both, and they part when the two states' mean levels differ.
//
// NaN when N = 0, or when every kept x and y has one and the same value. Two different constant
// vectors give 0.
double hage_kappa(std::span<const double> x, std::span<const double> y);

// Scott's π on nominal categories (each distinct value of x or y is a category; values are
// compared exactly, so pass integer codes such as alliance levels 0–3):
//
//   π = (p_o − Σ_l p̄_l²) / (1 − Σ_l p̄_l²)
//
// p_o: share of kept items with x_k == y_k; p̄_l: share of category l among the 2N pooled values
// of x and y. The nominal counterpart of Häge's (2011) π: it counts only exact matches, so a
// defence pact against an entente is as much a disagreement as a defence pact against nothing.
//
// NaN when N = 0, or when all 2N kept values fall into a single category (Σ p̄_l² = 1).
double scott_pi_nominal(std::span<const double> x, std::span<const double> y);

// Agreement of two states' UN General Assembly votes, on Voeten's codes:
// 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member.
struct Agreement {
  // full / joint: share of the joint roll calls on which both cast the same vote.
  double agreement;
  // (full + 0.5·half) / joint, the US State Department's "voting coincidence": a roll call on
  // which one state abstained and the other voted yes or no counts as half an agreement.
  double coincidence;
  // Roll calls on which both states voted yes, abstain or no (codes 1–3).
  long long joint;
};

// Roll calls where either state is coded 8 (absent) or 9 (not a member) are dropped; yes vs no
// is a full disagreement. Any other code throws std::invalid_argument naming the roll call's
// index, as does a length mismatch. agreement and coincidence are NaN when joint = 0.
// No allocation.
Agreement un_agreement(std::span<const std::int8_t> votes_a, std::span<const std::int8_t> votes_b);

// A table of portfolios, for `entente similarity --table FILE A B`.
struct PortfolioTable {
  std::vector<std::string> states;          // the items, from the first column, in file order
  std::vector<std::string> columns;         // the actors, from the header after the first column
  std::vector<std::vector<double>> values;  // values[column][row]; NaN where the cell was missing

  // Index into columns/values of the actor named `name`, if present.
  std::optional<std::size_t> find_column(std::string_view name) const noexcept;
};

// Reads a CSV whose first column names the items (states) and whose other columns are the actors'
// positions, like data/gmyrus1914_signorino_ritter_table6.csv:
//
//   state,gmy,rus
//   GMY,3,0
//   RUS,0,3
//   ...
//
// `file_name` is used in error messages only. A cell that is empty, "NA" or "." reads as NaN (a
// missing value, dropped pairwise by the measures). Throws entente::io::ParseError naming
// file:line:column for a cell that is not a number, a row with the wrong number of fields, a
// header without at least one actor column, a repeated actor name (line 1) or a repeated or
// empty item name.
PortfolioTable read_portfolio_table(const std::string& file_name, std::string_view text);

}  // namespace entente::similarity
