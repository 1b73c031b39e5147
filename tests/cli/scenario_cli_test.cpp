// `entente scenario` end to end, on the bundled examples and the default world.
#include <gtest/gtest.h>

#include "entente/core/json.hpp"
#include "test_support.hpp"

namespace {

using entente::Json;
using entente::testing::run_cli;

std::string example(const std::string& name) {
  return (std::filesystem::path(ENTENTE_TEST_SOURCE_DIR) / "examples" / name).string();
}

TEST(ScenarioCli, TheEssaysQuestionOnTheDefaultWorld) {
  const auto r = run_cli({"scenario", example("russia-china-alliance.toml"), "--members", "40", "--runs", "10"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* line : {"Scenario: Russia-China alliance (bundled default world, 2012)",
                           "shock: RUS and CHN sign a treaty with a defense obligation", "role in RUS-CHN-IND",
                           "role in RUS-CHN-JPN", "role in RUS-CHN-DRV", "role in RUS-CHN-USA", "balancer rank",
                           "bloc partners", "Changes, most important first", "RUS-CHN: entente +0.50 -> alliance +0.90",
                           "local_triad_dynamics", "Ensemble: 40 members, seed 2012"})
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
}

TEST(ScenarioCli, JsonIsTheSameForTheSameSeed) {
  const std::vector<std::string> args = {"scenario", example("china-india-war.toml"), "--members", "30", "--runs", "5",
                                         "--seed", "3", "--format", "json"};
  auto one = args, two = args;
  one.insert(one.end(), {"--threads", "1"});
  two.insert(two.end(), {"--threads", "2"});
  const auto a = run_cli(one), b = run_cli(two);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const auto j = Json::parse(a.out);
  EXPECT_EQ(j.at("ensemble").at("seed"), 3);
  EXPECT_EQ(j.at("dynamics").at("runs"), 5);
  // CSV: the changes, one per row.
  const auto csv = run_cli({"scenario", example("china-india-war.toml"), "--members", "0", "--runs", "0", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("rank,tier,kind,change\n", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("CHN-IND: rival -0.60 -> hostile -1.00"), std::string::npos);
}

TEST(ScenarioCli, EveryBundledExampleRuns) {
  for (const char* name : {"russia-china-alliance.toml", "us-russia-rapprochement.toml", "china-india-war.toml",
                           "leadership-change.toml"}) {
    const auto r = run_cli({"scenario", example(name), "--members", "10", "--runs", "3", "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_FALSE(Json::parse(r.out).at("rows").empty()) << name << ": the shocks changed nothing";
  }
}

TEST(ScenarioCli, BadFilesSayWhere) {
  entente::testing::TempDir dir;
  const auto bad = dir.write("bad.toml", "[base]\nyear = 2012\nfocus = \"RUS\"\n\n[[shock]]\nkind = \"add_treaty\"\n"
                                         "between = [\"RUS\", \"CHN\"]\ntype = \"friendship\"\n");
  const auto r = run_cli({"scenario", bad.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.toml:8"), std::string::npos) << r.err;
  const auto unknown = dir.write("unknown.toml", "[base]\nyear = 2012\nfocus = \"RUS\"\n\n[[shock]]\nkind = \"start_war\"\n"
                                                 "between = [\"RUS\", \"Atlantis\"]\n");
  const auto u = run_cli({"scenario", unknown.string()});
  EXPECT_EQ(u.exit_code, 1);
  EXPECT_NE(u.err.find("unknown.toml:5"), std::string::npos) << u.err;
  EXPECT_EQ(run_cli({"scenario"}).exit_code, 2);
  EXPECT_EQ(run_cli({"scenario", example("china-india-war.toml"), "--members", "4611686018427387904"}).exit_code, 2);
  EXPECT_EQ(run_cli({"scenario", example("china-india-war.toml"), "--runs", "-1"}).exit_code, 2);
  EXPECT_EQ(run_cli({"scenario", (dir / "absent.toml").string()}).exit_code, 2);
}

}  // namespace
