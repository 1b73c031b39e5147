// End-to-end tests of `entente landscape`: files, the bundled world, errors and the heuristic.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "test_support.hpp"

using entente::testing::run_cli;
using entente::testing::shared_data;
using entente::testing::TempDir;
using nlohmann::json;

namespace {

// Three actors: A and B like each other (+1), both dislike C (−1), sizes 1. Of the four
// alignments, {A, B} against {C} has energy 2 × (−1 − 1) = −4; the others 0 (all together) or
// 2 × (1 − 1) = 0 (A or B alone). Every configuration descends to {A, B} | {C}. The matrix
// lists C first and writes ratings 1–5 (offset 3).
struct Triple {
  TempDir dir;
  std::string sizes = dir.write("sizes.csv", "name,size\nA,1\nB,1\nC,1\n").string();
  std::string matrix = dir.write("ratings.csv", ",C,A,B\nC,,2,2\nA,2,,4\nB,2,4,\n").string();
};

}  // namespace

TEST(LandscapeCli, FilesByNameWithAnOffset) {
  Triple t;
  const auto r = run_cli({"landscape", "--sizes", t.sizes, "--propensities", t.matrix, "--offset", "3", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  EXPECT_EQ(doc.at("method"), "exact");
  EXPECT_EQ(doc.at("exhaustive"), true);
  EXPECT_EQ(doc.at("configurations"), 4);
  EXPECT_FALSE(doc.contains("minima"));  // the minima are the rows; their count is the rows' length
  EXPECT_EQ(doc.at("input").at("matched_by"), "name");
  ASSERT_EQ(doc.at("rows").size(), 1u);
  const auto& m = doc.at("rows")[0];
  EXPECT_EQ(m.at("energy"), -4.0);
  EXPECT_EQ(m.at("basin"), 4);
  EXPECT_EQ(m.at("basin_share"), 1.0);
  EXPECT_EQ(m.at("side_a"), json::array({"A", "B"}));
  EXPECT_EQ(m.at("side_b"), json::array({"C"}));
  EXPECT_EQ(m.at("frustration").at("C"), -2.0);  // C forgoes −1 toward A and toward B

  const auto table = run_cli({"landscape", "--sizes", t.sizes, "--propensities", t.matrix, "--offset", "3"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("3 actors, exact (all 4 configurations): 1 local minima"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("rank  energy  basin  share_%  side_a  side_b"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("A B"), std::string::npos) << table.out;

  const auto csv = run_cli({"landscape", "--sizes", t.sizes, "--propensities", t.matrix, "--offset", "3", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "rank,energy,basin,basin_share,side_a,side_b,frustration_A,frustration_B,frustration_C");
  EXPECT_NE(csv.out.find("\n1,-4.0,4,1.0,A;B,C,-1.0,-1.0,-2.0"), std::string::npos) << csv.out;
}

TEST(LandscapeCli, FurnasSyria2016MatchedByPosition) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto dir = shared_data() / "landscape_theory";
  const auto r = run_cli({"landscape", "--sizes", (dir / "furnas_syria2016_actor_data.csv").string(), "--propensities",
                          (dir / "furnas_syria2016_pairwise_propensity_raw1to5.csv").string(), "--offset", "3",
                          "--by-position", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  EXPECT_EQ(doc.at("input").at("matched_by"), "position");
  EXPECT_EQ(doc.at("actors")[1].at("name"), "Russia");
  EXPECT_EQ(doc.at("actors")[1].at("label"), "Rus");
  EXPECT_EQ(doc.at("configurations"), 1024);
  ASSERT_EQ(doc.at("rows").size(), 1u);
  EXPECT_EQ(doc.at("rows")[0].at("energy"), -83200.0);
  EXPECT_EQ(doc.at("rows")[0].at("side_b"), json::array({"Turkey", "ISIS", "Nursa"}));
  const auto table = run_cli({"landscape", "--sizes", (dir / "furnas_syria2016_actor_data.csv").string(),
                              "--propensities", (dir / "furnas_syria2016_pairwise_propensity_raw1to5.csv").string(),
                              "--offset", "3", "--by-position"});
  EXPECT_NE(table.out.find("matched by position, as asked: US = US, Russia = Rus"), std::string::npos) << table.out;
  // Without --by-position the partly matching labels are refused, naming what does not match.
  const auto refused = run_cli({"landscape", "--sizes", (dir / "furnas_syria2016_actor_data.csv").string(),
                                "--propensities", (dir / "furnas_syria2016_pairwise_propensity_raw1to5.csv").string(),
                                "--offset", "3"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("no row or column is labelled Russia"), std::string::npos) << refused.err;
}

TEST(LandscapeCli, BadInputNamesTheCellAndBadUsageExitsTwo) {
  Triple t;
  const auto word = t.dir.write("word.csv", ",C,A,B\nC,,2,2\nA,2,,four\nB,2,4,\n").string();
  const auto r = run_cli({"landscape", "--sizes", t.sizes, "--propensities", word});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("word.csv:3:6: found \"four\", expected a number"), std::string::npos) << r.err;
  const auto asym = t.dir.write("asym.csv", ",C,A,B\nC,,2,2\nA,2,,4\nB,1,4,\n").string();
  const auto a = run_cli({"landscape", "--sizes", t.sizes, "--propensities", asym});
  EXPECT_EQ(a.exit_code, 1);
  EXPECT_NE(a.err.find("asym.csv:4:3: found \"1\", expected 2 (B, C), the value at line 2, column 6 (C, B)"),
            std::string::npos)
      << a.err;
  const auto two = t.dir.write("two.csv", ",A,B\nA,,2\nB,2,\n").string();
  const auto c = run_cli({"landscape", "--sizes", t.sizes, "--propensities", two});
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_NE(c.err.find("lists 3 actors but"), std::string::npos) << c.err;
  EXPECT_EQ(run_cli({"landscape"}).exit_code, 2);
  EXPECT_EQ(run_cli({"landscape", "--year", "2012"}).exit_code, 2);                                 // no --actors
  EXPECT_EQ(run_cli({"landscape", "--sizes", t.sizes}).exit_code, 2);                               // no matrix
  EXPECT_EQ(run_cli({"landscape", "--year", "2012", "--actors", "USA,RUS", "--sizes", t.sizes,
                     "--propensities", t.matrix}).exit_code, 2);                                    // both
  EXPECT_EQ(run_cli({"landscape", "--sizes", t.sizes, "--propensities", t.matrix, "--method", "guess"}).exit_code, 2);
}

TEST(LandscapeCli, BeyondTheExactLimitTheHeuristic) {
  TempDir dir;
  const std::size_t n = 35;  // one beyond the exact limit (landscape::kExactActorsMax)
  std::mt19937_64 rng(3);
  std::string sizes = "actor,size\n", matrix;
  std::vector<int> p(n * n, 0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) p[i * n + j] = p[j * n + i] = static_cast<int>(rng() % 5) - 2;
  for (std::size_t i = 0; i < n; ++i) {
    sizes += "s" + std::to_string(i) + "," + std::to_string(1 + rng() % 9) + "\n";
    matrix += ",s" + std::to_string(i);
  }
  matrix += "\n";
  for (std::size_t i = 0; i < n; ++i) {
    matrix += "s" + std::to_string(i);
    for (std::size_t j = 0; j < n; ++j) matrix += i == j ? std::string(",") : "," + std::to_string(p[i * n + j]);
    matrix += "\n";
  }
  const auto s = dir.write("sizes.csv", sizes).string(), m = dir.write("m.csv", matrix).string();
  const auto refused = run_cli({"landscape", "--sizes", s, "--propensities", m});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("--method heuristic"), std::string::npos) << refused.err;
  const std::vector<std::string> args{"landscape", "--sizes", s, "--propensities", m, "--method", "heuristic",
                                      "--starts", "500", "--seed", "9", "--format", "json"};
  const auto r = run_cli(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  EXPECT_EQ(doc.at("exhaustive"), false);
  EXPECT_NE(doc.at("note").get<std::string>().find("not exhaustive"), std::string::npos);
  EXPECT_EQ(doc.at("starts"), 500);
  long long starts = 0;
  for (const auto& row : doc.at("rows")) starts += row.at("starts_reached").get<long long>();
  EXPECT_EQ(starts, 500);
  auto again = args;
  again.push_back("--threads");
  again.push_back("1");
  EXPECT_EQ(run_cli(again).out, r.out);  // the seed decides, not the threads
}

TEST(LandscapeCli, BuiltFromTheBundledWorld) {
  const auto r = run_cli({"landscape", "--year", "2012", "--actors", "USA,RUS,CHN,UKG,FRN", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  EXPECT_EQ(doc.at("year"), 2012);
  EXPECT_EQ(doc.at("configurations"), 16);
  ASSERT_EQ(doc.at("pairs").size(), 10u);
  for (const auto& pair : doc.at("pairs")) {
    double sum = 0;
    const auto& w = doc.at("input").at("weights");
    for (const auto& [component, value] : pair.at("components").items())
      if (!value.is_null()) sum += w.at(component).get<double>() * value.get<double>();
    EXPECT_NEAR(pair.at("propensity").get<double>(), sum, 1e-12) << pair.dump();
    if (pair.at("a") == "USA" && pair.at("b") == "UKG") {
      EXPECT_EQ(pair.at("components").at("alliance"), 1.0);  // NATO
    }
    if (pair.at("a") == "USA" && pair.at("b") == "RUS") {
      EXPECT_EQ(pair.at("components").at("rivalry"), -1.0);  // Thompson-Sakuwa-Suhas, from 2007
    }
  }
  long long basins = 0;
  for (const auto& row : doc.at("rows")) basins += row.at("basin").get<long long>();
  EXPECT_EQ(basins, 16);
  // Taiwan casts no UN votes: that component is missing for its pairs, adds 0, and is reported.
  const auto taiwan = run_cli({"landscape", "--year", "2012", "--actors", "USA,RUS,CHN,TAW"});
  EXPECT_EQ(taiwan.exit_code, 0) << taiwan.err;
  EXPECT_NE(taiwan.out.find("Note: un_alignment is missing for 3 of 6 pairs"), std::string::npos) << taiwan.out;
  // Canada is outside the bundled world's evidence: without a CINC score it has no size.
  const auto canada = run_cli({"landscape", "--year", "2012", "--actors", "USA,RUS,CAN"});
  EXPECT_EQ(canada.exit_code, 1);
  EXPECT_NE(canada.err.find("CAN has no CINC score in 2012"), std::string::npos) << canada.err;
}

// The war memory is read from the years before the one asked, by state code: the Korean War
// (1950–53) sets the United States against China in 1955, not against the Soviet Union; with no
// year before it (1816, the first year of the state system) the memory is not asked for.
TEST(LandscapeCli, PastWarsComeFromTheYearsBefore) {
  ENTENTE_REQUIRE_SHARED_DATA();
  TempDir tmp;
  const auto db = (tmp / "store.db").string();
  const auto data = shared_data();
  const auto imp = run_cli({"import", "--db", db, (data / "cow_states/states2016.csv").string(),
                            (data / "cow_nmc/NMC-60-abridged.csv").string(),
                            (data / "cow_war/Inter-StateWarData_v4.0.csv").string()});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  auto past_wars = [&](const std::string& year, const std::string& actors) {
    const auto r = run_cli({"landscape", "--db", db, "--year", year, "--actors", actors, "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, json> by_pair;
    const auto doc = json::parse(r.out);  // kept: a range-for would not keep parse()'s temporary alive
    for (const auto& pair : doc.at("pairs"))
      by_pair[pair.at("a").get<std::string>() + "-" + pair.at("b").get<std::string>()] = pair;
    return by_pair;
  };
  const auto korea = past_wars("1955", "USA,CHN,RUS");
  EXPECT_EQ(korea.at("USA-CHN").at("components").at("past_wars"), -1.0);
  EXPECT_EQ(korea.at("USA-RUS").at("components").at("past_wars"), 0.0);
  EXPECT_EQ(korea.at("CHN-RUS").at("components").at("past_wars"), 0.0);
  const auto first = past_wars("1816", "UKG,FRN");
  const auto& missing = first.at("UKG-FRN").at("missing");
  EXPECT_NE(std::find(missing.begin(), missing.end(), "past_wars: no war memory was asked for"), missing.end())
      << missing.dump();
}
