// Concordance from COW country codes to ISO 3166-1 alpha-3 and alpha-2 codes. A code is given only
// where a current, officially assigned code clearly belongs to the COW state (a continuing state
// keeps its successor's code, e.g. USSR -> RUS/RU, Yugoslavia -> SRB/RS); historic, divided-era and
// ambiguous states, and user-assigned codes (Kosovo XKX/XK), are omitted and map to "". Every
// entry has both codes; the alpha-2 codes were checked against iso-codes' iso_3166-1.json.
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
};

// sorted by ccode
constexpr std::array kCodes = {
    CodeEntry{2, "USA", "US"},
    CodeEntry{20, "CAN", "CA"},
    CodeEntry{31, "BHS", "BS"},
    CodeEntry{40, "CUB", "CU"},
    CodeEntry{41, "HTI", "HT"},
    CodeEntry{42, "DOM", "DO"},
    CodeEntry{51, "JAM", "JM"},
    CodeEntry{52, "TTO", "TT"},
    CodeEntry{53, "BRB", "BB"},
    CodeEntry{54, "DMA", "DM"},
    CodeEntry{55, "GRD", "GD"},
    CodeEntry{56, "LCA", "LC"},
    CodeEntry{57, "VCT", "VC"},
    CodeEntry{58, "ATG", "AG"},
    CodeEntry{60, "KNA", "KN"},
    CodeEntry{70, "MEX", "MX"},
    CodeEntry{80, "BLZ", "BZ"},
    CodeEntry{90, "GTM", "GT"},
    CodeEntry{91, "HND", "HN"},
    CodeEntry{92, "SLV", "SV"},  // COW SAL El Salvador
    CodeEntry{93, "NIC", "NI"},
    CodeEntry{94, "CRI", "CR"},
    CodeEntry{95, "PAN", "PA"},
    CodeEntry{100, "COL", "CO"},
    CodeEntry{101, "VEN", "VE"},
    CodeEntry{110, "GUY", "GY"},
    CodeEntry{115, "SUR", "SR"},
    CodeEntry{130, "ECU", "EC"},
    CodeEntry{135, "PER", "PE"},
    CodeEntry{140, "BRA", "BR"},
    CodeEntry{145, "BOL", "BO"},
    CodeEntry{150, "PRY", "PY"},
    CodeEntry{155, "CHL", "CL"},
    CodeEntry{160, "ARG", "AR"},
    CodeEntry{165, "URY", "UY"},
    CodeEntry{200, "GBR", "GB"},  // COW UKG
    CodeEntry{205, "IRL", "IE"},
    CodeEntry{210, "NLD", "NL"},
    CodeEntry{211, "BEL", "BE"},
    CodeEntry{212, "LUX", "LU"},
    CodeEntry{220, "FRA", "FR"},  // COW FRN
    CodeEntry{221, "MCO", "MC"},
    CodeEntry{223, "LIE", "LI"},
    CodeEntry{225, "CHE", "CH"},  // COW SWZ Switzerland
    CodeEntry{230, "ESP", "ES"},
    CodeEntry{232, "AND", "AD"},
    CodeEntry{235, "PRT", "PT"},
    // 240 omitted: Hanover
    // 245 omitted: Bavaria
    CodeEntry{255, "DEU", "DE"},  // Germany/Prussia 1816-1945 and unified Germany 1990-
    // 260 omitted: German Federal Republic 1955-1990: excluded, DEU goes to 255
    // 265 omitted: German Democratic Republic: no current code
    // 267 omitted: Baden
    // 269 omitted: Saxony
    // 271 omitted: Wuerttemberg
    // 273 omitted: Hesse Electoral
    // 275 omitted: Hesse Grand Ducal
    // 280 omitted: Mecklenburg-Schwerin
    CodeEntry{290, "POL", "PL"},
    // 300 omitted: Austria-Hungary (COW AUH)
    CodeEntry{305, "AUT", "AT"},  // COW AUS Austria
    CodeEntry{310, "HUN", "HU"},
    // 315 omitted: Czechoslovakia
    CodeEntry{316, "CZE", "CZ"},  // COW CZR
    CodeEntry{317, "SVK", "SK"},  // COW SLO Slovakia
    CodeEntry{325, "ITA", "IT"},  // Sardinia/Italy
    // 327 omitted: Papal States (not VAT)
    // 329 omitted: Two Sicilies
    CodeEntry{331, "SMR", "SM"},
    // 332 omitted: Modena
    // 335 omitted: Parma
    // 337 omitted: Tuscany
    CodeEntry{338, "MLT", "MT"},
    CodeEntry{339, "ALB", "AL"},
    CodeEntry{341, "MNE", "ME"},  // COW MNG Montenegro
    CodeEntry{343, "MKD", "MK"},  // North Macedonia
    CodeEntry{344, "HRV", "HR"},
    CodeEntry{345, "SRB", "RS"},  // Serbia/Yugoslavia/Serbia and Montenegro, continued by Serbia
    CodeEntry{346, "BIH", "BA"},
    // 347 omitted: Kosovo: XKX is user-assigned, not ISO
    CodeEntry{349, "SVN", "SI"},  // COW SLV Slovenia
    CodeEntry{350, "GRC", "GR"},
    CodeEntry{352, "CYP", "CY"},
    CodeEntry{355, "BGR", "BG"},
    CodeEntry{359, "MDA", "MD"},
    CodeEntry{360, "ROU", "RO"},  // COW ROM
    CodeEntry{365, "RUS", "RU"},  // Russia/USSR/Russian Federation
    CodeEntry{366, "EST", "EE"},
    CodeEntry{367, "LVA", "LV"},
    CodeEntry{368, "LTU", "LT"},
    CodeEntry{369, "UKR", "UA"},
    CodeEntry{370, "BLR", "BY"},
    CodeEntry{371, "ARM", "AM"},
    CodeEntry{372, "GEO", "GE"},  // COW GRG
    CodeEntry{373, "AZE", "AZ"},
    CodeEntry{375, "FIN", "FI"},
    CodeEntry{380, "SWE", "SE"},
    CodeEntry{385, "NOR", "NO"},
    CodeEntry{390, "DNK", "DK"},
    CodeEntry{395, "ISL", "IS"},
    CodeEntry{402, "CPV", "CV"},
    CodeEntry{403, "STP", "ST"},
    CodeEntry{404, "GNB", "GW"},
    CodeEntry{411, "GNQ", "GQ"},
    CodeEntry{420, "GMB", "GM"},
    CodeEntry{432, "MLI", "ML"},
    CodeEntry{433, "SEN", "SN"},
    CodeEntry{434, "BEN", "BJ"},
    CodeEntry{435, "MRT", "MR"},
    CodeEntry{436, "NER", "NE"},  // COW NIR Niger
    CodeEntry{437, "CIV", "CI"},
    CodeEntry{438, "GIN", "GN"},
    CodeEntry{439, "BFA", "BF"},
    CodeEntry{450, "LBR", "LR"},
    CodeEntry{451, "SLE", "SL"},
    CodeEntry{452, "GHA", "GH"},
    CodeEntry{461, "TGO", "TG"},
    CodeEntry{471, "CMR", "CM"},
    CodeEntry{475, "NGA", "NG"},  // COW NIG Nigeria
    CodeEntry{481, "GAB", "GA"},
    CodeEntry{482, "CAF", "CF"},
    CodeEntry{483, "TCD", "TD"},
    CodeEntry{484, "COG", "CG"},  // Republic of the Congo
    CodeEntry{490, "COD", "CD"},  // Democratic Republic of the Congo
    CodeEntry{500, "UGA", "UG"},
    CodeEntry{501, "KEN", "KE"},
    CodeEntry{510, "TZA", "TZ"},  // Tanganyika/Tanzania
    // 511 omitted: Zanzibar 1963-1964: merged into Tanzania
    CodeEntry{516, "BDI", "BI"},
    CodeEntry{517, "RWA", "RW"},
    CodeEntry{520, "SOM", "SO"},
    CodeEntry{522, "DJI", "DJ"},
    CodeEntry{530, "ETH", "ET"},
    CodeEntry{531, "ERI", "ER"},
    CodeEntry{540, "AGO", "AO"},
    CodeEntry{541, "MOZ", "MZ"},
    CodeEntry{551, "ZMB", "ZM"},
    CodeEntry{552, "ZWE", "ZW"},
    CodeEntry{553, "MWI", "MW"},
    CodeEntry{560, "ZAF", "ZA"},
    CodeEntry{565, "NAM", "NA"},
    CodeEntry{570, "LSO", "LS"},
    CodeEntry{571, "BWA", "BW"},
    CodeEntry{572, "SWZ", "SZ"},  // COW SWA Swaziland/Eswatini
    CodeEntry{580, "MDG", "MG"},
    CodeEntry{581, "COM", "KM"},
    CodeEntry{590, "MUS", "MU"},
    CodeEntry{591, "SYC", "SC"},
    CodeEntry{600, "MAR", "MA"},
    CodeEntry{615, "DZA", "DZ"},
    CodeEntry{616, "TUN", "TN"},
    CodeEntry{620, "LBY", "LY"},
    CodeEntry{625, "SDN", "SD"},
    CodeEntry{626, "SSD", "SS"},
    CodeEntry{630, "IRN", "IR"},
    CodeEntry{640, "TUR", "TR"},  // Ottoman Empire/Turkey
    CodeEntry{645, "IRQ", "IQ"},
    CodeEntry{651, "EGY", "EG"},
    CodeEntry{652, "SYR", "SY"},
    CodeEntry{660, "LBN", "LB"},
    CodeEntry{663, "JOR", "JO"},
    CodeEntry{666, "ISR", "IL"},
    CodeEntry{670, "SAU", "SA"},
    // 678 omitted: Yemen Arab Republic: pre-1990 North Yemen
    CodeEntry{679, "YEM", "YE"},  // unified Yemen 1990-
    // 680 omitted: Yemen People's Republic: South Yemen
    CodeEntry{690, "KWT", "KW"},
    CodeEntry{692, "BHR", "BH"},
    CodeEntry{694, "QAT", "QA"},
    CodeEntry{696, "ARE", "AE"},
    CodeEntry{698, "OMN", "OM"},
    CodeEntry{700, "AFG", "AF"},
    CodeEntry{701, "TKM", "TM"},
    CodeEntry{702, "TJK", "TJ"},
    CodeEntry{703, "KGZ", "KG"},
    CodeEntry{704, "UZB", "UZ"},
    CodeEntry{705, "KAZ", "KZ"},  // COW KZK
    CodeEntry{710, "CHN", "CN"},  // People's Republic of China (and Qing/ROC before 1949)
    CodeEntry{712, "MNG", "MN"},  // COW MON Mongolia
    CodeEntry{713, "TWN", "TW"},  // Taiwan
    // 730 omitted: Korea 1887-1905: pre-division, ambiguous
    CodeEntry{731, "PRK", "KP"},  // North Korea
    CodeEntry{732, "KOR", "KR"},  // COW ROK South Korea
    CodeEntry{740, "JPN", "JP"},
    CodeEntry{750, "IND", "IN"},
    CodeEntry{760, "BTN", "BT"},
    CodeEntry{770, "PAK", "PK"},
    CodeEntry{771, "BGD", "BD"},
    CodeEntry{775, "MMR", "MM"},
    CodeEntry{780, "LKA", "LK"},
    CodeEntry{781, "MDV", "MV"},  // COW MAD Maldives
    CodeEntry{790, "NPL", "NP"},
    CodeEntry{800, "THA", "TH"},
    CodeEntry{811, "KHM", "KH"},
    CodeEntry{812, "LAO", "LA"},
    CodeEntry{816, "VNM", "VN"},  // COW DRV (North) Vietnam, unified 1976-
    // 817 omitted: Republic of Vietnam: South Vietnam
    CodeEntry{820, "MYS", "MY"},  // COW MAL Malaysia
    CodeEntry{830, "SGP", "SG"},
    CodeEntry{835, "BRN", "BN"},
    CodeEntry{840, "PHL", "PH"},
    CodeEntry{850, "IDN", "ID"},
    CodeEntry{860, "TLS", "TL"},  // East Timor
    CodeEntry{900, "AUS", "AU"},  // COW AUL Australia
    CodeEntry{910, "PNG", "PG"},
    CodeEntry{920, "NZL", "NZ"},
    CodeEntry{935, "VUT", "VU"},
    CodeEntry{940, "SLB", "SB"},
    CodeEntry{946, "KIR", "KI"},
    CodeEntry{947, "TUV", "TV"},
    CodeEntry{950, "FJI", "FJ"},
    CodeEntry{955, "TON", "TO"},
    CodeEntry{970, "NRU", "NR"},
    CodeEntry{983, "MHL", "MH"},
    CodeEntry{986, "PLW", "PW"},
    CodeEntry{987, "FSM", "FM"},
    CodeEntry{990, "WSM", "WS"},
};

static_assert(std::is_sorted(kCodes.begin(), kCodes.end(),
                             [](const CodeEntry& a, const CodeEntry& b) { return a.ccode < b.ccode; }));

constexpr bool is_upper_alpha(std::string_view code, std::size_t length) {
  return code.size() == length && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

static_assert(std::all_of(kCodes.begin(), kCodes.end(),
                          [](const CodeEntry& e) { return is_upper_alpha(e.iso3, 3) && is_upper_alpha(e.iso2, 2); }));

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
