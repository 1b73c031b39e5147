// Concordance from COW country codes to ISO 3166-1 alpha-3, alpha-2 and numeric codes. A code is
// given only where a current, officially assigned code clearly belongs to the COW state (a
// continuing state keeps its successor's code, e.g. USSR -> RUS/RU, Yugoslavia -> SRB/RS); historic,
// divided-era and ambiguous states, and user-assigned codes (Kosovo XKX/XK), are omitted and map to
// "". Every entry has all three codes; the alpha-2 and numeric codes were checked against
// iso-codes' iso_3166-1.json (tests/report/report_data_test.cpp checks the numeric ones whenever
// that file is installed).
#include "entente/actor/iso3.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace entente::actor {
namespace {

struct CodeEntry {
  int ccode;
  std::string_view iso3;
  std::string_view iso2;
  int numeric;  // ISO 3166-1 numeric
};

// sorted by ccode
constexpr std::array kCodes = {
    CodeEntry{2, "USA", "US", 840},
    CodeEntry{20, "CAN", "CA", 124},
    CodeEntry{31, "BHS", "BS", 44},
    CodeEntry{40, "CUB", "CU", 192},
    CodeEntry{41, "HTI", "HT", 332},
    CodeEntry{42, "DOM", "DO", 214},
    CodeEntry{51, "JAM", "JM", 388},
    CodeEntry{52, "TTO", "TT", 780},
    CodeEntry{53, "BRB", "BB", 52},
    CodeEntry{54, "DMA", "DM", 212},
    CodeEntry{55, "GRD", "GD", 308},
    CodeEntry{56, "LCA", "LC", 662},
    CodeEntry{57, "VCT", "VC", 670},
    CodeEntry{58, "ATG", "AG", 28},
    CodeEntry{60, "KNA", "KN", 659},
    CodeEntry{70, "MEX", "MX", 484},
    CodeEntry{80, "BLZ", "BZ", 84},
    CodeEntry{90, "GTM", "GT", 320},
    CodeEntry{91, "HND", "HN", 340},
    CodeEntry{92, "SLV", "SV", 222},  // COW SAL El Salvador
    CodeEntry{93, "NIC", "NI", 558},
    CodeEntry{94, "CRI", "CR", 188},
    CodeEntry{95, "PAN", "PA", 591},
    CodeEntry{100, "COL", "CO", 170},
    CodeEntry{101, "VEN", "VE", 862},
    CodeEntry{110, "GUY", "GY", 328},
    CodeEntry{115, "SUR", "SR", 740},
    CodeEntry{130, "ECU", "EC", 218},
    CodeEntry{135, "PER", "PE", 604},
    CodeEntry{140, "BRA", "BR", 76},
    CodeEntry{145, "BOL", "BO", 68},
    CodeEntry{150, "PRY", "PY", 600},
    CodeEntry{155, "CHL", "CL", 152},
    CodeEntry{160, "ARG", "AR", 32},
    CodeEntry{165, "URY", "UY", 858},
    CodeEntry{200, "GBR", "GB", 826},  // COW UKG
    CodeEntry{205, "IRL", "IE", 372},
    CodeEntry{210, "NLD", "NL", 528},
    CodeEntry{211, "BEL", "BE", 56},
    CodeEntry{212, "LUX", "LU", 442},
    CodeEntry{220, "FRA", "FR", 250},  // COW FRN
    CodeEntry{221, "MCO", "MC", 492},
    CodeEntry{223, "LIE", "LI", 438},
    CodeEntry{225, "CHE", "CH", 756},  // COW SWZ Switzerland
    CodeEntry{230, "ESP", "ES", 724},
    CodeEntry{232, "AND", "AD", 20},
    CodeEntry{235, "PRT", "PT", 620},
    // 240 omitted: Hanover
    // 245 omitted: Bavaria
    CodeEntry{255, "DEU", "DE", 276},  // Germany/Prussia 1816-1945 and unified Germany 1990-
    // 260 omitted: German Federal Republic 1955-1990: excluded, DEU goes to 255
    // 265 omitted: German Democratic Republic: no current code
    // 267 omitted: Baden
    // 269 omitted: Saxony
    // 271 omitted: Wuerttemberg
    // 273 omitted: Hesse Electoral
    // 275 omitted: Hesse Grand Ducal
    // 280 omitted: Mecklenburg-Schwerin
    CodeEntry{290, "POL", "PL", 616},
    // 300 omitted: Austria-Hungary (COW AUH)
    CodeEntry{305, "AUT", "AT", 40},  // COW AUS Austria
    CodeEntry{310, "HUN", "HU", 348},
    // 315 omitted: Czechoslovakia
    CodeEntry{316, "CZE", "CZ", 203},  // COW CZR
    CodeEntry{317, "SVK", "SK", 703},  // COW SLO Slovakia
    CodeEntry{325, "ITA", "IT", 380},  // Sardinia/Italy
    // 327 omitted: Papal States (not VAT)
    // 329 omitted: Two Sicilies
    CodeEntry{331, "SMR", "SM", 674},
    // 332 omitted: Modena
    // 335 omitted: Parma
    // 337 omitted: Tuscany
    CodeEntry{338, "MLT", "MT", 470},
    CodeEntry{339, "ALB", "AL", 8},
    CodeEntry{341, "MNE", "ME", 499},  // COW MNG Montenegro
    CodeEntry{343, "MKD", "MK", 807},  // North Macedonia
    CodeEntry{344, "HRV", "HR", 191},
    CodeEntry{345, "SRB", "RS", 688},  // Serbia/Yugoslavia/Serbia and Montenegro, continued by Serbia
    CodeEntry{346, "BIH", "BA", 70},
    // 347 omitted: Kosovo: XKX is user-assigned, not ISO
    CodeEntry{349, "SVN", "SI", 705},  // COW SLV Slovenia
    CodeEntry{350, "GRC", "GR", 300},
    CodeEntry{352, "CYP", "CY", 196},
    CodeEntry{355, "BGR", "BG", 100},
    CodeEntry{359, "MDA", "MD", 498},
    CodeEntry{360, "ROU", "RO", 642},  // COW ROM
    CodeEntry{365, "RUS", "RU", 643},  // Russia/USSR/Russian Federation
    CodeEntry{366, "EST", "EE", 233},
    CodeEntry{367, "LVA", "LV", 428},
    CodeEntry{368, "LTU", "LT", 440},
    CodeEntry{369, "UKR", "UA", 804},
    CodeEntry{370, "BLR", "BY", 112},
    CodeEntry{371, "ARM", "AM", 51},
    CodeEntry{372, "GEO", "GE", 268},  // COW GRG
    CodeEntry{373, "AZE", "AZ", 31},
    CodeEntry{375, "FIN", "FI", 246},
    CodeEntry{380, "SWE", "SE", 752},
    CodeEntry{385, "NOR", "NO", 578},
    CodeEntry{390, "DNK", "DK", 208},
    CodeEntry{395, "ISL", "IS", 352},
    CodeEntry{402, "CPV", "CV", 132},
    CodeEntry{403, "STP", "ST", 678},
    CodeEntry{404, "GNB", "GW", 624},
    CodeEntry{411, "GNQ", "GQ", 226},
    CodeEntry{420, "GMB", "GM", 270},
    CodeEntry{432, "MLI", "ML", 466},
    CodeEntry{433, "SEN", "SN", 686},
    CodeEntry{434, "BEN", "BJ", 204},
    CodeEntry{435, "MRT", "MR", 478},
    CodeEntry{436, "NER", "NE", 562},  // COW NIR Niger
    CodeEntry{437, "CIV", "CI", 384},
    CodeEntry{438, "GIN", "GN", 324},
    CodeEntry{439, "BFA", "BF", 854},
    CodeEntry{450, "LBR", "LR", 430},
    CodeEntry{451, "SLE", "SL", 694},
    CodeEntry{452, "GHA", "GH", 288},
    CodeEntry{461, "TGO", "TG", 768},
    CodeEntry{471, "CMR", "CM", 120},
    CodeEntry{475, "NGA", "NG", 566},  // COW NIG Nigeria
    CodeEntry{481, "GAB", "GA", 266},
    CodeEntry{482, "CAF", "CF", 140},
    CodeEntry{483, "TCD", "TD", 148},
    CodeEntry{484, "COG", "CG", 178},  // Republic of the Congo
    CodeEntry{490, "COD", "CD", 180},  // Democratic Republic of the Congo
    CodeEntry{500, "UGA", "UG", 800},
    CodeEntry{501, "KEN", "KE", 404},
    CodeEntry{510, "TZA", "TZ", 834},  // Tanganyika/Tanzania
    // 511 omitted: Zanzibar 1963-1964: merged into Tanzania
    CodeEntry{516, "BDI", "BI", 108},
    CodeEntry{517, "RWA", "RW", 646},
    CodeEntry{520, "SOM", "SO", 706},
    CodeEntry{522, "DJI", "DJ", 262},
    CodeEntry{530, "ETH", "ET", 231},
    CodeEntry{531, "ERI", "ER", 232},
    CodeEntry{540, "AGO", "AO", 24},
    CodeEntry{541, "MOZ", "MZ", 508},
    CodeEntry{551, "ZMB", "ZM", 894},
    CodeEntry{552, "ZWE", "ZW", 716},
    CodeEntry{553, "MWI", "MW", 454},
    CodeEntry{560, "ZAF", "ZA", 710},
    CodeEntry{565, "NAM", "NA", 516},
    CodeEntry{570, "LSO", "LS", 426},
    CodeEntry{571, "BWA", "BW", 72},
    CodeEntry{572, "SWZ", "SZ", 748},  // COW SWA Swaziland/Eswatini
    CodeEntry{580, "MDG", "MG", 450},
    CodeEntry{581, "COM", "KM", 174},
    CodeEntry{590, "MUS", "MU", 480},
    CodeEntry{591, "SYC", "SC", 690},
    CodeEntry{600, "MAR", "MA", 504},
    CodeEntry{615, "DZA", "DZ", 12},
    CodeEntry{616, "TUN", "TN", 788},
    CodeEntry{620, "LBY", "LY", 434},
    CodeEntry{625, "SDN", "SD", 729},
    CodeEntry{626, "SSD", "SS", 728},
    CodeEntry{630, "IRN", "IR", 364},
    CodeEntry{640, "TUR", "TR", 792},  // Ottoman Empire/Turkey
    CodeEntry{645, "IRQ", "IQ", 368},
    CodeEntry{651, "EGY", "EG", 818},
    CodeEntry{652, "SYR", "SY", 760},
    CodeEntry{660, "LBN", "LB", 422},
    CodeEntry{663, "JOR", "JO", 400},
    CodeEntry{666, "ISR", "IL", 376},
    CodeEntry{670, "SAU", "SA", 682},
    // 678 omitted: Yemen Arab Republic: pre-1990 North Yemen
    CodeEntry{679, "YEM", "YE", 887},  // unified Yemen 1990-
    // 680 omitted: Yemen People's Republic: South Yemen
    CodeEntry{690, "KWT", "KW", 414},
    CodeEntry{692, "BHR", "BH", 48},
    CodeEntry{694, "QAT", "QA", 634},
    CodeEntry{696, "ARE", "AE", 784},
    CodeEntry{698, "OMN", "OM", 512},
    CodeEntry{700, "AFG", "AF", 4},
    CodeEntry{701, "TKM", "TM", 795},
    CodeEntry{702, "TJK", "TJ", 762},
    CodeEntry{703, "KGZ", "KG", 417},
    CodeEntry{704, "UZB", "UZ", 860},
    CodeEntry{705, "KAZ", "KZ", 398},  // COW KZK
    CodeEntry{710, "CHN", "CN", 156},  // People's Republic of China (and Qing/ROC before 1949)
    CodeEntry{712, "MNG", "MN", 496},  // COW MON Mongolia
    CodeEntry{713, "TWN", "TW", 158},  // Taiwan
    // 730 omitted: Korea 1887-1905: pre-division, ambiguous
    CodeEntry{731, "PRK", "KP", 408},  // North Korea
    CodeEntry{732, "KOR", "KR", 410},  // COW ROK South Korea
    CodeEntry{740, "JPN", "JP", 392},
    CodeEntry{750, "IND", "IN", 356},
    CodeEntry{760, "BTN", "BT", 64},
    CodeEntry{770, "PAK", "PK", 586},
    CodeEntry{771, "BGD", "BD", 50},
    CodeEntry{775, "MMR", "MM", 104},
    CodeEntry{780, "LKA", "LK", 144},
    CodeEntry{781, "MDV", "MV", 462},  // COW MAD Maldives
    CodeEntry{790, "NPL", "NP", 524},
    CodeEntry{800, "THA", "TH", 764},
    CodeEntry{811, "KHM", "KH", 116},
    CodeEntry{812, "LAO", "LA", 418},
    CodeEntry{816, "VNM", "VN", 704},  // COW DRV (North) Vietnam, unified 1976-
    // 817 omitted: Republic of Vietnam: South Vietnam
    CodeEntry{820, "MYS", "MY", 458},  // COW MAL Malaysia
    CodeEntry{830, "SGP", "SG", 702},
    CodeEntry{835, "BRN", "BN", 96},
    CodeEntry{840, "PHL", "PH", 608},
    CodeEntry{850, "IDN", "ID", 360},
    CodeEntry{860, "TLS", "TL", 626},  // East Timor
    CodeEntry{900, "AUS", "AU", 36},  // COW AUL Australia
    CodeEntry{910, "PNG", "PG", 598},
    CodeEntry{920, "NZL", "NZ", 554},
    CodeEntry{935, "VUT", "VU", 548},
    CodeEntry{940, "SLB", "SB", 90},
    CodeEntry{946, "KIR", "KI", 296},
    CodeEntry{947, "TUV", "TV", 798},
    CodeEntry{950, "FJI", "FJ", 242},
    CodeEntry{955, "TON", "TO", 776},
    CodeEntry{970, "NRU", "NR", 520},
    CodeEntry{983, "MHL", "MH", 584},
    CodeEntry{986, "PLW", "PW", 585},
    CodeEntry{987, "FSM", "FM", 583},
    CodeEntry{990, "WSM", "WS", 882},
};

static_assert(std::is_sorted(kCodes.begin(), kCodes.end(),
                             [](const CodeEntry& a, const CodeEntry& b) { return a.ccode < b.ccode; }));

constexpr bool is_upper_alpha(std::string_view code, std::size_t length) {
  return code.size() == length && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

static_assert(std::all_of(kCodes.begin(), kCodes.end(), [](const CodeEntry& e) {
  return is_upper_alpha(e.iso3, 3) && is_upper_alpha(e.iso2, 2) && e.numeric > 0 && e.numeric < 1000;
}));

struct Iso2Entry {
  std::string_view iso2;
  int ccode;
};

constexpr bool iso2_less(const Iso2Entry& a, const Iso2Entry& b) {
  return a.iso2 < b.iso2;
}

// kCodes re-indexed by alpha-2, for ccode_for_iso2.
constexpr auto kByIso2 = [] {
  std::array<Iso2Entry, kCodes.size()> out{};
  for (std::size_t i = 0; i < kCodes.size(); ++i) {
    out[i] = Iso2Entry{kCodes[i].iso2, kCodes[i].ccode};
  }
  std::sort(out.begin(), out.end(), iso2_less);
  return out;
}();

static_assert(std::adjacent_find(kByIso2.begin(), kByIso2.end(),
                                 [](const Iso2Entry& a, const Iso2Entry& b) { return a.iso2 == b.iso2; }) ==
                  kByIso2.end(),
              "no two ccodes may share an alpha-2 code");

// Alpha-2 codes withdrawn from ISO 3166-1 (now in ISO 3166-3) that still appear in vote data, accepted by
// ccode_for_iso2 only; iso2_for_ccode always gives the current code. Add a code here only when it clearly
// denotes one COW state in the data that uses it.
//   YU: withdrawn 2003 (ISO 3166-3 YUCS). The unvotes 2021 votes for sessions 71-74 (2016-2019) still label
//       Serbia "Yugoslavia"/YU and have no RS; COW 345 is Yugoslavia and Serbia alike.
// Deliberately absent: CS (Czechoslovakia until 1993, then Serbia and Montenegro until 2006: ambiguous),
// DD (German Democratic Republic) and other withdrawn codes, none of which the vote data uses.
constexpr std::array kHistoricIso2 = {
    Iso2Entry{"YU", 345},
};

static_assert(std::all_of(kHistoricIso2.begin(), kHistoricIso2.end(), [](const Iso2Entry& h) {
  return is_upper_alpha(h.iso2, 2) && !std::binary_search(kByIso2.begin(), kByIso2.end(), h, iso2_less);
}));

const CodeEntry* find_ccode(int ccode) noexcept {
  const auto it =
      std::lower_bound(kCodes.begin(), kCodes.end(), ccode, [](const CodeEntry& e, int c) { return e.ccode < c; });
  if (it == kCodes.end() || it->ccode != ccode) {
    return nullptr;
  }
  return &*it;
}

}  // namespace

std::string_view iso3_for_ccode(int ccode) noexcept {
  const CodeEntry* entry = find_ccode(ccode);
  return entry == nullptr ? std::string_view{} : entry->iso3;
}

std::string_view iso2_for_ccode(int ccode) noexcept {
  const CodeEntry* entry = find_ccode(ccode);
  return entry == nullptr ? std::string_view{} : entry->iso2;
}

int iso_numeric_for_ccode(int ccode) noexcept {
  const CodeEntry* entry = find_ccode(ccode);
  return entry == nullptr ? 0 : entry->numeric;
}

int ccode_for_iso2(std::string_view iso2) noexcept {
  if (iso2.size() != 2) {
    return 0;
  }
  std::array<char, 2> upper{};
  for (std::size_t i = 0; i < upper.size(); ++i) {
    const char c = iso2[i];
    upper[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  const Iso2Entry key{std::string_view(upper.data(), upper.size()), 0};
  const auto it = std::lower_bound(kByIso2.begin(), kByIso2.end(), key, iso2_less);
  if (it != kByIso2.end() && it->iso2 == key.iso2) {
    return it->ccode;
  }
  for (const Iso2Entry& historic : kHistoricIso2) {
    if (historic.iso2 == key.iso2) {
      return historic.ccode;
    }
  }
  return 0;
}

}  // namespace entente::actor
