#include "entente/actor/iso3.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>

namespace {

using entente::actor::iso3_for_ccode;

TEST(Iso3, SpotValues) {
  EXPECT_EQ(iso3_for_ccode(2), "USA");
  EXPECT_EQ(iso3_for_ccode(200), "GBR");
  EXPECT_EQ(iso3_for_ccode(365), "RUS");
  EXPECT_EQ(iso3_for_ccode(710), "CHN");
  EXPECT_EQ(iso3_for_ccode(713), "TWN");
  EXPECT_EQ(iso3_for_ccode(732), "KOR");
  EXPECT_EQ(iso3_for_ccode(731), "PRK");
  EXPECT_EQ(iso3_for_ccode(816), "VNM");
  EXPECT_EQ(iso3_for_ccode(372), "GEO");
  EXPECT_EQ(iso3_for_ccode(705), "KAZ");
  EXPECT_EQ(iso3_for_ccode(225), "CHE");
  EXPECT_EQ(iso3_for_ccode(900), "AUS");
}

TEST(Iso3, OmittedStatesAreEmpty) {
  EXPECT_EQ(iso3_for_ccode(260), "");  // German Federal Republic
  EXPECT_EQ(iso3_for_ccode(315), "");  // Czechoslovakia
  EXPECT_EQ(iso3_for_ccode(817), "");  // Republic of Vietnam
}

TEST(Iso3, UnknownCodesAreEmpty) {
  EXPECT_EQ(iso3_for_ccode(0), "");
  EXPECT_EQ(iso3_for_ccode(-1), "");
  EXPECT_EQ(iso3_for_ccode(1), "");
  EXPECT_EQ(iso3_for_ccode(1000), "");
}

TEST(Iso3, NoTwoCcodesShareAnIso3) {
  std::map<std::string, int> seen;
  for (int ccode = 1; ccode <= 999; ++ccode) {
    const std::string_view iso3 = iso3_for_ccode(ccode);
    if (iso3.empty()) {
      continue;
    }
    EXPECT_EQ(iso3.size(), 3u) << "ccode " << ccode;
    const auto [it, inserted] = seen.emplace(std::string(iso3), ccode);
    EXPECT_TRUE(inserted) << iso3 << " used by ccodes " << it->second << " and " << ccode;
  }
  EXPECT_EQ(seen.size(), 194u);
}

}  // namespace
