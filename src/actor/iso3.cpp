// Concordance from COW country codes to ISO 3166-1 alpha-3 codes. A code is given only where a
// current, officially assigned alpha-3 code clearly belongs to the COW state (a continuing state
// keeps its successor's code, e.g. USSR -> RUS, Yugoslavia -> SRB); historic, divided-era and
// ambiguous states, and user-assigned codes (Kosovo XKX), are omitted and map to "".
#include "entente/actor/iso3.hpp"

#include <algorithm>
#include <array>

namespace entente::actor {
namespace {

struct CodePair {
  int ccode;
  std::string_view iso3;
};

// sorted by ccode
constexpr std::array kIso3 = {
    CodePair{2, "USA"},
    CodePair{20, "CAN"},
    CodePair{31, "BHS"},
    CodePair{40, "CUB"},
    CodePair{41, "HTI"},
    CodePair{42, "DOM"},
    CodePair{51, "JAM"},
    CodePair{52, "TTO"},
    CodePair{53, "BRB"},
    CodePair{54, "DMA"},
    CodePair{55, "GRD"},
    CodePair{56, "LCA"},
    CodePair{57, "VCT"},
    CodePair{58, "ATG"},
    CodePair{60, "KNA"},
    CodePair{70, "MEX"},
    CodePair{80, "BLZ"},
    CodePair{90, "GTM"},
    CodePair{91, "HND"},
    CodePair{92, "SLV"},  // COW SAL El Salvador
    CodePair{93, "NIC"},
    CodePair{94, "CRI"},
    CodePair{95, "PAN"},
    CodePair{100, "COL"},
    CodePair{101, "VEN"},
    CodePair{110, "GUY"},
    CodePair{115, "SUR"},
    CodePair{130, "ECU"},
    CodePair{135, "PER"},
    CodePair{140, "BRA"},
    CodePair{145, "BOL"},
    CodePair{150, "PRY"},
    CodePair{155, "CHL"},
    CodePair{160, "ARG"},
    CodePair{165, "URY"},
    CodePair{200, "GBR"},  // COW UKG
    CodePair{205, "IRL"},
    CodePair{210, "NLD"},
    CodePair{211, "BEL"},
    CodePair{212, "LUX"},
    CodePair{220, "FRA"},  // COW FRN
    CodePair{221, "MCO"},
    CodePair{223, "LIE"},
    CodePair{225, "CHE"},  // COW SWZ Switzerland
    CodePair{230, "ESP"},
    CodePair{232, "AND"},
    CodePair{235, "PRT"},
    // 240 omitted: Hanover
    // 245 omitted: Bavaria
    CodePair{255, "DEU"},  // Germany/Prussia 1816-1945 and unified Germany 1990-
    // 260 omitted: German Federal Republic 1955-1990: excluded, DEU goes to 255
    // 265 omitted: German Democratic Republic: no current code
    // 267 omitted: Baden
    // 269 omitted: Saxony
    // 271 omitted: Wuerttemberg
    // 273 omitted: Hesse Electoral
    // 275 omitted: Hesse Grand Ducal
    // 280 omitted: Mecklenburg-Schwerin
    CodePair{290, "POL"},
    // 300 omitted: Austria-Hungary (COW AUH)
    CodePair{305, "AUT"},  // COW AUS Austria
    CodePair{310, "HUN"},
    // 315 omitted: Czechoslovakia
    CodePair{316, "CZE"},  // COW CZR
    CodePair{317, "SVK"},  // COW SLO Slovakia
    CodePair{325, "ITA"},  // Sardinia/Italy
    // 327 omitted: Papal States (not VAT)
    // 329 omitted: Two Sicilies
    CodePair{331, "SMR"},
    // 332 omitted: Modena
    // 335 omitted: Parma
    // 337 omitted: Tuscany
    CodePair{338, "MLT"},
    CodePair{339, "ALB"},
    CodePair{341, "MNE"},  // COW MNG Montenegro
    CodePair{343, "MKD"},  // North Macedonia
    CodePair{344, "HRV"},
    CodePair{345, "SRB"},  // Serbia/Yugoslavia/Serbia and Montenegro, continued by Serbia
    CodePair{346, "BIH"},
    // 347 omitted: Kosovo: XKX is user-assigned, not ISO
    CodePair{349, "SVN"},  // COW SLV Slovenia
    CodePair{350, "GRC"},
    CodePair{352, "CYP"},
    CodePair{355, "BGR"},
    CodePair{359, "MDA"},
    CodePair{360, "ROU"},  // COW ROM
    CodePair{365, "RUS"},  // Russia/USSR/Russian Federation
    CodePair{366, "EST"},
    CodePair{367, "LVA"},
    CodePair{368, "LTU"},
    CodePair{369, "UKR"},
    CodePair{370, "BLR"},
    CodePair{371, "ARM"},
    CodePair{372, "GEO"},  // COW GRG
    CodePair{373, "AZE"},
    CodePair{375, "FIN"},
    CodePair{380, "SWE"},
    CodePair{385, "NOR"},
    CodePair{390, "DNK"},
    CodePair{395, "ISL"},
    CodePair{402, "CPV"},
    CodePair{403, "STP"},
    CodePair{404, "GNB"},
    CodePair{411, "GNQ"},
    CodePair{420, "GMB"},
    CodePair{432, "MLI"},
    CodePair{433, "SEN"},
    CodePair{434, "BEN"},
    CodePair{435, "MRT"},
    CodePair{436, "NER"},  // COW NIR Niger
    CodePair{437, "CIV"},
    CodePair{438, "GIN"},
    CodePair{439, "BFA"},
    CodePair{450, "LBR"},
    CodePair{451, "SLE"},
    CodePair{452, "GHA"},
    CodePair{461, "TGO"},
    CodePair{471, "CMR"},
    CodePair{475, "NGA"},  // COW NIG Nigeria
    CodePair{481, "GAB"},
    CodePair{482, "CAF"},
    CodePair{483, "TCD"},
    CodePair{484, "COG"},  // Republic of the Congo
    CodePair{490, "COD"},  // Democratic Republic of the Congo
    CodePair{500, "UGA"},
    CodePair{501, "KEN"},
    CodePair{510, "TZA"},  // Tanganyika/Tanzania
    // 511 omitted: Zanzibar 1963-1964: merged into Tanzania
    CodePair{516, "BDI"},
    CodePair{517, "RWA"},
    CodePair{520, "SOM"},
    CodePair{522, "DJI"},
    CodePair{530, "ETH"},
    CodePair{531, "ERI"},
    CodePair{540, "AGO"},
    CodePair{541, "MOZ"},
    CodePair{551, "ZMB"},
    CodePair{552, "ZWE"},
    CodePair{553, "MWI"},
    CodePair{560, "ZAF"},
    CodePair{565, "NAM"},
    CodePair{570, "LSO"},
    CodePair{571, "BWA"},
    CodePair{572, "SWZ"},  // COW SWA Swaziland/Eswatini
    CodePair{580, "MDG"},
    CodePair{581, "COM"},
    CodePair{590, "MUS"},
    CodePair{591, "SYC"},
    CodePair{600, "MAR"},
    CodePair{615, "DZA"},
    CodePair{616, "TUN"},
    CodePair{620, "LBY"},
    CodePair{625, "SDN"},
    CodePair{626, "SSD"},
    CodePair{630, "IRN"},
    CodePair{640, "TUR"},  // Ottoman Empire/Turkey
    CodePair{645, "IRQ"},
    CodePair{651, "EGY"},
    CodePair{652, "SYR"},
    CodePair{660, "LBN"},
    CodePair{663, "JOR"},
    CodePair{666, "ISR"},
    CodePair{670, "SAU"},
    // 678 omitted: Yemen Arab Republic: pre-1990 North Yemen
    CodePair{679, "YEM"},  // unified Yemen 1990-
    // 680 omitted: Yemen People's Republic: South Yemen
    CodePair{690, "KWT"},
    CodePair{692, "BHR"},
    CodePair{694, "QAT"},
    CodePair{696, "ARE"},
    CodePair{698, "OMN"},
    CodePair{700, "AFG"},
    CodePair{701, "TKM"},
    CodePair{702, "TJK"},
    CodePair{703, "KGZ"},
    CodePair{704, "UZB"},
    CodePair{705, "KAZ"},  // COW KZK
    CodePair{710, "CHN"},  // People's Republic of China (and Qing/ROC before 1949)
    CodePair{712, "MNG"},  // COW MON Mongolia
    CodePair{713, "TWN"},  // Taiwan
    // 730 omitted: Korea 1887-1905: pre-division, ambiguous
    CodePair{731, "PRK"},  // North Korea
    CodePair{732, "KOR"},  // COW ROK South Korea
    CodePair{740, "JPN"},
    CodePair{750, "IND"},
    CodePair{760, "BTN"},
    CodePair{770, "PAK"},
    CodePair{771, "BGD"},
    CodePair{775, "MMR"},
    CodePair{780, "LKA"},
    CodePair{781, "MDV"},  // COW MAD Maldives
    CodePair{790, "NPL"},
    CodePair{800, "THA"},
    CodePair{811, "KHM"},
    CodePair{812, "LAO"},
    CodePair{816, "VNM"},  // COW DRV (North) Vietnam, unified 1976-
    // 817 omitted: Republic of Vietnam: South Vietnam
    CodePair{820, "MYS"},  // COW MAL Malaysia
    CodePair{830, "SGP"},
    CodePair{835, "BRN"},
    CodePair{840, "PHL"},
    CodePair{850, "IDN"},
    CodePair{860, "TLS"},  // East Timor
    CodePair{900, "AUS"},  // COW AUL Australia
    CodePair{910, "PNG"},
    CodePair{920, "NZL"},
    CodePair{935, "VUT"},
    CodePair{940, "SLB"},
    CodePair{946, "KIR"},
    CodePair{947, "TUV"},
    CodePair{950, "FJI"},
    CodePair{955, "TON"},
    CodePair{970, "NRU"},
    CodePair{983, "MHL"},
    CodePair{986, "PLW"},
    CodePair{987, "FSM"},
    CodePair{990, "WSM"},
};

static_assert(std::is_sorted(kIso3.begin(), kIso3.end(),
                             [](const CodePair& a, const CodePair& b) { return a.ccode < b.ccode; }));

}  // namespace

std::string_view iso3_for_ccode(int ccode) noexcept {
  const auto it = std::lower_bound(kIso3.begin(), kIso3.end(), ccode,
                                   [](const CodePair& p, int c) { return p.ccode < c; });
  if (it == kIso3.end() || it->ccode != ccode) {
    return {};
  }
  return it->iso3;
}

}  // namespace entente::actor
