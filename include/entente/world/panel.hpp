#pragma once
// A panel: the evidence of a store for a span of years, loaded once and handed out one year at a
// time as dense per-year matrices over the states of that year's system. Dense n×n arrays
// (n ≤ ~200) beat maps for every model that reads all dyads of a year.
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "entente/events/evidence_layer.hpp"
#include "entente/events/score.hpp"
#include "entente/idealpoint/idealpoint.hpp"
#include "entente/world/conventions.hpp"

namespace entente::world {

// Read from a store (world/source.hpp): the panel itself is a value the models may see, the store
// it comes from is not (docs/ARCHITECTURE.md, "Layers").
struct Source;

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline constexpr std::uint8_t kUnknownFatality = 255;  // Year::mid_fatality of a dispute coded -9

// Which evidence a panel loads; each costs reading its tables.
struct PanelLayers {
  bool alliances = true;   // COW Formal Alliances and ATOP
  bool capabilities = true;
  bool contiguity = false;
  bool disputes = false;
  bool rivalries = false;
  bool trade = false;
  bool national_trade = false;  // state-year imports and exports
  bool votes = false;
  bool idealpoints = false;  // one-dimensional ideal points from the year's votes (loads votes)
  bool democracy = false;
  bool majors = true;
  bool wars = false;  // COW inter-state wars
  bool treaties = false;  // ATOP treaty identity and size (member-level file, institutionalisation)
  bool dca = false;   // DCAD defense cooperation agreements
  bool igos = false;  // COW IGO memberships
  // An event evidence layer (events::EvidenceLayer): the one named, or the store's only one.
  bool events = false;
  std::string events_layer;
};

// A dyad's event data in a year (an event evidence layer), both directions summed: the year's
// tally and each month's (months stay empty when the layer's period is longer than a month).
struct EventDyad {
  int a = 0, b = 0;  // positions in the year, a < b
  events::Tally year;
  std::array<events::Tally, 12> months{};
};

// An ATOP treaty in effect in a year, from the member-level file: which treaty, how many states it
// binds that year and what they promised. The directed dyad-year file says who owes what to whom;
// this says which treaty it comes from and whether it is a bilateral partnership or a signature
// on a large multilateral framework.
struct Treaty {
  int atopid = 0;
  int signed_year = 0;           // the first year any state entered it
  int members = 0;               // states bound by it this year, system members or not (ATOP codes)
  std::uint8_t obligations = 0;  // bits of evidence::kObligations that its members undertook this year
  int milinst = -1;              // Leeds & Anac military institutionalisation (0-2) of the phase in effect; -1 unknown
  bool bilateral() const { return members == 2; }
};

// A defense cooperation agreement (DCAD v1.0) of a year, between two system members of that year
// that are both in the evidence scope. It is in force from its entry into force — or its
// signature when DCAD gives no entry-into-force year — to DCAD's endYearEstimate, both years
// included. DCAD writes 2010, the last year it covers, also for agreements still in force then,
// so an agreement whose estimate is the coverage's last year does not count as ending in it.
struct DefenseAgreement {
  std::string id;          // DCAD's DCAid, e.g. "DCADv1.0-1333"
  int a = 0, b = 0;        // positions of the two states in the year, a < b
  bool general = false;    // a general (framework) DCA; false: a sector agreement
  int signed_year = 0;
  int start_year = 0;      // entry into force, or signature when DCAD has no entry-into-force year
  int end_year = 0;        // DCAD's endYearEstimate
  bool in_force = false;   // start_year <= year <= end_year
  bool signed_this_year = false;
  bool ended_this_year = false;  // in force, and the year is its end estimate (not coverage's end)
};

// One year's evidence over the system members of that year (COW states), in ccode order.
// Matrices are row-major n×n; entry [i*n+j] is about i toward j (directed where the source is).
struct Year {
  int year = 0;
  std::vector<int> ccodes;
  // 1 where the store holds evidence about the state (its evidence scope); a dyad with a state
  // outside reads missing in every layer.
  std::vector<std::uint8_t> in_scope;
  std::size_t n() const { return ccodes.size(); }
  // Position of a state in this year's system, or -1.
  int index(int ccode) const;
  // The dyad-year universe of the panel, and the days of the year each state was a member
  // (closed yyyymmdd intervals, actor::Actor::days_in), left empty for a member all year.
  Universe universe = Universe::simultaneous;
  std::vector<std::vector<std::pair<int, int>>> member_days;
  // Whether states i and j form a dyad in this year under `universe`: always with `any`; with
  // `simultaneous`, when they were members on a common day. Every model that enumerates pairs
  // asks this, so a pair outside the universe has no row, no stance and no edge. A state without
  // days listed (a Year built by hand, a state a scenario adds) pairs with every state.
  bool in_universe(std::size_t i, std::size_t j) const;

  // Alliance obligations as bit sets (bit k = evidence::kObligations[k]); `*_covered` says the
  // dataset covers the year. Bits of obligations a dataset does not code stay 0.
  bool cow_covered = false, atop_covered = false;
  std::vector<std::uint8_t> cow, atop;
  // ATOP treaties in effect this year (`treaties_covered`: the member-level file covers the year),
  // and for each state the indices of the treaties it is bound by, ascending. Only states in the
  // evidence scope have treaties; the members count every state a treaty binds.
  bool treaties_covered = false;
  std::vector<Treaty> treaties;
  std::vector<std::vector<std::uint32_t>> treaties_of;
  // The treaties that bind both i and j this year (indices into `treaties`, ascending).
  std::vector<std::uint32_t> shared_treaties(std::size_t i, std::size_t j) const;
  // Capabilities (NaN missing) and COW major-power status.
  std::vector<double> cinc;
  bool majors_covered = false;
  std::vector<std::uint8_t> major;
  // Contiguity type (1 land … 5 water ≤ 400 miles, 0 none) under the panel's contiguity rule:
  // the closest of the year's periods, or the type in force on 1 January.
  bool contiguity_covered = false;
  std::vector<std::uint8_t> conttype;
  // Militarized disputes in the year (MID dyad-years): any onset, any ongoing, highest hostility
  // level (0 none, 1-5), highest fatality level (0-6; kUnknownFatality when unknown), any
  // reciprocated.
  bool disputes_covered = false;
  std::vector<std::uint8_t> mid_onset, mid_ongoing, mid_hostlev, mid_fatality, mid_recip;
  // COW inter-state wars: war[i*n+j] = 1 when i and j fought on opposite sides that year.
  bool wars_covered = false;
  std::vector<std::uint8_t> war;
  // Strategic rivalries ongoing in the year.
  bool td_covered = false, tss_covered = false;
  std::vector<std::uint8_t> rival_td, rival_tss;
  // Trade: flow[i*n+j] = i's imports from j, US$ millions (NaN missing).
  bool trade_covered = false;
  std::vector<double> flow;
  // UN votes: `rollcalls` roll calls of the year; votes[i*rollcalls+r] = Voeten code (1 yes,
  // 2 abstain, 3 no, 8 absent, 9 not a member; 0 no record).
  std::size_t rollcalls = 0;
  bool votes_covered = false;  // roll calls and votes of the year are in the store
  std::vector<std::int8_t> votes;
  // Ideal points (PanelLayers::idealpoints): one per state, estimated from the year's votes of
  // the states in scope (idealpoint::estimate, default options); NaN for a state with too few
  // usable votes, outside the scope, or in a year without votes. `idealpoint_votes` is the
  // number of votes each estimate used.
  std::vector<double> idealpoint;
  std::vector<int> idealpoint_votes;
  idealpoint::Fit idealpoint_fit;
  // True when the store carries ideal points (a world file's table un_idealpoint, estimated from
  // every state's votes when it was written) and these are they; then idealpoint_fit is empty.
  bool idealpoint_stored = false;
  // National trade totals per state, US$ millions (NaN missing).
  std::vector<double> imports, exports;
  // Democracy scores per state (NaN missing).
  std::vector<double> polity2, polyarchy, quds;
  // Defense cooperation agreements (DCAD, whose coverage is the years agreements were signed,
  // 1980-2010): every agreement in force in the year, or signed in it, sorted by (a, b, id).
  bool dca_covered = false;
  std::pair<int, int> dca_years{0, 0};  // the years DCAD covers (0, 0 when the store lacks it), for explain
  std::vector<DefenseAgreement> dcas;
  // The agreements of the dyad of positions i and j (either order); empty when none.
  std::span<const DefenseAgreement> dcas_of(int i, int j) const;
  // COW IGO memberships. `igo_names` are the IGOs of the panel (COW's lower-case abbreviations,
  // sorted); the lists below hold positions in it. Per state: the IGOs it is a full member of
  // (status 1) in the year, and those whose status COW codes as missing (-9), both sorted. A state
  // outside the evidence scope has empty lists; every other IGO is "not a member or not
  // applicable" (COW's 0 and -1, which the store does not keep).
  bool igos_covered = false;
  std::vector<std::string> igo_names;
  std::vector<std::vector<std::uint16_t>> igo_full, igo_unknown;
  // The IGOs both states of positions i and j are full members of (a sorted-list intersection).
  std::vector<std::uint16_t> shared_igos(int i, int j) const;
  // Their number, and the number of IGOs that could be shared but for a missing status (one side
  // missing, the other a full member or missing), from per-state bit sets (cheap for every dyad).
  std::size_t shared_igo_count(int i, int j) const;
  std::size_t unknown_igo_count(int i, int j) const;
  std::size_t igo_words = 0;                        // 64-bit words per state in the bit sets
  std::vector<std::uint64_t> igo_full_bits, igo_unknown_bits;  // n × igo_words
  // Event data (PanelLayers::events): `events_covered` when the layer's dates reach into the
  // year. Dyads of states in the evidence scope with at least one event, sorted by (a, b);
  // events of a state with itself (its government toward its own military) are left out.
  bool events_covered = false;
  events::LayerInfo event_layer;  // the layer read (name, period, coverage, files)
  std::vector<EventDyad> event_dyads;
  // The dyad of positions i and j (either order), or nullptr when it has no events this year.
  const EventDyad* events_of(int i, int j) const;
  // Months of the year inside the layer's coverage (1–12; 0 when not covered).
  int event_months_covered() const;
  // Whether the layer has months (its period is a day, week or month).
  bool event_months() const;
};

class Panel {
 public:
  // Loads the chosen layers for years [from, to]. Layers absent from the store are reported by
  // missing_layers() and read as not covered. `conventions` decide the dyad-year universe and the
  // contiguity rule of every Year.
  Panel(const Source& source, int from, int to, const PanelLayers& layers, const Conventions& conventions = {});
  ~Panel();
  Panel(Panel&&) noexcept;
  Panel& operator=(Panel&&) noexcept;

  int from() const noexcept;
  int to() const noexcept;
  // Dense matrices for one year in [from, to]. Thread-safe (const, no shared mutation).
  Year year(int y) const;
  const std::vector<std::string>& missing_layers() const noexcept;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

}  // namespace entente::world
