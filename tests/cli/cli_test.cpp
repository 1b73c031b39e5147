// End-to-end tests of the entente binary: exit codes, outputs, and what imports do to a store.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "entente/io/file.hpp"
#include "entente/store/store.hpp"
#include "test_support.hpp"

using entente::testing::file_sha256;
using entente::testing::run_cli;
using entente::testing::shared_data;
using entente::testing::TempDir;
using nlohmann::json;

TEST(Cli, DyadOnTheDefaultWorldShowsTheRussiaChinaTreatyHistory) {
  const auto r = run_cli({"dyad", "RUS", "CHN", "--from", "1950", "--to", "2012", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  EXPECT_EQ(doc.at("a").at("ccode"), 365);
  EXPECT_EQ(doc.at("b").at("ccode"), 710);
  ASSERT_EQ(doc.at("rows").size(), 63u);
  for (const auto& row : doc.at("rows")) {
    const int y = row.at("year");
    for (const char* dir : {"a_to_b", "b_to_a"}) {
      const auto& o = row.at("atop").at(dir);
      EXPECT_EQ(o.at("defense"), y <= 1980 ? 1 : 0) << y << dir;        // the 1950-1980 treaty
      // Consultation from 2001 (and, in ATOP v5.1, in 1962-1964 through a multilateral treaty).
      if (y > 1964) {
        EXPECT_EQ(o.at("consultation"), y >= 2001 ? 1 : 0) << y << dir;
      }
      if (y >= 1995) {
        EXPECT_EQ(o.at("nonaggression"), 1) << y << dir;   // non-aggression
      }
      if (y > 1980 && y < 1992) {
        EXPECT_EQ(o.at("nonaggression"), 0) << y << dir;
      }
    }
  }
}

TEST(Cli, ActorsOf2012) {
  const auto r = run_cli({"actors", "--year", "2012", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  std::set<int> codes;
  for (const auto& a : doc.at("rows")) codes.insert(a.at("ccode").get<int>());
  for (int c : {2, 365, 710}) EXPECT_TRUE(codes.count(c)) << c;
  EXPECT_FALSE(codes.count(260));  // West Germany ended in 1990
  EXPECT_EQ(doc.at("count"), codes.size());
  EXPECT_GT(codes.size(), 190u);
}

TEST(Cli, CiteNamesTheBundledProviders) {
  const auto r = run_cli({"cite"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Leeds"), std::string::npos);
  EXPECT_NE(r.out.find("2002"), std::string::npos);
  EXPECT_NE(r.out.find("State System Membership"), std::string::npos);
  EXPECT_NE(r.out.find("Singer"), std::string::npos);
  EXPECT_EQ(r.out.find("Gibler"), std::string::npos);  // COW alliances are not bundled
  const auto bib = run_cli({"cite", "--bibtex"});
  EXPECT_NE(bib.out.find("@article{leeds2002atop"), std::string::npos);
}

TEST(Cli, CsvIsTidyWithOneHeader) {
  const auto r = run_cli({"dyad", "USA", "IRN", "--from", "1958", "--to", "1960", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto header = r.out.substr(0, r.out.find('\n'));
  EXPECT_NE(header.find("year,a_member,b_member,atop_a_to_b_defense"), std::string::npos) << header;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4);
  // USA->IRN defense from 1959, one-way.
  EXPECT_NE(r.out.find("\n1959,TRUE,TRUE,1,"), std::string::npos) << r.out;
}

TEST(Cli, UsageErrorsExitTwoAndBadInputExitsOne) {
  const auto none = run_cli({});
  EXPECT_EQ(none.exit_code, 2);
  const auto bad_flag = run_cli({"dyad", "RUS", "CHN", "--nonsense"});
  EXPECT_EQ(bad_flag.exit_code, 2);
  const auto bad_format = run_cli({"actors", "--format", "xml"});
  EXPECT_EQ(bad_format.exit_code, 2);
  const auto unknown = run_cli({"dyad", "RUS", "Chnia"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("did you mean"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("CHN (710, China)"), std::string::npos) << unknown.err;
  const auto help = run_cli({"import", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("atop-ddyr"), std::string::npos);
  EXPECT_NE(help.out.find("correlatesofwar.org"), std::string::npos);
}

TEST(Cli, ABadRowLeavesTheStoreByteForByteUnchanged) {
  TempDir tmp;
  const auto db = (tmp / "store.db").string();
  const auto states = tmp.write("states.csv",
                                "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
                                "USA,2,United States of America,1816,1,1,2016,12,31,2016\n"
                                "CAN,20,Canada,1920,1,10,2016,12,31,2016\n");
  ASSERT_EQ(run_cli({"import", "--db", db, states.string()}).exit_code, 0);
  const auto before = file_sha256(db);
  const auto good = tmp.write("atop_good.csv",
                              "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
                              "2,20,1949,1,0,0,0,0\n");
  const auto bad = tmp.write("atop_bad.csv",
                             "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
                             "2,20,1950,1,0,0,0,0\n2,20,19x1,1,0,0,0,0\n");
  // A good file and a bad one in one import: nothing of either lands.
  const auto r = run_cli({"import", "--db", db, good.string(), bad.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("atop_bad.csv:3:6: found \"19x1\""), std::string::npos) << r.err;
  EXPECT_EQ(file_sha256(db), before);
  // Importing the same file again changes nothing either.
  const auto again = run_cli({"import", "--db", db, states.string(), "--format", "json"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(json::parse(again.out).at("rows")[0].at("status"), "already imported");
  EXPECT_EQ(file_sha256(db), before);
  // A bad file never creates a store.
  const auto fresh = (tmp / "fresh.db").string();
  EXPECT_EQ(run_cli({"import", "--db", fresh, bad.string()}).exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(fresh));
}

TEST(Cli, CowAlliancesFromSharedDataShowTheirOwnTypes) {
  ENTENTE_REQUIRE_SHARED_DATA();
  TempDir tmp;
  const auto db = (tmp / "store.db").string();
  const auto data = shared_data();
  const auto imp = run_cli({"import", "--db", db, (data / "cow_states/states2016.csv").string(),
                            (data / "cow_alliance/alliance_v4.1_by_member_yearly.csv").string(),
                            (data / "atop/atop_v5.1_ddyr_part1_ccode1_lt_ccode2.csv").string(),
                            (data / "atop/atop_v5.1_ddyr_part2_ccode1_gt_ccode2.csv").string(),
                            (data / "cow_nmc/NMC-60-abridged.csv").string()});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  const auto r = run_cli({"dyad", "RUS", "CHN", "--from", "1950", "--to", "2012", "--format", "json", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  for (const auto& row : doc.at("rows")) {
    const int y = row.at("year");
    const auto& cow = row.at("cow_alliance");
    if (y <= 1980) {
      EXPECT_EQ(cow.at("a_to_b").at("defense"), 1) << y;
      EXPECT_EQ(cow.at("treaties")[0], 229) << y;  // 1962-1964 also list the multilateral treaty 267
    } else if (y >= 1996) {
      EXPECT_EQ(cow.at("a_to_b").at("defense"), 0) << y;
      EXPECT_EQ(cow.at("a_to_b").at("nonaggression"), 1) << y;
      EXPECT_EQ(cow.at("a_to_b").at("entente"), 1) << y;
      EXPECT_EQ(cow.at("treaties"), json::array({389})) << y;
    } else {
      EXPECT_EQ(cow.at("treaties"), json::array()) << y;
    }
  }
  const auto cite = run_cli({"cite", "--db", db});
  EXPECT_NE(cite.out.find("Gibler"), std::string::npos);
  EXPECT_NE(cite.out.find("Leeds"), std::string::npos);
  const auto info = run_cli({"info", "--db", db, "--format", "json"});
  const auto idoc = json::parse(info.out);
  EXPECT_EQ(idoc.at("counts").at("actors"), 217);
  EXPECT_EQ(idoc.at("rows").size(), 4u);
}

TEST(Cli, SkipBadRowsImportsTheGoodRowsAndListsTheRest) {
  TempDir tmp;
  const auto db = (tmp / "store.db").string();
  const auto rejects = (tmp / "rejects.csv").string();
  const auto file = tmp.write("atop.csv",
                              "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
                              "2,20,1950,1,0,0,0,0\n2,20,19x1,1,0,0,0,0\n2,20,1952,1,0,0\n2,20,1953,1,0,0,0,1\n");
  const auto r = run_cli({"import", "--db", db, file.string(), "--skip-bad-rows", "--rejects", rejects, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  EXPECT_EQ(doc.at("rows")[0].at("skipped_rows"), 2);
  EXPECT_NE(r.err.find("skipped 2 bad rows"), std::string::npos) << r.err;
  const auto listed = entente::io::read_whole_file(rejects);
  EXPECT_NE(listed.find("atop.csv,3,"), std::string::npos) << listed;
  EXPECT_NE(listed.find("atop.csv,4,"), std::string::npos) << listed;
  EXPECT_NE(listed.find("\"2,20,19x1,1,0,0,0,0\""), std::string::npos) << listed;
  const auto info = json::parse(run_cli({"info", "--db", db, "--format", "json"}).out);
  EXPECT_EQ(info.at("counts").at("alliance_rows"), 2);  // the rows of 1950 and 1953
}

TEST(Cli, SimilarityTableReproducesSignorinoRitterTable6) {
  const auto table = entente::testing::reference_dir() / "data/gmyrus1914_signorino_ritter_table6.csv";
  if (!std::filesystem::exists(table)) GTEST_SKIP() << "SKIPPED: ../shared/reference is absent";
  const auto r = run_cli({"similarity", "--table", table.string(), "GMY", "RUS", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, double> value;
  const auto doc = json::parse(r.out);
  for (const auto& row : doc.at("rows")) value[row.at("measure").get<std::string>()] = row.at("value").get<double>();
  // Signorino & Ritter (1999) Table 6, Germany and Russia in 1914 (REFERENCE.md section 1).
  EXPECT_NEAR(value.at("kendall_tau_b"), 0.03031695, 1e-6);
  EXPECT_NEAR(value.at("s"), 0.4, 1e-6);
  EXPECT_NEAR(value.at("s_squared"), 0.4444444, 1e-6);
  EXPECT_NEAR(value.at("kappa"), -0.07758621, 1e-6);
  EXPECT_NEAR(value.at("scott_pi"), -0.04477612, 1e-6);
  const auto missing = run_cli({"similarity", "--table", table.string(), "GMY", "FRN"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no column 'FRN'"), std::string::npos) << missing.err;
}

TEST(Cli, DyadsAndStatesOnTheDefaultWorld) {
  const auto r = run_cli({"dyads", "--actors", "USA,RUS,CHN", "--from", "2011", "--to", "2012", "--with",
                          "atop,votes,rivalries,majors", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  ASSERT_EQ(doc.at("rows").size(), 6u);  // three dyads, two years
  for (const auto& row : doc.at("rows")) {
    EXPECT_LT(row.at("ccode1").get<int>(), row.at("ccode2").get<int>());
    EXPECT_TRUE(row.at("rival_td").is_null());  // Thompson-Dreyer ends in 2010: missing, not 0
    EXPECT_FALSE(row.at("un_agree").is_null());
    if (row.at("ccode1") == 365 && row.at("ccode2") == 710) {
      EXPECT_EQ(row.at("atop_consultation"), 1);
      EXPECT_EQ(row.at("atop_defense"), 0);
    }
    if (row.at("ccode1") == 2 && row.at("ccode2") == 710) {
      EXPECT_EQ(row.at("rival_tss"), 1);  // China-US 1996-2020
    }
  }
  const auto csv = run_cli({"states", "--actors", "RUS", "--from", "2012", "--to", "2012", "--with",
                            "capabilities,democracy,majors", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')), "ccode,year,cinc,polity2,polyarchy,quds,major");
  EXPECT_NE(csv.out.find("\n365,2012,0.039594777,4,"), std::string::npos) << csv.out;
  const auto bad = run_cli({"dyads", "--with", "tarot"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("no layer 'tarot'"), std::string::npos);
}

TEST(Cli, DyadsUniverseAndContiguityRule) {
  // United Germany entered on 3 October 1990, the day after the GDR left: a dyad-year only in
  // the `any` universe.
  const auto simultaneous = run_cli({"dyads", "--actors", "GMY,GDR,USA", "--from", "1990", "--to", "1990", "--format", "csv"});
  ASSERT_EQ(simultaneous.exit_code, 0) << simultaneous.err;
  EXPECT_EQ(simultaneous.out, "ccode1,ccode2,year\n2,255,1990\n2,265,1990\n");
  const auto any = run_cli({"dyads", "--actors", "GMY,GDR,USA", "--from", "1990", "--to", "1990", "--universe", "any",
                            "--format", "csv"});
  ASSERT_EQ(any.exit_code, 0) << any.err;
  EXPECT_EQ(any.out, "ccode1,ccode2,year\n2,255,1990\n2,265,1990\n255,265,1990\n");
  const auto states = run_cli({"states", "--actors", "GMY,GDR", "--from", "1990", "--to", "1990", "--universe", "any",
                               "--format", "csv"});
  ASSERT_EQ(states.exit_code, 0) << states.err;
  EXPECT_EQ(states.out, "ccode,year\n255,1990\n265,1990\n");
  // Taiwan-Japan 1972: COW lists "no contiguity" to April and water within 150 miles from May.
  const auto closest = run_cli({"dyads", "--actors", "TAW,JPN", "--from", "1972", "--to", "1972", "--with", "contiguity",
                                "--format", "csv"});
  ASSERT_EQ(closest.exit_code, 0) << closest.err;
  EXPECT_EQ(closest.out, "ccode1,ccode2,year,conttype\n713,740,1972,4\n");
  const auto january = run_cli({"dyads", "--actors", "TAW,JPN", "--from", "1972", "--to", "1972", "--with", "contiguity",
                                "--contiguity", "january", "--format", "csv"});
  ASSERT_EQ(january.exit_code, 0) << january.err;
  EXPECT_EQ(january.out, "ccode1,ccode2,year,conttype\n713,740,1972,0\n");
  const auto bad = run_cli({"dyads", "--universe", "all"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--universe"), std::string::npos) << bad.err;
}

TEST(Cli, DyadsCanBeKeptInTheStore) {
  TempDir tmp;
  const auto db = (tmp / "store.db").string();
  const auto states = tmp.write("states.csv",
                                "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
                                "USA,2,United States of America,1816,1,1,2016,12,31,2016\n"
                                "CAN,20,Canada,1920,1,10,2016,12,31,2016\n"
                                "MEX,70,Mexico,1831,1,1,2016,12,31,2016\n");
  const auto atop = tmp.write("atop.csv",
                              "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
                              "2,20,1949,1,0,0,0,0\n20,2,1949,1,0,0,0,0\n");
  ASSERT_EQ(run_cli({"import", "--db", db, states.string(), atop.string()}).exit_code, 0);
  const auto r = run_cli({"dyads", "--db", db, "--from", "1949", "--to", "1950", "--with", "atop", "--into",
                          "north_america", "--format", "csv", "--out", (tmp / "out.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Read the kept table back through the library.
  auto store = entente::store::Store::open_existing(db);
  long long rows = 0;
  double defense = 0;
  store.for_each_row("SELECT count(*), sum(atop_defense) FROM north_america", [&](const entente::store::Row& row) {
    rows = row.integer(0);
    defense = row.real(1);
  });
  EXPECT_EQ(rows, 6);       // three dyads, two years
  EXPECT_EQ(defense, 1.0);  // USA-Canada 1949 only (the ATOP file ends in 1949: 1950 is missing)
}

TEST(Cli, TriangleExplainAndBalancerOnTheDefaultWorld) {
  const auto tri = run_cli({"triangle", "USA", "CHN", "RUS", "--year", "2012", "--format", "json"});
  ASSERT_EQ(tri.exit_code, 0) << tri.err;
  const auto doc = json::parse(tri.out);
  const auto& y2012 = doc.at("rows").at(0);
  EXPECT_EQ(y2012.at("type"), "stable_marriage");
  EXPECT_EQ(y2012.at("roles").at("USA").at("role"), "outcast");
  EXPECT_EQ(y2012.at("roles").at("RUS").at("role"), "partner");
  EXPECT_EQ(y2012.at("ties").at("CHN-RUS").at("relation"), "entente");
  EXPECT_EQ(y2012.at("ties").at("USA-RUS").at("relation"), "rival");

  const auto why = run_cli({"explain", "RUS", "CHN", "--year", "1969", "--format", "json"});
  ASSERT_EQ(why.exit_code, 0) << why.err;
  const auto explained = json::parse(why.out);
  EXPECT_EQ(explained.at("relation"), "hostile");
  EXPECT_NE(explained.at("evidence").dump().find("defense"), std::string::npos);  // the treaty is still shown
  // As CSV: a header and one row, the relation in its column.
  const auto why_csv = run_cli({"explain", "RUS", "CHN", "--year", "1969", "--format", "csv"});
  ASSERT_EQ(why_csv.exit_code, 0) << why_csv.err;
  EXPECT_EQ(std::count(why_csv.out.begin(), why_csv.out.end(), '\n'), 2) << why_csv.out;
  EXPECT_EQ(why_csv.out.rfind("source,profile,year,a_ccode", 0), 0u) << why_csv.out;
  EXPECT_NE(why_csv.out.find(",hostile,"), std::string::npos) << why_csv.out;

  const auto bal = run_cli({"balancer", "--year", "2012", "--top", "3", "--format", "json"});
  ASSERT_EQ(bal.exit_code, 0) << bal.err;
  EXPECT_EQ(json::parse(bal.out).at("rows").size(), 3u);

  TempDir tmp;
  const auto profile = tmp.write("bad.toml", "name = \"x\"\n[weights]\nrival = 2\n");
  const auto bad = run_cli({"triangle", "USA", "CHN", "RUS", "--profile", profile.string()});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.toml:3:"), std::string::npos) << bad.err;
}
