// Landscape theory: the model's definitions, the exact search against a brute-force reference
// written plainly here, the heuristic, the readers and the instance built from evidence.
#include "entente/landscape/landscape.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <random>
#include <set>

#include "entente/io/file.hpp"
#include "entente/io/parse_error.hpp"
#include "entente/landscape/fields.hpp"
#include "test_support.hpp"

namespace ls = entente::landscape;
using entente::testing::shared_data;

namespace {

// Random instances: integer ratings (ties everywhere) or real values (ties almost never).
ls::Instance random_instance(std::size_t n, std::uint64_t seed, bool integers) {
  std::mt19937_64 rng(seed);
  ls::Instance in;
  in.propensity.assign(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    in.names.push_back("a" + std::to_string(i));
    in.sizes.push_back(integers ? static_cast<double>(1 + rng() % 5)
                                : std::uniform_real_distribution<double>(0.1, 1.0)(rng));
    for (std::size_t j = 0; j < i; ++j) {
      const double p = integers ? static_cast<double>(static_cast<int>(rng() % 5) - 2)
                                : std::uniform_real_distribution<double>(-1.0, 1.0)(rng);
      in.propensity[i * n + j] = in.propensity[j * n + i] = p;
    }
  }
  in.labels = in.names;
  return in;
}

ls::Alignment random_alignment(std::size_t n, std::mt19937_64& rng) {
  ls::Alignment a(n);
  for (auto& s : a) s = static_cast<std::uint8_t>(rng() & 1u);
  return a;
}

// The brute-force reference, written from the definitions: the energy of every configuration
// from scratch (Σ over ordered pairs on different sides), each move's change as the difference of
// two such energies, the steepest move by a plain scan, each configuration's descent followed to
// its end. Configurations keep the last actor on side 0.
struct ReferenceMinimum {
  double energy = 0;
  std::uint64_t basin = 0;
};
std::map<ls::Alignment, ReferenceMinimum, ls::AlignmentLess> brute_force(const ls::Instance& in) {
  const std::size_t n = in.n();
  const std::uint64_t count = std::uint64_t{1} << (n - 1);
  auto alignment = [&](std::uint64_t c) {
    ls::Alignment a(n, 0);
    for (std::size_t i = 0; i + 1 < n; ++i) a[i] = (c >> i) & 1u;
    return a;
  };
  auto index = [&](ls::Alignment a) {
    if (a[n - 1] == 1)
      for (auto& s : a) s ^= 1u;
    std::uint64_t c = 0;
    for (std::size_t i = 0; i + 1 < n; ++i) c |= std::uint64_t{a[i]} << i;
    return c;
  };
  std::vector<double> energy(count);
  for (std::uint64_t c = 0; c < count; ++c) {
    const auto a = alignment(c);
    double e = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (i != j && a[i] != a[j]) e += in.sizes[i] * in.sizes[j] * in.propensity[i * n + j];
    energy[c] = e;
  }
  std::vector<std::int64_t> next(count, -1);  // -1: a local minimum
  for (std::uint64_t c = 0; c < count; ++c) {
    double best = 0;
    for (std::size_t i = 0; i < n; ++i) {
      auto a = alignment(c);
      a[i] ^= 1u;
      const std::uint64_t d = index(a);
      const double change = energy[d] - energy[c];
      if (change < best) {
        best = change;
        next[c] = static_cast<std::int64_t>(d);
      }
    }
  }
  std::map<ls::Alignment, ReferenceMinimum, ls::AlignmentLess> out;
  for (std::uint64_t c = 0; c < count; ++c) {
    std::uint64_t x = c;
    while (next[x] >= 0) x = static_cast<std::uint64_t>(next[x]);
    auto a = alignment(x);
    if (a[0] == 1)
      for (auto& s : a) s ^= 1u;
    auto& m = out[a];
    m.energy = energy[x];
    ++m.basin;
  }
  return out;
}

void expect_matches_reference(const ls::Landscape& got, const std::map<ls::Alignment, ReferenceMinimum, ls::AlignmentLess>& want,
                              const std::string& what) {
  ASSERT_EQ(got.minima.size(), want.size()) << what;
  std::uint64_t total = 0;
  for (const auto& m : got.minima) {
    const auto it = want.find(m.sides);
    ASSERT_NE(it, want.end()) << what << ": a minimum the reference does not have";
    EXPECT_NEAR(m.energy, it->second.energy, 1e-9 * (1 + std::fabs(it->second.energy))) << what;
    EXPECT_EQ(m.basin, it->second.basin) << what;
    EXPECT_DOUBLE_EQ(m.share, static_cast<double>(m.basin) / static_cast<double>(got.configurations)) << what;
    total += m.basin;
  }
  EXPECT_EQ(total, got.configurations) << what;
  EXPECT_EQ(got.configurations, std::uint64_t{1} << (got.minima.front().sides.size() - 1)) << what;
  for (std::size_t k = 1; k < got.minima.size(); ++k) {
    const auto &a = got.minima[k - 1], &b = got.minima[k];
    EXPECT_TRUE(a.energy < b.energy || (a.energy == b.energy && a.basin >= b.basin)) << what << ": order at " << k;
  }
}

}  // namespace

TEST(Landscape, EnergyCountsEachCrossSidePairTwice) {
  // Sizes 1, 2, 3; p01 = 1, p02 = -1, p12 = 2. Actor 0 alone: pairs (0,1) and (0,2) cross, each
  // counted in both orders: 2 × (1·2·1 + 1·3·(−1)) = −2.
  ls::Instance in{{"x", "y", "z"}, {"x", "y", "z"}, {1, 2, 3}, {0, 1, -1, 1, 0, 2, -1, 2, 0}};
  EXPECT_DOUBLE_EQ(ls::energy(in, {0, 1, 1}), -2.0);
  EXPECT_DOUBLE_EQ(ls::energy(in, {0, 0, 0}), 0.0);
  const auto f = ls::frustration(in, {0, 1, 1});
  EXPECT_DOUBLE_EQ(f[0], 2 - 3);  // s0 s1 p01 + s0 s2 p02
  EXPECT_DOUBLE_EQ(f[1], 2);
  EXPECT_DOUBLE_EQ(f[2], -3);
}

TEST(Landscape, FlippingEverySideLeavesEnergyUnchanged) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 50; ++trial) {
    const auto in = random_instance(2 + static_cast<std::size_t>(trial % 20), static_cast<std::uint64_t>(trial), trial % 2);
    const auto a = random_alignment(in.n(), rng);
    auto mirror = a;
    for (auto& s : mirror) s ^= 1u;
    EXPECT_EQ(ls::energy(in, a), ls::energy(in, mirror)) << trial;
    EXPECT_EQ(ls::frustration(in, a), ls::frustration(in, mirror)) << trial;
    EXPECT_EQ(ls::normalised(a), ls::normalised(mirror)) << trial;
    double sum = 0;
    for (double f : ls::frustration(in, a)) sum += f;
    EXPECT_NEAR(sum, ls::energy(in, a), 1e-12) << trial;
  }
}

namespace {

// A walk's fields and steepest move against their direct recomputation at every step of the
// Gray code over the low `bits` bits from `base`, and every eight steps the batched minimum and
// lane extraction of the exact search against the same moves.
template <class Walk>
void expect_walk_follows_direct(const ls::Instance& in, std::uint64_t base, unsigned bits) {
  const std::size_t n = in.n();
  const auto q = ls::quantise(in);
  const auto padded = ls::pad(q);
  Walk walk(padded, base);
  // The exact search's batch of eight: keys reduced together, lanes read from the least keys.
  ls::Double8 keys[8];
  int wants[8];
  int filled = 0;
  for (std::uint64_t t = 1; t < (std::uint64_t{1} << bits); ++t) {
    walk.flip(static_cast<unsigned>(std::countr_zero(t)));
    const std::uint64_t c = walk.configuration();
    ASSERT_EQ(c, base | (t ^ (t >> 1))) << "Gray-code order";
    ls::Alignment a(n, 0);
    for (std::size_t i = 0; i + 1 < n; ++i) a[i] = (c >> i) & 1u;
    const auto direct = ls::direct_fields(q, a);
    // The steepest move from the direct fields, by a plain scan.
    int want = -1;
    double least = 0;
    for (std::size_t i = 0; i < n; ++i) {
      ASSERT_EQ(walk.field(i), direct[i]) << "step " << t << " actor " << i;
      // The integer fields are the real ones on a grid: close to Σ_j J_ij σ_j × scale.
      double real = 0;
      for (std::size_t j = 0; j < n; ++j) real += in.coupling(i, j) * (a[j] ? -1.0 : 1.0);
      ASSERT_NEAR(direct[i] / q.scale, real, 1e-9 * (1 + std::fabs(real)));
      const double g = a[i] ? -direct[i] : direct[i];
      if (g < least) {
        least = g;
        want = static_cast<int>(i);
      }
    }
    ASSERT_EQ(walk.steepest(), want) << "step " << t;
    walk.keys(keys[filled]);
    wants[filled] = want;
    if (++filled == 8) {
      ls::Double8 lowest;
      ls::least_of_eight(keys, lowest);
      ls::Int64x8 lanes;
      ls::lane_of_key(lowest, lanes);
      for (int i = 0; i < 8; ++i) {
        ASSERT_EQ(Walk::move_of(lowest[i]), wants[i]) << "batch ending at step " << t << ", member " << i;
        if (wants[i] >= 0) {
          ASSERT_EQ(lanes[i], wants[i]) << "batch ending at step " << t << ", member " << i;
        }
      }
      filled = 0;
    }
  }
}

}  // namespace

TEST(Landscape, GrayWalkFieldsEqualDirectRecomputationAtEveryStep) {
  for (const bool integers : {true, false}) expect_walk_follows_direct<ls::GrayWalk>(random_instance(11, 3, integers), 0, 10);
}

// The walk of five vectors (33 to 40 actors), on 34 actors, over 2^14 steps from a start deep in
// the order.
TEST(Landscape, WideGrayWalkFollowsDirectRecomputation) {
  const std::uint64_t base = std::uint64_t{0x155555555} & ((std::uint64_t{1} << 33) - 1) & ~std::uint64_t{0x3FFF};
  for (const bool integers : {true, false})
    expect_walk_follows_direct<ls::WideGrayWalk>(random_instance(34, 5, integers), base, 14);
}

// Every minimum and its exact basin at 14 actors, against the brute force, for real-valued and
// integer (tied) instances, with one worker and with two.
TEST(Landscape, FourteenActorsMatchTheBruteForce) {
  for (const bool integers : {false, true})
    for (std::uint64_t seed : {21u, 22u}) {
      const auto in = random_instance(14, seed, integers);
      const auto want = brute_force(in);
      for (unsigned threads : {1u, 2u})
        expect_matches_reference(ls::exact(in, {threads}), want,
                                 fmt::format("seed {} integers {} threads {}", seed, integers, threads));
    }
}

TEST(Landscape, LocalFieldsFollowMovesExactly) {
  std::mt19937_64 rng(11);
  const auto in = random_instance(40, 5, false);
  const auto q = ls::quantise(in);
  ls::LocalFields fields(q, random_alignment(40, rng));
  for (int step = 0; step < 2000; ++step) {
    fields.move(rng() % 40);
    const auto direct = ls::direct_fields(q, fields.sides());
    for (std::size_t i = 0; i < 40; ++i) ASSERT_EQ(fields.field(i), direct[i]) << step;
  }
}

TEST(Landscape, ExactAgreesWithBruteForceOnRandomInstances) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const bool integers = seed % 2 == 0;
    const std::size_t n = 2 + static_cast<std::size_t>(seed % 11);
    const auto in = random_instance(n, seed, integers);
    expect_matches_reference(ls::exact(in), brute_force(in),
                             "n=" + std::to_string(n) + " seed=" + std::to_string(seed));
  }
}

TEST(Landscape, ExactAgreesWithBruteForceOnBlocksSplitAmongThreads) {
  // 2^15 and 2^16 configurations: enough for the search to split them among workers.
  for (const auto& [n, integers] : std::vector<std::pair<std::size_t, bool>>{{16, true}, {16, false}, {17, true}}) {
    const auto in = random_instance(n, 100 + n, integers);
    const auto reference = brute_force(in);
    const auto one = ls::exact(in, {1});
    const auto two = ls::exact(in, {2});
    const std::string what = "n=" + std::to_string(n) + (integers ? " integers" : " reals");
    expect_matches_reference(one, reference, what + " one thread");
    expect_matches_reference(two, reference, what + " two threads");
  }
}

TEST(Landscape, ManyMinimaMoveTheLabelsToASideArray) {
  // No propensities at all: no move ever lowers the energy, so every configuration is a minimum
  // of its own: 256 (beyond the 222 labels a byte holds) and 131,072 (beyond 65,535).
  for (const std::size_t n : {9u, 18u}) {
    ls::Instance in;
    in.sizes.assign(n, 1.0);
    in.propensity.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) in.names.push_back("a" + std::to_string(i));
    in.labels = in.names;
    const auto got = ls::exact(in, {2});
    ASSERT_EQ(got.minima.size(), std::size_t{1} << (n - 1));
    std::set<ls::Alignment, ls::AlignmentLess> distinct;
    for (const auto& m : got.minima) {
      EXPECT_EQ(m.basin, 1u);
      EXPECT_EQ(m.energy, 0.0);
      distinct.insert(m.sides);
    }
    EXPECT_EQ(distinct.size(), got.minima.size());
  }
  // Many minima with real basins: a frustrated instance checked against the reference.
  ls::Instance in = random_instance(13, 9, true);
  for (auto& p : in.propensity) p = p > 0 ? 0 : p;  // repulsion only, many ties
  expect_matches_reference(ls::exact(in, {2}), brute_force(in), "repulsive");
}

TEST(Landscape, ExactRefusesBeyondItsLimitAndPointsToTheHeuristic) {
  const auto in = random_instance(ls::kExactActorsMax + 1, 1, false);
  try {
    ls::exact(in);
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("heuristic"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(std::to_string(ls::kExactActorsMax + 1) + " actors"), std::string::npos)
        << e.what();
  }
}

TEST(Landscape, HeuristicIsSeededThreadIndependentAndFindsOnlyTrueMinima) {
  const auto in = random_instance(12, 21, false);
  const auto exact = ls::exact(in);
  const auto a = ls::heuristic(in, {5, 20000, 1});
  const auto b = ls::heuristic(in, {5, 20000, 2});
  EXPECT_FALSE(a.exhaustive);
  EXPECT_EQ(a.starts, 20000u);
  ASSERT_EQ(a.minima.size(), b.minima.size());
  for (std::size_t k = 0; k < a.minima.size(); ++k) {
    EXPECT_EQ(a.minima[k].sides, b.minima[k].sides);
    EXPECT_EQ(a.minima[k].basin, b.minima[k].basin);
  }
  std::map<ls::Alignment, double, ls::AlignmentLess> share;
  for (const auto& m : exact.minima) share[m.sides] = m.share;
  std::uint64_t starts = 0;
  for (const auto& m : a.minima) {
    ASSERT_TRUE(share.count(m.sides)) << "the heuristic reached an alignment that is not a local minimum";
    // The same descent rule: the share of starts estimates the basin share (5 standard errors).
    const double p = share[m.sides];
    EXPECT_NEAR(m.share, p, 5 * std::sqrt(p * (1 - p) / 20000) + 1e-9);
    starts += m.basin;
  }
  EXPECT_EQ(starts, 20000u);
  const auto other = ls::heuristic(in, {6, 20000, 2});
  bool differs = other.minima.size() != a.minima.size();
  for (std::size_t k = 0; !differs && k < a.minima.size(); ++k) differs = other.minima[k].basin != a.minima[k].basin;
  EXPECT_TRUE(differs) << "another seed should draw other starts";
}

TEST(Landscape, HeuristicBeyondTheExactLimitReachesLocalMinima) {
  const std::size_t n = 45;
  const auto in = random_instance(n, 4, false);
  const auto got = ls::heuristic(in, {1, 300, 2});
  ASSERT_FALSE(got.minima.empty());
  for (const auto& m : got.minima) {
    // No single move lowers the energy, checked by recomputing each neighbour's energy.
    const double e = ls::energy(in, m.sides);
    EXPECT_NEAR(m.energy, e, 1e-9);
    for (std::size_t i = 0; i < n; ++i) {
      auto moved = m.sides;
      moved[i] ^= 1u;
      EXPECT_GE(ls::energy(in, moved) - e, -1e-9 * std::fabs(e)) << "move " << i;
    }
  }
}

TEST(Landscape, FurnasSyria2016EveryMinimumAgainstTheReference) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto dir = shared_data() / "landscape_theory";
  const auto sizes_file = (dir / "furnas_syria2016_actor_data.csv").string();
  const auto matrix_file = (dir / "furnas_syria2016_pairwise_propensity_raw1to5.csv").string();
  const auto sizes = ls::read_sizes(sizes_file, entente::io::read_whole_file(sizes_file));
  const auto matrix = ls::read_propensities(matrix_file, entente::io::read_whole_file(matrix_file), 3);
  const auto matched = ls::match(sizes, matrix, sizes_file, matrix_file, true);
  EXPECT_TRUE(matched.by_position);  // "Russia" against "Rus", ...
  EXPECT_NE(matched.note.find("Russia = Rus"), std::string::npos) << matched.note;
  const auto& in = matched.instance;
  ASSERT_EQ(in.n(), 11u);
  EXPECT_EQ(in.names[10], "Baghdad");
  EXPECT_EQ(in.labels[10], "Iraq");
  EXPECT_EQ(in.sizes[6], 100);                          // ISIS
  EXPECT_EQ(in.p(0, 3), 2);                             // US–Turkey rated 5
  EXPECT_EQ(in.p(6, 0), -2);                            // ISIS–US rated 1
  const auto got = ls::exact(in);
  expect_matches_reference(got, brute_force(in), "Furnas Syria 2016");
  // Every local minimum (there is one), as an independent enumeration also finds: Turkey with
  // ISIS and Nusra against everyone else, reached from all 1,024 configurations.
  ASSERT_EQ(got.minima.size(), 1u);
  EXPECT_DOUBLE_EQ(got.minima[0].energy, -83200);
  EXPECT_EQ(got.minima[0].basin, 1024u);
  std::vector<std::string> apart;
  for (std::size_t i = 0; i < in.n(); ++i)
    if (got.minima[0].sides[i]) apart.push_back(in.names[i]);
  EXPECT_EQ(apart, (std::vector<std::string>{"Turkey", "ISIS", "Nursa"}));
  // The heuristic finds the same single minimum.
  const auto h = ls::heuristic(in, {1, 1000, 2});
  ASSERT_EQ(h.minima.size(), 1u);
  EXPECT_EQ(h.minima[0].sides, got.minima[0].sides);
}

TEST(LandscapeFiles, SizesErrorsNameLineColumnValueAndExpectation) {
  auto error = [](const std::string& text) {
    try {
      ls::read_sizes("sizes.csv", text);
    } catch (const entente::io::ParseError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error("id,actor,strength\n1,US,10\n2,Russia,ten\n").find(
                "sizes.csv:3:10: found \"ten\", expected a size: a number greater than 0 in column 'strength'"),
            std::string::npos)
      << error("id,actor,strength\n1,US,10\n2,Russia,ten\n");
  EXPECT_NE(error("actor,size\nUS,10\nRussia,0\n").find("sizes.csv:3:8: found \"0\""), std::string::npos);
  EXPECT_NE(error("actor,size\nUS,10\nUS,3\n").find("sizes.csv:3:1: found \"US\", expected a name not already used"),
            std::string::npos);
  EXPECT_NE(error("country,power\nUS,10\n").find("sizes.csv:1:1:"), std::string::npos);
  EXPECT_NE(error("country,power\nUS,10\n").find("'actor' or 'name'"), std::string::npos);
  const auto ok = ls::read_sizes("sizes.csv", "Name,Size\nA,1.5\nB,2\n");
  EXPECT_EQ(ok.names, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(ok.sizes, (std::vector<double>{1.5, 2}));
}

TEST(LandscapeFiles, MatrixErrorsNameTheCell) {
  auto error = [](const std::string& text) {
    try {
      ls::read_propensities("m.csv", text, 3);
    } catch (const entente::io::ParseError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  // Not symmetric: B→C is 5 but C→B is 4; the later cell is named, and its mirror.
  const auto asym = error(",A,B,C\nA,,2,3\nB,2,,5\nC,3,4,\n");
  EXPECT_NE(asym.find("m.csv:4:5: found \"4\", expected 5 (C, B), the value at line 3, column 6 (B, C)"),
            std::string::npos)
      << asym;
  const auto word = error(",A,B\nA,,x\nB,2,\n");
  EXPECT_NE(word.find("m.csv:2:4: found \"x\", expected a number (only the diagonal may be empty) in column 'B'"),
            std::string::npos)
      << word;
  EXPECT_NE(error(",A,B\nA,,\nB,2,\n").find("m.csv:2:4: found \"\""), std::string::npos);
  EXPECT_NE(error(",A,B\nB,,2\nA,2,\n").find("m.csv:2:1: found \"B\", expected 'A', the label of column 2"),
            std::string::npos);
  EXPECT_NE(error(",A,B\nA,,2\n").find("1 rows"), std::string::npos);
  EXPECT_NE(error(",A,B\nA,,2\nB,2\n").find("m.csv:3:"), std::string::npos);  // too few fields
  const auto m = ls::read_propensities("m.csv", ",A,B,C\nA,,1,5\nB,1,3,4\nC,5,4,\n", 3);
  EXPECT_EQ(m.values, (std::vector<double>{0, -2, 2, -2, 0, 1, 2, 1, 0}));  // diagonal ignored
}

// Issue "nothing silently accepted", case 8: labels that only partly match the names were applied
// by position to the wrong actors ("A = C, B = A, C = D") with exit 0.
TEST(LandscapeFiles, PartlyMatchingLabelsAreRefusedUnlessPositionIsAsked) {
  const auto sizes = ls::read_sizes("s.csv", "actor,size\nA,1\nB,2\nC,3\n");
  const auto matrix = ls::read_propensities("m.csv", ",C,A,D\nC,,1,2\nA,1,,3\nD,2,3,\n");
  try {
    (void)ls::match(sizes, matrix, "s.csv", "m.csv");
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("m.csv: no row or column is labelled B"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--by-position"), std::string::npos) << e.what();
  }
  const auto asked = ls::match(sizes, matrix, "s.csv", "m.csv", true);
  EXPECT_TRUE(asked.by_position);
  EXPECT_NE(asked.note.find("A = C, B = A, C = D"), std::string::npos) << asked.note;
}

TEST(LandscapeFiles, MatchingByNameReordersAndByPositionSaysSo) {
  const auto sizes = ls::read_sizes("s.csv", "actor,size\nA,1\nB,2\nC,3\n");
  const auto by_name = ls::match(sizes, ls::read_propensities("m.csv", ",c,a,b\nc,,1,2\na,1,,3\nb,2,3,\n"), "s.csv", "m.csv");
  EXPECT_FALSE(by_name.by_position);
  EXPECT_EQ(by_name.instance.labels, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(by_name.instance.p(0, 1), 3);  // a–b
  EXPECT_EQ(by_name.instance.p(0, 2), 1);  // a–c
  EXPECT_EQ(by_name.instance.p(1, 2), 2);  // b–c
  const auto by_position =
      ls::match(sizes, ls::read_propensities("m.csv", ",x,y,z\nx,,1,2\ny,1,,3\nz,2,3,\n"), "s.csv", "m.csv", true);
  EXPECT_TRUE(by_position.by_position);
  EXPECT_NE(by_position.note.find("A = x, B = y, C = z"), std::string::npos) << by_position.note;
  try {
    ls::match(sizes, ls::read_propensities("m.csv", ",x,y\nx,,1\ny,1,\n"), "s.csv", "m.csv");
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("s.csv lists 3 actors but m.csv has 2"), std::string::npos) << e.what();
  }
}

TEST(LandscapeWorld, PropensitiesAddWeightedEvidenceAndNameWhatIsMissing) {
  // Three states; C has no democracy score and D is outside the evidence scope.
  entente::world::Year y;
  y.year = 2000;
  y.ccodes = {2, 200, 365, 710};
  y.in_scope = {1, 1, 1, 0};
  y.cinc = {0.4, 0.1, 0.2, 0.3};
  const std::size_t n = 4;
  auto matrix = [&] { return std::vector<std::uint8_t>(n * n, 0); };
  y.atop_covered = true;
  y.atop = matrix();
  y.atop[0 * n + 1] = 1;  // defense, one direction only
  y.atop[2 * n + 1] = 8;  // non-aggression (bit 3)
  y.disputes_covered = true;
  y.mid_hostlev = y.mid_recip = y.mid_fatality = y.mid_onset = y.mid_ongoing = matrix();
  y.mid_hostlev[0 * n + 2] = y.mid_hostlev[2 * n + 0] = 3;
  y.tss_covered = true;
  y.rival_tss = matrix();
  y.rival_tss[0 * n + 2] = y.rival_tss[2 * n + 0] = 1;
  y.contiguity_covered = true;
  y.conttype = matrix();
  y.conttype[1 * n + 2] = y.conttype[2 * n + 1] = 1;
  y.polity2 = {10, 8, std::nan(""), 0};
  y.votes_covered = true;
  y.rollcalls = 10;
  y.votes.assign(n * 10, 1);
  for (std::size_t r = 0; r < 4; ++r) y.votes[2 * 10 + r] = 3;  // C votes no on 4 of 10
  // The evidence is a value: the war memory (A and C fought a war in the years before) is filled
  // in by hand here, as a binding or another caller could.
  auto evidence = entente::stance::actor_evidence(y, {0, 1, 2, 3});
  EXPECT_FALSE(evidence.war_memory_asked());
  EXPECT_TRUE(evidence.pair(1, 2).land_border);
  EXPECT_EQ(evidence.pair(0, 2).facts.hostility, 3);
  evidence.war_memory_first = 1975;
  evidence.war_memory_last = 1999;
  evidence.war_memory_covered = true;
  auto& ac_war = evidence.pairs[0 * n + 2];
  ac_war.past_war = evidence.pairs[2 * n + 0].past_war = true;
  const auto built = ls::from_evidence(evidence, {"A", "B", "C", "D"}, entente::stance::default_profile());
  const auto& in = built.instance;
  EXPECT_EQ(in.sizes, (std::vector<double>{0.4, 0.1, 0.2, 0.3}));
  // A–B: defense (+1), agreement 10/10 (+1), no dispute, no rivalry, democracy 1 − 2/10 = 0.8 × 0.5.
  EXPECT_NEAR(in.p(0, 1), 1 + 1 + 0.4, 1e-12);
  // A–C: MID below force (−0.5), rivalry (−1), agreement 6/10 (2·0.6 − 1 = 0.2), a past war (−1);
  // democracy missing.
  EXPECT_NEAR(in.p(0, 2), -0.5 - 1 + 0.2 - 1, 1e-12);
  // B–C: non-aggression (+0.5), agreement 0.2, land border (−1 × 0.25); democracy missing.
  EXPECT_NEAR(in.p(1, 2), 0.5 + 0.2 - 0.25, 1e-12);
  EXPECT_EQ(in.p(0, 3), 0);  // D outside the scope: nothing known
  const auto& ac = built.pairs[1];
  ASSERT_EQ(ac.b, 2u);
  EXPECT_FALSE(ac.value[static_cast<std::size_t>(ls::Component::democracy)].has_value());
  ASSERT_EQ(ac.missing.size(), 1u);
  EXPECT_EQ(ac.missing[0], "democracy: no polity2 score for C in 2000");
  const auto& ad = built.pairs[2];
  EXPECT_EQ(ad.missing.size(), ls::kComponents);
  EXPECT_NE(ad.missing[0].find("D is outside the store's evidence scope"), std::string::npos);
  // Weights come from the one struct; without a war memory, past wars are missing, not 0.
  ls::PropensityWeights w;
  w.alliance = 2;
  const auto plain = ls::from_evidence(entente::stance::actor_evidence(y, {0, 1}), {"A", "B"},
                                       entente::stance::default_profile(), w);
  EXPECT_NEAR(plain.instance.p(0, 1), 2 + 1 + 0.4, 1e-12);
  EXPECT_FALSE(plain.pairs[0].value[static_cast<std::size_t>(ls::Component::past_wars)].has_value());
  EXPECT_EQ(plain.pairs[0].missing.back(), "past_wars: no war memory was asked for");
  auto short_of_pairs = entente::stance::actor_evidence(y, {0, 1});
  short_of_pairs.pairs.pop_back();
  EXPECT_THROW(ls::from_evidence(short_of_pairs, {"A", "B"}, entente::stance::default_profile()), std::invalid_argument);
  y.cinc[1] = std::nan("");
  EXPECT_THROW(ls::from_evidence(entente::stance::actor_evidence(y, {0, 1}), {"A", "B"},
                                 entente::stance::default_profile()),
               std::invalid_argument);
}
