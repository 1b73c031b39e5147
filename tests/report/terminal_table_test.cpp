// Terminal tables for people (report/terminal_table.hpp): rounding, one spelling for missing,
// fitting a width, colour only when asked.
#include "entente/report/terminal_table.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "entente/report/table_writer.hpp"
#include "test_support.hpp"

namespace {

using entente::Json;
using entente::testing::code_points;
using entente::testing::lines_of;
using entente::report::rounded;
using entente::report::terminal_table;
using entente::report::TerminalStyle;

TEST(TerminalTable, RoundsToSignificantDigits) {
  EXPECT_EQ(rounded(0.018661813876764254, 4), "0.01866");
  EXPECT_EQ(rounded(0.018661813876764254, 2), "0.019");
  EXPECT_EQ(rounded(123456.7, 4), "123457");  // the whole part is never cut
  EXPECT_EQ(rounded(-0.5, 4), "-0.5");         // no trailing zeros
  EXPECT_EQ(rounded(2.0, 4), "2");
  EXPECT_EQ(rounded(-0.00001, 3), "-1e-05");
  EXPECT_EQ(rounded(NAN, 4), entente::report::kMissing);
  // Each rounding is within half a unit of its last digit.
  for (double v : {0.7368421052631579, 12.345678, 0.00811234}) {
    const auto text = rounded(v, 3);
    const double back = std::stod(text);
    const double unit = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 2);
    EXPECT_LE(std::fabs(back - v), unit / 2 + 1e-15) << text;
  }
}

TEST(TerminalTable, MissingIsOneSpellingAndNumbersAreRounded) {
  const Json rows = Json::parse(R"([{"a": "USA", "x": 0.123456789, "y": null}, {"a": "RUS", "x": 2, "y": 1.5}])");
  const auto out = terminal_table(rows, TerminalStyle{3, 0, false});
  EXPECT_NE(out.find("0.123 "), std::string::npos) << out;
  EXPECT_EQ(out.find("0.1234"), std::string::npos) << out;
  EXPECT_NE(out.find(std::string(entente::report::kMissing)), std::string::npos) << out;
  // The streamed tables (dyads, states) spell it the same way.
  std::ostringstream streamed;
  entente::report::TableWriter writer(streamed, entente::report::OutputFormat::table, {"ccode"}, {"v"}, Json::object(),
                                      TerminalStyle{3, 0, false});
  const double values[] = {NAN};
  writer.row({2}, values);
  writer.finish();
  EXPECT_NE(streamed.str().find(std::string(entente::report::kMissing)), std::string::npos) << streamed.str();
}

TEST(TerminalTable, FitsTheWidthKeepingTheLeadingColumns) {
  Json rows = Json::array();
  for (int r = 0; r < 3; ++r) {
    Json row = {{"ccode1", 2}, {"ccode2", 365 + r}, {"year", 2012}};
    for (int c = 0; c < 30; ++c) row["layer_" + std::to_string(c)] = 0.5 * c + r;
    rows.push_back(row);
  }
  const auto out = terminal_table(rows, TerminalStyle{4, 60, false});
  const auto lines = lines_of(out);
  ASSERT_GE(lines.size(), 6u);
  for (const auto& line : lines)
    if (line.front() != '(') {
      EXPECT_LE(code_points(line), 60u) << line;
    }
  EXPECT_EQ(lines[0].rfind("ccode1  ccode2  year", 0), 0u) << lines[0];
  EXPECT_NE(lines.back().find("columns shown"), std::string::npos) << lines.back();
  EXPECT_NE(lines.back().find("--format csv"), std::string::npos) << lines.back();
  // Unlimited: every column, no note.
  const auto all = lines_of(terminal_table(rows, TerminalStyle{4, 0, false}));
  EXPECT_NE(all[0].find("layer_29"), std::string::npos);
  EXPECT_EQ(all.size(), 5u);
}

TEST(TerminalTable, CutsLongTextRatherThanDroppingColumns) {
  const Json rows = Json::parse(
      R"([{"rank": 1, "change": "a very long sentence about what changed, far longer than the terminal allows it to be"}])");
  const auto lines = lines_of(terminal_table(rows, TerminalStyle{4, 40, false}));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_LE(code_points(lines[2]), 40u);
  EXPECT_NE(lines[2].find("…"), std::string::npos);
  EXPECT_NE(lines[3].find("cut"), std::string::npos);
}

TEST(TerminalTable, NeverCutsNumbersCodesOrTypeNames) {
  // A weight beside its relation ("hostile -1.25") or a type name cut short reads as another
  // value: such columns are left out whole, with the note, instead; a sentence is cut at a space.
  const Json rows = Json::parse(
      R"([{"year": 1969, "type": "romantic_triangle", "tie": "hostile -1.25", "other": "neutral 0.125"}])");
  const auto lines = lines_of(terminal_table(rows, TerminalStyle{4, 40, false}));
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[2].find("…"), std::string::npos) << lines[2];
  EXPECT_NE(lines[2].find("romantic_triangle"), std::string::npos) << lines[2];
  EXPECT_NE(lines[2].find("hostile -1.25"), std::string::npos) << lines[2];
  EXPECT_EQ(lines[2].find("neutral"), std::string::npos) << lines[2];
  EXPECT_NE(lines.back().find("3 of 4 columns shown (not shown: other)"), std::string::npos) << lines.back();

  const Json sentence = Json::parse(
      R"json([{"rank": 1, "change": "RUS's flexibility: 0.74 -> 0.68 (5 -> 6 alliance ties of 19 -> 19 friendly)"}])json");
  const auto cut = lines_of(terminal_table(sentence, TerminalStyle{4, 40, false}));
  ASSERT_GE(cut.size(), 4u);
  EXPECT_NE(cut[2].find("RUS's flexibility: 0.74 -> 0.68 …"), std::string::npos) << cut[2];
  EXPECT_LE(code_points(cut[2]), 40u) << cut[2];
}

TEST(TerminalTable, ColoursRelationTypesOnlyWhenAsked) {
  const Json rows = Json::parse(R"([{"a": "USA", "relation": "rival"}, {"a": "RUS", "relation": "alliance"}])");
  const auto plain = terminal_table(rows, TerminalStyle{4, 0, false});
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  const auto colour = terminal_table(rows, TerminalStyle{4, 0, true});
  EXPECT_NE(colour.find("\x1b[33mrival\x1b[0m"), std::string::npos) << colour;
  EXPECT_NE(colour.find("\x1b[1;32malliance\x1b[0m"), std::string::npos) << colour;
  EXPECT_EQ(colour.find("\x1b[33mUSA"), std::string::npos);  // only relation types
}

}  // namespace
