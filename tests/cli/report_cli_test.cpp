// End-to-end: `entente report` as a user runs it, against the folder docs/report.md describes.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "entente/io/csv.hpp"
#include "entente/core/json.hpp"
#include "entente/report/report_site.hpp"
#include "test_support.hpp"

namespace {

using entente::Json;
using entente::testing::run_cli;
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A JavaScript file of the form `window.NAME = <JSON>;`: its JSON.
Json script_json(const std::string& text, const std::string& name) {
  const std::string prefix = "window." + name + " = ";
  EXPECT_EQ(text.rfind(prefix, 0), 0u) << text.substr(0, 80);
  std::string body = text.substr(prefix.size());
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
  EXPECT_FALSE(body.empty());
  EXPECT_EQ(body.back(), ';');
  body.pop_back();
  return Json::parse(body);
}

std::vector<std::vector<std::string>> read_csv(const fs::path& p, const std::string& text) {
  entente::io::CsvCursor cursor(p.string(), text);
  entente::io::CsvRecord record;
  std::vector<std::vector<std::string>> out;
  while (cursor.next(record)) {
    out.emplace_back();
    for (const auto& f : record.fields) out.back().push_back(f.text);
  }
  return out;
}

#define ENTENTE_REQUIRE_REPORT_ASSETS()                                                               \
  do {                                                                                                \
    if (!entente::report::has_report_assets())                                                        \
      GTEST_SKIP() << "SKIPPED: this build has no report assets (web/report/ and web/node_modules/: " \
                      "run scripts/install-deps, which runs npm ci in web/, then rebuild)";           \
  } while (0)

// One report of the default world, written once for the tests that read it.
class ReportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!entente::report::has_report_assets()) return;
    dir_ = new entente::testing::TempDir();
    result_ = new entente::testing::RunResult(run_cli({"report", "--out", (dir_->path() / "r").string()}));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete dir_;
    result_ = nullptr;
    dir_ = nullptr;
  }
  static fs::path folder() { return dir_->path() / "r"; }
  static inline entente::testing::TempDir* dir_ = nullptr;
  static inline entente::testing::RunResult* result_ = nullptr;
};

TEST_F(ReportCli, PrintsTheSummaryWhereAndHowBig) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const auto data = Json::parse(slurp(folder() / "data" / "report.json"));
  for (const auto& sentence : data.at("summary"))
    EXPECT_NE(result_->out.find(sentence.get<std::string>() + "\n"), std::string::npos) << sentence;
  EXPECT_NE(result_->out.find("Report: " + (folder() / "index.html").string() + " ("), std::string::npos)
      << result_->out;
  EXPECT_NE(result_->out.find(" files, "), std::string::npos) << result_->out;
  EXPECT_NE(result_->out.find(" MB)"), std::string::npos) << result_->out;
}

TEST_F(ReportCli, WritesEveryFileOfTheContract) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const auto data = Json::parse(slurp(folder() / "data" / "report.json"));
  std::vector<std::string> files = {
      "index.html",      "assets/vega.min.js", "assets/vega-lite.min.js", "assets/vega-embed.min.js",
      "assets/world.js", "assets/report.js",   "assets/report.css",       "assets/palette.js", "data.js",
      "data/report.json", ".entente-report"};
  for (const auto& s : data.at("sections"))
    for (const auto& t : s.at("tables")) files.push_back("data/" + t.at("name").get<std::string>() + ".csv");
  for (const auto& f : files) {
    ASSERT_TRUE(fs::is_regular_file(folder() / f)) << f;
    EXPECT_GT(fs::file_size(folder() / f), 0u) << f;
  }
  // Nothing else: the folder is exactly the contract's files.
  std::size_t count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder())) count += entry.is_regular_file();
  EXPECT_EQ(count, files.size());
  EXPECT_NE(result_->out.find("(" + std::to_string(files.size()) + " files, "), std::string::npos) << result_->out;
  // The page loads everything from the folder itself.
  const auto html = slurp(folder() / "index.html");
  for (const char* src : {"assets/vega.min.js", "assets/world.js", "assets/palette.js", "data.js", "assets/report.js"})
    EXPECT_NE(html.find(src), std::string::npos) << src;
  // The map: world-atlas's TopoJSON as window.ENTENTE_WORLD.
  const auto world = script_json(slurp(folder() / "assets" / "world.js"), "ENTENTE_WORLD");
  EXPECT_EQ(world.at("type"), "Topology");
  EXPECT_TRUE(world.at("objects").contains("countries"));
}

TEST_F(ReportCli, DataJsIsTheSameDataAsReportJson) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const auto js = slurp(folder() / "data.js");
  const auto from_js = script_json(js, "ENTENTE_REPORT");
  const auto json = Json::parse(slurp(folder() / "data" / "report.json"));
  EXPECT_EQ(from_js, json);
  EXPECT_EQ(json.at("year"), 2012);
  ASSERT_GE(json.at("sections").size(), 5u);
  const char* ids[] = {"relations", "triangle", "balancers", "blocs", "landscape"};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(json.at("sections").at(i).at("id"), ids[i]);
}

TEST_F(ReportCli, EveryTableIsACsvWithHeaderAndRows) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const auto data = Json::parse(slurp(folder() / "data" / "report.json"));
  int tables = 0;
  for (const auto& s : data.at("sections"))
    for (const auto& t : s.at("tables")) {
      const auto file = folder() / "data" / (t.at("name").get<std::string>() + ".csv");
      const auto records = read_csv(file, slurp(file));
      ASSERT_EQ(records.size(), t.at("rows").size() + 1) << file;
      std::vector<std::string> header;
      for (const auto& c : t.at("columns")) header.push_back(c);
      EXPECT_EQ(records.front(), header) << file;
      // Every table of relations, triangle, balancers, blocs and landscape has rows in 2012.
      if (s.at("id") != "scenario") {
        EXPECT_GT(t.at("rows").size(), 0u) << file;
      }
      for (std::size_t r = 1; r < records.size(); ++r) {
        ASSERT_EQ(records[r].size(), header.size()) << file << " row " << r;
        const auto& cell = t.at("rows").at(r - 1).at(0);
        if (cell.is_string()) {
          EXPECT_EQ(records[r][0], cell.get<std::string>());
        } else if (cell.is_number_integer()) {
          EXPECT_EQ(records[r][0], std::to_string(cell.get<long long>()));
        }
      }
      ++tables;
    }
  EXPECT_GE(tables, 9);
}

TEST(ReportCliRuns, FormatJsonPrintsTheData) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  entente::testing::TempDir dir;
  const auto r = run_cli({"report", "--year", "1990", "--out", (dir.path() / "r").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto printed = Json::parse(r.out);
  EXPECT_EQ(printed.at("year"), 1990);
  EXPECT_EQ(printed, Json::parse(slurp(dir.path() / "r" / "data" / "report.json")));
  EXPECT_NE(r.err.find("index.html"), std::string::npos) << r.err;
}

TEST(ReportCliRuns, DefaultFolderIsInTheCurrentDirectory) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  entente::testing::TempDir dir;
  const std::string command = "cd '" + dir.path().string() + "' && '" + ENTENTE_TEST_CLI + "' report >'" +
                              (dir.path() / "out").string() + "' 2>&1 </dev/null";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << slurp(dir.path() / "out");
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "entente-report" / "index.html"));
  EXPECT_NE(slurp(dir.path() / "out").find("Report: entente-report/index.html"), std::string::npos)
      << slurp(dir.path() / "out");
}

TEST(ReportCliRuns, BadYearIsAUsageError) {  // with or without the assets
  entente::testing::TempDir dir;
  const auto out = (dir.path() / "r").string();
  const auto early = run_cli({"report", "--year", "1800", "--out", out});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_NE(early.err.find("--year 1800: bundled default world covers 1946 to 2016"), std::string::npos) << early.err;
  EXPECT_FALSE(fs::exists(out));  // nothing written
  const auto late = run_cli({"report", "--year", "2030", "--out", out});
  EXPECT_EQ(late.exit_code, 2);
  EXPECT_NE(late.err.find("1946 to 2016"), std::string::npos) << late.err;
  const auto word = run_cli({"report", "--year", "soon", "--out", out});
  EXPECT_EQ(word.exit_code, 2);
  EXPECT_NE(word.err.find("--year"), std::string::npos) << word.err;
  EXPECT_EQ(run_cli({"report", "--format", "csv", "--out", out}).exit_code, 2);
}

TEST(ReportCliRuns, OutIntoAFileIsAnError) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  entente::testing::TempDir dir;
  const auto file = dir.write("taken", "x");
  const auto r = run_cli({"report", "--out", file.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("exists and is not a folder"), std::string::npos) << r.err;
}

TEST(ReportCliRuns, WithoutAssetsSaysHowToGetThem) {
  if (entente::report::has_report_assets()) GTEST_SKIP() << "SKIPPED: this build has the report assets";
  entente::testing::TempDir dir;
  const auto r = run_cli({"report", "--out", (dir.path() / "r").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(std::string(entente::report::kNoReportAssets)), std::string::npos) << r.err;
}

// --bargain FILE adds its section (the file's issue, run as `entente bargain` runs it) to the
// folder's data and CSV files; a bad file or variant is an error before anything is written: no
// folder, no temporary folder beside it.
TEST(ReportCliRuns, BargainSectionOnlyWhenAskedAndABadFileWritesNothing) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  entente::testing::TempDir dir;
  const auto syria = (fs::path(ENTENTE_TEST_SOURCE_DIR) / "examples" / "bargain-syria-2012.toml").string();
  const auto out = dir.path() / "r";
  const auto r = run_cli({"report", "--year", "1969", "--focus", "CHN", "--bargain", syria, "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto data = Json::parse(slurp(out / "data" / "report.json"));
  const auto& last = data.at("sections").back();
  EXPECT_EQ(last.at("id"), "bargaining");
  const auto verb = run_cli({"bargain", syria, "--format", "json"});
  ASSERT_EQ(verb.exit_code, 0) << verb.err;
  EXPECT_EQ(last.at("forecast"), Json::parse(verb.out).at("forecast"));
  const auto rounds = read_csv(out / "data" / "bargaining-rounds.csv", slurp(out / "data" / "bargaining-rounds.csv"));
  ASSERT_EQ(rounds.size(), Json::parse(verb.out).at("rows").size() + 1);
  EXPECT_EQ(rounds.front(), (std::vector<std::string>{"round", "median", "mean", "largest_move", "moved", "conflict",
                                                      "compromise", "capitulation"}));
  EXPECT_NE(r.out.find("Bargaining on \"Syria 2012"), std::string::npos) << r.out;  // its summary sentence

  const auto bad = dir.write("bad.csv", "name,capability,position,salience\nA,1,0,0.5\nB,-1,1,0.5\n");
  const auto empty = dir.path() / "empty";
  fs::create_directory(empty);
  const auto target = (empty / "r").string();
  const auto failed = run_cli({"report", "--bargain", syria, "--bargain", bad.string(), "--out", target});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.err.find("--bargain " + bad.string() + ": " + bad.string() + ":3:"), std::string::npos) << failed.err;
  EXPECT_TRUE(fs::is_empty(empty));  // nothing written, not even a temporary folder
  const auto variant = run_cli({"report", "--bargain", syria, "--bargain-variant", "nope", "--out", target});
  EXPECT_EQ(variant.exit_code, 1);
  EXPECT_NE(variant.err.find("--bargain-variant: no bargaining variant \"nope\""), std::string::npos) << variant.err;
  EXPECT_TRUE(fs::is_empty(empty));
  // An earlier report in the folder stays as it was when the next one fails.
  const auto before = slurp(out / "data" / "report.json");
  EXPECT_EQ(run_cli({"report", "--bargain", bad.string(), "--out", out.string()}).exit_code, 1);
  EXPECT_EQ(slurp(out / "data" / "report.json"), before);
  EXPECT_EQ(run_cli({"report", "--bargain", (dir.path() / "absent.toml").string(), "--out", target}).exit_code, 2);
  EXPECT_TRUE(fs::is_empty(empty));
}

// The report for any question: the three reports of scripts/test's browser test (the default,
// India 2012 with its triangle with China and Pakistan and the Syria bargaining example, China
// 1969). Every summary sentence speaks only of states the report was asked about (the focus, its
// triangles and landscape, the partner and rival whose evidence it names, and the actors of a
// bargaining issue), and of no later year than the report's.
TEST(ReportCliQuestions, SummariesSpeakOnlyOfWhatWasAsked) {
  ENTENTE_REQUIRE_REPORT_ASSETS();
  entente::testing::TempDir dir;
  const std::vector<std::vector<std::string>> questions = {
      {},
      {"--focus", "IND", "--triangle", "IND,CHN,PAK", "--bargain",
       (fs::path(ENTENTE_TEST_SOURCE_DIR) / "examples" / "bargain-syria-2012.toml").string()},
      {"--year", "1969", "--focus", "CHN"}};
  const std::vector<std::pair<std::string, int>> expected = {{"RUS", 2012}, {"IND", 2012}, {"CHN", 1969}};
  for (std::size_t q = 0; q < questions.size(); ++q) {
    std::vector<std::string> args = {"report", "--out", (dir.path() / std::to_string(q)).string(), "--format", "json"};
    args.insert(args.end(), questions[q].begin(), questions[q].end());
    const auto r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto data = Json::parse(r.out);
    EXPECT_EQ(data.at("focus").at("abbrev"), expected[q].first);
    EXPECT_EQ(data.at("year"), expected[q].second);
    std::set<std::string> asked = {expected[q].first};
    const Json* relations = nullptr;
    for (const auto& s : data.at("sections")) {
      const auto id = s.at("id").get<std::string>();
      if (id == "relations") relations = &s;
      if (id.rfind("triangle", 0) == 0 || id == "landscape")
        for (const auto& a : s.at("actors")) asked.insert(a.is_string() ? a.get<std::string>() : a.at("abbrev").get<std::string>());
      if (id.rfind("bargaining", 0) == 0)
        for (const auto& a : s.at("actors")) asked.insert(a.at("name").get<std::string>());
    }
    ASSERT_NE(relations, nullptr);
    for (const auto& e : relations->at("evidence")) asked.insert(e.at("b").get<std::string>());
    if (q == 1) {
      const auto& triangle = data.at("sections").at(1);
      EXPECT_EQ(triangle.at("actors"), (Json{"IND", "CHN", "PAK"}));
      EXPECT_EQ(data.at("sections").back().at("id"), "bargaining");
    }
    const auto word_in = [](const std::string& text, const std::string& word) {
      for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
        const auto end = at + word.size();
        const bool ends = end == text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
        if (starts && ends) return true;
      }
      return false;
    };
    for (const auto& sentence : data.at("summary")) {
      const auto text = sentence.get<std::string>();
      for (const auto& st : relations->at("states")) {
        const auto abbrev = st.at("abbrev").get<std::string>();
        if (asked.count(abbrev)) continue;
        EXPECT_FALSE(word_in(text, st.at("name").get<std::string>()) || word_in(text, abbrev))
            << st.at("name") << " was not asked about: " << text;
      }
      if (q > 0) {
        EXPECT_EQ(text.find("Russia-China"), std::string::npos) << text;  // the essay's question
      }
      if (expected[q].second != 2012) {
        EXPECT_EQ(text.find("2012"), std::string::npos) << text;
      }
    }
  }
}

}  // namespace
