// Myopic moves on a landscape (Axelrod & Bennett 1993): actors look only at their own frustration
// and change side when that strictly lowers it. The moves are decided on the landscape search's
// integer couplings and incremental local fields, so "strictly lower" is decided exactly and a run
// stops where landscape::exact() finds a local minimum.
#include <fmt/format.h>
#include <numeric>
#include <stdexcept>

#include "entente/dynamics/dynamics.hpp"
#include "entente/core/random.hpp"
#include "entente/landscape/fields.hpp"

namespace entente::dynamics {

Outcome myopic_moves(const landscape::Instance& instance, landscape::Alignment start, std::uint64_t seed,
                     std::uint64_t max_moves) {
  landscape::check(instance);
  const std::size_t n = instance.n();
  if (start.size() != n)
    throw std::invalid_argument(fmt::format("a start of {} sides for {} actors", start.size(), n));
  for (std::size_t i = 0; i < n; ++i)
    if (start[i] > 1)
      throw std::invalid_argument(fmt::format("the start puts {} on side {}; sides are 0 or 1", instance.names[i], start[i]));

  const landscape::Couplings couplings = landscape::quantise(instance);
  landscape::LocalFields fields(couplings, std::move(start));
  // Actor i's frustration after a move minus before is σ_i h_i (σ_i = +1 on side 0, −1 on side 1;
  // h_i = Σ_j J_ij σ_j): what it would forgo on the other side minus what it forgoes now.
  auto wants_to_move = [&](std::size_t i) {
    const double h = fields.field(i);
    return (fields.sides()[i] ? -h : h) < 0;
  };

  core::Rng rng(seed);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  Outcome out;
  bool capped = false;
  while (!capped) {
    // A fresh random order each round (Fisher–Yates), so no actor always moves first.
    core::shuffle(order.begin(), order.end(), rng);
    bool moved = false;
    for (std::size_t i : order) {
      if (!wants_to_move(i)) continue;
      if (out.steps == max_moves) {
        capped = true;
        break;
      }
      fields.move(i);
      ++out.steps;
      moved = true;
    }
    if (!moved && !capped) {
      out.settled = true;
      break;
    }
  }
  out.sides = landscape::normalised(fields.sides());
  out.time = static_cast<double>(out.steps);
  return out;
}

}  // namespace entente::dynamics
