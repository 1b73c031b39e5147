#include "entente/stance/stance.hpp"

#include <gtest/gtest.h>

#include "entente/evidence/records.hpp"
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
  y.treaties_covered = y.dca_covered = y.igos_covered = true;
  y.treaties_of.assign(2, {});
  y.igo_full.assign(2, {});
  y.igo_unknown.assign(2, {});
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

// A treaty binding both states of empty_year(), with this many members and obligations.
void add_treaty(entente::world::Year& y, int atopid, int members, std::uint8_t obligations) {
  y.treaties.push_back({atopid, 1976, members, obligations, 0});
  for (auto& of : y.treaties_of) of.push_back(static_cast<std::uint32_t>(y.treaties.size() - 1));
}

TEST(StanceV2, ASignatureOnALargeFrameworkIsNoPartnership) {
  auto y = empty_year();
  y.atop[1] = y.atop[2] = bit(Obligation::nonaggression);
  add_treaty(y, 3755, 30, bit(Obligation::nonaggression));
  auto s = classify(y, 0, 1, entente::stance::default_profile());
  EXPECT_EQ(s.relation, Relation::neutral);
  EXPECT_NE(s.rule.find("30 or more members"), std::string::npos) << s.rule;
  ASSERT_EQ(s.treaties.size(), 1u);
  EXPECT_EQ(s.treaties[0].atopid, 3755);
  // v1 counts it; so does v2 with no size limit.
  EXPECT_EQ(classify(y, 0, 1, entente::stance::profile_v1()).relation, Relation::entente);
  auto any_size = entente::stance::default_profile();
  any_size.max_treaty_members = 0;
  EXPECT_EQ(classify(y, 0, 1, any_size).relation, Relation::entente);
  // A bilateral treaty with the same obligation is a partnership.
  add_treaty(y, 4980, 2, bit(Obligation::nonaggression) | bit(Obligation::consultation));
  s = classify(y, 0, 1, entente::stance::default_profile());
  EXPECT_EQ(s.relation, Relation::entente);
  EXPECT_NE(s.rule.find("at most 10 members"), std::string::npos) << s.rule;
}

TEST(StanceV2, DefenseBindsWhateverTheSizeUnlessTheProfileSaysOtherwise) {
  auto y = empty_year();
  y.atop[1] = y.atop[2] = bit(Obligation::defense);
  add_treaty(y, 3180, 28, bit(Obligation::defense));  // NATO-sized
  EXPECT_EQ(classify(y, 0, 1, entente::stance::default_profile()).relation, Relation::alliance);
  auto strict = entente::stance::default_profile();
  strict.defense_any_size = false;
  EXPECT_EQ(classify(y, 0, 1, strict).relation, Relation::neutral);
}

TEST(StanceV2, AnUnidentifiedObligationStillCounts) {
  auto y = empty_year();  // the dyad-year file's obligation, no treaty of the member-level file behind it
  y.atop[1] = bit(Obligation::consultation);
  EXPECT_EQ(classify(y, 0, 1, entente::stance::default_profile()).relation, Relation::entente);
}

TEST(StanceV2, DefenseCooperationSecurityOrganisationsAndIdealPoints) {
  entente::stance::Facts f;
  f.atop_covered = f.treaties_covered = f.dca_covered = f.igos_covered = true;
  const auto v2 = entente::stance::default_profile();
  std::string rule;
  EXPECT_EQ(entente::stance::decide(f, v2, &rule), Relation::neutral);
  f.dca_sector = 3;  // sector agreements alone are not a partnership
  EXPECT_EQ(entente::stance::decide(f, v2), Relation::neutral);
  f.dca_general = 1;
  EXPECT_EQ(entente::stance::decide(f, v2, &rule), Relation::entente);
  EXPECT_NE(rule.find("defense cooperation"), std::string::npos) << rule;
  EXPECT_EQ(entente::stance::decide(f, entente::stance::profile_v1()), Relation::neutral);
  f.dca_general = 0;
  f.security_organisations = 1u << 6;  // sco
  EXPECT_EQ(entente::stance::decide(f, v2, &rule), Relation::entente);
  EXPECT_NE(rule.find("sco"), std::string::npos) << rule;
  f.dca_covered = false;
  f.security_organisations = 0;
  f.idealpoint_distance = 0.2;
  EXPECT_EQ(entente::stance::decide(f, v2, &rule), Relation::aligned);
  EXPECT_NE(rule.find("ideal points"), std::string::npos) << rule;
  f.idealpoint_distance = 1.5;
  EXPECT_EQ(entente::stance::decide(f, v2), Relation::neutral);
  f.agreement = 0.95;  // either measure decides: identical votes still align a distant pair
  f.joint_votes = 50;
  EXPECT_EQ(entente::stance::decide(f, v2, &rule), Relation::aligned);
  EXPECT_NE(rule.find("identical"), std::string::npos) << rule;
  EXPECT_EQ(entente::stance::decide(f, entente::stance::profile_v1()), Relation::aligned);
  f.agreement = 0.5;  // v1 ignores ideal points
  f.idealpoint_distance = 0.2;
  EXPECT_EQ(entente::stance::decide(f, entente::stance::profile_v1()), Relation::neutral);
}

TEST(Profile, ParsesTheV2Rules) {
  const auto p = entente::stance::parse_profile(
      "[rules]\nmax_treaty_members = 4\nsecurity_organisations = [\"nato\", \"csto\"]\n"
      "aligned_idealpoint_distance = 0.3\ngeneral_dca_is_entente = false\n",
      "v2.toml");
  EXPECT_EQ(p.max_treaty_members, 4);
  EXPECT_EQ(p.security_organisations, (1u << 0) | (1u << 7));
  EXPECT_DOUBLE_EQ(p.aligned_idealpoint_distance, 0.3);
  EXPECT_FALSE(p.general_dca_is_entente);
  try {
    (void)entente::stance::parse_profile("[rules]\nsecurity_organisations = [\"osce\"]\n", "bad.toml");
    FAIL() << "expected a ParseError";
  } catch (const entente::io::ParseError& e) {
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_NE(std::string(e.what()).find("nato"), std::string::npos) << e.what();
  }
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

void expect_same_profile(const entente::stance::Profile& file, const entente::stance::Profile& compiled) {
  EXPECT_EQ(file.name, compiled.name);
  for (int r = 0; r < 6; ++r) EXPECT_DOUBLE_EQ(file.weight[r], compiled.weight[r]) << r;
  EXPECT_EQ(file.treaties, compiled.treaties);
  EXPECT_EQ(file.rivalries, compiled.rivalries);
  EXPECT_EQ(file.hostile_hostility, compiled.hostile_hostility);
  EXPECT_EQ(file.hostile_needs_reciprocation_or_deaths, compiled.hostile_needs_reciprocation_or_deaths);
  EXPECT_EQ(file.max_treaty_members, compiled.max_treaty_members);
  EXPECT_EQ(file.defense_any_size, compiled.defense_any_size);
  EXPECT_EQ(file.general_dca_is_entente, compiled.general_dca_is_entente);
  EXPECT_EQ(file.security_organisations, compiled.security_organisations);
  EXPECT_DOUBLE_EQ(file.aligned_idealpoint_distance, compiled.aligned_idealpoint_distance);
  EXPECT_DOUBLE_EQ(file.aligned_agreement, compiled.aligned_agreement);
  EXPECT_EQ(file.aligned_min_votes, compiled.aligned_min_votes);
}

TEST(Profile, TheShippedFilesEqualTheCompiledProfiles) {
  expect_same_profile(entente::stance::load_profile(ENTENTE_TEST_SOURCE_DIR "/data/profiles/default.toml"),
                      entente::stance::default_profile());
  expect_same_profile(entente::stance::load_profile(ENTENTE_TEST_SOURCE_DIR "/data/profiles/v1.toml"),
                      entente::stance::profile_v1());
  expect_same_profile(entente::stance::resolve_profile("v1"), entente::stance::profile_v1());
  expect_same_profile(entente::stance::resolve_profile("v2"), entente::stance::default_profile());
}
