#pragma once
// Event files (KEDS, GDELT 1.0 and 2.0, ICEWS; plain or gzip) → per dyad and period, event counts
// by quad class and Goldstein sums (docs/models/events.md). The files stream through in blocks cut
// at line boundaries, parsed on worker threads, each with its own tally, merged at the end: memory
// depends on the number of cells, not on the size of the files.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/events/event_counts.hpp"

namespace entente::events {

enum class Format { keds, gdelt1, gdelt2, icews };
std::string_view format_name(Format f) noexcept;

// The format of a file from its first line: the KEDS header "date","source","target","code", the
// ICEWS header (tab-separated, starting with "Event ID"), or a GDELT row with 58 (1.0) or 61 (2.0)
// tab-separated fields. nullopt when none fits.
std::optional<Format> detect_format(std::string_view first_line) noexcept;

// Which actors count as their state (events/actors.hpp): `state` only the state and its organs
// (government, military, police, judiciary, intelligence, legislature; the default), `country`
// also the rest of its society (rebels, opposition, business, ...). Non-state actors without a
// state (Palestinians, IGOs, groups) never enter a dyad; they are counted by code.
enum class ActorScope { state, country };

struct AggregateOptions {
  Period period = Period::month;
  bool directed = false;  // else each pair once, source < target, both directions summed
  std::vector<int> actors;  // COW ccodes; when not empty, only dyads of two of these
  bool dedupe = false;      // one a day: an event with the same date, source, target and code counts once
  ActorScope scope = ActorScope::state;
  bool skip_bad_rows = false;  // else the first bad row is an error
  unsigned threads = 0;        // 0: every core
  std::size_t block_bytes = std::size_t{1} << 20;
  // Called after each block read with bytes read so far (compressed bytes for gzip) and the total.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
  // ICEWS names countries ("Israel"); this turns a name on a date (yyyymmdd) into a ccode, 0 when
  // unknown. Without it every ICEWS country is unmapped.
  std::function<int(std::string_view name, int date)> country_by_name;
};

struct CodeCount {
  std::string code;
  std::int64_t rows = 0;
};

struct BadRow {
  std::string error;  // FILE:LINE:COLUMN: found "VALUE", expected WHAT
};

struct AggregateResult {
  std::vector<DyadPeriod> cells;  // sorted by period_start, source, target
  Coverage coverage;
  // Rows read = used + each reason below (one reason per row, in this order) + bad rows.
  std::int64_t rows_without_country = 0;     // GDELT/ICEWS: an actor with no country code
  std::int64_t rows_non_state = 0;           // an actor that is not a state's
  std::int64_t rows_unmapped_actor = 0;      // an actor code the mapping does not know
  std::int64_t rows_society = 0;             // scope state: an actor of a state's society
  std::int64_t rows_same_state = 0;          // both actors of one state (ISRGOV → ISRMIL)
  std::int64_t rows_other_actors = 0;        // outside --actors
  std::int64_t rows_unmapped_event_code = 0; // an event code the pinned CAMEO table does not list
  std::int64_t rows_duplicate = 0;           // dropped by one-a-day de-duplication
  std::int64_t rows_bad = 0;                 // skipped with skip_bad_rows
  std::vector<CodeCount> unmapped_actor_codes;  // by rows, most first (an actor counted once per side)
  std::vector<CodeCount> non_state_actor_codes;
  std::vector<CodeCount> unmapped_event_codes;
  std::vector<BadRow> bad_rows;  // the first 20, in file order
};

// Throws io::ParseError at the first bad row (without skip_bad_rows), std::runtime_error naming the
// file when it cannot be read or its format is not recognised.
AggregateResult aggregate(const std::vector<std::filesystem::path>& files, const AggregateOptions& options);

// The first day (yyyymmdd) of the period holding `date` (yyyymmdd); weeks start on Monday.
int period_start(int date, Period period) noexcept;
std::optional<Period> period_by_name(std::string_view name) noexcept;
std::string_view period_name(Period p) noexcept;

// True for a real calendar date yyyymmdd in years 1800..2200.
bool valid_date(int date) noexcept;

}  // namespace entente::events
