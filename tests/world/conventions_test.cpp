// The dyad-year universe and the contiguity rule (world/conventions.hpp) on a tiny synthetic
// state system whose spells and contiguity periods are chosen to sit on the edges of the rules.
#include "entente/world/conventions.hpp"

#include <gtest/gtest.h>

#include <set>
#include <tuple>
#include <utility>

#include "entente/actor/registry.hpp"
#include "entente/dyads/dyad_years.hpp"
#include "entente/io/importers.hpp"
#include "entente/states/state_years.hpp"
#include "entente/store/store.hpp"
#include "entente/world/panel.hpp"
#include "entente/world/source.hpp"
#include "test_support.hpp"

namespace world = entente::world;
using world::ContiguityRule;
using world::Universe;

namespace {

// 10 lives through the century. 20 leaves on 30 June 1950 and 30 enters the next day (a
// successor, never a member on the same day as 20). 40 is a member from 30 June 1950 to the end
// of 1950: one common day with 20, and the rest of the year with 30.
constexpr const char* kStates =
    "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
    "AAA,10,Aland,1900,1,1,2000,12,31,2016\n"
    "BBB,20,Bland,1900,1,1,1950,6,30,2016\n"
    "CCC,30,Cland,1950,7,1,2000,12,31,2016\n"
    "DDD,40,Dland,1950,6,30,1950,12,31,2016\n";

// 10-30: a type-0 filler over the whole century, water contiguity (2) from July 1955 and land
// contiguity (1) from April 1960. 10-40: within 150 miles of water (3) from June 1950, the month 40
// entered. Both directions, as COW lists them.
constexpr const char* kContiguity =
    "ccode1,ccode2,conttype,stdate,enddate\n"
    "10,30,0,1900-01-01,2000-12-01\n"
    "10,30,2,1955-07-01,1960-03-01\n"
    "10,30,1,1960-04-01,2000-12-01\n"
    "10,40,3,1950-06-01,1950-12-01\n"
    "30,10,0,1900-01-01,2000-12-01\n"
    "30,10,2,1955-07-01,1960-03-01\n"
    "30,10,1,1960-04-01,2000-12-01\n"
    "40,10,3,1950-06-01,1950-12-01\n";

world::Source synthetic_source() {
  entente::testing::TempDir dir;
  auto store = entente::store::Store::in_memory();
  store.apply({entente::io::read_provider_file(dir.write("states2016.csv", kStates)),
               entente::io::read_provider_file(dir.write("cow_contdir_v3.2_directed_periods.csv", kContiguity))});
  entente::actor::Registry registry(store.actors(), store.spells());
  return world::Source{std::move(store), std::move(registry), "synthetic"};
}

std::set<std::pair<int, int>> dyads_of(const world::Source& source, int year, Universe universe) {
  entente::dyads::Request req;
  req.from = req.to = year;
  req.conventions.universe = universe;
  std::set<std::pair<int, int>> out;
  entente::dyads::build(source, req, [&](const entente::dyads::YearRows& y) {
    for (std::size_t r = 0; r < y.ccode1.size(); ++r) out.insert({y.ccode1[r], y.ccode2[r]});
  });
  return out;
}

int conttype(const world::Source& source, int year, ContiguityRule rule, int a = 10, int b = 30) {
  world::PanelLayers layers;
  layers.contiguity = true;
  const world::Panel panel(source, year, year, layers, {Universe::simultaneous, rule});
  const auto y = panel.year(year);
  const int i = y.index(a), j = y.index(b);
  EXPECT_TRUE(y.contiguity_covered);
  EXPECT_GE(i, 0);
  EXPECT_GE(j, 0);
  return y.conttype[static_cast<std::size_t>(i) * y.n() + static_cast<std::size_t>(j)];
}

}  // namespace

TEST(Conventions, NamesRoundTrip) {
  EXPECT_EQ(world::universe_by_name("simultaneous"), Universe::simultaneous);
  EXPECT_EQ(world::universe_by_name("any"), Universe::any);
  EXPECT_FALSE(world::universe_by_name("all"));
  EXPECT_EQ(world::universe_name(Universe::any), "any");
  EXPECT_EQ(world::contiguity_rule_by_name("january"), ContiguityRule::january);
  EXPECT_EQ(world::contiguity_rule_name(ContiguityRule::closest), "closest");
  EXPECT_FALSE(world::contiguity_rule_by_name("first"));
}

TEST(Conventions, MemberDaysAreClippedToTheYear) {
  const auto source = synthetic_source();
  const auto& d = source.registry.find("DDD");
  EXPECT_EQ(d.days_in(1950), (std::vector<std::pair<int, int>>{{19500630, 19501231}}));
  EXPECT_TRUE(d.days_in(1951).empty());
  EXPECT_EQ(source.registry.find("BBB").days_in(1950), (std::vector<std::pair<int, int>>{{19500101, 19500630}}));
}

TEST(Conventions, SimultaneousUniverseDropsPairsWithoutACommonDay) {
  const auto source = synthetic_source();
  // 1950: four members, six pairs; 20 and 30 never were members on the same day.
  const std::set<std::pair<int, int>> simultaneous{{10, 20}, {10, 30}, {10, 40}, {20, 40}, {30, 40}};
  EXPECT_EQ(dyads_of(source, 1950, Universe::simultaneous), simultaneous);
  auto any = simultaneous;
  any.insert({20, 30});
  EXPECT_EQ(dyads_of(source, 1950, Universe::any), any);
  // A year with no changes is the same under both.
  EXPECT_EQ(dyads_of(source, 1951, Universe::simultaneous), (std::set<std::pair<int, int>>{{10, 30}}));
  EXPECT_EQ(dyads_of(source, 1951, Universe::any), (std::set<std::pair<int, int>>{{10, 30}}));

  // The panel's Year answers the same question for every model.
  world::PanelLayers none;
  none.alliances = none.capabilities = none.majors = false;
  const world::Panel panel(source, 1950, 1950, none);
  const auto y = panel.year(1950);
  ASSERT_EQ(y.ccodes, (std::vector<int>{10, 20, 30, 40}));
  EXPECT_FALSE(y.in_universe(1, 2));
  EXPECT_TRUE(y.in_universe(1, 3));  // 30 June 1950, the one common day
  EXPECT_TRUE(y.in_universe(2, 3));
  const world::Panel any_panel(source, 1950, 1950, none, {Universe::any, ContiguityRule::closest});
  EXPECT_TRUE(any_panel.year(1950).in_universe(1, 2));
}

TEST(Conventions, ContiguityRulesAndTypeZeroFillers) {
  const auto source = synthetic_source();
  using R = ContiguityRule;
  // 1950: only the type-0 filler, under both rules.
  EXPECT_EQ(conttype(source, 1950, R::closest), 0);
  EXPECT_EQ(conttype(source, 1950, R::january), 0);
  // 1955: water contiguity from July; on 1 January only the filler was in force.
  EXPECT_EQ(conttype(source, 1955, R::closest), 2);
  EXPECT_EQ(conttype(source, 1955, R::january), 0);
  // 1956: the filler overlaps type 2 all year and never overrides it.
  EXPECT_EQ(conttype(source, 1956, R::closest), 2);
  EXPECT_EQ(conttype(source, 1956, R::january), 2);
  // 1960: land from April; type 2 was in force in January.
  EXPECT_EQ(conttype(source, 1960, R::closest), 1);
  EXPECT_EQ(conttype(source, 1960, R::january), 2);
  EXPECT_EQ(conttype(source, 1961, R::january), 1);
  // A state that entered during the year: its year starts in the month it entered (June 1950).
  EXPECT_EQ(conttype(source, 1950, R::closest, 10, 40), 3);
  EXPECT_EQ(conttype(source, 1950, R::january, 10, 40), 3);
}

TEST(Conventions, StateYearsAreTheSameUnderBothUniverses) {
  const auto source = synthetic_source();
  for (auto universe : {Universe::simultaneous, Universe::any}) {
    entente::states::Request req;
    req.from = req.to = 1950;
    req.universe = universe;
    std::vector<int> ccodes;
    entente::states::build(source, req, [](const std::vector<std::string>&) {},
                           [&](int ccode, int, const std::vector<double>&) { ccodes.push_back(ccode); });
    EXPECT_EQ(ccodes, (std::vector<int>{10, 20, 30, 40}));
  }
}
