// Importers on the reference files: row counts and spot facts from ../shared/data/README.md,
// and strict errors on bad input.
#include "entente/io/importers.hpp"
#include "entente/io/table_spec.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "test_support.hpp"

using entente::evidence::AllianceYear;
using entente::evidence::ImportBatch;
using entente::evidence::Obligation;
using entente::io::Format;
using entente::io::ParseError;
using entente::io::read_provider_file;
using entente::testing::shared_data;

namespace {

// Directed rows indexed by (from, to, year).
std::map<std::tuple<int, int, int>, AllianceYear> index(const ImportBatch& b) {
  std::map<std::tuple<int, int, int>, AllianceYear> m;
  for (const auto& r : b.alliances) m[{r.from, r.to, r.year}] = r;
  return m;
}

bool has(const std::map<std::tuple<int, int, int>, AllianceYear>& m, int a, int b, int y, Obligation o) {
  auto it = m.find({a, b, y});
  return it != m.end() && it->second.has(o).value_or(false);
}

const ImportBatch& atop() {
  static const ImportBatch batch = [] {
    auto first = read_provider_file(shared_data() / "atop/atop_v5.1_ddyr_part1_ccode1_lt_ccode2.csv");
    auto second = read_provider_file(shared_data() / "atop/atop_v5.1_ddyr_part2_ccode1_gt_ccode2.csv");
    first.alliances.insert(first.alliances.end(), second.alliances.begin(), second.alliances.end());
    return first;
  }();
  return batch;
}

}  // namespace

TEST(CowStates, SpellsActorsAndCoverage) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto b = read_provider_file(shared_data() / "cow_states/states2016.csv");
  EXPECT_EQ(b.provenance.dataset, "cow_states");
  EXPECT_EQ(b.provenance.version, "2016");
  EXPECT_EQ(b.provenance.row_count, 243);
  EXPECT_EQ(b.spells.size(), 243u);
  EXPECT_EQ(b.actors.size(), 217u);
  EXPECT_EQ(b.coverage.first_year, 1816);
  EXPECT_EQ(b.coverage.last_year, 2016);
  EXPECT_EQ(b.provenance.sha256.size(), 64u);
  int germany = 0;
  for (const auto& s : b.spells) germany += s.ccode == 255;
  EXPECT_EQ(germany, 2);  // left in 1945, re-entered in 1990
}

TEST(CowAlliance, MemberYearlyKeepsTreatiesAndTypes) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto b = read_provider_file(shared_data() / "cow_alliance/alliance_v4.1_by_member_yearly.csv");
  EXPECT_EQ(b.provenance.dataset, "cow_alliance");
  EXPECT_EQ(b.provenance.version, "4.1");
  EXPECT_EQ(b.provenance.row_count, 21315);
  EXPECT_EQ(b.coverage.first_year, 1816);
  EXPECT_EQ(b.coverage.last_year, 2012);
  const auto m = index(b);
  // Russia-China: treaty 229 (1950-1980) a defense pact; 389 (1996-2012) non-aggression + entente.
  const auto& y1969 = m.at({365, 710, 1969});
  EXPECT_EQ(y1969.treaties, std::vector<int>{229});
  EXPECT_TRUE(*y1969.has(Obligation::defense));
  EXPECT_FALSE(m.count({365, 710, 1985}));
  const auto& y2012 = m.at({365, 710, 2012});
  EXPECT_EQ(y2012.treaties, std::vector<int>{389});
  EXPECT_FALSE(*y2012.has(Obligation::defense));
  EXPECT_TRUE(*y2012.has(Obligation::nonaggression));
  EXPECT_TRUE(*y2012.has(Obligation::entente));
  EXPECT_EQ(y2012.has(Obligation::offense), std::nullopt);       // COW does not code it
  EXPECT_EQ(y2012.has(Obligation::consultation), std::nullopt);  // nor this
  // USA-UK 1949-2012: defense + non-aggression + entente (NATO, version4id 227).
  for (int y : {1949, 1980, 2012}) {
    EXPECT_TRUE(has(m, 2, 200, y, Obligation::defense)) << y;
    EXPECT_TRUE(has(m, 2, 200, y, Obligation::nonaggression)) << y;
    EXPECT_TRUE(has(m, 2, 200, y, Obligation::entente)) << y;
  }
  const auto& nato = m.at({2, 200, 1950}).treaties;
  EXPECT_NE(std::find(nato.begin(), nato.end(), 227), nato.end());
  // The UK-France entente appears only from 1907.
  EXPECT_FALSE(has(m, 200, 220, 1906, Obligation::entente));
  EXPECT_TRUE(has(m, 200, 220, 1907, Obligation::entente));
}

TEST(CowAlliance, MemberYearlyAgreesWithTheUndirectedDyadYearFile) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto members = read_provider_file(shared_data() / "cow_alliance/alliance_v4.1_by_member_yearly.csv");
  const auto dyads = read_provider_file(shared_data() / "cow_alliance/cow_alliance_v4.1_dyad_year_undirected.csv");
  EXPECT_EQ(dyads.provenance.row_count, 60392);
  EXPECT_EQ(dyads.alliances.size(), 2u * 60392u);
  // Undirected view of the member-yearly derivation: an obligation held in either direction.
  std::map<std::tuple<int, int, int>, std::array<bool, 4>> derived;
  for (const auto& r : members.alliances) {
    auto& v = derived[{std::min(r.from, r.to), std::max(r.from, r.to), r.year}];
    v[0] = v[0] || r.has(Obligation::defense).value_or(false);
    v[1] = v[1] || r.has(Obligation::neutrality).value_or(false);
    v[2] = v[2] || r.has(Obligation::nonaggression).value_or(false);
    v[3] = v[3] || r.has(Obligation::entente).value_or(false);
  }
  std::size_t compared = 0, equal = 0;
  for (const auto& r : dyads.alliances) {
    if (r.from > r.to) continue;
    auto it = derived.find({r.from, r.to, r.year});
    ++compared;
    if (it == derived.end()) continue;
    const std::array<bool, 4> file{*r.has(Obligation::defense), *r.has(Obligation::neutrality),
                                   *r.has(Obligation::nonaggression), *r.has(Obligation::entente)};
    equal += file == it->second;
  }
  // COW's member-level flags and its dyad-level file disagree on some obligations, mostly
  // non-aggression within defense pacts (1,524 dyad-years), so the two views agree on 58,706 of
  // 60,392 dyad-years; the member-yearly file also has 5 dyad-years (Egypt with the two Yemens,
  // 1982-) that the dyad file lacks. Counts checked by an independent script over both files.
  EXPECT_EQ(compared, 60392u);
  EXPECT_EQ(derived.size(), 60397u);
  EXPECT_EQ(equal, 58706u);
}

TEST(Atop, DirectedObligationsAndSpotFacts) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto& b = atop();
  EXPECT_EQ(b.provenance.dataset, "atop");
  EXPECT_EQ(b.provenance.version, "5.1");
  EXPECT_EQ(b.alliances.size(), 2u * 136648u);
  const auto m = index(b);
  // Russia-China: non-aggression (from 1992 in v5.1), consultation added from 2001, no defense.
  EXPECT_FALSE(has(m, 365, 710, 1991, Obligation::nonaggression));
  EXPECT_TRUE(has(m, 365, 710, 1995, Obligation::nonaggression));
  EXPECT_FALSE(has(m, 365, 710, 2000, Obligation::consultation));
  for (int y = 2001; y <= 2018; ++y) {
    EXPECT_TRUE(has(m, 365, 710, y, Obligation::consultation)) << y;
    EXPECT_TRUE(has(m, 710, 365, y, Obligation::nonaggression)) << y;
    EXPECT_FALSE(has(m, 365, 710, y, Obligation::defense)) << y;
  }
  // The 1950 treaty: defense both ways.
  EXPECT_TRUE(has(m, 365, 710, 1969, Obligation::defense));
  // One-way: the USA promised Iran defense from 1959; Iran promised none back.
  EXPECT_TRUE(has(m, 2, 630, 1959, Obligation::defense));
  EXPECT_FALSE(has(m, 630, 2, 1959, Obligation::defense));
  // ATOP does not code COW's "entente": missing, not zero.
  EXPECT_EQ(m.at({365, 710, 2012}).has(Obligation::entente), std::nullopt);
  // Rows whose defense obligation differs from the reverse direction's: the README's 984, that
  // is 492 dyad-years where only one side promised defense.
  std::size_t differs = 0;
  for (const auto& [k, r] : m) {
    auto back = m.find({std::get<1>(k), std::get<0>(k), std::get<2>(k)});
    const bool there = r.has(Obligation::defense).value_or(false);
    const bool back_there = back != m.end() && back->second.has(Obligation::defense).value_or(false);
    differs += there != back_there;
  }
  EXPECT_EQ(differs, 984u);
}

TEST(Nmc, BothLayoutsReadMissingAsMissing) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto v6 = read_provider_file(shared_data() / "cow_nmc/NMC-60-abridged.csv");
  const auto v7 = read_provider_file(shared_data() / "cow_nmc/cow_nmc_v7.0_abridged_peacesciencer.csv");
  EXPECT_EQ(v6.provenance.version, "6.0");
  EXPECT_EQ(v7.provenance.version, "7.0");
  EXPECT_EQ(v6.coverage.last_year, 2016);
  EXPECT_EQ(v7.coverage.last_year, 2022);
  auto find = [](const ImportBatch& b, int ccode, int year) {
    for (const auto& c : b.capabilities)
      if (c.ccode == ccode && c.year == year) return c;
    throw std::runtime_error("no such state-year");
  };
  // The first USA row of both: 1816, CINC 0.039697491.
  EXPECT_DOUBLE_EQ(*find(v6, 2, 1816).cinc, 0.039697491);
  EXPECT_DOUBLE_EQ(*find(v7, 2, 1816).cinc, 0.039697491);
  std::size_t missing6 = 0, missing7 = 0;
  for (const auto& c : v6.capabilities) missing6 += !c.milex || !c.milper || !c.irst || !c.pec || !c.tpop || !c.upop;
  for (const auto& c : v7.capabilities) missing7 += !c.milex || !c.milper || !c.irst || !c.pec || !c.tpop || !c.upop;
  EXPECT_GT(missing6, 0u);  // −9 read as missing
  EXPECT_GT(missing7, 0u);  // empty read as missing
  for (const auto& c : v6.capabilities) {
    if (c.milex) {
      EXPECT_GE(*c.milex, 0) << c.ccode << " " << c.year;
    }
  }
}

TEST(Importers, DetectFormatRejectsUnknownHeaders) {
  try {
    (void)entente::io::detect_format("x.csv", "foo,bar\n1,2\n");
    FAIL() << "expected a ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 1u);
    EXPECT_NE(std::string(e.what()).find("atop-ddyr"), std::string::npos);
  }
}

TEST(Importers, BadRowsNameFileLineColumn) {
  const std::string header = "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n";
  try {
    (void)entente::io::parse(Format::atop_ddyr, "atop.csv", header + "2,20,1949,1,0,0,0,0\n2,20,1950,2,0,0,0,0\n");
    FAIL() << "expected a ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()), "atop.csv:3:11: found \"2\", expected 0 or 1 in column 'atop_defense'");
  }
  EXPECT_THROW((void)entente::io::parse(Format::atop_ddyr, "atop.csv", header + "2,2,1949,1,0,0,0,0\n"), ParseError);
  EXPECT_THROW((void)entente::io::parse(Format::nmc_v7, "nmc.csv",
                                        "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,1816,1,1,1,1,1,1,1.5\n"),
               ParseError);
  EXPECT_THROW((void)entente::io::parse(Format::cow_states, "s.csv",
                                        "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\n"
                                        "USA,2,United States,1816,1,1,1815,12,31\n"),
               ParseError);
}

TEST(Importers, DuplicateStateYearIsAnError) {
  EXPECT_THROW((void)entente::io::parse(Format::nmc_v7, "nmc.csv",
                                        "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n"
                                        "2,1816,1,1,1,1,1,1,0.1\n2,1816,1,1,1,1,1,1,0.1\n"),
               ParseError);
}

namespace {

// The numbers of a store column of a table batch, by name.
const std::vector<double>& column(const ImportBatch& b, std::string_view name) {
  for (std::size_t i = 0; i < b.table.spec->columns.size(); ++i)
    if (b.table.spec->columns[i].name == name) return b.table.numbers[i];
  throw std::out_of_range(std::string(name));
}

}  // namespace

TEST(AtopTreaties, MemberLevelExitZeroIsStillInEffectNotYearZero) {
  const std::string text =
      "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,maxphase,bilat,ineffect,defense,offense,neutral,"
      "nonagg,consul,active,conditio,cowid,cow4id\n"
      "4980,365,2001,7,16,0,0,0,0,0,1,1,0,0,0,1,1,0,0,,\n"
      "3015,8152,1945,3,22,1979,3,31,0,0,0,0,1,0,0,1,1,0,1,2048,\n";
  EXPECT_EQ(entente::io::detect_reader("m.csv", text), "atop-members");
  const auto b = entente::io::parse_with("atop-members", "m.csv", text);
  ASSERT_EQ(b.table.rows, 2u);
  EXPECT_TRUE(std::isnan(column(b, "yrexit")[0]));
  EXPECT_EQ(column(b, "yrexit")[1], 1979);
  EXPECT_EQ(column(b, "member")[1], 8152);  // ATOP codes outside the COW system are kept
  EXPECT_EQ(b.coverage.first_year, 1945);
  EXPECT_EQ(b.coverage.last_year, 1979);
}

TEST(AtopTreaties, InstitutionPhasesReadThroughTheFloatNoise) {
  const std::string text = "atopid,atopidphase,milinst,formal,version\n4810,4810.1001,0,0,5.0999999\n"
                           "4810,4810.2002,0,1,5.0999999\n2145,2145.2998,1,1,5.0999999\n4980,4980,,1,5.0999999\n";
  EXPECT_EQ(entente::io::detect_reader("i.csv", text), "atop-institutions");
  const auto b = entente::io::parse_with("atop-institutions", "i.csv", text);
  EXPECT_EQ(column(b, "phase"), (std::vector<double>{1, 2, 3, 0}));
  EXPECT_TRUE(std::isnan(column(b, "milinst")[3]));
  try {
    (void)entente::io::parse_with("atop-institutions", "i.csv", "atopid,atopidphase,milinst,formal\n4810,phase two,0,0\n");
    FAIL() << "expected a ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.where().column, 6u);  // the character where the bad cell starts
    EXPECT_NE(std::string(e.what()).find("an ATOP treaty phase id"), std::string::npos) << e.what();
  }
}

TEST(AtopTreaties, ReferenceFilesReadWhole) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto members = read_provider_file(shared_data() / "atop" / "atop5_1m.csv");
  EXPECT_EQ(members.provenance.dataset, "atop_members");
  EXPECT_EQ(members.provenance.version, "5.1");
  EXPECT_EQ(members.table.rows, 2510u);
  const auto alliances = read_provider_file(shared_data() / "atop" / "atop5_1a.csv");
  EXPECT_EQ(alliances.table.rows, 789u);
  const auto institutions = read_provider_file(shared_data() / "atop" / "atopinst5_1.csv");
  EXPECT_EQ(institutions.table.rows, 849u);
}
