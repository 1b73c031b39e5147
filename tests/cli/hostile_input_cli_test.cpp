// End-to-end: the command line under careless and hostile input. Nothing the user had is lost, and
// nothing is silently accepted: every refusal names what was refused, and a failed command leaves
// the store, the input files and the output places as they were.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/query/scenario.hpp"
#include "entente/report/report_site.hpp"
#include "test_support.hpp"

#include <fmt/format.h>

namespace {

using entente::testing::file_sha256;
using entente::testing::run_cli;
using entente::testing::TempDir;
namespace fs = std::filesystem;

const std::string kStatesHeader = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n";
const std::string kGoodStates = kStatesHeader +
                                "USA,2,United States of America,1816,1,1,2016,12,31,2016\n"
                                "CAN,20,Canada,1920,1,10,2016,12,31,2016\n";
// One bad row (a ccode that is not a number) among good ones.
const std::string kStatesWithABadRow = kStatesHeader +
                                       "USA,2,United States of America,1816,1,1,2016,12,31,2016\n"
                                       "BAD,x,Nowhere,1900,1,1,2016,12,31,2016\n"
                                       "CAN,20,Canada,1920,1,10,2016,12,31,2016\n";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs the CLI in `dir` (for what depends on the current folder); stdout and stderr together.
entente::testing::RunResult run_cli_in(const fs::path& dir, const std::vector<std::string>& args) {
  std::string command = "cd '" + dir.string() + "' && '" + ENTENTE_TEST_CLI + "'";
  for (const auto& a : args) command += " '" + a + "'";
  command += " >'" + (dir / ".out").string() + "' 2>&1 </dev/null";
  const int status = std::system(command.c_str());
  entente::testing::RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(dir / ".out");
  fs::remove(dir / ".out");
  return r;
}

// A store of the good states, and the input with a bad row, for the --rejects cases.
struct ImportSetup {
  TempDir dir;
  fs::path store = dir / "world.db";
  fs::path input = dir.write("states2016.csv", kStatesWithABadRow);
  ImportSetup() {
    fs::create_directories(dir / "good");
    const auto good = dir.write("good/states2016.csv", kGoodStates);
    const auto r = run_cli({"import", "--db", store.string(), good.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
};

#define ENTENTE_REQUIRE_REPORT_ASSETS()                                                        \
  do {                                                                                         \
    if (!entente::report::has_report_assets())                                                 \
      GTEST_SKIP() << "SKIPPED: this build has no report assets (run scripts/install-deps, then " \
                      "rebuild)";                                                              \
  } while (0)

// ---- 1. --rejects never overwrites the store, an input, or a file entente did not write ----

TEST(CliHostileInput, RejectsPathThatIsTheStoreIsRefused) {
  ImportSetup s;
  const auto store_before = file_sha256(s.store), input_before = file_sha256(s.input);
  const auto r = run_cli({"import", "--db", s.store.string(), "--skip-bad-rows", "--rejects", s.store.string(),
                          s.input.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--rejects " + s.store.string() + ": this is the store; name another file"), std::string::npos)
      << r.err;
  EXPECT_EQ(file_sha256(s.store), store_before);
  EXPECT_EQ(file_sha256(s.input), input_before);
  // Also when the store does not exist yet, and with --force.
  const auto fresh = s.dir / "fresh.db";
  const auto again = run_cli({"import", "--db", fresh.string(), "--skip-bad-rows", "--force", "--rejects",
                              fresh.string(), s.input.string()});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("this is the store"), std::string::npos) << again.err;
  EXPECT_FALSE(fs::exists(fresh));
}

TEST(CliHostileInput, RejectsPathThatIsAnInputIsRefused) {
  ImportSetup s;
  const auto store_before = file_sha256(s.store), input_before = file_sha256(s.input);
  // Named another way (through "."), and with --force: still the input.
  const auto other_name = (s.dir.path() / "." / "states2016.csv").string();
  const auto r = run_cli({"import", "--db", s.store.string(), "--skip-bad-rows", "--force", "--rejects", other_name,
                          s.input.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("this is the input file " + s.input.string()), std::string::npos) << r.err;
  EXPECT_EQ(file_sha256(s.store), store_before);
  EXPECT_EQ(file_sha256(s.input), input_before);
}

TEST(CliHostileInput, RejectsPathNotWrittenByEntenteIsRefusedWithoutForce) {
  ImportSetup s;
  const auto notes = s.dir.write("notes.csv", "my,own\nnotes,here\n");
  const auto store_before = file_sha256(s.store), notes_before = file_sha256(notes);
  const auto r = run_cli({"import", "--db", s.store.string(), "--skip-bad-rows", "--rejects", notes.string(),
                          s.input.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--rejects " + notes.string() +
                       ": exists and is not a rejects file of entente (its first line is not \"file,line,error,row\"); "
                       "name another file, or add --force to overwrite it"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(file_sha256(s.store), store_before);
  EXPECT_EQ(file_sha256(notes), notes_before);
  // --force overwrites it; a rejects file entente wrote is overwritten without it.
  const auto forced = run_cli({"import", "--db", s.store.string(), "--skip-bad-rows", "--force", "--rejects",
                               notes.string(), s.input.string()});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(slurp(notes).rfind("file,line,error,row\n", 0), 0u) << slurp(notes);
  EXPECT_NE(slurp(notes).find("BAD,x,Nowhere"), std::string::npos);
  const auto rewritten = run_cli({"import", "--db", s.store.string(), "--skip-bad-rows", "--rejects", notes.string(),
                                  s.input.string()});
  EXPECT_EQ(rewritten.exit_code, 0) << rewritten.err;
  EXPECT_FALSE(fs::exists(notes.string() + ".entente-tmp"));
}

// ---- 2. a rejects file that cannot be written leaves no import behind ----

TEST(CliHostileInput, RejectsPathThatCannotBeWrittenLeavesNoImport) {
  ImportSetup s;
  const auto store_before = file_sha256(s.store), input_before = file_sha256(s.input);
  fs::create_directories(s.dir / "a-folder");
  const auto folder = run_cli({"import", "--db", s.store.string(), "--skip-bad-rows", "--rejects",
                               (s.dir / "a-folder").string(), s.input.string()});
  EXPECT_EQ(folder.exit_code, 1);
  EXPECT_NE(folder.err.find("a-folder: is a folder, expected a file name"), std::string::npos) << folder.err;
  const auto missing = s.dir / "no" / "such" / "rejects.csv";
  const auto parent = run_cli(
      {"import", "--db", s.store.string(), "--skip-bad-rows", "--rejects", missing.string(), s.input.string()});
  EXPECT_EQ(parent.exit_code, 1);
  EXPECT_NE(parent.err.find("the folder " + (s.dir / "no" / "such").string() + " does not exist"), std::string::npos)
      << parent.err;
  EXPECT_EQ(file_sha256(s.store), store_before);
  EXPECT_EQ(file_sha256(s.input), input_before);
  // A new store is not created either.
  const auto fresh = s.dir / "fresh.db";
  const auto r = run_cli(
      {"import", "--db", fresh.string(), "--skip-bad-rows", "--rejects", missing.string(), s.input.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(fresh));
  EXPECT_FALSE(fs::exists(fresh.string() + ".importing"));
  // When it can be written, both the store and the rejects file are there.
  const auto ok = s.dir / "rejects.csv";
  const auto good = run_cli({"import", "--db", fresh.string(), "--skip-bad-rows", "--rejects", ok.string(),
                             s.input.string()});
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_TRUE(fs::exists(fresh));
  EXPECT_NE(slurp(ok).find("BAD,x,Nowhere"), std::string::npos) << slurp(ok);
}

// ---- 3. report --out replaces only its own folders, whole, and leaves nothing when it fails ----

TEST(CliHostileInput, ReportOutRefusesAFolderThatIsNotAReport) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  TempDir dir;
  fs::create_directories(dir / "mine");
  const auto index = dir.write("mine/index.html", "my own page");
  const auto before = file_sha256(index);
  const auto r = run_cli({"report", "--out", (dir / "mine").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find((dir / "mine").string() +
                       ": is not empty and is not an earlier report (it has no .entente-report file); name a new "
                       "folder, or add --force to replace it and everything in it"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(file_sha256(index), before);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);  // no temporary folder left beside it
  const auto forced = run_cli({"report", "--force", "--out", (dir / "mine").string()});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_TRUE(fs::exists(dir / "mine" / ".entente-report"));
  EXPECT_NE(slurp(index), "my own page");
}

TEST(CliHostileInput, ReportOutRefusesRootAndTheCurrentFolder) {
  TempDir dir;  // refused before any work, with or without the assets and --force
  for (const std::string& out : std::vector<std::string>{"/", ".", "./", dir.path().string()}) {
    const auto r = run_cli_in(dir.path(), {"report", "--force", "--out", out});
    EXPECT_EQ(r.exit_code, 1) << out;
    if (entente::report::has_report_assets()) {
      EXPECT_NE(r.err.find(out + ": is the current folder or holds it; a report replaces its folder whole, so name "
                                 "a new folder (e.g. entente-report)"),
                std::string::npos)
          << r.err;
    }
  }
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 0u);
}

TEST(CliHostileInput, ReportRewriteReplacesAnEarlierReportWhole) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  TempDir dir;
  const auto out = (dir / "r").string();
  ASSERT_EQ(run_cli({"report", "--year", "1990", "--out", out}).exit_code, 0);
  dir.write("r/data/stale.csv", "left over\n");
  const auto again = run_cli({"report", "--year", "1991", "--out", out});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_FALSE(fs::exists(dir / "r" / "data" / "stale.csv"));
  EXPECT_NE(slurp(dir / "r" / "data" / "report.json").find("\"year\":1991"), std::string::npos);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);  // neither the earlier folder nor a temporary one is left beside it
}

TEST(CliHostileInput, ReportThatFailsLeavesNothing) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  TempDir dir;
  // Files larger than 100 kB cannot be written (the vendor scripts are larger): the report fails
  // while writing, after creating the folders.
  const std::string command = "cd '" + dir.path().string() + "' && trap '' XFSZ && ulimit -f 200 && '" +
                              ENTENTE_TEST_CLI + "' report --out new/deeper/r >/dev/null 2>&1 </dev/null";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_FALSE(fs::exists(dir / "new"));
}

// ---- 4. a second row with the key of an earlier one is refused in every format ----

TEST(CliHostileInput, DuplicateKeysAreRefusedInEveryFormat) {
  TempDir dir;
  const std::string usa = "USA,2,United States of America,1816,1,1,2016,12,31,2016\n";
  const std::string war_header =
      "WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,EndMonth1,EndDay1,EndYear1,"
      "StartMonth2,StartDay2,StartYear2,EndMonth2,EndDay2,EndYear2,TransFrom,WhereFought,Initiator,Outcome,TransTo,"
      "BatDeath,Version\n";
  const std::string spain = "1,Franco-Spanish War,1,230,Spain,2,4,7,1823,11,13,1823,-8,-8,-8,-8,-8,-8,503,2,2,2,-8,600,4\n";
  struct Case {
    std::string file, text, error;
  };
  // The same row twice (the states file once kept the last copy, the war and Maoz files both).
  const std::vector<Case> cases = {
      {"states2016.csv", kStatesHeader + usa + usa,
       "states2016.csv:3:32: found \"1816\", expected a (ccode, start date) not already used on line 2"},
      {"Inter-StateWarData_v4.0.csv", war_header + spain + spain,
       "Inter-StateWarData_v4.0.csv:3:1: found \"1, 230, 2\", expected a (war, ccode, side) not already used on "
       "line 2"},
      {"maoz_powers_peacesciencer.csv",
       "ccode,regstdate,regenddate,globstdate,globenddate\n2,1824-01-01,1898-12-31,,\n2,1824-01-01,1898-12-31,,\n",
       "maoz_powers_peacesciencer.csv:3:1: found \"2, 1824-01-01, \", expected a (ccode, regional_start, "
       "global_start) not already used on line 2"},
      {"cow_nmc_v7.0_abridged.csv",
       "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,1990,1,1,1,1,1,1,0.1\n2,1990,1,1,1,1,1,1,0.1\n",
       "cow_nmc_v7.0_abridged.csv:3:3: found \"1990\", expected a (ccode, year) not already used on line 2"},
      {"atop_v5.1_ddyr.csv",
       "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n2,20,1990,1,0,0,0,0\n"
       "2,20,1990,1,0,0,0,0\n",
       "atop_v5.1_ddyr.csv:3:6: found \"1990\", expected a (ccode1, ccode2, year) not already used on line 2"},
      // Undirected: 20-2 is the dyad 2-20.
      {"cow_alliance_v4.1_dyad_year_undirected.csv",
       "ccode1,ccode2,year,cow_defense,cow_neutral,cow_nonagg,cow_entente\n2,20,1990,1,0,0,0\n20,2,1990,1,0,0,0\n",
       "cow_alliance_v4.1_dyad_year_undirected.csv:3:6: found \"1990\", expected a (ccode1, ccode2, year) not "
       "already used on line 2"},
  };
  ImportSetup s;
  for (const auto& c : cases) {
    const auto input = s.dir.write(c.file, c.text);
    const auto store_before = file_sha256(s.store), input_before = file_sha256(input);
    const auto strict = run_cli({"import", "--db", s.store.string(), input.string()});
    EXPECT_EQ(strict.exit_code, 1) << c.file;
    EXPECT_NE(strict.err.find(c.error), std::string::npos) << strict.err;
    EXPECT_EQ(file_sha256(s.store), store_before) << c.file;
    EXPECT_EQ(file_sha256(input), input_before) << c.file;
    // Leniently, the first copy is imported and the second is a reject.
    const auto fresh = s.dir / ("lenient-" + c.file + ".db");
    const auto lenient = run_cli({"import", "--db", fresh.string(), "--skip-bad-rows", "--force", "--rejects",
                                  (s.dir / "rejects.csv").string(), input.string()});
    EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
    EXPECT_NE(lenient.err.find("skipped 1 bad row;"), std::string::npos) << c.file << ": " << lenient.err;
  }
}

// ---- 6. state-years are checked against the state system; names have sane limits ----

const std::string kNmcHeader = "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n";

TEST(CliHostileInput, StateYearOutsideTheStateSystemIsRefused) {
  ImportSetup s;  // the store knows the USA from 1816 and Canada from 1920
  struct Case {
    std::string row, error;
  };
  const std::vector<Case> cases = {
      {"999,1990,1,1,1,1,1,1,0.1\n",
       "nmc.csv:3:1: found \"999\", expected the code of a state in the COW state system (no state has ccode 999)"},
      {"1,1990,1,1,1,1,1,1,0.1\n", "found \"1\", expected the code of a state in the COW state system"},
      {"2,1800,1,1,1,1,1,1,0.1\n",
       "nmc.csv:3:3: found \"1800\", expected a year when ccode 2 is a state in the COW state system (its spell is "
       "1816-2016)"},
      {"20,1900,1,1,1,1,1,1,0.1\n", "found \"1900\", expected a year when ccode 20 is a state"},
  };
  for (const auto& c : cases) {
    const auto input = s.dir.write("nmc.csv", kNmcHeader + "2,1990,1,1,1,1,1,1,0.1\n" + c.row);
    const auto store_before = file_sha256(s.store);
    // Against the store's state system...
    const auto r = run_cli({"import", "--db", s.store.string(), input.string()});
    EXPECT_EQ(r.exit_code, 1) << c.row;
    EXPECT_NE(r.err.find(c.error), std::string::npos) << r.err;
    EXPECT_EQ(file_sha256(s.store), store_before);
    // ... and against the states file of the same import, into a new store.
    const auto fresh = s.dir / "fresh.db";
    const auto both = run_cli({"import", "--db", fresh.string(), (s.dir / "good" / "states2016.csv").string(),
                               input.string()});
    EXPECT_EQ(both.exit_code, 1) << both.err;
    EXPECT_NE(both.err.find(c.error.substr(c.error.find("found"))), std::string::npos) << both.err;
    EXPECT_FALSE(fs::exists(fresh));
  }
  // With --skip-bad-rows the row is a reject and the good one is imported.
  const auto input = s.dir.write("nmc.csv", kNmcHeader + "2,1990,1,1,1,1,1,1,0.1\n999,1990,1,1,1,1,1,1,0.1\n");
  const auto lenient = run_cli({"import", "--db", s.store.string(), "--skip-bad-rows", "--rejects",
                                (s.dir / "rejects.csv").string(), input.string()});
  ASSERT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.err.find("skipped 1 bad row;"), std::string::npos) << lenient.err;
  EXPECT_NE(slurp(s.dir / "rejects.csv").find("no state has ccode 999"), std::string::npos);
  // Years after the membership list ends (2016) are not checked: newer files go on (NMC v7 to 2022).
  const auto later = s.dir.write("later.csv", kNmcHeader + "2,2020,1,1,1,1,1,1,0.1\n");
  const auto r = run_cli({"import", "--db", s.store.string(), later.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(CliHostileInput, StateNamesAndAbbreviationsHaveSaneLimits) {
  TempDir dir;
  const std::string huge(10'000'000, 'x');
  struct Case {
    std::string row, error;
  };
  const std::vector<Case> cases = {
      {"USA,2," + huge + ",1816,1,1,2016,12,31,2016\n",
       "states2016.csv:2:7: found \"xxxxxxxxx"},
      {"USA,2,\"United\nStates\",1816,1,1,2016,12,31,2016\n",
       "found \"United\\x0AStates\", expected a state name of at most 100 bytes, without control characters (found "
       "13 bytes, with a control character)"},
      {"USA" + huge + ",2,United States of America,1816,1,1,2016,12,31,2016\n",
       "expected a COW state abbreviation of 2-3 capital letters"},
      {"U;A,2,United States of America,1816,1,1,2016,12,31,2016\n",
       "found \"U;A\", expected a COW state abbreviation of 2-3 capital letters"},
  };
  for (const auto& c : cases) {
    const auto input = dir.write("states2016.csv", kStatesHeader + c.row);
    const auto store = dir / "w.db";
    const auto r = run_cli({"import", "--db", store.string(), input.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(c.error), std::string::npos) << r.err.substr(0, 400);
    EXPECT_LT(r.err.size(), 2000u);  // the value is cut in the message
    EXPECT_FALSE(fs::exists(store));
  }
  const auto input = dir.write("states2016.csv", kStatesHeader + "USA,2," + huge + ",1816,1,1,2016,12,31,2016\n");
  const auto r = run_cli({"import", "--db", (dir / "w.db").string(), input.string()});
  EXPECT_NE(r.err.find("expected a state name of at most 100 bytes, without control characters (found 10000000 "
                       "bytes)"),
            std::string::npos)
      << r.err.substr(0, 400);
}

// ---- 5. a row with more fields than the header is rejected whole, with its real field count ----

TEST(CliHostileInput, RowWithMoreFieldsThanTheHeaderIsRejectedWhole) {
  TempDir dir;
  // Canada's row has 11 fields, with a carriage return inside the 7th; it once read as a row of 10
  // fields (imported) and one of 2.
  const auto input = dir.write("states2016.csv", kStatesHeader +
                                                     "USA,2,United States of America,1816,1,1,2016,12,31,2016\n"
                                                     "CAN,20,Canada,1920,1,10,20\r16,12,31,2016,x\n");
  const auto store = dir / "world.db";
  const auto strict = run_cli({"import", "--db", store.string(), input.string()});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("states2016.csv:3:42: found \"11 fields\", expected 10 fields, as in the header"),
            std::string::npos)
      << strict.err;
  EXPECT_FALSE(fs::exists(store));
  const auto rejects = dir / "rejects.csv";
  const auto lenient = run_cli({"import", "--db", store.string(), "--skip-bad-rows", "--rejects", rejects.string(),
                                input.string(), "--format", "json"});
  ASSERT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.err.find("skipped 1 bad row;"), std::string::npos) << lenient.err;
  const auto actors = run_cli({"actors", "--db", store.string(), "--format", "csv"});
  ASSERT_EQ(actors.exit_code, 0) << actors.err;
  EXPECT_NE(actors.out.find("USA"), std::string::npos) << actors.out;
  EXPECT_EQ(actors.out.find("CAN"), std::string::npos) << actors.out;  // no part of Canada's row
  EXPECT_NE(slurp(rejects).find("found \"\"11 fields\"\""), std::string::npos) << slurp(rejects);
}

// ---- 7. graph files: a header must look like one; self-loops and repeated pairs are said ----

TEST(CliHostileInput, EdgeListFirstLineIsAHeaderOnlyWhenItLooksLikeOne) {
  TempDir dir;
  // A bad sign on the first line is a bad row (it was dropped as a "header").
  for (const std::string first : {"1 2 x", "USA RUS -x", "A B 1e999"}) {
    const auto edges = dir.write("e.txt", first + "\nA C -1\nB C -1\n");
    const auto r = run_cli({"balance", "--edges", edges.string()});
    EXPECT_EQ(r.exit_code, 1) << first;
    EXPECT_NE(r.err.find(edges.string() + ":1:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("expected an edge sign: a positive or negative number"), std::string::npos) << r.err;
  }
  // A real header is read as one, and said.
  const auto edges = dir.write("h.csv", "source,target,sign\nA,B,1\nA,C,-1\nB,C,-1\n");
  const auto r = run_cli({"balance", "--edges", edges.string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("entente: " + edges.string() + ": line 1 read as a column header: source,target,sign"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).at("graphs").at(0).at("edges").get<int>(), 3) << r.out;
}

TEST(CliHostileInput, SelfLoopsAreCountedAndSaid) {
  TempDir dir;
  const auto edges = dir.write("e.txt", "A B 1\nA A -1\nB C -1\nA C -1\nC C 1\n");
  const auto pajek = dir.write("g.net", "*Vertices 3\n1 \"A\"\n2 \"B\"\n3 \"C\"\n*Edges\n1 2 1\n1 1 -1\n2 3 -1\n1 3 -1\n");
  for (const auto& [args, said, count] : std::vector<std::tuple<std::vector<std::string>, std::string, int>>{
           {{"balance", "--edges", edges.string()}, edges.string() + ": 2 self-loops (a node tied to itself) left out, "
                                                                     "on lines 2, 5",
            2},
           {{"balance", "--pajek", pajek.string()},
            pajek.string() + ": 1 self-loop (a node tied to itself) left out, on line 7", 1}}) {
    auto json_args = args;
    json_args.insert(json_args.end(), {"--format", "json"});
    const auto r = run_cli(json_args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("entente: " + said), std::string::npos) << r.err;
    const auto graph = nlohmann::json::parse(r.out).at("graphs").at(0);
    EXPECT_EQ(graph.at("self_loops").get<int>(), count) << r.out;
    EXPECT_EQ(graph.at("edges").get<int>(), 3) << r.out;
  }
  // Quiet when there is nothing to say.
  const auto clean = dir.write("c.txt", "A B 1\nB C -1\nA C -1\n");
  const auto r = run_cli({"balance", "--edges", clean.string()});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
}

TEST(CliHostileInput, ContradictoryPairIsRefusedInPajekAsInAnEdgeList) {
  TempDir dir;
  const auto edges = dir.write("e.txt", "A B 1\nB C -1\nB A -1\n");
  const auto pajek = dir.write("g.net", "*Vertices 3\n1 \"A\"\n2 \"B\"\n3 \"C\"\n*Edges\n1 2 1\n2 3 -1\n2 1 -1\n");
  const auto from_edges = run_cli({"balance", "--edges", edges.string()});
  EXPECT_EQ(from_edges.exit_code, 1);
  EXPECT_NE(from_edges.err.find(edges.string() + ":3:1: found \"B A -1\", expected each pair once (it was listed on "
                                                  "line 1)"),
            std::string::npos)
      << from_edges.err;
  for (const std::string verb : {"balance", "blocs"}) {
    const auto from_pajek = run_cli({verb, "--pajek", pajek.string()});
    EXPECT_EQ(from_pajek.exit_code, 1) << verb;
    EXPECT_NE(from_pajek.err.find(pajek.string() + ":8:1: found \"2 1 -1\", expected each pair once in a relation (it "
                                                   "was listed on line 6)"),
              std::string::npos)
        << from_pajek.err;
  }
}

// ---- 9. numbers out of range are refused, not wrapped, and years outside the data are named ----

TEST(CliHostileInput, NegativeOrOverlongSeedIsAUsageError) {
  TempDir dir;
  const auto scenario = dir.write("s.toml", "[base]\nyear = 2012\n");
  const std::vector<std::vector<std::string>> commands = {
      {"blocs", "--seed"},
      {"landscape", "--year", "2012", "--actors", "USA,RUS,CHN", "--method", "heuristic", "--seed"},
      {"scenario", scenario.string(), "--seed"}};
  for (auto args : commands)
    for (const std::string seed : {"-3", "12345678901234567890123", "1e5", ""}) {
      auto with_seed = args;
      with_seed.push_back(seed);
      const auto r = run_cli(with_seed);
      EXPECT_EQ(r.exit_code, 2) << args[0] << " " << seed << ": " << r.err;
      EXPECT_NE(r.err.find("--seed"), std::string::npos) << r.err;
      if (!seed.empty()) {
        EXPECT_NE(r.err.find("\"" + seed + "\" is not a seed: expected a whole number from 0 to 18446744073709551615"),
                  std::string::npos)
            << r.err;
      }
    }
  EXPECT_EQ(run_cli({"landscape", "--year", "2012", "--actors", "USA,RUS,CHN", "--method", "heuristic", "--seed",
                     "18446744073709551615", "--format", "json"})
                .exit_code,
            0);
}

TEST(CliHostileInput, YearOutsideTheDataSaysWhatTheyCover) {
  const auto actors = run_cli({"actors", "--year", "3000"});
  EXPECT_EQ(actors.exit_code, 1);
  EXPECT_NE(actors.err.find("--year 3000: the state system of bundled default world covers 1816 to 2016"),
            std::string::npos)
      << actors.err;
  const std::vector<std::vector<std::string>> commands = {{"relations", "--year", "1700"},
                                                          {"balance", "--year", "1700"},
                                                          {"balancer", "--year", "1700"},
                                                          {"triangle", "USA", "RUS", "CHN", "--year", "1700"}};
  for (const auto& args : commands) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 1) << args[0];
    EXPECT_NE(r.err.find("--year 1700: bundled default world covers 1946 to 2016"), std::string::npos) << r.err;
  }
  const auto timeline = run_cli({"triangle", "USA", "RUS", "CHN", "--from", "2030", "--to", "2040"});
  EXPECT_EQ(timeline.exit_code, 1);
  EXPECT_NE(timeline.err.find("--from 2030 --to 2040: bundled default world covers 1946 to 2016"), std::string::npos)
      << timeline.err;
  // Partly inside is fine: the years outside are simply not there.
  EXPECT_EQ(run_cli({"triangle", "USA", "RUS", "CHN", "--from", "2015", "--to", "2030"}).exit_code, 0);
  TempDir dir;
  const auto scenario = dir.write("s.toml", "[base]\nyear = 1850\nfocus = \"RUS\"\n");
  const auto r = run_cli({"scenario", scenario.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(scenario.string() + ": year 1850: bundled default world covers 1946 to 2016"),
            std::string::npos)
      << r.err;
}

TEST(CliHostileInput, ImportOfAFolderWithoutProviderFilesCreatesNothing) {
  TempDir dir;
  fs::create_directories(dir / "empty");
  const auto store = dir / "world.db";
  const auto r = run_cli({"import", "--db", store.string(), (dir / "empty").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no provider files to import in " + (dir / "empty").string()), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(store));
  EXPECT_FALSE(fs::exists(store.string() + ".importing"));
  // Not even the default store in the current folder.
  const auto here = run_cli_in(dir.path(), {"import", "empty"});
  EXPECT_EQ(here.exit_code, 1);
  EXPECT_FALSE(fs::exists(dir / "entente.db"));
}

// ---- 10. dyads without --with: only the key columns (this ran into undefined behaviour) ----

TEST(CliHostileInput, DyadsWithoutWithPrintsTheKeyColumns) {
  const auto r = run_cli({"dyads", "--from", "2011", "--to", "2012", "--actors", "USA,RUS,CHN", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ccode1,ccode2,year\n2,365,2011\n2,710,2011\n365,710,2011\n2,365,2012\n2,710,2012\n365,710,2012\n");
  const auto json = run_cli({"dyads", "--from", "2012", "--to", "2012", "--actors", "USA,RUS", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto table = run_cli({"dyads", "--from", "2012", "--to", "2012", "--actors", "USA,RUS"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  TempDir dir;
  const auto store = dir / "world.db";
  const auto states = dir.write("states2016.csv", kGoodStates);
  ASSERT_EQ(run_cli({"import", "--db", store.string(), states.string()}).exit_code, 0);
  const auto kept = run_cli({"dyads", "--db", store.string(), "--from", "2012", "--to", "2012", "--into", "pairs",
                             "--format", "csv"});
  ASSERT_EQ(kept.exit_code, 0) << kept.err;
  EXPECT_EQ(kept.out, "ccode1,ccode2,year\n2,20,2012\n");
}

// ---- 12. unknown verbs are named, and file contents are echoed without raw control bytes ----

TEST(CliHostileInput, UnknownCommandIsNamedWithTheCommands) {
  const auto r = run_cli({"actros", "--year", "2012"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("entente: unknown command \"actros\"; the commands are: import, actors, dyad, "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("report"), std::string::npos) << r.err;
}

TEST(CliHostileInput, ParseErrorEscapesControlBytesAndNul) {
  TempDir dir;
  const std::string bad_name("Now\0here\x1b[31m", 13);
  const auto input = dir.write("states2016.csv", kStatesHeader + "BAD,x" + bad_name + ",Nowhere,1900,1,1,2016,12,31,2016\n");
  const auto r = run_cli({"import", "--db", (dir / "w.db").string(), input.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("found \"xNow\\x00here\\x1B[31m\", expected a whole number"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.err.find('\0'), std::string::npos);
}

// ---- 11. long runs say where they stand and stop on Ctrl-C with what they have ----

// Shell: wait (up to two minutes) until err.txt holds `text`, the progress line that shows the
// run is under way with its Ctrl-C handler installed; a fixed sleep fails on a loaded machine.
std::string until_stderr_says(const std::string& text) {
  return "for i in $(seq 600); do grep -qF '" + text + "' err.txt && break; sleep 0.2; done; ";
}

// 300 nodes, 3,000 random signed edges: the exact search runs for minutes.
fs::path hard_signed_graph(const TempDir& dir) {
  std::uint64_t state = 7;
  auto next = [&] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  std::string text;
  std::set<std::pair<std::uint64_t, std::uint64_t>> pairs;
  while (pairs.size() < 3000) {
    const auto a = next() % 300, b = next() % 300;
    if (a == b || !pairs.insert({std::min(a, b), std::max(a, b)}).second) continue;
    text += fmt::format("n{} n{} {}\n", a, b, next() % 2 ? 1 : -1);
  }
  return dir.write("hard.txt", text);
}

TEST(CliHostileInput, BalanceLongSolveShowsProgressAndStopsOnCtrlC) {
  TempDir dir;
  const auto graph = hard_signed_graph(dir);
  const auto help = run_cli({"balance", "--help"});
  EXPECT_NE(help.out.find("--time-limit"), std::string::npos);
  EXPECT_NE(help.out.find("=600"), std::string::npos) << help.out;  // the default limit
  // A time limit: progress lines after three seconds, then the best split, not proven.
  const auto limited = run_cli({"balance", "--edges", graph.string(), "--time-limit", "4", "--format", "json"});
  ASSERT_EQ(limited.exit_code, 0) << limited.err;
  EXPECT_NE(limited.err.find("entente: balance: 3 s; solved "), std::string::npos) << limited.err;
  EXPECT_NE(limited.err.find(" nodes of the hardest block, searching the next: best "), std::string::npos)
      << limited.err;
  EXPECT_FALSE(nlohmann::json::parse(limited.out).at("graphs").at(0).at("optimal").get<bool>());
  // Ctrl-C: the best answer so far, marked as not proven, and exit status 130.
  const std::string command = "cd '" + dir.path().string() + "' && ('" + ENTENTE_TEST_CLI + "' balance --edges '" +
                              graph.string() +
                              "' --format json >out.json 2>err.txt & pid=$!; " +
                              until_stderr_says("entente: balance: ") +
                              "kill -INT $pid; wait $pid; echo $? >rc.txt)";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(slurp(dir / "rc.txt"), "130\n");
  EXPECT_NE(slurp(dir / "err.txt").find("entente: interrupted: the best partition found so far is printed, not proven "
                                        "optimal"),
            std::string::npos)
      << slurp(dir / "err.txt");
  const auto result = nlohmann::json::parse(slurp(dir / "out.json")).at("graphs").at(0);
  EXPECT_FALSE(result.at("optimal").get<bool>());
  EXPECT_TRUE(result.at("interrupted").get<bool>());
  EXPECT_GT(result.at("frustration").get<long long>(), result.at("lower_bound").get<long long>());
}

TEST(CliHostileInput, BlocsExactSearchStopsOnCtrlC) {
  TempDir dir;
  // The hard graph as a Pajek file (blocs reads Pajek files, or the years of the store).
  std::vector<std::string> names;
  std::string edges;
  std::map<std::string, std::size_t> number;
  std::istringstream in(slurp(hard_signed_graph(dir)));
  for (std::string a, b, sign; in >> a >> b >> sign;) {
    for (const auto& n : {a, b})
      if (number.emplace(n, names.size() + 1).second) names.push_back(n);
    edges += fmt::format("{} {} {}\n", number[a], number[b], sign);
  }
  std::string net = fmt::format("*Vertices {}\n", names.size());
  for (std::size_t v = 0; v < names.size(); ++v) net += fmt::format("{} \"{}\"\n", v + 1, names[v]);
  const auto file = dir.write("hard.net", net + "*Edges\n" + edges);
  const std::string command = "cd '" + dir.path().string() + "' && ('" + ENTENTE_TEST_CLI + "' blocs --pajek '" +
                              file.string() +
                              "' --format json >out.json 2>err.txt & pid=$!; sleep 5; kill -INT $pid; wait $pid; "
                              "echo $? >rc.txt)";  // blocs prints no progress: 5 s, for a loaded machine
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(slurp(dir / "rc.txt"), "130\n");
  EXPECT_NE(slurp(dir / "err.txt").find("entente: interrupted: the blocs found so far are printed"), std::string::npos)
      << slurp(dir / "err.txt");
  const auto period = nlohmann::json::parse(slurp(dir / "out.json")).at("periods").at(0);
  EXPECT_FALSE(period.at("optimal").get<bool>());
  EXPECT_LT(period.at("lower_bound").get<double>(), period.at("criterion").get<double>());
}

TEST(CliHostileInput, ScenarioLargeEnsembleShowsTimeLeftAndStopsOnCtrlC) {
  TempDir dir;
  const auto scenario = fs::path(ENTENTE_TEST_SOURCE_DIR) / "examples" / "russia-china-alliance.toml";
  const std::string command = "cd '" + dir.path().string() + "' && ('" + ENTENTE_TEST_CLI + "' scenario '" +
                              scenario.string() +
                              "' --members 500000 --threads 1 --format json >out.json 2>err.txt & pid=$!; " +
                              until_stderr_says("entente: scenario: ") + "kill -INT $pid; wait $pid; echo $? >rc.txt)";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(slurp(dir / "rc.txt"), "130\n");
  const auto err = slurp(dir / "err.txt");
  EXPECT_NE(err.find("entente: scenario: "), std::string::npos) << err;
  // The first line comes after 3 s; on a loaded machine later, and before the first member is
  // done the time left is not known yet.
  EXPECT_TRUE(std::regex_search(err, std::regex("entente: scenario: [0-9]+ of 500000 members in [0-9]+ s, "
                                                "(about [0-9]+ (s|min|h|days) left|time left unknown yet) "
                                                "\\(Ctrl-C stops with the members done\\)\n")))
      << err;
  EXPECT_NE(err.find("entente: interrupted: the ensemble summary is of the members done"), std::string::npos) << err;
  const auto result = nlohmann::json::parse(slurp(dir / "out.json"));
  EXPECT_TRUE(result.at("interrupted").get<bool>());
  EXPECT_EQ(result.at("ensemble").at("members_asked").get<long long>(), 500000);
  EXPECT_LT(result.at("ensemble").at("members").get<long long>(), 500000);
  EXPECT_FALSE(result.contains("dynamics"));
  // Short runs stay quiet.
  const auto quick = run_cli({"scenario", scenario.string(), "--members", "10", "--runs", "2", "--format", "json"});
  ASSERT_EQ(quick.exit_code, 0) << quick.err;
  EXPECT_EQ(quick.err, "");
}

// ---- 12. store errors, TOML errors, non-finite numbers and the landscape limit, said plainly ----

TEST(CliHostileInput, StoreErrorsNameTheStoreAndSayWhatIsWrong) {
  ImportSetup s;
  // Not a store: a text file given as --db, to a query and to an import.
  const auto notes = s.dir.write("notes.db", "my notes, not a database\n");
  const auto notes_before = file_sha256(notes), input_before = file_sha256(s.input);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"actors", "--db", notes.string(), "--year", "2000"},
           {"import", "--db", notes.string(), (s.dir / "good" / "states2016.csv").string()}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 1) << args[0];
    EXPECT_NE(r.err.find("entente: " + notes.string() + ": not an entente store"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("SELECT"), std::string::npos) << r.err;  // no internal statement
  }
  EXPECT_EQ(file_sha256(notes), notes_before);
  // Locked: another writer holds SQLite's lock bytes (as an import in progress does).
  const auto store_before = file_sha256(s.store);
  const int fd = ::open(s.store.c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = 0x40000000;  // SQLite's pending, reserved and shared lock bytes
  lock.l_len = 512;
  ASSERT_EQ(::fcntl(fd, F_SETLK, &lock), 0);
  const auto locked = run_cli({"import", "--db", s.store.string(), s.input.string(), "--skip-bad-rows", "--rejects",
                               (s.dir / "rejects.csv").string()});
  ::close(fd);
  EXPECT_EQ(locked.exit_code, 1);
  EXPECT_NE(locked.err.find(s.store.string() + ": locked by another import"), std::string::npos) << locked.err;
  EXPECT_EQ(file_sha256(s.store), store_before);
  EXPECT_EQ(file_sha256(s.input), input_before);
  EXPECT_FALSE(fs::exists(s.dir / "rejects.csv"));
  // Read-only (file permissions do not bind the superuser, so only for another user).
  if (::geteuid() != 0) {
    fs::permissions(s.store, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto r = run_cli({"import", "--db", s.store.string(), s.input.string(), "--skip-bad-rows", "--rejects",
                            (s.dir / "rejects.csv").string()});
    fs::permissions(s.store, fs::perms::owner_write, fs::perm_options::add);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(s.store.string() + ": read-only"), std::string::npos) << r.err;
    EXPECT_EQ(file_sha256(s.store), store_before);
  }
}

TEST(CliHostileInput, TomlErrorsReadCleanly) {
  TempDir dir;
  const auto scenario = dir.write("s.toml", "[base]\nyear = \nfocus = \"RUS\"\n");
  const auto r = run_cli({"scenario", scenario.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(scenario.string() + ":2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": found \"year = \", expected valid TOML (in a "), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("found \"\", expected Error"), std::string::npos) << r.err;
  const auto profile = dir.write("p.toml", "[weights\ndefense = 1\n");
  const auto p = run_cli({"relations", "--year", "2012", "--profile", profile.string()});
  EXPECT_EQ(p.exit_code, 1);
  EXPECT_NE(p.err.find(profile.string() + ":1:"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find(": found \"[weights\", expected valid TOML (in a "), std::string::npos) << p.err;
}

TEST(CliHostileInput, NonFiniteOffsetIsAValueError) {
  TempDir dir;
  const auto sizes = dir.write("sizes.csv", "name,size\nA,1\nB,1\nC,1\n").string();
  const auto matrix = dir.write("m.csv", ",A,B,C\nA,,4,2\nB,4,,2\nC,2,2,\n").string();
  for (const std::string offset : {"nan", "inf", "-inf", "NaN", "3x"}) {
    const auto r = run_cli({"landscape", "--sizes", sizes, "--propensities", matrix, "--offset", offset});
    EXPECT_EQ(r.exit_code, 2) << offset;
    EXPECT_NE(r.err.find("--offset: \"" + offset + "\" is not a number: expected a finite number"), std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("symmetric"), std::string::npos) << r.err;
  }
  EXPECT_EQ(run_cli({"landscape", "--sizes", sizes, "--propensities", matrix, "--offset", "3"}).exit_code, 0);
}

TEST(CliHostileInput, LandscapeHelpSaysTheExactLimitTheCodeEnforces) {
  const auto help = run_cli({"landscape", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("up to 30 actors, up to 34 when the machine's memory allows"), std::string::npos)
      << help.out;
  // 35 actors are refused before any enumeration, with the same number.
  TempDir dir;
  std::string sizes = "name,size\n", matrix = "";
  for (int i = 0; i < 35; ++i) {
    sizes += fmt::format("A{},1\n", i);
    matrix += fmt::format(",A{}", i);
  }
  matrix += "\n";
  for (int i = 0; i < 35; ++i) {
    matrix += fmt::format("A{}", i);
    for (int j = 0; j < 35; ++j) matrix += i == j ? "," : ",1";
    matrix += "\n";
  }
  const auto r = run_cli({"landscape", "--sizes", dir.write("s.csv", sizes).string(), "--propensities",
                          dir.write("m.csv", matrix).string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("35 actors are too many for exact analysis, which enumerates all 2^(n-1) configurations and "
                       "stops at 34 actors"),
            std::string::npos)
      << r.err;
}

// ---- 13. every verb checks its years, in every binary ----

TEST(CliHostileInput, BlocsAndDyadsSpansOutsideTheDataSayWhatTheyCover) {
  const auto blocs = run_cli({"blocs", "--from", "1700", "--to", "1710"});
  EXPECT_EQ(blocs.exit_code, 1);
  EXPECT_NE(blocs.err.find("--from 1700 --to 1710: bundled default world covers 1946 to 2016"), std::string::npos)
      << blocs.err;
  const auto dyads = run_cli({"dyads", "--from", "3000", "--to", "3001", "--format", "csv"});
  EXPECT_EQ(dyads.exit_code, 1);
  EXPECT_NE(dyads.err.find("--from 3000 --to 3001: the state system of bundled default world covers 1816 to 2016"),
            std::string::npos)
      << dyads.err;
  EXPECT_EQ(dyads.out, "");
  // Partly inside is fine, as for the other verbs.
  EXPECT_EQ(run_cli({"blocs", "--from", "2015", "--to", "2030", "--format", "csv"}).exit_code, 0);
  EXPECT_EQ(run_cli({"dyads", "--from", "2016", "--to", "2020", "--actors", "USA,RUS", "--format", "csv"}).exit_code, 0);
}

// entente-mpi (built only with MPI) loads its scenario through the same library call as entente.
TEST(CliHostileInput, ScenarioYearIsCheckedWhereBothBinariesLoadIt) {
  TempDir dir;
  const auto file = dir.write("s.toml", "[base]\nyear = 1850\nfocus = \"RUS\"\n").string();
  try {
    (void)entente::query::load_scenario_inputs(file, std::nullopt, std::nullopt);
    ADD_FAILURE() << "a scenario for 1850 was loaded";
  } catch (const std::exception& e) {
    EXPECT_EQ(std::string(e.what()), file + ": year 1850: bundled default world covers 1946 to 2016");
  }
}

}  // namespace
