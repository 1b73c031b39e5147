#include "entente/world/world_file.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "entente/io/file.hpp"
#include "entente/query/dyad.hpp"
#include "entente/world/source.hpp"

using entente::evidence::AllianceYear;
using entente::evidence::Obligation;

TEST(WorldFile, RoundTripsContentsWithRunLengthPeriods) {
  entente::store::Contents c;
  c.actors = {{365, "RUS", "Russia"}, {710, "CHN", "China"}};
  c.spells = {{365, "1816-01-01", "2016-12-31"}, {710, "1860-10-25", "2016-12-31"}};
  c.coverage = {{"atop", "5.1", 1946, 2018, "atop-ddyr"}};
  c.provenance = {{"atop", "5.1", "atop.csv", std::string(64, 'a'), 10, "2026-01-01T00:00:00Z", "atop-ddyr"}};
  c.evidence_scope = {365, 710};
  for (int y = 1995; y <= 2003; ++y) {
    AllianceYear r;
    r.dataset = "atop";
    r.from = 365;
    r.to = 710;
    r.year = y;
    for (auto o : {Obligation::defense, Obligation::offense, Obligation::neutrality, Obligation::nonaggression,
                   Obligation::consultation})
      r.set(o, false);
    r.set(Obligation::nonaggression, true);
    r.set(Obligation::consultation, y >= 2001);
    c.alliances.push_back(r);
  }
  // A COW row whose provider left non-aggression blank: it must come back missing, not "no".
  AllianceYear cow;
  cow.dataset = "cow_alliance";
  cow.from = 200;
  cow.to = 235;
  cow.year = 1816;
  cow.set(Obligation::defense, true);
  cow.set(Obligation::neutrality, false);
  cow.set(Obligation::entente, false);
  cow.treaties = {6};
  c.alliances.push_back(cow);
  c.capabilities = {{365, 2012, 1.0, std::nullopt, 3.0, 4.0, 5.0, 6.0, 0.04}};
  const auto doc = entente::world::to_world_json(c, 1946);
  ASSERT_EQ(doc.at("alliances").size(), 2u);
  EXPECT_EQ(doc.at("alliances")[0].at("periods").size(), 2u);  // 1995-2000 and 2001-2003
  const auto back = entente::world::from_world_json(doc);
  ASSERT_EQ(back.alliances.size(), c.alliances.size());
  for (std::size_t i = 0; i < c.alliances.size(); ++i) {
    EXPECT_EQ(back.alliances[i].year, c.alliances[i].year);
    EXPECT_EQ(back.alliances[i].obligations, c.alliances[i].obligations) << c.alliances[i].year;
  }
  ASSERT_EQ(back.capabilities.size(), 1u);
  EXPECT_EQ(back.capabilities[0].milper, std::nullopt);
  EXPECT_DOUBLE_EQ(*back.capabilities[0].cinc, 0.04);
  EXPECT_EQ(back.evidence_scope, c.evidence_scope);
  EXPECT_EQ(back.provenance[0].sha256, c.provenance[0].sha256);
  EXPECT_EQ(back.provenance[0].layout, "atop-ddyr");
  EXPECT_EQ(back.alliances.back().has(Obligation::nonaggression), std::nullopt);
  EXPECT_EQ(back.alliances.back().treaties, std::vector<int>{6});
  EXPECT_EQ(doc.at("alliances")[1].at("periods")[0].at("unknown"), nlohmann::json::array({"nonaggression"}));
}

TEST(WorldFile, MalformedDocumentsSayWhere) {
  EXPECT_THROW(entente::world::from_world_json(nlohmann::json{{"format", "other"}}), std::runtime_error);
  auto doc = entente::world::to_world_json({}, 1946);
  doc["alliances"] = nlohmann::json::array({{{"dataset", "atop"}, {"from", 1}}});
  try {
    entente::world::from_world_json(doc);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/alliances"), std::string::npos) << e.what();
  }
}

TEST(DefaultWorld, HoldsTheEssaysStatesAndTheRussiaChinaRecord) {
  const auto source = entente::world::open_default_world();
  EXPECT_EQ(source.label, "bundled default world");
  for (const char* name : {"USA", "RUS", "CHN", "GBR", "FRN", "GMY", "JPN", "ROK", "PRK", "IND", "PAK", "VNM", "BLR",
                           "UKR", "GRG", "KZK", "KYR", "TAJ", "UZB", "TKM", "MON", "SYR", "IRN", "TUR", "ISR", "SAU",
                           "POL"}) {
    const auto& a = source.registry.find(name);
    const auto scope = source.store.evidence_scope();
    EXPECT_TRUE(std::binary_search(scope.begin(), scope.end(), a.ccode)) << name;
  }
  const auto& rus = source.registry.find("RUS");
  const auto& chn = source.registry.find("CHN");
  const auto result = entente::query::dyad(source, {&rus, &chn, 1950, 2012});
  for (const auto& row : result.at("rows")) {
    const int y = row.at("year");
    const auto& ab = row.at("atop").at("a_to_b");
    EXPECT_EQ(ab.at("defense") == 1, y <= 1980) << y;
    if (y > 1964) {
      EXPECT_EQ(ab.at("consultation") == 1, y >= 2001) << y;
    }
    if (y >= 1995) {
      EXPECT_EQ(ab.at("nonaggression"), 1) << y;
    }
  }
  // COW alliances are never in the bundled world; DCAD and COW IGO are until it is rebuilt with them.
  const auto missing = result.at("missing_datasets").get<std::vector<std::string>>();
  ASSERT_FALSE(missing.empty());
  EXPECT_EQ(missing.front(), "cow_alliance");
  for (const auto& id : missing) EXPECT_TRUE(id == "cow_alliance" || id == "dcad" || id == "cow_igo") << id;
  // Evidence with a state outside the bundled scope is missing, not zero.
  const auto& bra = source.registry.find("Brazil");
  const auto outside = entente::query::dyad(source, {&rus, &bra, 2000, 2000});
  EXPECT_TRUE(outside.at("rows")[0].at("atop").at("a_to_b").at("defense").is_null());
  EXPECT_TRUE(outside.at("rows")[0].at("cinc_b").is_null());
  EXPECT_FALSE(outside.at("rows")[0].at("cinc_a").is_null());
}

namespace {

// Every row of every table (and the schema), as text that keeps each value's type and every
// digit of a real, in a fixed order: what two stores must agree on to answer alike.
std::map<std::string, std::vector<std::vector<std::string>>> everything(const entente::store::Store& store) {
  std::map<std::string, std::vector<std::vector<std::string>>> out;
  std::vector<std::string> tables;
  store.for_each_row("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
                     [&](const entente::store::Row& r) {
                       out["sqlite_master"].push_back({r.text(0), r.text(1), r.text(2), r.text(3)});
                       if (r.text(0) == "table") tables.push_back(r.text(1));
                     });
  for (const auto& table : tables) {
    std::vector<std::string> columns;
    store.for_each_row(fmt::format("SELECT name FROM pragma_table_info('{}')", table),
                       [&](const entente::store::Row& r) { columns.push_back(r.text(0)); });
    std::string select, order;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      select += fmt::format("{0}typeof({1}) || ':' || CASE typeof({1}) WHEN 'real' THEN printf('%!.17g', {1})"
                            " WHEN 'blob' THEN hex({1}) ELSE {1} END",
                            i ? ", " : "", columns[i]);
      order += fmt::format("{}{}", i ? ", " : "", i + 1);
    }
    auto& rows = out[table];
    store.for_each_row(fmt::format("SELECT {} FROM {} ORDER BY {}", select, table, order),
                       [&](const entente::store::Row& r) {
                         auto& row = rows.emplace_back();
                         for (std::size_t i = 0; i < columns.size(); ++i) row.push_back(r.text(static_cast<int>(i)));
                       });
  }
  return out;
}

}  // namespace

// The bundled world is compiled in as a store image built from data/default-world.json at build
// time; it must hold exactly what loading that file into a store gives (as the library did at
// every start before).
TEST(DefaultWorld, TheCompiledInImageHoldsWhatTheWorldFileLoads) {
  auto from_json = entente::store::Store::in_memory();
  from_json.restore(entente::world::from_world_json(nlohmann::json::parse(
      entente::io::read_whole_file(std::string(ENTENTE_TEST_SOURCE_DIR) + "/data/default-world.json"))));
  const auto bundled = entente::world::open_default_world();
  const auto expected = everything(from_json);
  const auto found = everything(bundled.store);
  ASSERT_EQ(found.size(), expected.size());
  std::size_t rows = 0;
  for (const auto& [table, table_rows] : expected) {
    ASSERT_TRUE(found.count(table)) << table;
    EXPECT_EQ(found.at(table).size(), table_rows.size()) << table;
    EXPECT_TRUE(found.at(table) == table_rows) << table;
    rows += table_rows.size();
  }
  EXPECT_GT(expected.size(), 20u);  // the schema and every provider table
  EXPECT_GT(rows, 10000u);
}

// The bundled world can be written as before (event layers, result tables); each opening starts
// from the compiled-in world again.
TEST(DefaultWorld, WritesStayWithTheOpeningThatMadeThem) {
  auto first = entente::world::open_default_world();
  auto table = first.store.create_result_table("kept", {"ccode"}, {"value"});
  const long long key = 2;
  const double value = 1.5;
  table.add(&key, &value);
  table.commit();
  double stored = 0;
  first.store.for_each_row("SELECT value FROM kept", [&](const entente::store::Row& r) { stored = r.real(0); });
  EXPECT_EQ(stored, 1.5);
  const auto second = entente::world::open_default_world();
  EXPECT_THROW(second.store.for_each_row("SELECT value FROM kept", [](const entente::store::Row&) {}),
               std::runtime_error);
  EXPECT_EQ(second.store.counts().actors, first.store.counts().actors);
}
