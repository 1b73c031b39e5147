// The report's data (docs/report.md): sections, keys and tables as the contract says, numbers that
// agree with the CLI verbs' own JSON, the site's pieces, and the ISO 3166-1 numeric codes the map
// needs.
#include "entente/report/report_data.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "entente/actor/iso3.hpp"
#include "entente/io/csv.hpp"
#include "entente/query/bargain.hpp"
#include "entente/report/report_site.hpp"
#include "entente/world/source.hpp"
#include "test_support.hpp"

namespace {

using entente::Json;
using entente::testing::run_cli;

// ---- ISO 3166-1 numeric ----

TEST(IsoNumeric, SpotValues) {
  using entente::actor::iso_numeric_for_ccode;
  EXPECT_EQ(iso_numeric_for_ccode(2), 840);    // USA
  EXPECT_EQ(iso_numeric_for_ccode(365), 643);  // Russia
  EXPECT_EQ(iso_numeric_for_ccode(710), 156);  // China
  EXPECT_EQ(iso_numeric_for_ccode(200), 826);  // United Kingdom
  EXPECT_EQ(iso_numeric_for_ccode(255), 276);  // Germany
  EXPECT_EQ(iso_numeric_for_ccode(750), 356);  // India
  EXPECT_EQ(iso_numeric_for_ccode(740), 392);  // Japan
  EXPECT_EQ(iso_numeric_for_ccode(713), 158);  // Taiwan
  EXPECT_EQ(iso_numeric_for_ccode(732), 410);  // South Korea
  EXPECT_EQ(iso_numeric_for_ccode(731), 408);  // North Korea
  EXPECT_EQ(iso_numeric_for_ccode(816), 704);  // Vietnam
  EXPECT_EQ(iso_numeric_for_ccode(20), 124);   // Canada
  EXPECT_EQ(iso_numeric_for_ccode(70), 484);   // Mexico
  EXPECT_EQ(iso_numeric_for_ccode(700), 4);    // Afghanistan: 004, the smallest
  EXPECT_EQ(iso_numeric_for_ccode(260), 0);    // German Federal Republic: no current code
  EXPECT_EQ(iso_numeric_for_ccode(315), 0);    // Czechoslovakia
  EXPECT_EQ(iso_numeric_for_ccode(347), 0);    // Kosovo: user-assigned
  EXPECT_EQ(iso_numeric_for_ccode(0), 0);
  EXPECT_EQ(iso_numeric_for_ccode(-1), 0);
}

TEST(IsoNumeric, DefinedExactlyWhereIso3IsAndUnique) {
  std::set<int> seen;
  for (int ccode = -5; ccode <= 1005; ++ccode) {
    const int numeric = entente::actor::iso_numeric_for_ccode(ccode);
    EXPECT_EQ(numeric == 0, entente::actor::iso3_for_ccode(ccode).empty()) << "ccode " << ccode;
    if (numeric == 0) continue;
    EXPECT_GT(numeric, 0);
    EXPECT_LT(numeric, 1000);
    EXPECT_TRUE(seen.insert(numeric).second) << numeric << " used twice (ccode " << ccode << ")";
  }
  EXPECT_EQ(seen.size(), 194u);
}

// Every code against Debian's iso-codes data, when it is installed (apt-get install iso-codes).
TEST(IsoNumeric, AgreesWithIsoCodes) {
  const std::filesystem::path file = "/usr/share/iso-codes/json/iso_3166-1.json";
  if (!std::filesystem::exists(file))
    GTEST_SKIP() << "SKIPPED: " << file.string() << " is absent (apt-get install iso-codes to check every code)";
  std::ifstream in(file);
  const auto doc = nlohmann::json::parse(in);
  std::map<std::string, std::pair<int, std::string>> by_alpha3;
  for (const auto& c : doc.at("3166-1"))
    by_alpha3[c.at("alpha_3").get<std::string>()] = {std::stoi(c.at("numeric").get<std::string>()),
                                                     c.at("alpha_2").get<std::string>()};
  int checked = 0;
  for (int ccode = 1; ccode <= 999; ++ccode) {
    const std::string iso3(entente::actor::iso3_for_ccode(ccode));
    if (iso3.empty()) continue;
    const auto it = by_alpha3.find(iso3);
    ASSERT_NE(it, by_alpha3.end()) << iso3 << " (ccode " << ccode << ") is not in iso-codes";
    EXPECT_EQ(entente::actor::iso_numeric_for_ccode(ccode), it->second.first) << iso3;
    EXPECT_EQ(entente::actor::iso2_for_ccode(ccode), it->second.second) << iso3;
    ++checked;
  }
  EXPECT_EQ(checked, 194);
}

// ---- text helpers and tables ----

TEST(ReportText, Ordinals) {
  using entente::report::ordinal;
  EXPECT_EQ(ordinal(1), "1st");
  EXPECT_EQ(ordinal(2), "2nd");
  EXPECT_EQ(ordinal(3), "3rd");
  EXPECT_EQ(ordinal(4), "4th");
  EXPECT_EQ(ordinal(11), "11th");
  EXPECT_EQ(ordinal(12), "12th");
  EXPECT_EQ(ordinal(13), "13th");
  EXPECT_EQ(ordinal(21), "21st");
  EXPECT_EQ(ordinal(22), "22nd");
  EXPECT_EQ(ordinal(111), "111th");
  EXPECT_EQ(entente::report::count_of(1, "state", "states"), "1 state");
  EXPECT_EQ(entente::report::count_of(0, "state", "states"), "0 states");
}

TEST(ReportTables, NamesAreFileNamesAndRowsFitTheColumns) {
  using entente::report::make_table;
  const auto t = make_table("a-table-2", "A table", {"x", "y"}, Json::array({Json::array({1, "a"})}));
  EXPECT_EQ(t.at("name"), "a-table-2");
  EXPECT_EQ(t.at("columns").size(), 2u);
  EXPECT_THROW(make_table("A table", "", {"x"}, Json::array()), std::invalid_argument);
  EXPECT_THROW(make_table("../up", "", {"x"}, Json::array()), std::invalid_argument);
  EXPECT_THROW(make_table("", "", {"x"}, Json::array()), std::invalid_argument);
  EXPECT_THROW(make_table("t", "", {"x", "y"}, Json::array({Json::array({1})})), std::logic_error);
}

TEST(ReportSite, CsvQuotesAsRfc4180) {
  const auto t = entente::report::make_table(
      "t", "", {"name", "value", "flag"},
      Json::array({Json::array({"plain", 1.5, true}), Json::array({"a, \"quoted\"\nline", nullptr, false})}));
  const auto csv = entente::report::table_csv(t);
  EXPECT_EQ(csv, "name,value,flag\nplain,1.5,TRUE\n\"a, \"\"quoted\"\"\nline\",,FALSE\n");
  // The project's strict reader reads it back: a header and two rows of three fields.
  entente::io::CsvCursor cursor("t.csv", csv);
  entente::io::CsvRecord record;
  std::vector<std::vector<std::string>> records;
  while (cursor.next(record)) {
    records.emplace_back();
    for (const auto& f : record.fields) records.back().push_back(f.text);
  }
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2][0], "a, \"quoted\"\nline");
  EXPECT_EQ(records[2][1], "");
}

TEST(ReportSite, DataJsIsAsciiAndParsesBack) {
  const Json data{{"text", "ménage à trois – 2012"}, {"n", 3}, {"x", nullptr}};
  const auto js = entente::report::data_js(data);
  const std::string prefix = "window.ENTENTE_REPORT = ";
  ASSERT_EQ(js.rfind(prefix, 0), 0u);
  ASSERT_GE(js.size(), prefix.size() + 2);
  EXPECT_EQ(js.substr(js.size() - 2), ";\n");
  for (unsigned char ch : js) EXPECT_LT(ch, 0x80);
  EXPECT_EQ(Json::parse(js.substr(prefix.size(), js.size() - prefix.size() - 2)), data);
}

TEST(ReportSite, SizeText) {
  EXPECT_EQ(entente::report::size_text(512), "512 bytes");
  EXPECT_EQ(entente::report::size_text(48'000), "48 kB");
  EXPECT_EQ(entente::report::size_text(1'460'000), "1.5 MB");
}

// ---- the report of the default world ----

class DefaultWorldReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    source_ = new entente::world::Source(entente::world::open_default_world());
    profile_ = new entente::stance::Profile(entente::stance::default_profile());
    data_ = new Json(entente::report::report_data(*source_, 2012, *profile_));
  }
  static void TearDownTestSuite() {
    delete data_;
    delete profile_;
    delete source_;
  }
  static const Json& data() { return *data_; }
  static const Json& section(const std::string& id) {
    for (const auto& s : data_->at("sections"))
      if (s.at("id") == id) return s;
    throw std::runtime_error("no section " + id);
  }
  static Json cli_json(const std::vector<std::string>& args) {
    auto full = args;
    full.insert(full.end(), {"--format", "json"});
    const auto r = run_cli(full);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Json::parse(r.out);
  }
  static std::vector<std::string> keys(const Json& object) {
    std::vector<std::string> out;
    for (const auto& [k, v] : object.items()) out.push_back(k);
    return out;
  }
  static inline entente::world::Source* source_ = nullptr;
  static inline entente::stance::Profile* profile_ = nullptr;
  static inline Json* data_ = nullptr;
};

TEST_F(DefaultWorldReport, YearsOfTheDefaultWorld) {
  const auto span = entente::report::report_years(*source_);
  EXPECT_EQ(span.first, 1946);
  EXPECT_EQ(span.last, 2016);
  EXPECT_EQ(entente::report::default_report_year(*source_), 2012);
  EXPECT_THROW(entente::report::report_data(*source_, 1945, *profile_), std::invalid_argument);
  EXPECT_THROW(entente::report::report_data(*source_, 2017, *profile_), std::invalid_argument);
  entente::report::ReportOptions late;
  late.from = 2013;
  EXPECT_THROW(entente::report::report_data(*source_, 2012, *profile_, late), std::invalid_argument);
}

TEST_F(DefaultWorldReport, TopLevelAsTheContract) {
  EXPECT_EQ(keys(data()), (std::vector<std::string>{"entente_version", "source", "profile", "year", "from", "to",
                                                    "focus", "summary", "sections"}));
  auto version = run_cli({"--version"}).out;
  while (!version.empty() && std::isspace(static_cast<unsigned char>(version.back()))) version.pop_back();
  EXPECT_EQ(data().at("entente_version"), version);
  EXPECT_EQ(data().at("source"), "bundled default world");
  EXPECT_EQ(data().at("profile"), "default");
  EXPECT_EQ(data().at("year"), 2012);
  EXPECT_EQ(data().at("from"), 1946);
  EXPECT_EQ(data().at("to"), 2012);  // the timelines end in the report's year
  EXPECT_EQ(data().at("focus"), (Json{{"abbrev", "RUS"}, {"name", "Russia"}}));
  ASSERT_GE(data().at("summary").size(), 5u);  // one sentence per section
  for (const auto& s : data().at("summary")) {
    const auto text = s.get<std::string>();
    EXPECT_GT(text.size(), 20u);
    EXPECT_EQ(text.back(), '.') << text;
  }
}

TEST_F(DefaultWorldReport, SectionsInOrderWithTheirKeys) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"relations", {"states", "dyads", "counts", "evidence"}},
      {"triangle", {"actors", "years"}},
      {"balancers", {"focus", "rows"}},
      {"blocs", {"years", "membership", "switches"}},
      {"landscape", {"actors", "minima"}}};
  // These five first, in this order; after them only the contract's last section, scenario (its
  // own keys are its tests' business).
  const auto& sections = data().at("sections");
  ASSERT_GE(sections.size(), expected.size());
  for (std::size_t i = expected.size(); i < sections.size(); ++i) EXPECT_EQ(sections.at(i).at("id"), "scenario");  // (No bargaining section: the default report runs none, not even the essay's Syria example.)
  EXPECT_LE(sections.size(), expected.size() + 1);
  std::set<std::string> table_names;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const auto& s = sections.at(i);
    std::vector<std::string> want = {"id", "title", "text", "tables"};
    if (i < expected.size()) {
      want.insert(want.end(), expected[i].second.begin(), expected[i].second.end());
      EXPECT_EQ(keys(s), want) << expected[i].first;
      EXPECT_EQ(s.at("id"), expected[i].first);
      for (const auto& key : expected[i].second) {
        const auto& v = s.at(key);
        EXPECT_TRUE(v.is_string() || !v.empty()) << s.at("id") << "." << key << " is empty";
      }
    } else {
      for (const auto& key : want) EXPECT_TRUE(s.contains(key)) << s.at("id") << " has no " << key;
    }
    EXPECT_FALSE(s.at("title").get<std::string>().empty());
    EXPECT_GT(s.at("text").get<std::string>().size(), 40u) << s.at("id");
    ASSERT_FALSE(s.at("tables").empty()) << s.at("id");
    for (const auto& t : s.at("tables")) {
      EXPECT_EQ(keys(t), (std::vector<std::string>{"name", "title", "columns", "rows"}));
      const auto name = t.at("name").get<std::string>();
      EXPECT_TRUE(table_names.insert(name).second) << "two tables named " << name;
      EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos) << name;
      const auto columns = t.at("columns").size();
      EXPECT_GT(columns, 0u) << name;
      for (const auto& row : t.at("rows")) ASSERT_EQ(row.size(), columns) << name;
    }
  }
}

TEST_F(DefaultWorldReport, RelationsAgreeWithTheRelationsVerb) {
  const auto& s = section("relations");
  const auto verb = cli_json({"relations", "--year", "2012"});
  std::map<std::pair<std::string, std::string>, std::pair<std::string, double>> expected;
  for (const auto& r : verb.at("rows"))
    expected[{r.at("abbrev1"), r.at("abbrev2")}] = {r.at("relation"), r.at("weight")};
  ASSERT_EQ(s.at("dyads").size(), expected.size());
  std::map<std::string, long long> counts;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& d : s.at("dyads")) {
    EXPECT_EQ(keys(d), (std::vector<std::string>{"a", "b", "relation", "weight"}));
    const std::pair<std::string, std::string> pair{d.at("a"), d.at("b")};
    EXPECT_TRUE(seen.insert(pair).second && !seen.count({pair.second, pair.first})) << "pair twice";
    const auto it = expected.find(pair);
    ASSERT_NE(it, expected.end());
    EXPECT_EQ(d.at("relation"), it->second.first);
    EXPECT_EQ(d.at("weight").get<double>(), it->second.second);
    ++counts[d.at("relation").get<std::string>()];
  }
  for (const char* r : {"alliance", "entente", "aligned", "neutral", "rival", "hostile"})
    EXPECT_EQ(s.at("counts").at(r).get<long long>(), counts[r]) << r;
  // The states: the 28 of the world, each pair among them once.
  const auto& states = s.at("states");
  ASSERT_EQ(states.size(), 28u);
  EXPECT_EQ(s.at("dyads").size(), 28u * 27u / 2u);
  int focus = 0;
  for (const auto& st : states) {
    EXPECT_EQ(keys(st),
              (std::vector<std::string>{"abbrev", "name", "ccode", "iso_numeric", "cinc", "relation_to_focus"}));
    if (st.at("abbrev") == "RUS") {
      ++focus;
      EXPECT_TRUE(st.at("relation_to_focus").is_null());
      EXPECT_EQ(st.at("iso_numeric"), 643);
    } else {
      const auto rel = st.at("relation_to_focus").get<std::string>();
      const auto key = st.at("ccode").get<int>() < 365 ? std::pair<std::string, std::string>{st.at("abbrev"), "RUS"}
                                                       : std::pair<std::string, std::string>{"RUS", st.at("abbrev")};
      EXPECT_EQ(rel, expected.at(key).first) << st.at("abbrev");
    }
    EXPECT_TRUE(st.at("iso_numeric").is_number_integer()) << st.at("abbrev");  // all 28 have ISO codes
    EXPECT_TRUE(st.at("cinc").is_number()) << st.at("abbrev");
  }
  EXPECT_EQ(focus, 1);
  // The text's counts are the focus's.
  long long allied = 0;
  for (const auto& st : states) allied += st.at("relation_to_focus") == "alliance";
  EXPECT_NE(s.at("text").get<std::string>().find("In 2012 Russia was allied with " + std::to_string(allied) + " state"),
            std::string::npos)
      << s.at("text");
}

TEST_F(DefaultWorldReport, TriangleAgreesWithTheTriangleVerb) {
  const auto& s = section("triangle");
  EXPECT_EQ(s.at("actors"), (Json{"USA", "CHN", "RUS"}));
  const auto verb = cli_json({"triangle", "USA", "CHN", "RUS", "--from", "1946", "--to", "2012"});
  const auto& years = s.at("years");
  ASSERT_EQ(years.size(), verb.at("rows").size());
  ASSERT_EQ(years.size(), 67u);
  long long menage = 0;
  for (std::size_t i = 0; i < years.size(); ++i) {
    const auto& y = years.at(i);
    const auto& v = verb.at("rows").at(i);
    EXPECT_EQ(keys(y), (std::vector<std::string>{"year", "type", "roles", "ties"}));
    EXPECT_EQ(y.at("year"), v.at("year"));
    EXPECT_EQ(y.at("type"), v.at("type"));
    for (const char* a : {"USA", "CHN", "RUS"}) EXPECT_EQ(y.at("roles").at(a), v.at("roles").at(a).at("role"));
    ASSERT_EQ(y.at("ties").size(), 3u);
    for (const auto& t : y.at("ties")) {
      const auto& vt = v.at("ties").at(t.at("pair").get<std::string>());
      EXPECT_EQ(t.at("relation"), vt.at("relation"));
      EXPECT_EQ(t.at("weight"), vt.at("weight"));
    }
    menage += y.at("type") == "menage_a_trois";
  }
  const auto text = s.at("text").get<std::string>();
  EXPECT_NE(text.find(std::to_string(menage) + " of 67 years"), std::string::npos) << text;
  const auto& last_change = verb.at("changes").back();
  EXPECT_NE(text.find("last changed in " + std::to_string(last_change.at("year").get<int>())), std::string::npos)
      << text;
}

TEST_F(DefaultWorldReport, BalancersAgreeWithTheBalancerVerb) {
  const auto& s = section("balancers");
  EXPECT_EQ(s.at("focus"), "RUS");
  const auto verb = cli_json({"balancer", "--year", "2012"});
  ASSERT_EQ(s.at("rows").size(), verb.at("rows").size());
  ASSERT_EQ(s.at("rows").size(), 28u);
  long long focus_rank = 0;
  for (std::size_t i = 0; i < s.at("rows").size(); ++i) {
    const auto& r = s.at("rows").at(i);
    const auto& v = verb.at("rows").at(i);
    EXPECT_EQ(keys(r),
              (std::vector<std::string>{"rank", "abbrev", "name", "weighted_pivot", "pivot", "flexibility", "cinc"}));
    EXPECT_EQ(r.at("rank"), v.at("rank"));
    EXPECT_EQ(r.at("abbrev"), v.at("abbrev"));
    EXPECT_EQ(r.at("weighted_pivot"), v.at("weighted_pivot"));
    EXPECT_EQ(r.at("pivot"), v.at("pivot"));
    EXPECT_EQ(r.at("flexibility"), v.at("flexibility"));
    if (r.at("abbrev") == "RUS") focus_rank = r.at("rank").get<long long>();
  }
  ASSERT_GT(focus_rank, 0);
  EXPECT_EQ(s.at("text").get<std::string>().rfind("Russia ranks " + entente::report::ordinal(focus_rank) + " of 28", 0),
            0u)
      << s.at("text");
}

TEST_F(DefaultWorldReport, BlocsAgreeWithTheBalanceAndBlocsVerbs) {
  const auto& s = section("blocs");
  const auto& years = s.at("years");
  ASSERT_EQ(years.size(), 67u);
  const auto balance = cli_json({"balance", "--year", "2012"});
  const auto& last = years.back();
  EXPECT_EQ(last.at("year"), 2012);
  EXPECT_EQ(last.at("frustration"), balance.at("rows").at(0).at("frustration"));
  EXPECT_EQ(last.at("lower_bound"), balance.at("rows").at(0).at("lower_bound"));
  EXPECT_EQ(last.at("edges"), balance.at("rows").at(0).at("edges"));
  EXPECT_EQ(last.at("negative_edges"), balance.at("rows").at(0).at("negative_edges"));
  EXPECT_EQ(last.at("optimal"), true);
  EXPECT_NE(
      s.at("text").get<std::string>().find(
          "frustration index was " + std::to_string(last.at("frustration").get<long long>()) + " (proven optimal)"),
      std::string::npos)
      << s.at("text");
  for (const auto& y : years)
    EXPECT_EQ(keys(y), (std::vector<std::string>{"year", "frustration", "lower_bound", "optimal", "edges",
                                                 "negative_edges", "normalised"}));

  const auto blocs = cli_json({"blocs", "--from", "1946", "--to", "2012"});
  ASSERT_EQ(blocs.at("periods").size(), 67u);
  // Membership: every state of each year's graph once, bloc 1 or 2 as the verb has it, null without ties.
  std::map<std::pair<int, std::string>, Json> bloc_of;
  for (const auto& m : s.at("membership")) {
    EXPECT_EQ(keys(m), (std::vector<std::string>{"year", "node", "bloc"}));
    EXPECT_TRUE(bloc_of.emplace(std::pair<int, std::string>{m.at("year"), m.at("node")}, m.at("bloc")).second);
    EXPECT_TRUE(m.at("bloc").is_null() || m.at("bloc") == 1 || m.at("bloc") == 2);
  }
  for (std::size_t p = 0; p < 67; ++p) {
    const int year = 1946 + static_cast<int>(p);
    for (const auto& b : blocs.at("periods").at(p).at("blocs"))
      for (const auto& m : b.at("members")) EXPECT_EQ(bloc_of.at({year, m.get<std::string>()}), b.at("bloc"));
  }
  std::vector<Json> switches;
  for (std::size_t p = 0; p < 67; ++p)
    for (const auto& sw : blocs.at("periods").at(p).at("switches"))
      switches.push_back({{"year", 1946 + static_cast<int>(p)},
                          {"node", sw.at("node")},
                          {"from", sw.at("from")},
                          {"to", sw.at("to")}});
  ASSERT_EQ(s.at("switches").size(), switches.size());
  for (std::size_t i = 0; i < switches.size(); ++i) EXPECT_EQ(s.at("switches").at(i), switches[i]);
}

TEST_F(DefaultWorldReport, LandscapeOfTheGreatPowersAgreesWithTheLandscapeVerb) {
  const auto& s = section("landscape");
  std::vector<std::string> actors;
  for (const auto& a : s.at("actors")) {
    EXPECT_EQ(keys(a), (std::vector<std::string>{"abbrev", "name", "size"}));
    actors.push_back(a.at("abbrev"));
  }
  // The COW major powers of 2012 plus India, in COW code order.
  EXPECT_EQ(actors, (std::vector<std::string>{"USA", "UKG", "FRN", "GMY", "RUS", "CHN", "JPN", "IND"}));
  const auto verb = cli_json({"landscape", "--year", "2012", "--actors", "USA,UKG,FRN,GMY,RUS,CHN,JPN,IND"});
  ASSERT_EQ(s.at("minima").size(), verb.at("rows").size());
  double shares = 0;
  for (std::size_t i = 0; i < s.at("minima").size(); ++i) {
    const auto& m = s.at("minima").at(i);
    const auto& v = verb.at("rows").at(i);
    EXPECT_EQ(keys(m), (std::vector<std::string>{"rank", "energy", "basin_share", "sides"}));
    EXPECT_EQ(m.at("energy"), v.at("energy"));
    EXPECT_EQ(m.at("basin_share"), v.at("basin_share"));
    ASSERT_EQ(m.at("sides").size(), actors.size());
    for (const auto& a : v.at("side_a")) EXPECT_EQ(m.at("sides").at(a.get<std::string>()), 0);
    for (const auto& b : v.at("side_b")) EXPECT_EQ(m.at("sides").at(b.get<std::string>()), 1);
    shares += m.at("basin_share").get<double>();
  }
  EXPECT_NEAR(shares, 1.0, 1e-9);
  const auto text = s.at("text").get<std::string>();
  EXPECT_EQ(text.rfind("Landscape theory predicts", 0), 0u);
  // 2012 has two minima (the BRICS powers against the West, and China alone): the summary names
  // the runner-up's sides too.
  ASSERT_EQ(verb.at("rows").size(), 2u);
  EXPECT_NE(text.find("; the next (energy "), std::string::npos) << text;
  EXPECT_NE(text.find("against CHN."), std::string::npos) << text;
}

TEST_F(DefaultWorldReport, AnotherYearAndFocus) {
  entente::report::ReportOptions options;
  options.focus = "CHN";
  options.from = 1960;
  const auto d = entente::report::report_data(*source_, 1962, *profile_, options);
  EXPECT_EQ(d.at("year"), 1962);
  EXPECT_EQ(d.at("from"), 1960);
  EXPECT_EQ(d.at("focus").at("abbrev"), "CHN");
  EXPECT_EQ(d.at("sections").at(1).at("years").size(), 3u);
  EXPECT_EQ(d.at("sections").at(2).at("focus"), "CHN");
  // 1962: no Germany (GMY) nor Japan among the COW major powers.
  std::vector<std::string> powers;
  for (const auto& a : d.at("sections").at(4).at("actors")) powers.push_back(a.at("abbrev"));
  EXPECT_EQ(powers, (std::vector<std::string>{"USA", "UKG", "FRN", "RUS", "CHN", "IND"}));
}

// ---- any focus, any question (issue: the report for any question, not only the essay's) ----

// The default triangle: the focus, its strongest friendly tie and its strongest unfriendly tie,
// by |weight| × CINC, as the report's own relations data show them.
TEST_F(DefaultWorldReport, DefaultTriangleIsTheFocusWithItsStrongestPartnerAndRival) {
  const auto& rel = section("relations");
  std::map<std::string, double> cinc;
  for (const auto& st : rel.at("states")) cinc[st.at("abbrev")] = st.at("cinc").is_number() ? st.at("cinc").get<double>() : 0;
  std::string partner, rival;
  double best_partner = 0, best_rival = 0;
  for (const auto& d : rel.at("dyads")) {
    if (d.at("a") != "RUS" && d.at("b") != "RUS") continue;
    const std::string other = d.at("a") == "RUS" ? d.at("b") : d.at("a");
    const double w = d.at("weight").get<double>(), strength = std::abs(w) * cinc[other];
    if (w > 0 && strength > best_partner) best_partner = strength, partner = other;
    if (w < 0 && strength > best_rival) best_rival = strength, rival = other;
  }
  ASSERT_FALSE(partner.empty());
  ASSERT_FALSE(rival.empty());
  const auto actors = section("triangle").at("actors").get<std::vector<std::string>>();
  ASSERT_EQ(actors.size(), 3u);
  EXPECT_EQ(actors[2], "RUS");  // the focus last
  EXPECT_EQ(std::set<std::string>(actors.begin(), actors.begin() + 2), (std::set<std::string>{partner, rival}));
}

// The summary names the evidence of its strongest claims as `entente explain` shows it.
TEST_F(DefaultWorldReport, EvidenceOfTheStrongestTiesIsExplainsEvidence) {
  const auto& evidence = section("relations").at("evidence");
  ASSERT_EQ(evidence.size(), 2u);  // a partner and a rival
  std::string summary;
  for (const auto& s : data().at("summary")) summary += s.get<std::string>() + "\n";
  for (const auto& e : evidence) {
    const auto a = e.at("a").get<std::string>(), b = e.at("b").get<std::string>();
    const auto verb = cli_json({"explain", a, b, "--year", "2012"});
    EXPECT_EQ(e.at("relation"), verb.at("relation"));
    EXPECT_EQ(e.at("weight"), verb.at("weight"));
    EXPECT_EQ(e.at("rule"), verb.at("rule"));
    EXPECT_EQ(e.at("command"), "entente explain " + a + " " + b + " --year 2012");
    // Every treaty the summary names is one explain lists; the vote share is explain's line.
    const auto first_treaty = std::to_string(verb.at("treaties").at(0).at("atopid").get<int>());
    EXPECT_NE(summary.find(first_treaty + " (signed"), std::string::npos) << summary;
    std::string votes;
    for (const auto& line : verb.at("evidence"))
      if (line.get<std::string>().rfind("UN votes: ", 0) == 0) votes = line;
    ASSERT_FALSE(votes.empty());
    EXPECT_NE(summary.find(votes), std::string::npos) << votes;
    EXPECT_NE(summary.find("`" + e.at("command").get<std::string>() + "`"), std::string::npos);
  }
  EXPECT_NE(summary.find("strategic rivalry (Thompson-Sakuwa-Suhas): ongoing"), std::string::npos) << summary;
}

// Triangles asked for, one section each; timelines to --to; a landscape of the states asked for.
TEST_F(DefaultWorldReport, TrianglesLandscapeAndTimelinesAsAsked) {
  entente::report::ReportOptions options;
  options.focus = "IND";
  options.triangles = {{"IND", "CHN", "PAK"}, {"IND", "USA", "CHN"}};
  options.landscape = {"IND", "CHN", "PAK", "USA"};
  options.from = 2000;
  options.to = 2010;
  const auto d = entente::report::report_data(*source_, 2012, *profile_, options);
  EXPECT_EQ(d.at("to"), 2010);
  std::vector<std::string> ids;
  for (const auto& s : d.at("sections")) ids.push_back(s.at("id"));
  EXPECT_EQ(ids, (std::vector<std::string>{"relations", "triangle", "triangle-2", "balancers", "blocs", "landscape"}));
  const auto& second = d.at("sections").at(2);
  EXPECT_EQ(second.at("actors"), (Json{"IND", "USA", "CHN"}));
  EXPECT_EQ(second.at("tables").at(0).at("name"), "triangle-2-years");
  EXPECT_EQ(second.at("years").size(), 11u);
  EXPECT_EQ(second.at("years").back().at("year"), 2010);
  EXPECT_EQ(d.at("sections").at(4).at("years").size(), 11u);  // blocs 2000–2010
  std::set<std::string> powers;
  for (const auto& a : d.at("sections").at(5).at("actors")) powers.insert(a.at("abbrev").get<std::string>());
  EXPECT_EQ(powers, (std::set<std::string>{"IND", "CHN", "PAK", "USA"}));
  EXPECT_THROW(entente::report::parse_triangle("IND,CHN"), std::invalid_argument);
  EXPECT_EQ(entente::report::parse_triangle("IND, CHN,PAK"), (entente::report::Triangle{"IND", "CHN", "PAK"}));
}

// Another year and focus: no scenario (only the essay's question on Russia in 2012 has one by
// default) and no sentence about a later year.
TEST_F(DefaultWorldReport, NoSentenceAboutAnotherYearsQuestion) {
  entente::report::ReportOptions options;
  options.focus = "CHN";
  const auto d = entente::report::report_data(*source_, 1969, *profile_, options);
  for (const auto& s : d.at("sections")) EXPECT_NE(s.at("id"), "scenario");
  EXPECT_EQ(section("scenario").at("id"), "scenario");  // the default still asks the essay's question
  for (const auto& sentence : d.at("summary")) {
    const auto text = sentence.get<std::string>();
    EXPECT_EQ(text.find("alliance would"), std::string::npos) << text;
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i])) || (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))))
        continue;
      std::size_t n = i;
      while (n < text.size() && std::isdigit(static_cast<unsigned char>(text[n]))) ++n;
      if (n - i != 4 || text.compare(n, 8, " (signed") == 0) continue;  // "3445 (signed 1961)": a treaty's id
      const int year = std::stoi(text.substr(i, 4));
      if (year >= 1816) {
        EXPECT_LE(year, 1969) << "a year after the report's in: " << text;
      }
    }
  }
}

// A scenario whose shocks change nothing says so, instead of a list of zeros.
TEST_F(DefaultWorldReport, AScenarioThatChangesNothingSaysSo) {
  entente::testing::TempDir dir;
  const auto file = dir.write("nothing.toml", R"(name = "No change"
question = "Would another US-UK defense treaty change anything?"
[base]
year = 2012
focus = "UKG"
triangles = [["UKG", "USA", "FRN"]]
landscape = ["USA", "UKG", "FRN", "GMY"]
[[shock]]
kind = "add_treaty"
between = ["USA", "UKG"]
type = "defense"
)");
  const auto verb = cli_json({"scenario", file.string(), "--members", "0", "--runs", "0"});
  ASSERT_TRUE(verb.at("rows").empty()) << "the verb finds a change: pick another shock for this test";
  entente::report::ReportOptions options;
  options.focus = "UKG";
  options.scenario = file.string();
  const auto d = entente::report::report_data(*source_, 2012, *profile_, options);
  const auto& s = d.at("sections").back();
  ASSERT_EQ(s.at("id"), "scenario");
  EXPECT_EQ(s.at("title"), "Would another US-UK defense treaty change anything?");
  EXPECT_NE(s.at("text").get<std::string>().find(", nothing would change: every model gives the United Kingdom the same answer"), std::string::npos) << s.at("text");
  EXPECT_EQ(d.at("summary").back(), "The scenario \"No change\" (2012) changes nothing for the United Kingdom.");
}

// A focus with fewer than two ties has no default triangle, and a focus outside the data neither:
// the section says which, with no tables (so the page draws no empty chart).
TEST_F(DefaultWorldReport, NoDefaultTriangleSaysWhy) {
  entente::report::ReportOptions options;
  options.focus = "USA";
  const auto d = entente::report::report_data(*source_, 1946, *profile_, options);
  long long ties = 0;
  for (const auto& dyad : d.at("sections").at(0).at("dyads"))
    ties += (dyad.at("a") == "USA" || dyad.at("b") == "USA") && dyad.at("weight").get<double>() != 0;
  ASSERT_LT(ties, 2) << "the United States has two ties in 1946: pick another year for this test";
  const auto& triangle = d.at("sections").at(1);
  EXPECT_EQ(triangle.at("id"), "triangle");
  EXPECT_TRUE(triangle.at("tables").empty());
  EXPECT_NE(triangle.at("text").get<std::string>().find("had fewer than two ties to other states in 1946"),
            std::string::npos)
      << triangle.at("text");
  options.focus = "BRA";  // not among the bundled world's states
  const auto outside = entente::report::report_data(*source_, 2012, *profile_, options);
  EXPECT_NE(outside.at("sections").at(1).at("text").get<std::string>().find("is not among the states with evidence"),
            std::string::npos);
}

// ---- bargaining (docs/models/bargain.md, built from query::bargain) ----

std::string syria_file() {
  return (std::filesystem::path(ENTENTE_TEST_SOURCE_DIR) / "examples" / "bargain-syria-2012.toml").string();
}

entente::query::BargainRequest with_variant(const std::string& variant) {
  entente::query::BargainRequest request;
  request.variant = variant;
  return request;
}

std::string four_digits(const Json& v) { return fmt::format("{:.4g}", v.get<double>()); }

bool contains(const Json& text, const std::string& part) {
  return text.get<std::string>().find(part) != std::string::npos;
}

// The section is the `bargain` verb's result for the same file and variant: the same rounds, the
// same forecast, and the actors' inputs and final positions as a table.
TEST(ReportBargaining, SectionIsTheBargainResult) {
  const auto input = entente::report::read_bargain_issue(syria_file());
  EXPECT_EQ(input.file, "bargain-syria-2012.toml");
  for (const std::string variant : {"default", "third-parties", "status-quo-half"}) {
    entente::query::BargainRequest request;
    request.variant = variant;
    const auto verb = entente::query::bargain(input.issue, request);
    const auto s = entente::report::bargaining_section(input, with_variant(variant), 1).json;
    EXPECT_EQ(s.at("id"), "bargaining");
    EXPECT_EQ(s.at("title"), verb.at("title"));
    EXPECT_EQ(s.at("variant"), verb.at("variant")) << variant;
    EXPECT_EQ(s.at("variant").at("name"), variant);
    EXPECT_EQ(s.at("forecast"), verb.at("forecast")) << variant;
    EXPECT_EQ(s.at("rows"), verb.at("rows")) << variant;
    EXPECT_EQ(s.at("actors"), verb.at("actors"));
    EXPECT_EQ(s.at("stopped"), "converged");
    const auto& tables = s.at("tables");
    ASSERT_EQ(tables.size(), 2u);
    EXPECT_EQ(tables.at(0).at("name"), "bargaining-actors");
    EXPECT_EQ(tables.at(1).at("name"), "bargaining-rounds");
    const auto& actors = tables.at(0).at("rows");
    ASSERT_EQ(actors.size(), input.issue.actors.size());
    for (std::size_t k = 0; k < actors.size(); ++k) {
      EXPECT_EQ(actors.at(k).at(0), input.issue.actors[k].name);
      EXPECT_EQ(actors.at(k).at(1).get<double>(), input.issue.actors[k].position);
      EXPECT_EQ(actors.at(k).at(3).get<double>(), input.issue.actors[k].salience);
      EXPECT_EQ(actors.at(k).at(4), verb.at("forecast").at("positions").at(k).at("position"));
    }
    const auto& rounds = tables.at(1).at("rows");
    ASSERT_EQ(rounds.size(), verb.at("rows").size());
    EXPECT_EQ(rounds.back().at(0), verb.at("rows").back().at("round"));
    EXPECT_EQ(rounds.front().at(1), verb.at("rows").front().at("median"));
    EXPECT_EQ(rounds.front().at(2), verb.at("rows").front().at("mean"));
  }
  // The figures docs/models/bargain.md gives for Syria: 10 / 37.99 before round 1; the default
  // converges in 34 rounds on 10, third-parties in 29 on 50.
  const auto d = entente::report::bargaining_section(input, with_variant("default"), 1).json;
  EXPECT_EQ(d.at("rows").size(), 34u);
  EXPECT_NEAR(d.at("forecast").at("median").get<double>(), 10, 1e-9);
  EXPECT_EQ(four_digits(d.at("rows").at(0).at("mean")), "37.99");
  const auto t = entente::report::bargaining_section(input, with_variant("third-parties"), 1).json;
  EXPECT_EQ(t.at("rows").size(), 29u);
  EXPECT_NEAR(t.at("forecast").at("median").get<double>(), 50, 1e-9);
}

// The same forecast as the command line's `entente bargain FILE --variant V --format json`.
TEST(ReportBargaining, ForecastIsTheBargainVerbs) {
  const auto input = entente::report::read_bargain_issue(syria_file());
  const auto r = run_cli({"bargain", syria_file(), "--variant", "third-parties", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto verb = Json::parse(r.out);
  const auto s = entente::report::bargaining_section(input, with_variant("third-parties"), 1).json;
  EXPECT_EQ(s.at("forecast").at("median"), verb.at("forecast").at("median"));
  EXPECT_EQ(s.at("forecast").at("mean"), verb.at("forecast").at("mean"));
  EXPECT_EQ(s.at("rows").size(), verb.at("rows").size());
}

// The text names the variant, the rounds, the starting median and mean, the forecast and where it
// lands against them, the actor who moved most, and the model's document.
TEST(ReportBargaining, TextNamesTheRightNumbers) {
  const auto input = entente::report::read_bargain_issue(syria_file());
  for (const std::string variant : {"default", "status-quo-half"}) {
    const auto section = entente::report::bargaining_section(input, with_variant(variant), 1);
    const auto& s = section.json;
    const auto& text = s.at("text");
    const auto& first = s.at("rows").at(0);
    const double f = s.at("forecast").at("median").get<double>();
    const double m0 = first.at("median").get<double>(), w0 = first.at("mean").get<double>();
    EXPECT_TRUE(contains(text, "10 actors start at positions from 0 to 90 on this issue (bargain-syria-2012.toml)"))
        << text;
    EXPECT_TRUE(contains(text, fmt::format("{} variant the rounds converged after {} rounds", variant,
                                           s.at("rows").size())))
        << text;
    EXPECT_TRUE(contains(text, fmt::format("The forecast is {} (the median voter of the final positions; their "
                                           "weighted mean is {})",
                                           four_digits(s.at("forecast").at("median")),
                                           four_digits(s.at("forecast").at("mean")))))
        << text;
    EXPECT_TRUE(contains(text, fmt::format("Before round 1 the median voter was {} and the weighted mean {}",
                                           four_digits(first.at("median")), four_digits(first.at("mean")))))
        << text;
    // Where the forecast lands: at the starting median under the default (10), above it under
    // status-quo-half (84.6); below the starting mean under the default, above it under the other.
    const double same = s.at("options").at("tolerance").get<double>() * s.at("range").get<double>();
    if (std::fabs(f - m0) <= same) {
      EXPECT_EQ(variant, "default");
      EXPECT_TRUE(contains(text, "the forecast stays at the starting median voter")) << text;
    } else {
      EXPECT_EQ(variant, "status-quo-half");
      EXPECT_TRUE(contains(text, fmt::format("lies {} above the starting median voter", fmt::format("{:.4g}", f - m0))))
          << text;
    }
    const std::string side = f > w0 ? "above" : "below";
    EXPECT_TRUE(contains(text, fmt::format("{} {} the starting weighted mean", fmt::format("{:.4g}", std::fabs(f - w0)), side)))
        << text;
    // The actor who moved most, from the result's own start and final positions.
    std::size_t most = 0;
    double largest = -1;
    for (std::size_t k = 0; k < s.at("actors").size(); ++k) {
      const double move = std::fabs(s.at("forecast").at("positions").at(k).at("position").get<double>() -
                                    s.at("actors").at(k).at("position").get<double>());
      if (move > largest) {
        largest = move;
        most = k;
      }
    }
    EXPECT_TRUE(contains(text, fmt::format("{} moved most, from {} to {}", s.at("actors").at(most).at("name").get<std::string>(),
                                           four_digits(s.at("actors").at(most).at("position")),
                                           four_digits(s.at("forecast").at("positions").at(most).at("position")))))
        << text;
    EXPECT_TRUE(contains(text, "docs/models/bargain.md")) << text;
    ASSERT_EQ(section.summary.size(), 1u);
    EXPECT_NE(section.summary[0].find(fmt::format("({} variant) forecasts {} after {} rounds", variant,
                                                  four_digits(s.at("forecast").at("median")), s.at("rows").size())),
              std::string::npos)
        << section.summary[0];
  }
}

// A run cut short by the round limit says so, with the last round's largest move, and its summary
// does not claim convergence.
TEST(ReportBargaining, TextSaysWhenTheRoundLimitStoppedIt) {
  const auto input = entente::report::read_bargain_issue(syria_file());
  auto request = with_variant("default");
  request.rounds = 3;  // the default needs 34 on Syria
  const auto section = entente::report::bargaining_section(input, request, 1);
  const auto& s = section.json;
  EXPECT_EQ(s.at("stopped"), "round_limit");
  ASSERT_EQ(s.at("rows").size(), 3u);
  const auto& last = s.at("rows").at(2);
  EXPECT_GT(last.at("largest_move").get<double>(), 0.0);
  EXPECT_TRUE(contains(s.at("text"), fmt::format("default variant the rounds stopped at the limit of 3 rounds without "
                                                 "converging (an actor still moved {} in the last)",
                                                 four_digits(last.at("largest_move")))))
      << s.at("text");
  EXPECT_FALSE(contains(s.at("text"), "converged after")) << s.at("text");
  EXPECT_NE(section.summary.at(0).find(fmt::format("forecasts {} when it stops at the limit of 3 rounds",
                                                   four_digits(s.at("forecast").at("median")))),
            std::string::npos)
      << section.summary.at(0);
}

// A second issue is "bargaining-2" with its own table names; an issue with every actor at one
// position has nothing to bargain over and says so, with no tables (the page then draws no chart).
TEST(ReportBargaining, NumberedSectionsAndAnIssueWithNothingToBargainOver) {
  const auto input = entente::report::read_bargain_issue(syria_file());
  const auto second = entente::report::bargaining_section(input, with_variant("default"), 2).json;
  EXPECT_EQ(second.at("id"), "bargaining-2");
  EXPECT_EQ(second.at("tables").at(0).at("name"), "bargaining-2-actors");
  EXPECT_EQ(second.at("tables").at(1).at("name"), "bargaining-2-rounds");
  entente::testing::TempDir dir;
  const auto file = dir.write("flat.csv", "name,capability,position,salience\nA,1,40,0.5\nB,2,40,0.9\n");
  const auto flat = entente::report::bargaining_section(entente::report::read_bargain_issue(file.string()), with_variant("default"), 1);
  EXPECT_TRUE(flat.json.at("tables").empty());
  EXPECT_TRUE(flat.json.at("rows").empty());
  EXPECT_EQ(flat.json.at("text"),
            "All 2 actors start at 40 (flat.csv): there is nothing to bargain over, and the forecast is 40.");
}

// A bad file is an error that names the option and the file's line and column.
TEST(ReportBargaining, BadFileNamesItself) {
  entente::testing::TempDir dir;
  const auto file = dir.write("bad.csv", "name,capability,position,salience\nA,1,0,0.5\nB,x,1,0.5\n");
  try {
    entente::report::read_bargain_issue(file.string());
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "--bargain " + file.string() + ": " + file.string() +
                                         ":3:3: found \"x\", expected a capability: a number from 0 up in column 'capability'");
  }
  EXPECT_THROW(entente::report::read_bargain_issue((dir.path() / "absent.csv").string()), std::invalid_argument);
}

// Bargaining sections only when asked, after the others, one per file, in the files' order; a bad
// file or variant fails the report before any section is built.
TEST_F(DefaultWorldReport, BargainingSectionsOnlyWhenAsked) {
  for (const auto& s : data().at("sections")) EXPECT_EQ(s.at("id").get<std::string>().rfind("bargaining", 0), std::string::npos);
  entente::report::ReportOptions options;
  options.focus = "CHN";
  options.bargains = {syria_file(), syria_file()};
  options.bargain_variant = "third-parties";
  const auto d = entente::report::report_data(*source_, 1969, *profile_, options);
  std::vector<std::string> ids;
  for (const auto& s : d.at("sections")) ids.push_back(s.at("id"));
  EXPECT_EQ(ids, (std::vector<std::string>{"relations", "triangle", "balancers", "blocs", "landscape", "bargaining",
                                           "bargaining-2"}));
  const auto& s = d.at("sections").at(5);
  EXPECT_EQ(s.at("variant").at("name"), "third-parties");
  EXPECT_EQ(keys(s), (std::vector<std::string>{"id", "title", "text", "tables", "file", "salience_scale", "actors",
                                               "variant", "options", "range", "stopping_rule", "stopped", "rows",
                                               "forecast"}));
  // The last two summary sentences are the two issues'.
  const auto& summary = d.at("summary");
  ASSERT_GE(summary.size(), 7u);
  for (std::size_t k = summary.size() - 2; k < summary.size(); ++k)
    EXPECT_TRUE(contains(summary.at(k), "(third-parties variant) forecasts 50 after 29 rounds")) << summary.at(k);

  entente::testing::TempDir dir;
  options.bargains = {syria_file(), dir.write("bad.toml", "issue = \"x\"\n[[actor]]\nname = \"A\"\n").string()};
  EXPECT_THROW(entente::report::report_data(*source_, 1969, *profile_, options), std::invalid_argument);
  options.bargains = {syria_file()};
  options.bargain_variant = "no-such-variant";
  try {
    entente::report::report_data(*source_, 1969, *profile_, options);
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("--bargain-variant: no bargaining variant \"no-such-variant\""),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
