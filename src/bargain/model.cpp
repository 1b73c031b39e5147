// The expected-utility model of REFERENCE §6, round by round (docs/models/bargain.md).
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <optional>
#include <stdexcept>

#include "entente/bargain/bargain.hpp"

namespace entente::bargain {

namespace {

// Every actor's vote weight, c·s: how much of its capability it spends on the issue.
std::vector<double> vote_weights(const Issue& issue) {
  std::vector<double> w;
  for (const auto& a : issue.actors) w.push_back(a.capability * a.salience);
  return w;
}

// P for every ordered pair, in O(n²) from the positions sorted once per round. Voter k backs the
// nearer of lo < hi with weight w_k·||x_k − lo| − |x_k − hi||: voters at or below lo back lo with
// w·L (L = hi − lo), voters at or above hi back hi with w·L, voters strictly between back the
// nearer end with w·|lo + hi − 2x| (nobody at the midpoint). With prefix sums of w and w·x each
// pair's votes are a few differences; for a fixed lo the midpoint only grows with hi, so the
// voters below it are found by a pointer that only moves forward.
// The sorted positions and prefix sums win_probabilities builds each round, kept between rounds
// so that a run allocates them once.
struct SortedVotes {
  std::vector<std::size_t> order, group_start, group_end;
  std::vector<double> xs, cum_w, cum_wx;
};

void win_probabilities(const std::vector<double>& x, const std::vector<double>& w, Probability rule,
                       std::vector<double>& p, SortedVotes& sorted) {
  const std::size_t n = x.size();
  auto& order = sorted.order;
  order.resize(n);
  for (std::size_t k = 0; k < n; ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  auto& xs = sorted.xs;
  auto& cum_w = sorted.cum_w;
  auto& cum_wx = sorted.cum_wx;
  xs.resize(n);
  cum_w.assign(n + 1, 0.0);
  cum_wx.assign(n + 1, 0.0);
  for (std::size_t s = 0; s < n; ++s) {
    xs[s] = x[order[s]];
    cum_w[s + 1] = cum_w[s] + w[order[s]];
    cum_wx[s + 1] = cum_wx[s] + w[order[s]] * xs[s];
  }
  // Each sorted slot's group of equal positions: [group_start, group_end).
  auto& group_start = sorted.group_start;
  auto& group_end = sorted.group_end;
  group_start.resize(n);
  group_end.resize(n);
  for (std::size_t s = 0; s < n; ++s) group_start[s] = s > 0 && xs[s] == xs[s - 1] ? group_start[s - 1] : s;
  for (std::size_t s = n; s-- > 0;) group_end[s] = s + 1 < n && xs[s] == xs[s + 1] ? group_end[s + 1] : s + 1;
  auto sum_w = [&](std::size_t from, std::size_t to) { return to > from ? cum_w[to] - cum_w[from] : 0.0; };
  auto sum_wx = [&](std::size_t from, std::size_t to) { return to > from ? cum_wx[to] - cum_wx[from] : 0.0; };

  p.assign(n * n, 0.0);  // equal positions: no contest
  for (std::size_t a = 0; a < n; ++a) {
    const std::size_t i = order[a];
    const double lo = xs[a];
    const std::size_t at_or_below_lo = group_end[a];
    std::size_t below_mid = at_or_below_lo, to_mid = at_or_below_lo;
    for (std::size_t b = at_or_below_lo; b < n; ++b) {
      const std::size_t j = order[b];
      const double hi = xs[b], span = hi - lo, sum = lo + hi, mid = 0.5 * sum;
      while (below_mid < n && xs[below_mid] < mid) ++below_mid;
      while (to_mid < n && xs[to_mid] <= mid) ++to_mid;
      const std::size_t below_hi = group_start[b];
      // at_or_below_lo ≤ below_mid and below_hi < n always, so those ranges need no emptiness test
      // (an empty one's difference is exactly 0); to_mid may pass below_hi when mid rounds up to hi.
      double for_lo = span * cum_w[at_or_below_lo] +
                      std::max(0.0, sum * (cum_w[below_mid] - cum_w[at_or_below_lo]) -
                                        2 * (cum_wx[below_mid] - cum_wx[at_or_below_lo]));
      double for_hi = span * (cum_w[n] - cum_w[below_hi]) +
                      std::max(0.0, 2 * sum_wx(to_mid, below_hi) - sum * sum_w(to_mid, below_hi));
      double total = for_lo + for_hi;
      if (rule == Probability::third_parties) {
        // The contenders' own votes: each backs itself with its weight times L.
        const double all = total;
        for_lo = std::max(0.0, for_lo - w[i] * span);
        for_hi = std::max(0.0, for_hi - w[j] * span);
        total = for_lo + for_hi;
        if (total <= 1e-12 * all) {  // no third party takes a side
          p[i * n + j] = p[j * n + i] = 0.5;
          continue;
        }
      }
      if (rule == Probability::net_votes) {
        // Only the side the net vote favours has a chance: Σ w d over every voter, floored at 0.
        p[i * n + j] = total > 0 ? std::max(0.0, for_lo - for_hi) / total : 0.0;
        p[j * n + i] = total > 0 ? std::max(0.0, for_hi - for_lo) / total : 0.0;
        continue;
      }
      p[i * n + j] = total > 0 ? for_lo / total : 0.5;
      p[j * n + i] = total > 0 ? for_hi / total : 0.5;
    }
  }
}

// 2 − 4·base^r, the utility shape of every term (r = 1 is the common case: no pow).
double shaped(double base, double r) { return 2.0 - 4.0 * (r == 1.0 ? base : std::pow(base, r)); }

// The utilities of a challenge over distance d = |x_c − x_t| / range, with risk exponent r.
struct Stakes {
  double success = 0, failure = 0;
  Stakes(double d, double r) : success(shaped(0.5 - 0.5 * d, r)), failure(shaped(0.5 + 0.5 * d, r)) {}
};

// What the challenger expects if it does not challenge: Q U_sq + (1 − Q)[T U_b + (1 − T) U_w], with
// m = |x_c − μ| / range.
double status_quo_term(double r, double d, double m, const Variant& v, double u_status_quo) {
  double term = v.q * u_status_quo;
  if (v.q < 1.0) {
    const double u_better = shaped(0.5 - 0.25 * (m + d), r);
    const double u_worse = shaped(0.5 + 0.25 * (m + d), r);
    term += (1.0 - v.q) * (v.t * u_better + (1.0 - v.t) * u_worse);
  }
  return term;
}

// The challenger's expected utility of challenging the target:
// EU = s_t [P U_s + (1 − P) U_f] + (1 − s_t) U_s − {Q U_sq + (1 − Q)[T U_b + (1 − T) U_w]}.
double expected_utility(const Stakes& u, double status_quo, double p, double target_salience) {
  return target_salience * (p * u.success + (1.0 - p) * u.failure) + (1.0 - target_salience) * u.success - status_quo;
}

// Everything a round computes once: P for every ordered pair, μ, the range.
struct Field {
  std::size_t n = 0;
  const std::vector<double>* x = nullptr;
  const std::vector<double>* salience = nullptr;
  std::vector<double> p;  // p[i*n+j]: i beats j
  double mu = 0, range = 1;
  // The viewer's estimates of both challenges in its dyad with the other, with the viewer's risk
  // exponent: the two share U_s and U_f (the same distance), so each is computed once.
  // `shape` holds the dyad's logarithms of the success and failure bases, shared by both viewers,
  // and u_sq the viewer's U_sq: pow(b, r) = exp(r log b) then costs one exp per term.
  struct Shape {
    double d = 0, log_success = 0, log_failure = 0;
    explicit Shape(double distance)
        : d(distance), log_success(std::log(0.5 - 0.5 * distance)), log_failure(std::log(0.5 + 0.5 * distance)) {}
  };
  // Once a round, so that risk_exponents and the dyads share them: |x_k − μ| / range for every
  // actor (status_quo_term's m) and, for i < j, distance[i*n+j] = |x_i − x_j| / range.
  std::vector<double> centre_distance, distance;
  void measure_distances() {
    const auto& pos = *x;
    centre_distance.resize(n);
    distance.resize(n * n);
    for (std::size_t k = 0; k < n; ++k) centre_distance[k] = std::abs(pos[k] - mu) / range;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) distance[i * n + j] = std::abs(pos[i] - pos[j]) / range;
  }
  View view(std::size_t viewer, std::size_t other, double r, double u_sq, const Shape& shape, const Variant& v) const {
    const double d = shape.d;
    Stakes u(0, 1);
    u.success = r == 1.0 ? shaped(0.5 - 0.5 * d, 1.0) : 2.0 - 4.0 * std::exp(r * shape.log_success);
    u.failure = r == 1.0 ? shaped(0.5 + 0.5 * d, 1.0) : 2.0 - 4.0 * std::exp(r * shape.log_failure);
    const double own = expected_utility(u, status_quo_term(r, d, centre_distance[viewer], v, u_sq),
                                        p[viewer * n + other], (*salience)[other]);
    const double theirs = expected_utility(u, status_quo_term(r, d, centre_distance[other], v, u_sq),
                                           p[other * n + viewer], (*salience)[viewer]);
    return classify(own, theirs);
  }
};

// R_i = (2 S_i − max S − min S) / (max S − min S), S_k = Σ_{j≠k} EU_j(k) at r = 1: how much the others
// expect to gain by challenging k. r_i = (1 − R_i/3) / (1 + R_i/3) runs from 0.5 (R = 1, the actor the
// others most expect to gain from challenging) to 2 (R = −1, the least threatened). When every S is
// equal, R is undefined and every r is 1.
// At r = 1 no utility needs a power. The sums run over the P matrix's rows (contiguous), each S_k
// adding its terms in challenger order. The closed form of EU at r = 1, 2d(1 − 2 s_k (1 − P_jk))
// when Q = 1, is not used on purpose: it rounds differently, and over hundreds of rounds the model
// amplifies a last-bit difference into other moves (tried: 55 of 416 runs of the reference inputs,
// examples and random issues under every variant changed their rounds).
void risk_exponents(const Field& f, const Variant& v, std::vector<double>& threat, std::vector<double>& r) {
  r.assign(f.n, 1.0);
  if (v.risk == Risk::fixed) return;
  const auto& s = *f.salience;
  const double u_sq = shaped(0.5, 1.0);
  threat.assign(f.n, 0.0);
  const auto& m = f.centre_distance;
  // Each pair once, both challenges: S_k still adds its terms in challenger order (those below k
  // while j = challenger < k runs, then those above it).
  for (std::size_t j = 0; j < f.n; ++j) {
    const double* p_j = &f.p[j * f.n];
    for (std::size_t k = j + 1; k < f.n; ++k) {
      const double d = f.distance[j * f.n + k];
      const Stakes u(d, 1.0);
      threat[k] += expected_utility(u, status_quo_term(1.0, d, m[j], v, u_sq), p_j[k], s[k]);
      threat[j] += expected_utility(u, status_quo_term(1.0, d, m[k], v, u_sq), f.p[k * f.n + j], s[j]);
    }
  }
  const auto [lo, hi] = std::minmax_element(threat.begin(), threat.end());
  const double spread = *hi - *lo;
  if (!(spread > 0)) return;  // everyone equally threatened: risk-neutral
  for (std::size_t i = 0; i < f.n; ++i) {
    const double big_r = (2 * threat[i] - *hi - *lo) / spread;
    r[i] = (1 - big_r / 3) / (1 + big_r / 3);
  }
}

double offer_position(double own, double winner, double eu_own, double eu_winner, Outcome kind, Compromise rule) {
  if (kind != Outcome::compromise) return winner;  // conflict lost, capitulation: all the way
  const double loss = std::abs(eu_own), gain = std::abs(eu_winner);
  if (rule == Compromise::proportional) return own + (winner - own) * (loss / gain);
  return (loss * own + gain * winner) / (loss + gain);
}

int kind_rank(Outcome k) {
  switch (k) {
    case Outcome::conflict: return 0;
    case Outcome::compromise: return 1;
    case Outcome::capitulation: return 2;
    case Outcome::status_quo: break;
  }
  return 3;
}

// How far an offer lies from the receiver at `own`, the distance its choice rule breaks ties by:
// the sender's position under strongest_challenge, else the offered position.
double offer_gap(const Offer& o, const std::vector<double>& x, double own, Choice rule) {
  return std::abs((rule == Choice::strongest_challenge ? x[o.from] : o.position) - own);
}

// Whether the receiver prefers offer a to offer b (b came first), by the variant's choice rule:
// smallest_move the nearer position; by_kind the earlier kind, then the nearer; strongest_challenge
// the larger EU of its sender, then the nearer sender. Ties keep the earlier offer (lower actor index).
// gap_a and gap_b are the offers' offer_gap.
bool preferred(const Offer& a, double gap_a, const Offer& b, double gap_b, Choice rule) {
  if (rule == Choice::strongest_challenge) return a.eu_other > b.eu_other || (a.eu_other == b.eu_other && gap_a < gap_b);
  if (rule == Choice::by_kind && kind_rank(a.kind) != kind_rank(b.kind)) return kind_rank(a.kind) < kind_rank(b.kind);
  return gap_a < gap_b;
}

// The receiver's offers arrive in the order of their senders; it keeps the one it prefers, as it
// comes (without details nothing else of them is kept). The kept offer's gap is kept with it, so
// that each arrival computes one distance, not two.
struct Receiver {
  std::vector<Offer> offers;     // every offer, with details only
  std::optional<std::size_t> accepted;  // into offers, with details
  std::optional<Offer> best;
  double best_gap = 0;
  void receive(const Offer& offer, const std::vector<double>& x, std::size_t self, Choice rule, bool details) {
    const double gap = offer_gap(offer, x, x[self], rule);
    if (!best || preferred(offer, gap, *best, best_gap, rule)) {
      best = offer;
      best_gap = gap;
      if (details) accepted = offers.size();
    }
    if (details) offers.push_back(offer);
  }
  void clear() {
    offers.clear();
    accepted.reset();
    best.reset();
  }
};

// Under strongest_challenge the sender challenges with its own EU, `theirs` (its own risk
// exponent), and the receiver answers by its own EU of challenging the sender, `mine`: it loses a
// conflict when 0 < mine < theirs, compromises when mine < 0 and |mine| < theirs, capitulates when
// mine < 0 and |mine| > theirs, and otherwise stands (the kind status_quo, at its own position).
Offer challenge(std::size_t sender, double own, double sender_position, double mine, double theirs, Compromise rule) {
  Offer offer{sender, Outcome::status_quo, own, mine, theirs};
  if (mine > 0 && mine < theirs) offer.kind = Outcome::conflict;
  else if (mine < 0 && std::abs(mine) < theirs) offer.kind = Outcome::compromise;
  else if (mine < 0 && std::abs(mine) > theirs) offer.kind = Outcome::capitulation;
  if (offer.kind != Outcome::status_quo)
    offer.position = offer_position(own, sender_position, mine, theirs, offer.kind, rule);
  return offer;
}

// What a viewer's view of a dyad means for it as a receiver, when bounds decide it without the
// powers. With Q = 1, EU = 4(B − A)[ρ − s_t(1 − P)] with A = (0.5 − 0.5d)^r, B = (0.5 + 0.5d)^r and
// ρ = (0.5^r − A)/(B − A), which lies between 0.5^r and 0.5 at every distance (0.5 at d → 0, 0.5^r at
// d = 1). So the viewer's own EU has the sign of ρ − α, α = s_other (1 − P_viewer,other), its estimate
// of the other's the sign of ρ − β, β = s_viewer (1 − P_other,viewer), and the outcome compares α, β
// and (α + β)/2 with ρ. When every comparison clears the bounds by a margin the outcome is known;
// otherwise (and for every compromise, whose move needs the EUs) the view is computed in full. The
// margin is far above rounding (EU's rounding error is ~1e-16, its scale ≥ 2.8 d), and distances
// below 1e-6 of the range always take the full computation, so the result is the full one's.
enum class Quick { unknown, no_offer, conflict, capitulation };
constexpr double quick_margin = 1e-6;
constexpr double quick_min_distance = 1e-6;
Quick quick_view(double rho_lo, double rho_hi, double alpha, double beta) {
  const double e = quick_margin;
  if (rho_hi < beta - e) return Quick::no_offer;  // the other expects to lose: no move either way
  if (!(rho_lo > beta + e)) return Quick::unknown;
  if (rho_lo > alpha + e) {  // both expect to gain: a conflict, won by the larger EU
    if (alpha > beta + e) return Quick::conflict;
    if (alpha < beta - e) return Quick::no_offer;
    return Quick::unknown;
  }
  if (rho_hi < alpha - e && rho_hi < 0.5 * (alpha + beta) - e) return Quick::capitulation;
  return Quick::unknown;
}

double range_of(const std::vector<double>& x) {
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  return *hi - *lo;
}

}  // namespace

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::status_quo: return "status_quo";
    case Outcome::conflict: return "conflict";
    case Outcome::compromise: return "compromise";
    case Outcome::capitulation: return "capitulation";
  }
  return "?";
}
std::string_view to_string(Stop s) { return s == Stop::converged ? "converged" : "round_limit"; }

double probability(const std::vector<double>& positions, const std::vector<double>& weights, std::size_t i,
                   std::size_t j, Probability rule) {
  std::vector<double> p;
  SortedVotes sorted;
  win_probabilities(positions, weights, rule, p, sorted);
  return p.at(i * positions.size() + j);
}

double median_voter(const std::vector<double>& positions, const std::vector<double>& weights) {
  // The pairwise vote of y against z is F(z) − F(y), F(y) = Σ w_k |x_k − y|, so the position that
  // wins every vote minimises F; F is evaluated at every position from prefix sums.
  std::vector<std::size_t> order(positions.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; });
  double total_w = 0, total_wx = 0;
  for (std::size_t k = 0; k < positions.size(); ++k) {
    total_w += weights[k];
    total_wx += weights[k] * positions[k];
  }
  double best = positions[order.front()], best_f = std::numeric_limits<double>::infinity();
  double below_w = 0, below_wx = 0;  // voters strictly below the candidate
  for (std::size_t s = 0; s < order.size();) {
    const double y = positions[order[s]];
    double here_w = 0, here_wx = 0;
    std::size_t e = s;
    for (; e < order.size() && positions[order[e]] == y; ++e) {
      here_w += weights[order[e]];
      here_wx += weights[order[e]] * y;
    }
    const double above_w = total_w - below_w - here_w, above_wx = total_wx - below_wx - here_wx;
    const double f = (y * below_w - below_wx) + (above_wx - y * above_w);
    // A tie within rounding goes to the lower position.
    if (s == 0 || f < best_f - 1e-12 * (std::abs(best_f) + 1)) {
      best_f = f;
      best = y;
    }
    below_w += here_w;
    below_wx += here_wx;
    s = e;
  }
  return best;
}

double weighted_mean(const std::vector<double>& positions, const std::vector<double>& weights) {
  double sw = 0, swx = 0;
  for (std::size_t k = 0; k < positions.size(); ++k) {
    sw += weights[k];
    swx += weights[k] * positions[k];
  }
  return swx / sw;
}

View classify(double eu_own, double eu_other) {
  View v{eu_own, eu_other, Outcome::status_quo, 0};
  if (eu_own > 0 && eu_other > 0) {
    v.outcome = Outcome::conflict;
    v.gainer = eu_own > eu_other ? 1 : eu_other > eu_own ? 2 : 0;
  } else if (eu_own > 0) {  // the other expects to lose: it gives way in part or in full
    v.outcome = std::abs(eu_other) < eu_own ? Outcome::compromise : Outcome::capitulation;
    v.gainer = 1;
  } else if (eu_other > 0) {
    v.outcome = std::abs(eu_own) < eu_other ? Outcome::compromise : Outcome::capitulation;
    v.gainer = 2;
  }
  return v;
}

Result run(const Issue& issue, const Variant& variant, const Options& options) {
  check(issue);
  if (options.max_rounds < 0) throw std::invalid_argument("the number of rounds must not be negative");
  Result result;
  result.variant = variant;
  result.options = options;
  const std::size_t n = issue.actors.size();
  const auto w = vote_weights(issue);
  std::vector<double> x, salience;
  for (const auto& a : issue.actors) {
    x.push_back(a.position);
    salience.push_back(a.salience);
  }
  result.range = range_of(x);
  Field field;
  field.n = n;
  field.salience = &salience;
  field.range = result.range;
  field.p.assign(n * n, 0.0);
  // Buffers every round refills, allocated once.
  SortedVotes sorted;
  std::vector<double> threat, risk, u_sq(n), rho_lo(n), rho_hi(n), next;
  std::vector<Receiver> receivers(n);
  result.stopped = Stop::converged;
  for (int round = 1; result.range > 0 && round <= options.max_rounds; ++round) {
    Round r;
    r.round = round;
    r.positions = x;
    r.median = median_voter(x, w);
    r.mean = weighted_mean(x, w);
    field.x = &r.positions;
    field.mu = variant.centre == Centre::median ? r.median : r.mean;
    field.measure_distances();
    win_probabilities(x, w, variant.probability, field.p, sorted);
    risk_exponents(field, variant, threat, risk);
    for (std::size_t i = 0; i < n; ++i) {
      u_sq[i] = shaped(0.5, risk[i]);
      const double half_r = risk[i] == 1.0 ? 0.5 : std::pow(0.5, risk[i]);
      rho_lo[i] = std::min(0.5, half_r);
      rho_hi[i] = std::max(0.5, half_r);
    }
    for (auto& o : receivers) o.clear();
    auto send = [&](std::size_t receiver, const Offer& offer) {
      receivers[receiver].receive(offer, x, receiver, variant.choice, options.details);
    };

    const bool strongest = variant.choice == Choice::strongest_challenge;
    const bool bounded = !options.details && !strongest && variant.q == 1.0;
    const auto& p = field.p;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        if (x[i] == x[j]) continue;  // nothing to gain between equal positions
        const double distance = field.distance[i * n + j];
        if (bounded && distance >= quick_min_distance) {
          const double alpha = salience[j] * (1.0 - p[i * n + j]), beta = salience[i] * (1.0 - p[j * n + i]);
          const Quick qi = quick_view(rho_lo[i], rho_hi[i], alpha, beta);
          const Quick qj = quick_view(rho_lo[j], rho_hi[j], beta, alpha);
          std::optional<Field::Shape> shape;
          auto receive = [&](std::size_t viewer, std::size_t other, Quick q) {
            if (q == Quick::no_offer) return;
            if (q != Quick::unknown) {
              send(viewer, {other, q == Quick::conflict ? Outcome::conflict : Outcome::capitulation, x[other], 0, 0});
              return;
            }
            if (!shape) shape.emplace(distance);
            const View v = field.view(viewer, other, risk[viewer], u_sq[viewer], *shape, variant);
            if (v.gainer == 2)
              send(viewer, {other, v.outcome,
                            offer_position(x[viewer], x[other], v.eu_own, v.eu_other, v.outcome, variant.compromise),
                            v.eu_own, v.eu_other});
          };
          receive(i, j, qi);
          receive(j, i, qj);
          continue;
        }
        const Field::Shape shape(distance);
        const View vi = field.view(i, j, risk[i], u_sq[i], shape, variant);
        const View vj = field.view(j, i, risk[j], u_sq[j], shape, variant);
        if (strongest) {
          // Each challenges the other when its own EU of doing so is positive.
          if (vj.eu_own > 0) send(i, challenge(j, x[i], x[j], vi.eu_own, vj.eu_own, variant.compromise));
          if (vi.eu_own > 0) send(j, challenge(i, x[j], x[i], vj.eu_own, vi.eu_own, variant.compromise));
        } else {
          // Each actor moves on its own perception: i gives way when i believes j gains.
          if (vi.gainer == 2)
            send(i, {j, vi.outcome, offer_position(x[i], x[j], vi.eu_own, vi.eu_other, vi.outcome, variant.compromise),
                     vi.eu_own, vi.eu_other});
          if (vj.gainer == 2)
            send(j, {i, vj.outcome, offer_position(x[j], x[i], vj.eu_own, vj.eu_other, vj.outcome, variant.compromise),
                     vj.eu_own, vj.eu_other});
        }
        if (options.details) r.dyads.push_back({i, j, vi, vj});
      }

    next = x;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& best = receivers[i].best;
      if (best && best->kind != Outcome::status_quo) {
        next[i] = best->position;
        ++r.moved;
        ++(best->kind == Outcome::conflict ? r.conflict : best->kind == Outcome::compromise ? r.compromise : r.capitulation);
      }
      r.largest_move = std::max(r.largest_move, std::abs(next[i] - x[i]));
      if (options.details) r.actors.push_back({i, x[i], risk[i], receivers[i].offers, receivers[i].accepted, next[i]});
    }
    std::swap(x, next);
    const bool settled = r.largest_move <= options.tolerance * result.range;
    result.rounds.push_back(std::move(r));
    if (settled) break;
    if (round == options.max_rounds) result.stopped = Stop::round_limit;
  }
  if (result.range > 0 && options.max_rounds == 0) result.stopped = Stop::round_limit;
  result.forecast.positions = x;
  result.forecast.median = median_voter(x, w);
  result.forecast.mean = weighted_mean(x, w);
  return result;
}

}  // namespace entente::bargain
