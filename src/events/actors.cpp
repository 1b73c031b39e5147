// Actor codes to COW states. Where a code's meaning is not certain it is left out of the tables, so
// that the aggregation reports it as unmapped instead of counting it for the wrong state.
#include "entente/events/actors.hpp"

#include <algorithm>
#include <array>

#include "entente/actor/iso3.hpp"

namespace entente::events {
namespace {

// Three upper-case letters packed into 15 bits; -1 for anything else.
int pack(std::string_view code) noexcept {
  if (code.size() != 3) return -1;
  int key = 0;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return -1;
    key = key * 32 + (c - 'A');
  }
  return key;
}

constexpr int kKeys = 32 * 32 * 32;
// Marks in the country table for codes whose state depends on the date.
constexpr int kGermany = -1, kYemen = -2, kSouthYemen = -3;

struct HistoricCode {
  std::string_view code;
  int ccode;
  std::string_view why;
};

// Older codes of the KEDS/TABARI dictionaries (and withdrawn ISO codes) that name one COW state.
// Codes whose meaning is uncertain or differs between dictionaries are deliberately absent:
// SWZ (ISO Eswatini, but Switzerland in older KEDS), AUS (Australia in ISO, Austria in COW),
// SAF (CAMEO's region Southern Africa, South Africa in older KEDS), LIB (Libya in COW, Liberia
// elsewhere), TMP and KOS (before independence), and codes of unclear meaning in the KEDS files:
// TRK, IDI, KON, CZA, CMT, SLA, MOM, MAU, GRE, ELS, BUR.
constexpr std::array kHistoric = {
    HistoricCode{"UAR", 651, "United Arab Republic, KEDS's code for Egypt"},
    HistoricCode{"USR", 365, "USSR"},
    HistoricCode{"SUN", 365, "USSR (withdrawn ISO code)"},
    HistoricCode{"LEB", 660, "Lebanon"},
    HistoricCode{"FRN", 220, "France"},
    HistoricCode{"JAP", 740, "Japan"},
    HistoricCode{"KUW", 690, "Kuwait"},
    HistoricCode{"SPN", 230, "Spain"},
    HistoricCode{"AUL", 900, "Australia"},
    HistoricCode{"NTH", 210, "Netherlands"},
    HistoricCode{"SUD", 625, "Sudan"},
    HistoricCode{"ALG", 615, "Algeria"},
    HistoricCode{"MOR", 600, "Morocco"},
    HistoricCode{"BAH", 692, "Bahrain"},
    HistoricCode{"SER", 345, "Serbia/Yugoslavia"},
    HistoricCode{"YUG", 345, "Yugoslavia (withdrawn ISO code)"},
    HistoricCode{"SCG", 345, "Serbia and Montenegro (withdrawn ISO code)"},
    HistoricCode{"BOS", 346, "Bosnia and Herzegovina"},
    HistoricCode{"ZAR", 490, "Zaire (withdrawn ISO code)"},
    HistoricCode{"BNG", 771, "Bangladesh"},
    HistoricCode{"CEY", 780, "Ceylon/Sri Lanka"},
    HistoricCode{"IDO", 850, "Indonesia"},
    HistoricCode{"VTN", 816, "Vietnam"},
    HistoricCode{"ROC", 713, "Republic of China (Taiwan)"},
    HistoricCode{"TAI", 713, "Taiwan"},
    HistoricCode{"ROM", 360, "Romania (withdrawn ISO code)"},
    HistoricCode{"SWD", 380, "Sweden"},
    HistoricCode{"IRE", 205, "Ireland"},
    HistoricCode{"NIG", 475, "Nigeria"},
    HistoricCode{"MAL", 820, "Malaysia"},
    HistoricCode{"SIN", 830, "Singapore"},
    HistoricCode{"CAM", 811, "Cambodia"},
    HistoricCode{"TAZ", 510, "Tanzania"},
    HistoricCode{"ANG", 540, "Angola"},
    HistoricCode{"FIJ", 950, "Fiji"},
    HistoricCode{"IVO", 437, "Ivory Coast"},
    HistoricCode{"MON", 712, "Mongolia"},
    HistoricCode{"SIE", 451, "Sierra Leone"},
    HistoricCode{"GUA", 90, "Guatemala"},
    HistoricCode{"GMW", 260, "West Germany"},
    HistoricCode{"GME", 265, "East Germany"},
    HistoricCode{"UAE", 696, "United Arab Emirates"},
    HistoricCode{"ERT", 531, "Eritrea"},
    HistoricCode{"LTH", 368, "Lithuania"},
    // COW's own abbreviations, which the older KEDS dictionaries use, where no ISO code is the same
    // letters (MAC, COW's Macedonia, is ISO's Macao, and is left out).
    HistoricCode{"PHI", 840, "Philippines"},
    HistoricCode{"CRO", 344, "Croatia"},
    HistoricCode{"HAI", 41, "Haiti"},
    HistoricCode{"DEN", 390, "Denmark"},
    HistoricCode{"BUL", 355, "Bulgaria"},
    HistoricCode{"POR", 235, "Portugal"},
    HistoricCode{"ZAM", 551, "Zambia"},
    HistoricCode{"CHA", 483, "Chad"},
    HistoricCode{"COS", 94, "Costa Rica"},
    HistoricCode{"NEP", 790, "Nepal"},
    HistoricCode{"HON", 91, "Honduras"},
    HistoricCode{"GAM", 420, "Gambia"},
    HistoricCode{"URU", 165, "Uruguay"},
    HistoricCode{"ICE", 395, "Iceland"},
    HistoricCode{"PAR", 150, "Paraguay"},
    HistoricCode{"NEW", 920, "New Zealand"},
    HistoricCode{"NIR", 436, "Niger"},
    HistoricCode{"CON", 484, "Congo"},
    HistoricCode{"TOG", 461, "Togo"},
    HistoricCode{"SWA", 572, "Swaziland"},
    HistoricCode{"MAW", 553, "Malawi"},
    HistoricCode{"LAT", 367, "Latvia"},
    HistoricCode{"BUI", 516, "Burundi"},
};

// Codes of actors that are not states: CAMEO's generic actor types and regions (the CAMEO manual
// 1.1b3), its religion and ethnic codes used as actors, and the group and organisation codes of
// the KEDS files.
constexpr std::string_view kNonState[] = {
    // CAMEO actor types
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU",
    "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "IGO", "IMG", "INT", "MNC", "NGM", "NGO",
    "UIS",
    // CAMEO regions
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF",
    "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
    // religions and ethnic groups used as actors
    "MOS", "CHR", "JEW", "BUD", "HIN", "ARB", "KUR", "BED", "DRZ", "SHI", "ALE",
    // Palestinians (no COW state)
    "PAL", "PSE",
    // organisations and groups in the KEDS files
    "UNO", "EEC", "OPC", "NAT", "GCC", "ICJ", "WHO", "OAS", "WEU", "ALQ", "WES", "HEZ", "PLO", "UNK",
    "AMN", "ICR", "IRC", "PKK",
};

struct Tables {
  std::array<int, kKeys> country{};  // ccode, a date mark, or 0
  std::array<bool, kKeys> non_state{};
  Tables() {
    for (int c = 1; c < 1000; ++c)
      if (const auto iso = actor::iso3_for_ccode(c); !iso.empty()) country[pack(iso)] = c;
    for (const auto& h : kHistoric) country[pack(h.code)] = h.ccode;
    country[pack("DEU")] = country[pack("GER")] = kGermany;
    country[pack("YEM")] = country[pack("YMN")] = kYemen;
    country[pack("YMS")] = kSouthYemen;
    for (auto code : kNonState)
      non_state[pack(code)] = true;
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

int ccode_for_country_code(std::string_view code, int date) noexcept {
  const int key = pack(code);
  if (key < 0) return 0;
  const int c = tables().country[key];
  switch (c) {
    case kGermany: return date < 19901003 ? 260 : 255;  // unification, 3 October 1990
    case kYemen: return date < 19900522 ? 678 : 679;    // unification, 22 May 1990
    case kSouthYemen: return date < 19900522 ? 680 : 0;
    default: return c;
  }
}

bool is_non_state_code(std::string_view code) noexcept {
  const int key = pack(code);
  return key >= 0 && tables().non_state[key];
}

bool is_state_role(std::string_view role) noexcept {
  return role == "GOV" || role == "MIL" || role == "COP" || role == "JUD" || role == "SPY" || role == "LEG";
}

Actor actor_from_country(std::string_view country, std::string_view role, int date) noexcept {
  if (country.empty()) return {is_non_state_code(role) ? ActorKind::non_state : ActorKind::unmapped, 0};
  if (const int c = ccode_for_country_code(country, date))
    return {role.empty() || is_state_role(role) ? ActorKind::state : ActorKind::society, c};
  return {is_non_state_code(country) ? ActorKind::non_state : ActorKind::unmapped, 0};
}

Actor actor_from_keds_code(std::string_view code, int date) noexcept {
  if (code == "UN") return {ActorKind::non_state, 0};  // the United Nations, KEDS's one two-letter code
  if (code.size() < 3 || code.size() % 3 != 0) return {};  // KEDS codes are chunks of three letters
  return actor_from_country(code.substr(0, 3), code.size() >= 6 ? code.substr(3, 3) : std::string_view(), date);
}

}  // namespace entente::events
