#include "entente/actor/iso3.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>

namespace {

using entente::actor::ccode_for_iso2;
using entente::actor::iso2_for_ccode;
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

TEST(Iso2, SpotValues) {
  EXPECT_EQ(iso2_for_ccode(2), "US");
  EXPECT_EQ(iso2_for_ccode(200), "GB");
  EXPECT_EQ(iso2_for_ccode(365), "RU");
  EXPECT_EQ(iso2_for_ccode(710), "CN");
  EXPECT_EQ(iso2_for_ccode(816), "VN");
  EXPECT_EQ(iso2_for_ccode(732), "KR");
  EXPECT_EQ(iso2_for_ccode(731), "KP");
  EXPECT_EQ(iso2_for_ccode(713), "TW");
  EXPECT_EQ(iso2_for_ccode(345), "RS");
  EXPECT_EQ(iso2_for_ccode(225), "CH");
  EXPECT_EQ(iso2_for_ccode(572), "SZ");
  EXPECT_EQ(iso2_for_ccode(900), "AU");

  EXPECT_EQ(ccode_for_iso2("US"), 2);
  EXPECT_EQ(ccode_for_iso2("GB"), 200);
  EXPECT_EQ(ccode_for_iso2("RU"), 365);
  EXPECT_EQ(ccode_for_iso2("CN"), 710);
  EXPECT_EQ(ccode_for_iso2("VN"), 816);
  EXPECT_EQ(ccode_for_iso2("KR"), 732);
  EXPECT_EQ(ccode_for_iso2("KP"), 731);
}

TEST(Iso2, DefinedExactlyWhereIso3Is) {
  for (int ccode = -5; ccode <= 1005; ++ccode) {
    EXPECT_EQ(iso2_for_ccode(ccode).empty(), iso3_for_ccode(ccode).empty()) << "ccode " << ccode;
  }
  EXPECT_EQ(iso2_for_ccode(260), "");  // German Federal Republic
  EXPECT_EQ(iso2_for_ccode(315), "");  // Czechoslovakia
  EXPECT_EQ(iso2_for_ccode(347), "");  // Kosovo: XK is user-assigned
  EXPECT_EQ(iso2_for_ccode(0), "");
}

TEST(Iso2, RoundTripsForAllEntries) {
  std::map<std::string, int> seen;
  for (int ccode = 1; ccode <= 999; ++ccode) {
    const std::string_view iso2 = iso2_for_ccode(ccode);
    if (iso2.empty()) {
      continue;
    }
    EXPECT_EQ(iso2.size(), 2u) << "ccode " << ccode;
    EXPECT_EQ(ccode_for_iso2(iso2), ccode) << iso2;
    const auto [it, inserted] = seen.emplace(std::string(iso2), ccode);
    EXPECT_TRUE(inserted) << iso2 << " used by ccodes " << it->second << " and " << ccode;
  }
  EXPECT_EQ(seen.size(), 194u);
}

TEST(Iso2, LookupIsCaseInsensitive) {
  EXPECT_EQ(ccode_for_iso2("us"), 2);
  EXPECT_EQ(ccode_for_iso2("Us"), 2);
  EXPECT_EQ(ccode_for_iso2("uS"), 2);
  EXPECT_EQ(ccode_for_iso2("gb"), 200);
  EXPECT_EQ(ccode_for_iso2("kp"), 731);
  EXPECT_EQ(ccode_for_iso2("yu"), 345);
  for (int ccode = 1; ccode <= 999; ++ccode) {
    const std::string_view iso2 = iso2_for_ccode(ccode);
    if (iso2.empty()) {
      continue;
    }
    std::string lower(iso2);
    for (char& c : lower) {
      c = static_cast<char>(c - 'A' + 'a');
    }
    EXPECT_EQ(ccode_for_iso2(lower), ccode) << lower;
  }
}

TEST(Iso2, HistoricCodes) {
  EXPECT_EQ(ccode_for_iso2("YU"), 345);  // unvotes labels Serbia "Yugoslavia" through session 74
  EXPECT_EQ(iso2_for_ccode(345), "RS");  // the current code is what iso2_for_ccode gives
  EXPECT_EQ(ccode_for_iso2("CS"), 0);    // Czechoslovakia or Serbia and Montenegro: ambiguous
  EXPECT_EQ(ccode_for_iso2("DD"), 0);
  EXPECT_EQ(ccode_for_iso2("SU"), 0);
}

TEST(Iso2, UnknownCodesAreZero) {
  EXPECT_EQ(ccode_for_iso2(""), 0);
  EXPECT_EQ(ccode_for_iso2("U"), 0);
  EXPECT_EQ(ccode_for_iso2("USA"), 0);
  EXPECT_EQ(ccode_for_iso2("US "), 0);
  EXPECT_EQ(ccode_for_iso2(" US"), 0);
  EXPECT_EQ(ccode_for_iso2("ZZ"), 0);
  EXPECT_EQ(ccode_for_iso2("XK"), 0);  // Kosovo: user-assigned
  EXPECT_EQ(ccode_for_iso2("PS"), 0);  // Palestine: no COW state
  EXPECT_EQ(ccode_for_iso2("VA"), 0);  // Holy See: not in the table
  EXPECT_EQ(ccode_for_iso2("1A"), 0);
  EXPECT_EQ(ccode_for_iso2(std::string_view("U\0", 2)), 0);
}

}  // namespace
