// The model's definitions, computed directly: energy, frustration, what a valid instance is.
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

#include "entente/landscape/landscape.hpp"

namespace entente::landscape {

void check(const Instance& in) {
  const std::size_t n = in.n();
  if (n < 2) throw std::invalid_argument(fmt::format("a landscape needs at least two actors, not {}", n));
  if (in.names.size() != n)
    throw std::invalid_argument(fmt::format("{} names for {} sizes", in.names.size(), n));
  if (in.propensity.size() != n * n)
    throw std::invalid_argument(fmt::format("{} propensities for {} actors (expected {})", in.propensity.size(), n, n * n));
  for (std::size_t i = 0; i < n; ++i)
    if (!(in.sizes[i] > 0) || !std::isfinite(in.sizes[i]))
      throw std::invalid_argument(fmt::format("the size of {} is {}; sizes must be positive", in.names[i], in.sizes[i]));
  for (std::size_t i = 0; i < n; ++i) {
    if (in.p(i, i) != 0)
      throw std::invalid_argument(fmt::format("the propensity of {} to itself is {}; it must be 0", in.names[i], in.p(i, i)));
    for (std::size_t j = 0; j < i; ++j) {
      if (!std::isfinite(in.p(i, j)))
        throw std::invalid_argument(fmt::format("the propensity of {} and {} is {}", in.names[i], in.names[j], in.p(i, j)));
      // The coupling s_i·s_j·p_ij must be finite too (huge sizes overflow it), and so must an
      // actor's total coupling, which the search's exact grid is built from.
      if (!std::isfinite(in.coupling(i, j) * static_cast<double>(n)))
        throw std::invalid_argument(fmt::format("the coupling of {} and {} (size × size × propensity) is too large",
                                                in.names[i], in.names[j]));
      if (in.p(i, j) != in.p(j, i))
        throw std::invalid_argument(fmt::format("the propensity of {} toward {} is {} but of {} toward {} is {}; "
                                                "propensities must be symmetric",
                                                in.names[i], in.names[j], in.p(i, j), in.names[j], in.names[i], in.p(j, i)));
    }
  }
}

double energy(const Instance& in, const Alignment& sides) {
  double e = 0;
  for (double f : frustration(in, sides)) e += f;
  return e;
}

std::vector<double> frustration(const Instance& in, const Alignment& sides) {
  const std::size_t n = in.n();
  std::vector<double> f(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (j != i && sides[i] != sides[j]) f[i] += in.coupling(i, j);
  return f;
}

Alignment normalised(Alignment sides) {
  if (!sides.empty() && sides[0] != 0)
    for (auto& s : sides) s = static_cast<std::uint8_t>(s ^ 1u);
  return sides;
}

}  // namespace entente::landscape
