#include "entente/store/store.hpp"

#include <gtest/gtest.h>

#include <array>

#include "entente/io/import_plan.hpp"
#include "entente/io/importers.hpp"
#include "test_support.hpp"

using entente::evidence::ImportBatch;
using entente::io::Format;
using entente::store::Store;
using entente::testing::file_sha256;
using entente::testing::TempDir;

namespace {

const char* kStates =
    "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
    "USA,2,United States of America,1816,1,1,2016,12,31,2016\n"
    "RUS,365,Russia,1816,1,1,2016,12,31,2016\n"
    "CHN,710,China,1860,10,25,2016,12,31,2016\n";
const char* kAtopHeader = "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n";

ImportBatch batch(Format f, const std::string& name, const std::string& text, const std::string& sha,
                  const std::string& version) {
  auto b = entente::io::parse(f, name, text);
  b.provenance.dataset = std::string(entente::io::format_info(f).dataset);
  b.provenance.version = version;
  b.provenance.file_name = name;
  b.provenance.sha256 = sha;
  b.provenance.imported_at = "2026-01-01T00:00:00Z";
  b.coverage.dataset = b.provenance.dataset;
  b.coverage.version = version;
  b.provenance.layout = b.coverage.layout = std::string(entente::io::format_info(f).name);
  return b;
}

}  // namespace

TEST(Store, ImportsAndReadsBack) {
  TempDir tmp;
  auto store = Store::open(tmp / "s.db");
  const auto states = batch(Format::cow_states, "states.csv", kStates, "a1", "2016");
  const auto atop = batch(Format::atop_ddyr, "atop.csv",
                          std::string(kAtopHeader) + "365,710,2001,0,0,0,1,1\n710,365,2001,0,0,0,1,1\n", "b2", "5.1");
  const auto outcomes = store.apply({states, atop});
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_FALSE(outcomes[0].skipped);
  EXPECT_EQ(store.actors().size(), 3u);
  EXPECT_EQ(store.spells().size(), 3u);
  const auto rows = store.alliances_between(710, 365, 2000, 2010);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(*rows[0].has(entente::evidence::Obligation::consultation));
  EXPECT_EQ(rows[0].has(entente::evidence::Obligation::entente), std::nullopt);
  const auto cov = store.coverage();
  ASSERT_EQ(cov.size(), 2u);
  EXPECT_EQ(cov[0].dataset, "atop");
  EXPECT_EQ(cov[0].first_year, 2001);
  EXPECT_EQ(store.provenance().size(), 2u);
}

TEST(Store, SameFileTwiceChangesNothing) {
  TempDir tmp;
  const auto path = tmp / "s.db";
  const auto states = batch(Format::cow_states, "states.csv", kStates, "a1", "2016");
  {
    auto store = Store::open(path);
    store.apply({states});
  }
  const auto before = file_sha256(path);
  {
    auto store = Store::open(path);
    const auto outcomes = store.apply({states});
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_TRUE(outcomes[0].skipped);
  }
  EXPECT_EQ(file_sha256(path), before);
}

TEST(Store, FailedImportLeavesTheFileByteForByteUnchanged) {
  TempDir tmp;
  const auto path = tmp / "s.db";
  {
    auto store = Store::open(path);
    store.apply({batch(Format::cow_states, "states.csv", kStates, "a1", "2016")});
  }
  const auto before = file_sha256(path);
  {
    auto store = Store::open(path);
    // Two versions of one dataset in one import is refused before anything is written.
    const auto v51 = batch(Format::atop_ddyr, "a.csv", std::string(kAtopHeader) + "2,20,1950,1,0,0,0,0\n", "c3", "5.1");
    const auto v50 = batch(Format::atop_ddyr, "b.csv", std::string(kAtopHeader) + "2,20,1951,1,0,0,0,0\n", "d4", "5.0");
    EXPECT_THROW(store.apply({v51, v50}), std::runtime_error);
    EXPECT_EQ(store.counts().alliance_rows, 0);
  }
  EXPECT_EQ(file_sha256(path), before);
}

TEST(Store, NewVersionReplacesTheOldOne) {
  TempDir tmp;
  auto store = Store::open(tmp / "s.db");
  store.apply({batch(Format::atop_ddyr, "a.csv", std::string(kAtopHeader) + "2,20,1950,1,0,0,0,0\n", "c3", "5.0")});
  store.apply({batch(Format::atop_ddyr, "b.csv", std::string(kAtopHeader) + "2,20,1960,1,0,0,0,0\n", "d4", "5.1")});
  EXPECT_EQ(store.alliances_between(2, 20, 1900, 2000).size(), 1u);
  ASSERT_EQ(store.coverage().size(), 1u);
  EXPECT_EQ(store.coverage()[0].version, "5.1");
  EXPECT_EQ(store.coverage()[0].first_year, 1960);
  ASSERT_EQ(store.provenance().size(), 1u);  // the replaced version's file is no longer on record
  EXPECT_EQ(store.provenance()[0].version, "5.1");
}

TEST(Store, AnotherLayoutOfTheSameDatasetReplacesTheFirst) {
  TempDir tmp;
  auto store = Store::open(tmp / "s.db");
  const auto old_layout = batch(Format::cow_alliance_member_yearly, "members.csv",
                          "version4id,ccode,year,defense,neutrality,nonaggression,entente\n"
                          "389,365,2012,0,0,1,1\n389,710,2012,0,0,1,1\n",
                          "e5", "4.1");
  const auto new_layout = batch(Format::cow_alliance_dyad_year, "dyads.csv",
                          "ccode1,ccode2,year,cow_defense,cow_neutral,cow_nonagg,cow_entente\n2,20,1950,1,0,1,1\n",
                          "f6", "4.1");
  store.apply({old_layout});
  ASSERT_EQ(store.alliances_between(365, 710, 2012, 2012).size(), 2u);
  EXPECT_EQ(store.alliances_between(365, 710, 2012, 2012)[0].treaties, std::vector<int>{389});
  store.apply({new_layout});
  EXPECT_TRUE(store.alliances_between(365, 710, 2012, 2012).empty());
  EXPECT_EQ(store.alliances_between(2, 20, 1950, 1950).size(), 2u);
  // The replaced layout's file no longer counts as imported: importing it again brings it back.
  ASSERT_EQ(store.provenance().size(), 1u);
  EXPECT_FALSE(store.apply({old_layout})[0].skipped);
  EXPECT_EQ(store.alliances_between(365, 710, 2012, 2012).size(), 2u);
}

TEST(Store, RejectsFilesThatAreNotStores) {
  TempDir tmp;
  tmp.write("not.db", "hello, this is not SQLite");
  EXPECT_THROW(Store::open(tmp / "not.db"), std::runtime_error);
  EXPECT_THROW(Store::open_existing(tmp / "absent.db"), std::runtime_error);
}

TEST(Store, ContentsRestrictsToScopeAndYears) {
  auto store = Store::in_memory();
  store.apply({batch(Format::cow_states, "states.csv", kStates, "a1", "2016"),
               batch(Format::atop_ddyr, "a.csv",
                     std::string(kAtopHeader) + "365,710,1940,1,0,0,0,0\n365,710,1950,1,0,0,0,0\n2,20,1950,1,0,0,0,0\n",
                     "b2", "5.1")});
  const auto c = store.contents({2, 365, 710}, 1946);
  ASSERT_EQ(c.alliances.size(), 1u);
  EXPECT_EQ(c.alliances[0].year, 1950);
  EXPECT_EQ(c.evidence_scope, (std::vector<int>{2, 365, 710}));
  EXPECT_EQ(c.actors.size(), 3u);
}

namespace {

ImportBatch votes(const std::string& name, const std::string& rows, const std::string& sha) {
  auto b = entente::io::parse_with("voeten-votes", name, "rcid,ccode,vote\n" + rows);
  b.provenance = {"unga_votes", "", name, sha, static_cast<long long>(b.table.rows), "2026-01-01T00:00:00Z",
                  "voeten-votes"};
  b.coverage = {"unga_votes", "", 0, 0, "voeten-votes"};
  return b;
}

// The votes as (rcid, ccode, vote) triples, in the order a reader gets them.
std::vector<std::array<double, 3>> triples(const entente::evidence::TableRows& t) {
  std::vector<std::array<double, 3>> out;
  for (std::size_t r = 0; r < t.rows; ++r) out.push_back({t.numbers[0][r], t.numbers[1][r], t.numbers[2][r]});
  return out;
}

}  // namespace

TEST(Store, PackedTableKeepsEveryRowAndMergesALaterFileOfTheSameGroup) {
  TempDir tmp;
  auto store = Store::open(tmp / "s.db");
  const auto* spec = entente::io::table_spec("voeten-votes");
  ASSERT_NE(spec, nullptr);
  ASSERT_EQ(spec->packed_by, 1u);  // one stored row per roll call
  // Out of key order in the file: the store keeps key order.
  store.apply({votes("a.csv", "7,365,3\n7,2,1\n9,2,2\n", "v1")});
  // A second file with more votes of roll call 9 and a new vote for (9, 2): merged, the newer wins.
  store.apply({votes("b.csv", "9,710,1\n9,2,3\n11,20,8\n", "v2")});
  long long stored = -1;
  store.for_each_row("SELECT count(*) FROM un_vote", [&](const entente::store::Row& r) { stored = r.integer(0); });
  EXPECT_EQ(stored, 3);  // roll calls 7, 9 and 11
  const std::vector<std::array<double, 3>> expected = {
      {7, 2, 1}, {7, 365, 3}, {9, 2, 3}, {9, 710, 1}, {11, 20, 8}};
  const auto contents = store.contents();
  ASSERT_EQ(contents.tables.size(), 1u);
  EXPECT_EQ(triples(contents.tables[0]), expected);
  // Group by group, and only the roll calls asked for.
  std::vector<std::array<double, 3>> seen;
  std::size_t groups = 0;
  store.for_each_group(*spec, std::pair<long long, long long>{8, 11}, [&](const entente::evidence::TableRows& g) {
    ++groups;
    for (const auto& t : triples(g)) seen.push_back(t);
  });
  EXPECT_EQ(groups, 2u);
  const std::vector<std::array<double, 3>> last_two(expected.begin() + 2, expected.end());
  EXPECT_EQ(seen, last_two);
  // A world file restored into a new store reads back the same rows.
  auto copy = Store::in_memory();
  copy.restore(contents);
  EXPECT_EQ(triples(copy.contents().tables.at(0)), expected);
  EXPECT_THROW(store.for_each_group(*entente::io::table_spec("voeten-rollcalls"), std::nullopt,
                                    [](const entente::evidence::TableRows&) {}),
               std::logic_error);
}

TEST(Store, PackedAllianceRowsMergeALaterFileAndKeepTheirObligations) {
  TempDir tmp;
  auto store = Store::open(tmp / "s.db");
  using entente::evidence::Obligation;
  const auto states = batch(Format::cow_states, "states.csv", kStates, "a1", "2016");
  // Two files of one edition in one import, the second restating (365, 710, 2001): the later row wins.
  const auto first = batch(Format::atop_ddyr, "atop1.csv",
                           std::string(kAtopHeader) + "365,710,2001,1,0,0,1,1\n365,2,2001,0,0,1,0,0\n2,365,2001,0,0,1,0,0\n",
                           "b1", "5.1");
  const auto second = batch(Format::atop_ddyr, "atop2.csv", std::string(kAtopHeader) + "365,710,2001,0,1,0,0,1\n",
                            "b2", "5.1");
  store.apply({states, first, second});
  EXPECT_EQ(store.counts().alliance_rows, 3);
  auto rows = store.alliances_between(710, 365, 2000, 2010);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].has(Obligation::defense), std::optional<bool>(false));
  EXPECT_EQ(rows[0].has(Obligation::offense), std::optional<bool>(true));
  EXPECT_EQ(rows[0].has(Obligation::entente), std::nullopt);  // ATOP does not code it
  // A later import of the same edition merges into the stored group (first state 365, 2001).
  const auto third = batch(Format::atop_ddyr, "atop3.csv", std::string(kAtopHeader) + "365,710,2001,1,1,1,1,1\n",
                           "b3", "5.1");
  store.apply({third});
  EXPECT_EQ(store.counts().alliance_rows, 3);
  rows = store.alliances_between(365, 710, 2001, 2001);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].has(Obligation::neutrality), std::optional<bool>(true));
  ASSERT_EQ(store.alliances_between(2, 365, 2001, 2001).size(), 2u);  // both directions, untouched
  // The panel's view: every dyad-year once, by dataset, year, first and second state.
  std::vector<std::array<int, 3>> seen;
  store.for_each_alliance(2001, 2001, [&](const entente::store::AllianceBits& r) {
    EXPECT_EQ(r.dataset, "atop");
    seen.push_back({r.ccode1, r.ccode2, r.present});
  });
  const std::vector<std::array<int, 3>> expected = {{2, 365, 0b000100}, {365, 2, 0b000100}, {365, 710, 0b101111}};
  EXPECT_EQ(seen, expected);
}

TEST(Store, AStoreOfAnOlderSchemaIsRefusedWithWhatToDo) {
  TempDir tmp;
  const auto path = tmp / "old.db";
  {
    auto store = Store::open(path);
    // As a store written before the packed tables (schema version 2) says of itself.
    store.for_each_row("UPDATE meta SET value = '2' WHERE key = 'schema_version'", [](const entente::store::Row&) {});
  }
  try {
    Store::open(path);
    FAIL() << "an older store was opened";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("store schema version 2 was written by an older entente"), std::string::npos) << what;
    EXPECT_NE(what.find("version " + std::to_string(entente::store::kSchemaVersion)), std::string::npos) << what;
    EXPECT_NE(what.find("Import the provider files into a new store"), std::string::npos) << what;
  }
}

TEST(Store, FilesAreWrittenInOrderWhileReadAndAnUnreadableFileIsReportedFirst) {
  TempDir tmp;
  tmp.write("a_states.csv", kStates);
  tmp.write("b_atop.csv", std::string(kAtopHeader) + "365,710,2001,0,0,0,1,1\n");
  tmp.write("c_atop.csv", std::string(kAtopHeader) + "365,710,2002,0,0,0,1,x\n");  // bad value
  const auto plan = entente::io::plan_import({tmp / "a_states.csv", tmp / "b_atop.csv", tmp / "c_atop.csv"},
                                             std::nullopt);
  // The consumer sees the good files in plan order, then the bad file's error stops the import,
  // even though the consumer fails too (on the second file): a file that cannot be read comes first.
  std::vector<std::size_t> seen;
  try {
    entente::io::read_planned_each(plan, 2, {}, false, {}, [&](std::size_t i, ImportBatch&) {
      seen.push_back(i);
      if (i == 1) throw std::runtime_error("consumer");
    });
    FAIL() << "no error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("c_atop.csv:2:"), std::string::npos) << e.what();
  }
  EXPECT_EQ(seen, (std::vector<std::size_t>{0, 1}));
  // Without the bad file, the consumer's own error is the one reported.
  try {
    entente::io::read_planned_each({plan[0], plan[1]}, 2, {}, false, {}, [&](std::size_t i, ImportBatch&) {
      if (i == 1) throw std::runtime_error("consumer");
    });
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "consumer");
  }
}

TEST(Store, AnImageIsReadWhereItLiesAndCopiedAtTheFirstWrite) {
  auto store = Store::in_memory();
  store.apply({batch(Format::cow_states, "states.csv", kStates, "a1", "2016")});
  const std::string image = store.image();
  const std::string before = image;
  auto opened = Store::from_image(image);
  ASSERT_EQ(opened.actors().size(), 3u);
  EXPECT_EQ(opened.actors()[2].abbrev, "CHN");
  EXPECT_EQ(opened.provenance().at(0).sha256, "a1");
  // Written like any store: the first write works on a copy, and the image stays as it was.
  auto table = opened.create_result_table("kept", {"k"}, {"v"});
  const long long key = 7;
  const double value = 0.5;
  table.add(&key, &value);
  table.commit();
  long long rows = -1;
  opened.for_each_row("SELECT count(*) FROM kept", [&](const entente::store::Row& r) { rows = r.integer(0); });
  EXPECT_EQ(rows, 1);
  opened.apply({batch(Format::atop_ddyr, "a.csv", std::string(kAtopHeader) + "2,365,1950,1,0,0,0,0\n", "b2", "5.1")});
  EXPECT_EQ(opened.counts().alliance_rows, 1);
  EXPECT_EQ(image, before);
  auto again = Store::from_image(image);
  EXPECT_EQ(again.counts().alliance_rows, 0);
  EXPECT_THROW(again.for_each_row("SELECT count(*) FROM kept", [](const entente::store::Row&) {}), std::runtime_error);
  // Bytes that are no SQLite database are refused when opened, not at the first query.
  EXPECT_THROW(Store::from_image(std::string(8192, 'x')), std::runtime_error);
}
