// The defense cooperation (DCAD v1.0) and IGO (COW IGO v3) layers on the reference files: the
// facts of ../shared/data/README.md (Russia–China agreements, SCO and CSTO memberships), and the
// per-dyad-year counts of world::Panel / dyads::build against an independent computation that
// reads the raw CSV files here, without entente's readers. Then the CLI end to end.
//
// The tests share one in-memory store (COW states, DCAD, both COW IGO files), imported once per
// process, and skip, saying so, when ../shared/data is absent.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "entente/actor/registry.hpp"
#include "entente/dyads/dyad_years.hpp"
#include "entente/io/import_plan.hpp"
#include "entente/query/dyad.hpp"
#include "entente/store/store.hpp"
#include "entente/world/panel.hpp"
#include "entente/world/source.hpp"
#include "entente/world/world_file.hpp"
#include "test_support.hpp"

namespace world = entente::world;
namespace dyads = entente::dyads;
using entente::testing::shared_data;

namespace {

constexpr int kUSA = 2, kRUS = 365, kUZB = 704, kCHN = 710;
constexpr int kDcadLastYear = 2010;  // DCAD covers agreements signed 1980-2010 (README)

std::filesystem::path dcad_file() { return shared_data() / "dcad" / "DCAD-v1.0-main.csv"; }
std::filesystem::path state_year_file() { return shared_data() / "cow_igo" / "state_year_format3_from_igoR.csv"; }
std::filesystem::path igo_year_file() { return shared_data() / "cow_igo" / "igo_year_format3_from_igoR.csv"; }

const world::Source& source() {
  static const std::unique_ptr<world::Source> s = [] {
    auto store = entente::store::Store::in_memory();
    const auto plan = entente::io::plan_import(
        {shared_data() / "cow_states" / "states2016.csv", shared_data() / "dcad", shared_data() / "cow_igo"},
        std::nullopt);
    store.apply(entente::io::read_planned(plan, 2, {}));
    entente::actor::Registry registry(store.actors(), store.spells());
    return std::make_unique<world::Source>(world::Source{std::move(store), std::move(registry), "test"});
  }();
  return *s;
}

// An independent CSV reader for the raw files: fields split at commas outside double quotes,
// "" inside quotes for a quote. The files have no line breaks inside fields.
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t k = 0; k < line.size(); ++k) {
    const char c = line[k];
    if (c == '"') {
      if (quoted && k + 1 < line.size() && line[k + 1] == '"') {
        out.back() += '"';
        ++k;
      } else {
        quoted = !quoted;
      }
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

struct RawTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::size_t at(const std::string& name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return static_cast<std::size_t>(it - header.begin());
  }
};

RawTable read_raw(const std::filesystem::path& p) {
  std::ifstream in(p);
  RawTable t;
  std::string line;
  std::getline(in, line);
  t.header = split(line);
  while (std::getline(in, line))
    if (!line.empty()) t.rows.push_back(split(line));
  return t;
}

// Counts of a dyad-year computed from the raw DCAD file by the documented rule.
struct DcaCounts {
  int signed_n = 0, in_force = 0, ended = 0, general = 0;
};
std::map<std::tuple<int, int, int>, DcaCounts> raw_dca_counts(const std::set<int>& years) {
  const auto t = read_raw(dcad_file());
  const auto c1 = t.at("ccode1"), c2 = t.at("ccode2"), sy = t.at("signYear"), ey = t.at("EIFYear"),
             end = t.at("endYearEstimate"), type = t.at("type");
  std::map<std::tuple<int, int, int>, DcaCounts> out;
  for (const auto& r : t.rows) {
    int a = std::stoi(r[c1]), b = std::stoi(r[c2]);
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    const int signed_year = std::stoi(r[sy]);
    const int start = r[ey].empty() ? signed_year : std::stoi(r[ey]);
    const int last = std::stoi(r[end]);
    for (int y : years) {
      const bool in_force = start <= y && y <= last;
      auto& c = out[{y, a, b}];
      c.signed_n += signed_year == y;
      c.in_force += in_force;
      c.ended += in_force && last == y && y < kDcadLastYear;
      c.general += in_force && r[type] == "general";
    }
  }
  return out;
}

int igo_index(const world::Year& y, const std::string& igo) {
  const auto it = std::lower_bound(y.igo_names.begin(), y.igo_names.end(), igo);
  return it != y.igo_names.end() && *it == igo ? static_cast<int>(it - y.igo_names.begin()) : -1;
}

bool full_member(const world::Year& y, int ccode, const std::string& igo) {
  const int i = y.index(ccode), k = igo_index(y, igo);
  if (i < 0 || k < 0) return false;
  const auto& l = y.igo_full[static_cast<std::size_t>(i)];
  return std::binary_search(l.begin(), l.end(), static_cast<std::uint16_t>(k));
}

dyads::Request request(int from, int to, std::vector<dyads::Layer> with) {
  dyads::Request r;
  r.from = from;
  r.to = to;
  r.with = std::move(with);
  r.threads = 2;
  return r;
}

// (year, ccode1, ccode2) -> the row's values, by column name.
struct Rows {
  std::vector<std::string> columns;
  std::map<std::tuple<int, int, int>, std::vector<double>> rows;
  double at(const std::tuple<int, int, int>& key, const std::string& name) const {
    const auto c = static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
    return rows.at(key).at(c);
  }
};
Rows collect(const dyads::Request& req) {
  Rows out;
  const auto table = dyads::build(source(), req, [&](const dyads::YearRows& y) {
    const std::size_t ncol = out.columns.size();
    for (std::size_t r = 0; r < y.ccode1.size(); ++r) {
      const auto first = y.values.begin() + static_cast<std::ptrdiff_t>(r * ncol);
      out.rows[{y.year, y.ccode1[r], y.ccode2[r]}] = std::vector<double>(first, first + static_cast<std::ptrdiff_t>(ncol));
    }
  }, [&](const std::vector<std::string>& columns, const std::vector<std::string>& missing) {
    out.columns = columns;
    EXPECT_TRUE(missing.empty());
  });
  EXPECT_EQ(table.columns, out.columns);
  return out;
}

}  // namespace

TEST(DcadIgoReference, ImportTimes) {
  ENTENTE_REQUIRE_SHARED_DATA();
  // Each file on its own, parsed (read_provider_file) then written to a fresh in-memory store.
  for (const auto& f : {dcad_file(), state_year_file(), igo_year_file()}) {
    const auto t0 = std::chrono::steady_clock::now();
    auto batch = entente::io::read_provider_file(f);
    const auto t1 = std::chrono::steady_clock::now();
    auto store = entente::store::Store::in_memory();
    store.apply({batch});
    const auto t2 = std::chrono::steady_clock::now();
    std::cout << f.filename().string() << ": parse "
              << std::chrono::duration<double>(t1 - t0).count() << " s, store "
              << std::chrono::duration<double>(t2 - t1).count() << " s, " << batch.table.rows << " table rows\n";
    EXPECT_GT(batch.table.rows, 0u);
  }
}

TEST(DcadIgoReference, RussiaChinaDefenseCooperation) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto& s = source();
  const auto& rus = s.registry.find("RUS");
  const auto& chn = s.registry.find("CHN");
  const auto result = entente::query::dyad(s, {&rus, &chn, 2004, 2012});
  EXPECT_EQ(result.at("datasets").at("dcad").at("first_year"), 1980);
  EXPECT_EQ(result.at("datasets").at("dcad").at("last_year"), 2010);
  EXPECT_EQ(result.at("datasets").at("cow_igo").at("last_year"), 2014);
  std::map<int, entente::Json> by_year;
  for (const auto& r : result.at("rows")) by_year[r.at("year").get<int>()] = r;

  const auto& y2005 = by_year.at(2005).at("dca");
  bool found = false;
  for (const auto& d : y2005.at("in_force"))
    if (d.at("id") == "DCADv1.0-1333") {
      found = true;
      EXPECT_EQ(d.at("general"), true);
      EXPECT_EQ(d.at("signed_year"), 2000);
      EXPECT_EQ(d.at("end_year"), 2006);
    }
  EXPECT_TRUE(found) << y2005.dump();
  EXPECT_EQ(y2005.at("general"), 1);
  EXPECT_EQ(by_year.at(2006).at("dca").at("ended"), 1);  // 1333's estimated end
  EXPECT_EQ(by_year.at(2007).at("dca").at("general"), 0);

  const auto& y2010 = by_year.at(2010).at("dca");
  ASSERT_EQ(y2010.at("in_force").size(), 1u) << y2010.dump();
  EXPECT_EQ(y2010.at("in_force")[0].at("id"), "DCADv1.0-1334");
  EXPECT_EQ(y2010.at("signed"), 1);
  EXPECT_EQ(y2010.at("ended"), 0);  // 2010 is also DCAD's "still in force"

  // After DCAD's coverage: missing, not "no agreement".
  EXPECT_TRUE(by_year.at(2012).at("dca").is_null());
  EXPECT_TRUE(by_year.at(2011).at("dca").is_null());
  // IGOs go on to 2014.
  const auto& igos = by_year.at(2012).at("igos");
  ASSERT_FALSE(igos.is_null());
  const auto names = igos.at("names").get<std::vector<std::string>>();
  EXPECT_TRUE(std::binary_search(names.begin(), names.end(), "sco"));
  EXPECT_FALSE(std::binary_search(names.begin(), names.end(), "csto"));
  EXPECT_EQ(igos.at("shared").get<std::size_t>(), names.size());

  // The terminal view says so too.
  const auto table = entente::query::dyad_table_rows(result);
  EXPECT_EQ(table[1].at("DCAs in force"), "general 1333; sector 1332");
  EXPECT_EQ(table[8].at("DCAs in force"), "n/a");
  EXPECT_NE(table[8].at("security IGOs").get<std::string>().find("sco"), std::string::npos);
}

TEST(DcadIgoReference, ScoAndCstoMembershipsMatchTheIgoFile) {
  ENTENTE_REQUIRE_SHARED_DATA();
  world::PanelLayers layers;
  layers.alliances = layers.capabilities = layers.majors = false;
  layers.igos = true;
  const world::Panel panel(source(), 1990, 2014, layers);
  // The README's facts.
  for (int y = 1990; y <= 2014; ++y) {
    const auto year = panel.year(y);
    ASSERT_TRUE(year.igos_covered);
    EXPECT_EQ(full_member(year, kRUS, "sco"), y >= 1996) << y;
    EXPECT_EQ(full_member(year, kCHN, "sco"), y >= 1996) << y;
    EXPECT_EQ(full_member(year, kUZB, "sco"), y >= 2001) << y;
    EXPECT_EQ(full_member(year, kRUS, "csto"), y >= 2002) << y;
    EXPECT_FALSE(full_member(year, kCHN, "csto")) << y;
    EXPECT_FALSE(full_member(year, kUSA, "sco")) << y;
  }
  // And the IGO-year file, read raw: status 1 in the russia and china columns of SCO and CSTO.
  const auto raw = read_raw(igo_year_file());
  const auto io = raw.at("ioname"), yr = raw.at("year"), ru = raw.at("russia"), cn = raw.at("china");
  int checked = 0;
  for (const auto& r : raw.rows) {
    if (r[io] != "SCO" && r[io] != "CSTO") continue;
    const int y = std::stoi(r[yr]);
    if (y < 1990) continue;
    const auto year = panel.year(y);
    const std::string igo = r[io] == "SCO" ? "sco" : "csto";
    EXPECT_EQ(full_member(year, kRUS, igo), r[ru] == "1") << igo << " " << y;
    EXPECT_EQ(full_member(year, kCHN, igo), r[cn] == "1") << igo << " " << y;
    ++checked;
  }
  EXPECT_EQ(checked, (2014 - 1996 + 1) + (2014 - 2002 + 1));
}

TEST(DcadIgoReference, AgreementCountsMatchTheRawFile) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const std::set<int> years = {1980, 1986, 1992, 1998, 2000, 2005, 2009, 2010};
  const auto raw = raw_dca_counts(years);
  for (int y : years) {
    const auto rows = collect([&] {
      auto r = request(y, y, {dyads::Layer::dca});
      return r;
    }());
    int with_agreements = 0;
    for (const auto& [key, values] : rows.rows) {
      const auto it = raw.find(key);
      const DcaCounts c = it == raw.end() ? DcaCounts{} : it->second;
      const auto [yy, a, b] = key;
      ASSERT_EQ(rows.at(key, "dca_signed"), c.signed_n) << a << "-" << b << " " << yy;
      ASSERT_EQ(rows.at(key, "dca_in_force"), c.in_force) << a << "-" << b << " " << yy;
      ASSERT_EQ(rows.at(key, "dca_ended"), c.ended) << a << "-" << b << " " << yy;
      ASSERT_EQ(rows.at(key, "dca_general"), c.general) << a << "-" << b << " " << yy;
      ASSERT_EQ(rows.at(key, "dca_sector"), c.in_force - c.general) << a << "-" << b << " " << yy;
      with_agreements += c.in_force > 0;
    }
    EXPECT_GT(with_agreements, y >= 1986 ? 20 : 0) << y;  // the comparison is not vacuous
  }
  // Outside DCAD's coverage every column is missing.
  const auto later = collect(request(2012, 2012, {dyads::Layer::dca}));
  ASSERT_FALSE(later.rows.empty());
  for (const auto& [key, values] : later.rows)
    for (double v : values) ASSERT_TRUE(std::isnan(v));
}

TEST(DcadIgoReference, SharedIgoCountsMatchTheRawFile) {
  ENTENTE_REQUIRE_SHARED_DATA();
  // The raw state-year file: (ccode, year) -> its IGO codes, for the sample years.
  const std::set<int> years = {1900, 1950, 1985, 2005, 2014};
  std::map<std::pair<int, int>, std::vector<std::string>> codes;
  {
    std::ifstream in(state_year_file());
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      auto f = split(line);
      const int year = std::stoi(f[1]);
      if (years.count(year)) codes[{std::stoi(f[0]), year}] = std::vector<std::string>(f.begin() + 3, f.end());
    }
  }
  for (int y : years) {
    const auto rows = collect(request(y, y, {dyads::Layer::igos}));
    std::size_t compared = 0, with_shared = 0;
    for (const auto& [key, values] : rows.rows) {
      const auto [yy, a, b] = key;
      const auto ia = codes.find({a, yy}), ib = codes.find({b, yy});
      int shared = 0, unknown = 0;
      if (ia != codes.end() && ib != codes.end())
        for (std::size_t k = 0; k < ia->second.size(); ++k) {
          const auto &x = ia->second[k], &z = ib->second[k];
          shared += x == "1" && z == "1";
          unknown += (x == "-9" && (z == "1" || z == "-9")) || (x == "1" && z == "-9");
        }
      ASSERT_EQ(rows.at(key, "igos_shared"), shared) << a << "-" << b << " " << yy;
      ASSERT_EQ(rows.at(key, "igos_unknown"), unknown) << a << "-" << b << " " << yy;
      ++compared;
      with_shared += shared > 0;
    }
    EXPECT_GT(compared, 100u) << y;
    EXPECT_GT(with_shared, compared / 2) << y;
  }
  // After COW IGO's coverage (2014): missing.
  const auto later = collect(request(2015, 2015, {dyads::Layer::igos}));
  ASSERT_FALSE(later.rows.empty());
  for (const auto& [key, values] : later.rows) ASSERT_TRUE(std::isnan(values[0]));
}

// The new tables go into a world file (as the bundled world's build does: its states, from 1946)
// and come back with the same layers.
TEST(DcadIgoReference, WorldFileCarriesTheNewTables) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto contents = source().store.contents(world::default_world_states(), 1946);
  const auto doc = world::to_world_json(contents, 1946);
  auto store = entente::store::Store::in_memory();
  store.restore(world::from_world_json(nlohmann::json::parse(doc.dump())));
  entente::actor::Registry registry(store.actors(), store.spells());
  const world::Source back{std::move(store), std::move(registry), "world file"};
  std::set<std::string> tables;
  for (const auto& t : contents.tables) tables.insert(std::string(t.spec->table));
  EXPECT_EQ(tables, (std::set<std::string>{"dca", "igo_membership", "igo"}));
  const auto& rus = back.registry.find("RUS");
  const auto& chn = back.registry.find("CHN");
  const auto original = entente::query::dyad(source(), {&rus, &chn, 1992, 2014});
  const auto restored = entente::query::dyad(back, {&rus, &chn, 1992, 2014});
  EXPECT_EQ(original.at("rows"), restored.at("rows"));
}

TEST(DcadIgoCli, ImportsAndShowsRussiaChina) {
  ENTENTE_REQUIRE_SHARED_DATA();
  entente::testing::TempDir dir;
  const auto db = (dir / "store.db").string();
  const auto import = entente::testing::run_cli({"import", "--db", db, (shared_data() / "cow_states" / "states2016.csv").string(),
                                                 (shared_data() / "dcad").string(), (shared_data() / "cow_igo").string()});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_NE(import.out.find("cow_igo_orgs"), std::string::npos) << import.out;

  const auto dyad = entente::testing::run_cli(
      {"dyad", "RUS", "CHN", "--from", "2004", "--to", "2012", "--format", "json", "--db", db});
  ASSERT_EQ(dyad.exit_code, 0) << dyad.err;
  const auto result = nlohmann::json::parse(dyad.out);
  const auto& rows = result.at("rows");
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(rows[1].at("year"), 2005);
  const auto& in_force = rows[1].at("dca").at("in_force");
  EXPECT_TRUE(std::any_of(in_force.begin(), in_force.end(), [](const auto& d) {
    return d.at("id") == "DCADv1.0-1333" && d.at("general") == true && d.at("end_year") == 2006;
  })) << in_force.dump();
  EXPECT_EQ(rows[6].at("dca").at("in_force").size(), 1u);
  EXPECT_TRUE(rows[8].at("dca").is_null());
  EXPECT_EQ(result.at("datasets").at("dcad").at("last_year"), 2010);
  EXPECT_FALSE(rows[8].at("igos").is_null());

  const auto table = entente::testing::run_cli({"dyad", "RUS", "CHN", "--from", "2004", "--to", "2012", "--db", db});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("general 1333"), std::string::npos) << table.out;

  const auto csv = entente::testing::run_cli({"dyads", "--db", db, "--with", "dca,igos", "--actors", "RUS,CHN",
                                              "--from", "2005", "--to", "2005", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("dca_signed,dca_in_force,dca_ended,dca_general,dca_sector,igos_shared,igos_unknown"),
            std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find("365,710,2005,0,2,1,1,1,"), std::string::npos) << csv.out;

  const auto cite = entente::testing::run_cli({"cite", "--db", db});
  ASSERT_EQ(cite.exit_code, 0) << cite.err;
  EXPECT_NE(cite.out.find("Kinne"), std::string::npos) << cite.out;
  EXPECT_NE(cite.out.find("Pevehouse"), std::string::npos) << cite.out;
}
