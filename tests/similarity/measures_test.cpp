#include "entente/similarity/measures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "entente/io/parse_error.hpp"

namespace sim = entente::similarity;
using entente::io::ParseError;

namespace {

constexpr double kTol = 1e-6;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

using Vec = std::vector<double>;

std::vector<std::int8_t> votes(std::initializer_list<int> codes) {
  std::vector<std::int8_t> v;
  for (int c : codes) v.push_back(static_cast<std::int8_t>(c));
  return v;
}

// Signorino & Ritter (1999) Table 6, Germany and Russia 1914, read from the shared reference
// directory. Returns false (and the caller skips) when the file is absent.
bool load_table6(sim::PortfolioTable& out, std::string& why) {
#ifdef ENTENTE_TEST_SHARED_REFERENCE
  const std::filesystem::path p =
      std::filesystem::path(ENTENTE_TEST_SHARED_REFERENCE) / "data" / "gmyrus1914_signorino_ritter_table6.csv";
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    why = "SKIPPED: " + p.string() + " is absent";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  out = sim::read_portfolio_table(p.string(), text);
  return true;
#else
  why = "SKIPPED: ENTENTE_TEST_SHARED_REFERENCE is not defined";
  return false;
#endif
}

class GermanyRussia1914 : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    if (!load_table6(table_, why)) GTEST_SKIP() << why;
    const auto g = table_.find_column("gmy"), r = table_.find_column("rus");
    ASSERT_TRUE(g && r);
    gmy_ = table_.values[*g];
    rus_ = table_.values[*r];
  }
  sim::PortfolioTable table_;
  Vec gmy_, rus_;
};

}  // namespace

// ---- Published values: Signorino & Ritter (1999) Table 6 (REFERENCE.md §1) ----

TEST_F(GermanyRussia1914, TableHasTwentyStatesIncludingThePair) {
  ASSERT_EQ(table_.states.size(), 20u);
  EXPECT_EQ(table_.states[0], "GMY");
  EXPECT_EQ(table_.states[1], "RUS");
  EXPECT_EQ(gmy_[0], 3.0);  // each state valued 3 with itself
  EXPECT_EQ(rus_[1], 3.0);
}

TEST_F(GermanyRussia1914, KendallTauB) { EXPECT_NEAR(sim::kendall_tau_b(gmy_, rus_), 0.03031695, kTol); }

TEST_F(GermanyRussia1914, SAbsoluteUnweighted) {
  EXPECT_NEAR(sim::s_score(gmy_, rus_, {.range = 3.0}), 0.4, kTol);
}

TEST_F(GermanyRussia1914, SSquaredUnweighted) {
  EXPECT_NEAR(sim::s_score(gmy_, rus_, {.range = 3.0, .squared = true}), 0.4444444, kTol);
}

TEST_F(GermanyRussia1914, HageKappa) { EXPECT_NEAR(sim::hage_kappa(gmy_, rus_), -0.07758621, kTol); }

TEST_F(GermanyRussia1914, ScottPiNominal) { EXPECT_NEAR(sim::scott_pi_nominal(gmy_, rus_), -0.04477612, kTol); }

TEST_F(GermanyRussia1914, HagePiByHand) {
  // Not published in REFERENCE.md; by hand: Σ(x−y)² = 50, m̄ = 0.5, Σ(x−m̄)² = 29, Σ(y−m̄)² = 17,
  // π = 1 − 50/46 = −2/23.
  EXPECT_NEAR(sim::hage_pi(gmy_, rus_), -2.0 / 23.0, 1e-12);
}

TEST_F(GermanyRussia1914, MeasuresAreSymmetric) {
  EXPECT_DOUBLE_EQ(sim::kendall_tau_b(gmy_, rus_), sim::kendall_tau_b(rus_, gmy_));
  EXPECT_DOUBLE_EQ(sim::hage_kappa(gmy_, rus_), sim::hage_kappa(rus_, gmy_));
  EXPECT_DOUBLE_EQ(sim::hage_pi(gmy_, rus_), sim::hage_pi(rus_, gmy_));
  EXPECT_DOUBLE_EQ(sim::scott_pi_nominal(gmy_, rus_), sim::scott_pi_nominal(rus_, gmy_));
}

// ---- Published values: Signorino & Ritter (1999) p. 133, unweighted, Δ = 3 ----

TEST(SScore, SignorinoRitterPage133Examples) {
  const sim::SOptions o{.range = 3.0};
  EXPECT_NEAR(sim::s_score(Vec{0, 1, 2, 3}, Vec{3, 2, 1, 0}, o), -1.0 / 3.0, kTol);
  EXPECT_NEAR(sim::s_score(Vec{1, 2, 2, 3}, Vec{3, 2, 2, 1}, o), 1.0 / 3.0, kTol);
  EXPECT_NEAR(sim::s_score(Vec{2, 2, 3, 3}, Vec{3, 3, 2, 2}, o), 1.0 / 3.0, kTol);
  EXPECT_NEAR(sim::s_score(Vec{0, 1, 2, 3}, Vec{0, 1, 2, 3}, o), 1.0, kTol);
  EXPECT_NEAR(sim::s_score(Vec{3, 0, 0, 1}, Vec{3, 0, 0, 1}, o), 1.0, kTol);
}

// ---- S: hand-computed cases ----

TEST(SScore, OppositeEndsOfTheScaleGiveMinusOne) {
  EXPECT_DOUBLE_EQ(sim::s_score(Vec{0, 3, 0}, Vec{3, 0, 3}, {.range = 3.0}), -1.0);
  EXPECT_DOUBLE_EQ(sim::s_score(Vec{0, 1}, Vec{1, 0}, {.range = 1.0}), -1.0);           // binary
  EXPECT_DOUBLE_EQ(sim::s_score(Vec{1, 3, 2}, Vec{3, 1, 2}, {.range = 2.0}), -1.0 / 3.0);  // votes: 1 − 2·(4/2)/3
}

TEST(SScore, SquaredDistances) {
  // (0,1,2,3) vs (3,2,1,0): Σ(x−y)² = 9+1+1+9 = 20; S = 1 − 2·20/(9·4) = −1/9.
  EXPECT_NEAR(sim::s_score(Vec{0, 1, 2, 3}, Vec{3, 2, 1, 0}, {.range = 3.0, .squared = true}), -1.0 / 9.0, 1e-12);
}

TEST(SScoreWeighted, EqualWeightsGiveTheUnweightedValue) {
  const Vec x{0, 1, 2, 3, 0}, y{3, 2, 2, 0, 0};
  const Vec w(5, 0.2), w7(5, 7.0);
  for (bool squared : {false, true}) {
    const sim::SOptions o{.range = 3.0, .squared = squared};
    EXPECT_NEAR(sim::s_score_weighted(x, y, w, o), sim::s_score(x, y, o), 1e-12);
    EXPECT_NEAR(sim::s_score_weighted(x, y, w7, o), sim::s_score(x, y, o), 1e-12);  // scale-free
  }
}

TEST(SScoreWeighted, WeightConcentratedOnOneItem) {
  const Vec x{0, 3, 1}, y{3, 3, 0};
  const sim::SOptions o{.range = 3.0};
  // All weight on item 1, where they agree: S = 1.
  EXPECT_DOUBLE_EQ(sim::s_score_weighted(x, y, Vec{0, 1, 0}, o), 1.0);
  // All weight on item 0, at opposite ends: S = −1.
  EXPECT_DOUBLE_EQ(sim::s_score_weighted(x, y, Vec{1, 0, 0}, o), -1.0);
  // All weight on item 2, one step apart: S = 1 − 2/3.
  EXPECT_NEAR(sim::s_score_weighted(x, y, Vec{0, 0, 5}, o), 1.0 / 3.0, 1e-12);
  // Weights 0.5, 0.3, 0.2: d = (0.5·3 + 0 + 0.2·1)/3 = 1.7/3, d_max = 1, S = 1 − 3.4/3.
  EXPECT_NEAR(sim::s_score_weighted(x, y, Vec{0.5, 0.3, 0.2}, o), 1.0 - 3.4 / 3.0, 1e-12);
  // Squared: Σw(x−y)² = 0.5·9 + 0.2·1 = 4.7; S = 1 − 2·4.7/9.
  EXPECT_NEAR(sim::s_score_weighted(x, y, Vec{0.5, 0.3, 0.2}, {.range = 3.0, .squared = true}), 1.0 - 9.4 / 9.0,
              1e-12);
}

TEST(SScoreWeighted, NaNWeightDropsTheItemAndNormalisesOverTheRest) {
  const Vec x{0, 3, 1}, y{3, 3, 0};
  const sim::SOptions o{.range = 3.0};
  // Item 0 dropped: d = (0.3·0 + 0.2·1)/3 / 0.5, S = 1 − 2·(0.2/3)/0.5.
  EXPECT_NEAR(sim::s_score_weighted(x, y, Vec{kNaN, 0.3, 0.2}, o), 1.0 - 0.8 / 3.0, 1e-12);
  // NaN position on item 0 drops it the same way.
  EXPECT_NEAR(sim::s_score_weighted(Vec{kNaN, 3, 1}, y, Vec{0.5, 0.3, 0.2}, o), 1.0 - 0.8 / 3.0, 1e-12);
}

TEST(SScoreWeighted, UndefinedAndInvalid) {
  const Vec x{0, 3}, y{3, 3};
  const sim::SOptions o{.range = 3.0};
  EXPECT_TRUE(std::isnan(sim::s_score_weighted(x, y, Vec{0, 0}, o)));          // Σw = 0
  EXPECT_TRUE(std::isnan(sim::s_score_weighted(x, y, Vec{0, kNaN}, o)));       // Σw = 0 after deletion
  EXPECT_TRUE(std::isnan(sim::s_score_weighted(Vec{}, Vec{}, Vec{}, o)));      // no items
  EXPECT_THROW(sim::s_score_weighted(x, y, Vec{1, -0.5}, o), std::invalid_argument);
  EXPECT_THROW(sim::s_score_weighted(x, y, Vec{1, INFINITY}, o), std::invalid_argument);
  EXPECT_THROW(sim::s_score_weighted(x, y, Vec{1}, o), std::invalid_argument);
}

TEST(SScore, InvalidArguments) {
  EXPECT_THROW(sim::s_score(Vec{1, 2}, Vec{1}, {.range = 3.0}), std::invalid_argument);
  EXPECT_THROW(sim::s_score(Vec{1}, Vec{1}, {.range = 0.0}), std::invalid_argument);
  EXPECT_THROW(sim::s_score(Vec{1}, Vec{1}, {.range = -3.0}), std::invalid_argument);
  EXPECT_THROW(sim::s_score(Vec{1}, Vec{1}, {.range = kNaN}), std::invalid_argument);
}

// ---- τ_b, π, κ, Scott's π: hand-computed cases ----

TEST(KendallTauB, PerfectAndReversedOrder) {
  EXPECT_DOUBLE_EQ(sim::kendall_tau_b(Vec{0, 1, 2, 3}, Vec{0, 1, 2, 3}), 1.0);
  EXPECT_DOUBLE_EQ(sim::kendall_tau_b(Vec{0, 1, 2, 3}, Vec{3, 2, 1, 0}), -1.0);
  // Shifting a portfolio up a level leaves τ_b at 1 while S drops (Signorino & Ritter's point).
  EXPECT_DOUBLE_EQ(sim::kendall_tau_b(Vec{0, 1, 2}, Vec{1, 2, 3}), 1.0);
  EXPECT_LT(sim::s_score(Vec{0, 1, 2}, Vec{1, 2, 3}, {.range = 3.0}), 1.0);
}

TEST(KendallTauB, WithTies) {
  // x = (1,1,2,3), y = (1,2,2,3): pairs (0,1) tied in x; (1,2) tied in y; (0,2) (0,3) (1,3) (2,3)
  // concordant. n_c = 4, n_d = 0, n_0 = 6, n_1 = 1, n_2 = 1: τ_b = 4/5.
  EXPECT_NEAR(sim::kendall_tau_b(Vec{1, 1, 2, 3}, Vec{1, 2, 2, 3}), 0.8, 1e-12);
}

namespace {

// Textbook τ_b over all pairs, to check both of kendall_tau_b's paths (contingency table for few
// distinct values, pairwise beyond 16).
double naive_tau_b(const Vec& x, const Vec& y) {
  double nc = 0, nd = 0, tx = 0, ty = 0, n = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    ++n;
    for (std::size_t j = i + 1; j < x.size(); ++j) {
      if (std::isnan(x[j]) || std::isnan(y[j])) continue;
      const double p = (x[i] - x[j]) * (y[i] - y[j]);
      nc += p > 0;
      nd += p < 0;
      tx += x[i] == x[j];
      ty += y[i] == y[j];
    }
  }
  const double n0 = n * (n - 1) / 2;
  return (nc - nd) / std::sqrt((n0 - tx) * (n0 - ty));
}

}  // namespace

TEST(KendallTauB, AgreesWithTheTextbookFormulaOnBothPaths) {
  std::uint32_t state = 12345;  // a small LCG keeps the test deterministic
  const auto next = [&](std::uint32_t m) {
    state = state * 1664525u + 1013904223u;
    return static_cast<double>((state >> 8) % m);
  };
  for (std::uint32_t levels : {2u, 3u, 4u, 16u, 17u, 40u}) {
    for (int round = 0; round < 20; ++round) {
      Vec x, y;
      for (int k = 0; k < 60; ++k) {
        x.push_back(next(levels));
        y.push_back(next(4) == 0 ? x.back() : next(levels));
      }
      x[7] = kNaN;  // pairwise deletion on both paths
      const double expected = naive_tau_b(x, y);
      if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(sim::kendall_tau_b(x, y)));
      } else {
        EXPECT_NEAR(sim::kendall_tau_b(x, y), expected, 1e-12) << "levels " << levels << " round " << round;
      }
    }
  }
  // Past 16 distinct values: 0..19 with one adjacent swap gives n_c = 189, n_d = 1.
  Vec x, y;
  for (int i = 0; i < 20; ++i) {
    x.push_back(i);
    y.push_back(i == 3 ? 4 : i == 4 ? 3 : i);
  }
  EXPECT_NEAR(sim::kendall_tau_b(x, y), 188.0 / 190.0, 1e-12);
}

TEST(HagePiKappa, HandComputed) {
  // x = (0,0,3), y = (0,3,3): Σ(x−y)² = 9; x̄ = 1, ȳ = 2, m̄ = 1.5.
  // π: Σ(x−m̄)² = 2.25+2.25+2.25, Σ(y−m̄)² = 2.25·3 → 13.5; π = 1 − 9/13.5 = 1/3.
  // κ: Σ(x−x̄)² = 6, Σ(y−ȳ)² = 6, N(x̄−ȳ)² = 3 → 15; κ = 1 − 9/15 = 0.4.
  EXPECT_NEAR(sim::hage_pi(Vec{0, 0, 3}, Vec{0, 3, 3}), 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(sim::hage_kappa(Vec{0, 0, 3}, Vec{0, 3, 3}), 0.4, 1e-12);
  EXPECT_DOUBLE_EQ(sim::hage_pi(Vec{0, 1, 3}, Vec{0, 1, 3}), 1.0);
  EXPECT_DOUBLE_EQ(sim::hage_kappa(Vec{0, 1, 3}, Vec{0, 1, 3}), 1.0);
}

TEST(HagePiKappa, DifferentConstantVectors) {
  // Defined: π = −1 (all disagreement is beyond chance under the pooled distribution), κ = 0.
  EXPECT_DOUBLE_EQ(sim::hage_pi(Vec{0, 0, 0}, Vec{3, 3, 3}), -1.0);
  EXPECT_DOUBLE_EQ(sim::hage_kappa(Vec{0, 0, 0}, Vec{3, 3, 3}), 0.0);
}

TEST(ScottPiNominal, HandComputed) {
  // x = (0,0,1,1), y = (0,1,1,1): p_o = 3/4; pooled 0: 3/8, 1: 5/8; p_e = 34/64.
  // π = (48/64 − 34/64)/(30/64) = 14/30.
  EXPECT_NEAR(sim::scott_pi_nominal(Vec{0, 0, 1, 1}, Vec{0, 1, 1, 1}), 14.0 / 30.0, 1e-12);
  EXPECT_DOUBLE_EQ(sim::scott_pi_nominal(Vec{0, 1, 2, 3}, Vec{0, 1, 2, 3}), 1.0);
}

TEST(ScottPiNominal, ManyCategoriesTakeTheQuadraticPathWithTheSameResult) {
  // 40 distinct values (past the 16 kept on the stack). x = 0..39, y = x except y[0] = 1:
  // p_o = 39/40; pooled counts: value 1 appears 3 times, 0 once, the other 38 twice.
  // Σc² = 9 + 1 + 38·4 = 162, (2N)² = 6400: π = (4·40·39 − 162)/(6400 − 162).
  Vec x, y;
  for (int i = 0; i < 40; ++i) {
    x.push_back(i);
    y.push_back(i == 0 ? 1 : i);
  }
  EXPECT_NEAR(sim::scott_pi_nominal(x, y), (4.0 * 40 * 39 - 162) / (6400.0 - 162), 1e-12);
}

// ---- NaN cases (undefined measures) ----

TEST(Undefined, NoItems) {
  const Vec e;
  EXPECT_TRUE(std::isnan(sim::s_score(e, e, {.range = 3.0})));
  EXPECT_TRUE(std::isnan(sim::kendall_tau_b(e, e)));
  EXPECT_TRUE(std::isnan(sim::hage_pi(e, e)));
  EXPECT_TRUE(std::isnan(sim::hage_kappa(e, e)));
  EXPECT_TRUE(std::isnan(sim::scott_pi_nominal(e, e)));
  // Every item dropped by pairwise deletion is the same as no items.
  const Vec a{kNaN, 1}, b{2, kNaN};
  EXPECT_TRUE(std::isnan(sim::s_score(a, b, {.range = 3.0})));
  EXPECT_TRUE(std::isnan(sim::kendall_tau_b(a, b)));
  EXPECT_TRUE(std::isnan(sim::hage_pi(a, b)));
  EXPECT_TRUE(std::isnan(sim::hage_kappa(a, b)));
  EXPECT_TRUE(std::isnan(sim::scott_pi_nominal(a, b)));
}

TEST(Undefined, ConstantVectors) {
  // Both constant at the same value: nothing varies, π, κ, τ_b and Scott's π are 0/0.
  const Vec z{0, 0, 0, 0};
  EXPECT_TRUE(std::isnan(sim::hage_pi(z, z)));
  EXPECT_TRUE(std::isnan(sim::hage_kappa(z, z)));
  EXPECT_TRUE(std::isnan(sim::kendall_tau_b(z, z)));
  EXPECT_TRUE(std::isnan(sim::scott_pi_nominal(z, z)));
  EXPECT_DOUBLE_EQ(sim::s_score(z, z, {.range = 3.0}), 1.0);  // S stays defined
  // Non-integer constants, whose mean may round: still NaN, not a rounded 1.
  const Vec c(200, 0.1);
  EXPECT_TRUE(std::isnan(sim::hage_pi(c, c)));
  EXPECT_TRUE(std::isnan(sim::hage_kappa(c, c)));
  // τ_b needs variation in both vectors.
  EXPECT_TRUE(std::isnan(sim::kendall_tau_b(Vec{0, 1, 2}, Vec{1, 1, 1})));
  EXPECT_TRUE(std::isnan(sim::kendall_tau_b(Vec{1}, Vec{2})));  // N < 2
}

TEST(Undefined, LengthMismatchThrows) {
  EXPECT_THROW(sim::kendall_tau_b(Vec{1, 2}, Vec{1}), std::invalid_argument);
  EXPECT_THROW(sim::hage_pi(Vec{1, 2}, Vec{1}), std::invalid_argument);
  EXPECT_THROW(sim::hage_kappa(Vec{1, 2}, Vec{1}), std::invalid_argument);
  EXPECT_THROW(sim::scott_pi_nominal(Vec{1, 2}, Vec{1}), std::invalid_argument);
  EXPECT_THROW(sim::un_agreement(votes({1, 2}), votes({1})), std::invalid_argument);
}

// ---- Pairwise deletion ----

TEST(PairwiseDeletion, NaNItemIsDroppedFromEveryMeasure) {
  // Appending an item with NaN on either side (with arbitrary value on the other) must give the
  // same result as the vectors without it.
  const Vec x{0, 0, 3, 1, 2, 3}, y{0, 3, 3, 1, 0, 2};
  Vec xn = x, yn = y;
  xn.insert(xn.begin() + 2, kNaN);
  yn.insert(yn.begin() + 2, 3.0);
  xn.push_back(0.0);
  yn.push_back(kNaN);
  const sim::SOptions abs{.range = 3.0}, sq{.range = 3.0, .squared = true};
  EXPECT_DOUBLE_EQ(sim::s_score(xn, yn, abs), sim::s_score(x, y, abs));
  EXPECT_DOUBLE_EQ(sim::s_score(xn, yn, sq), sim::s_score(x, y, sq));
  EXPECT_DOUBLE_EQ(sim::kendall_tau_b(xn, yn), sim::kendall_tau_b(x, y));
  EXPECT_DOUBLE_EQ(sim::hage_pi(xn, yn), sim::hage_pi(x, y));
  EXPECT_DOUBLE_EQ(sim::hage_kappa(xn, yn), sim::hage_kappa(x, y));
  EXPECT_DOUBLE_EQ(sim::scott_pi_nominal(xn, yn), sim::scott_pi_nominal(x, y));
  // S's N counts kept items only: (0,3) vs (0,0) with a NaN third item is 1 − 2·(3/3)/2 = 0.
  EXPECT_DOUBLE_EQ(sim::s_score(Vec{0, 3, kNaN}, Vec{0, 0, 3}, abs), 0.0);
}

// ---- UN agreement ----

TEST(UnAgreement, AbsencesAndNonMembershipAreDropped) {
  // Roll calls:  1    2    3    4    5    6    7    8
  //   a:         yes  yes  no   abst yes  absent yes non-member
  //   b:         yes  no   no   yes  abst yes    absent yes
  // Joint: 1–5 (5 roll calls). Full: 1, 3 → 2. Half (one-sided abstention): 4, 5 → 2. Yes–no: 2.
  const auto a = votes({1, 1, 3, 2, 1, 8, 1, 9});
  const auto b = votes({1, 3, 3, 1, 2, 1, 8, 1});
  const auto r = sim::un_agreement(a, b);
  EXPECT_EQ(r.joint, 5);
  EXPECT_DOUBLE_EQ(r.agreement, 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(r.coincidence, 3.0 / 5.0);  // (2 + 0.5·2)/5
}

TEST(UnAgreement, BothAbstainingIsFullAgreement) {
  const auto r = sim::un_agreement(votes({2, 2, 1}), votes({2, 3, 1}));
  EXPECT_EQ(r.joint, 3);
  EXPECT_DOUBLE_EQ(r.agreement, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.coincidence, 2.5 / 3.0);
}

TEST(UnAgreement, NoJointVotesIsNaN) {
  const auto r = sim::un_agreement(votes({8, 1, 9}), votes({1, 8, 8}));
  EXPECT_EQ(r.joint, 0);
  EXPECT_TRUE(std::isnan(r.agreement));
  EXPECT_TRUE(std::isnan(r.coincidence));
  const auto e = sim::un_agreement({}, {});
  EXPECT_EQ(e.joint, 0);
  EXPECT_TRUE(std::isnan(e.agreement));
}

TEST(UnAgreement, UnknownCodeThrows) {
  EXPECT_THROW(sim::un_agreement(votes({1, 0}), votes({1, 1})), std::invalid_argument);
  EXPECT_THROW(sim::un_agreement(votes({1, 1}), votes({1, 4})), std::invalid_argument);
}

// ---- Portfolio table ----

TEST(PortfolioTable, ReadsItemsColumnsAndMissingCells) {
  const auto t = sim::read_portfolio_table("p.csv", "state,a,b\nX,3,0\nY,,1.5\nZ,NA,2\n");
  EXPECT_EQ(t.states, (std::vector<std::string>{"X", "Y", "Z"}));
  EXPECT_EQ(t.columns, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(t.values.size(), 2u);
  EXPECT_EQ(t.values[0][0], 3.0);
  EXPECT_TRUE(std::isnan(t.values[0][1]));
  EXPECT_TRUE(std::isnan(t.values[0][2]));
  EXPECT_EQ(t.values[1], (Vec{0.0, 1.5, 2.0}));
  EXPECT_EQ(t.find_column("b"), 1u);
  EXPECT_FALSE(t.find_column("c").has_value());
}

TEST(PortfolioTable, BadNumberNamesFileLineAndColumn) {
  try {
    sim::read_portfolio_table("p.csv", "state,a,b\nX,3,0\nY,1,two\n");
    FAIL() << "expected ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "p.csv");
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_EQ(e.where().column, 5u);
    EXPECT_EQ(e.value(), "two");
    EXPECT_NE(std::string(e.what()).find("p.csv:3:5"), std::string::npos) << e.what();
  }
}

TEST(PortfolioTable, RejectsMalformedTables) {
  EXPECT_THROW(sim::read_portfolio_table("p.csv", "state\nX\n"), ParseError);               // no actor column
  EXPECT_THROW(sim::read_portfolio_table("p.csv", "state,a,a\nX,1,2\n"), ParseError);       // repeated actor
  EXPECT_THROW(sim::read_portfolio_table("p.csv", "state,a\nX,1\nX,2\n"), ParseError);      // repeated item
  EXPECT_THROW(sim::read_portfolio_table("p.csv", "state,a\n,1\n"), ParseError);            // empty item
  EXPECT_THROW(sim::read_portfolio_table("p.csv", "state,a,b\nX,1\n"), ParseError);         // short row
  EXPECT_THROW(sim::read_portfolio_table("p.csv", ""), ParseError);                         // no header
  try {
    sim::read_portfolio_table("p.csv", "state,a\nX,1\nY,2\nX,2\n");
    FAIL() << "expected ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 4u);
    EXPECT_EQ(e.where().column, 1u);
  }
}
