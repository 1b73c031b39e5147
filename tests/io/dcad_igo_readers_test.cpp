// The DCAD reader (a TableSpec) and the two COW IGO readers (special readers whose rows land in
// plain tables) on small inline files: good rows, bad rows with their file:line:column errors,
// the codebooks' missing codes, --skip-bad-rows, and how detection and the reader list route them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <string>

#include "entente/io/importers.hpp"
#include "entente/io/table_spec.hpp"
#include "entente/store/store.hpp"

namespace io = entente::io;

namespace {

// A row's cell of a batch's table by store column name.
std::size_t col(const entente::evidence::TableRows& t, std::string_view name) {
  for (std::size_t i = 0; i < t.spec->columns.size(); ++i)
    if (t.spec->columns[i].name == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const io::ParseError& e) {
    return e.what();
  }
  return "no error";
}

const std::string kDcadHeader =
    "ccode1,cowName1,ccode2,cowName2,signDay,signMonth,signYear,EIFDay,EIFMonth,EIFYear,type,category1,category2,"
    "category3,span,renewType,renewYears,terminated,durationActual,endYearEstimate,asymmetry,categoryConf,UNTS,"
    "fullText,sourceType,source,factivaConf,factivaSign,factivaEIF,DCAid\n";
// Two agreements as DCAD publishes them: a quoted source with a comma, -77/-88/-99 non-values,
// blank EIF dates, and renewType -66 (a kind of renewal, kept).
const std::string kDcadRows =
    "365,RUS,710,CHN,17,1,2000,,,,general,DCA,,,5,-66,-77,-88,,2006,0,high,,,factiva,\"Wires, newspapers\",3,1,,"
    "DCADv1.0-1333\n"
    "2,USA,20,CAN,1,4,1984,1,4,1984,sector,PROCUREMENT,TREX,,,,,-99,,2010,1,atypical,,Y,treaty,US DOD,,,,"
    "DCADv1.0-0001\n";

}  // namespace

TEST(DcadReader, ReadsAgreementsWithTheCodebooksNonValuesAsNull) {
  const auto batch = io::parse_with("dcad", "dcad.csv", kDcadHeader + kDcadRows);
  const auto& t = batch.table;
  ASSERT_EQ(t.rows, 2u);
  EXPECT_EQ(t.spec->table, "dca");
  EXPECT_EQ(t.spec->dataset, "dcad");
  EXPECT_EQ(t.texts[col(t, "dca_id")][0], "DCADv1.0-1333");
  EXPECT_EQ(t.numbers[col(t, "ccode1")][0], 365);
  EXPECT_EQ(t.numbers[col(t, "sign_year")][0], 2000);
  EXPECT_TRUE(std::isnan(t.numbers[col(t, "eif_year")][0]));  // blank: unknown, never 0
  EXPECT_EQ(t.texts[col(t, "type")][0], "general");
  EXPECT_EQ(t.numbers[col(t, "span")][0], 5);
  EXPECT_EQ(t.numbers[col(t, "renew_type")][0], -66);                  // a category code, kept
  EXPECT_TRUE(std::isnan(t.numbers[col(t, "renew_years")][0]));        // -77 not applicable
  EXPECT_TRUE(std::isnan(t.numbers[col(t, "terminated")][0]));         // -88 unknown
  EXPECT_TRUE(std::isnan(t.numbers[col(t, "terminated")][1]));         // -99 not coded
  EXPECT_EQ(t.numbers[col(t, "end_year_estimate")][0], 2006);
  EXPECT_EQ(t.texts[col(t, "category2")][1], "TREX");
  EXPECT_EQ(t.numbers[col(t, "eif_year")][1], 1984);
  // Coverage is the years of signature.
  EXPECT_EQ(batch.coverage.first_year, 1984);
  EXPECT_EQ(batch.coverage.last_year, 2000);
  EXPECT_EQ(io::detect_reader("dcad.csv", kDcadHeader + kDcadRows), "dcad");
}

TEST(DcadReader, BadRowsNameFileLineAndColumn) {
  const std::string bad = "2,USA,20,CAN,1,4,19x4,1,4,1984,sector,PROCUREMENT,,,,,,0,,2010,1,atypical,,Y,treaty,US DOD,,,,"
                          "DCADv1.0-0002\n";
  const auto text = kDcadHeader + kDcadRows + bad;
  const auto message = error_of([&] { (void)io::parse_with("dcad", "dcad.csv", text); });
  EXPECT_NE(message.find("dcad.csv:4:18: found \"19x4\""), std::string::npos) << message;
  EXPECT_NE(message.find("signYear"), std::string::npos) << message;
  // A month of 13 is out of range; an id used twice is refused.
  const std::string month = "2,USA,20,CAN,1,13,1990,,,,sector,TREX,,,,,,0,,2010,1,low,,,treaty,x,,,,DCADv1.0-0003\n";
  EXPECT_NE(error_of([&] { (void)io::parse_with("dcad", "dcad.csv", kDcadHeader + month); }).find("dcad.csv:2:"),
            std::string::npos);
  const auto dup = error_of([&] { (void)io::parse_with("dcad", "dcad.csv", kDcadHeader + kDcadRows + kDcadRows); });
  EXPECT_NE(dup.find("dcad.csv:5:1: found \"DCADv1.0-0001\""), std::string::npos) << dup;
  EXPECT_NE(dup.find("not already used on line 3"), std::string::npos) << dup;

  io::ReadOptions lenient;
  lenient.skip_bad_rows = true;
  const auto batch = io::parse_with("dcad", "dcad.csv", text, lenient);
  EXPECT_EQ(batch.table.rows, 2u);
  ASSERT_EQ(batch.rejected.size(), 1u);
  EXPECT_EQ(batch.rejected[0].line, 4u);
}

namespace {

// A small wide state-year file: statuses 1, 2, 3 kept, -9 NULL, 0 and -1 left out; the IGO
// columns come in any order and letter case.
const std::string kStateYear =
    "\"ccode\",\"year\",\"state\",\"sco\",\"NATO\",\"csto\",\"asean\"\n"
    "2,1996,\"usa\",0,1,-1,0\n"
    "365,1995,\"russia\",-1,0,-1,0\n"
    "365,1996,\"russia\",1,0,-1,3\n"
    "710,1996,\"china\",1,-9,-1,2\n";

}  // namespace

TEST(CowIgoReader, ReshapesTheWideStateYearFileToLongRows) {
  const auto batch = io::parse_with("cow-igo-state-year", "igo.csv", kStateYear);
  const auto& t = batch.table;
  EXPECT_EQ(t.spec->table, "igo_membership");
  EXPECT_EQ(t.spec->dataset, "cow_igo");
  std::set<std::tuple<int, int, std::string, double>> got;
  for (std::size_t r = 0; r < t.rows; ++r) {
    const double status = t.numbers[col(t, "status")][r];
    got.insert({static_cast<int>(t.numbers[col(t, "ccode")][r]), static_cast<int>(t.numbers[col(t, "year")][r]),
                t.texts[col(t, "igo")][r], std::isnan(status) ? -9.0 : status});
  }
  const std::set<std::tuple<int, int, std::string, double>> want = {
      {365, 1996, "sco", 1}, {365, 1996, "asean", 3}, {710, 1996, "sco", 1},
      {710, 1996, "nato", -9},  // missing: stored as NULL
      {710, 1996, "asean", 2},  {2, 1996, "nato", 1}};
  EXPECT_EQ(got, want);
  // Rows come in the store's key order (year, ccode, igo), as the file runs by state and year.
  const auto order = io::rows_in_key_order(*t.spec, t);
  for (std::size_t r = 0; r < order.size(); ++r) EXPECT_EQ(order[r], r);
  // Coverage includes the year without any membership.
  EXPECT_EQ(batch.coverage.first_year, 1995);
  EXPECT_EQ(batch.coverage.last_year, 1996);
  EXPECT_EQ(batch.provenance.row_count, 4);
}

TEST(CowIgoReader, BadCellsAndRowsNameFileLineAndColumn) {
  const auto bad_code = kStateYear + "20,1996,\"canada\",0,5,-1,0\n";
  const auto message = error_of([&] { (void)io::parse_with("cow-igo-state-year", "igo.csv", bad_code); });
  EXPECT_NE(message.find("igo.csv:6:20: found \"5\""), std::string::npos) << message;
  EXPECT_NE(message.find("column 'NATO'"), std::string::npos) << message;
  const auto dup = error_of([&] { (void)io::parse_with("cow-igo-state-year", "igo.csv", kStateYear + "2,1996,\"usa\",0,1,-1,0\n"); });
  EXPECT_NE(dup.find("igo.csv:6:3: found \"1996\""), std::string::npos) << dup;
  EXPECT_NE(dup.find("not already used on line 2"), std::string::npos) << dup;
  const auto bad_year = error_of([&] { (void)io::parse_with("cow-igo-state-year", "igo.csv", kStateYear + "2,19x6,\"usa\",0,1,-1,0\n"); });
  EXPECT_NE(bad_year.find("igo.csv:6:3: found \"19x6\""), std::string::npos) << bad_year;
  // The same IGO twice in the header, letter case aside.
  const auto twice = error_of([&] {
    (void)io::parse_with("cow-igo-state-year", "igo.csv", "ccode,year,state,nato,NATO\n2,1990,usa,1,1\n");
  });
  EXPECT_NE(twice.find("igo.csv:1:23: found \"NATO\""), std::string::npos) << twice;
  const auto odd = error_of([&] {
    (void)io::parse_with("cow-igo-state-year", "igo.csv", "ccode,year,state,nato,a b\n2,1990,usa,1,1\n");
  });
  EXPECT_NE(odd.find("igo.csv:1:23: found \"a b\""), std::string::npos) << odd;

  io::ReadOptions lenient;
  lenient.skip_bad_rows = true;
  const auto batch = io::parse_with("cow-igo-state-year", "igo.csv", bad_code + "2,1997,\"usa\",0,1,-1,0\n", lenient);
  ASSERT_EQ(batch.rejected.size(), 1u);
  EXPECT_EQ(batch.rejected[0].line, 6u);
  EXPECT_EQ(batch.table.rows, 7u);  // six from the good rows above, one from 1997; nothing of line 6
  EXPECT_EQ(batch.coverage.last_year, 1997);
}

TEST(CowIgoReader, ReadsTheIgoNamesAndYears) {
  const std::string text =
      "\"ioname\",\"orgname\",\"year\",\"russia\",\"china\",\"ionum\",\"longorgname\"\n"
      "\"SCO\",\"Shanghai Five\",1996,1,1,4115,\"Shanghai Five\"\n"
      "\"SCO\",\"Shanghai Cooperation Organisation\",2001,1,1,4115,\"Shanghai Cooperation Organisation\"\n"
      "\"CSTO\",\"Collective Security Treaty Organization\",2002,1,,1125,\"CSTO\"\n";
  const auto batch = io::parse_with("cow-igo-igo-year", "orgs.csv", text);
  const auto& t = batch.table;
  EXPECT_EQ(t.spec->table, "igo");
  EXPECT_EQ(t.spec->dataset, "cow_igo_orgs");
  ASSERT_EQ(t.rows, 2u);
  EXPECT_EQ(t.texts[col(t, "igo")][0], "csto");
  EXPECT_EQ(t.texts[col(t, "igo")][1], "sco");
  EXPECT_EQ(t.texts[col(t, "name")][1], "Shanghai Cooperation Organisation");  // its latest name
  EXPECT_EQ(t.numbers[col(t, "ionum")][1], 4115);
  EXPECT_EQ(t.numbers[col(t, "first_year")][1], 1996);
  EXPECT_EQ(t.numbers[col(t, "last_year")][1], 2001);
  EXPECT_EQ(batch.coverage.first_year, 1996);
  EXPECT_EQ(batch.coverage.last_year, 2002);
  const auto dup = error_of([&] { (void)io::parse_with("cow-igo-igo-year", "orgs.csv", text + "\"sco\",\"x\",2001,1,1,4115,\"\"\n"); });
  EXPECT_NE(dup.find("orgs.csv:5:11: found \"2001\""), std::string::npos) << dup;
  EXPECT_NE(dup.find("already on line 3"), std::string::npos) << dup;
  const auto num = error_of([&] { (void)io::parse_with("cow-igo-igo-year", "orgs.csv", text + "\"sco\",\"x\",2002,1,1,999,\"\"\n"); });
  EXPECT_NE(num.find("orgs.csv:5:"), std::string::npos) << num;
}

TEST(CowIgoReader, IsRoutedAsASpecialReaderNotAGenericOne) {
  // Detection by header.
  EXPECT_EQ(io::detect_reader("igo.csv", kStateYear), "cow-igo-state-year");
  EXPECT_EQ(io::detect_reader("orgs.csv", "ioname,orgname,year,russia\nSCO,x,1996,1\n"), "cow-igo-igo-year");
  // Listed once each, as special readers.
  const auto all = io::readers();
  for (const char* name : {"cow-igo-state-year", "cow-igo-igo-year", "dcad"})
    EXPECT_EQ(std::count_if(all.begin(), all.end(), [&](const io::ReaderInfo& r) { return r.name == name; }), 1) << name;
  // The specs describe the store tables but are not generic readers.
  const auto* spec = io::table_spec("cow-igo-state-year");
  ASSERT_NE(spec, nullptr);
  EXPECT_TRUE(spec->special_reader);
  EXPECT_FALSE(io::table_spec("dcad")->special_reader);
  // Stored packed: one row per state-year, its IGOs and statuses as arrays.
  EXPECT_EQ(io::create_table_sql(*spec),
            "CREATE TABLE igo_membership (year INTEGER NOT NULL, ccode INTEGER NOT NULL, igo BLOB NOT NULL, "
            "status BLOB NOT NULL, PRIMARY KEY (year, ccode));");
  // parse_with by the spec's name goes to the special reader (the wide file would not fit the
  // long table's columns).
  EXPECT_EQ(io::parse_with("cow-igo-state-year", "igo.csv", kStateYear).table.rows, 6u);
}

TEST(CowIgoReader, RowsGoThroughTheStoreAndBack) {
  auto store = entente::store::Store::in_memory();
  auto members = io::parse_with("cow-igo-state-year", "igo.csv", kStateYear);
  members.provenance = {"cow_igo", "3.0", "igo.csv", "aa", 4, "2020-01-01T00:00:00Z", "cow-igo-state-year"};
  members.coverage.dataset = "cow_igo";
  members.coverage.version = "3.0";
  members.coverage.layout = "cow-igo-state-year";
  store.apply({members});
  // Read back as the world file does (Store::contents goes through the spec).
  auto table_of = [](const entente::store::Contents& c) {
    for (const auto& t : c.tables)
      if (t.spec->table == "igo_membership") return t;
    ADD_FAILURE() << "no igo_membership table";
    return entente::evidence::TableRows{};
  };
  const auto back = table_of(store.contents({}, 0));
  ASSERT_EQ(back.rows, 6u);
  std::size_t nulls = 0;
  for (double s : back.numbers[3]) nulls += std::isnan(s);
  EXPECT_EQ(nulls, 1u);  // China's -9 for NATO, NULL in the store
  const auto scoped = table_of(store.contents({365}, 0));
  EXPECT_EQ(scoped.rows, 2u);
}

// The importers fuzz target picks a reader by the first byte of its input (an index into
// io::readers()); a reader added to the list shifts the others, so each seed must still pick the
// reader its text is written for.
TEST(ImporterFuzzSeeds, EachSeedPicksTheReaderOfItsText) {
  const auto all = io::readers();
  const std::filesystem::path corpus = std::filesystem::path(ENTENTE_TEST_SOURCE_DIR) / "tests/fuzz/corpus/importers";
  std::set<std::string> seen;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();
    ASSERT_FALSE(bytes.empty()) << entry.path();
    const auto& picked = all[static_cast<unsigned char>(bytes[0]) % all.size()];
    const std::string text = bytes.substr(1);
    EXPECT_EQ(picked.name, io::detect_reader(entry.path().string(), text)) << entry.path();
    EXPECT_NO_THROW((void)io::parse_with(picked.name, entry.path().string(), text)) << entry.path();
    seen.insert(std::string(picked.name));
  }
  for (const char* name : {"dcad", "cow-igo-state-year", "cow-igo-igo-year"}) EXPECT_TRUE(seen.count(name)) << name;
}
