// The lines the verbs print around their tables (report/structure_text.hpp, store_text.hpp,
// triangle_text.hpp), from hand-made results: each field of the result shows up where it belongs,
// and paths the bundled world cannot reach (event layers, too few events) are read too.
#include <gtest/gtest.h>

#include "entente/report/store_text.hpp"
#include "entente/report/structure_text.hpp"
#include "entente/report/triangle_text.hpp"

using entente::Json;

namespace {

Json one_graph(bool optimal) {
  return Json::parse(R"({"graphs":[{"optimal":)" + std::string(optimal ? "true" : "false") +
                     R"(,"frustration":1,"lower_bound":0,"sides":[["USA","UKG"],["RUS"]],
                         "frustrated_edges":[{"a":"USA","b":"RUS","sign":1}]}],"rows":[]})");
}

}  // namespace

TEST(VerbText, BalanceOfOneGraphNamesItsProofSidesAndFrustratedEdges) {
  EXPECT_EQ(entente::report::balance_text(one_graph(true)),
            "Proven optimal: 1 frustrated edge(s), lower bound 0.\nSide A (2): USA UKG\nSide B (1): RUS\n"
            "Frustrated: USA+RUS\n");
  EXPECT_EQ(entente::report::balance_text(one_graph(false)).rfind("Not proven optimal: ", 0), 0u);
}

TEST(VerbText, BalanceOfSeveralGraphsLeavesItToTheTable) {
  Json two = one_graph(true);
  two["graphs"].push_back(two["graphs"][0]);
  EXPECT_EQ(entente::report::balance_text(two), "");
}

TEST(VerbText, LandscapeSaysHowItSearchedAndWhatWasMissing) {
  Json result = Json::parse(R"({"actors":["A","B","C"],"method":"exact","exhaustive":true,"configurations":4,
                                "rows":[{},{}],"pairs":[1,2,3],"input":{"pairs_missing_component":{"disputes":2}}})");
  EXPECT_EQ(entente::report::landscape_summary(result), "3 actors, exact (all 4 configurations): 2 local minima");
  EXPECT_EQ(entente::report::landscape_year_text(result, "a store", 1962),
            "a store, 1962: 3 actors, exact (all 4 configurations): 2 local minima\n"
            "Note: disputes is missing for 2 of 3 pairs (it adds 0 there)\n");
  result["exhaustive"] = false;
  result["method"] = "heuristic";
  result["note"] = "10 random starts";
  entente::landscape::Matched matched;
  EXPECT_EQ(entente::report::landscape_files_text(result, matched),
            "3 actors, heuristic (10 random starts): 2 local minima\n");
  matched.by_position = true;
  matched.note = "matched by position";
  EXPECT_EQ(entente::report::landscape_files_text(result, matched),
            "3 actors, heuristic (10 random starts): 2 local minima\nNote: matched by position\n");
}

TEST(VerbText, InfoListsEachEventLayer) {
  const Json result = Json::parse(R"({"counts":{"actors":3,"spells":4,"alliance_rows":5,"capability_rows":6},
      "event_layers":[{"name":"keds","period":"month","first_date":19790401,"last_date":19790531,"cells":7,
                       "rows_used":8,"rows_read":9,"files":["a.txt","b.txt"]}]})");
  EXPECT_EQ(entente::report::info_text(result, "st.db"),
            "st.db: 3 actors, 4 spells, 5 alliance rows, 6 capability rows\n"
            "event layer keds: by month, 19790401 to 19790531, 7 cells from 8 of 9 rows of 2 file(s)\n");
}

TEST(VerbText, CiteGivesTheReferenceOrTheBibtexEntry) {
  const Json result = Json::parse(R"({"rows":[{"citation":"One (2001).","bibtex":"@misc{one}"},
                                              {"citation":"Two (2002).","bibtex":"@misc{two}"}]})");
  EXPECT_EQ(entente::report::cite_text(result, false), "One (2001).\n\nTwo (2002).\n\n");
  EXPECT_EQ(entente::report::cite_text(result, true), "@misc{one}\n\n@misc{two}\n\n");
}

TEST(VerbText, ExplainGivesTheRuleTheEvidenceAndTheProfile) {
  const Json result = Json::parse(R"({"a":{"abbrev":"USA"},"b":{"abbrev":"CHN"},"relation":"rivalry","weight":-0.75,
      "rule":"a strategic rivalry","evidence":["rivals since 1949"],"missing_layers":["trade"]})");
  EXPECT_EQ(entente::report::explain_text(result, 1962, "v2"),
            "USA and CHN in 1962: rivalry (weight -0.75), because a strategic rivalry.\n"
            "  - rivals since 1949\n  - (no data: trade)\nProfile: v2\n");
}

TEST(VerbText, TriangleTiesInWordsByYearAndByMonth) {
  const Json yearly = Json::parse(R"({"rows":[{"year":1962,"type":"stable marriage",
      "roles":{"USA":{"role":"pariah"}},"ties":{"USA-CHN":{"relation":"rivalry","weight":-0.5}}}]})");
  EXPECT_EQ(entente::report::triangle_table_rows(yearly),
            Json::parse(R"([{"year":1962,"type":"stable marriage","USA":"pariah","USA-CHN":"rivalry -0.50"}])"));
  const Json monthly = Json::parse(R"({"rows":[{"month":"1979-04","type":"ménage à trois","roles":{"USA":{"role":"pivot"}},
      "ties":{"USA-CHN":{"events":0,"tone":"neutral"},"USA-RUS":{"events":2,"tone":"too few events"},
              "CHN-RUS":{"events":12,"tone":"conflictual","net_cooperation":-0.25}}}]})");
  EXPECT_EQ(entente::report::monthly_triangle_table_rows(monthly),
            Json::parse(R"j([{"month":"1979-04","type":"ménage à trois","USA":"pivot","USA-CHN":"no events",
                             "USA-RUS":"too few (2)","CHN-RUS":"conflictual -0.25 (12)"}])j"));
}
