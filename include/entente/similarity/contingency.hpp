#pragma once
// Similarity of two categorical profiles (alliance ties valued 0-3, or votes yes/abstain/no)
// computed from their joint contingency table. Building the table is one pass over the items;
// every measure then follows from the table in constant time, so all of them together cost
// about what one of the general functions in measures.hpp costs. The results equal those
// functions' (tests/similarity/contingency_test.cpp checks it) for data without missing items,
// and with missing items dropped pairwise.
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace entente::similarity {

inline constexpr std::uint8_t kNoLevel = 4;  // a missing item (absent from a vote, no data)

// counts[a][b]: items where the first profile is at level a and the second at level b.
// Row and column kNoLevel collect missing items and are ignored by the measures.
struct PairTable {
  std::array<std::array<std::int32_t, 5>, 5> counts{};
  std::array<std::array<double, 5>, 5> weight{};  // summed item weights (for the weighted S)

  // Fills the table from two level profiles of `n` items (levels 0..3 or kNoLevel).
  void fill(const std::uint8_t* x, const std::uint8_t* y, std::size_t n) {
    counts = {};
    for (std::size_t k = 0; k < n; ++k) ++counts[x[k]][y[k]];
  }
  // The same, also summing item weights (NaN weights count as 0 and drop out of the sum).
  void fill_weighted(const std::uint8_t* x, const std::uint8_t* y, const double* w, std::size_t n) {
    counts = {};
    weight = {};
    for (std::size_t k = 0; k < n; ++k) {
      ++counts[x[k]][y[k]];
      weight[x[k]][y[k]] += std::isnan(w[k]) ? 0.0 : w[k];
    }
  }
};

struct PairScores {
  double s = 0, s_squared = 0, s_weighted = 0, s_weighted_squared = 0, tau_b = 0, kappa = 0, pi = 0, scott_pi = 0;
  long long items = 0;  // items where both profiles have a level
};

// `value[l]` is the number level l stands for (e.g. 0,1,2,3 for alliance ties; 1,2,3 for votes);
// `range` is Δ = max − min of the scale (Signorino & Ritter 1999). Undefined measures are NaN,
// as in measures.hpp.
inline PairScores pair_scores(const PairTable& t, const std::array<double, 4>& value, double range, int levels,
                              bool weighted) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  PairScores r;
  double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sdd = 0, sad = 0, wsum = 0, wad = 0, wsd = 0, diag = 0;
  std::array<double, 4> row{}, col{};
  for (int a = 0; a < levels; ++a)
    for (int b = 0; b < levels; ++b) {
      const double c = t.counts[a][b];
      if (c == 0 && (!weighted || t.weight[a][b] == 0)) continue;
      const double x = value[a], y = value[b], d = x - y;
      n += c;
      sx += c * x;
      sy += c * y;
      sxx += c * x * x;
      syy += c * y * y;
      sdd += c * d * d;
      sad += c * std::fabs(d);
      row[a] += c;
      col[b] += c;
      if (a == b) diag += c;
      if (weighted) {
        wsum += t.weight[a][b];
        wad += t.weight[a][b] * std::fabs(d);
        wsd += t.weight[a][b] * d * d;
      }
    }
  r.items = static_cast<long long>(n);
  if (n == 0) return {nan, nan, nan, nan, nan, nan, nan, nan, 0};
  r.s = 1 - 2 * (sad / range) / n;
  r.s_squared = 1 - 2 * sdd / (range * range * n);
  r.s_weighted = weighted && wsum > 0 ? 1 - 2 * (wad / range) / wsum : nan;
  r.s_weighted_squared = weighted && wsum > 0 ? 1 - 2 * wsd / (range * range * wsum) : nan;
  const double mx = sx / n, my = sy / n, m = (mx + my) / 2;
  const double vx = sxx - n * mx * mx, vy = syy - n * my * my;
  const bool one_value = vx <= 1e-12 && vy <= 1e-12 && std::fabs(mx - my) <= 1e-12;
  // Häge (2011): κ is Cohen's quadratic κ; π replaces the two means by their average.
  const double kappa_den = vx + vy + n * (mx - my) * (mx - my);
  const double pi_den = (sxx - 2 * m * sx + n * m * m) + (syy - 2 * m * sy + n * m * m);
  r.kappa = one_value || kappa_den <= 0 ? nan : 1 - sdd / kappa_den;
  r.pi = one_value || pi_den <= 0 ? nan : 1 - sdd / pi_den;
  // Kendall's τ_b from the table: concordant minus discordant pairs over the tie-corrected count.
  // Levels are in increasing value order, so two cells are concordant when both indices grow.
  // With suffix sums up[a][b] = Σ counts[a' ≥ a][b' ≥ b] and down[a][b] = Σ counts[a' ≥ a][b' ≤ b],
  // each cell's concordant partners are up[a+1][b+1] and its discordant ones down[a+1][b-1].
  double concordant = 0, discordant = 0;
  std::array<std::array<double, 6>, 6> up{}, down{};  // one row and column of padding
  for (int a = levels - 1; a >= 0; --a)
    for (int b = levels - 1; b >= 0; --b)
      up[a][b] = t.counts[a][b] + up[a + 1][b] + up[a][b + 1] - up[a + 1][b + 1];
  for (int a = levels - 1; a >= 0; --a)
    for (int b = 0; b < levels; ++b)
      down[a][b + 1] = t.counts[a][b] + down[a + 1][b + 1] + down[a][b] - down[a + 1][b];  // shifted by one column
  for (int a = 0; a + 1 < levels; ++a)
    for (int b = 0; b < levels; ++b) {
      const double c = t.counts[a][b];
      if (c == 0) continue;
      concordant += c * up[a + 1][b + 1];
      discordant += c * down[a + 1][b];  // columns < b, i.e. shifted index b
    }
  double tied_x = 0, tied_y = 0;
  for (int l = 0; l < levels; ++l) {
    tied_x += row[l] * (row[l] - 1) / 2;
    tied_y += col[l] * (col[l] - 1) / 2;
  }
  const double pairs = n * (n - 1) / 2;
  const double tau_den = std::sqrt((pairs - tied_x) * (pairs - tied_y));
  r.tau_b = n < 2 || tau_den <= 0 ? nan : (concordant - discordant) / tau_den;
  // Scott's π (nominal): observed agreement against agreement expected from the pooled margins.
  double expected = 0;
  int categories = 0;
  for (int l = 0; l < levels; ++l) {
    const double p = (row[l] + col[l]) / (2 * n);
    expected += p * p;
    categories += p > 0;
  }
  r.scott_pi = categories < 2 ? nan : (diag / n - expected) / (1 - expected);
  return r;
}

}  // namespace entente::similarity
