// Scenarios: the file format, the shocks, the counterfactual comparison, ensembles and dynamics,
// on the bundled default world (no shared data needed).
#include <gtest/gtest.h>

#include <algorithm>
#include <variant>

#include "entente/io/parse_error.hpp"
#include "entente/query/scenario.hpp"
#include "entente/query/scenario_json.hpp"
#include "entente/query/strategic.hpp"
#include "entente/scenario/analysis.hpp"
#include "entente/scenario/compare.hpp"
#include "entente/scenario/ensemble.hpp"
#include "entente/scenario/scenario.hpp"
#include "entente/scenario/world.hpp"
#include "test_support.hpp"

namespace {

using entente::Json;
using entente::io::ParseError;
using entente::stance::Relation;
namespace sc = entente::scenario;

const entente::world::Source& default_world() {
  static const auto source = entente::world::open_default_world();
  return source;
}

constexpr const char* kBase = R"(name = "test"
[base]
year = 2012
focus = "RUS"
triangles = [["RUS", "CHN", "IND"], ["RUS", "CHN", "USA"]]
landscape = ["USA", "CHN", "RUS", "IND", "JPN"]
)";

sc::Scenario with_shocks(const std::string& shocks) { return sc::parse_scenario(std::string(kBase) + shocks, "t.toml"); }

// The line of the ParseError that parsing `text` throws (0 when it throws none).
std::size_t error_line(const std::string& text, std::string* message = nullptr) {
  try {
    sc::parse_scenario(text, "bad.toml");
  } catch (const ParseError& e) {
    if (message) *message = e.what();
    return e.where().line;
  }
  return 0;
}

Relation relation(const sc::World& w, const entente::stance::YearStances& s, const std::string& a, const std::string& b) {
  const auto i = static_cast<std::size_t>(w.index(a)), j = static_cast<std::size_t>(w.index(b));
  return s.relation[i * w.n() + j];
}

TEST(ScenarioFile, ReadsEveryPart) {
  const auto s = sc::parse_scenario(std::string(kBase) + R"(
[[shock]]
kind = "add_treaty"
between = ["RUS", "CHN"]
type = "defense"

[[shock]]
kind = "weaken_ties"
actor = "USA"
factor = 0.5

[ensemble]
members = 20
seed = 9
[ensemble.noise]
weights = 0.2

[dynamics]
runs = 5
p = 0.3
)",
                                    "s.toml");
  EXPECT_EQ(s.name, "test");
  EXPECT_EQ(s.year, 2012);
  EXPECT_EQ(s.focus, "RUS");
  ASSERT_EQ(s.triangles.size(), 2u);
  EXPECT_EQ(s.triangles[0][2], "IND");
  ASSERT_EQ(s.shocks.size(), 2u);
  EXPECT_EQ(s.shocks[0].kind, sc::ShockKind::add_treaty);
  EXPECT_EQ(s.shocks[0].line, 8u);  // its [[shock]] header
  EXPECT_EQ(s.shocks[1].kind, sc::ShockKind::weaken_ties);
  EXPECT_DOUBLE_EQ(*s.shocks[1].factor, 0.5);
  EXPECT_EQ(s.ensemble.members, 20u);
  EXPECT_EQ(s.ensemble.seed, 9u);
  EXPECT_DOUBLE_EQ(s.ensemble.noise.weights, 0.2);
  EXPECT_DOUBLE_EQ(s.ensemble.noise.sizes, 0.1);  // the default stays
  EXPECT_EQ(s.dynamics.runs, 5u);
  EXPECT_DOUBLE_EQ(s.dynamics.p, 0.3);
  EXPECT_EQ(sc::describe(s.shocks[0]), "RUS and CHN sign a treaty with a defense obligation");
}

TEST(ScenarioFile, ErrorsNameTheLine) {
  std::string message;
  EXPECT_EQ(error_line(std::string(kBase) + "colour = \"red\"\n", &message), 7u);
  EXPECT_NE(message.find("bad.toml:7"), std::string::npos) << message;
  EXPECT_EQ(error_line(std::string(kBase) + "[[shock]]\nkind = \"annex\"\nbetween = [\"RUS\", \"CHN\"]\n"), 8u);
  EXPECT_EQ(error_line(std::string(kBase) + "[[shock]]\nkind = \"add_treaty\"\nbetween = [\"RUS\", \"CHN\"]\n"), 7u);  // no type
  EXPECT_EQ(error_line(std::string(kBase) + "[[shock]]\nkind = \"add_treaty\"\nbetween = [\"RUS\", \"CHN\"]\ntype = \"marriage\"\n"), 10u);
  EXPECT_EQ(error_line(std::string(kBase) + "[[shock]]\nkind = \"set_relation\"\nbetween = [\"RUS\", \"CHN\"]\nweight = 3\n"), 10u);
  EXPECT_EQ(error_line(std::string(kBase) + "[[shock]]\nkind = \"remove_actor\"\nactor = \"RUS\"\nfactor = 2\n"), 10u);
  EXPECT_EQ(error_line(std::string(kBase) + "[[shock]]\nkind = \"start_war\"\nbetween = [\"RUS\", \"RUS\"]\n"), 9u);
  EXPECT_EQ(error_line("[base]\nyear = 2012\nfocus = \"RUS\"\nmin_weight = \"high\"\n"), 4u);
  EXPECT_THROW(sc::parse_scenario("[base]\nyear = 2012\n", "f.toml"), ParseError);  // no focus: a whole-file error
  EXPECT_EQ(error_line("[base]\nfocus = \"RUS\"\nlandscape = [\"RUS\"]\n"), 3u);  // a landscape of one
  EXPECT_EQ(error_line("[base]\nfocus = \"RUS\"\n[ensemble]\nmembers = -3\n"), 4u);
  EXPECT_EQ(error_line("[base\n"), 1u);  // TOML syntax
}

TEST(ScenarioShocks, EvidenceShocksChangeTheStances) {
  const auto profile = entente::stance::default_profile();
  const auto s = with_shocks(R"(
[[shock]]
kind = "add_treaty"
between = ["RUS", "CHN"]
type = "defense"
[[shock]]
kind = "end_rivalry"
between = ["USA", "RUS"]
[[shock]]
kind = "start_war"
between = ["CHN", "IND"]
[[shock]]
kind = "set_capability"
actor = "CHN"
factor = 2
)");
  const auto w = sc::build_worlds(default_world(), s, profile);
  const auto before = sc::stances_of(w.before, profile), after = sc::stances_of(w.after, profile);
  EXPECT_EQ(relation(w.before, before, "RUS", "CHN"), Relation::entente);
  EXPECT_EQ(relation(w.after, after, "RUS", "CHN"), Relation::alliance);
  EXPECT_EQ(relation(w.before, before, "USA", "RUS"), Relation::rival);
  EXPECT_EQ(relation(w.after, after, "USA", "RUS"), Relation::entente);  // the treaties on paper remain
  EXPECT_EQ(relation(w.before, before, "CHN", "IND"), Relation::rival);
  EXPECT_EQ(relation(w.after, after, "CHN", "IND"), Relation::hostile);
  const auto chn = static_cast<std::size_t>(w.before.index("CHN"));
  EXPECT_DOUBLE_EQ(w.after.year.cinc[chn], 2 * w.before.year.cinc[chn]);
  // Pairs the shocks do not name are untouched.
  EXPECT_EQ(relation(w.after, after, "USA", "JPN"), relation(w.before, before, "USA", "JPN"));
  ASSERT_EQ(w.shocks.size(), 4u);
}

TEST(ScenarioShocks, ActorsComeAndGo) {
  const auto profile = entente::stance::default_profile();
  const auto s = with_shocks(R"(
[[shock]]
kind = "remove_actor"
actor = "IRN"
[[shock]]
kind = "add_actor"
actor = "Brazil"
cinc = 0.025
[[shock]]
kind = "add_treaty"
between = ["BRA", "CHN"]
type = "consultation"
)");
  const auto w = sc::build_worlds(default_world(), s, profile);
  EXPECT_EQ(w.after.n(), w.before.n());  // one out, one in
  EXPECT_GE(w.before.index("IRN"), 0);
  EXPECT_LT(w.after.index("IRN"), 0);
  ASSERT_GE(w.after.index("BRA"), 0);
  const auto bra = static_cast<std::size_t>(w.after.index("BRA"));
  EXPECT_DOUBLE_EQ(w.after.year.cinc[bra], 0.025);
  const auto after = sc::stances_of(w.after, profile);
  EXPECT_EQ(relation(w.after, after, "BRA", "CHN"), Relation::entente);
  EXPECT_EQ(relation(w.after, after, "BRA", "USA"), Relation::neutral);  // a newcomer has no other ties
  // Every other pair keeps its stance through the re-indexing.
  const auto before = sc::stances_of(w.before, profile);
  EXPECT_EQ(relation(w.after, after, "USA", "CHN"), relation(w.before, before, "USA", "CHN"));
  EXPECT_EQ(relation(w.after, after, "RUS", "KZK"), relation(w.before, before, "RUS", "KZK"));
}

TEST(ScenarioShocks, StanceShocksAndTheirErrors) {
  const auto profile = entente::stance::default_profile();
  const auto s = with_shocks(R"(
[[shock]]
kind = "set_relation"
between = ["USA", "CHN"]
relation = "entente"
[[shock]]
kind = "weaken_ties"
actor = "RUS"
factor = 0.5
[[shock]]
kind = "shift_relation"
between = ["JPN", "CHN"]
by = 0.7
)");
  const auto w = sc::build_worlds(default_world(), s, profile);
  const auto after = sc::stances_of(w.after, profile);
  const auto n = w.after.n();
  const auto at = [&](const char* a, const char* b) {
    return static_cast<std::size_t>(w.after.index(a)) * n + static_cast<std::size_t>(w.after.index(b));
  };
  EXPECT_EQ(after.relation[at("USA", "CHN")], Relation::entente);
  EXPECT_DOUBLE_EQ(after.weight[at("USA", "CHN")], 0.5);
  EXPECT_DOUBLE_EQ(after.weight[at("RUS", "CHN")], 0.25);          // entente 0.5 halved …
  EXPECT_EQ(after.relation[at("RUS", "CHN")], Relation::aligned);  // … is nearest to aligned (0.3)
  EXPECT_DOUBLE_EQ(after.weight[at("JPN", "CHN")], -0.3);          // hostile −1 moved by +0.7
  EXPECT_EQ(after.relation[at("JPN", "CHN")], Relation::rival);    // −0.3 is as near rival as neutral: its sign decides
  // The landscape's propensity moves with the stance.
  EXPECT_NE(w.after.landscape.propensity, w.before.landscape.propensity);

  try {
    sc::build_worlds(default_world(), with_shocks("[[shock]]\nkind = \"start_war\"\nbetween = [\"RUS\", \"BRA\"]\n"), profile);
    FAIL() << "Brazil is not in the default world's modelled states";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("t.toml:7"), std::string::npos) << e.what();
  }
  EXPECT_THROW(sc::build_worlds(default_world(), with_shocks("[[shock]]\nkind = \"add_actor\"\nactor = \"CHN\"\ncinc = 0.1\n"), profile),
               std::invalid_argument);  // already modelled
}

TEST(ScenarioShocks, TheFocusStaysAndOneStateIsOneState) {
  const auto profile = entente::stance::default_profile();
  try {
    sc::build_worlds(default_world(), with_shocks("[[shock]]\nkind = \"remove_actor\"\nactor = \"Russia\"\n"), profile);
    FAIL() << "removing the focus";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("t.toml:7"), std::string::npos) << e.what();
  }
  EXPECT_THROW(sc::build_worlds(default_world(), with_shocks("[[shock]]\nkind = \"start_war\"\nbetween = [\"RUS\", \"365\"]\n"), profile),
               std::invalid_argument);
  auto s = with_shocks("");
  s.triangles = {{"RUS", "Russia", "CHN"}};
  EXPECT_THROW(sc::build_worlds(default_world(), s, profile), std::invalid_argument);
}

TEST(ScenarioEnsemble, ALandscapeThatLosesAnActor) {
  // Two landscape actors, one removed: no landscape after, and the ensemble still runs.
  auto s = sc::parse_scenario(R"([base]
year = 2012
focus = "RUS"
landscape = ["USA", "CHN"]
[[shock]]
kind = "remove_actor"
actor = "CHN"
[ensemble]
members = 5
)", "l.toml");
  const auto r = entente::query::scenario(default_world(), s, entente::stance::default_profile(), {});
  EXPECT_EQ(r.at("ensemble").at("members"), 5);
  EXPECT_TRUE(r.at("after").at("landscape").at("minima").empty());
  // The focus is not a landscape actor: "with the focus" is unknown, not side 0.
  for (const auto& a : r.at("ensemble").at("landscape_with_focus")) EXPECT_TRUE(a.at("with_focus_before").is_null());
}

TEST(ScenarioCompare, RussiaChinaAllianceAsTheExampleAsks) {
  const auto s = sc::load_scenario(std::filesystem::path(ENTENTE_TEST_SOURCE_DIR) / "examples/russia-china-alliance.toml");
  const auto r = entente::query::counterfactual(default_world(), s, entente::stance::default_profile());
  EXPECT_EQ(r.at("focus"), "RUS");
  std::vector<std::string> measures;
  for (const auto& row : r.at("focus_rows")) measures.push_back(row.at("measure").get<std::string>());
  for (const char* m : {"role in RUS-CHN-USA", "role in RUS-CHN-IND", "role in RUS-CHN-JPN", "role in RUS-CHN-DRV",
                        "balancer rank", "flexibility (share of friendly ties that are not alliances)", "bloc partners"})
    EXPECT_NE(std::find(measures.begin(), measures.end(), m), measures.end()) << m;
  // One more alliance tie for Russia, so less flexibility; the change list says so first.
  bool alliances = false;
  for (const auto& row : r.at("focus_rows")) {
    if (row.at("measure") != "alliance ties") continue;
    alliances = true;
    EXPECT_EQ(row.at("after").get<int>(), row.at("before").get<int>() + 1);
  }
  EXPECT_TRUE(alliances);
  const auto& changes = r.at("rows");
  ASSERT_FALSE(changes.empty());
  bool pact = false;
  int tier = 0;
  for (const auto& c : changes) {
    EXPECT_GE(c.at("tier").get<int>(), tier);  // most important first
    tier = c.at("tier").get<int>();
    pact = pact || c.at("change") == "RUS-CHN: entente +0.50 -> alliance +0.90";
  }
  EXPECT_TRUE(pact);
  EXPECT_EQ(changes.at(0).at("kind"), "balancer");
}

TEST(ScenarioCompare, TheWorldBeforeIsWhatTheVerbsSay) {
  // The scenario's world (a panel reaching 25 years back, for the landscape's war memory) gives
  // the same stances and balancer ranks as `relations` and `balancer` on the year alone. This
  // caught UN roll calls whose year depended on the panel's span.
  const auto profile = entente::stance::default_profile();
  const auto w = sc::build_worlds(default_world(), with_shocks(""), profile);
  const auto s = sc::stances_of(w.before, profile);
  const auto rel = entente::query::relations(default_world(), 2012, {}, profile);
  std::size_t compared = 0;
  for (const auto& r : rel.at("rows")) {
    const auto i = static_cast<std::size_t>(w.before.index(r.at("abbrev1"))), j = static_cast<std::size_t>(w.before.index(r.at("abbrev2")));
    EXPECT_EQ(std::string(entente::stance::to_string(s.relation[i * w.before.n() + j])), r.at("relation").get<std::string>())
        << r.at("abbrev1") << "-" << r.at("abbrev2");
    ++compared;
  }
  EXPECT_EQ(compared, w.before.n() * (w.before.n() - 1) / 2);
  sc::Settings settings;
  const auto a = sc::analyse(w.before, entente::stance::stance_graph(w.before.year, s), settings);
  const auto ranked = entente::query::balancer(default_world(), 2012, std::nullopt, profile);
  for (const auto& row : ranked.at("rows"))
    EXPECT_EQ(a.rank[static_cast<std::size_t>(w.before.index(row.at("abbrev")))], row.at("rank").get<int>()) << row.at("abbrev");
}

TEST(ScenarioCompare, NoShocksNoChanges) {
  const auto r = entente::query::counterfactual(default_world(), with_shocks(""), entente::stance::default_profile());
  EXPECT_TRUE(r.at("rows").empty());
  for (const auto& row : r.at("focus_rows")) EXPECT_FALSE(row.at("changed").get<bool>()) << row.dump();
}

TEST(ScenarioCompare, FocusRowsAreValuesThatPrintUnderTheirNames) {
  // The model answers with values; the query layer prints them. A count stays a whole number,
  // a missing figure is null, and `changed` is whether the two values differ.
  const auto profile = entente::stance::default_profile();
  const auto s = sc::load_scenario(std::filesystem::path(ENTENTE_TEST_SOURCE_DIR) / "examples/russia-china-alliance.toml");
  const auto w = sc::build_worlds(default_world(), s, profile);
  sc::Settings settings;
  const auto before = sc::analyse(w.before, sc::graph_of(w.before, profile), settings);
  const auto prior = sc::carry_blocs(w.before, before.bloc, w.after);
  settings.bloc_prior = &prior;
  const auto after = sc::analyse(w.after, sc::graph_of(w.after, profile), settings);
  const auto rows = sc::focus_rows(w.before, before, w.after, after);
  const auto json = entente::query::to_json(rows);
  ASSERT_EQ(json.size(), rows.size());
  bool some_changed = false;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    EXPECT_EQ(rows[k].changed, rows[k].before != rows[k].after) << rows[k].measure;
    some_changed = some_changed || rows[k].changed;
    EXPECT_EQ(json[k].at("measure"), rows[k].measure);
    EXPECT_EQ(json[k].at("changed"), rows[k].changed);
    if (rows[k].measure == "balancer rank") {
      ASSERT_TRUE(std::holds_alternative<long long>(rows[k].after));
      EXPECT_EQ(std::get<long long>(rows[k].after), after.rank[w.after.focus]);
      EXPECT_TRUE(json[k].at("after").is_number_integer());
    }
    if (std::holds_alternative<std::monostate>(rows[k].before)) {
      EXPECT_TRUE(json[k].at("before").is_null());
    }
  }
  EXPECT_TRUE(some_changed);  // the pact changes Russia's alliance ties
}

sc::Scenario ensemble_scenario() {
  return with_shocks(R"(
[[shock]]
kind = "add_treaty"
between = ["RUS", "CHN"]
type = "defense"
[ensemble]
members = 60
seed = 11
)");
}

TEST(ScenarioEnsemble, SameSeedSameBytesWhateverTheThreads) {
  const auto s = ensemble_scenario();
  const auto profile = entente::stance::default_profile();
  entente::query::ScenarioRequest one, two;
  one.threads = 1;
  two.threads = 2;
  const auto a = entente::query::scenario(default_world(), s, profile, one).dump();
  const auto b = entente::query::scenario(default_world(), s, profile, two).dump();
  EXPECT_EQ(a, b);
  two.seed = 12;
  const auto c = entente::query::scenario(default_world(), s, profile, two).dump();
  EXPECT_NE(a, c);  // another seed draws other members
  const auto j = Json::parse(a).at("ensemble");
  EXPECT_EQ(j.at("members"), 60);
  EXPECT_EQ(j.at("triangles").size(), 2u);
  // The noise moves something: the frustration index is not the same in every member.
  EXPECT_LT(j.at("frustration").at("before").at("min").get<double>(), j.at("frustration").at("before").at("max").get<double>());
}

TEST(ScenarioEnsemble, SlicesGatherToTheWhole) {
  // What an MPI run relies on: members computed in slices and concatenated are the members
  // computed at once.
  const auto s = ensemble_scenario();
  const auto profile = entente::stance::default_profile();
  const auto w = sc::build_worlds(default_world(), s, profile);
  const auto whole = sc::run_members(w, profile, s, s.ensemble, 0, 60, 2, {});
  auto part = sc::run_members(w, profile, s, s.ensemble, 0, 25, 1, {});
  const auto rest = sc::run_members(w, profile, s, s.ensemble, 25, 60, 1, {});
  part.insert(part.end(), rest.begin(), rest.end());
  ASSERT_EQ(part.size(), whole.size());
  EXPECT_TRUE(sc::summarise(w, s, s.ensemble, part) == sc::summarise(w, s, s.ensemble, whole));
  EXPECT_EQ(whole.size(), 60 * sc::layout_of(w).row());
}

TEST(ScenarioEnsemble, WithoutNoiseEveryMemberIsTheCounterfactual) {
  auto s = ensemble_scenario();
  s.ensemble.noise = {0, 0, 0};
  s.min_weight = 0.01;  // below the thresholds' old clamp: no noise must mean no change
  const auto r = entente::query::scenario(default_world(), s, entente::stance::default_profile(), {});
  const auto& e = r.at("ensemble");
  const auto& f = e.at("frustration").at("after");
  EXPECT_EQ(f.at("min"), f.at("max"));
  EXPECT_EQ(f.at("min").get<double>(), r.at("after").at("frustration").at("value").get<double>());
  for (const auto& t : e.at("triangles")) EXPECT_EQ(t.at("focus_role_changed").get<double>(), 0.0);
}

TEST(ScenarioDynamics, EndStatesAreReproducibleAndBalanced) {
  auto s = with_shocks("[[shock]]\nkind = \"start_war\"\nbetween = [\"CHN\", \"IND\"]\n[dynamics]\nruns = 30\nseed = 5\n");
  const auto profile = entente::stance::default_profile();
  entente::query::ScenarioRequest one, two;
  one.threads = 1;
  two.threads = 2;
  const auto a = entente::query::scenario(default_world(), s, profile, one);
  EXPECT_EQ(a.dump(), entente::query::scenario(default_world(), s, profile, two).dump());
  const auto& d = a.at("dynamics");
  for (const char* model : {"local_triad_dynamics", "continuous", "landscape_myopic_moves"}) {
    const auto& res = d.at(model).at("result");
    EXPECT_EQ(res.at("runs"), 30) << model;
    std::uint64_t runs = 0;
    for (const auto& e : res.at("end_states")) runs += e.at("runs").get<std::uint64_t>();
    EXPECT_EQ(runs, 30u) << model;  // fewer than ten end states here, so all are listed
  }
}

}  // namespace
