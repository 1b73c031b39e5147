// Dynamics after a shock: signed complete graphs, local triad dynamics (random numbers: core/random)
// against Antal, Krapivsky & Redner's results, the continuous dynamics, myopic moves on a
// landscape, and the summary of end states. The statistical tests use fixed seeds, so they are
// deterministic; their bounds leave room for other seeds too.
#include "entente/dynamics/dynamics.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <set>

#include "entente/core/random.hpp"
#include "entente/landscape/landscape.hpp"

namespace core = entente::core;
namespace dyn = entente::dynamics;
namespace ls = entente::landscape;

namespace {

// Balance by definition: every triangle's sign product is positive.
bool balanced_by_triangles(const dyn::SignMatrix& s) {
  for (std::size_t i = 0; i < s.n; ++i)
    for (std::size_t j = i + 1; j < s.n; ++j)
      for (std::size_t k = j + 1; k < s.n; ++k)
        if (s.at(i, j) * s.at(j, k) * s.at(i, k) < 0) return false;
  return true;
}

// The complete graph of two factions: friendly within, hostile across.
dyn::SignMatrix from_sides(const std::vector<std::uint8_t>& sides) {
  const std::size_t n = sides.size();
  dyn::SignMatrix s{n, std::vector<std::int8_t>(n * n, 0)};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (i != j) s.sign[i * n + j] = sides[i] == sides[j] ? 1 : -1;
  return s;
}

void flip(dyn::SignMatrix& s, std::size_t i, std::size_t j) {
  s.sign[i * s.n + j] = s.sign[j * s.n + i] = static_cast<std::int8_t>(-s.sign[i * s.n + j]);
}

bool paradise(const dyn::Outcome& o) {
  if (!o.settled) return false;
  for (auto side : o.sides)
    if (side != 0) return false;
  return true;
}

bool two_factions(const dyn::Outcome& o) { return o.settled && !paradise(o); }

dyn::SignMatrix all_hostile(std::size_t n) { return dyn::random_signs(n, 0.0, 0); }

// Runs of local triad dynamics from random starts (friendly with probability ½), every start and
// run seeded from `seed`. The cap on updates is far above what the runs here need (hundreds to a
// few thousand), and keeps a broken dynamics from running for hours before failing.
std::vector<dyn::Outcome> triad_runs(std::size_t n, double p, int runs, std::uint64_t seed, bool hostile_start = false) {
  std::vector<dyn::Outcome> out;
  for (int r = 0; r < runs; ++r) {
    const auto k = static_cast<std::uint64_t>(r);
    const dyn::SignMatrix start = hostile_start ? all_hostile(n) : dyn::random_signs(n, 0.5, core::member_seed(seed, 2 * k));
    out.push_back(dyn::local_triad_dynamics(start, {p, 50'000}, core::member_seed(seed, 2 * k + 1)));
  }
  return out;
}

int count(const std::vector<dyn::Outcome>& runs, bool (*what)(const dyn::Outcome&)) {
  int c = 0;
  for (const auto& o : runs) c += what(o) ? 1 : 0;
  return c;
}

double mean_time(const std::vector<dyn::Outcome>& runs) {
  double t = 0;
  for (const auto& o : runs) t += o.time;
  return t / static_cast<double>(runs.size());
}

// Symmetric weights uniform in [−scale, scale], zero diagonal.
std::vector<double> random_weights(std::size_t n, double scale, std::uint64_t seed) {
  core::Rng rng(seed);
  std::vector<double> w(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) w[i * n + j] = w[j * n + i] = scale * (2 * rng.uniform() - 1);
  return w;
}

// A landscape of integer sizes and propensities, so that energies are exact in doubles.
ls::Instance integer_instance(std::size_t n, std::uint64_t seed) {
  core::Rng rng(seed);
  ls::Instance in;
  in.propensity.assign(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    in.names.push_back("a" + std::to_string(i));
    in.sizes.push_back(static_cast<double>(1 + rng.below(5)));
    for (std::size_t j = 0; j < i; ++j)
      in.propensity[i * n + j] = in.propensity[j * n + i] = static_cast<double>(static_cast<int>(rng.below(5)) - 2);
  }
  in.labels = in.names;
  return in;
}

ls::Alignment random_alignment(std::size_t n, core::Rng& rng) {
  ls::Alignment a(n);
  for (auto& side : a) side = static_cast<std::uint8_t>(rng.below(2));
  return a;
}

}  // namespace

// ---- Signed complete graphs ----

TEST(DynamicsSigns, SignsOfWeights) {
  // Actors 0, 1, 2: a rivalry (−0.6), a neutral tie (0) and an alliance (0.9).
  const std::vector<double> w = {0, -0.6, 0, -0.6, 0, 0.9, 0, 0.9, 0};
  const dyn::SignMatrix s = dyn::signs_of(w, 3);
  EXPECT_EQ(s.at(0, 1), -1);
  EXPECT_EQ(s.at(0, 2), 1);  // neutral counts as amity
  EXPECT_EQ(s.at(1, 2), 1);
  EXPECT_EQ(s.at(1, 1), 0);
  EXPECT_NO_THROW(dyn::check(s));
  EXPECT_THROW(dyn::signs_of({0, 1, 0.5, 0}, 2), std::invalid_argument);  // asymmetric
  EXPECT_THROW(dyn::signs_of({0, 1, 1}, 2), std::invalid_argument);       // wrong size
  EXPECT_THROW(dyn::signs_of({0, NAN, NAN, 0}, 2), std::invalid_argument);
}

TEST(DynamicsSigns, CheckRejectsInvalidMatrices) {
  dyn::SignMatrix s = dyn::random_signs(4, 0.5, 3);
  s.sign[0 * 4 + 1] = 0;
  EXPECT_THROW(dyn::check(s), std::invalid_argument);
  s = dyn::random_signs(4, 0.5, 3);
  s.sign[2 * 4 + 3] = static_cast<std::int8_t>(-s.sign[3 * 4 + 2]);
  EXPECT_THROW(dyn::check(s), std::invalid_argument);
  s = dyn::random_signs(4, 0.5, 3);
  s.sign[5] = 1;  // the diagonal
  EXPECT_THROW(dyn::check(s), std::invalid_argument);
}

TEST(DynamicsSigns, BalancedAgreesWithBruteForce) {
  int balanced_seen = 0, imbalanced_seen = 0;
  for (std::uint64_t seed = 0; seed < 400; ++seed) {
    const std::size_t n = 3 + seed % 6;
    core::Rng rng(seed);
    dyn::SignMatrix s;
    if (seed % 2 == 0) {
      s = dyn::random_signs(n, rng.uniform(), seed);
    } else {
      // Two factions, then sometimes one or two ties changed.
      std::vector<std::uint8_t> sides(n);
      for (auto& side : sides) side = static_cast<std::uint8_t>(rng.below(2));
      s = from_sides(sides);
      for (std::uint64_t f = rng.below(3); f > 0; --f) {
        const std::size_t i = rng.below(n), j = (i + 1 + rng.below(n - 1)) % n;
        flip(s, i, j);
      }
    }
    const bool expected = balanced_by_triangles(s);
    EXPECT_EQ(dyn::balanced(s), expected) << "seed " << seed;
    EXPECT_EQ(dyn::imbalanced_triads(s) == 0, expected) << "seed " << seed;
    const auto sides = dyn::factions(s);
    EXPECT_EQ(!sides.empty(), expected);
    if (expected) {
      EXPECT_EQ(sides[0], 0);
      EXPECT_EQ(from_sides(sides).sign, s.sign);  // the factions give back the signs
      ++balanced_seen;
    } else {
      ++imbalanced_seen;
    }
  }
  EXPECT_GT(balanced_seen, 50);
  EXPECT_GT(imbalanced_seen, 50);
}

TEST(DynamicsSigns, ImbalancedTriadsCounted) {
  EXPECT_EQ(dyn::imbalanced_triads(all_hostile(5)), 10u);  // every triangle has three enemies
  dyn::SignMatrix s = from_sides({0, 0, 0, 0, 0});
  flip(s, 1, 3);  // one hostile tie: the three triangles through it
  EXPECT_EQ(dyn::imbalanced_triads(s), 3u);
}

// ---- Local triad dynamics ----

TEST(DynamicsTriads, SettledRunsEndBalanced) {
  for (std::uint64_t seed = 0; seed < 60; ++seed) {
    const std::size_t n = 3 + seed % 10;
    const double p = static_cast<double>(seed % 5) / 4.0;
    dyn::SignMatrix end;
    const auto o = dyn::local_triad_dynamics(dyn::random_signs(n, 0.5, seed), {p, 1'000'000}, seed + 1000, &end);
    ASSERT_TRUE(o.settled) << "seed " << seed;
    EXPECT_TRUE(balanced_by_triangles(end)) << "seed " << seed;
    EXPECT_EQ(dyn::imbalanced_triads(end), 0u);
    EXPECT_EQ(o.sides, dyn::factions(end));
    EXPECT_EQ(o.sides.size(), n);
  }
  // Cut off early, a run is not settled, has no factions, and its signs are not balanced.
  dyn::SignMatrix end;
  const auto o = dyn::local_triad_dynamics(dyn::random_signs(12, 0.5, 5), {0.5, 3}, 6, &end);
  EXPECT_FALSE(o.settled);
  EXPECT_EQ(o.steps, 3u);
  EXPECT_TRUE(o.sides.empty());
  EXPECT_FALSE(dyn::balanced(end));
}

TEST(DynamicsTriads, BalancedStartDoesNotMove) {
  const std::vector<std::uint8_t> sides = {0, 1, 1, 0, 1, 0};
  const auto o = dyn::local_triad_dynamics(from_sides(sides), {}, 1);
  EXPECT_TRUE(o.settled);
  EXPECT_EQ(o.steps, 0u);
  EXPECT_EQ(o.time, 0.0);
  EXPECT_EQ(o.sides, sides);
}

TEST(DynamicsTriads, SameSeedSameOutcome) {
  const dyn::SignMatrix start = dyn::random_signs(20, 0.5, 9);
  const auto a = dyn::local_triad_dynamics(start, {0.5, 1'000'000}, 77);
  const auto b = dyn::local_triad_dynamics(start, {0.5, 1'000'000}, 77);
  EXPECT_EQ(a.settled, b.settled);
  EXPECT_EQ(a.sides, b.sides);
  EXPECT_EQ(a.steps, b.steps);
  EXPECT_EQ(a.time, b.time);
  // Other seeds take other paths: the number of updates differs for most of them.
  std::set<std::uint64_t> steps;
  for (std::uint64_t seed = 0; seed < 10; ++seed) steps.insert(dyn::local_triad_dynamics(start, {0.5, 1'000'000}, seed).steps);
  EXPECT_GT(steps.size(), 5u);
}

TEST(DynamicsTriads, ParadiseAboveOneHalf) {
  // Antal et al.: for p > 1/2 a network falls into paradise (every tie friendly); at N = 16 and
  // p = 0.8 practically every run does, from random and from all-hostile starts.
  const auto random_start = triad_runs(16, 0.8, 100, 11);
  EXPECT_GE(count(random_start, paradise), 90);
  const auto hostile_start = triad_runs(16, 0.8, 100, 12, true);
  EXPECT_GE(count(hostile_start, paradise), 90);
}

TEST(DynamicsTriads, TwoFactionsBelowOneHalf) {
  // For p < 1/2 the network fluctuates around a steady density of friendly ties, and a small
  // one ends in a balanced state of two factions (the time to get there grows like e^(N²), so
  // N stays small here).
  for (double p : {0.0, 0.3}) {
    const auto runs = triad_runs(8, p, 100, 13);
    EXPECT_EQ(count(runs, [](const dyn::Outcome& o) { return o.settled; }), 100) << "p = " << p;
    EXPECT_GE(count(runs, two_factions), 90) << "p = " << p;
  }
}

TEST(DynamicsTriads, TimeToParadiseGrowsLikeLogN) {
  // For p > 1/2 the hostile ties die out exponentially, at the rate 3(2p − 1) in the mean-field
  // rate equations, so the time to paradise is about ln L / (3(2p − 1)) ≈ (2 / (3(2p − 1))) ln N,
  // 1.11 ln N at p = 0.8. Measured: about 1.2 ln N for N = 8 … 32. Growth like N^a with a ≥ ½
  // would at least double the time from N = 8 to N = 32; ln N multiplies it by 1.67.
  std::vector<double> means;
  for (std::size_t n : {8u, 16u, 32u}) {
    const auto runs = triad_runs(n, 0.8, 60, 14 + n);
    EXPECT_GE(count(runs, paradise), 54) << "N = " << n;
    const double mean = mean_time(runs);
    means.push_back(mean);
    const double per_log = mean / std::log(static_cast<double>(n));
    EXPECT_GT(per_log, 0.7) << "N = " << n << ", mean time " << mean;
    EXPECT_LT(per_log, 1.8) << "N = " << n << ", mean time " << mean;
  }
  EXPECT_LT(means[0], means[1]);
  EXPECT_LT(means[1], means[2]);
  EXPECT_LT(means[2] / means[0], 2.0);
}

TEST(DynamicsTriads, RejectsBadInput) {
  EXPECT_THROW(dyn::local_triad_dynamics(dyn::random_signs(5, 0.5, 1), {1.5, 10}, 1), std::invalid_argument);
  dyn::SignMatrix s = dyn::random_signs(5, 0.5, 1);
  s.sign.pop_back();
  EXPECT_THROW(dyn::local_triad_dynamics(s, {}, 1), std::invalid_argument);
  EXPECT_THROW(dyn::local_triad_dynamics(dyn::random_signs(dyn::kTriadActorsMax + 1, 0.5, 1), {}, 1),
               std::invalid_argument);
  // Fewer than three actors have no triads and are balanced already.
  EXPECT_TRUE(dyn::local_triad_dynamics(dyn::random_signs(2, 0.0, 1), {}, 1).settled);
  EXPECT_TRUE(dyn::local_triad_dynamics(dyn::SignMatrix{}, {}, 1).settled);
}

// ---- Continuous dynamics ----

TEST(DynamicsContinuous, BalancedStartKeepsItsFactions) {
  // Two factions with clear ties of mixed strength: the signs are balanced from the start and
  // stay so; the factions come out as they went in.
  const std::vector<std::uint8_t> sides = {0, 0, 1, 0, 1, 1, 0, 1, 0, 0};
  const std::size_t n = sides.size();
  core::Rng rng(5);
  std::vector<double> w(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const double strength = 0.2 + 0.7 * rng.uniform();
      w[i * n + j] = w[j * n + i] = sides[i] == sides[j] ? strength : -strength;
    }
  const auto o = dyn::continuous_dynamics(w, n, {}, 3);
  EXPECT_TRUE(o.settled);
  EXPECT_FALSE(o.jammed);
  EXPECT_EQ(o.sides, sides);
  EXPECT_EQ(o.time, 0.0);  // no sign ever changed
  EXPECT_GE(o.steps, 10u);  // the settling time, 0.1, in steps of 0.01
  EXPECT_LE(o.steps, 11u);
}

TEST(DynamicsContinuous, RandomStartsEndBalancedInTwoFactions) {
  // Kułakowski et al.: from random ties the system reaches Heider balance, in two factions.
  // Starts with strong ties can end jammed instead (about 1% at N = 30); none of these does.
  int two = 0;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const std::size_t n = 12;
    const auto o = dyn::continuous_dynamics(random_weights(n, 0.5, seed), n, {}, seed + 100);
    ASSERT_TRUE(o.settled) << "seed " << seed;
    EXPECT_EQ(o.sides.size(), n);
    EXPECT_TRUE(dyn::balanced(from_sides(o.sides)));
    EXPECT_GT(o.time, 0.0);
    EXPECT_LT(o.time, 10.0);
    two += two_factions(o) ? 1 : 0;
  }
  EXPECT_GE(two, 18);
}

TEST(DynamicsContinuous, SameSeedSameOutcome) {
  const auto w = random_weights(9, 0.3, 4);
  const auto a = dyn::continuous_dynamics(w, 9, {}, 8);
  const auto b = dyn::continuous_dynamics(w, 9, {}, 8);
  EXPECT_EQ(a.sides, b.sides);
  EXPECT_EQ(a.steps, b.steps);
  EXPECT_EQ(a.time, b.time);
  // From all-neutral ties the noise alone decides: different seeds, different factions. (With
  // ties of size ε the system needs a time of order ln(1/ε) / (ε√n) to grow them, so the noise is
  // made large enough to finish well within t_max.)
  std::set<std::vector<std::uint8_t>, ls::AlignmentLess> ends;  // not std::less: see AlignmentLess
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const auto o = dyn::continuous_dynamics(std::vector<double>(81, 0.0), 9, {0.01, 50, 0.2, 0.1}, seed);
    EXPECT_TRUE(o.settled);
    ends.insert(o.sides);
  }
  EXPECT_GT(ends.size(), 3u);
}

TEST(DynamicsContinuous, JammedStateIsRecognised) {
  // A jammed state: unbalanced signs where changing any one tie would unbalance more triangles
  // than it balances. Found by letting every such improving change happen until none is left
  // (with 9 actors each tie has an odd number of triangles, so there are no ties).
  const std::size_t n = 9;
  dyn::SignMatrix jam;
  for (std::uint64_t seed = 0; seed < 2000 && jam.n == 0; ++seed) {
    dyn::SignMatrix s = dyn::random_signs(n, 0.5, seed);
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
          int support = 0;
          for (std::size_t k = 0; k < n; ++k) support += s.at(i, k) * s.at(k, j);
          if (support * s.at(i, j) < 0) {
            flip(s, i, j);
            changed = true;
          }
        }
    }
    if (!dyn::balanced(s)) jam = s;
  }
  ASSERT_EQ(jam.n, n) << "no jammed state found";

  // Strong ties with those signs: the continuous dynamics can never balance them, and says so
  // early instead of running to t_max.
  std::vector<double> w(n * n, 0.0);
  for (std::size_t i = 0; i < n * n; ++i) w[i] = 0.95 * jam.sign[i];
  const auto o = dyn::continuous_dynamics(w, n, {0.01, 50, 1e-3, 0.1}, 1);
  EXPECT_TRUE(o.jammed);
  EXPECT_FALSE(o.settled);
  EXPECT_TRUE(o.sides.empty());
  EXPECT_LT(o.steps, 1000u);
  EXPECT_EQ(o.time, 0.0);  // no sign changed on the way
}

TEST(DynamicsContinuous, SaturatedAndNeutralStarts) {
  // Ties at exactly ±1 are moved inside: a balanced start at full strength is kept, and an
  // unbalanced one still resolves (the lone hostile tie of a friendly triangle cannot stay).
  const std::vector<double> balanced_start = {0, 1, -1, 1, 0, -1, -1, -1, 0};
  const auto a = dyn::continuous_dynamics(balanced_start, 3, {}, 1);
  EXPECT_TRUE(a.settled);
  EXPECT_EQ(a.sides, (std::vector<std::uint8_t>{0, 0, 1}));
  // Four actors: 0–1 hostile, every other tie friendly at full strength. Each of 0 and 1 is
  // a friend of both 2 and 3, so the hostile tie is outvoted two to none.
  std::vector<double> w(16, 1.0);
  for (std::size_t i = 0; i < 4; ++i) w[i * 4 + i] = 0;
  w[0 * 4 + 1] = w[1 * 4 + 0] = -1;
  for (double noise : {0.0, 1e-3}) {
    const auto o = dyn::continuous_dynamics(w, 4, {0.01, 50, noise, 0.1}, 2);
    EXPECT_TRUE(o.settled) << "noise " << noise;
    EXPECT_EQ(o.sides, (std::vector<std::uint8_t>{0, 0, 0, 0})) << "noise " << noise;
    EXPECT_GT(o.time, 0.0);
  }
}

TEST(DynamicsContinuous, SignChangeComesWhenTheEquationSays) {
  // Six friends (ties 0.5) but for one hostile pair 0–1 (−0.3), no noise. By symmetry only three
  // values evolve: u (the pair 0–1), v (0 or 1 with another) and w (two others), and the paper's
  // equation reduces to
  //   du/dt = (1 − u²)(n − 2) v²,  dv/dt = (1 − v²)(u v + (n − 3) v w),
  //   dw/dt = (1 − w²)((n − 4) w² + 2 v²).
  // Integrated here in x itself with a far finer step (midpoint rule), it gives the moment u
  // turns positive; the run's last sign change is that moment, to within one step.
  const std::size_t n = 6;
  std::vector<double> w(n * n, 0.5);
  for (std::size_t i = 0; i < n; ++i) w[i * n + i] = 0;
  w[0 * n + 1] = w[1 * n + 0] = -0.3;
  const dyn::ContinuousOptions options{0.01, 50, 0.0, 0.1};
  const auto o = dyn::continuous_dynamics(w, n, options, 1);
  ASSERT_TRUE(o.settled);
  EXPECT_EQ(o.sides, std::vector<std::uint8_t>(n, 0));

  const double m = static_cast<double>(n);
  auto rates = [m](const std::array<double, 3>& x) {
    const double u = x[0], v = x[1], s = x[2];
    return std::array<double, 3>{(1 - u * u) * (m - 2) * v * v, (1 - v * v) * (u * v + (m - 3) * v * s),
                                 (1 - s * s) * ((m - 4) * s * s + 2 * v * v)};
  };
  std::array<double, 3> x = {-0.3, 0.5, 0.5};
  const double h = 1e-5;
  double t = 0;
  while (x[0] < 0) {
    const auto k1 = rates(x);
    std::array<double, 3> mid{};
    for (int c = 0; c < 3; ++c) mid[c] = x[c] + h / 2 * k1[c];
    const auto k2 = rates(mid);
    for (int c = 0; c < 3; ++c) x[c] += h * k2[c];
    t += h;
  }
  EXPECT_GT(t, 0.05);  // a real wait, not the first step
  EXPECT_NEAR(o.time, t, options.dt + 1e-4) << "the reduced equations cross zero at t = " << t;
}

TEST(DynamicsContinuous, RejectsBadInput) {
  const auto w = random_weights(5, 0.5, 1);
  EXPECT_THROW(dyn::continuous_dynamics({0, 2, 2, 0}, 2, {}, 1), std::invalid_argument);  // beyond ±1
  EXPECT_THROW(dyn::continuous_dynamics({0, 0.5, 0.4, 0}, 2, {}, 1), std::invalid_argument);
  EXPECT_THROW(dyn::continuous_dynamics(w, 4, {}, 1), std::invalid_argument);
  EXPECT_THROW(dyn::continuous_dynamics(w, 5, {0, 50, 1e-3, 0.1}, 1), std::invalid_argument);
  EXPECT_THROW(dyn::continuous_dynamics(w, 5, {0.01, 50, 2, 0.1}, 1), std::invalid_argument);
  EXPECT_THROW(dyn::continuous_dynamics(w, 5, {1.5, 50, 1e-3, 0.1}, 1), std::invalid_argument);  // unstable
}

// ---- Myopic moves on a landscape ----

TEST(DynamicsMyopic, EndsInALocalMinimum) {
  for (std::uint64_t seed = 0; seed < 40; ++seed) {
    const std::size_t n = 4 + seed % 6;
    const ls::Instance in = integer_instance(n, seed);
    core::Rng rng(seed + 500);
    const auto o = dyn::myopic_moves(in, random_alignment(n, rng), seed);
    ASSERT_TRUE(o.settled);
    EXPECT_EQ(o.sides, ls::normalised(o.sides));
    const double e = ls::energy(in, o.sides);
    for (std::size_t i = 0; i < n; ++i) {
      ls::Alignment moved = o.sides;
      moved[i] ^= 1u;
      EXPECT_GE(ls::energy(in, moved), e) << "seed " << seed << ": moving actor " << i << " lowers the energy";
    }
    EXPECT_EQ(o.time, static_cast<double>(o.steps));
  }
}

TEST(DynamicsMyopic, LocalMinimumDoesNotMove) {
  const ls::Instance in = integer_instance(8, 3);
  core::Rng rng(4);
  const auto first = dyn::myopic_moves(in, random_alignment(8, rng), 1);
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const auto again = dyn::myopic_moves(in, first.sides, seed);
    EXPECT_TRUE(again.settled);
    EXPECT_EQ(again.steps, 0u);
    EXPECT_EQ(again.sides, first.sides);
  }
  // Each move lowers the energy, so the moves from a start are not many.
  EXPECT_LE(first.steps, 8u * 8u);
}

TEST(DynamicsMyopic, EndStatesAreTheLandscapeMinima) {
  const ls::Instance in = integer_instance(7, 21);
  const ls::Landscape exact = ls::exact(in);
  std::set<ls::Alignment, ls::AlignmentLess> minima;
  for (const auto& m : exact.minima) minima.insert(m.sides);

  std::vector<dyn::Outcome> runs;
  core::Rng rng(22);
  for (std::uint64_t seed = 0; seed < 300; ++seed) runs.push_back(dyn::myopic_moves(in, random_alignment(7, rng), seed));
  const auto ends = dyn::end_states(runs);
  std::uint64_t total = 0;
  for (const auto& e : ends) {
    EXPECT_TRUE(e.settled);
    EXPECT_TRUE(minima.count(e.sides)) << "an end state that is not a local minimum";
    total += e.runs;
  }
  EXPECT_EQ(total, runs.size());
}

TEST(DynamicsMyopic, SameSeedSameOutcomeAndCap) {
  const ls::Instance in = integer_instance(9, 31);
  const ls::Alignment start(9, 0);  // everyone together: whoever dislikes the rest will leave
  const auto a = dyn::myopic_moves(in, start, 5);
  const auto b = dyn::myopic_moves(in, start, 5);
  EXPECT_EQ(a.sides, b.sides);
  EXPECT_EQ(a.steps, b.steps);
  ASSERT_GT(a.steps, 0u);
  // Capped before the end: not settled, and the alignment where it stopped.
  const auto capped = dyn::myopic_moves(in, start, 5, 0);
  EXPECT_FALSE(capped.settled);
  EXPECT_EQ(capped.steps, 0u);
  EXPECT_EQ(capped.sides, start);
  EXPECT_THROW(dyn::myopic_moves(in, ls::Alignment(8, 0), 1), std::invalid_argument);
  EXPECT_THROW(dyn::myopic_moves(in, ls::Alignment(9, 2), 1), std::invalid_argument);
}

// ---- End states ----

TEST(DynamicsEndStates, GroupsCountsAndOrders) {
  auto run = [](std::vector<std::uint8_t> sides, bool settled, double time) {
    dyn::Outcome o;
    o.sides = std::move(sides);
    o.settled = settled;
    o.time = time;
    return o;
  };
  const std::vector<dyn::Outcome> runs = {
      run({0, 1, 1}, true, 2),  run({0, 0, 0}, true, 1), run({0, 1, 1}, true, 4), run({}, false, 9),
      run({0, 1, 0}, true, 3),  run({0, 0, 0}, true, 5), run({0, 1, 1}, true, 6), run({0, 1, 1}, false, 7),
  };
  const auto ends = dyn::end_states(runs);
  ASSERT_EQ(ends.size(), 4u);
  EXPECT_EQ(ends[0].sides, (std::vector<std::uint8_t>{0, 1, 1}));
  EXPECT_EQ(ends[0].runs, 3u);
  EXPECT_DOUBLE_EQ(ends[0].mean_time, 4.0);
  EXPECT_DOUBLE_EQ(ends[0].max_time, 6.0);
  // Two runs each: settled before unsettled.
  EXPECT_EQ(ends[1].sides, (std::vector<std::uint8_t>{0, 0, 0}));
  EXPECT_EQ(ends[1].runs, 2u);
  EXPECT_DOUBLE_EQ(ends[1].mean_time, 3.0);
  EXPECT_FALSE(ends[2].settled);  // both unsettled runs, whatever their sides
  EXPECT_TRUE(ends[2].sides.empty());
  EXPECT_EQ(ends[2].runs, 2u);
  EXPECT_DOUBLE_EQ(ends[2].mean_time, 8.0);
  EXPECT_DOUBLE_EQ(ends[2].max_time, 9.0);
  EXPECT_EQ(ends[3].sides, (std::vector<std::uint8_t>{0, 1, 0}));
  EXPECT_EQ(ends[3].runs, 1u);
  EXPECT_TRUE(dyn::end_states({}).empty());
}
