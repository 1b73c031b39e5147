// End-to-end: `entente balance` and `entente blocs` as a user runs them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "entente/core/json.hpp"
#include "test_support.hpp"

namespace {

using entente::Json;
using entente::testing::run_cli;

std::string highland_file() {
  const auto dir = entente::testing::reference_dir();
  return dir.empty() ? std::string() : (dir / "data" / "highland_tribes_konect.tsv").string();
}

}  // namespace

TEST(BalanceCli, EdgeListAsJson) {
  const auto file = highland_file();
  if (file.empty()) GTEST_SKIP() << "SKIPPED: ../shared/reference is absent";
  const auto r = run_cli({"balance", "--edges", file, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = Json::parse(r.out);
  const auto& g = doc.at("graphs").at(0);
  EXPECT_EQ(g.at("frustration"), 7);
  EXPECT_EQ(g.at("lower_bound"), 7);
  EXPECT_EQ(g.at("optimal"), true);
  EXPECT_EQ(g.at("frustrated_edges").size(), 7u);
  EXPECT_EQ(g.at("sides").at(0).size() + g.at("sides").at(1).size(), 16u);
  EXPECT_NEAR(g.at("walk_balance").get<double>(), 0.3575761, 1e-7);
  // 1 − F / (m / 2), with the model's F and the graph's m.
  EXPECT_DOUBLE_EQ(g.at("normalised_frustration").get<double>(), 1 - 7.0 / (g.at("edges").get<double>() / 2));
}

TEST(BalanceCli, TableSaysWhetherTheValueIsProven) {
  const auto file = highland_file();
  if (file.empty()) GTEST_SKIP() << "SKIPPED: ../shared/reference is absent";
  const auto r = run_cli({"balance", "--edges", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Proven optimal: 7 frustrated edge(s), lower bound 7."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Side A (4): 1 2 15 16"), std::string::npos) << r.out;
}

TEST(BalanceCli, PajekWindowsAsCsv) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto file = (entente::testing::shared_data() / "signed_networks" / "doreian_mrvar_cow_signed_1946_1999.net").string();
  const auto all = run_cli({"balance", "--pajek", file, "--format", "csv"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), 52);  // a header and 51 windows
  const auto one = run_cli({"balance", "--pajek", file, "--window", "46-49", "--format", "json"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(Json::parse(one.out).at("rows").size(), 1u);
  const auto none = run_cli({"balance", "--pajek", file, "--window", "1812"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no relation \"1812\""), std::string::npos) << none.err;
}

TEST(BalanceCli, YearOfTheDefaultWorldIsProven) {
  const auto r = run_cli({"balance", "--year", "2012", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = Json::parse(r.out);
  const auto& g = doc.at("graphs").at(0);
  EXPECT_EQ(g.at("graph"), "2012");
  EXPECT_EQ(g.at("optimal"), true);
  EXPECT_GT(g.at("edges").get<int>(), 0);
  // Lowering the threshold adds UN voting alignment: more edges.
  const auto wider = Json::parse(run_cli({"balance", "--year", "2012", "--min-weight", "0.3", "--format", "json"}).out);
  EXPECT_GT(wider.at("rows").at(0).at("edges").get<int>(), g.at("edges").get<int>());
}

// Two sides of two nodes each: the sides are two lists in JSON (an initializer of two two-element
// lists once made them an object) and the table prints both.
TEST(BalanceCli, TwoSidesOfTwoAreTwoLists) {
  entente::testing::TempDir dir;
  const auto file = dir.write("four.tsv", "A B 1\nC D 1\nA C -1\nB D -1\n");
  const auto r = run_cli({"balance", "--edges", file.string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto sides = Json::parse(r.out).at("graphs").at(0).at("sides");
  ASSERT_TRUE(sides.is_array()) << sides.dump();
  ASSERT_EQ(sides.size(), 2u);
  EXPECT_EQ(sides.at(0).size(), 2u);
  EXPECT_EQ(sides.at(1).size(), 2u);
  const auto table = run_cli({"balance", "--edges", file.string()});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Proven optimal: 0 frustrated edge(s)"), std::string::npos) << table.out;
}

TEST(BalanceCli, BadFileNamesTheSpot) {
  entente::testing::TempDir dir;
  const auto file = dir.write("bad.tsv", "USA RUS -1\nRUS CHN friend\n");
  const auto r = run_cli({"balance", "--edges", file.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.tsv:2:9"), std::string::npos) << r.err;
  EXPECT_EQ(run_cli({"balance", "--year", "2012", "--edges", file.string()}).exit_code, 2);
  const auto window = run_cli({"balance", "--edges", file.string(), "--window", "4"});
  EXPECT_EQ(window.exit_code, 1);
  EXPECT_NE(window.err.find("--window applies to --pajek or --year"), std::string::npos) << window.err;
}

TEST(BlocsCli, YearsTrackedOnTheDefaultWorld) {
  const auto r = run_cli({"blocs", "--from", "2000", "--to", "2012", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = Json::parse(r.out);
  ASSERT_EQ(doc.at("periods").size(), 13u);
  for (const auto& p : doc.at("periods")) {
    EXPECT_EQ(p.at("optimal"), true);
    std::size_t members = 0;
    for (const auto& b : p.at("blocs")) members += b.at("members").size();
    EXPECT_GT(members, 0u);
  }
  // A switch names its node as blocs::Switch does, and the node is in the bloc it moved to.
  std::size_t switches = 0;
  for (const auto& p : doc.at("periods"))
    for (const auto& s : p.at("switches")) {
      ++switches;
      std::vector<std::string> keys;
      for (const auto& [key, value] : s.items()) keys.push_back(key);
      EXPECT_EQ(keys, (std::vector<std::string>{"node", "from", "to"}));
      const auto& to = p.at("blocs").at(s.at("to").get<std::size_t>() - 1).at("members");
      EXPECT_NE(std::find(to.begin(), to.end(), s.at("node")), to.end()) << s.dump();
    }
  EXPECT_GT(switches, 0u);
  const auto three = Json::parse(run_cli({"blocs", "--from", "2012", "--to", "2012", "--k", "3", "--format", "json"}).out);
  EXPECT_EQ(three.at("periods").at(0).at("blocs").size(), 3u);
}

TEST(BlocsCli, WindowsOfYearsJoinTheirGraphs) {
  const auto r = run_cli({"blocs", "--from", "2000", "--to", "2002", "--window", "4", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = Json::parse(r.out);
  ASSERT_EQ(doc.at("periods").size(), 3u);
  EXPECT_EQ(doc.at("periods").at(0).at("period"), "2000-2003");
  EXPECT_EQ(doc.at("periods").at(2).at("period"), "2002-2005");
  // A four-year window has at least the edges of each of its years.
  const auto one = Json::parse(run_cli({"balance", "--year", "2009", "--format", "json"}).out);
  const auto four = Json::parse(run_cli({"balance", "--year", "2009", "--window", "4", "--format", "json"}).out);
  EXPECT_EQ(four.at("rows").at(0).at("graph"), "2009-2012");
  EXPECT_GE(four.at("rows").at(0).at("edges").get<int>(), one.at("rows").at(0).at("edges").get<int>());
  EXPECT_EQ(run_cli({"blocs", "--window", "four"}).exit_code, 1);
}
