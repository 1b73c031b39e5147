// The event layer end to end on the KEDS Levant file: `events --into`, info, cite, explain and the
// monthly triangle, checked against a count of the file made here, independently of the readers
// (its own CSV split, actor rule and CAMEO lookups from the pinned tables).
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

#include "entente/triangle/triangle.hpp"
#include "test_support.hpp"

namespace {

using entente::testing::run_cli;
using entente::testing::shared_data;
using Json = nlohmann::json;

constexpr int kEGY = 651, kSYR = 652, kLEB = 660, kJOR = 663, kISR = 666;

struct Count {
  long long events = 0;
  std::array<long long, 4> quads{};
  double goldstein = 0;
};

// Per undirected dyad (a < b) and month (yyyymm), for the five Levant states. The rule, from the
// README of the data and docs/models/events.md: a KEDS code is three-letter chunks, the first a
// country (ISR, SYR, LBN or LEB, JOR, EGY or UAR), the second its role; the state is the country
// alone or with GOV, MIL, COP, JUD, SPY or LEG; an event code counts when the CAMEO table lists
// it; its quad is its root's (01–05, 06–08, 09–13, 14–20).
using Counts = std::map<std::tuple<int, int, int>, Count>;

Counts count_levant(const std::filesystem::path& keds, const std::filesystem::path& goldstein_file) {
  std::map<std::string, double> goldstein;
  {
    std::ifstream in(goldstein_file);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const auto tab = line.find('\t');
      if (tab != std::string::npos) goldstein[line.substr(0, tab)] = std::stod(line.substr(tab + 1));
    }
  }
  const std::map<std::string, int> countries = {{"ISR", kISR}, {"SYR", kSYR}, {"LBN", kLEB}, {"LEB", kLEB},
                                                {"JOR", kJOR}, {"EGY", kEGY}, {"UAR", kEGY}};
  auto state = [&](const std::string& code) {
    if (code.size() < 3 || code.size() % 3 != 0) return 0;
    auto it = countries.find(code.substr(0, 3));
    if (it == countries.end()) return 0;
    const std::string role = code.size() >= 6 ? code.substr(3, 3) : "";
    static const std::array<std::string, 7> organs = {"", "GOV", "MIL", "COP", "JUD", "SPY", "LEG"};
    return std::find(organs.begin(), organs.end(), role) != organs.end() ? it->second : 0;
  };
  Counts out;
  std::ifstream in(keds);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream parts(line);
    for (std::string field; std::getline(parts, field, ',');) f.push_back(field.substr(1, field.size() - 2));
    if (f.size() != 4) continue;
    const int s = state(f[1]), t = state(f[2]);
    if (s == 0 || t == 0 || s == t) continue;
    auto g = goldstein.find(f[3]);
    if (g == goldstein.end()) continue;
    const int root = std::stoi(f[3].substr(0, 2));
    const int quad = root <= 5 ? 0 : root <= 8 ? 1 : root <= 13 ? 2 : 3;
    const int month = std::stoi(f[0].substr(0, 4)) * 100 + std::stoi(f[0].substr(5, 2));
    auto& c = out[{std::min(s, t), std::max(s, t), month}];
    ++c.events;
    ++c.quads[static_cast<std::size_t>(quad)];
    c.goldstein += g->second;
  }
  return out;
}

Count year_of(const Counts& counts, int a, int b, int year, int* months = nullptr) {
  Count sum;
  for (int m = 1; m <= 12; ++m) {
    auto it = counts.find({std::min(a, b), std::max(a, b), year * 100 + m});
    if (it == counts.end()) continue;
    sum.events += it->second.events;
    for (std::size_t q = 0; q < 4; ++q) sum.quads[q] += it->second.quads[q];
    sum.goldstein += it->second.goldstein;
    if (months) ++*months;
  }
  return sum;
}

void expect_same(const Json& tally, const Count& c, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(tally.at("events").get<long long>(), c.events);
  const auto& q = tally.at("quad_events");
  EXPECT_EQ(q.at("verbal_cooperation").get<long long>(), c.quads[0]);
  EXPECT_EQ(q.at("material_cooperation").get<long long>(), c.quads[1]);
  EXPECT_EQ(q.at("verbal_conflict").get<long long>(), c.quads[2]);
  EXPECT_EQ(q.at("material_conflict").get<long long>(), c.quads[3]);
  EXPECT_NEAR(tally.at("goldstein_sum").get<double>(), c.goldstein, 1e-6);
  if (c.events > 0) {
    EXPECT_NEAR(tally.at("net_cooperation").get<double>(),
                static_cast<double>(c.quads[0] + c.quads[1] - c.quads[2] - c.quads[3]) / static_cast<double>(c.events),
                1e-12);
  }
}

// The events profile's month rule: at least 3 events, net cooperation beyond ±0.25.
double month_weight(const Count& c) {
  if (c.events < 3) return 0;
  const double net =
      static_cast<double>(c.quads[0] + c.quads[1] - c.quads[2] - c.quads[3]) / static_cast<double>(c.events);
  return net >= 0.25 || net <= -0.25 ? net : 0.0;
}

class KedsLayer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (shared_data().empty() || !std::filesystem::exists(keds_file())) return;
    dir_ = new entente::testing::TempDir;
    db_ = (*dir_ / "levant.db").string();
    const auto imp = run_cli({"import", "--db", db_, (shared_data() / "cow_states" / "states2016.csv").string()});
    ASSERT_EQ(imp.exit_code, 0) << imp.err;
    into_ = new entente::testing::RunResult(
        run_cli({"events", keds_file().string(), "--by", "month", "--into", "levant", "--db", db_}));
    counts_ = new Counts(count_levant(keds_file(), shared_data() / "events" / "CAMEO.goldsteinscale.txt"));
  }
  static void TearDownTestSuite() {
    delete counts_;
    delete into_;
    delete dir_;
  }
  void SetUp() override {
    if (shared_data().empty() || !std::filesystem::exists(keds_file()))
      GTEST_SKIP() << "SKIPPED: ../shared/data/events/keds_levant.cameo.csv is absent (set ENTENTE_SHARED_DATA)";
    ASSERT_EQ(into_->exit_code, 0) << into_->err;
  }
  static std::filesystem::path keds_file() { return shared_data() / "events" / "keds_levant.cameo.csv"; }
  static Json json_of(const std::vector<std::string>& args) {
    auto all = args;
    all.insert(all.end(), {"--db", db_, "--format", "json"});
    const auto r = run_cli(all);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? Json::parse(r.out) : Json::object();
  }
  static inline entente::testing::TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline entente::testing::RunResult* into_ = nullptr;
  static inline Counts* counts_ = nullptr;
};

}  // namespace

TEST_F(KedsLayer, InfoAndCiteShowTheLayerWithItsFileAndProviders) {
  EXPECT_NE(into_->err.find("event layer levant written"), std::string::npos) << into_->err;
  const auto info = json_of({"info"});
  ASSERT_EQ(info.at("event_layers").size(), 1u);
  const auto& l = info.at("event_layers")[0];
  EXPECT_EQ(l.at("name"), "levant");
  EXPECT_EQ(l.at("period"), "month");
  EXPECT_EQ(l.at("first_date").get<int>() / 100, 197904);  // the first event used is in April 1979
  EXPECT_LE(l.at("last_date").get<int>(), 20111130);
  EXPECT_EQ(l.at("rows_read"), 145709);  // the README's count of events in the file
  EXPECT_LT(l.at("rows_used").get<long long>(), l.at("rows_read").get<long long>());
  ASSERT_EQ(l.at("files").size(), 1u);
  EXPECT_EQ(l.at("files")[0].at("file_name"), "keds_levant.cameo.csv");
  EXPECT_EQ(l.at("files")[0].at("format"), "keds");
  EXPECT_EQ(l.at("files")[0].at("sha256"), entente::testing::file_sha256(keds_file()));
  const auto cite = json_of({"cite"});
  std::set<std::string> cited;
  for (const auto& r : cite.at("rows"))
    if (r.contains("event_layers")) cited.insert(r.at("datasets")[0].get<std::string>());
  EXPECT_EQ(cited, (std::set<std::string>{"keds", "goldstein", "cameo"}));
}

TEST_F(KedsLayer, ExplainShowsTheDyadYearAsCountedHere) {
  const std::array<std::tuple<int, int, int, const char*, const char*>, 3> cases = {
      std::tuple{kISR, kEGY, 1979, "ISR", "EGY"}, std::tuple{kISR, kLEB, 1982, "ISR", "LEB"},
      std::tuple{kISR, kJOR, 1994, "ISR", "JOR"}};
  for (const auto& [a, b, year, na, nb] : cases) {
    int months = 0;
    const auto expected = year_of(*counts_, a, b, year, &months);
    ASSERT_GT(expected.events, 0) << na << "-" << nb << " " << year;
    const auto x = json_of({"explain", na, nb, "--year", std::to_string(year), "--profile", "events"});
    expect_same(x.at("events"), expected, fmt::format("{}-{} {}", na, nb, year));
    EXPECT_EQ(x.at("events").at("months"), months);
    EXPECT_EQ(x.at("event_layer"), "levant");
  }
  // The default profile shows the same evidence, unused.
  const auto r = run_cli({"explain", "ISR", "EGY", "--year", "1979", "--db", db_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("event data (levant)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not used by this profile"), std::string::npos) << r.out;
}

TEST_F(KedsLayer, MonthlyTrianglesMatchTheCountMonthByMonth) {
  const std::array<std::tuple<int, int, int, const char*, const char*, const char*, int>, 2> cases = {
      std::tuple{kISR, kSYR, kLEB, "ISR", "SYR", "LEB", 1982}, std::tuple{kISR, kJOR, kEGY, "ISR", "JOR", "EGY", 1994}};
  for (const auto& [a, b, c, na, nb, nc, year] : cases) {
    const auto t = json_of({"triangle", na, nb, nc, "--by", "month", "--from", fmt::format("{}-01", year), "--to",
                            fmt::format("{}-12", year), "--profile", "events"});
    const auto& rows = t.at("rows");
    ASSERT_EQ(rows.size(), 12u);
    for (int m = 1; m <= 12; ++m) {
      const auto& row = rows[static_cast<std::size_t>(m - 1)];
      const std::string where = fmt::format("{}-{}-{} {}-{:02}", na, nb, nc, year, m);
      EXPECT_EQ(row.at("month"), fmt::format("{}-{:02}", year, m));
      const int month_key = year * 100 + m;  // clang 14 cannot capture a structured binding
      auto month_count = [&](int x, int y) {
        auto it = counts_->find({std::min(x, y), std::max(x, y), month_key});
        return it == counts_->end() ? Count{} : it->second;
      };
      const Count ab = month_count(a, b), ac = month_count(a, c), bc = month_count(b, c);
      expect_same(row.at("ties").at(std::string(na) + "-" + nb), ab, where + " ab");
      expect_same(row.at("ties").at(std::string(na) + "-" + nc), ac, where + " ac");
      expect_same(row.at("ties").at(std::string(nb) + "-" + nc), bc, where + " bc");
      const auto tri = entente::triangle::classify(month_weight(ab), month_weight(ac), month_weight(bc));
      EXPECT_EQ(row.at("type"), std::string(entente::triangle::to_string(tri.type))) << where;
    }
  }
  // A table for the terminal too.
  const auto r = run_cli({"triangle", "ISR", "JOR", "EGY", "--by", "month", "--from", "1994-07", "--to", "1994-10",
                          "--db", db_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1994-10"), std::string::npos) << r.out;
}

TEST_F(KedsLayer, AFailedIntoLeavesTheStoreAsItWas) {
  const auto bad = run_cli({"events", keds_file().string(), "--by", "month", "--into", "bad name", "--db", db_});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("event layer name"), std::string::npos) << bad.err;
  const auto no_db = run_cli({"events", keds_file().string(), "--into", "levant"});
  EXPECT_NE(no_db.exit_code, 0);
  EXPECT_NE(no_db.err.find("--into needs --db"), std::string::npos) << no_db.err;
  const auto no_store = run_cli({"events", keds_file().string(), "--into", "levant", "--db",
                                 (*dir_ / "absent.db").string()});
  EXPECT_NE(no_store.exit_code, 0);
  EXPECT_NE(no_store.err.find("no such store"), std::string::npos) << no_store.err;
  EXPECT_FALSE(std::filesystem::exists(*dir_ / "absent.db"));
  const auto info = json_of({"info"});
  ASSERT_EQ(info.at("event_layers").size(), 1u);
  EXPECT_EQ(info.at("event_layers")[0].at("name"), "levant");
}

TEST(EventModelsCli, TrianglesByYearAndMonthArgumentsAreChecked) {
  const auto years = run_cli({"triangle", "USA", "RUS", "CHN", "--from", "2010", "--to", "2012", "--format", "json"});
  ASSERT_EQ(years.exit_code, 0) << years.err;
  EXPECT_EQ(Json::parse(years.out).at("rows").size(), 3u);
  const auto month_without_by = run_cli({"triangle", "USA", "RUS", "CHN", "--from", "2011-01", "--to", "2012-12"});
  EXPECT_NE(month_without_by.exit_code, 0);
  EXPECT_NE(month_without_by.err.find("--by month"), std::string::npos) << month_without_by.err;
  // The bundled world has no event layer.
  const auto no_layer =
      run_cli({"triangle", "USA", "RUS", "CHN", "--by", "month", "--from", "2011-01", "--to", "2012-12"});
  EXPECT_NE(no_layer.exit_code, 0);
  EXPECT_NE(no_layer.err.find("event layer"), std::string::npos) << no_layer.err;
}
