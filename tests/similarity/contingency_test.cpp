// The fused contingency-table kernel used for every dyad-year must give the same numbers as the
// general measures, on random profiles with ties, missing items and weights.
#include "entente/similarity/contingency.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "entente/similarity/measures.hpp"

namespace {

void expect_same(double fused, double general, const char* what, int trial) {
  if (std::isnan(general)) {
    EXPECT_TRUE(std::isnan(fused)) << what << " trial " << trial;
  } else {
    EXPECT_NEAR(fused, general, 1e-12) << what << " trial " << trial;
  }
}

}  // namespace

TEST(Contingency, AllianceLevelsMatchTheGeneralMeasures) {
  std::mt19937 rng(20121);
  for (int trial = 0; trial < 400; ++trial) {
    const std::size_t n = 1 + rng() % 60;
    std::vector<std::uint8_t> x(n), y(n);
    std::vector<double> xv(n), yv(n), w(n);
    const int spread = 1 + static_cast<int>(rng() % 4);  // some trials nearly constant
    for (std::size_t k = 0; k < n; ++k) {
      x[k] = static_cast<std::uint8_t>(rng() % spread);
      y[k] = static_cast<std::uint8_t>(rng() % 4);
      if (rng() % 10 == 0) y[k] = entente::similarity::kNoLevel;
      xv[k] = x[k];
      yv[k] = y[k] == entente::similarity::kNoLevel ? std::nan("") : y[k];
      w[k] = std::uniform_real_distribution<double>(0, 0.2)(rng);
    }
    entente::similarity::PairTable t;
    t.fill_weighted(x.data(), y.data(), w.data(), n);
    const auto r = entente::similarity::pair_scores(t, {0, 1, 2, 3}, 3.0, 4, true);
    const entente::similarity::SOptions abs{3.0, false}, sq{3.0, true};
    expect_same(r.s, entente::similarity::s_score(xv, yv, abs), "S", trial);
    expect_same(r.s_squared, entente::similarity::s_score(xv, yv, sq), "S squared", trial);
    expect_same(r.s_weighted, entente::similarity::s_score_weighted(xv, yv, w, abs), "S weighted", trial);
    expect_same(r.s_weighted_squared, entente::similarity::s_score_weighted(xv, yv, w, sq), "S weighted squared",
                trial);
    expect_same(r.tau_b, entente::similarity::kendall_tau_b(xv, yv), "tau_b", trial);
    expect_same(r.kappa, entente::similarity::hage_kappa(xv, yv), "kappa", trial);
    expect_same(r.pi, entente::similarity::hage_pi(xv, yv), "pi", trial);
    expect_same(r.scott_pi, entente::similarity::scott_pi_nominal(xv, yv), "Scott's pi", trial);
  }
}

TEST(Contingency, VoteAgreementMatchesTheGeneralFunction) {
  std::mt19937 rng(2012);
  const std::int8_t codes[] = {1, 2, 3, 8, 9};
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = rng() % 80;
    std::vector<std::int8_t> a(n), b(n);
    std::vector<std::uint8_t> la(n), lb(n);
    for (std::size_t k = 0; k < n; ++k) {
      a[k] = codes[rng() % 5];
      b[k] = codes[rng() % 5];
      la[k] = a[k] <= 3 ? static_cast<std::uint8_t>(a[k] - 1) : entente::similarity::kNoLevel;
      lb[k] = b[k] <= 3 ? static_cast<std::uint8_t>(b[k] - 1) : entente::similarity::kNoLevel;
    }
    entente::similarity::PairTable t;
    t.fill(la.data(), lb.data(), n);
    const auto r = entente::similarity::pair_scores(t, {1, 2, 3, 0}, 2.0, 3, false);
    const auto g = entente::similarity::un_agreement(a, b);
    EXPECT_EQ(r.items, g.joint) << trial;
    if (g.joint == 0) continue;
    const auto& c = t.counts;
    const double full = c[0][0] + c[1][1] + c[2][2];
    const double half = c[0][1] + c[1][0] + c[2][1] + c[1][2];
    EXPECT_NEAR(full / static_cast<double>(r.items), g.agreement, 1e-12) << trial;
    EXPECT_NEAR((full + 0.5 * half) / static_cast<double>(r.items), g.coincidence, 1e-12) << trial;
  }
}
