// The event evidence layer in the store, the cooperation–conflict score, and how both reach the
// stance model (explain, relations) and the monthly triangles — on hand-made cells written into
// the bundled default world (in memory) and into store files.
#include <gtest/gtest.h>

#include <cmath>
#include <fmt/format.h>
#include <map>

#include "entente/events/evidence_layer.hpp"
#include "entente/events/score.hpp"
#include "entente/query/monthly_triangle.hpp"
#include "entente/query/store_info.hpp"
#include "entente/query/strategic.hpp"
#include "entente/stance/stance.hpp"
#include "entente/store/store.hpp"
#include "entente/triangle/triangle.hpp"
#include "entente/world/panel.hpp"
#include "entente/world/source.hpp"
#include "test_support.hpp"

namespace {

using entente::events::DyadPeriod;
using entente::events::Tally;
using entente::events::Tone;

DyadPeriod cell(int day, int source, int target, std::int64_t vc, std::int64_t mc, std::int64_t vk, std::int64_t mk,
                double goldstein) {
  DyadPeriod c;
  c.period_start = day;
  c.source = source;
  c.target = target;
  c.quad_events = {vc, mc, vk, mk};
  c.events = vc + mc + vk + mk;
  c.goldstein_sum = goldstein;
  return c;
}

entente::events::EvidenceLayer layer(const std::string& name, std::vector<DyadPeriod> cells) {
  entente::events::EvidenceLayer l;
  l.name = name;
  l.period = entente::events::Period::month;
  l.coverage.first_date = 20120101;
  l.coverage.last_date = 20121231;
  l.coverage.sources = {"hand.csv (keds)"};
  l.coverage.rows_read = 100;
  l.coverage.rows_used = 90;
  l.files = {{"hand.csv", "keds", std::string(64, 'a')}};
  l.cells = std::move(cells);
  return l;
}

std::map<std::string, int> relation_counts(const entente::world::Source& source, int year,
                                           const entente::stance::Profile& profile) {
  std::map<std::string, int> out;
  const auto result = entente::query::relations(source, year, {}, profile);
  for (const auto& r : result.at("rows"))
    ++out[r.at("relation").get<std::string>()];
  return out;
}

// Two states of the bundled world that are neutral in 2012 under the default profile, and a third
// neutral with both: a triangle whose ties only events can change.
struct Neutral {
  int a = 0, b = 0, c = 0;
};
Neutral neutral_triple(const entente::world::Source& source) {
  const entente::world::Panel panel(source, 2012, 2012, entente::stance::stance_layers());
  const auto y = panel.year(2012);
  const auto stances = entente::stance::classify_year(y, entente::stance::default_profile());
  const std::size_t n = y.n();
  auto neutral = [&](std::size_t i, std::size_t j) {
    return stances.relation[i * n + j] == entente::stance::Relation::neutral && y.in_universe(i, j);
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      for (std::size_t k = j + 1; k < n; ++k)
        if (y.in_scope[i] && y.in_scope[j] && y.in_scope[k] && neutral(i, j) && neutral(i, k) && neutral(j, k))
          return {y.ccodes[i], y.ccodes[j], y.ccodes[k]};
  return {};
}

}  // namespace

TEST(EventScore, NetCooperationAndMeanGoldsteinFollowTheRule) {
  Tally t;
  t.add(cell(20120101, 2, 365, 6, 2, 1, 3, 10.5));
  t.add(cell(20120201, 365, 2, 1, 0, 2, 1, -7.5));
  EXPECT_EQ(t.events, 16);
  EXPECT_EQ(t.cooperative(), 9);
  EXPECT_EQ(t.conflictual(), 7);
  EXPECT_DOUBLE_EQ(entente::events::net_cooperation(t), (9.0 - 7.0) / 16.0);
  EXPECT_DOUBLE_EQ(entente::events::mean_goldstein(t), 3.0 / 16.0);
  EXPECT_TRUE(std::isnan(entente::events::net_cooperation(Tally{})));
  EXPECT_TRUE(std::isnan(entente::events::mean_goldstein(Tally{})));
}

TEST(EventScore, ToneNeedsTheMinimumAndPassesTheThresholds) {
  entente::events::ScoreRule rule;
  rule.min_events_year = 10;
  rule.min_events_month = 3;
  rule.cooperative = 0.25;
  rule.conflictual = -0.25;
  auto tally = [](std::int64_t coop, std::int64_t conf) {
    Tally t;
    t.add(cell(20120101, 2, 365, coop, 0, conf, 0, 0));
    return t;
  };
  using entente::events::Span;
  EXPECT_EQ(entente::events::tone(tally(2, 0), rule, Span::month), Tone::too_few);
  EXPECT_EQ(entente::events::tone(tally(3, 0), rule, Span::month), Tone::cooperative);
  EXPECT_EQ(entente::events::tone(tally(3, 0), rule, Span::year), Tone::too_few);
  // (5 − 3) / 8 = 0.25: at the threshold counts.
  EXPECT_EQ(entente::events::tone(tally(5, 3), rule, Span::month), Tone::cooperative);
  EXPECT_EQ(entente::events::tone(tally(4, 4), rule, Span::month), Tone::mixed);
  EXPECT_EQ(entente::events::tone(tally(3, 5), rule, Span::month), Tone::conflictual);
  EXPECT_EQ(entente::events::tone(tally(3, 4), rule, Span::month), Tone::mixed);  // −1/7 > −0.25
}

TEST(EventLayerStore, WritesReadsAndReplacesALayer) {
  entente::testing::TempDir dir;
  const auto path = dir / "events.db";
  {
    auto store = entente::store::Store::open(path);
    EXPECT_TRUE(store.event_layers().empty());
    EXPECT_TRUE(store.event_cells("x", 0, 99999999).empty());
    store.write_event_layer(layer("levant", {cell(20120201, 666, 663, 5, 1, 2, 0, 12.5),
                                             cell(20120101, 663, 666, 1, 0, 0, 4, -30.0)}));
  }
  auto store = entente::store::Store::open_existing(path);
  const auto layers = store.event_layers();
  ASSERT_EQ(layers.size(), 1u);
  EXPECT_EQ(layers[0].name, "levant");
  EXPECT_EQ(layers[0].period, entente::events::Period::month);
  EXPECT_EQ(layers[0].coverage.first_date, 20120101);
  EXPECT_EQ(layers[0].coverage.rows_read, 100);
  EXPECT_EQ(layers[0].coverage.rows_used, 90);
  EXPECT_EQ(layers[0].coverage.sources, std::vector<std::string>{"hand.csv (keds)"});
  ASSERT_EQ(layers[0].files.size(), 1u);
  EXPECT_EQ(layers[0].files[0].sha256, std::string(64, 'a'));
  EXPECT_EQ(layers[0].cells, 2);
  const auto cells = store.event_cells("levant", 20120101, 20121231);
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[0].period_start, 20120101);  // key order
  EXPECT_EQ(cells[0].quad_events[3], 4);
  EXPECT_DOUBLE_EQ(cells[1].goldstein_sum, 12.5);
  EXPECT_EQ(store.event_cells("levant", 20120115, 20121231).size(), 1u);
  // The same name again replaces the layer.
  store.write_event_layer(layer("levant", {cell(20120301, 651, 666, 1, 0, 0, 0, 1.0)}));
  ASSERT_EQ(store.event_layers().size(), 1u);
  const auto replaced = store.event_cells("levant", 0, 99999999);
  ASSERT_EQ(replaced.size(), 1u);
  EXPECT_EQ(replaced[0].source, 651);
}

TEST(EventLayerStore, AFailedWriteLeavesTheStoreAsItWas) {
  entente::testing::TempDir dir;
  auto store = entente::store::Store::open(dir / "events.db");
  store.write_event_layer(layer("first", {cell(20120101, 666, 663, 1, 0, 0, 0, 1.0)}));
  // Two cells with one key: the second insert fails inside the transaction.
  EXPECT_ANY_THROW(store.write_event_layer(layer("first", {cell(20120101, 2, 20, 1, 0, 0, 0, 1.0),
                                                            cell(20120101, 2, 20, 2, 0, 0, 0, 1.0)})));
  EXPECT_ANY_THROW(store.write_event_layer(layer("bad name!", {})));
  const auto layers = store.event_layers();
  ASSERT_EQ(layers.size(), 1u);
  const auto cells = store.event_cells("first", 0, 99999999);
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_EQ(cells[0].source, 666);
}

TEST(EventLayerStore, IsNotAProviderDatasetAndIsCitedWithItsProviders) {
  auto source = entente::world::open_default_world();
  const auto datasets_before = source.store.coverage().size();
  source.store.write_event_layer(layer("levant", {cell(20120101, 666, 663, 1, 0, 0, 0, 1.0)}));
  EXPECT_EQ(source.store.coverage().size(), datasets_before);
  const auto info = entente::query::info(source);
  ASSERT_EQ(info.at("event_layers").size(), 1u);
  EXPECT_EQ(info.at("event_layers")[0].at("name"), "levant");
  EXPECT_EQ(info.at("event_layers")[0].at("files")[0].at("format"), "keds");
  std::map<std::string, std::string> cited;
  const auto cite = entente::query::cite(source);
  for (const auto& r : cite.at("rows"))
    if (r.contains("event_layers")) cited[r.at("datasets")[0].get<std::string>()] = r.at("citation");
  ASSERT_EQ(cited.size(), 3u);  // KEDS, Goldstein, CAMEO; no GDELT in a KEDS layer
  EXPECT_NE(cited.at("keds").find("Schrodt"), std::string::npos);
  EXPECT_NE(cited.at("goldstein").find("Goldstein"), std::string::npos);
  EXPECT_NE(cited.at("cameo").find("2012"), std::string::npos);
}

TEST(EventStance, WithoutAnEventLayerNothingChanges) {
  const auto source = entente::world::open_default_world();
  const auto plain = relation_counts(source, 2012, entente::stance::default_profile());
  const auto with_events = relation_counts(source, 2012, entente::stance::profile_events());
  EXPECT_EQ(plain, with_events);
  // The bundled world's published answer for 2012 (docs/models/stance.md).
  EXPECT_EQ(plain, (std::map<std::string, int>{{"alliance", 30}, {"entente", 52}, {"aligned", 79}, {"neutral", 197},
                                               {"rival", 11}, {"hostile", 9}}));
}

TEST(EventStance, EventsDecideWhereNothingElseDoesAndOnlyWithTheProfile) {
  auto source = entente::world::open_default_world();
  const auto t = neutral_triple(source);
  ASSERT_NE(t.a, 0) << "no three mutually neutral states in the bundled world's 2012";
  const auto before = relation_counts(source, 2012, entente::stance::default_profile());
  // a–b cooperative all year (20 events), a–c conflictual (12 events), b–c too few events (5).
  std::vector<DyadPeriod> cells;
  for (int m = 1; m <= 10; ++m) cells.push_back(cell(20120001 + m * 100, t.a, t.b, 2, 0, 0, 0, 6.0));
  for (int m = 1; m <= 4; ++m) cells.push_back(cell(20120001 + m * 100, t.c, t.a, 0, 0, 1, 2, -15.0));
  cells.push_back(cell(20120601, t.b, t.c, 5, 0, 0, 0, 10.0));
  source.store.write_event_layer(layer("hand", cells));

  EXPECT_EQ(relation_counts(source, 2012, entente::stance::default_profile()), before);
  auto after = relation_counts(source, 2012, entente::stance::profile_events());
  auto expected = before;
  --expected["neutral"], --expected["neutral"];
  ++expected["aligned"], ++expected["rival"];
  EXPECT_EQ(after, expected);

  const auto& registry = source.registry;
  const auto x = entente::query::explain(source, *registry.by_ccode(t.a), *registry.by_ccode(t.c), 2012,
                                         entente::stance::profile_events());
  EXPECT_EQ(x.at("relation"), "rival");
  EXPECT_EQ(x.at("event_layer"), "hand");
  const auto& e = x.at("events");
  EXPECT_EQ(e.at("events"), 12);
  EXPECT_EQ(e.at("quad_events").at("material_conflict"), 8);
  EXPECT_DOUBLE_EQ(e.at("goldstein_sum").get<double>(), -60.0);
  EXPECT_DOUBLE_EQ(e.at("goldstein_mean").get<double>(), -5.0);
  EXPECT_DOUBLE_EQ(e.at("net_cooperation").get<double>(), -1.0);
  EXPECT_EQ(e.at("months"), 4);
  EXPECT_EQ(e.at("event_months_covered"), 12);
  EXPECT_EQ(e.at("tone"), "conflictual");
  // The default profile shows the same evidence and says it does not use it.
  const auto d = entente::query::explain(source, *registry.by_ccode(t.a), *registry.by_ccode(t.c), 2012,
                                         entente::stance::default_profile());
  EXPECT_EQ(d.at("relation"), "neutral");
  EXPECT_EQ(d.at("events").at("events"), 12);
  bool said = false;
  for (const auto& line : d.at("evidence")) said = said || line.get<std::string>().find("not used by this profile") != std::string::npos;
  EXPECT_TRUE(said);
  // Too few events (5 < 12) leave b–c neutral.
  const auto bc = entente::query::explain(source, *registry.by_ccode(t.b), *registry.by_ccode(t.c), 2012,
                                          entente::stance::profile_events());
  EXPECT_EQ(bc.at("relation"), "neutral");
  EXPECT_EQ(bc.at("events").at("tone"), "too few events");
}

TEST(EventTriangle, MonthByMonthFromTheEventScore) {
  auto source = entente::world::open_default_world();
  const auto t = neutral_triple(source);
  ASSERT_NE(t.a, 0);
  // January: a–b and b–c cooperative, a–c conflictual (net cooperation ±1 each); February: all
  // three conflictual; March: one event, below the month's minimum of 3.
  std::vector<DyadPeriod> cells = {
      cell(20120101, t.a, t.b, 3, 1, 0, 0, 20.0), cell(20120101, t.a, t.c, 0, 0, 2, 2, -30.0),
      cell(20120101, t.b, t.c, 4, 0, 0, 0, 12.0), cell(20120201, t.a, t.b, 0, 0, 1, 3, -25.0),
      cell(20120201, t.c, t.a, 0, 0, 3, 1, -20.0), cell(20120201, t.b, t.c, 0, 0, 2, 2, -18.0),
      cell(20120301, t.a, t.b, 1, 0, 0, 0, 3.0),  // March: too few events everywhere
  };
  source.store.write_event_layer(layer("hand", cells));
  const auto& registry = source.registry;
  const auto& A = *registry.by_ccode(t.a);
  const auto& B = *registry.by_ccode(t.b);
  const auto& C = *registry.by_ccode(t.c);
  const auto result =
      entente::query::triangle_by_month(source, A, B, C, 201201, 201203, entente::stance::profile_events());
  const auto& rows = result.at("rows");
  ASSERT_EQ(rows.size(), 3u);
  const double jan[] = {1.0, -1.0, 1.0}, feb[] = {-1.0, -1.0, -1.0}, mar[] = {0.0, 0.0, 0.0};
  const double* expected[] = {jan, feb, mar};
  for (std::size_t k = 0; k < 3; ++k) {
    const auto& r = rows[k];
    EXPECT_EQ(r.at("month"), fmt::format("2012-{:02}", k + 1));
    const auto tri = entente::triangle::classify(expected[k][0], expected[k][1], expected[k][2]);
    EXPECT_EQ(r.at("type"), std::string(entente::triangle::to_string(tri.type)));
    EXPECT_DOUBLE_EQ(r.at("ties").at(A.abbrev + "-" + B.abbrev).at("weight").get<double>(), expected[k][0]);
    EXPECT_DOUBLE_EQ(r.at("ties").at(A.abbrev + "-" + C.abbrev).at("weight").get<double>(), expected[k][1]);
    EXPECT_DOUBLE_EQ(r.at("ties").at(B.abbrev + "-" + C.abbrev).at("weight").get<double>(), expected[k][2]);
  }
  EXPECT_EQ(rows[0].at("type"), "romantic_triangle");
  EXPECT_EQ(rows[1].at("type"), "unit_veto");
  EXPECT_EQ(rows[2].at("type"), "menage_a_trois");  // neutral ties are amity
  EXPECT_EQ(rows[2].at("ties").at(A.abbrev + "-" + B.abbrev).at("tone"), "too few events");
  EXPECT_EQ(rows[1].at("ties").at(A.abbrev + "-" + C.abbrev).at("events"), 4);
  EXPECT_EQ(result.at("changes").size(), 3u);
  // Months outside the layer's coverage have no rows.
  const auto wide =
      entente::query::triangle_by_month(source, A, B, C, 201111, 201202, entente::stance::profile_events());
  EXPECT_EQ(wide.at("rows").size(), 2u);
  EXPECT_EQ(wide.at("months_outside_coverage"), 2);
}

TEST(EventTriangle, NeedsAMonthlyLayer) {
  auto source = entente::world::open_default_world();
  const auto& registry = source.registry;
  const auto& A = *registry.by_ccode(2);
  const auto& B = *registry.by_ccode(365);
  const auto& C = *registry.by_ccode(710);
  EXPECT_THROW(entente::query::triangle_by_month(source, A, B, C, 201201, 201212, entente::stance::profile_events()),
               std::invalid_argument);
  auto yearly = layer("yearly", {cell(20120101, 2, 365, 5, 0, 0, 0, 5.0)});
  yearly.period = entente::events::Period::year;
  source.store.write_event_layer(yearly);
  EXPECT_THROW(entente::query::triangle_by_month(source, A, B, C, 201201, 201212, entente::stance::profile_events()),
               std::invalid_argument);
  // The year's tally still reaches the stance model, without months.
  const auto x = entente::query::explain(source, A, B, 2012, entente::stance::profile_events());
  EXPECT_EQ(x.at("events").at("events"), 5);
  EXPECT_EQ(x.at("events").at("months"), 0);
  bool said = false;
  for (const auto& line : x.at("evidence")) said = said || line.get<std::string>().find("(a layer by year)") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(EventTriangle, ParsesMonths) {
  EXPECT_EQ(entente::query::parse_month("2011-01", false, "--from"), 201101);
  EXPECT_EQ(entente::query::parse_month("2012", true, "--to"), 201212);
  EXPECT_EQ(entente::query::parse_month("2012", false, "--from"), 201201);
  EXPECT_THROW(entente::query::parse_month("2012-13", false, "--from"), std::invalid_argument);
  EXPECT_THROW(entente::query::parse_month("2012-1", false, "--from"), std::invalid_argument);
  EXPECT_THROW(entente::query::parse_month("12-2012", false, "--from"), std::invalid_argument);
}

TEST(EventProfile, TomlKeysAndTheBundledProfile) {
  const auto p = entente::stance::parse_profile(
      "[rules]\nevents = true\nevents_layer = \"levant\"\nevents_min_year = 20\nevents_min_month = 4\n"
      "events_cooperative = 0.4\nevents_conflictual = -0.3\n",
      "p.toml");
  EXPECT_TRUE(p.events);
  EXPECT_EQ(p.events_layer, "levant");
  EXPECT_EQ(p.events_rule.min_events_year, 20);
  EXPECT_EQ(p.events_rule.min_events_month, 4);
  EXPECT_DOUBLE_EQ(p.events_rule.cooperative, 0.4);
  EXPECT_DOUBLE_EQ(p.events_rule.conflictual, -0.3);
  EXPECT_THROW(entente::stance::parse_profile("[rules]\nevents_conflictual = 0.2\n", "p.toml"), std::exception);
  EXPECT_THROW(entente::stance::parse_profile("[rules]\nevents_min_month = 0\n", "p.toml"), std::exception);
  const auto file = entente::stance::load_profile(ENTENTE_TEST_SOURCE_DIR "/data/profiles/events.toml");
  const auto compiled = entente::stance::profile_events();
  EXPECT_EQ(file.name, compiled.name);
  EXPECT_EQ(file.events, compiled.events);
  EXPECT_EQ(file.events_rule.min_events_year, compiled.events_rule.min_events_year);
  EXPECT_EQ(file.events_rule.min_events_month, compiled.events_rule.min_events_month);
  EXPECT_DOUBLE_EQ(file.events_rule.cooperative, compiled.events_rule.cooperative);
  EXPECT_DOUBLE_EQ(file.events_rule.conflictual, compiled.events_rule.conflictual);
  EXPECT_EQ(file.max_treaty_members, compiled.max_treaty_members);  // the rest is the default profile
  EXPECT_DOUBLE_EQ(file.aligned_idealpoint_distance, compiled.aligned_idealpoint_distance);
}
