#pragma once
// Summary statistics of a list of numbers, as the ensembles of scenarios and bargaining report
// them: mean, sample SD, and nearest-rank quantiles.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <vector>

namespace entente {

struct Spread {
  double mean = 0, sd = 0, min = 0, p05 = 0, median = 0, p95 = 0, max = 0;
  bool operator==(const Spread&) const = default;
};

// None for an empty list. The quantile p is the value at rank round(p·(count − 1)) in order.
inline std::optional<Spread> spread_of(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (double v : values) sum += v;
  const double mean = sum / static_cast<double>(values.size());
  double ss = 0;
  for (double v : values) ss += (v - mean) * (v - mean);
  auto q = [&](double p) { return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5)]; };
  return Spread{mean,
                values.size() > 1 ? std::sqrt(ss / static_cast<double>(values.size() - 1)) : 0.0,
                values.front(),
                q(0.05),
                q(0.5),
                q(0.95),
                values.back()};
}

}  // namespace entente
