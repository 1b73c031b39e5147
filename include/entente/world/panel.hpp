#pragma once
// A panel: the evidence of a store for a span of years, loaded once and handed out one year at a
// time as dense per-year matrices over the states of that year's system. Dense n×n arrays
// (n ≤ ~200) beat maps for every model that reads all dyads of a year.
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "entente/idealpoint/idealpoint.hpp"
#include "entente/world/source.hpp"

namespace entente::world {

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

  // Alliance obligations as bit sets (bit k = evidence::kObligations[k]); `*_covered` says the
  // dataset covers the year. Bits of obligations a dataset does not code stay 0.
  bool cow_covered = false, atop_covered = false;
  std::vector<std::uint8_t> cow, atop;
  // Capabilities (NaN missing) and COW major-power status.
  std::vector<double> cinc;
  bool majors_covered = false;
  std::vector<std::uint8_t> major;
  // Contiguity type (1 land … 5 water ≤ 400 miles, 0 none), the closest of the year's periods.
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
  // National trade totals per state, US$ millions (NaN missing).
  std::vector<double> imports, exports;
  // Democracy scores per state (NaN missing).
  std::vector<double> polity2, polyarchy, quds;
};

class Panel {
 public:
  // Loads the chosen layers for years [from, to]. Layers absent from the store are reported by
  // missing_layers() and read as not covered.
  Panel(const Source& source, int from, int to, const PanelLayers& layers);
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
