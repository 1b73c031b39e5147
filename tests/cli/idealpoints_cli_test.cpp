// End-to-end: `entente idealpoints` (and the idealpoints layers of `states` and `dyads`) on a store
// of the Voeten files imported by `entente import`.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

using entente::testing::lines_of;
using entente::testing::run_cli;
using entente::testing::shared_data;
using entente::testing::TempDir;
using nlohmann::json;

namespace {

// A store of the COW states and the Voeten roll calls and votes, made by the CLI.
std::string voeten_store(const TempDir& dir) {
  const auto data = shared_data();
  const std::string db = (dir / "voeten.db").string();
  const auto r = run_cli({"import", (data / "cow_states" / "states2016.csv").string(),
                          (data / "unga" / "voeten_rollcalls_1946_2015.csv").string(),
                          (data / "unga" / "voeten_votes_sessions_46_70.csv").string(), "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return db;
}

}  // namespace

TEST(IdealpointsCli, PrintsStateYearsAsCsvJsonAndTable) {
  ENTENTE_REQUIRE_SHARED_DATA();
  TempDir dir;
  const auto db = voeten_store(dir);

  const auto csv = run_cli({"idealpoints", "--db", db, "--from", "2010", "--to", "2012", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const auto lines = lines_of(csv.out);
  ASSERT_GT(lines.size(), 3u * 190u);
  EXPECT_EQ(lines.front(), "ccode,abbrev,year,idealpoint,votes");
  std::map<int, double> us;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    std::istringstream row(lines[k]);
    std::string ccode, abbrev, year, x, votes;
    std::getline(row, ccode, ','), std::getline(row, abbrev, ','), std::getline(row, year, ',');
    std::getline(row, x, ','), std::getline(row, votes, ',');
    const int y = std::stoi(year);
    EXPECT_TRUE(y >= 2010 && y <= 2012) << lines[k];
    if (ccode == "2") us[y] = std::stod(x);
    if (x.empty()) {
      EXPECT_LT(std::stoi(votes), 10) << lines[k];  // missing only when too few votes
    }
  }
  ASSERT_EQ(us.size(), 3u);
  for (const auto& [y, x] : us) EXPECT_GT(x, 0.0) << y;

  const auto js = run_cli(
      {"idealpoints", "--db", db, "--from", "2012", "--to", "2012", "--actors", "USA,RUS,CHN", "--format", "json"});
  ASSERT_EQ(js.exit_code, 0) << js.err;
  const auto doc = json::parse(js.out);
  ASSERT_EQ(doc.at("rows").size(), 3u);
  EXPECT_EQ(doc.at("count"), 3);
  ASSERT_EQ(doc.at("years").size(), 1u);
  EXPECT_TRUE(doc.at("years").at(0).at("converged").get<bool>());
  EXPECT_EQ(doc.at("estimator").at("abstention"), "no");
  std::map<std::string, double> x;
  for (const auto& r : doc.at("rows")) {
    x[r.at("abbrev").get<std::string>()] = r.at("idealpoint").get<double>();
    EXPECT_GT(r.at("votes").get<int>(), 40);
  }
  EXPECT_GT(x.at("USA"), 0.0);
  EXPECT_LT(x.at("RUS"), x.at("USA"));
  EXPECT_LT(x.at("CHN"), x.at("USA"));
  EXPECT_DOUBLE_EQ(x.at("USA"), us.at(2012));  // the same estimate whatever rows are printed

  const auto table = run_cli({"idealpoints", "--db", db, "--from", "2012", "--to", "2012", "--actors", "USA"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("idealpoint"), std::string::npos);
  EXPECT_NE(table.out.find("USA"), std::string::npos);

  // The layers: states --with idealpoints and dyads --with idealpoints.
  const auto states = run_cli({"states", "--db", db, "--from", "2012", "--to", "2012", "--actors", "USA,RUS", "--with",
                               "idealpoints", "--format", "json"});
  ASSERT_EQ(states.exit_code, 0) << states.err;
  const auto sdoc = json::parse(states.out);
  std::map<int, double> sx;
  for (const auto& r : sdoc.at("rows")) sx[r.at("ccode").get<int>()] = r.at("idealpoint").get<double>();
  EXPECT_DOUBLE_EQ(sx.at(2), x.at("USA"));
  EXPECT_DOUBLE_EQ(sx.at(365), x.at("RUS"));
  const auto dyads = run_cli({"dyads", "--db", db, "--from", "2012", "--to", "2012", "--actors", "USA,RUS", "--with",
                              "idealpoints", "--format", "csv"});
  ASSERT_EQ(dyads.exit_code, 0) << dyads.err;
  const auto dl = lines_of(dyads.out);
  ASSERT_EQ(dl.size(), 2u);
  EXPECT_EQ(dl[0], "ccode1,ccode2,year,idealpoint_distance");
  EXPECT_NEAR(std::stod(dl[1].substr(dl[1].rfind(',') + 1)), std::fabs(x.at("USA") - x.at("RUS")), 1e-9);
}

TEST(IdealpointsCli, DefaultYearsFollowTheVotesAndBadRequestsFail) {
  ENTENTE_REQUIRE_SHARED_DATA();
  TempDir dir;
  const auto db = voeten_store(dir);
  // Only sessions 46-70 (1991-2015) were imported, but the roll calls cover 1946-2015: years
  // without votes give no rows.
  const auto all = run_cli({"idealpoints", "--db", db, "--actors", "USA", "--format", "json"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const auto doc = json::parse(all.out);
  EXPECT_EQ(doc.at("from"), 1946);
  EXPECT_EQ(doc.at("to"), 2015);
  EXPECT_EQ(doc.at("rows").size(), 25u);
  EXPECT_EQ(doc.at("rows").at(0).at("year"), 1991);

  const auto backwards = run_cli({"idealpoints", "--db", db, "--from", "2012", "--to", "2010"});
  EXPECT_EQ(backwards.exit_code, 1);
  EXPECT_NE(backwards.err.find("after"), std::string::npos) << backwards.err;

  // A store without votes says so.
  const std::string states_only = (dir / "states.db").string();
  ASSERT_EQ(
      run_cli({"import", (shared_data() / "cow_states" / "states2016.csv").string(), "--db", states_only}).exit_code,
      0);
  const auto none = run_cli({"idealpoints", "--db", states_only});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no UN General Assembly votes"), std::string::npos) << none.err;
}
