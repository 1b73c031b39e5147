// idealpoint::estimate on synthetic roll calls drawn from the model itself, where the true ideal
// points are known: recovery, the sign rule and its fallbacks, the lopsided-vote filter, missing
// and abstaining votes, the minimum number of votes, determinism and bad input.
#include "entente/idealpoint/idealpoint.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace ip = entente::idealpoint;

namespace {

// A small deterministic generator (SplitMix64) with its own uniform and normal draws, so the
// data do not depend on the standard library's distributions.
class Draws {
 public:
  explicit Draws(std::uint64_t seed) : state_(seed) {}
  double uniform() {  // in (0, 1)
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (static_cast<double>(z >> 11) + 0.5) / 9007199254740992.0;
  }
  double normal() {  // Box–Muller
    return std::sqrt(-2.0 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
  }

 private:
  std::uint64_t state_;
};

struct Synthetic {
  std::vector<int> ccodes;
  std::vector<double> truth;
  std::size_t rollcalls = 0;
  std::vector<std::int8_t> votes;
};

// `n` states (the first is ccode 2, the United States, placed at +1), `m` roll calls from the
// probit model y* = α + β x + ε with α ~ U(−1, 1) and |β| ~ U(0.8, 2.5) of random sign; yes is
// code 1 and no code 3. `absent` is the share of votes replaced by code 8.
Synthetic draw(std::size_t n, std::size_t m, std::uint64_t seed, double absent = 0.0) {
  Draws d(seed);
  Synthetic s;
  s.rollcalls = m;
  for (std::size_t i = 0; i < n; ++i) {
    s.ccodes.push_back(i == 0 ? 2 : 1000 + static_cast<int>(i));
    s.truth.push_back(i == 0 ? 1.0 : d.normal());
  }
  s.votes.resize(n * m);
  for (std::size_t j = 0; j < m; ++j) {
    const double alpha = -1.0 + 2.0 * d.uniform();
    const double beta = (0.8 + 1.7 * d.uniform()) * (d.uniform() < 0.5 ? -1.0 : 1.0);
    for (std::size_t i = 0; i < n; ++i) {
      const double latent = alpha + beta * s.truth[i] + d.normal();
      std::int8_t v = latent > 0 ? ip::kYes : ip::kNo;
      if (d.uniform() < absent) v = ip::kAbsent;
      s.votes[i * m + j] = v;
    }
  }
  return s;
}

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
  double sa = 0, sb = 0, n = 0;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (!std::isnan(a[k]) && !std::isnan(b[k])) sa += a[k], sb += b[k], n += 1;
  double saa = 0, sbb = 0, sab = 0;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (!std::isnan(a[k]) && !std::isnan(b[k])) {
      const double da = a[k] - sa / n, db = b[k] - sb / n;
      saa += da * da, sbb += db * db, sab += da * db;
    }
  return sab / std::sqrt(saa * sbb);
}

// Appends roll calls to a synthetic year (the vote matrix is states × roll calls, row-major).
void append_rollcall(Synthetic& s, const std::vector<std::int8_t>& column) {
  const std::size_t n = s.ccodes.size(), m = s.rollcalls;
  std::vector<std::int8_t> wider(n * (m + 1));
  for (std::size_t i = 0; i < n; ++i) {
    std::copy_n(&s.votes[i * m], m, &wider[i * (m + 1)]);
    wider[i * (m + 1) + m] = column[i];
  }
  s.votes = std::move(wider);
  s.rollcalls = m + 1;
}

}  // namespace

TEST(Idealpoint, RecoversTrueIdealPointsOfTheProbitModel) {
  const auto s = draw(150, 120, 7);
  const auto e = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  ASSERT_TRUE(e.fit.converged);
  EXPECT_GT(e.fit.iterations, 1);
  EXPECT_EQ(e.fit.states_estimated, 150u);
  const double r = correlation(e.idealpoint, s.truth);
  std::cout << "synthetic recovery: r " << r << " after " << e.fit.iterations << " iterations\n";
  // With 120 informative roll calls the posterior mode tracks the truth closely.
  EXPECT_GT(r, 0.95);
  // The scale is fixed: mean 0, SD 1 (population) over the states estimated.
  const double mean = std::accumulate(e.idealpoint.begin(), e.idealpoint.end(), 0.0) / 150.0;
  double ss = 0;
  for (double x : e.idealpoint) ss += (x - mean) * (x - mean);
  EXPECT_NEAR(mean, 0.0, 1e-9);
  EXPECT_NEAR(std::sqrt(ss / 150.0), 1.0, 1e-9);
  for (int v : e.votes) EXPECT_EQ(v, 120);
}

TEST(Idealpoint, SignPutsTheUnitedStatesOnThePositiveSide) {
  auto s = draw(80, 60, 11);
  const auto e = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  EXPECT_EQ(e.fit.sign_anchor, 2);
  EXPECT_GT(e.idealpoint[0], 0.0);
  // Reversing every vote (yes ↔ no) mirrors the likelihood; the sign rule undoes the mirror, so
  // the estimates are the same.
  auto mirrored = s.votes;
  for (auto& v : mirrored) v = v == ip::kYes ? ip::kNo : ip::kYes;
  const auto m = ip::estimate(s.ccodes, s.rollcalls, mirrored);
  EXPECT_EQ(m.fit.sign_anchor, 2);
  for (std::size_t i = 0; i < s.ccodes.size(); ++i) EXPECT_NEAR(m.idealpoint[i], e.idealpoint[i], 1e-5) << i;
}

TEST(Idealpoint, SignFallsBackToTheUnitedKingdomThenLeavesItAsEstimated) {
  auto s = draw(60, 50, 13);
  s.ccodes[0] = 200;  // the first state is now the United Kingdom; no United States
  const auto uk = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  EXPECT_EQ(uk.fit.sign_anchor, 200);
  EXPECT_GT(uk.idealpoint[0], 0.0);
  // The United States present but without enough votes: the UK anchors the sign instead.
  s.ccodes[1] = 2;
  for (std::size_t j = 0; j < s.rollcalls; ++j) s.votes[1 * s.rollcalls + j] = ip::kAbsent;
  const auto absent_us = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  EXPECT_TRUE(std::isnan(absent_us.idealpoint[1]));
  EXPECT_EQ(absent_us.fit.sign_anchor, 200);
  s.ccodes[0] = 999;
  s.ccodes[1] = 998;
  const auto none = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  EXPECT_EQ(none.fit.sign_anchor, 0);
  EXPECT_NEAR(std::fabs(correlation(none.idealpoint, s.truth)), std::fabs(correlation(uk.idealpoint, s.truth)), 0.05);
}

TEST(Idealpoint, LopsidedRollCallsAreDroppedAndChangeNothing) {
  const auto base = draw(120, 40, 17);
  auto s = base;
  auto lopsided = [&](std::size_t minority, std::int8_t minority_vote) {
    std::vector<std::int8_t> col(s.ccodes.size(), minority_vote == ip::kYes ? ip::kNo : ip::kYes);
    for (std::size_t i = 0; i < minority; ++i) col[5 + 7 * i] = minority_vote;
    return col;
  };
  append_rollcall(s, lopsided(0, ip::kNo));   // unanimous
  append_rollcall(s, lopsided(1, ip::kNo));   // 1 of 120 = 0.8 %
  append_rollcall(s, lopsided(2, ip::kYes));  // 2 of 120 = 1.7 %
  const auto a = ip::estimate(base.ccodes, base.rollcalls, base.votes);
  const auto b = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  EXPECT_EQ(a.fit.rollcalls_kept, 40u);
  EXPECT_EQ(b.fit.rollcalls_kept, 40u);
  EXPECT_EQ(a.idealpoint, b.idealpoint);
  EXPECT_EQ(a.votes, b.votes);
  // A minority of 3 in 120 (2.5 %) is at the cutoff and kept.
  append_rollcall(s, lopsided(3, ip::kNo));
  EXPECT_EQ(ip::estimate(s.ccodes, s.rollcalls, s.votes).fit.rollcalls_kept, 41u);
  // A looser cutoff keeps the 2-vote minority too.
  ip::Options loose;
  loose.lopsided_cutoff = 0.01;
  EXPECT_EQ(ip::estimate(s.ccodes, s.rollcalls, s.votes, loose).fit.rollcalls_kept, 42u);
}

TEST(Idealpoint, MissingVotesAreLeftOutAndThinStatesGetNaN) {
  auto s = draw(100, 80, 19, 0.2);  // a fifth of the votes absent
  // State 3 voted only 6 times; states 4 and 5 were not members / have no record at all.
  for (std::size_t j = 6; j < s.rollcalls; ++j) s.votes[3 * s.rollcalls + j] = ip::kAbsent;
  for (std::size_t j = 0; j < 6; ++j) s.votes[3 * s.rollcalls + j] = ip::kYes;
  for (std::size_t j = 0; j < s.rollcalls; ++j) {
    s.votes[4 * s.rollcalls + j] = ip::kNonMember;
    s.votes[5 * s.rollcalls + j] = ip::kNoRecord;
  }
  const auto e = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  ASSERT_TRUE(e.fit.converged);
  EXPECT_EQ(e.fit.states_estimated, 97u);
  for (std::size_t i : {3u, 4u, 5u}) EXPECT_TRUE(std::isnan(e.idealpoint[i])) << i;
  EXPECT_LE(e.votes[3], 6);
  EXPECT_EQ(e.votes[4], 0);
  EXPECT_EQ(e.votes[5], 0);
  std::size_t finite = 0;
  for (double x : e.idealpoint) finite += std::isfinite(x);
  EXPECT_EQ(finite, 97u);
  // Every kept state voted on about 80 % of the roll calls.
  EXPECT_NEAR(static_cast<double>(e.votes[10]), 0.8 * static_cast<double>(e.fit.rollcalls_kept), 16.0);
  const double r = correlation(e.idealpoint, s.truth);
  std::cout << "synthetic recovery with 20 % absent: r " << r << '\n';
  EXPECT_GT(r, 0.93);
  // A lower minimum lets the thin state in.
  ip::Options few;
  few.min_votes = 5;
  EXPECT_EQ(ip::estimate(s.ccodes, s.rollcalls, s.votes, few).fit.states_estimated, 98u);
}

TEST(Idealpoint, AbstentionCountsAsNoOrAsMissing) {
  auto s = draw(60, 50, 23);
  // State 7 abstains wherever it would have voted no.
  std::size_t noes = 0;
  for (std::size_t j = 0; j < s.rollcalls; ++j)
    if (auto& v = s.votes[7 * s.rollcalls + j]; v == ip::kNo) v = ip::kAbstain, ++noes;
  ASSERT_GT(noes, 10u);
  const auto as_no = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  ip::Options missing;
  missing.abstention = ip::Abstention::missing;
  const auto as_missing = ip::estimate(s.ccodes, s.rollcalls, s.votes, missing);
  // As no, the abstentions are votes like the noes they replaced; as missing they drop out.
  EXPECT_EQ(static_cast<std::size_t>(as_no.votes[7]), as_no.fit.rollcalls_kept);
  EXPECT_LT(as_missing.votes[7], as_no.votes[7]);
  EXPECT_GT(correlation(as_no.idealpoint, s.truth), 0.9);
}

TEST(Idealpoint, IsDeterministic) {
  const auto s = draw(90, 70, 29, 0.1);
  const auto a = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  const auto b = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  EXPECT_EQ(a.idealpoint, b.idealpoint);
  EXPECT_EQ(a.fit.iterations, b.fit.iterations);
}

TEST(Idealpoint, NothingToScaleGivesNaNAndBadShapesThrow) {
  const std::vector<int> ccodes = {2, 20, 200};
  const auto none = ip::estimate(ccodes, 0, std::vector<std::int8_t>{});
  EXPECT_EQ(none.idealpoint.size(), 3u);
  for (double x : none.idealpoint) EXPECT_TRUE(std::isnan(x));
  EXPECT_FALSE(none.fit.converged);
  EXPECT_EQ(none.fit.iterations, 0);
  // One roll call, unanimous: dropped, so nothing is estimated.
  const auto unanimous = ip::estimate(ccodes, 1, std::vector<std::int8_t>{1, 1, 1});
  EXPECT_EQ(unanimous.fit.rollcalls_kept, 0u);
  EXPECT_TRUE(std::isnan(unanimous.idealpoint[0]));
  EXPECT_THROW(ip::estimate(ccodes, 2, std::vector<std::int8_t>{1, 3, 1}), std::invalid_argument);
}

// The default stopping rule is close to the posterior mode itself: a much tighter tolerance takes
// more steps but moves no ideal point far, even with few roll calls, where plain EM creeps.
TEST(Idealpoint, StopsCloseToThePosteriorMode) {
  const auto s = draw(60, 25, 31);
  const auto usual = ip::estimate(s.ccodes, s.rollcalls, s.votes);
  ip::Options tight;
  tight.tolerance = 1e-9;
  const auto exact = ip::estimate(s.ccodes, s.rollcalls, s.votes, tight);
  ASSERT_TRUE(usual.fit.converged);
  ASSERT_TRUE(exact.fit.converged);
  EXPECT_GT(exact.fit.iterations, usual.fit.iterations);
  double largest = 0;
  for (std::size_t i = 0; i < s.ccodes.size(); ++i)
    largest = std::max(largest, std::fabs(usual.idealpoint[i] - exact.idealpoint[i]));
  std::cout << "tolerance 1e-4 vs 1e-9: " << usual.fit.iterations << " vs " << exact.fit.iterations
            << " EM steps, largest difference " << largest << '\n';
  EXPECT_LT(largest, 0.01);
}
