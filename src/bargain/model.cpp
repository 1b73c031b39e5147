// The expected-utility model of REFERENCE §6, round by round (docs/models/bargain.md).
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
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

// The votes between two positions, in O(log n) per pair from the positions sorted once per round:
// voter k backs the nearer position with weight w_k·||x_k − lo| − |x_k − hi||. Voters at or below
// lo back lo with w·L (L = hi − lo), voters at or above hi back hi with w·L, voters strictly
// between back the nearer end with w·|lo + hi − 2x| (nobody at the midpoint).
class VoteTable {
 public:
  VoteTable(const std::vector<double>& x, const std::vector<double>& w) {
    std::vector<std::size_t> order(x.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    sorted_.reserve(x.size());
    cum_w_.assign(1, 0.0);
    cum_wx_.assign(1, 0.0);
    for (std::size_t k : order) {
      sorted_.push_back(x[k]);
      cum_w_.push_back(cum_w_.back() + w[k]);
      cum_wx_.push_back(cum_wx_.back() + w[k] * x[k]);
    }
  }
  struct Split {
    double lower = 0, upper = 0;  // the vote for the lower and for the upper position
    double total() const { return lower + upper; }
  };
  Split split(double lo, double hi) const {
    const double span = hi - lo, sum = lo + hi, mid = 0.5 * sum;
    const std::size_t at_or_below_lo = upper(lo), below_mid = lower(mid), to_mid = upper(mid), below_hi = lower(hi);
    Split s;
    s.lower = span * w(0, at_or_below_lo) + std::max(0.0, sum * w(at_or_below_lo, below_mid) - 2 * wx(at_or_below_lo, below_mid));
    s.upper = span * w(below_hi, sorted_.size()) + std::max(0.0, 2 * wx(to_mid, below_hi) - sum * w(to_mid, below_hi));
    return s;
  }

 private:
  std::size_t upper(double v) const {
    return static_cast<std::size_t>(std::upper_bound(sorted_.begin(), sorted_.end(), v) - sorted_.begin());
  }
  std::size_t lower(double v) const {
    return static_cast<std::size_t>(std::lower_bound(sorted_.begin(), sorted_.end(), v) - sorted_.begin());
  }
  double w(std::size_t from, std::size_t to) const { return to > from ? cum_w_[to] - cum_w_[from] : 0.0; }
  double wx(std::size_t from, std::size_t to) const { return to > from ? cum_wx_[to] - cum_wx_[from] : 0.0; }
  std::vector<double> sorted_, cum_w_, cum_wx_;
};

// P that the actor at xi (weight wi) beats the actor at xj (weight wj).
double win_probability(const VoteTable& votes, double xi, double xj, double wi, double wj, Probability rule) {
  if (xi == xj) return 0.0;  // no contest between equal positions
  const auto s = votes.split(std::min(xi, xj), std::max(xi, xj));
  double for_i = xi < xj ? s.lower : s.upper;
  double total = s.total();
  if (rule == Probability::third_parties) {
    // The contenders' own votes: i backs itself with w_i·L, j itself with w_j·L.
    const double span = std::abs(xi - xj);
    const double all = total;
    for_i = std::max(0.0, for_i - wi * span);
    total = std::max(0.0, total - (wi + wj) * span);
    if (total <= 1e-12 * all) return 0.5;  // no third party takes a side
  }
  return total > 0 ? std::min(1.0, for_i / total) : 0.5;
}

// 2 − 4·base^r, the utility shape of every term (r = 1 is the common case: no pow).
double shaped(double base, double r) { return 2.0 - 4.0 * (r == 1.0 ? base : std::pow(base, r)); }

// The challenger's expected utility of challenging the target, with risk exponent r:
// EU = s_t [P U_s + (1 − P) U_f] + (1 − s_t) U_s − {Q U_sq + (1 − Q)[T U_b + (1 − T) U_w]}.
// d = |x_c − x_t| / range, m = |x_c − μ| / range.
double expected_utility(double r, double d, double m, double p, double target_salience, const Variant& v) {
  const double u_success = shaped(0.5 - 0.5 * d, r);
  const double u_failure = shaped(0.5 + 0.5 * d, r);
  const double u_status_quo = shaped(0.5, r);
  double expected_status_quo = v.q * u_status_quo;
  if (v.q < 1.0) {
    const double u_better = shaped(0.5 - 0.25 * (m + d), r);
    const double u_worse = shaped(0.5 + 0.25 * (m + d), r);
    expected_status_quo += (1.0 - v.q) * (v.t * u_better + (1.0 - v.t) * u_worse);
  }
  return target_salience * (p * u_success + (1.0 - p) * u_failure) + (1.0 - target_salience) * u_success -
         expected_status_quo;
}

// Everything a round computes once: P for every ordered pair, μ, the range.
struct Field {
  std::size_t n = 0;
  const std::vector<double>* x = nullptr;
  const std::vector<double>* salience = nullptr;
  std::vector<double> p;  // p[i*n+j]: i beats j
  double mu = 0, range = 1;
  double eu(std::size_t challenger, std::size_t target, double r, const Variant& v) const {
    const auto& pos = *x;
    const double d = std::abs(pos[challenger] - pos[target]) / range;
    const double m = std::abs(pos[challenger] - mu) / range;
    return expected_utility(r, d, m, p[challenger * n + target], (*salience)[target], v);
  }
};

// R_i = (2 S_i − max S − min S) / (max S − min S), S_k = Σ_{j≠k} EU_j(k) at r = 1: how much the others
// expect to gain by challenging k. r_i = (1 − R_i/3) / (1 + R_i/3) runs from 0.5 (R = 1, the actor the
// others most expect to gain from challenging) to 2 (R = −1, the least threatened). When every S is
// equal, R is undefined and every r is 1.
std::vector<double> risk_exponents(const Field& f, const Variant& v) {
  std::vector<double> r(f.n, 1.0);
  if (v.risk == Risk::fixed) return r;
  std::vector<double> threat(f.n, 0.0);
  for (std::size_t k = 0; k < f.n; ++k)
    for (std::size_t j = 0; j < f.n; ++j)
      if (j != k) threat[k] += f.eu(j, k, 1.0, v);
  const auto [lo, hi] = std::minmax_element(threat.begin(), threat.end());
  const double spread = *hi - *lo;
  if (!(spread > 0)) return r;  // everyone equally threatened: risk-neutral
  for (std::size_t i = 0; i < f.n; ++i) {
    const double big_r = (2 * threat[i] - *hi - *lo) / spread;
    r[i] = (1 - big_r / 3) / (1 + big_r / 3);
  }
  return r;
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

// The offer the receiver accepts, by the variant's choice rule; ties go to the lower actor index.
std::optional<std::size_t> accepted_offer(const std::vector<Offer>& offers, double own, Choice rule) {
  std::optional<std::size_t> best;
  for (std::size_t o = 0; o < offers.size(); ++o) {
    if (!best) {
      best = o;
      continue;
    }
    const auto& a = offers[o];
    const auto& b = offers[*best];
    if (rule == Choice::by_kind && kind_rank(a.kind) != kind_rank(b.kind)) {
      if (kind_rank(a.kind) < kind_rank(b.kind)) best = o;
      continue;
    }
    if (std::abs(a.position - own) < std::abs(b.position - own)) best = o;
  }
  return best;
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
  const VoteTable votes(positions, weights);
  return win_probability(votes, positions[i], positions[j], weights[i], weights[j], rule);
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
  result.stopped = Stop::converged;
  for (int round = 1; result.range > 0 && round <= options.max_rounds; ++round) {
    Round r;
    r.round = round;
    r.positions = x;
    r.median = median_voter(x, w);
    r.mean = weighted_mean(x, w);
    field.x = &r.positions;
    field.mu = variant.centre == Centre::median ? r.median : r.mean;
    const VoteTable votes(x, w);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (i != j) field.p[i * n + j] = win_probability(votes, x[i], x[j], w[i], w[j], variant.probability);
    const auto risk = risk_exponents(field, variant);

    std::vector<std::vector<Offer>> offers(n);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        if (x[i] == x[j]) continue;  // nothing to gain between equal positions
        const View vi = classify(field.eu(i, j, risk[i], variant), field.eu(j, i, risk[i], variant));
        const View vj = classify(field.eu(j, i, risk[j], variant), field.eu(i, j, risk[j], variant));
        // Each actor moves on its own perception: i gives way when i believes j gains.
        if (vi.gainer == 2)
          offers[i].push_back({j, vi.outcome, offer_position(x[i], x[j], vi.eu_own, vi.eu_other, vi.outcome, variant.compromise),
                               vi.eu_own, vi.eu_other});
        if (vj.gainer == 2)
          offers[j].push_back({i, vj.outcome, offer_position(x[j], x[i], vj.eu_own, vj.eu_other, vj.outcome, variant.compromise),
                               vj.eu_own, vj.eu_other});
        if (options.details) r.dyads.push_back({i, j, vi, vj});
      }

    std::vector<double> next = x;
    for (std::size_t i = 0; i < n; ++i) {
      const auto chosen = accepted_offer(offers[i], x[i], variant.choice);
      if (chosen) next[i] = offers[i][*chosen].position;
      r.largest_move = std::max(r.largest_move, std::abs(next[i] - x[i]));
      if (options.details) r.actors.push_back({i, x[i], risk[i], std::move(offers[i]), chosen, next[i]});
    }
    x = std::move(next);
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
