#include "entente/idealpoint/idealpoint.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

// The model (Imai, Lo & Olmsted 2016, "Fast estimation of ideal points with massive data",
// APSR 110(4), section on the binary model; Albert 1992 for the data augmentation):
//
//   y*_ij = α_j + β_j x_i + ε_ij,  ε_ij ~ N(0, 1),   y_ij = 1 (yes) if y*_ij > 0, else 0,
//   x_i ~ N(0, 1),   (α_j, β_j) ~ N(0, v I),
//
// for state i and roll call j; missing votes are simply not part of the likelihood. The EM
// algorithm treats the latent y*_ij as the missing data. E-step, with m_ij = α_j + β_j x_i from
// the current parameters and λ(t) = φ(t)/Φ(t) (the inverse Mills ratio):
//
//   E[y*_ij] = m_ij + λ(m_ij)          when y_ij = 1,
//   E[y*_ij] = m_ij − λ(−m_ij)         when y_ij = 0.
//
// M-step (conditional maximisation, the ideal points first, then the roll calls given the new
// ideal points; sums run over the votes observed):
//
//   x_i = Σ_j β_j (y*_ij − α_j) / (1 + Σ_j β_j²),
//   (α_j, β_j)ᵀ = (X_jᵀ X_j + I/v)⁻¹ X_jᵀ y*_j,   X_j = rows (1, x_i) of the states voting on j.
//
// Each step cannot lower the posterior, and both are closed forms, so one iteration is one pass
// over the votes. SQUAREM (below) extrapolates along the path of the iterates and keeps an
// extrapolation only when it does not lower the log posterior.

namespace entente::idealpoint {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int8_t kUnused = -1;  // a vote that is missing in the binary model

// λ(t) = φ(t)/Φ(t), exactly. Below t = −30, Φ's erfc nears underflow; the asymptotic series
// −t − 1/t is exact there to double precision.
double exact_inverse_mills(double t) {
  if (t < -30.0) return -t - 1.0 / t;
  constexpr double kInvSqrt2Pi = 0.3989422804014327, kInvSqrt2 = 0.7071067811865476;
  return kInvSqrt2Pi * std::exp(-0.5 * t * t) / (0.5 * std::erfc(-t * kInvSqrt2));
}

// log Φ(t), exactly, with the asymptotic form log φ(t) − log(−t) where Φ(t) underflows.
double exact_log_normal_cdf(double t) {
  if (t < -30.0) return -0.5 * t * t - std::log(-t) - 0.9189385332046728;
  return std::log(0.5 * std::erfc(-t * 0.7071067811865476));
}

// λ and log Φ are evaluated once per vote per iteration, and erfc, exp and log took half the
// time. Both are smooth, so they are tabulated on [−30, 10] in steps of 1/128 with their
// derivatives (λ' = −λ(t + λ), (log Φ)' = λ) and read by cubic Hermite interpolation, whose
// error, h⁴/384 · max|f⁗|, is below 10⁻¹¹ here (checked against the exact forms); outside the table the exact forms
// apply.
class NormalTable {
 public:
  NormalTable() {
    for (std::size_t k = 0; k < kNodes; ++k) {
      const double t = kLow + static_cast<double>(k) * kStep, l = exact_inverse_mills(t);
      mills_[k] = l;
      mills_slope_[k] = -l * (t + l);
      log_cdf_[k] = exact_log_normal_cdf(t);
    }
  }
  double inverse_mills(double t) const {
    if (!(t >= kLow && t < kHigh)) return exact_inverse_mills(t);
    return interpolate(t, mills_, mills_slope_);
  }
  double log_normal_cdf(double t) const {
    if (!(t >= kLow && t < kHigh)) return exact_log_normal_cdf(t);
    return interpolate(t, log_cdf_, mills_);
  }

 private:
  static constexpr double kLow = -30.0, kHigh = 10.0, kStep = 1.0 / 128;
  static constexpr std::size_t kNodes = 40 * 128 + 1;
  double interpolate(double t, const std::array<double, kNodes>& f, const std::array<double, kNodes>& slope) const {
    const double pos = (t - kLow) / kStep;
    const auto k = static_cast<std::size_t>(pos);
    const double u = pos - static_cast<double>(k), u2 = u * u, u3 = u2 * u;
    return (2 * u3 - 3 * u2 + 1) * f[k] + (u3 - 2 * u2 + u) * kStep * slope[k] + (3 * u2 - 2 * u3) * f[k + 1] +
           (u3 - u2) * kStep * slope[k + 1];
  }
  std::array<double, kNodes> mills_{}, mills_slope_{}, log_cdf_{};
};

const NormalTable& normal_table() {
  static const NormalTable table;
  return table;
}

// Rescales to mean 0, SD 1 (the population SD); false when the values do not vary.
bool standardise(std::vector<double>& x) {
  double mean = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / static_cast<double>(x.size()));
  if (!(sd > 0)) return false;
  for (double& v : x) v = (v - mean) / sd;
  return true;
}

// The kept part of a year: y[i * m + j] ∈ {1, 0, kUnused} over kept states and roll calls.
struct Binary {
  std::size_t n = 0, m = 0;
  std::vector<std::int8_t> y;
  std::vector<std::size_t> state;  // input row of each kept state
};

// The deterministic start: the leading eigenvector of the states' vote covariance, computed
// with pairwise deletion (each entry divided by the roll calls both states voted on), over
// votes centred on each roll call's yes share. It orders states as the first principal
// component of the vote matrix does.
std::vector<double> principal_start(const Binary& b) {
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(b.n), static_cast<Eigen::Index>(b.m));
  Eigen::MatrixXd seen = Eigen::MatrixXd::Zero(z.rows(), z.cols());
  for (std::size_t j = 0; j < b.m; ++j) {
    double yes = 0, votes = 0;
    for (std::size_t i = 0; i < b.n; ++i)
      if (const auto v = b.y[i * b.m + j]; v != kUnused) yes += v, votes += 1;
    const double share = yes / votes;
    for (std::size_t i = 0; i < b.n; ++i)
      if (const auto v = b.y[i * b.m + j]; v != kUnused) {
        z(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v - share;
        seen(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = 1;
      }
  }
  const Eigen::MatrixXd joint = seen * seen.transpose();
  const Eigen::MatrixXd cov = (z * z.transpose()).cwiseQuotient(joint.cwiseMax(1.0));
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov);
  const Eigen::VectorXd lead = solver.eigenvectors().col(cov.cols() - 1);  // eigenvalues ascend
  std::vector<double> x(lead.data(), lead.data() + lead.size());
  if (!standardise(x)) std::fill(x.begin(), x.end(), 0.0);
  return x;
}

// (α_j, β_j) given ideal points x and latent values: the ridge regression of the M-step.
struct ItemSums {
  std::vector<double> n, sx, sxx, sy, sxy;
  explicit ItemSums(std::size_t m) : n(m), sx(m), sxx(m), sy(m), sxy(m) {}
  void add(std::size_t j, double x, double ystar) {
    n[j] += 1, sx[j] += x, sxx[j] += x * x, sy[j] += ystar, sxy[j] += x * ystar;
  }
  void solve(double prior_precision, double* alpha, double* beta) const {
    for (std::size_t j = 0; j < n.size(); ++j) {
      const double a11 = n[j] + prior_precision, a12 = sx[j], a22 = sxx[j] + prior_precision;
      const double det = a11 * a22 - a12 * a12;  // > 0: the prior makes the matrix positive definite
      alpha[j] = (a22 * sy[j] - a12 * sxy[j]) / det;
      beta[j] = (a11 * sxy[j] - a12 * sy[j]) / det;
    }
  }
};

// One EM iteration (the E-step and both conditional M-steps above) from θ = (x, α, β) to `out`.
void em_step(const Binary& b, double prior_precision, const std::vector<double>& theta, std::vector<double>& out,
             std::vector<double>& ystar) {
  const double* alpha = &theta[b.n];
  const double* beta = &theta[b.n + b.m];
  const NormalTable& normal = normal_table();
  ystar.resize(b.m);
  ItemSums sums(b.m);
  for (std::size_t i = 0; i < b.n; ++i) {
    const std::int8_t* row = &b.y[i * b.m];
    // E-step for state i's votes, then its new ideal point.
    double num = 0, den = 1.0;  // the 1 is the N(0, 1) prior's precision
    for (std::size_t j = 0; j < b.m; ++j) {
      if (row[j] == kUnused) continue;
      const double mean = alpha[j] + beta[j] * theta[i];
      ystar[j] = row[j] == 1 ? mean + normal.inverse_mills(mean) : mean - normal.inverse_mills(-mean);
      num += beta[j] * (ystar[j] - alpha[j]);
      den += beta[j] * beta[j];
    }
    out[i] = num / den;
    // The roll calls' sums with the new ideal point and the same latent values.
    for (std::size_t j = 0; j < b.m; ++j)
      if (row[j] != kUnused) sums.add(j, out[i], ystar[j]);
  }
  sums.solve(prior_precision, &out[b.n], &out[b.n + b.m]);
}

// The log posterior of θ, up to a constant: Σ log Φ(±(α_j + β_j x_i)) over the votes, + for yes
// and − otherwise, less the priors' penalties Σ x_i²/2 and Σ (α_j² + β_j²)/(2v).
double log_posterior(const Binary& b, double prior_precision, const std::vector<double>& theta) {
  const double* alpha = &theta[b.n];
  const double* beta = &theta[b.n + b.m];
  const NormalTable& normal = normal_table();
  double sum = 0;
  for (std::size_t i = 0; i < b.n; ++i) {
    const std::int8_t* row = &b.y[i * b.m];
    for (std::size_t j = 0; j < b.m; ++j)
      if (row[j] != kUnused) {
        const double mean = alpha[j] + beta[j] * theta[i];
        sum += normal.log_normal_cdf(row[j] == 1 ? mean : -mean);
      }
    sum -= 0.5 * theta[i] * theta[i];
  }
  for (std::size_t k = b.n; k < theta.size(); ++k) sum -= 0.5 * prior_precision * theta[k] * theta[k];
  return sum;
}

}  // namespace

Estimate estimate(std::span<const int> ccodes, std::size_t rollcalls, std::span<const std::int8_t> votes,
                  const Options& options) {
  const std::size_t states = ccodes.size();
  if (votes.size() != states * rollcalls)
    throw std::invalid_argument("idealpoint::estimate: the vote matrix is not states × roll calls");
  Estimate out;
  out.idealpoint.assign(states, kNaN);
  out.votes.assign(states, 0);

  // Binary coding: yes 1; no 0; abstain 0 or unused; anything else (absent, not a member, no
  // record) unused.
  auto code = [&](std::int8_t v) -> std::int8_t {
    if (v == kYes) return 1;
    if (v == kNo) return 0;
    if (v == kAbstain) return options.abstention == Abstention::no ? 0 : kUnused;
    return kUnused;
  };

  // The lopsided filter, over every state's usable votes.
  std::vector<std::size_t> kept_rollcalls;
  for (std::size_t j = 0; j < rollcalls; ++j) {
    double yes = 0, total = 0;
    for (std::size_t i = 0; i < states; ++i)
      if (const auto c = code(votes[i * rollcalls + j]); c != kUnused) yes += c, total += 1;
    if (total > 0 && std::min(yes, total - yes) / total >= options.lopsided_cutoff && std::min(yes, total - yes) > 0)
      kept_rollcalls.push_back(j);
  }
  out.fit.rollcalls_kept = kept_rollcalls.size();

  // Usable votes per state on the kept roll calls, and the states that have enough.
  Binary b;
  b.m = kept_rollcalls.size();
  for (std::size_t i = 0; i < states; ++i) {
    int used = 0;
    for (const std::size_t j : kept_rollcalls) used += code(votes[i * rollcalls + j]) != kUnused;
    out.votes[i] = used;
    if (used >= options.min_votes && used > 0) b.state.push_back(i);
  }
  b.n = b.state.size();
  if (b.n < 2 || b.m == 0) return out;  // nothing to scale
  b.y.resize(b.n * b.m);
  for (std::size_t i = 0; i < b.n; ++i)
    for (std::size_t j = 0; j < b.m; ++j) b.y[i * b.m + j] = code(votes[b.state[i] * rollcalls + kept_rollcalls[j]]);

  // θ = (x_1..x_n, α_1..α_m, β_1..β_m), one vector so that the acceleration can extrapolate it.
  const double prior_precision = 1.0 / options.item_prior_variance;
  std::vector<double> theta = principal_start(b);
  theta.resize(b.n + 2 * b.m);
  {
    // Starting roll-call parameters: the M-step with the latent values set to ±1 (yes / not), a
    // linear probability fit of each roll call on the starting ideal points.
    ItemSums sums(b.m);
    for (std::size_t i = 0; i < b.n; ++i)
      for (std::size_t j = 0; j < b.m; ++j)
        if (const auto v = b.y[i * b.m + j]; v != kUnused) sums.add(j, theta[i], v == 1 ? 1.0 : -1.0);
    sums.solve(prior_precision, &theta[b.n], &theta[b.n + b.m]);
  }

  // SQUAREM (Varadhan & Roland 2008, scheme S3): from θ0, two EM steps give θ1 and θ2; with
  // r = θ1 − θ0, w = θ2 − θ1 − r and s = −‖r‖/‖w‖ (at most −1), the extrapolation
  // θ0 − 2 s r + s² w is followed by one EM step. s = −1 is plain EM (θ2); the result is kept only
  // when its log posterior is at least θ2's, so every cycle still climbs. Plain EM creeps for
  // hundreds of iterations where a few states vote with one side on every roll call; the
  // extrapolation takes those long straight steps at once.
  std::vector<double> t1(theta.size()), t2(theta.size()), r(theta.size()), w(theta.size()), next(theta.size());
  std::vector<double> scratch;
  int steps = 0;
  auto step = [&](const std::vector<double>& from, std::vector<double>& to) {
    em_step(b, prior_precision, from, to, scratch);
    ++steps;
  };
  while (steps + 3 <= options.max_iterations) {
    step(theta, t1);
    step(t1, t2);
    double rr = 0, ww = 0;
    for (std::size_t k = 0; k < theta.size(); ++k) {
      r[k] = t1[k] - theta[k];
      w[k] = t2[k] - t1[k] - r[k];
      rr += r[k] * r[k], ww += w[k] * w[k];
    }
    const double s = ww > 0 ? std::min(-1.0, -std::sqrt(rr / ww)) : -1.0;
    for (std::size_t k = 0; k < theta.size(); ++k) next[k] = theta[k] - 2 * s * r[k] + s * s * w[k];
    step(next, t1);
    // With s = −1 the point is θ2 itself and t1 one more EM step from it, which cannot fall.
    const bool keep = s >= -1.0 || log_posterior(b, prior_precision, t1) >= log_posterior(b, prior_precision, t2);
    const std::vector<double>& accepted = keep ? t1 : t2;
    double change = 0;
    for (std::size_t i = 0; i < b.n; ++i) change = std::max(change, std::fabs(accepted[i] - theta[i]));
    theta = accepted;
    if (change < options.tolerance) {
      out.fit.converged = true;
      break;
    }
  }
  out.fit.iterations = steps;
  std::vector<double> x(theta.begin(), theta.begin() + static_cast<std::ptrdiff_t>(b.n));

  // Identification: the likelihood is unchanged by shifting, scaling and reflecting x (with the
  // roll-call parameters compensating), so each year's scale is fixed to mean 0, SD 1 over the
  // states estimated, and reflected so that the first sign anchor present is positive.
  if (!standardise(x)) {
    out.fit.converged = false;
    return out;
  }
  for (const int anchor : kSignAnchors) {
    const auto it = std::find_if(b.state.begin(), b.state.end(), [&](std::size_t s) { return ccodes[s] == anchor; });
    if (it == b.state.end()) continue;
    if (x[static_cast<std::size_t>(it - b.state.begin())] < 0)
      for (double& v : x) v = -v;
    out.fit.sign_anchor = anchor;
    break;
  }
  for (std::size_t i = 0; i < b.n; ++i) out.idealpoint[b.state[i]] = x[i];
  out.fit.states_estimated = b.n;
  return out;
}

}  // namespace entente::idealpoint
