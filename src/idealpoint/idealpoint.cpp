#include "entente/idealpoint/idealpoint.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
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
// over the votes.

namespace entente::idealpoint {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int8_t kUnused = -1;  // a vote that is missing in the binary model

// λ(t) = φ(t)/Φ(t). Below t = −30, Φ's erfc nears underflow; the asymptotic series −t − 1/t
// is exact there to double precision.
double inverse_mills(double t) {
  if (t < -30.0) return -t - 1.0 / t;
  constexpr double kInvSqrt2Pi = 0.3989422804014327, kInvSqrt2 = 0.7071067811865476;
  return kInvSqrt2Pi * std::exp(-0.5 * t * t) / (0.5 * std::erfc(-t * kInvSqrt2));
}

// Pearson correlation of two equal-length vectors (1 when either is constant and they are equal).
double correlation(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  double sa = 0, sb = 0;
  for (std::size_t k = 0; k < a.size(); ++k) sa += a[k], sb += b[k];
  const double ma = sa / n, mb = sb / n;
  double saa = 0, sbb = 0, sab = 0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const double da = a[k] - ma, db = b[k] - mb;
    saa += da * da, sbb += db * db, sab += da * db;
  }
  if (saa <= 0 || sbb <= 0) return a == b ? 1.0 : 0.0;
  return sab / std::sqrt(saa * sbb);
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
  void solve(double prior_precision, std::vector<double>& alpha, std::vector<double>& beta) const {
    for (std::size_t j = 0; j < n.size(); ++j) {
      const double a11 = n[j] + prior_precision, a12 = sx[j], a22 = sxx[j] + prior_precision;
      const double det = a11 * a22 - a12 * a12;  // > 0: the prior makes the matrix positive definite
      alpha[j] = (a22 * sy[j] - a12 * sxy[j]) / det;
      beta[j] = (a11 * sxy[j] - a12 * sy[j]) / det;
    }
  }
};

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

  std::vector<double> x = principal_start(b);
  std::vector<double> alpha(b.m), beta(b.m);
  const double prior_precision = 1.0 / options.item_prior_variance;
  {
    // Starting roll-call parameters: the M-step with the latent values set to ±1 (yes / not), a
    // linear probability fit of each roll call on the starting ideal points.
    ItemSums sums(b.m);
    for (std::size_t i = 0; i < b.n; ++i)
      for (std::size_t j = 0; j < b.m; ++j)
        if (const auto v = b.y[i * b.m + j]; v != kUnused) sums.add(j, x[i], v == 1 ? 1.0 : -1.0);
    sums.solve(prior_precision, alpha, beta);
  }

  std::vector<double> ystar(b.m), previous_x, previous_beta;
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    previous_x = x;
    previous_beta = beta;
    ItemSums sums(b.m);
    for (std::size_t i = 0; i < b.n; ++i) {
      const std::int8_t* row = &b.y[i * b.m];
      // E-step for state i's votes, then its new ideal point.
      double num = 0, den = 1.0;  // the 1 is the N(0, 1) prior's precision
      for (std::size_t j = 0; j < b.m; ++j) {
        if (row[j] == kUnused) continue;
        const double mean = alpha[j] + beta[j] * previous_x[i];
        ystar[j] = row[j] == 1 ? mean + inverse_mills(mean) : mean - inverse_mills(-mean);
        num += beta[j] * (ystar[j] - alpha[j]);
        den += beta[j] * beta[j];
      }
      x[i] = num / den;
      // The roll calls' sums with the new ideal point and the same latent values.
      for (std::size_t j = 0; j < b.m; ++j)
        if (row[j] != kUnused) sums.add(j, x[i], ystar[j]);
    }
    sums.solve(prior_precision, alpha, beta);
    out.fit.iterations = iteration;
    if (1.0 - correlation(x, previous_x) < options.tolerance && 1.0 - correlation(beta, previous_beta) < options.tolerance) {
      out.fit.converged = true;
      break;
    }
  }

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
