#pragma once
// Expected-utility bargaining (Bueno de Mesquita 1994, "Political forecasting: an expected utility
// method", in Bueno de Mesquita & Stokman (eds), European Community Decision Making, Yale UP,
// pp. 71–104; the reading of Scholz, Calbert & Smith 2011, J. Theoretical Politics 23:510–531).
// Actors hold a position on one issue, a capability and a salience. Each round every actor weighs
// challenging every other (the expected utility of a challenge, from its own perspective, with its
// own risk exponent), accepts the least costly offer it believes it must, and moves; the rounds end
// when nobody moves. The forecast is the median voter and the weighted mean of the last positions.
//
// The published replications disagree at several steps; each disputed step is a named option of
// Variant. The model, the variants and their sources: docs/models/bargain.md.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entente::bargain {

struct Actor {
  std::string name;
  double position = 0;
  double capability = 0;  // any non-negative scale: only ratios matter
  double salience = 0;    // 0..1 (the probability it resists a challenge); readers rescale 0–100
};

struct Issue {
  std::string title;                 // TOML `issue`, else the file name
  std::vector<Actor> actors;
  std::string salience_scale = "0-1";  // how the reader read the salience column: "0-1" or "0-100"
  std::vector<std::string> notes;    // what the reader decided (columns matched, line endings)
};
// Throws std::invalid_argument naming the first problem: fewer than two actors, a name used twice,
// a non-finite value, a negative capability, a salience outside 0..1, no actor with c·s > 0.
void check(const Issue& issue);

// ---- Readers (strict: errors read FILE:LINE:COLUMN: found "VALUE", expected WHAT) ----

// CSV as the open replications write it: a header naming a name column (name, actor, stakeholder),
// a capability column (capability, capabilities, resources, power, clout), a position column and a
// salience column (salience, importance), in any order and letter case; other columns are ignored.
// Salience is read on 0–1, or on 0–100 when any value exceeds 1 (then every value must be ≤ 100).
// A file whose lines end in a carriage return alone (old Mac OS) is read line by line.
Issue read_csv(const std::string& file_name, std::string_view text);
// TOML: an optional `issue = "…"`, an optional `salience_scale = 1 | 100` (default: detected as for
// CSV), then one [[actor]] table per actor with name, position, capability, salience (numbers) and
// an optional `source` text, which the reader ignores.
Issue read_toml(const std::string& file_name, std::string_view text);
// By the file name: .toml is TOML, anything else CSV.
Issue read_issue(const std::string& file_name, std::string_view text);

// ---- The disputed steps ----

// The probability that i beats j: Σ_k w_k (|x_k−x_j| − |x_k−x_i|)⁺ / Σ_k w_k ||x_k−x_j| − |x_k−x_i||,
// w_k = c_k s_k. all_actors: k runs over every actor, i and j included (Scholz et al. 2011 and
// both open replications). third_parties: i's and j's own votes, which always back themselves,
// are left out (P = 0.5 when no third party takes a side). net_votes: the numerator is the net vote
// max(0, Σ_k w_k (|x_k−x_j| − |x_k−x_i|)) over the same denominator, so only the side the votes
// favour has a chance (P_ij + P_ji < 1; Masad's 2014 replication).
enum class Probability { all_actors, third_parties, net_votes };
// How far a loser who compromises moves toward the winner j. proportional: x_i += (x_j − x_i)·|EU_i/EU_j|
// (REFERENCE §6; Bueno de Mesquita 1994 as read by Scholz et al.); weighted_mean: to
// (|EU_i| x_i + |EU_j| x_j) / (|EU_i| + |EU_j|), the position the replication of Scholz's code ranks
// compromises by.
enum class Compromise { proportional, weighted_mean };
// Which offer an actor accepts when several others expect to beat it. smallest_move: the one
// nearest its position, whatever its kind (Scholz et al.'s text); by_kind: conflict before
// compromise before capitulation, the nearest within a kind (the replication of Scholz's code).
// strongest_challenge: every actor whose own EU of challenging the receiver (with its own risk
// exponent) is positive challenges it; the receiver answers the challenge of the largest EU (ties:
// the nearest challenger) by its own EU of challenging the challenger, and may stand (an offer of
// kind status_quo, no move) — Masad's 2014 replication.
enum class Choice { smallest_move, by_kind, strongest_challenge };
// The risk exponents r_i: computed each round from the actors' security (REFERENCE §6), or fixed at 1.
enum class Risk { computed, fixed };
// μ in U_b and U_w: the median voter position or the weighted mean.
enum class Centre { median, mean };

struct Variant {
  std::string name = "default";
  Probability probability = Probability::all_actors;
  Compromise compromise = Compromise::proportional;
  Choice choice = Choice::smallest_move;
  Risk risk = Risk::computed;
  Centre centre = Centre::median;
  double q = 1.0;  // probability the status quo holds if i does not challenge
  double t = 1.0;  // probability, if it does not hold, that it moves toward i
};
// A named variant, optionally followed by overrides: "default", "fixed-risk",
// "third-parties", "weighted-compromise", "by-kind", "status-quo-half", "masad-2014", or e.g.
// "default,risk=fixed,q=0.5". Throws std::invalid_argument naming the choices.
Variant variant_by_name(std::string_view spec);
std::vector<std::string> variant_names();
std::string_view to_string(Probability v);
std::string_view to_string(Compromise v);
std::string_view to_string(Choice v);
std::string_view to_string(Risk v);
std::string_view to_string(Centre v);

// ---- One round's pieces ----

// The position that wins every pairwise vote, a vote for y over z counting c_k s_k (|x_k−z| − |x_k−y|):
// on one dimension this is the c·s-weighted median (ties: the lowest such position).
double median_voter(const std::vector<double>& positions, const std::vector<double>& weights);
// Σ c s x / Σ c s.
double weighted_mean(const std::vector<double>& positions, const std::vector<double>& weights);

enum class Outcome { status_quo, conflict, compromise, capitulation };
std::string_view to_string(Outcome o);

// How one actor (the viewer, with its risk exponent) sees its dyad with another.
struct View {
  double eu_own = 0;    // EU of the viewer challenging the other
  double eu_other = 0;  // EU of the other challenging the viewer, as the viewer estimates it
  Outcome outcome = Outcome::status_quo;
  // Who expects to gain: 0 nobody (status quo), 1 the viewer, 2 the other. In a compromise or a
  // capitulation the one who does not gain is the one who moves.
  int gainer = 0;
};
View classify(double eu_own, double eu_other);

struct Offer {
  std::size_t from = 0;  // the actor who expects to gain (strongest_challenge: the challenger)
  Outcome kind = Outcome::conflict;
  double position = 0;   // where the receiver would move
  double eu_own = 0, eu_other = 0;  // the receiver's view
};

struct ActorRound {
  std::size_t actor = 0;
  double position = 0;        // at the start of the round
  double risk_exponent = 1;
  // Every actor that the receiver believes beats it; under strongest_challenge every challenge.
  std::vector<Offer> offers;
  // Index into offers; under strongest_challenge the challenge answered (kind status_quo: it stood).
  std::optional<std::size_t> accepted;
  double new_position = 0;
};

struct Dyad {
  std::size_t a = 0, b = 0;  // a < b
  View a_view, b_view;
};

struct Round {
  int round = 0;                  // 1, 2, …
  std::vector<double> positions;  // at the start of the round
  double median = 0;              // of those positions
  double mean = 0;
  double largest_move = 0;        // of the moves this round
  // How many actors moved, and by the kind of offer they accepted (kept with or without details).
  int moved = 0, conflict = 0, compromise = 0, capitulation = 0;
  std::vector<ActorRound> actors;  // empty unless Options::details
  std::vector<Dyad> dyads;         // empty unless Options::details
};

enum class Stop { converged, round_limit };
std::string_view to_string(Stop s);

struct Options {
  int max_rounds = 1000;
  // Converged when no actor moves farther than tolerance × the issue's range in a round.
  double tolerance = 1e-4;
  bool details = true;  // keep each round's offers and dyads (O(n²) per round)
};

struct Forecast {
  std::vector<double> positions;
  double median = 0;
  double mean = 0;
};

struct Result {
  Variant variant;
  Options options;
  double range = 0;  // x_max − x_min of the starting positions, the scale of every utility
  std::vector<Round> rounds;
  Stop stopped = Stop::converged;
  Forecast forecast;
};

// The model of REFERENCE §6 under `variant`, from the issue's positions until the stopping rule.
Result run(const Issue& issue, const Variant& variant = {}, const Options& options = {});

// P that i beats j for the current positions (exposed for tests), by the variant's rule.
double probability(const std::vector<double>& positions, const std::vector<double>& weights, std::size_t i,
                   std::size_t j, Probability rule);

// ---- Perceptions as a signed network ----

// A dyad's sign from both actors' views of one round: −1 when both expect a conflict (each view
// has both sides expecting a challenge to pay: in Bueno de Mesquita's terms both are ready to
// fight), +1 when at least one expects the status quo, a compromise or a capitulation (a
// settlement without a fight). Dyads of equal positions have nothing to bargain over and no edge.
int dyad_sign(const Dyad& dyad);
// report::bargain_signed_edges writes a round's signs as the edge list `entente balance --edges` reads.

// ---- Ensembles over noisy inputs ----

struct Noise {
  double position = 0.05;    // SD of a normal shift, as a share of the issue's range (then clamped to it)
  double capability = 0.2;   // SD of a log-normal factor
  double salience = 0.05;    // SD of a normal shift (then clamped to 0..1)
};
struct MemberForecast {
  double median = 0, mean = 0;
  int rounds = 0;
  bool converged = false;
  std::vector<double> positions;  // final
};
// Member m perturbs the issue with its own generator seeded from (seed, m) and runs the model
// without details; members run on `threads` threads (0: one per core) and are returned in member
// order, so the result depends on the seed and the count only.
std::vector<MemberForecast> ensemble(const Issue& issue, const Variant& variant, const Options& options,
                                     const Noise& noise, std::uint64_t members, std::uint64_t seed, unsigned threads);
Issue perturbed(const Issue& issue, const Noise& noise, std::uint64_t member_seed);

}  // namespace entente::bargain
