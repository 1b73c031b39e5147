#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "entente/balance/binary_program.hpp"
#include "entente/balance/blocs.hpp"
#include "entente/balance/census.hpp"
#include "entente/balance/frustration.hpp"
#include "entente/balance/graph_files.hpp"
#include "entente/io/parse_error.hpp"
#include "test_support.hpp"

namespace {

using namespace entente::balance;

SignedGraph graph(std::size_t n, std::vector<SignedEdge> edges) {
  SignedGraph g;
  for (std::size_t v = 0; v < n; ++v) g.nodes.push_back("n" + std::to_string(v));
  g.edges = std::move(edges);
  g.label = "test";
  return g;
}

SignedGraph random_graph(std::mt19937_64& rng, std::size_t n, double density, double negative_share) {
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<SignedEdge> edges;
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b)
      if (u(rng) < density) edges.push_back({a, b, u(rng) < negative_share ? -1 : 1});
  return graph(n, edges);
}

// Every partition, plainly: the minimum cost and how many partitions (up to mirroring) reach it.
struct Exhaustive {
  long long best = 0;
  long long optimal_partitions = 0;
  std::vector<int> side;
};
Exhaustive exhaustive(const SignedGraph& g, long long negative_cost = 1, long long positive_cost = 1) {
  const std::size_t n = g.n();
  Exhaustive out;
  out.best = -1;
  for (unsigned long mask = 0; mask < (1UL << (n - 1)); ++mask) {
    long long cost = 0;
    for (const auto& e : g.edges) {
      const bool same = ((mask >> e.a) & 1) == ((mask >> e.b) & 1);
      if (e.sign > 0 && !same) cost += positive_cost;
      if (e.sign < 0 && same) cost += negative_cost;
    }
    if (out.best < 0 || cost < out.best) {
      out.best = cost;
      out.optimal_partitions = 0;
      out.side.assign(n, 1);
      for (std::size_t v = 0; v < n; ++v) out.side[v] = ((mask >> v) & 1) ? -1 : 1;
    }
    if (cost == out.best) ++out.optimal_partitions;
  }
  return out;
}

std::size_t node(const SignedGraph& g, const std::string& name) {
  return static_cast<std::size_t>(std::find(g.nodes.begin(), g.nodes.end(), name) - g.nodes.begin());
}

SignedGraph highland() {
  const auto dir = entente::testing::reference_dir();
  if (dir.empty()) return {};
  return read_edge_list(dir / "data" / "highland_tribes_konect.tsv");
}

}  // namespace

// Read's Highland tribes: REFERENCE.md §2 (signnet's published values).
TEST(SignedGraphOfStances, StatesInScopeAndTiesAsStrongAsTheThreshold) {
  // Four states, the third outside the evidence scope: it is no node, and its ties no edges.
  entente::stance::StanceGraph graph;
  graph.ccodes = {2, 200, 365, 710};
  graph.in_scope = {1, 1, 0, 1};
  graph.cinc = {0.1, 0.1, 0.1, 0.1};
  const std::size_t n = 4;
  graph.weight.assign(n * n, 0.0);
  graph.relation.assign(n * n, entente::stance::Relation::neutral);
  auto set = [&](std::size_t i, std::size_t j, double w) { graph.weight[i * n + j] = graph.weight[j * n + i] = w; };
  set(0, 1, 0.5);   // exactly the default threshold: an edge
  set(0, 3, -0.9);  // hostile
  set(1, 3, 0.3);   // too weak for 0.5
  set(0, 2, 0.9);   // to a state out of scope
  const auto g = entente::balance::signed_graph(graph, {"USA", "UKG", "RUS", "CHN"});
  EXPECT_EQ(g.nodes, (std::vector<std::string>{"USA", "UKG", "CHN"}));
  ASSERT_EQ(g.edges.size(), 2u);
  EXPECT_EQ(g.edges[0].a, 0u);
  EXPECT_EQ(g.edges[0].b, 1u);
  EXPECT_EQ(g.edges[0].sign, 1);
  EXPECT_EQ(g.edges[1].a, 0u);
  EXPECT_EQ(g.edges[1].b, 2u);
  EXPECT_EQ(g.edges[1].sign, -1);
  // A lower threshold lets the weak tie in.
  EXPECT_EQ(entente::balance::signed_graph(graph, {"USA", "UKG", "RUS", "CHN"}, 0.3).edges.size(), 3u);
}

TEST(HighlandTribes, FrustrationIsSevenWithTheUniquePartition) {
  const auto g = highland();
  if (g.n() == 0) GTEST_SKIP() << "SKIPPED: ../shared/reference is absent";
  ASSERT_EQ(g.n(), 16u);
  ASSERT_EQ(g.edges.size(), 58u);
  EXPECT_EQ(g.negative_edges(), 29u);
  const auto f = frustration_index(g);
  EXPECT_EQ(f.value, 7);
  EXPECT_EQ(f.lower_bound, 7);
  EXPECT_TRUE(f.optimal());
  EXPECT_EQ(f.frustrated.size(), 7u);
  EXPECT_NEAR(1 - static_cast<double>(f.value) / (58.0 / 2), 0.7586207, 1e-7);
  // The optimum is unique (checked by trying every partition) and is {1, 2, 15, 16} vs the rest.
  const auto all = exhaustive(g);
  EXPECT_EQ(all.best, 7);
  EXPECT_EQ(all.optimal_partitions, 1);
  const int small_side = f.side[node(g, "1")];
  std::set<std::string> with_one;
  for (std::size_t v = 0; v < g.n(); ++v)
    if (f.side[v] == small_side) with_one.insert(g.nodes[v]);
  EXPECT_EQ(with_one, (std::set<std::string>{"1", "2", "15", "16"}));
}

TEST(HighlandTribes, TriangleAndWalkBalance) {
  const auto g = highland();
  if (g.n() == 0) GTEST_SKIP() << "SKIPPED: ../shared/reference is absent";
  const auto t = triangle_census(g);
  EXPECT_EQ(t.by_negatives, (std::array<long long, 4>{19, 2, 40, 7}));
  EXPECT_NEAR(t.balance(), 0.8676471, 1e-7);
  EXPECT_NEAR(walk_balance(g), 0.3575761, 1e-7);
}

TEST(Frustration, SmallCasesByHand) {
  // A tree is always balanced; an unbalanced triangle needs one change; two unbalanced triangles
  // sharing a node (two blocks) need two; a balanced square none.
  EXPECT_EQ(frustration_index(graph(4, {{0, 1, -1}, {1, 2, 1}, {1, 3, -1}})).value, 0);
  EXPECT_EQ(frustration_index(graph(3, {{0, 1, 1}, {1, 2, 1}, {0, 2, -1}})).value, 1);
  const auto bowtie = frustration_index(graph(5, {{0, 1, -1}, {1, 2, -1}, {0, 2, -1}, {2, 3, 1}, {3, 4, 1}, {2, 4, -1}}));
  EXPECT_EQ(bowtie.value, 2);
  EXPECT_TRUE(bowtie.optimal());
  EXPECT_EQ(frustration_index(graph(4, {{0, 1, -1}, {1, 2, -1}, {2, 3, -1}, {0, 3, -1}})).value, 0);
  // Nodes without edges stay on side +1 and cost nothing.
  const auto lonely = frustration_index(graph(3, {}));
  EXPECT_EQ(lonely.value, 0);
  EXPECT_EQ(lonely.side, (std::vector<int>{1, 1, 1}));
}

// Property: on random graphs the solver's proven optimum is the exhaustive minimum; its partition
// costs what it says; every lower bound is below it and every heuristic above.
TEST(Frustration, NormalisedIsOneWhenBalancedAndZeroAtHalfTheEdges) {
  EXPECT_EQ(entente::balance::normalised_frustration(0, 10), std::optional<double>(1.0));
  EXPECT_EQ(entente::balance::normalised_frustration(5, 10), std::optional<double>(0.0));
  EXPECT_EQ(entente::balance::normalised_frustration(2, 8), std::optional<double>(0.5));
  EXPECT_EQ(entente::balance::normalised_frustration(0, 0), std::nullopt);
}

TEST(Frustration, MatchesEveryPartitionOnRandomGraphs) {
  std::mt19937_64 rng(20121);
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t n = 2 + rng() % 13;
    const double density = 0.2 + 0.8 * static_cast<double>(rng() % 100) / 100.0;
    const auto g = random_graph(rng, n, density, 0.2 + 0.6 * static_cast<double>(rng() % 100) / 100.0);
    FrustrationOptions costs;
    if (trial % 3 == 1) costs.negative_cost = 3, costs.positive_cost = 2;
    const auto f = frustration_index(g, costs);
    const auto all = exhaustive(g, costs.negative_cost, costs.positive_cost);
    ASSERT_EQ(f.value, all.best) << "trial " << trial;
    ASSERT_TRUE(f.optimal()) << "trial " << trial;
    ASSERT_EQ(frustration_of(g, f.side, costs), f.value);
    ASSERT_LE(cycle_packing_bound(g, costs), f.value);
    ASSERT_GE(frustration_of(g, local_search_partition(g, 3, static_cast<std::uint64_t>(trial), costs), costs), f.value);
  }
}

TEST(Frustration, FlippingEverySideChangesNothing) {
  std::mt19937_64 rng(7);
  const auto g = random_graph(rng, 30, 0.3, 0.4);
  auto side = frustration_index(g).side;
  const auto cost = frustration_of(g, side);
  for (auto& s : side) s = -s;
  EXPECT_EQ(frustration_of(g, side), cost);
}

// A solver stopped by its time limit must not claim more than it proved: its lower bound is at
// most the true optimum, and its partition at least.
TEST(Frustration, TimeLimitGivesAnHonestGap) {
  std::mt19937_64 rng(1999);
  const auto g = random_graph(rng, 44, 0.5, 0.5);
  const auto exact = frustration_index(g);
  ASSERT_TRUE(exact.optimal());
  FrustrationOptions stop_now;
  stop_now.time_limit_seconds = 0.0;
  const auto cut = frustration_index(g, stop_now);
  EXPECT_LE(cut.lower_bound, exact.value);
  EXPECT_GE(cut.value, exact.value);
  EXPECT_EQ(cut.gap(), cut.value - cut.lower_bound);
  EXPECT_EQ(frustration_of(g, cut.side), cut.value);
  EXPECT_FALSE(cut.optimal()) << "this graph needs more than one check interval of search";
  EXPECT_GT(cut.lower_bound, 0);  // the packing bound still counts
}

TEST(SignedCensus, DirectedTriplesBySign) {
  // i→j +, j→k −, i→k −: the path says enemy and so does the shortcut: balanced.
  auto g = graph(3, {{0, 1, 1}, {1, 2, -1}, {0, 2, -1}});
  g.directed = true;
  auto d = directed_census(g);
  EXPECT_EQ(d.triples(), 1);
  EXPECT_EQ(d.by_signs[0b011], 1);
  EXPECT_EQ(d.balanced(), 1);
  g.edges[2].sign = 1;  // the shortcut says friend: unbalanced
  d = directed_census(g);
  EXPECT_EQ(d.by_signs[0b010], 1);
  EXPECT_EQ(d.balanced(), 0);
  // A repeated arc counts once, with its first sign.
  g.edges.push_back({0, 2, -1});
  EXPECT_EQ(directed_census(g).triples(), 1);
  EXPECT_EQ(directed_census(g).by_signs[0b010], 1);
  // Undirected edges run both ways: one triangle is six transitive triples.
  auto u = graph(3, {{0, 1, 1}, {1, 2, 1}, {0, 2, -1}});
  EXPECT_EQ(directed_census(u).triples(), 6);
  EXPECT_EQ(triangle_census(u).by_negatives[1], 1);
}

TEST(SignedCensus, WalkBalanceIsOneOnlyWhenBalanced) {
  EXPECT_NEAR(walk_balance(graph(4, {{0, 1, 1}, {1, 2, -1}, {2, 3, 1}, {0, 3, -1}})), 1.0, 1e-12);
  EXPECT_LT(walk_balance(graph(3, {{0, 1, 1}, {1, 2, 1}, {0, 2, -1}})), 1.0);
}

TEST(GraphFiles, EdgeListErrorsNameTheSpot) {
  try {
    parse_edge_list("a b 1\nb c 0\n", "x.tsv");
    FAIL() << "a zero sign must be rejected";
  } catch (const entente::io::ParseError& e) {
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.where().column, 5u);
    EXPECT_NE(std::string(e.what()).find("x.tsv:2:5"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_edge_list("a b 1\nb a -1\n", "x.tsv"), entente::io::ParseError);  // the same pair twice
  EXPECT_THROW(parse_edge_list("a b\n", "x.tsv"), entente::io::ParseError);
  const auto g = parse_edge_list("from,to,sign\n% comment\nUSA,RUS,-1\nRUS,CHN,1\n", "x.csv");
  EXPECT_EQ(g.n(), 3u);
  EXPECT_EQ(g.negative_edges(), 1u);
}

TEST(GraphFiles, PajekRelationsAndErrors) {
  const std::string net =
      "*Vertices 3\n 1 \"USA\" 0.1 0.2 0.5\n 2 \"RUS\"\n 3 \"CHN\"\n"
      "*Edges :1 \"one\"\n 1 2 -1\n 2 3 1\n*Edges :2 \"two\"\n 1 3 1\n";
  const auto rel = parse_pajek(net, "x.net");
  ASSERT_EQ(rel.size(), 2u);
  EXPECT_EQ(rel[0].name, "one");
  EXPECT_EQ(rel[1].number, 2);
  EXPECT_EQ(rel[0].graph.nodes, (std::vector<std::string>{"USA", "RUS", "CHN"}));
  EXPECT_EQ(rel[0].graph.edges.size(), 2u);
  try {
    parse_pajek("*Vertices 2\n 1 \"A\"\n 2 \"B\"\n*Edges\n 1 3 1\n", "y.net");
    FAIL() << "vertex 3 of 2 must be rejected";
  } catch (const entente::io::ParseError& e) {
    EXPECT_EQ(e.where().line, 5u);
    EXPECT_EQ(e.where().column, 4u);
  }
  EXPECT_THROW(parse_pajek("*Vertices 3\n 1 \"A\"\n*Edges\n 1 2 1\n", "z.net"), entente::io::ParseError);
  // Edges before the vertices, a second *Vertices, and numbers that are not whole or finite.
  EXPECT_THROW(parse_pajek("*Edges\n*Vertices 2\n 1 a\n 2 b\n*Edges\n 1 2 -1\n", "w.net"), entente::io::ParseError);
  EXPECT_THROW(parse_pajek("*Vertices 1\n 1 a\n*Edges\n*Vertices 2\n 1 a\n 2 b\n", "w.net"), entente::io::ParseError);
  EXPECT_THROW(parse_pajek("*Vertices nan\n", "w.net"), entente::io::ParseError);
  EXPECT_THROW(parse_pajek("*Vertices 2\n 1 a\n 2 b\n*Edges :1e300\n 1 2 1\n", "w.net"), entente::io::ParseError);
  EXPECT_THROW(parse_edge_list("a b nan\n", "w.tsv"), entente::io::ParseError);
}

TEST(Blocs, TwoBlocsAreHalfTheFrustrationAtEvenAlpha) {
  std::mt19937_64 rng(3);
  const auto g = random_graph(rng, 14, 0.5, 0.4);
  const auto b = find_blocs(g);
  EXPECT_TRUE(b.optimal);
  EXPECT_DOUBLE_EQ(b.criterion, 0.5 * static_cast<double>(exhaustive(g).best));
  // α = 0.8: a frustrated negative edge costs 0.8, a positive one 0.2.
  BlocOptions o;
  o.alpha = 0.8;
  const auto weighted = find_blocs(g, o);
  EXPECT_NEAR(weighted.criterion, static_cast<double>(exhaustive(g, 800, 200).best) / 1000, 1e-12);
}

TEST(Blocs, ThreeCamps) {
  // Three friendly cliques of four, hostile to one another: three blocs fit perfectly.
  std::vector<SignedEdge> edges;
  for (std::size_t a = 0; a < 12; ++a)
    for (std::size_t b = a + 1; b < 12; ++b) edges.push_back({a, b, a / 4 == b / 4 ? 1 : -1});
  BlocOptions o;
  o.k = 3;
  const auto b = find_blocs(graph(12, edges), o);
  EXPECT_EQ(b.criterion, 0);
  for (std::size_t v = 0; v < 12; ++v) EXPECT_EQ(b.bloc[v], b.bloc[v / 4 * 4]);
  EXPECT_NE(b.bloc[0], b.bloc[4]);
  EXPECT_NE(b.bloc[4], b.bloc[8]);
  EXPECT_FALSE(b.optimal);
}

TEST(Blocs, TrackingFindsWhoSwitched) {
  // Two camps {a, b, c} and {d, e, f}; in the second period c changes sides.
  auto camp = [](std::size_t turncoat_side) {
    auto g = graph(6, {});
    g.nodes = {"a", "b", "c", "d", "e", "f"};
    const std::size_t side[6] = {0, 0, turncoat_side, 1, 1, 1};
    for (std::size_t a = 0; a < 6; ++a)
      for (std::size_t b = a + 1; b < 6; ++b) g.edges.push_back({a, b, side[a] == side[b] ? 1 : -1});
    return g;
  };
  auto first = camp(0), second = camp(1);
  first.label = "1990";
  second.label = "1991";
  const auto t = track_blocs({first, second});
  ASSERT_EQ(t.switches.size(), 1u);
  EXPECT_EQ(t.switches[0].node, "c");
  EXPECT_EQ(t.switches[0].period, 1u);
  EXPECT_EQ(t.switches[0].from, t.blocs[0].bloc[0] + 1);
  EXPECT_EQ(t.switches[0].to, t.blocs[1].bloc[3] + 1);
  EXPECT_EQ(t.blocs[1].bloc[0], t.blocs[0].bloc[0]);  // labels follow the blocs, not the solver
}

// Doreian & Mrvar's signed network of states, 1946–1999 in 51 four-year windows.
class DoreianMrvar : public ::testing::Test {
 protected:
  void SetUp() override {
    ENTENTE_REQUIRE_SHARED_DATA();
    relations_ = read_pajek(entente::testing::shared_data() / "signed_networks" / "doreian_mrvar_cow_signed_1946_1999.net");
  }
  std::vector<PajekRelation> relations_;
};

TEST_F(DoreianMrvar, EveryWindowIsSolvedToAProvenOptimum) {
  ASSERT_EQ(relations_.size(), 51u);
  EXPECT_EQ(relations_.front().name, "46-49");
  EXPECT_EQ(relations_.back().name, "96-99");
  std::size_t edges = 0;
  for (const auto& r : relations_) {
    EXPECT_EQ(r.graph.n(), 180u);
    edges += r.graph.edges.size();
    const auto f = frustration_index(r.graph);
    EXPECT_TRUE(f.optimal()) << r.name << ": " << f.value << " vs bound " << f.lower_bound;
    EXPECT_EQ(frustration_of(r.graph, f.side), f.value);
    EXPECT_LE(cycle_packing_bound(r.graph), f.value);
  }
  EXPECT_EQ(edges, 41295u);  // as shared/data/README.md counts them
}

// GLPK as an oracle: the standard binary program of the first windows, solved by glpsol, has the
// same optimum as entente's proof.
TEST_F(DoreianMrvar, GlpkAgreesOnTheFirstWindows) {
  if (std::system("command -v glpsol > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "SKIPPED: glpsol is not installed (scripts/install-deps installs glpk-utils)";
  entente::testing::TempDir dir;
  for (std::size_t w = 0; w < 5; ++w) {
    const auto& r = relations_[w];
    const auto lp = dir / (r.name + ".lp");
    const auto out = dir / (r.name + ".txt");
    {
      std::ofstream file(lp);
      write_binary_program(r.graph, file);
    }
    const std::string cmd = "glpsol --lp '" + lp.string() + "' -w '" + out.string() + "' > /dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    // glpsol -w: the solution line "s mip ROWS COLS STATUS OBJECTIVE".
    std::ifstream in(out);
    std::string line;
    double objective = -1;
    while (std::getline(in, line))
      if (line.rfind("s mip", 0) == 0) {
        std::istringstream fields(line);
        std::string s, mip, status;
        long rows = 0, cols = 0;
        fields >> s >> mip >> rows >> cols >> status >> objective;
        EXPECT_EQ(status, "o") << r.name << ": glpsol did not prove optimality";
      }
    EXPECT_EQ(static_cast<long long>(std::llround(objective)), frustration_index(r.graph).value) << r.name;
  }
}

TEST(Blocs, ATieDoesNotMakeASwitch) {
  // x sits between two camps. In 1990 an extra friend pulls it into camp {c, d}; in 1991 its ties
  // to both camps are equal, so either side is optimal: it stays where it was. (Without the prior
  // the solver's reductions would merge x into a, its first heaviest neighbour, and report a
  // switch; the second assertion checks that this test would see it.)
  auto period = [](bool pulled) {
    auto g = graph(6, {});
    g.nodes = {"a", "b", "c", "d", "x", "y"};
    g.edges = {{0, 1, 1}, {2, 3, 1}, {0, 2, -1}, {1, 3, -1}, {4, 0, 1}, {4, 2, 1}, {5, 2, 1}};
    if (pulled) g.edges.push_back({4, 3, 1});
    return g;
  };
  const auto t = track_blocs({period(true), period(false)});
  EXPECT_EQ(t.blocs[0].bloc[4], t.blocs[0].bloc[2]);
  EXPECT_TRUE(t.switches.empty()) << t.switches.size() << " switch(es), first: " << t.switches.front().node;
  EXPECT_EQ(t.blocs[1].bloc[4], t.blocs[1].bloc[2]);
  const auto alone = find_blocs(period(false));
  EXPECT_EQ(alone.bloc[4], alone.bloc[0]) << "without a prior the tie goes the other way";
}

TEST(Blocs, ThePriorKeepsTiedStatesAtUnevenAlpha) {
  // At α = 0.8 (anchor edges weighted so that a move costs the same from either bloc) x and z are each tied
  // between the camps; their priors put x in camp {c, d} and z in camp {a, b}: both stay.
  auto g = graph(6, {});
  g.nodes = {"a", "b", "c", "d", "x", "z"};
  g.edges = {{0, 1, 1}, {2, 3, 1}, {0, 2, -1}, {1, 3, -1}, {4, 0, 1}, {4, 2, 1}, {5, 1, 1}, {5, 3, 1}};
  BlocOptions o;
  o.alpha = 0.8;
  const std::vector<int> prior = {0, 0, 1, 1, 1, 0};
  const auto b = find_blocs(g, o, &prior);
  EXPECT_TRUE(b.optimal);
  EXPECT_EQ(b.bloc, prior);
  EXPECT_DOUBLE_EQ(b.lower_bound, b.criterion);
  o.alpha = 0.3337;  // α is read to three decimals: a finer one is refused, not silently rounded
  EXPECT_THROW(find_blocs(g, o), std::invalid_argument);
}

// CBC as a second oracle, on the first window.
TEST_F(DoreianMrvar, CbcAgreesOnTheFirstWindow) {
  if (std::system("command -v cbc > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "SKIPPED: cbc is not installed (scripts/install-deps installs coinor-cbc)";
  entente::testing::TempDir dir;
  const auto& r = relations_.front();
  const auto lp = dir / "first.lp";
  const auto out = dir / "first.txt";
  {
    std::ofstream file(lp);
    write_binary_program(r.graph, file);
  }
  const std::string cmd = "cbc '" + lp.string() + "' solve solu '" + out.string() + "' > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  // First line: "Optimal - objective value 17.00000000".
  std::ifstream in(out);
  std::string status, dash, objective_word, value_word;
  double objective = -1;
  in >> status >> dash >> objective_word >> value_word >> objective;
  EXPECT_EQ(status, "Optimal");
  EXPECT_EQ(static_cast<long long>(std::llround(objective)), frustration_index(r.graph).value);
}
