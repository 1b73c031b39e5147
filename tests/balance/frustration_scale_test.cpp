// The exact frustration index of the SNAP Bitcoin trust networks (tens of thousands of edges),
// proven optimal, with the partition recounted on the raw rating file by this test's own reading
// of it. Slow (tens of seconds in a release build): labelled `slow` and left out of the default
// ctest run; scripts/test runs it in the release build.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>

#include "entente/balance/frustration.hpp"
#include "test_support.hpp"

namespace {

using namespace entente::balance;

// The rule of the issue, read independently of the library's readers: for each unordered pair,
// the sign of the sum of the signs of its ratings in both directions; a pair whose signs cancel
// is dropped, and so is a self-loop.
struct Pairs {
  std::map<std::pair<std::string, std::string>, int> sum;  // (smaller name, larger name) → Σ signs
  std::size_t lines = 0;
};

Pairs read_ratings(const std::filesystem::path& path) {
  Pairs out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string a, b, rating;
    std::getline(fields, a, ',');
    std::getline(fields, b, ',');
    std::getline(fields, rating, ',');
    if (rating.empty() || !(std::isdigit(static_cast<unsigned char>(rating.back())))) continue;  // the header
    ++out.lines;
    if (a == b) continue;
    const int sign = std::stod(rating) > 0 ? 1 : -1;
    out.sum[a < b ? std::pair{a, b} : std::pair{b, a}] += sign;
  }
  return out;
}

void expect_proven(const std::string& file, std::size_t expected_edges) {
  const auto pairs = read_ratings(entente::testing::shared_data() / "signed_networks" / file);
  SignedGraph g;
  g.label = file;
  std::map<std::string, std::size_t> index;
  auto id = [&](const std::string& name) {
    const auto [it, fresh] = index.emplace(name, g.nodes.size());
    if (fresh) g.nodes.push_back(name);
    return it->second;
  };
  for (const auto& [pair, sum] : pairs.sum)
    if (sum != 0) g.edges.push_back({id(pair.first), id(pair.second), sum > 0 ? 1 : -1, 1});
  ASSERT_EQ(g.edges.size(), expected_edges) << "the undirected signed graph of " << file;

  const auto f = frustration_index(g);
  EXPECT_TRUE(f.optimal()) << file << ": " << f.value << " vs bound " << f.lower_bound;
  EXPECT_GT(f.kernel_nodes, 400u) << "the reductions leave a large block: the test exercises branch and cut";

  // Recount on the rating pairs by name, not through the library's graph.
  long long frustrated = 0;
  for (const auto& [pair, sum] : pairs.sum) {
    if (sum == 0) continue;
    const int a = f.side[index.at(pair.first)], b = f.side[index.at(pair.second)];
    if ((sum > 0) != (a == b)) ++frustrated;
  }
  EXPECT_EQ(frustrated, f.value) << file;
  EXPECT_EQ(static_cast<long long>(f.frustrated.size()), f.value);
  EXPECT_LE(cycle_packing_bound(g), f.lower_bound) << "the proof is at least the greedy packing";
}

}  // namespace

// 24,186 ratings; 13,876 pairs after the rule (the count).
TEST(FrustrationScale, BitcoinAlphaIsProvenOptimal) {
  ENTENTE_REQUIRE_SHARED_DATA();
  expect_proven("soc-sign-bitcoinalpha.csv", 13876);
}

// 35,592 ratings; 21,134 pairs.
TEST(FrustrationScale, BitcoinOtcIsProvenOptimal) {
  ENTENTE_REQUIRE_SHARED_DATA();
  expect_proven("soc-sign-bitcoinotc.csv", 21134);
}
