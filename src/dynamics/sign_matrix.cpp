// Complete signed graphs: where they come from (weights, random starts), what a valid one is, and
// whether it is balanced.
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

#include "entente/dynamics/dynamics.hpp"
#include "entente/core/random.hpp"

namespace entente::dynamics {

void check(const SignMatrix& s) {
  const std::size_t n = s.n;
  if (s.sign.size() != n * n)
    throw std::invalid_argument(fmt::format("{} signs for {} actors (expected {})", s.sign.size(), n, n * n));
  for (std::size_t i = 0; i < n; ++i) {
    if (s.at(i, i) != 0)
      throw std::invalid_argument(fmt::format("the sign of actor {} toward itself is {}; it must be 0", i, s.at(i, i)));
    for (std::size_t j = 0; j < i; ++j) {
      if (s.at(i, j) != 1 && s.at(i, j) != -1)
        throw std::invalid_argument(fmt::format("the sign of actors {} and {} is {}; signs are +1 or -1", i, j, s.at(i, j)));
      if (s.at(i, j) != s.at(j, i))
        throw std::invalid_argument(
            fmt::format("the sign of actor {} toward {} is {} but of {} toward {} is {}; signs must be symmetric", i, j,
                        s.at(i, j), j, i, s.at(j, i)));
    }
  }
}

SignMatrix signs_of(const std::vector<double>& weight, std::size_t n) {
  if (weight.size() != n * n)
    throw std::invalid_argument(fmt::format("{} weights for {} actors (expected {})", weight.size(), n, n * n));
  SignMatrix s{n, std::vector<std::int8_t>(n * n, 0)};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const double w = weight[i * n + j];
      if (!std::isfinite(w))
        throw std::invalid_argument(fmt::format("the weight of actors {} and {} is {}", i, j, w));
      if (w != weight[j * n + i])
        throw std::invalid_argument(fmt::format(
            "the weight of actor {} toward {} is {} but of {} toward {} is {}; weights must be symmetric", i, j, w, j, i,
            weight[j * n + i]));
      // Only active antagonism is enmity; a neutral 0 is amity, as in the strategic triangles.
      const std::int8_t sign = w < 0 ? -1 : 1;
      s.sign[i * n + j] = s.sign[j * n + i] = sign;
    }
  return s;
}

SignMatrix random_signs(std::size_t n, double friendly, std::uint64_t seed) {
  if (!(friendly >= 0 && friendly <= 1))
    throw std::invalid_argument(fmt::format("the share of friendly ties must be in [0, 1], not {}", friendly));
  core::Rng rng(seed);
  SignMatrix s{n, std::vector<std::int8_t>(n * n, 0)};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const std::int8_t sign = rng.uniform() < friendly ? 1 : -1;
      s.sign[i * n + j] = s.sign[j * n + i] = sign;
    }
  return s;
}

std::vector<std::uint8_t> factions(const SignMatrix& s) {
  const std::size_t n = s.n;
  std::vector<std::uint8_t> sides(n, 0);
  for (std::size_t j = 1; j < n; ++j) sides[j] = s.at(0, j) < 0 ? 1 : 0;
  // If every triangle through actor 0 is balanced, so is every triangle (i, j, k): its sign
  // product is (s_0i s_0j)(s_0j s_0k)(s_0i s_0k) = 1. So checking the pairs is enough.
  for (std::size_t i = 1; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (s.at(i, j) != (sides[i] == sides[j] ? 1 : -1)) return {};
  return sides;
}

bool balanced(const SignMatrix& s) { return s.n == 0 || !factions(s).empty(); }

std::size_t imbalanced_triads(const SignMatrix& s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.n; ++i)
    for (std::size_t j = i + 1; j < s.n; ++j)
      for (std::size_t k = j + 1; k < s.n; ++k)
        if (s.at(i, j) * s.at(i, k) * s.at(j, k) < 0) ++count;
  return count;
}

}  // namespace entente::dynamics
