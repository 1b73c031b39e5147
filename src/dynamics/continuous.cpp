// Continuous dynamics of Heider balance (Kułakowski, Gawroński & Gronek 2005): real ties pushed by
// the ties they share through third parties, dx_ij/dt = (1 − x_ij²) Σ_k x_ik x_kj.
//
// The run integrates y_ij = artanh x_ij instead of x_ij: since dx = (1 − x²) dy, the equation
// becomes dy_ij/dt = Σ_k x_ik x_kj with x = tanh y, exactly. In x, a tie near ±1 holds almost no
// information in a double (1 − x² rounds to 0 within 10^−16 of ±1, and the tie freezes there even
// when its third parties push it the other way); in y it keeps its full value, and the equation
// is no longer stiff near saturation, so the fixed-step classical Runge–Kutta method is accurate.
//
// Why a balanced sign pattern is final: when the signs are balanced, every product x_ik x_kj has
// the sign of x_ij (each triangle has an even number of negative ties), so the whole sum has it and
// |y_ij| only grows. This holds for the Runge–Kutta steps too, in floating point: each stage moves
// every y_ij away from zero, so every stage's products keep their signs (the sign of a product is
// exact). No sign can change again; the settling time is a guard, not a necessity.
//
// Why some runs never balance: when every tie is close to ±1 and agrees in sign with its sum
// Σ_k x_ik x_kj, every |y_ij| grows and the sums cannot change sign (see jammed() below), so the
// signs are fixed for ever, balanced or not. Unbalanced such states (jammed states, as Antal et
// al. 2005 call their analogue under constrained triad dynamics) occur from strong random starts;
// the run stops there instead of integrating on to t_max.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

#include "entente/dynamics/dynamics.hpp"
#include "entente/core/random.hpp"

namespace entente::dynamics {
namespace {

void check_inputs(const std::vector<double>& w, std::size_t n, const ContinuousOptions& o) {
  if (w.size() != n * n)
    throw std::invalid_argument(fmt::format("{} weights for {} actors (expected {})", w.size(), n, n * n));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const double x = w[i * n + j];
      if (!std::isfinite(x) || x < -1 || x > 1)
        throw std::invalid_argument(fmt::format("the weight of actors {} and {} is {}; weights must be in [-1, 1]", i, j, x));
      if (x != w[j * n + i])
        throw std::invalid_argument(fmt::format(
            "the weight of actor {} toward {} is {} but of {} toward {} is {}; weights must be symmetric", i, j, x, j, i,
            w[j * n + i]));
    }
  if (!(o.dt > 0) || !std::isfinite(o.dt)) throw std::invalid_argument(fmt::format("the time step must be > 0, not {}", o.dt));
  if (!(o.t_max >= 0) || !std::isfinite(o.t_max))
    throw std::invalid_argument(fmt::format("the time limit must be ≥ 0, not {}", o.t_max));
  if (!(o.noise >= 0 && o.noise <= 1))
    throw std::invalid_argument(fmt::format("the noise must be in [0, 1], not {}", o.noise));
  if (!(o.settle >= 0) || !std::isfinite(o.settle))
    throw std::invalid_argument(fmt::format("the settling time must be ≥ 0, not {}", o.settle));
  // Each sum has n − 2 terms whose derivatives in y are at most (1 − x²)|x| ≤ 2/(3√3) < 0.39 per
  // tie, so the equation's rates are below 0.78 (n − 2); the Runge–Kutta step is stable for rate
  // × dt up to about 2.78. dt (n − 2) ≤ 3 keeps inside that with room.
  if (n >= 3 && o.dt * static_cast<double>(n - 2) > kContinuousStepLimit)
    throw std::invalid_argument(fmt::format("a time step of {} is too long for {} actors: at most {:.4g}", o.dt, n,
                                            kContinuousStepLimit / static_cast<double>(n - 2)));
}

// An n×n symmetric matrix with a zero diagonal, row-major.
class Matrix {
 public:
  explicit Matrix(std::size_t n) : n_(n), v_(n * n, 0.0) {}
  std::size_t n() const { return n_; }
  double operator()(std::size_t i, std::size_t j) const { return v_[i * n_ + j]; }
  void set(std::size_t i, std::size_t j, double v) { v_[i * n_ + j] = v_[j * n_ + i] = v; }
  const double* row(std::size_t i) const { return v_.data() + i * n_; }

 private:
  std::size_t n_;
  std::vector<double> v_;
};

// tanh y through one expm1 (e = e^(−2|y|) − 1, tanh |y| = −e / (2 + e)): about three times
// faster than std::tanh here, and as accurate near 0, where expm1 keeps its digits. Beyond
// |y| = 19.5, 1 − tanh|y| < 2e^(−39) < 2^−54 (half the spacing of doubles below 1), so tanh
// rounds to ±1 and the saturated ties (most of them, once the system has split) skip the
// exponential.
double tie_of(double y) {
  if (std::fabs(y) > 19.5) return std::copysign(1.0, y);
  const double e = std::expm1(-2.0 * std::fabs(y));
  return std::copysign(-e / (2.0 + e), y);
}

// The sums S_ij = Σ_k x_ik x_kj for the pairs i < j, in pair order, with x = tanh y. x is symmetric
// with a zero diagonal, so S_ij is the dot product of rows i and j (k = i and k = j add nothing).
// Four pairs (i, j) … (i, j + 3) are summed side by side: four independent running sums keep the
// processor busy where a single one would wait for each addition, and each S_ij is still added
// up in the order of k, so the result does not depend on the grouping.
class Sums {
 public:
  explicit Sums(std::size_t n) : x_(n) {}
  void operator()(const Matrix& y, std::vector<double>& out) {
    const std::size_t n = y.n();
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) x_.set(i, j, tie_of(y(i, j)));
    std::size_t pair = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double* xi = x_.row(i);
      std::size_t j = i + 1;
      for (; j + 4 <= n; j += 4) {
        const double *a = x_.row(j), *b = x_.row(j + 1), *c = x_.row(j + 2), *d = x_.row(j + 3);
        double sa = 0, sb = 0, sc = 0, sd = 0;
        for (std::size_t k = 0; k < n; ++k) {
          sa += xi[k] * a[k];
          sb += xi[k] * b[k];
          sc += xi[k] * c[k];
          sd += xi[k] * d[k];
        }
        out[pair++] = sa;
        out[pair++] = sb;
        out[pair++] = sc;
        out[pair++] = sd;
      }
      for (; j < n; ++j) {
        const double* a = x_.row(j);
        double sum = 0;
        for (std::size_t k = 0; k < n; ++k) sum += xi[k] * a[k];
        out[pair++] = sum;
      }
    }
  }

 private:
  Matrix x_;
};

// base + h · slope, pair by pair, into `into`.
void advance(const Matrix& base, const std::vector<double>& slope, double h, Matrix& into) {
  const std::size_t n = base.n();
  std::size_t pair = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j, ++pair) into.set(i, j, base(i, j) + h * slope[pair]);
}

// The ties' signs into `signs` (y < 0: enmity, otherwise amity, as in signs_of()); whether any
// changed.
bool update_signs(const Matrix& y, SignMatrix& signs) {
  const std::size_t n = y.n();
  bool changed = false;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const std::int8_t s = y(i, j) < 0 ? -1 : 1;
      if (signs.sign[i * n + j] != s) {
        signs.sign[i * n + j] = signs.sign[j * n + i] = s;
        changed = true;
      }
    }
  return changed;
}

// Whether the signs can never change again. Let δ = max (1 − |x_ij|) and Ŝ_ij = Σ_k s_ik s_kj, the
// sum with every tie at its sign. Each term differs from its saturated value by at most 2δ, so
// |S_ij − Ŝ_ij| ≤ 2(n − 2)δ. If 2(n − 2)δ < 1 and every Ŝ_ij (a whole number) is non-zero with the
// sign of s_ij, every S_ij has the sign of y_ij: every |y_ij| grows, δ shrinks, and the condition
// holds from then on.
bool jammed(const Matrix& y, const SignMatrix& signs) {
  const std::size_t n = y.n();
  if (n < 3) return false;  // no triangles: nothing to jam
  double least = INFINITY;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) least = std::min(least, std::fabs(y(i, j)));
  const double delta = 1.0 - tie_of(least);
  if (!(2.0 * static_cast<double>(n - 2) * delta < 1.0)) return false;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      int sum = 0;
      for (std::size_t k = 0; k < n; ++k) sum += signs.at(i, k) * signs.at(k, j);
      if (sum * signs.at(i, j) <= 0) return false;
    }
  return true;
}

}  // namespace

Outcome continuous_dynamics(const std::vector<double>& weight, std::size_t n, const ContinuousOptions& options,
                            std::uint64_t seed) {
  check_inputs(weight, n, options);

  // The start: shrunk toward zero by (1 − noise) and blurred by noise · u, u uniform in (−1, 1)
  // (odd multiples of 2^−53, so never exactly ±1 or 0). With noise > 0 a neutral 0 starts with a
  // small random sign instead of counting as amity by convention. A tie that would still start at
  // ±1 (noise 0, or rounding) starts at the nearest double inside, where the exact equation would
  // freeze it for ever; in y it can still move, slowly at first.
  core::Rng rng(seed);
  Matrix y(n);
  const double inside = std::nextafter(1.0, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const double u = static_cast<double>(2 * (rng.next() >> 11) + 1) * 0x1.0p-53 - 1.0;
      const double x = (1.0 - options.noise) * weight[i * n + j] + options.noise * u;
      y.set(i, j, std::atanh(std::clamp(x, -inside, inside)));
    }

  const std::size_t pairs = n * (n - (n > 0 ? 1 : 0)) / 2;
  std::vector<double> k1(pairs), k2(pairs), k3(pairs), k4(pairs);
  Matrix stage(n);
  Sums sums(n);
  SignMatrix signs{n, std::vector<std::int8_t>(n * n, 0)};
  update_signs(y, signs);

  Outcome out;
  double last_change = 0;
  const double dt = options.dt;
  for (;;) {
    const double t = static_cast<double>(out.steps) * dt;  // not summed: no drift over many steps
    const bool balanced_now = balanced(signs);
    if (balanced_now && t - last_change >= options.settle) {
      out.settled = true;
      break;
    }
    if (!balanced_now && jammed(y, signs)) {
      out.jammed = true;
      break;
    }
    if (t >= options.t_max) break;

    sums(y, k1);
    advance(y, k1, dt / 2, stage);
    sums(stage, k2);
    advance(y, k2, dt / 2, stage);
    sums(stage, k3);
    advance(y, k3, dt, stage);
    sums(stage, k4);
    std::size_t pair = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j, ++pair)
        y.set(i, j, y(i, j) + dt / 6 * (k1[pair] + 2 * k2[pair] + 2 * k3[pair] + k4[pair]));
    ++out.steps;
    if (update_signs(y, signs)) last_change = static_cast<double>(out.steps) * dt;
  }
  if (out.settled) out.sides = factions(signs);
  out.time = out.settled || out.jammed ? last_change : static_cast<double>(out.steps) * dt;
  return out;
}

}  // namespace entente::dynamics
