// End-to-end: `entente bargain` as a user runs it, and its perceptions read back by `balance`.
#include <gtest/gtest.h>

#include <algorithm>

#include <fmt/format.h>

#include "entente/core/json.hpp"
#include "test_support.hpp"

namespace {

using entente::Json;
using entente::testing::run_cli;
using entente::testing::TempDir;

constexpr const char* kIssue =
    "actor,capability,position,salience\nA,2,0,0.5\nB,1,4,1\nC,3,10,0.5\nD,1,7,0.8\n";

}  // namespace

TEST(BargainCli, JsonKeepsTheStructNames) {
  TempDir dir;
  const auto file = dir.write("issue.csv", kIssue);
  const auto r = run_cli({"bargain", file.string(), "--format", "json", "--variant", "fixed-risk"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = Json::parse(r.out);
  EXPECT_EQ(doc.at("variant").at("risk"), "fixed");
  const auto& first = doc.at("rounds").at(0);
  EXPECT_EQ(first.at("round"), 1);
  EXPECT_EQ(first.at("positions").size(), 4u);
  EXPECT_EQ(first.at("dyads").size(), 6u);
  EXPECT_TRUE(first.at("actors").at(0).contains("risk_exponent"));
  EXPECT_TRUE(first.at("dyads").at(0).at("a_view").contains("gainer"));
  EXPECT_EQ(doc.at("stopped"), "converged");
  EXPECT_EQ(doc.at("rows").size(), doc.at("rounds").size());
  long long accepted = 0;
  for (const auto& a : first.at("actors")) accepted += a.at("accepted").is_null() ? 0 : 1;
  EXPECT_EQ(doc.at("rows").at(0).at("moved").get<long long>(), accepted);
  // Without details (CSV, table) the rows are the same.
  const auto csv = run_cli({"bargain", file.string(), "--format", "csv", "--variant", "fixed-risk"});
  const auto line = csv.out.substr(csv.out.find('\n') + 1, csv.out.find('\n', csv.out.find('\n') + 1) - csv.out.find('\n') - 1);
  const auto& row = doc.at("rows").at(0);
  EXPECT_TRUE(line.ends_with(fmt::format(",{},{},{},{}", row.at("moved").get<int>(), row.at("conflict").get<int>(),
                                         row.at("compromise").get<int>(), row.at("capitulation").get<int>())))
      << line;
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), static_cast<long>(doc.at("rows").size()) + 1);
  EXPECT_NEAR(doc.at("forecast").at("mean").get<double>(),
              doc.at("rows").back().at("mean").get<double>(), 0.01);  // the last round moves little
}

TEST(BargainCli, CsvIsOneRowPerRound) {
  TempDir dir;
  const auto file = dir.write("issue.csv", kIssue);
  const auto r = run_cli({"bargain", file.string(), "--format", "csv", "--rounds", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("round,median,mean,largest_move,moved,conflict,compromise,capitulation\n", 0), 0u) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4);
}

TEST(BargainCli, PerceptionsAreASignedNetworkBalanceReads) {
  TempDir dir;
  const auto file = dir.write("issue.csv", kIssue);
  const auto edges = dir / "edges.txt";
  const auto r = run_cli({"bargain", file.string(), "--edges", edges.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto b = run_cli({"balance", "--edges", edges.string(), "--format", "json"});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  const auto doc = Json::parse(b.out);
  const auto& g = doc.at("graphs").at(0);
  EXPECT_EQ(g.at("sides").at(0).size() + g.at("sides").at(1).size(), 4u);
}

TEST(BargainCli, EnsembleIsTheSameOnAnyThreadCount) {
  TempDir dir;
  const auto file = dir.write("issue.csv", kIssue);
  const auto one = run_cli({"bargain", file.string(), "--format", "json", "--members", "64", "--seed", "9", "--threads", "1"});
  const auto two = run_cli({"bargain", file.string(), "--format", "json", "--members", "64", "--seed", "9", "--threads", "2"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  const auto doc = Json::parse(one.out);
  EXPECT_EQ(doc.at("ensemble").at("members"), 64);
  EXPECT_LE(doc.at("ensemble").at("mean").at("p05").get<double>(), doc.at("ensemble").at("mean").at("p95").get<double>());
}

TEST(BargainCli, BadInputNamesTheCell) {
  TempDir dir;
  const auto file = dir.write("bad.csv", "actor,capability,position,salience\nA,1,zero,0.5\nB,1,1,0.5\n");
  const auto r = run_cli({"bargain", file.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.csv:2:5: found \"zero\", expected a position: a number"), std::string::npos) << r.err;
  const auto v = run_cli({"bargain", dir.write("ok.csv", kIssue).string(), "--variant", "nash"});
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_NE(v.err.find("no bargaining variant \"nash\""), std::string::npos) << v.err;
}
