// Integer couplings and local fields: the arithmetic both searches share.
#include "entente/landscape/fields.hpp"

#include <algorithm>
#include <cmath>

namespace entente::landscape {

Couplings quantise(const Instance& in) {
  const std::size_t n = in.n();
  Couplings c;
  c.n = n;
  c.j.assign(n * n, 0.0);
  double widest = 0;  // the largest Σ_j |J_ij|, which bounds every |h_i|
  for (std::size_t i = 0; i < n; ++i) {
    double row = 0;
    for (std::size_t j = 0; j < n; ++j) row += std::fabs(in.coupling(i, j));
    widest = std::max(widest, row);
  }
  if (widest > 0) {
    int exponent = 0;
    std::frexp(widest, &exponent);              // widest < 2^exponent
    c.scale = std::ldexp(1.0, 46 - exponent);  // a power of two: scaling itself is exact
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (i != j) c.j[i * n + j] = std::round(in.coupling(i, j) * c.scale);
  return c;
}

std::vector<double> direct_fields(const Couplings& c, const Alignment& sides) {
  std::vector<double> h(c.n, 0.0);
  for (std::size_t i = 0; i < c.n; ++i)
    for (std::size_t j = 0; j < c.n; ++j) h[i] += c.at(i, j) * (sides[j] ? -1.0 : 1.0);
  return h;
}

LocalFields::LocalFields(const Couplings& c, Alignment sides)
    : c_(&c), sides_(std::move(sides)), h_(direct_fields(c, sides_)) {}

void LocalFields::move(std::size_t i) {
  sides_[i] ^= 1u;
  const double step = sides_[i] ? -2.0 : 2.0;  // 2σ_i after the move
  const double* row = c_->j.data() + i * c_->n;
  for (std::size_t k = 0; k < c_->n; ++k) h_[k] += step * row[k];
}

std::ptrdiff_t LocalFields::steepest() const {
  std::ptrdiff_t best = -1;
  double least = 0;  // only strict decreases: σ_i h_i < 0
  for (std::size_t i = 0; i < c_->n; ++i) {
    const double g = sides_[i] ? -h_[i] : h_[i];
    if (g < least) {
      least = g;
      best = static_cast<std::ptrdiff_t>(i);
    }
  }
  return best;
}

PaddedCouplings pad(const Couplings& c) {
  PaddedCouplings p;
  p.n = c.n;
  for (std::size_t k = 0; k < c.n; ++k) p.rank[k] = static_cast<double>(k);
  for (std::size_t a = 0; a < c.n; ++a)
    for (std::size_t b = 0; b < c.n; ++b) p.j[a * kMaxVectors + b / kWidth][b % kWidth] = c.at(a, b);
  // Column k of the symmetric couplings is row k. Doubling is exact, so the walk's fields are the
  // same numbers as with the step 2σ_k' multiplied in.
  for (std::size_t k = 0; k < c.n; ++k)
    for (std::size_t q = 0; q < kMaxVectors; ++q) {
      p.step[(2 * k) * kMaxVectors + q] = 2.0 * p.j[k * kMaxVectors + q];
      p.step[(2 * k + 1) * kMaxVectors + q] = -2.0 * p.j[k * kMaxVectors + q];
      p.sign[k * kMaxVectors + q][k % kWidth] = q == k / kWidth ? -0.0 : 0.0;
    }
  return p;
}

}  // namespace entente::landscape
