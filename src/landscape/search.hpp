#pragma once
// What the exact and the heuristic search share: the order of reported minima (their workers are
// core::parallel_for's).
#include <algorithm>
#include <vector>

#include "entente/core/parallel.hpp"
#include "entente/landscape/landscape.hpp"

namespace entente::landscape::detail {

// By energy, then basin (larger first), then alignment, so the order never depends on threads.
inline void sort_minima(std::vector<Minimum>& minima) {
  std::sort(minima.begin(), minima.end(), [](const Minimum& a, const Minimum& b) {
    if (a.energy != b.energy) return a.energy < b.energy;
    if (a.basin != b.basin) return a.basin > b.basin;
    return AlignmentLess{}(a.sides, b.sides);
  });
}

}  // namespace entente::landscape::detail
