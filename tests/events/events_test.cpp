// Event data: the CAMEO table against the pinned files, the actor mapping, the calendar, and the
// aggregation of the KEDS Levant file and the GDELT sample against separate counts made here.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "entente/actor/iso3.hpp"
#include "entente/events/actors.hpp"
#include "entente/events/aggregate.hpp"
#include "entente/events/cameo.hpp"
#include "entente/io/parse_error.hpp"
#include "entente/core/json.hpp"
#include "test_support.hpp"

namespace ev = entente::events;
using entente::testing::shared_data;
using entente::testing::TempDir;

namespace {

std::filesystem::path events_dir() { return shared_data() / "events"; }

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) out.push_back(field);
  if (!line.empty() && line.back() == sep) out.emplace_back();
  return out;
}

// code → (Goldstein score, description), read from the pinned files here, not from the library.
std::map<std::string, std::pair<double, std::string>> pinned_table() {
  std::map<std::string, std::pair<double, std::string>> table;
  std::ifstream scores(events_dir() / "CAMEO.goldsteinscale.txt"), names(events_dir() / "CAMEO.eventcodes.txt");
  std::string line;
  std::getline(scores, line);
  while (std::getline(scores, line)) {
    const auto f = split(line, '\t');
    table[f.at(0)].first = std::strtod(f.at(1).c_str(), nullptr);
  }
  std::getline(names, line);
  while (std::getline(names, line)) {
    const auto f = split(line, '\t');
    table[f.at(0)].second = f.at(1);
  }
  return table;
}

int quad_index_by_root(const std::string& code) {
  const int root = std::stoi(code.substr(0, 2));
  return root <= 5 ? 0 : root <= 8 ? 1 : root <= 13 ? 2 : 3;
}

struct Expected {
  std::int64_t events = 0;
  std::array<std::int64_t, 4> quads{};
  double goldstein = 0;
  std::int64_t mentions = 0;
  double goldstein_mentions = 0;
};
using Key = std::tuple<int, int, int>;

void expect_same_cells(const std::map<Key, Expected>& expected, const std::vector<ev::DyadPeriod>& cells) {
  ASSERT_EQ(cells.size(), expected.size());
  for (const auto& c : cells) {
    const auto it = expected.find({c.period_start, c.source, c.target});
    ASSERT_NE(it, expected.end()) << c.period_start << ' ' << c.source << ' ' << c.target;
    EXPECT_EQ(c.events, it->second.events);
    for (std::size_t q = 0; q < 4; ++q) EXPECT_EQ(c.quad_events[q], it->second.quads[q]);
    EXPECT_NEAR(c.goldstein_sum, it->second.goldstein, 1e-9);
    EXPECT_EQ(c.mentions, it->second.mentions);
    EXPECT_NEAR(c.goldstein_mention_sum, it->second.goldstein_mentions, 1e-7);
  }
}

std::string parse_error_of(const std::vector<std::filesystem::path>& files, const ev::AggregateOptions& o) {
  try {
    (void)ev::aggregate(files, o);
  } catch (const entente::io::ParseError& e) {
    return e.what();
  }
  return "no error";
}

std::string gdelt_row(const std::string& date, const std::string& a1, const std::string& a2, const std::string& code,
                      int mentions = 1, std::size_t fields = 58) {
  std::vector<std::string> f(fields);
  f[0] = "1";
  f[1] = date;
  f[7] = a1;
  f[17] = a2;
  f[26] = code;
  f[31] = std::to_string(mentions);
  std::string line;
  for (std::size_t i = 0; i < f.size(); ++i) line += (i ? "\t" : "") + f[i];
  return line + "\n";
}

}  // namespace

TEST(EventsCameo, EveryCodeMatchesThePinnedTables) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto table = pinned_table();
  ASSERT_EQ(table.size(), 311u);
  EXPECT_EQ(ev::event_codes().size(), table.size());
  for (const auto& [code, entry] : table) {
    const auto* e = ev::find_event_code(code);
    ASSERT_NE(e, nullptr) << code;
    EXPECT_EQ(e->goldstein, entry.first) << code;  // exact: the same decimal literal
    // One decimal: the aggregation sums scores in integer tenths.
    EXPECT_NEAR(e->goldstein * 10, std::round(e->goldstein * 10), 1e-9) << code;
    EXPECT_EQ(e->description, entry.second) << code;
    EXPECT_EQ(static_cast<int>(e->quad), quad_index_by_root(code)) << code;
  }
}

TEST(EventsCameo, UnlistedCodesAreNotFound) {
  EXPECT_EQ(ev::find_event_code("211"), nullptr);  // an older CAMEO code used in the KEDS files
  EXPECT_EQ(ev::find_event_code("0841]"), nullptr);
  EXPECT_EQ(ev::find_event_code(""), nullptr);
  ASSERT_NE(ev::find_event_code("190"), nullptr);
  EXPECT_EQ(ev::find_event_code("190")->quad, ev::Quad::material_conflict);
  EXPECT_EQ(ev::quad_of_root(21), std::nullopt);
}

TEST(EventsActors, CountryCodesRolesAndHistory) {
  EXPECT_EQ(ev::ccode_for_country_code("ISR", 19900101), 666);
  EXPECT_EQ(ev::ccode_for_country_code("USA", 19900101), 2);
  EXPECT_EQ(ev::ccode_for_country_code("UAR", 19790415), 651);
  EXPECT_EQ(ev::ccode_for_country_code("USR", 19850101), 365);
  EXPECT_EQ(ev::ccode_for_country_code("DEU", 19901002), 260);
  EXPECT_EQ(ev::ccode_for_country_code("DEU", 19901003), 255);
  EXPECT_EQ(ev::ccode_for_country_code("YEM", 19890101), 678);
  EXPECT_EQ(ev::ccode_for_country_code("YEM", 19950101), 679);
  EXPECT_EQ(ev::ccode_for_country_code("YMS", 19950101), 0);
  EXPECT_EQ(ev::ccode_for_country_code("AUS", 19950101), 900);  // ISO: Australia
  EXPECT_EQ(ev::ccode_for_country_code("TRK", 19950101), 0);    // uncertain in KEDS: not guessed
  EXPECT_EQ(ev::ccode_for_country_code("isr", 19950101), 0);

  const auto keds = [](const char* code) { return ev::actor_from_keds_code(code, 20000101); };
  EXPECT_EQ(keds("ISRMIL").kind, ev::ActorKind::state);
  EXPECT_EQ(keds("ISRMIL").ccode, 666);
  EXPECT_EQ(keds("TURGOVAKP").kind, ev::ActorKind::state);
  EXPECT_EQ(keds("LBNREBHEZ").kind, ev::ActorKind::society);
  EXPECT_EQ(keds("LBNREBHEZ").ccode, 660);
  EXPECT_EQ(keds("ISRSET").kind, ev::ActorKind::society);
  EXPECT_EQ(keds("PAL").kind, ev::ActorKind::non_state);
  EXPECT_EQ(keds("PSEGOV").kind, ev::ActorKind::non_state);
  EXPECT_EQ(keds("IGOUNO").kind, ev::ActorKind::non_state);
  EXPECT_EQ(keds("UN").kind, ev::ActorKind::non_state);
  EXPECT_EQ(keds("MOSREB").kind, ev::ActorKind::non_state);
  EXPECT_EQ(keds("CMT").kind, ev::ActorKind::unmapped);
  EXPECT_EQ(keds("ISRM").kind, ev::ActorKind::unmapped);

  EXPECT_EQ(ev::actor_from_country("GEO", "", 20110801).kind, ev::ActorKind::state);
  EXPECT_EQ(ev::actor_from_country("GEO", "GOV", 20110801).kind, ev::ActorKind::state);
  EXPECT_EQ(ev::actor_from_country("GEO", "BUS", 20110801).kind, ev::ActorKind::society);
  EXPECT_EQ(ev::actor_from_country("WST", "", 20110801).kind, ev::ActorKind::non_state);
}

TEST(EventsActors, NoCodeIsBothAStateAndANonStateActor) {
  for (char a = 'A'; a <= 'Z'; ++a)
    for (char b = 'A'; b <= 'Z'; ++b)
      for (char c = 'A'; c <= 'Z'; ++c) {
        const std::string code{a, b, c};
        if (ev::is_non_state_code(code)) {
          EXPECT_EQ(ev::ccode_for_country_code(code, 19800101), 0) << code;
          EXPECT_EQ(ev::ccode_for_country_code(code, 20000101), 0) << code;
        }
      }
}

TEST(EventsActors, AnIsoCodeNeverNamesAnotherState) {
  // The older codes added to the ISO ones must not take an ISO code of another country (COW's MAC,
  // Macedonia, is ISO's Macao): every ISO 3166-1 alpha-3 code that maps maps to the state whose
  // ISO code it is. Needs Debian's iso-codes (scripts/install-deps).
  const std::filesystem::path iso = "/usr/share/iso-codes/json/iso_3166-1.json";
  if (!std::filesystem::exists(iso)) GTEST_SKIP() << "SKIPPED: iso-codes is not installed";
  std::ifstream in(iso);
  const auto doc = entente::Json::parse(in);
  int mapped = 0;
  for (const auto& country : doc.at("3166-1")) {
    const auto code = country.at("alpha_3").get<std::string>();
    const int c = ev::ccode_for_country_code(code, 20000101);
    if (c == 0) continue;
    ++mapped;
    EXPECT_EQ(entente::actor::iso3_for_ccode(c), code) << code;
  }
  EXPECT_GT(mapped, 180);
  EXPECT_EQ(ev::ccode_for_country_code("UAE", 20000101), 696);
  EXPECT_EQ(ev::ccode_for_country_code("MAC", 20000101), 0);
}

TEST(EventsCalendar, PeriodsStartOnTheirFirstDay) {
  EXPECT_EQ(ev::period_start(20110807, ev::Period::week), 20110801);  // a Sunday → Monday 1 August
  EXPECT_EQ(ev::period_start(20110801, ev::Period::week), 20110801);
  EXPECT_EQ(ev::period_start(20000102, ev::Period::week), 19991227);
  EXPECT_EQ(ev::period_start(20110831, ev::Period::month), 20110801);
  EXPECT_EQ(ev::period_start(20110831, ev::Period::quarter), 20110701);
  EXPECT_EQ(ev::period_start(20111231, ev::Period::year), 20110101);
  EXPECT_EQ(ev::period_start(19790415, ev::Period::day), 19790415);
  EXPECT_TRUE(ev::valid_date(20000229));
  EXPECT_FALSE(ev::valid_date(19000229));
  EXPECT_FALSE(ev::valid_date(20110431));
}

TEST(EventsAggregate, KedsLevantPerDyadMonthEqualsASeparateCount) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto file = events_dir() / "keds_levant.cameo.csv";
  const auto table = pinned_table();
  // The separate count: line by line, quotes stripped, the pinned table read from its file.
  std::map<Key, Expected> expected;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  std::int64_t rows = 0, used = 0, unknown_code = 0;
  while (std::getline(in, line)) {
    ++rows;
    std::string clean;
    for (char ch : line)
      if (ch != '"') clean += ch;
    const auto f = split(clean, ',');
    const int date = std::stoi(f[0].substr(0, 4) + f[0].substr(5, 2) + f[0].substr(8, 2));
    const auto s = ev::actor_from_keds_code(f[1], date), t = ev::actor_from_keds_code(f[2], date);
    if (s.kind != ev::ActorKind::state || t.kind != ev::ActorKind::state || s.ccode == t.ccode) continue;
    const auto code = table.find(f[3]);
    if (code == table.end()) {
      ++unknown_code;
      continue;
    }
    ++used;
    auto& e = expected[{date / 100 * 100 + 1, std::min(s.ccode, t.ccode), std::max(s.ccode, t.ccode)}];
    ++e.events;
    ++e.quads[static_cast<std::size_t>(quad_index_by_root(f[3]))];
    e.goldstein += code->second.first;
  }
  ev::AggregateOptions o;
  o.period = ev::Period::month;
  const auto r = ev::aggregate({file}, o);
  EXPECT_EQ(r.coverage.rows_read, rows);
  EXPECT_EQ(rows, 145709);
  EXPECT_EQ(r.coverage.rows_used, used);
  EXPECT_EQ(r.rows_unmapped_event_code, unknown_code);
  EXPECT_EQ(r.coverage.first_date, 19790415);
  expect_same_cells(expected, r.cells);
  // Israel–Jordan is there, and every reason a row was left out adds up.
  EXPECT_TRUE(std::any_of(r.cells.begin(), r.cells.end(), [](const auto& c) { return c.source == 663 && c.target == 666; }));
  EXPECT_EQ(r.coverage.rows_read, r.coverage.rows_used + r.rows_without_country + r.rows_non_state +
                                      r.rows_unmapped_actor + r.rows_society + r.rows_same_state +
                                      r.rows_other_actors + r.rows_unmapped_event_code + r.rows_duplicate + r.rows_bad);
  ASSERT_FALSE(r.non_state_actor_codes.empty());
  EXPECT_EQ(r.non_state_actor_codes.front().code, "PAL");
}

TEST(EventsAggregate, GdeltSamplePerDirectedDyadMonthEqualsASeparateCount) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto file = events_dir() / "gdelt1_sample_georgia_2011-08.tsv";
  const auto table = pinned_table();
  std::map<Key, Expected> expected;
  std::ifstream in(file);
  std::string line;
  std::set<std::string> roots_where_gdelt_differs;
  while (std::getline(in, line)) {
    const auto f = split(line, '\t');
    ASSERT_EQ(f.size(), 58u);
    // GDELT's QuadClass column puts root 09 with material cooperation and 14 with verbal conflict;
    // entente follows the CAMEO root rule (01-05, 06-08, 09-13, 14-20), as docs/models/events.md says.
    if (std::stoi(f[29]) - 1 != quad_index_by_root(f[26])) roots_where_gdelt_differs.insert(f[28]);
    const int date = std::stoi(f[1]);
    if (f[7].empty() || f[17].empty()) continue;
    const int s = ev::ccode_for_country_code(f[7], date), t = ev::ccode_for_country_code(f[17], date);
    if (s == 0 || t == 0 || s == t) continue;
    const double g = table.at(f[26]).first;
    auto& e = expected[{date / 100 * 100 + 1, s, t}];
    ++e.events;
    ++e.quads[static_cast<std::size_t>(quad_index_by_root(f[26]))];
    e.goldstein += g;
    e.mentions += std::stoi(f[31]);
    e.goldstein_mentions += g * std::stoi(f[31]);
  }
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(roots_where_gdelt_differs, (std::set<std::string>{"09", "14"}));
  ev::AggregateOptions o;
  o.directed = true;
  o.scope = ev::ActorScope::country;
  const auto r = ev::aggregate({file}, o);
  EXPECT_EQ(r.coverage.rows_read, 5894);
  expect_same_cells(expected, r.cells);
  // Small blocks on one thread, cut at many line boundaries: the same cells.
  o.threads = 1;
  o.block_bytes = 4096;
  expect_same_cells(expected, ev::aggregate({file}, o).cells);
}

TEST(EventsAggregate, GzipIsReadDirectly) {
  ENTENTE_REQUIRE_SHARED_DATA();
  TempDir dir;
  const auto plain = events_dir() / "gdelt1_sample_georgia_2011-08.tsv";
  const auto gz = dir / "sample.tsv.gz";
  ASSERT_EQ(std::system(("gzip -c '" + plain.string() + "' > '" + gz.string() + "'").c_str()), 0);
  ev::AggregateOptions o;
  const auto a = ev::aggregate({plain}, o), b = ev::aggregate({gz}, o);
  ASSERT_EQ(a.cells.size(), b.cells.size());
  ASSERT_FALSE(a.cells.empty());
  for (std::size_t i = 0; i < a.cells.size(); ++i) EXPECT_EQ(a.cells[i].events, b.cells[i].events);
}

TEST(EventsAggregate, OneADayDeduplicationAndActorFilter) {
  TempDir dir;
  const auto f = dir.write("k.csv", "\"date\",\"source\",\"target\",\"code\"\n"
                                    "\"2000-01-03\",\"ISR\",\"JOR\",\"190\"\n"
                                    "\"2000-01-03\",\"ISRMIL\",\"JOR\",\"190\"\n"  // same state, day and code
                                    "\"2000-01-03\",\"JOR\",\"ISR\",\"190\"\n"     // the other direction
                                    "\"2000-01-04\",\"ISR\",\"JOR\",\"190\"\n"
                                    "\"2000-01-04\",\"ISR\",\"EGY\",\"036\"\n"
                                    "\"2000-01-04\",\"ISR\",\"PAL\",\"036\"\n"
                                    "\"2000-01-04\",\"ISRREB\",\"EGY\",\"036\"\n"
                                    "\"2000-01-04\",\"ISR\",\"CMT\",\"036\"\n"
                                    "\"2000-01-04\",\"ISR\",\"EGY\",\"211\"\n");
  ev::AggregateOptions o;
  o.period = ev::Period::year;
  auto r = ev::aggregate({f}, o);
  ASSERT_EQ(r.cells.size(), 2u);  // (651, 666) and (663, 666)
  EXPECT_EQ(r.cells[1].events, 4);
  EXPECT_DOUBLE_EQ(r.cells[1].goldstein_sum, 4 * ev::find_event_code("190")->goldstein);
  EXPECT_EQ(r.rows_non_state, 1);
  EXPECT_EQ(r.rows_society, 1);
  EXPECT_EQ(r.rows_unmapped_actor, 1);
  EXPECT_EQ(r.rows_unmapped_event_code, 1);
  ASSERT_EQ(r.unmapped_actor_codes.size(), 1u);
  EXPECT_EQ(r.unmapped_actor_codes[0].code, "CMT");
  o.dedupe = true;
  r = ev::aggregate({f}, o);
  EXPECT_EQ(r.cells[1].events, 3);
  EXPECT_EQ(r.rows_duplicate, 1);
  o.directed = true;
  o.actors = {666, 663};
  r = ev::aggregate({f}, o);
  ASSERT_EQ(r.cells.size(), 2u);  // ISR→JOR and JOR→ISR
  EXPECT_EQ(r.cells[0].source, 663);
  EXPECT_EQ(r.cells[1].events, 2);
  EXPECT_EQ(r.rows_other_actors, 2);  // ISR → EGY twice (the --actors filter comes before the code)
  o.scope = ev::ActorScope::country;
  r = ev::aggregate({f}, o);
  EXPECT_EQ(r.rows_other_actors, 3);  // ISRREB → EGY now counts as Israel → Egypt
}

TEST(EventsAggregate, BadRowsNameFileLineAndColumn) {
  TempDir dir;
  std::string rows;
  for (int i = 0; i < 3000; ++i) rows += gdelt_row("20110801", "ISR", "JOR", "190");
  const auto bad_date = dir.write("d.tsv", rows + gdelt_row("20110231", "ISR", "JOR", "190") + rows);
  ev::AggregateOptions o;
  o.block_bytes = 4096;
  EXPECT_EQ(parse_error_of({bad_date}, o),
            bad_date.string() + ":3001:3: found \"20110231\", expected a date yyyymmdd (SQLDATE)");
  auto short_row = gdelt_row("20110801", "ISR", "JOR", "190");
  short_row.erase(short_row.rfind('\t'), 1);
  const auto fields = dir.write("f.tsv", rows + short_row);
  EXPECT_NE(parse_error_of({fields}, o).find(":3001:1: found"), std::string::npos);
  EXPECT_NE(parse_error_of({fields}, o).find("expected 58 tab-separated fields (GDELT 1.0)"), std::string::npos);
  const auto code = dir.write("c.tsv", gdelt_row("20110801", "ISR", "JOR", "19x"));
  EXPECT_NE(parse_error_of({code}, o).find(":1:"), std::string::npos);
  EXPECT_NE(parse_error_of({code}, o).find("expected a CAMEO event code of 2 to 4 digits (EventCode)"),
            std::string::npos);
  const auto country = dir.write("a.tsv", gdelt_row("20110801", "Israel", "JOR", "190"));
  EXPECT_NE(parse_error_of({country}, o).find("found \"Israel\", expected a CAMEO country code"), std::string::npos);
  const auto keds = dir.write("k.csv", "\"date\",\"source\",\"target\",\"code\"\n\"2000-01-03\",\"ISR\",\"JOR\",\"190\"\n"
                                       "\"2000-13-03\",\"ISR\",\"JOR\",\"190\"\n");
  EXPECT_EQ(parse_error_of({keds}, o), keds.string() + ":3:2: found \"2000-13-03\", expected a date YYYY-MM-DD (date)");
  const auto unknown = dir.write("u.txt", "hello\n");
  EXPECT_NE(parse_error_of({unknown}, o).find(":1:1: found \"hello\""), std::string::npos);

  o.skip_bad_rows = true;
  const auto r = ev::aggregate({bad_date}, o);
  EXPECT_EQ(r.rows_bad, 1);
  EXPECT_EQ(r.coverage.rows_used, 6000);
  ASSERT_EQ(r.bad_rows.size(), 1u);
  EXPECT_NE(r.bad_rows[0].error.find(":3001:3:"), std::string::npos);
}

TEST(EventsAggregate, Gdelt2RowsHave61Fields) {
  TempDir dir;
  const auto f = dir.write("g2.tsv", gdelt_row("20150105", "CHN", "RUS", "042", 4, 61) +
                                         gdelt_row("20150111", "RUS", "CHN", "0841", 2, 61));
  ev::AggregateOptions o;
  o.period = ev::Period::week;
  const auto r = ev::aggregate({f}, o);
  ASSERT_EQ(r.cells.size(), 1u);
  EXPECT_EQ(r.cells[0].period_start, 20150105);  // a Monday; the 11th is the Sunday of that week
  EXPECT_EQ(r.cells[0].source, 365);
  EXPECT_EQ(r.cells[0].target, 710);
  EXPECT_EQ(r.cells[0].events, 2);
  EXPECT_EQ(r.cells[0].mentions, 6);
  EXPECT_DOUBLE_EQ(r.cells[0].goldstein_mention_sum,
                   4 * ev::find_event_code("042")->goldstein + 2 * ev::find_event_code("0841")->goldstein);
  EXPECT_EQ(r.coverage.sources.at(0), f.string() + " (gdelt2)");
  const auto mixed = dir.write("m.tsv", gdelt_row("20150105", "CHN", "RUS", "042", 4, 61) + gdelt_row("20150105", "CHN", "RUS", "042"));
  EXPECT_NE(parse_error_of({mixed}, o).find(":2:1: found"), std::string::npos);
  EXPECT_NE(parse_error_of({mixed}, o).find("expected 61 tab-separated fields (GDELT 2.0)"), std::string::npos);
}

TEST(EventsAggregate, IcewsColumnsByNameWithCountryNames) {
  TempDir dir;
  const std::string header =
      "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
      "Target Name\tTarget Sectors\tTarget Country\tStory ID\n";
  const auto f = dir.write("i.tab", header +
                                        "1\t2012-03-05\tIsrael\t\tIsrael\tx\t190\t-10\tJordan\t\tJordan\t9\n"
                                        "2\t2012-03-05\tBenjamin Netanyahu\tExecutive,Government\tIsrael\tx\t036\t4\tJordan\t\tJordan\t9\n"
                                        "3\t2012-03-05\tBusinessman\tBusiness\tIsrael\tx\t036\t4\tJordan\t\tJordan\t9\n"
                                        "4\t2012-03-06\tIsrael\t\tIsrael\tx\t36\t4\tJordan\t\tJordan\t9\n"
                                        "5\t2012-03-06\tIsrael\t\tIsrael\tx\t036\t4\tAtlantis\t\tAtlantis\t9\n");
  ev::AggregateOptions o;
  o.country_by_name = [](std::string_view name, int) { return name == "Israel" ? 666 : name == "Jordan" ? 663 : 0; };
  const auto r = ev::aggregate({f}, o);
  ASSERT_EQ(r.cells.size(), 1u);
  EXPECT_EQ(r.cells[0].events, 2);
  EXPECT_EQ(r.rows_society, 1);
  EXPECT_EQ(r.rows_unmapped_event_code, 1);  // "36" lost its leading zero: not guessed
  EXPECT_EQ(r.rows_unmapped_actor, 1);
  EXPECT_EQ(r.coverage.sources.at(0), f.string() + " (icews)");
  const auto bad = dir.write("b.tab", "Event ID\tEvent Date\n1\t2012-03-05\n");
  EXPECT_NE(parse_error_of({bad}, o).find("expected an ICEWS header with the column \"Source Name\""), std::string::npos);
}

TEST(EventsCli, CsvJsonAndErrors) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto file = (events_dir() / "keds_levant.cameo.csv").string();
  const auto csv = entente::testing::run_cli({"events", file, "--by", "year", "--actors", "ISR,JOR,SYR", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::istringstream lines(csv.out);
  std::string header, line;
  std::getline(lines, header);
  EXPECT_EQ(header,
            "period_start,source,target,events,quad_events_verbal_cooperation,quad_events_material_cooperation,"
            "quad_events_verbal_conflict,quad_events_material_conflict,goldstein_sum,goldstein_mean,mentions,"
            "goldstein_mention_sum");
  ev::AggregateOptions o;
  o.period = ev::Period::year;
  o.actors = {666, 663, 652};
  const auto r = ev::aggregate({file}, o);
  std::size_t rows = 0;
  while (std::getline(lines, line)) {
    const auto f = split(line, ',');
    ASSERT_LT(rows, r.cells.size());
    const auto& c = r.cells[rows++];
    EXPECT_EQ(std::stoi(f[0]), c.period_start);
    EXPECT_EQ(std::stoi(f[1]), c.source);
    EXPECT_EQ(std::stoi(f[2]), c.target);
    EXPECT_EQ(std::stoll(f[3]), c.events);
    EXPECT_NEAR(std::stod(f[8]), c.goldstein_sum, 1e-9);
  }
  EXPECT_EQ(rows, r.cells.size());
  EXPECT_GT(rows, 60u);  // three dyads over 33 years
  EXPECT_NE(csv.err.find("145709 rows read"), std::string::npos) << csv.err;
  EXPECT_NE(csv.err.find("non-state actor (PAL "), std::string::npos) << csv.err;

  const auto json = entente::testing::run_cli({"events", file, "--by", "quarter", "--dedupe", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto doc = entente::Json::parse(json.out);
  EXPECT_EQ(doc.at("coverage").at("rows_read").get<long long>(), 145709);
  EXPECT_EQ(doc.at("options").at("by"), "quarter");
  EXPECT_GT(doc.at("rows_left_out").at("duplicate").get<long long>(), 0);
  ASSERT_FALSE(doc.at("rows").empty());
  const int first_quarter = doc.at("rows")[0].at("period_start").get<int>();
  EXPECT_EQ(first_quarter, 19790401);  // the first event is of 15 April 1979

  TempDir dir;
  const auto bad = dir.write("bad.csv", "\"date\",\"source\",\"target\",\"code\"\n\"1990-01-01\",\"ISR\",\"jor\",\"190\"\n");
  const auto error = entente::testing::run_cli({"events", bad.string()});
  EXPECT_EQ(error.exit_code, 1);
  EXPECT_NE(error.err.find(bad.string() + ":2:21: found \"jor\", expected a KEDS actor code in capital letters (target)"),
            std::string::npos)
      << error.err;
  const auto skipped = entente::testing::run_cli({"events", bad.string(), "--skip-bad-rows", "--format", "csv"});
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_NE(skipped.err.find("left out 1 rows that are bad"), std::string::npos) << skipped.err;

  const auto help = entente::testing::run_cli({"help", "events"});
  ASSERT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("docs/models/events.md"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_regular_file(std::filesystem::path(ENTENTE_TEST_SOURCE_DIR) / "docs/models/events.md"));
}
