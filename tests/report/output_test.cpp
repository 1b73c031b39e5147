#include "entente/report/output.hpp"

#include <gtest/gtest.h>

using entente::Json;
using entente::report::flatten;

TEST(Output, FlattenJoinsNestedKeysAndKeepsNullsEmpty) {
  const Json rows = Json::parse(R"([{"year":2001,"atop":{"a_to_b":{"defense":0}},"ids":[1,2],"x":null,"ok":true},
                                    {"year":2002,"atop":{"a_to_b":{"defense":null}},"ids":[],"x":1.5,"ok":false}])");
  const auto flat = flatten(rows);
  EXPECT_EQ(flat.columns, (std::vector<std::string>{"year", "atop_a_to_b_defense", "ids", "x", "ok"}));
  EXPECT_EQ(flat.cells[0], (std::vector<std::string>{"2001", "0", "1;2", "", "TRUE"}));
  EXPECT_EQ(flat.cells[1], (std::vector<std::string>{"2002", "", "", "1.5", "FALSE"}));
}

TEST(Output, CsvQuotesOnlyWhatNeedsIt) {
  const auto flat = flatten(Json::parse(R"([{"name":"Korea, Republic of","note":"say \"hi\"","n":1}])"));
  EXPECT_EQ(entente::report::to_csv(flat), "name,note,n\n\"Korea, Republic of\",\"say \"\"hi\"\"\",1\n");
}

TEST(Output, TextTableAlignsNumbersRight) {
  const auto table = entente::report::to_text_table(flatten(Json::parse(R"([{"a":"x","n":5},{"a":"yyy","n":12}])")));
  EXPECT_EQ(table, "a    n\n---  --\nx     5\nyyy  12\n");
}

TEST(Output, ParsesFormatNames) {
  EXPECT_EQ(entente::report::parse_output_format("json"), entente::report::OutputFormat::json);
  EXPECT_EQ(entente::report::parse_output_format("xml"), std::nullopt);
}
