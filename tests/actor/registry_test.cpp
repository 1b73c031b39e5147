#include "entente/actor/registry.hpp"

#include <gtest/gtest.h>

using entente::actor::LookupError;
using entente::actor::Registry;

namespace {

Registry small_registry() {
  return Registry(
      {{2, "USA", "United States of America"},
       {200, "UKG", "United Kingdom"},
       {255, "GMY", "Germany"},
       {260, "GFR", "German Federal Republic"},
       {305, "AUS", "Austria"},
       {365, "RUS", "Russia"},
       {710, "CHN", "China"},
       {816, "DRV", "Vietnam"},
       {900, "AUL", "Australia"}},
      {{2, "1816-01-01", "2016-12-31"},
       {255, "1816-01-01", "1945-05-08"},
       {255, "1990-10-03", "2016-12-31"},
       {260, "1955-05-05", "1990-10-02"},
       {365, "1816-01-01", "2016-12-31"},
       {710, "1860-10-25", "2016-12-31"},
       {816, "1954-07-21", "2016-12-31"}});
}

}  // namespace

TEST(Registry, FindsByCodeAbbreviationIso3NameAndAliasIgnoringCase) {
  const auto r = small_registry();
  EXPECT_EQ(r.find("365").ccode, 365);
  EXPECT_EQ(r.find("rus").ccode, 365);
  EXPECT_EQ(r.find("GBR").ccode, 200);  // ISO3
  EXPECT_EQ(r.find("VNM").ccode, 816);  // ISO3, the COW abbreviation is DRV
  EXPECT_EQ(r.find("united kingdom").ccode, 200);
  EXPECT_EQ(r.find("Soviet Union").ccode, 365);
  EXPECT_EQ(r.find("United States").ccode, 2);
  EXPECT_EQ(r.find("DEU").ccode, 255);
}

TEST(Registry, CowAbbreviationWinsOverTheSameIso3Code) {
  const auto r = small_registry();
  EXPECT_EQ(r.find("AUS").ccode, 305);  // COW Austria, not ISO Australia
  EXPECT_EQ(r.find("Australia").ccode, 900);
}

TEST(Registry, UnknownStateListsNearMatches) {
  const auto r = small_registry();
  try {
    (void)r.find("Rusia");
    FAIL() << "expected a LookupError";
  } catch (const LookupError& e) {
    ASSERT_FALSE(e.near_matches().empty());
    EXPECT_NE(e.near_matches().front().find("RUS (365, Russia)"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("did you mean"), std::string::npos);
  }
  EXPECT_THROW((void)r.find("999"), LookupError);
  EXPECT_THROW((void)r.find("Atlantis"), LookupError);
}

TEST(Registry, SpellsDecideMembershipAcrossExitAndReentry) {
  const auto r = small_registry();
  const auto& germany = r.find("GMY");
  ASSERT_EQ(germany.spells.size(), 2u);
  EXPECT_TRUE(germany.member_in(1945));
  EXPECT_FALSE(germany.member_in(1946));
  EXPECT_FALSE(germany.member_in(1989));
  EXPECT_TRUE(germany.member_in(1990));
  const auto members_1960 = r.members_in(1960);
  std::vector<int> codes;
  for (const auto* a : members_1960) codes.push_back(a->ccode);
  EXPECT_EQ(codes, (std::vector<int>{2, 260, 365, 710, 816}));
}
