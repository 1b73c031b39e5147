#include "entente/stance/stance.hpp"

#include <gtest/gtest.h>

#include "entente/io/parse_error.hpp"

using entente::evidence::Obligation;
using entente::stance::classify;
using entente::stance::Relation;

namespace {

constexpr std::uint8_t bit(Obligation o) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(o)); }

// A two-state year with every layer covered and nothing in it.
entente::world::Year empty_year() {
  entente::world::Year y;
  y.year = 2000;
  y.ccodes = {365, 710};
  y.in_scope = {1, 1};
  y.cinc = {0.05, 0.15};
  y.atop_covered = y.cow_covered = y.disputes_covered = y.tss_covered = y.td_covered = y.wars_covered = true;
  for (auto* m : {&y.atop, &y.cow, &y.mid_onset, &y.mid_ongoing, &y.mid_hostlev, &y.mid_fatality, &y.mid_recip,
                  &y.rival_tss, &y.rival_td, &y.war})
    m->assign(4, 0);
  return y;
}

}  // namespace

TEST(Stance, NothingIsNeutral) {
  const auto s = classify(empty_year(), 0, 1, entente::stance::default_profile());
  EXPECT_EQ(s.relation, Relation::neutral);
  EXPECT_EQ(s.weight, 0.0);
  EXPECT_EQ(s.missing, std::vector<std::string>{"UN votes"});
}

TEST(Stance, TreatiesMakeAlliancesAndEntentesEvenWhenOneSided) {
  auto y = empty_year();
  y.atop[0 * 2 + 1] = bit(Obligation::defense);  // only 365 promised 710 defense
  EXPECT_EQ(classify(y, 0, 1, {}).relation, Relation::alliance);
  EXPECT_EQ(classify(y, 1, 0, {}).relation, Relation::alliance);  // symmetric
  y.atop[1] = bit(Obligation::nonaggression) | bit(Obligation::consultation);
  const auto s = classify(y, 0, 1, {});
  EXPECT_EQ(s.relation, Relation::entente);
  EXPECT_DOUBLE_EQ(s.weight, 0.5);
}

TEST(Stance, FightingOutranksPaperAndRivalryOutranksTreaties) {
  auto y = empty_year();
  y.atop[1] = y.atop[2] = bit(Obligation::defense);
  // A one-sided incident at the use-of-force level does not undo the alliance...
  y.mid_hostlev[1] = y.mid_hostlev[2] = 4;
  EXPECT_EQ(classify(y, 0, 1, {}).relation, Relation::alliance);
  // ...a reciprocated one does (the 1969 Ussuri clashes under the 1950 treaty).
  y.mid_recip[1] = y.mid_recip[2] = 1;
  auto s = classify(y, 0, 1, {});
  EXPECT_EQ(s.relation, Relation::hostile);
  EXPECT_DOUBLE_EQ(s.weight, -1.0);
  // A deadly one does too.
  y.mid_recip[1] = y.mid_recip[2] = 0;
  y.mid_fatality[1] = y.mid_fatality[2] = 1;
  EXPECT_EQ(classify(y, 0, 1, {}).relation, Relation::hostile);
  // Without the dispute, a rivalry outweighs the treaty on paper, and says so.
  y.mid_hostlev.assign(4, 0);
  y.mid_fatality.assign(4, 0);
  y.rival_tss[1] = y.rival_tss[2] = 1;
  s = classify(y, 0, 1, {});
  EXPECT_EQ(s.relation, Relation::rival);
  EXPECT_NE(s.rule.find("outweighs the treaty"), std::string::npos);
  // A war is hostility whatever else.
  y.war[1] = y.war[2] = 1;
  EXPECT_EQ(classify(y, 0, 1, {}).relation, Relation::hostile);
}

TEST(Stance, CloseUnVotingWithoutATreatyIsAlignment) {
  auto y = empty_year();
  y.rollcalls = 12;
  y.votes_covered = true;
  y.votes.assign(2 * 12, 1);  // both vote yes on all twelve
  EXPECT_EQ(classify(y, 0, 1, {}).relation, Relation::aligned);
  y.rollcalls = 5;  // too few joint votes to say
  y.votes.assign(2 * 5, 1);
  EXPECT_EQ(classify(y, 0, 1, {}).relation, Relation::neutral);
}

TEST(Stance, MissingLayersAreListed) {
  auto y = empty_year();
  y.atop_covered = y.wars_covered = false;
  const auto s = classify(y, 0, 1, {});
  EXPECT_NE(std::find(s.missing.begin(), s.missing.end(), "ATOP obligations"), s.missing.end());
  EXPECT_NE(std::find(s.missing.begin(), s.missing.end(), "COW wars"), s.missing.end());
}

TEST(Profile, ParsesWeightsAndRules) {
  const auto p = entente::stance::parse_profile(
      "name = \"hawkish\"\n[weights]\nrival = -0.9\n[rules]\ntreaties = \"atop\"\naligned_agreement = 0.9\n",
      "hawkish.toml");
  EXPECT_EQ(p.name, "hawkish");
  EXPECT_DOUBLE_EQ(p.weight[static_cast<int>(Relation::rival)], -0.9);
  EXPECT_DOUBLE_EQ(p.weight[static_cast<int>(Relation::alliance)], 0.9);  // unchanged default
  EXPECT_EQ(p.treaties, entente::stance::Source::atop);
  EXPECT_DOUBLE_EQ(p.aligned_agreement, 0.9);
}

TEST(Profile, ErrorsNameFileLineAndColumn) {
  try {
    (void)entente::stance::parse_profile("name = \"x\"\n[weights]\nrival = -3\n", "bad.toml");
    FAIL() << "expected a ParseError";
  } catch (const entente::io::ParseError& e) {
    EXPECT_EQ(e.where().file, "bad.toml");
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_NE(std::string(e.what()).find("a weight between -1 and 1"), std::string::npos) << e.what();
  }
  try {
    (void)entente::stance::parse_profile("[rules]\nhostile_hostility = 4\nfavourite_colour = \"red\"\n", "bad.toml");
    FAIL() << "expected a ParseError";
  } catch (const entente::io::ParseError& e) {
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_NE(std::string(e.what()).find("a known rule"), std::string::npos) << e.what();
  }
  try {
    (void)entente::stance::parse_profile("name = \n", "syntax.toml");
    FAIL() << "expected a ParseError";
  } catch (const entente::io::ParseError& e) {
    EXPECT_EQ(e.where().line, 1u);
  }
}

TEST(Profile, TheShippedDefaultFileEqualsTheCompiledDefault) {
  const auto file = entente::stance::load_profile(ENTENTE_TEST_SOURCE_DIR "/data/profiles/default.toml");
  const auto compiled = entente::stance::default_profile();
  for (int r = 0; r < 6; ++r) EXPECT_DOUBLE_EQ(file.weight[r], compiled.weight[r]) << r;
  EXPECT_EQ(file.treaties, compiled.treaties);
  EXPECT_EQ(file.rivalries, compiled.rivalries);
  EXPECT_EQ(file.hostile_hostility, compiled.hostile_hostility);
  EXPECT_EQ(file.hostile_needs_reciprocation_or_deaths, compiled.hostile_needs_reciprocation_or_deaths);
  EXPECT_DOUBLE_EQ(file.aligned_agreement, compiled.aligned_agreement);
  EXPECT_EQ(file.aligned_min_votes, compiled.aligned_min_votes);
}
