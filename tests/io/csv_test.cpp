#include "entente/io/csv.hpp"

#include <gtest/gtest.h>

using entente::io::CsvCursor;
using entente::io::CsvRecord;
using entente::io::CsvTable;
using entente::io::ParseError;

namespace {

std::vector<std::string> texts(const CsvRecord& r) {
  std::vector<std::string> out;
  for (const auto& f : r.fields) out.push_back(f.text);
  return out;
}

}  // namespace

TEST(CsvCursor, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  const std::string text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n";
  CsvCursor cur("t.csv", text);
  CsvRecord r;
  ASSERT_TRUE(cur.next(r));
  EXPECT_EQ(texts(r), (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(r.line, 1u);
  ASSERT_TRUE(cur.next(r));
  EXPECT_EQ(texts(r), (std::vector<std::string>{"two\nlines", "x", ""}));
  EXPECT_EQ(r.line, 2u);
  EXPECT_EQ(r.fields[1].column, 8u);  // on line 3, after the quoted field that ended there
  EXPECT_FALSE(cur.next(r));
}

TEST(CsvCursor, SkipsByteOrderMarkAndBlankLines) {
  const std::string text = "\xEF\xBB\xBFid,v\n\n1,2\n\n";
  CsvCursor cur("t.csv", text);
  CsvRecord r;
  ASSERT_TRUE(cur.next(r));
  EXPECT_EQ(r.fields[0].text, "id");
  ASSERT_TRUE(cur.next(r));
  EXPECT_EQ(r.line, 3u);
  EXPECT_FALSE(cur.next(r));
}

TEST(CsvCursor, UnterminatedQuoteNamesWhereItOpened) {
  const std::string text = "a,b\n1,\"open\n";
  CsvCursor cur("t.csv", text);
  CsvRecord r;
  ASSERT_TRUE(cur.next(r));
  try {
    cur.next(r);
    FAIL() << "expected a ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.where().column, 3u);
    EXPECT_NE(std::string(e.what()).find("t.csv:2:3"), std::string::npos) << e.what();
  }
}

TEST(CsvCursor, StrayQuoteInsideUnquotedFieldIsAnError) {
  CsvCursor cur("t.csv", "ab\"c,d\n");
  CsvRecord r;
  EXPECT_THROW(cur.next(r), ParseError);
}

TEST(CsvTable, TypedAccessAndMissingValues) {
  CsvTable t("t.csv", "ccode,year,cinc,flag\n2,1946,-9,1\n365,NA,0.25,0\n");
  const auto c = t.column("ccode"), y = t.column("year"), v = t.column("cinc"), f = t.column("flag");
  ASSERT_TRUE(t.next());
  EXPECT_EQ(t.integer(c, 1, 999), 2);
  EXPECT_EQ(t.optional_integer(y, 1800, 2100), 1946);
  EXPECT_EQ(t.optional_number(v, {-9}), std::nullopt);
  EXPECT_TRUE(t.flag(f));
  ASSERT_TRUE(t.next());
  EXPECT_EQ(t.optional_integer(y, 1800, 2100), std::nullopt);
  EXPECT_DOUBLE_EQ(*t.optional_number(v, {-9}), 0.25);
  EXPECT_FALSE(t.flag(f));
  EXPECT_FALSE(t.next());
  EXPECT_EQ(t.rows_read(), 2u);
}

TEST(CsvTable, BadValueNamesFileLineColumnValueAndExpectation) {
  CsvTable t("alliances.csv", "ccode1,ccode2,year\n2,20,1949\n2,20,19x9\n");
  const auto y = t.column("year");
  ASSERT_TRUE(t.next());
  ASSERT_TRUE(t.next());
  try {
    (void)t.integer(y, 1600, 2100);
    FAIL() << "expected a ParseError";
  } catch (const ParseError& e) {
    const std::string msg = e.what();
    EXPECT_EQ(msg, "alliances.csv:3:6: found \"19x9\", expected a whole number from 1600 to 2100 in column 'year'");
    EXPECT_EQ(e.value(), "19x9");
  }
}

TEST(CsvTable, MissingColumnAndWrongFieldCountAreErrors) {
  CsvTable t("t.csv", "a,b\n1,2,3\n");
  EXPECT_THROW((void)t.column("year"), ParseError);
  try {
    t.next();
    FAIL() << "expected a ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_NE(std::string(e.what()).find("3 fields"), std::string::npos);
  }
}

TEST(CsvTable, EmptyInputHasNoHeader) { EXPECT_THROW(CsvTable("t.csv", ""), ParseError); }

TEST(CsvTable, OptionalFlagAcceptsBlankAsMissing) {
  CsvTable t("t.csv", "f\n\"\"\n2\n");
  ASSERT_TRUE(t.next());
  EXPECT_EQ(t.optional_flag(0), std::nullopt);
  ASSERT_TRUE(t.next());
  EXPECT_THROW((void)t.optional_flag(0), ParseError);
}

// A carriage return without a line feed used to end the record, so a row with one extra field
// was read as two rows: the first with the header's count (imported by --skip-bad-rows) and the
// rest reported as "2 fields".
TEST(CsvTable, RowWithMoreFieldsThanTheHeaderReportsItsRealFieldCount) {
  CsvTable strict("t.csv", "a,b,c\n1,2,3\n4,5\r6,7,8\n");
  ASSERT_TRUE(strict.next());
  try {
    strict.next();
    FAIL() << "expected a ParseError";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("t.csv:3:9: found \"4 fields\", expected 3 fields"), std::string::npos)
        << e.what();
  }
  std::vector<entente::evidence::RejectedRow> rejects;
  CsvTable lenient("t.csv", "a,b,c\n1,2,3\n4,5\r6,7,8\n9,\"x\"y,z\n10,1\r1,12\n13,14,15\r\n");
  lenient.skip_bad_rows_into(&rejects);
  std::vector<std::string> kept;
  lenient.each_row([&] { kept.emplace_back(lenient.text(0)); });
  EXPECT_EQ(kept, (std::vector<std::string>{"1", "13"}));  // no part of a bad row is read as a row
  ASSERT_EQ(rejects.size(), 3u);
  EXPECT_EQ(rejects[0].line, 3u);
  EXPECT_EQ(rejects[0].text, "4,5\r6,7,8");
  EXPECT_EQ(rejects[1].line, 4u);
  EXPECT_EQ(rejects[1].text, "9,\"x\"y,z");  // the whole row, not the previous one
  EXPECT_EQ(rejects[2].line, 5u);
  EXPECT_NE(rejects[2].error.find("t.csv:5:5: found \"\\x0D\", expected a line ending \\n or \\r\\n"),
            std::string::npos)
      << rejects[2].error;
}

TEST(ParseErrorMessage, ControlBytesAndNulAreEscaped) {
  const ParseError e({"t.csv", 2, 3}, std::string("a\0b\x1b[2Jc\td", 10), "a number");
  EXPECT_EQ(std::string(e.what()), "t.csv:2:3: found \"a\\x00b\\x1B[2Jc\\x09d\", expected a number");
  EXPECT_EQ(e.value(), std::string("a\0b\x1b[2Jc\td", 10));  // the value itself is kept as it was
}
