#include "entente/similarity/measures.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include "entente/io/csv.hpp"

namespace entente::similarity {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void require_same_size(std::size_t a, std::size_t b, const char* what) {
  if (a != b) throw std::invalid_argument(fmt::format("{}: the two vectors have {} and {} items", what, a, b));
}

// Pairwise deletion: item k takes part only if both positions are present.
inline bool kept(double a, double b) noexcept { return !std::isnan(a) && !std::isnan(b); }

// Σ w_k·dist(x_k, y_k) and Σ w_k over the kept items; Weighted = false means w_k = 1 (the 1/N of
// the unweighted S cancels between d and d_max, so counting items is the same and exact).
template <bool Squared, bool Weighted>
double s_kernel(std::span<const double> x, std::span<const double> y, std::span<const double> w, double range) {
  double sum_d = 0.0, sum_w = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double a = x[k], b = y[k];
    if (!kept(a, b)) continue;
    double wk = 1.0;
    if constexpr (Weighted) {
      wk = w[k];
      if (std::isnan(wk)) continue;
      if (!(wk >= 0.0) || std::isinf(wk))
        throw std::invalid_argument(fmt::format("s_score_weighted: weight {} of item {} is not finite and >= 0", wk, k));
    }
    const double diff = a - b;
    sum_d += wk * (Squared ? diff * diff : std::fabs(diff));
    sum_w += wk;
  }
  if (!(sum_w > 0.0)) return kNaN;
  // S = 1 − 2·d/d_max with d = Σ w|x−y|/Δ and d_max = Σ w (Signorino & Ritter 1999): every
  // per-item distance is scaled into [0, 1] by Δ (Δ² for squared distances).
  const double scale = Squared ? range * range : range;
  return 1.0 - 2.0 * sum_d / (scale * sum_w);
}

void check_range(const SOptions& o, const char* what) {
  if (!(o.range > 0.0) || std::isinf(o.range))
    throw std::invalid_argument(fmt::format("{}: the scale's range Δ must be finite and > 0, not {}", what, o.range));
}

// Means of the kept items, and whether every kept x and y equals one and the same value (then
// π's and κ's denominators are 0; testing it directly avoids trusting a rounded 0).
struct Moments {
  std::size_t n = 0;
  double mean_x = 0.0, mean_y = 0.0;
  bool all_equal = true;
};

Moments moments(std::span<const double> x, std::span<const double> y) {
  Moments m;
  double sx = 0.0, sy = 0.0, first = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double a = x[k], b = y[k];
    if (!kept(a, b)) continue;
    if (m.n == 0) first = a;
    if (a != first || b != first) m.all_equal = false;
    sx += a;
    sy += b;
    ++m.n;
  }
  if (m.n > 0) {
    m.mean_x = sx / static_cast<double>(m.n);
    m.mean_y = sy / static_cast<double>(m.n);
  }
  return m;
}

}  // namespace

double s_score(std::span<const double> x, std::span<const double> y, const SOptions& options) {
  require_same_size(x.size(), y.size(), "s_score");
  check_range(options, "s_score");
  return options.squared ? s_kernel<true, false>(x, y, {}, options.range)
                         : s_kernel<false, false>(x, y, {}, options.range);
}

double s_score_weighted(std::span<const double> x, std::span<const double> y, std::span<const double> w,
                        const SOptions& options) {
  require_same_size(x.size(), y.size(), "s_score_weighted");
  require_same_size(x.size(), w.size(), "s_score_weighted (weights)");
  check_range(options, "s_score_weighted");
  return options.squared ? s_kernel<true, true>(x, y, w, options.range)
                         : s_kernel<false, true>(x, y, w, options.range);
}

namespace {

// τ_b from its three counts: s = n_c − n_d, untied_x = n_0 − n_1, untied_y = n_0 − n_2.
double tau_b_from(long long s, long long untied_x, long long untied_y) {
  // τ_b's denominator √((n_0 − n_1)(n_0 − n_2)) discounts the ties that dominate alliance
  // portfolios; it is 0 when fewer than 2 items are kept or either vector is constant.
  if (untied_x == 0 || untied_y == 0) return kNaN;
  return static_cast<double>(s) / std::sqrt(static_cast<double>(untied_x) * static_cast<double>(untied_y));
}

// Any number of distinct values: every pair of kept items, O(N²), allocation-free.
double tau_b_pairs(std::span<const double> x, std::span<const double> y) {
  long long s = 0, untied_x = 0, untied_y = 0;
  const std::size_t n = x.size();
  for (std::size_t i = 0; i < n; ++i) {
    const double xi = x[i], yi = y[i];
    if (!kept(xi, yi)) continue;
    for (std::size_t j = i + 1; j < n; ++j) {
      const double xj = x[j], yj = y[j];
      if (!kept(xj, yj)) continue;
      const int sx = (xi > xj) - (xi < xj);
      const int sy = (yi > yj) - (yi < yj);
      s += sx * sy;
      untied_x += sx != 0;
      untied_y += sy != 0;
    }
  }
  return tau_b_from(s, untied_x, untied_y);
}

// Few distinct values (alliance levels 0–3, votes 1–3): the same counts from the L_x × L_y
// contingency table of the kept items, O(N·L + L²) on the stack. Returns false, having computed
// nothing, when either vector has more than kLevels distinct values.
constexpr std::size_t kLevels = 16;

bool tau_b_table(std::span<const double> x, std::span<const double> y, double& out) {
  std::array<double, kLevels> lx{}, ly{};
  std::size_t nx = 0, ny = 0;
  const auto add_level = [](std::array<double, kLevels>& levels, std::size_t& count, double v) {
    for (std::size_t i = 0; i < count; ++i)
      if (levels[i] == v) return true;
    if (count == kLevels) return false;
    levels[count++] = v;
    return true;
  };
  for (std::size_t k = 0; k < x.size(); ++k) {
    if (!kept(x[k], y[k])) continue;
    if (!add_level(lx, nx, x[k]) || !add_level(ly, ny, y[k])) return false;
  }
  std::sort(lx.begin(), lx.begin() + nx);
  std::sort(ly.begin(), ly.begin() + ny);
  const auto index = [](const std::array<double, kLevels>& levels, double v) {
    std::size_t i = 0;
    while (levels[i] != v) ++i;
    return i;
  };
  // table[i][j]: items at the i-th smallest x level and the j-th smallest y level. One spare row
  // and column of zeros make the suffix sums below branch-free.
  std::array<std::array<long long, kLevels + 1>, kLevels + 1> table{};
  for (std::size_t k = 0; k < x.size(); ++k)
    if (kept(x[k], y[k])) ++table[index(lx, x[k])][index(ly, y[k])];

  long long n = 0, tied_x = 0, tied_y = 0;  // n_1 = Σ_i C(row_i, 2), n_2 = Σ_j C(col_j, 2)
  for (std::size_t i = 0; i < nx; ++i) {
    long long row = 0;
    for (std::size_t j = 0; j < ny; ++j) row += table[i][j];
    tied_x += row * (row - 1) / 2;
    n += row;
  }
  for (std::size_t j = 0; j < ny; ++j) {
    long long col = 0;
    for (std::size_t i = 0; i < nx; ++i) col += table[i][j];
    tied_y += col * (col - 1) / 2;
  }
  // above[i][j] = Σ of cells with row > i and column ≥ j (suffix sums, built from the bottom
  // right). A cell (i, j) is concordant with the cells below-right of it (row > i, column > j)
  // and discordant with those below-left (row > i, column < j).
  std::array<std::array<long long, kLevels + 1>, kLevels + 1> above{};
  for (std::size_t i = nx; i-- > 0;)
    for (std::size_t j = ny; j-- > 0;)
      above[i][j] = table[i + 1][j] + above[i + 1][j] + above[i][j + 1] - above[i + 1][j + 1];
  long long s = 0;
  for (std::size_t i = 0; i < nx; ++i)
    for (std::size_t j = 0; j < ny; ++j) {
      if (table[i][j] == 0) continue;
      const long long below_all = above[i][0];
      const long long below_right = above[i][j + 1];
      const long long below_same = above[i][j] - above[i][j + 1];  // row > i, column == j: tied in y
      s += table[i][j] * (below_right - (below_all - below_right - below_same));
    }
  const long long n0 = n * (n - 1) / 2;
  out = tau_b_from(s, n0 - tied_x, n0 - tied_y);
  return true;
}

}  // namespace

double kendall_tau_b(std::span<const double> x, std::span<const double> y) {
  require_same_size(x.size(), y.size(), "kendall_tau_b");
  double tau = kNaN;
  if (tau_b_table(x, y, tau)) return tau;
  return tau_b_pairs(x, y);
}

double hage_pi(std::span<const double> x, std::span<const double> y) {
  require_same_size(x.size(), y.size(), "hage_pi");
  const Moments m = moments(x, y);
  if (m.n == 0 || m.all_equal) return kNaN;
  // Häge (2011): expected disagreement if both states drew their positions from the pooled
  // distribution, centred on m̄ = (x̄ + ȳ)/2 (Scott's π with quadratic distances). Second pass
  // (rather than raw sums of squares) keeps the deviations accurate.
  const double pooled = 0.5 * (m.mean_x + m.mean_y);
  double observed = 0.0, expected = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double a = x[k], b = y[k];
    if (!kept(a, b)) continue;
    observed += (a - b) * (a - b);
    expected += (a - pooled) * (a - pooled) + (b - pooled) * (b - pooled);
  }
  return 1.0 - observed / expected;
}

double hage_kappa(std::span<const double> x, std::span<const double> y) {
  require_same_size(x.size(), y.size(), "hage_kappa");
  const Moments m = moments(x, y);
  if (m.n == 0 || m.all_equal) return kNaN;
  // Häge (2011), Cohen's quadratic κ: the expected disagreement pairs x and y at random, each from
  // its own distribution: Σ_k Σ_l (x_k − y_l)²/N = Σ(x−x̄)² + Σ(y−ȳ)² + N(x̄−ȳ)².
  double observed = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double a = x[k], b = y[k];
    if (!kept(a, b)) continue;
    observed += (a - b) * (a - b);
    sxx += (a - m.mean_x) * (a - m.mean_x);
    syy += (b - m.mean_y) * (b - m.mean_y);
  }
  const double shift = m.mean_x - m.mean_y;
  return 1.0 - observed / (sxx + syy + static_cast<double>(m.n) * shift * shift);
}

double scott_pi_nominal(std::span<const double> x, std::span<const double> y) {
  require_same_size(x.size(), y.size(), "scott_pi_nominal");
  // Category counts over the 2N pooled values, on the stack for up to kInline categories (alliance
  // levels have 4, votes 3). Past that, Σ_l c_l² is counted as the number of ordered pairs of
  // equal pooled values, O(N²) and still allocation-free.
  constexpr std::size_t kInline = 16;
  std::array<double, kInline> category{};
  std::array<long long, kInline> count{};
  std::size_t categories = 0;
  bool overflow = false;
  long long n = 0, same = 0;
  const auto tally = [&](double v) {
    for (std::size_t c = 0; c < categories; ++c)
      if (category[c] == v) {
        ++count[c];
        return;
      }
    if (categories < kInline) {
      category[categories] = v;
      count[categories++] = 1;
    } else {
      overflow = true;
    }
  };
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double a = x[k], b = y[k];
    if (!kept(a, b)) continue;
    ++n;
    same += a == b;
    if (!overflow) {
      tally(a);
      tally(b);
    }
  }
  if (n == 0) return kNaN;
  long long sum_sq = 0;  // Σ_l c_l², with p̄_l = c_l / 2N
  if (!overflow) {
    for (std::size_t c = 0; c < categories; ++c) sum_sq += count[c] * count[c];
  } else {
    const auto equal_to = [&](double v) {
      long long e = 0;
      for (std::size_t k = 0; k < x.size(); ++k)
        if (kept(x[k], y[k])) e += (x[k] == v) + (y[k] == v);
      return e;
    };
    for (std::size_t k = 0; k < x.size(); ++k)
      if (kept(x[k], y[k])) sum_sq += equal_to(x[k]) + equal_to(y[k]);
  }
  // (p_o − p_e)/(1 − p_e) with p_o = same/n and p_e = Σc²/(2n)², multiplied through by (2n)² so
  // that integer counts stay exact; p_e = 1 (one category) leaves 0/0.
  const long long total_sq = 4 * n * n;
  if (sum_sq == total_sq) return kNaN;
  return static_cast<double>(4 * n * same - sum_sq) / static_cast<double>(total_sq - sum_sq);
}

Agreement un_agreement(std::span<const std::int8_t> votes_a, std::span<const std::int8_t> votes_b) {
  require_same_size(votes_a.size(), votes_b.size(), "un_agreement");
  // Voeten's codes: 1 yes, 2 abstain, 3 no vote; 8 absent and 9 not a member drop the roll call.
  const auto voted = [](std::int8_t v, std::size_t k) {
    if (v >= 1 && v <= 3) return true;
    if (v == 8 || v == 9) return false;
    throw std::invalid_argument(
        fmt::format("un_agreement: roll call {} has vote code {}, expected 1, 2, 3, 8 or 9", k, static_cast<int>(v)));
  };
  long long joint = 0, full = 0, half = 0;
  for (std::size_t k = 0; k < votes_a.size(); ++k) {
    const std::int8_t a = votes_a[k], b = votes_b[k];
    const bool va = voted(a, k), vb = voted(b, k);
    if (!va || !vb) continue;
    ++joint;
    if (a == b)
      ++full;
    else if (a == 2 || b == 2)
      ++half;  // one abstained, the other voted yes or no: half agreement for the State Department
  }
  if (joint == 0) return {kNaN, kNaN, 0};
  const double j = static_cast<double>(joint);
  return {static_cast<double>(full) / j, (static_cast<double>(full) + 0.5 * static_cast<double>(half)) / j, joint};
}

std::optional<std::size_t> PortfolioTable::find_column(std::string_view name) const noexcept {
  const auto it = std::find(columns.begin(), columns.end(), name);
  if (it == columns.end()) return std::nullopt;
  return static_cast<std::size_t>(it - columns.begin());
}

PortfolioTable read_portfolio_table(const std::string& file_name, std::string_view text) {
  io::CsvTable csv(file_name, text);
  const auto& header = csv.header();
  if (header.size() < 2)
    throw io::ParseError({file_name, 1, 1}, fmt::format("{}", fmt::join(header, ",")),
                         "a header naming the item column and at least one actor column");
  PortfolioTable table;
  table.columns.assign(header.begin() + 1, header.end());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].empty())
      throw io::ParseError({file_name, 1, 0}, "", fmt::format("a name for actor column {}", c + 2));
    for (std::size_t e = 0; e < c; ++e)
      if (table.columns[e] == table.columns[c])
        throw io::ParseError({file_name, 1, 0}, table.columns[c],
                             fmt::format("a name not already used by column {}", e + 2));
  }
  table.values.resize(table.columns.size());

  std::unordered_map<std::string, std::size_t> first_line;  // item name → line where it appeared
  while (csv.next()) {
    const auto& record = csv.record();
    std::string name(csv.text(0));
    if (name.empty()) csv.fail(0, "an item (state) name");
    if (const auto [it, inserted] = first_line.emplace(name, record.line); !inserted)
      csv.fail(0, fmt::format("an item not already listed (it is on line {})", it->second));
    table.states.push_back(std::move(name));
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const auto v = csv.optional_number(c + 1);
      table.values[c].push_back(v ? *v : kNaN);
    }
  }
  return table;
}

}  // namespace entente::similarity
