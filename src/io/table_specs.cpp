// The provider tables entente reads with the generic reader: their columns as the providers
// publish them (see each codebook), the store columns they become, and their missing codes.
#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "entente/io/table_spec.hpp"

namespace entente::io {
namespace {

using C = ColumnSpec;
using T = ColumnType;
constexpr double kInf = std::numeric_limits<double>::infinity();

// COW codebooks: -9 unknown, -8 not applicable, -7 ongoing (wars); all read as missing.
constexpr std::array<double, 3> kCowMissing = {-9, -8, -7};
constexpr std::array<double, 1> kMinus9 = {-9};

constexpr C code(std::string_view name, std::string_view source) { return {name, source, T::integer, true, 1, 999}; }
constexpr C year(std::string_view name, std::string_view source, bool required = true) {
  return {name, source, T::integer, required, 1400, 2100, kCowMissing};
}
constexpr C num(std::string_view name, std::string_view source) { return {name, source, T::integer, false, -kInf, kInf, kCowMissing}; }
constexpr C real(std::string_view name, std::string_view source, double lo = -kInf, double hi = kInf) {
  return {name, source, T::real, false, lo, hi, kMinus9};
}
constexpr C flag(std::string_view name, std::string_view source) { return {name, source, T::flag}; }
constexpr C text(std::string_view name, std::string_view source, bool required = false) {
  return {name, source, T::text, required};
}

constexpr std::array kContiguity = {
    code("ccode1", "ccode1"), code("ccode2", "ccode2"),
    C{"conttype", "conttype", T::integer, true, 0, 5},
    text("start_date", "stdate", true), text("end_date", "enddate", true),
    C{"start_year", "stdate", T::integer, true, 1800, 2100, {}, Transform::year_of_date},
    C{"end_year", "enddate", T::integer, true, 1800, 2100, {}, Transform::year_of_date}};
constexpr std::array<std::string_view, 3> kContiguityKey = {"ccode1", "ccode2", "start_date"};

constexpr std::array kVoetenRollcalls = {
    C{"rcid", "rcid", T::integer, true, 1, 1e9}, C{"session", "session", T::integer, true, 1, 200},
    year("year", "year"), text("date", "date"), text("unres", "unres"), flag("important", "importantvote"),
    flag("me", "me"), flag("nu", "nu"), flag("di", "di"), flag("hr", "hr"), flag("co", "co"),
    // One `ec` cell of the provider's file is malformed ("0\""): the column is kept as text.
    text("ec", "ec")};
constexpr std::array<std::string_view, 1> kRcidKey = {"rcid"};

constexpr std::array kVoetenVotes = {C{"rcid", "rcid", T::integer, true, 1, 1e9}, code("ccode", "ccode"),
                                     C{"vote", "vote", T::integer, true, 1, 9}};
constexpr std::array<std::string_view, 2> kVoteKey = {"rcid", "ccode"};

constexpr std::array kUnvotesRollcalls = {
    C{"rcid", "rcid", T::integer, true, 1, 1e9}, C{"session", "session", T::integer, true, 1, 200},
    flag("important", "importantvote"), text("date", "date", true),
    C{"year", "date", T::integer, true, 1945, 2100, {}, Transform::year_of_date}, text("unres", "unres"),
    flag("amend", "amend"), flag("para", "para"),
    C{"short", "short", T::text, false, -kInf, kInf, {}, Transform::none, false},
    C{"descr", "descr", T::text, false, -kInf, kInf, {}, Transform::none, false}};

constexpr std::array kUnvotesIssues = {C{"rcid", "rcid", T::integer, true, 1, 1e9}, text("short_name", "short_name", true),
                                       text("issue", "issue", true)};
constexpr std::array<std::string_view, 2> kIssueKey = {"rcid", "short_name"};

constexpr std::array kUnvotesVotes = {
    C{"rcid", "rcid", T::integer, true, 1, 1e9},
    C{"country", "country", T::text, false, -kInf, kInf, {}, Transform::none, false},
    text("iso2", "country_code", true),
    C{"ccode", "country_code", T::integer, true, 1, 999, {}, Transform::iso2_ccode},
    C{"vote", "vote", T::integer, true, 1, 3, {}, Transform::vote_word}};

constexpr std::array kMidA = {
    C{"dispnum", "dispnum", T::integer, true, 1, 1e6}, num("stday", "stday"), num("stmon", "stmon"),
    year("styear", "styear"), num("endday", "endday"), num("endmon", "endmon"), year("endyear", "endyear"),
    num("outcome", "outcome"), num("settle", "settle"), num("fatality", "fatality"), num("fatalpre", "fatalpre"),
    num("maxdur", "maxdur"), num("mindur", "mindur"), num("hiact", "hiact"), num("hostlev", "hostlev"),
    flag("recip", "recip"), num("numa", "numa"), num("numb", "numb"), flag("ongo2014", "ongo2014"),
    num("version", "version")};
constexpr std::array<std::string_view, 1> kDispKey = {"dispnum"};

constexpr std::array kMidB = {
    C{"dispnum", "dispnum", T::integer, true, 1, 1e6}, text("stabb", "stabb"), code("ccode", "ccode"),
    num("stday", "stday"), num("stmon", "stmon"), year("styear", "styear"), num("endday", "endday"),
    num("endmon", "endmon"), year("endyear", "endyear"), flag("sidea", "sidea"), flag("revstate", "revstate"),
    num("revtype1", "revtype1"), num("revtype2", "revtype2"), num("fatality", "fatality"),
    num("fatalpre", "fatalpre"), num("hiact", "hiact"), num("hostlev", "hostlev"), flag("orig", "orig"),
    num("version", "version")};
// A state can take part in a dispute more than once, on either side: a participation is its
// start date (the month or day may be unknown, so this is no primary key).
constexpr std::array<std::string_view, 5> kMidParticipation = {"dispnum", "ccode", "styear", "stmon", "stday"};

constexpr std::array kMidDyadYear = {
    C{"dispnum", "dispnum", T::integer, true, 1, 1e6}, code("ccode1", "ccode1"), code("ccode2", "ccode2"),
    year("year", "year"), flag("ongoing", "cowmidongoing"), flag("onset", "cowmidonset"),
    flag("sidea1", "sidea1"), flag("sidea2", "sidea2"), num("fatality1", "fatality1"), num("fatality2", "fatality2"),
    num("fatalpre1", "fatalpre1"), num("fatalpre2", "fatalpre2"), num("hiact1", "hiact1"), num("hiact2", "hiact2"),
    num("hostlev1", "hostlev1"), num("hostlev2", "hostlev2"), flag("orig1", "orig1"), flag("orig2", "orig2"),
    num("fatality", "fatality"), num("hostlev", "hostlev"), num("mindur", "mindur"), num("maxdur", "maxdur"),
    flag("recip", "recip"), num("stmon", "stmon")};
constexpr std::array<std::string_view, 4> kMidDyadKey = {"dispnum", "ccode1", "ccode2", "year"};

constexpr std::array kWars = {
    C{"war", "WarNum", T::integer, true, 1, 1e6}, text("war_name", "WarName"), num("war_type", "WarType"),
    code("ccode", "ccode"), text("state_name", "StateName"), num("side", "Side"),
    num("start_month1", "StartMonth1"), num("start_day1", "StartDay1"), year("start_year1", "StartYear1"),
    num("end_month1", "EndMonth1"), num("end_day1", "EndDay1"), year("end_year1", "EndYear1", false),
    num("start_month2", "StartMonth2"), num("start_day2", "StartDay2"), year("start_year2", "StartYear2", false),
    num("end_month2", "EndMonth2"), num("end_day2", "EndDay2"), year("end_year2", "EndYear2", false),
    text("trans_from", "TransFrom"), num("where_fought", "WhereFought"), num("initiator", "Initiator"),
    num("outcome", "Outcome"), text("trans_to", "TransTo"), num("bat_death", "BatDeath"), num("version", "Version")};
// A state fights on each side of a war at most once; some changed sides (Italy, Romania and
// Bulgaria in the Second World War) and have a row per side.
constexpr std::array<std::string_view, 3> kWarParticipation = {"war", "ccode", "side"};

constexpr std::array kRivalriesTd = {
    C{"rivalry", "rivalryno", T::integer, true, 1, 1e6}, text("name", "rivalryname"), code("ccode1", "ccode1"),
    code("ccode2", "ccode2"), year("start_year", "styear"), year("end_year", "endyear"), text("region", "region"),
    text("type1", "type1"), text("type2", "type2"), text("type3", "type3")};
constexpr std::array<std::string_view, 1> kRivalryKey = {"rivalry"};

constexpr std::array kRivalriesTss = {
    C{"rivalry", "tssr_id", T::integer, true, 1, 1e6}, text("name", "rivalry"), code("ccode1", "ccode1"),
    code("ccode2", "ccode2"), year("start_year", "start"), year("end_year", "end"), flag("positional", "positional"),
    flag("spatial", "spatial"), flag("ideological", "ideological"), flag("interventionary", "interventionary"),
    flag("principal", "principal"), flag("aprin", "aprin")};

constexpr std::array kTradeDyadic = {code("ccode1", "ccode1"), code("ccode2", "ccode2"), year("year", "year"),
                                     real("flow1", "flow1", 0), real("flow2", "flow2", 0),
                                     real("smoothflow1", "smoothflow1", 0), real("smoothflow2", "smoothflow2", 0)};
// Year first: the providers split dyadic trade by years, so each file appends to the table.
constexpr std::array<std::string_view, 3> kDyadYearKey = {"year", "ccode1", "ccode2"};

// Not checked against the state system (TableSpec::state_years): COW's trade file has 765
// state-years outside the membership spells (microstates before they joined, Germany 1945-1954).
constexpr std::array kTradeNational = {code("ccode", "ccode"), year("year", "year"), real("imports", "imports", 0),
                                       real("exports", "exports", 0)};
constexpr std::array<std::string_view, 2> kStateYearKey = {"ccode", "year"};

// Every value is a score: -9 is a real Polity2 score, not a missing code.
constexpr C score(std::string_view name, std::string_view source, double lo = -kInf, double hi = kInf) {
  return {name, source, T::real, false, lo, hi};
}
constexpr std::array kDemocracy = {code("ccode", "ccode"), year("year", "year"),
                                   score("polyarchy", "v2x_polyarchy", 0, 1), score("polity2", "polity2", -10, 10),
                                   score("quds", "xm_qudsest")};

constexpr std::array kMajors = {text("abbrev", "stateabb", true), code("ccode", "ccode"), year("start_year", "styear"),
                                num("start_month", "stmonth"), num("start_day", "stday"), year("end_year", "endyear"),
                                num("end_month", "endmonth"), num("end_day", "endday"), num("version", "version")};
constexpr std::array<std::string_view, 2> kSpellKey = {"ccode", "start_year"};

// Several rows per state, one per spell of regional or global power status: a spell is its start
// dates, either of which can be empty (so they are no primary key).
constexpr std::array kMaoz = {code("ccode", "ccode"), text("regional_start", "regstdate"),
                              text("regional_end", "regenddate"), text("global_start", "globstdate"),
                              text("global_end", "globenddate")};
constexpr std::array<std::string_view, 3> kMaozSpell = {"ccode", "regional_start", "global_start"};
// No key and no identity, the one table without a duplicate check: the file has two rows for
// "NAU" (both named Nauru, one of them probably Kiribati's) in each year 2000-2012, with
// different values; both are kept as published.
constexpr std::array kQss = {year("year", "Year"), text("abbrev", "CountryAbb", true), text("name", "CountryName"),
                             score("idealpoint", "idealpoint"), score("pct_agree_us", "PctAgreeUS", 0, 1),
                             score("pct_agree_russia", "PctAgreeRUSSIA", 0, 1)};

// ATOP v5.1 treaty-level files (Leeds et al. 2002; codebook of 9 August 2022). Exit dates of 0
// mean "still in effect when the data end" and are stored as NULL, never as year 0. Member codes are
// COW codes, with a few that are not (8152), so they are not checked against the state system.
constexpr std::array<double, 1> kZero = {0};
constexpr C atop_id(std::string_view name) { return {name, name, T::integer, true, 1000, 99999}; }
constexpr C atop_year(std::string_view name, bool exit) {
  return {name, name, T::integer, !exit, 1800, 2100, exit ? std::span<const double>(kZero) : std::span<const double>()};
}
constexpr C atop_part(std::string_view name, bool exit, double hi) {
  return {name, name, T::integer, false, 1, hi, exit ? std::span<const double>(kZero) : std::span<const double>()};
}
constexpr C atop_level(std::string_view name, double hi) { return {name, name, T::integer, false, 0, hi}; }

constexpr std::array kAtopMembers = {
    atop_id("atopid"), C{"member", "member", T::integer, true, 1, 9999},
    atop_year("yrent", false), atop_part("moent", false, 12), atop_part("dayent", false, 31),
    atop_year("yrexit", true), atop_part("moexit", true, 12), atop_part("dayexit", true, 31),
    atop_level("phase", 9), atop_level("maxphase", 9), flag("bilat", "bilat"), flag("ineffect", "ineffect"),
    flag("defense", "defense"), flag("offense", "offense"), flag("neutral", "neutral"), flag("nonagg", "nonagg"),
    flag("consul", "consul"), flag("active", "active"), flag("conditio", "conditio"),
    C{"cowid", "cowid", T::integer, false, 1, 9999}, C{"cow4id", "cow4id", T::integer, false, 1, 9999}};
// A member can leave a treaty and join it again within one phase (Egypt and 3015): its entry date
// is part of the key.
constexpr std::array<std::string_view, 5> kAtopMemberKey = {"atopid", "member", "phase", "yrent", "moent"};

constexpr std::array kAtopAlliances = {
    atop_id("atopid"), atop_year("begyr", false), atop_part("begmo", false, 12), atop_part("begday", false, 31),
    atop_year("endyr", true), atop_part("endmo", true, 12), atop_part("endday", true, 31),
    flag("ineffect", "ineffect"), flag("bilat", "bilat"), atop_level("maxphase", 9), flag("wartime", "wartime"),
    flag("defense", "defense"), flag("offense", "offense"), flag("neutral", "neutral"), flag("nonagg", "nonagg"),
    flag("consul", "consul"), flag("active", "active"), flag("conditio", "conditio"), flag("asymm", "asymm"),
    atop_level("milcon", 3), atop_level("milaid", 4), flag("intcom", "intcom"), atop_level("organ1", 3),
    atop_level("base", 3), C{"cowid", "cowid", T::integer, false, 1, 9999},
    C{"cow4id", "cow4id", T::integer, false, 1, 9999}};
constexpr std::array<std::string_view, 1> kAtopIdKey = {"atopid"};

// Leeds & Anac (2005): one row per treaty phase. `atopidphase` is the provider's id ("4810.2002"),
// `phase` the phase it names (0 for a treaty of one phase), as in the member-level file.
constexpr std::array kAtopInstitutions = {
    atop_id("atopid"), text("atopidphase", "atopidphase", true),
    C{"phase", "atopidphase", T::integer, true, 0, 9, {}, Transform::atop_phase}, atop_level("milinst", 2),
    atop_level("formal", 2)};
constexpr std::array<std::string_view, 2> kAtopPhaseKey = {"atopid", "phase"};
// DCAD v1.0 (Kinne 2020), one row per agreement. The codebook's non-values -77 (not
// applicable), -88 (unknown) and -99 (not coded) are NULL; the other negative codes of renewType
// and renewYears (-44, -55, -56, -57, -58, -66) name kinds of renewal, so they are kept as
// published. Blank cells are unknown (NULL) too.
constexpr std::array<double, 3> kDcadMissing = {-77, -88, -99};
constexpr C dcad_num(std::string_view name, std::string_view source, double lo = -kInf, double hi = kInf,
                     bool required = false) {
  return {name, source, T::integer, required, lo, hi, kDcadMissing};
}
constexpr std::array kDcad = {
    text("dca_id", "DCAid", true), code("ccode1", "ccode1"), code("ccode2", "ccode2"),
    dcad_num("sign_day", "signDay", 1, 31), dcad_num("sign_month", "signMonth", 1, 12),
    dcad_num("sign_year", "signYear", 1900, 2100, true), dcad_num("eif_day", "EIFDay", 1, 31),
    dcad_num("eif_month", "EIFMonth", 1, 12), dcad_num("eif_year", "EIFYear", 1900, 2100),
    text("type", "type", true),  // "general" (a framework DCA) or "sector" (one field of cooperation)
    text("category1", "category1", true), text("category2", "category2"), text("category3", "category3"),
    dcad_num("span", "span", 0), dcad_num("renew_type", "renewType"), dcad_num("renew_years", "renewYears"),
    dcad_num("terminated", "terminated", 0, 1), dcad_num("duration_actual", "durationActual", 0),
    // DCAD's estimate of the last year in force; 2010 also stands for "still in force in 2010".
    dcad_num("end_year_estimate", "endYearEstimate", 1900, 2100, true),
    dcad_num("asymmetry", "asymmetry", 0, 2, true)};
constexpr std::array<std::string_view, 1> kDcadKey = {"dca_id"};

// COW IGO v3, long form of the state-year file (io/cow_igo.cpp reshapes the wide file): one row
// per state, year and IGO whose status is full (1), associate (2) or observer (3) membership, or
// missing (-9, stored as NULL). No row means "not a member" (0) or "not applicable" (-1: the
// state is outside the system or the IGO does not exist that year); the IGO's years in table
// `igo` tell the two apart. The source names are the store's: the special reader maps the file.
constexpr std::array kIgoMembership = {code("ccode", "ccode"), year("year", "year"), text("igo", "igo", true),
                                       C{"status", "status", T::integer, false, 1, 3}};
// Year first, so a panel's years are one range of the table.
constexpr std::array<std::string_view, 3> kIgoMembershipKey = {"year", "ccode", "igo"};

// COW IGO v3, one row per IGO from the IGO-year file: its abbreviation as the state-year file's
// column (lower case), COW's number and names, and the first and last year it has a row.
constexpr std::array kIgo = {
    text("igo", "ioname", true), C{"ionum", "ionum", T::integer, false, 1, 1e6}, text("name", "orgname"),
    C{"long_name", "longorgname", T::text, false, -kInf, kInf, {}, Transform::none, true},
    year("first_year", "year"), year("last_year", "year")};
constexpr std::array<std::string_view, 1> kIgoKey = {"igo"};

// UN ideal points estimated by entente (idealpoint/) from every state's votes when a world file is
// written (world::export_contents): the bundled world keeps the votes of its own states only, and
// ideal points estimated from those alone would sit on another scale. No provider file has this
// layout, so it has no reader.
constexpr std::array kIdealpoints = {code("ccode", "ccode"), year("year", "year"), real("idealpoint", "idealpoint"),
                                     C{"votes", "votes", T::integer, true, 0, 1e6}};

constexpr std::array<std::string_view, 0> kNoKey = {};

const std::array kSpecs = {
    TableSpec{"atop-members", "atop_members", "atop_member", "atop5_1m.csv",
              "ATOP v5.1 member level: atopid,member,yrent,...,yrexit,phase,bilat,defense,...,consul",
              kAtopMembers, kAtopMemberKey, "yrent", "yrexit", "5.1"},
    TableSpec{"atop-alliances", "atop_alliances", "atop_alliance", "atop5_1a.csv",
              "ATOP v5.1 alliance level: atopid,begyr,...,endyr,bilat,defense,...,milcon,organ1,...",
              kAtopAlliances, kAtopIdKey, "begyr", "endyr", "5.1"},
    TableSpec{"atop-institutions", "atop_institutions", "atop_institution", "atopinst5_1.csv",
              "ATOP alliance institutionalisation (Leeds & Anac 2005): atopid,atopidphase,milinst,formal",
              kAtopInstitutions, kAtopPhaseKey, "", "", "5.1"},
    TableSpec{"cow-contiguity", "cow_contiguity", "contiguity", "cow_contdir_v3.2_directed_periods.csv",
              "COW Direct Contiguity v3.2, directed periods: ccode1,ccode2,conttype,stdate,enddate", kContiguity,
              kContiguityKey, "start_year", "end_year", "3.2"},
    TableSpec{"voeten-rollcalls", "unga_rollcalls", "un_rollcall", "voeten_rollcalls_1946_2015.csv",
              "UNGA roll calls (Voeten): rcid,session,year,date,unres,importantvote,me,nu,di,hr,co,ec",
              kVoetenRollcalls, kRcidKey, "year", "", ""},
    TableSpec{"voeten-votes", "unga_votes", "un_vote", "voeten_votes_sessions_01_25.csv",
              "UNGA votes (Voeten): rcid,ccode,vote (1 yes, 2 abstain, 3 no, 8 absent)", kVoetenVotes, kVoteKey, "",
              "", "", true, false, {}, false, 1},
    TableSpec{"unvotes-roll-calls", "unvotes_rollcalls", "unvotes_rollcall", "unvotes2021_roll_calls.csv",
              "UNGA roll calls to 2019 (unvotes 2021): rcid,session,importantvote,date,unres,...", kUnvotesRollcalls,
              kRcidKey, "year", "", "2021"},
    TableSpec{"unvotes-issues", "unvotes_issues", "unvotes_issue", "unvotes2021_roll_call_issues.csv",
              "UNGA roll-call issues (unvotes 2021): rcid,short_name,issue", kUnvotesIssues, kIssueKey, "", "", "2021",
              false},
    TableSpec{"unvotes-votes", "unvotes_votes", "unvotes_vote", "unvotes2021_votes_sessions_71_74.csv",
              "UNGA votes 2016-2019 (unvotes 2021): rcid,country,country_code (ISO2),vote (yes/abstain/no)",
              kUnvotesVotes, kVoteKey, "", "", "2021", true, false, {}, false, 1},
    TableSpec{"mid-a", "cow_mid_disputes", "mid_dispute", "MIDA_5.0.csv", "COW MID 5.0, dispute level (MIDA)", kMidA,
              kDispKey, "styear", "endyear", "5.0"},
    TableSpec{"mid-b", "cow_mid_participants", "mid_participant", "MIDB_5.0.csv",
              "COW MID 5.0, participant level (MIDB)", kMidB, kNoKey, "styear", "endyear", "5.0", true, false,
              kMidParticipation},
    TableSpec{"mid-dyad-year", "cow_mid_dyad_years", "mid_dyad_year", "cow_mid_v5_dyad_year_peacesciencer.csv",
              "COW MID 5.0 dispute dyad-years (peacesciencer layout)", kMidDyadYear, kMidDyadKey, "year", "", "5.0"},
    TableSpec{"cow-interstate-wars", "cow_wars", "war_participant", "Inter-StateWarData_v4.0.csv",
              "COW Inter-State War Data v4.0, one row per participant", kWars, kNoKey, "start_year1", "end_year1",
              "4.0", true, false, kWarParticipation},
    TableSpec{"rivalries-td", "rivalries_td", "rivalry_td", "thompson_dreyer_strategic_rivalries.csv",
              "Thompson-Dreyer strategic rivalries (to 2010)", kRivalriesTd, kRivalryKey, "start_year", "end_year",
              "2012"},
    TableSpec{"rivalries-tss", "rivalries_tss", "rivalry_tss", "tss_strategic_rivalries.csv",
              "Thompson-Sakuwa-Suhas strategic rivalries (to 2020)", kRivalriesTss, kRivalryKey, "start_year",
              "end_year", "2022"},
    TableSpec{"cow-trade-dyadic", "cow_trade_dyadic", "trade_dyad_year", "cow_trade_v4_dyad_year_2004_2014.csv",
              "COW Trade v4.0 dyadic: ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2 (US$ millions)",
              kTradeDyadic, kDyadYearKey, "year", "", "4.0", true, false, {}, false, 2},
    TableSpec{"cow-trade-national", "cow_trade_national", "trade_state_year", "cow_trade_v4_state_year.csv",
              "COW Trade v4.0 national totals: ccode,year,imports,exports", kTradeNational, kStateYearKey, "year",
              "", "4.0"},
    TableSpec{"democracy", "democracy", "democracy_year", "ccode_democracy_polity_vdem_quds.csv",
              "Democracy scores: ccode,year,v2x_polyarchy,polity2,xm_qudsest", kDemocracy, kStateYearKey, "year", "",
              "", true, false, {}, true},
    TableSpec{"cow-majors", "cow_majors", "major_power", "majors2016.csv", "COW major powers v2016 (spells)", kMajors,
              kSpellKey, "start_year", "end_year", "2016"},
    TableSpec{"maoz-powers", "maoz_powers", "maoz_power", "maoz_powers_peacesciencer.csv",
              "Maoz regional and global powers: ccode,regstdate,regenddate,globstdate,globenddate", kMaoz, kNoKey,
              "", "", "", true, false, kMaozSpell},
    TableSpec{"dcad", "dcad", "dca", "DCAD-v1.0-main.csv",
              "Defense Cooperation Agreement Dataset v1.0 (Kinne): one row per bilateral agreement, 1980-2010",
              kDcad, kDcadKey, "sign_year", "", "1.0"},
    TableSpec{"cow-igo-state-year", "cow_igo", "igo_membership", "state_year_formatv3.csv",
              "COW IGO v3 state-year file (ccode,year,state, one column per IGO), stored long", kIgoMembership,
              kIgoMembershipKey, "year", "", "3.0", true, true, {}, false, 2},
    TableSpec{"cow-igo-igo-year", "cow_igo_orgs", "igo", "igo_year_formatv3.csv",
              "COW IGO v3 IGO-year file (ioname,orgname,year,...): the IGOs' names and years", kIgo, kIgoKey,
              "first_year", "last_year", "3.0", true, true},
    TableSpec{"un-idealpoints", "unga_idealpoints", "un_idealpoint", "",
              "UN ideal points estimated by entente when a world file is written (no reader)", kIdealpoints,
              kStateYearKey, "year", "", "", true, true},
    TableSpec{"qss-unvoting", "qss_unvoting", "qss_unvoting", "qss_unvoting_idealpoints_1946_2012.csv",
              "UNGA ideal points and agreement with the US and Russia (QSS)", kQss, kNoKey, "year", "", "", false},
};

std::string_view sql_type(ColumnType t) {
  switch (t) {
    case ColumnType::integer:
    case ColumnType::flag: return "INTEGER";
    case ColumnType::real: return "REAL";
    case ColumnType::text: return "TEXT";
  }
  return "TEXT";
}

}  // namespace

std::span<const TableSpec> table_specs() noexcept { return kSpecs; }

std::span<const std::string_view> unique_columns(const TableSpec& spec) noexcept {
  return spec.key.empty() ? spec.identity : spec.key;
}

const TableSpec* table_spec(std::string_view format) noexcept {
  for (const auto& s : kSpecs)
    if (s.format == format) return &s;
  return nullptr;
}

std::string create_table_sql(const TableSpec& spec) {
  std::string sql = fmt::format("CREATE TABLE {} (", spec.table);
  const auto group = spec.key.first(spec.packed_by);
  auto grouped = [&](std::string_view name) { return std::find(group.begin(), group.end(), name) != group.end(); };
  if (spec.packed_by > 0) {
    for (auto name : group)
      for (const auto& c : spec.columns)
        if (c.name == name) sql += fmt::format("{} {} NOT NULL, ", c.name, sql_type(c.type));
    for (const auto& c : spec.columns)
      if (!grouped(c.name)) sql += fmt::format("{} BLOB NOT NULL, ", c.name);
    sql += "PRIMARY KEY (";
    for (std::size_t i = 0; i < group.size(); ++i) sql += fmt::format("{}{}", i ? ", " : "", group[i]);
    // A rowid table, unlike the plain tables: its rows keep up to a page of payload locally, where
    // a WITHOUT ROWID row spills everything past about 1 KB into overflow pages that are mostly
    // empty (the packed UN votes took three times their size so).
    return sql + "));";
  }
  for (const auto& c : spec.columns)
    sql += fmt::format("{} {}{}, ", c.name, sql_type(c.type), c.required ? " NOT NULL" : "");
  if (spec.key.empty()) {
    sql.resize(sql.size() - 2);
    return sql + ");";
  }
  sql += "PRIMARY KEY (";
  for (std::size_t i = 0; i < spec.key.size(); ++i) sql += fmt::format("{}{}", i ? ", " : "", spec.key[i]);
  return sql + ")) WITHOUT ROWID;";
}

}  // namespace entente::io
