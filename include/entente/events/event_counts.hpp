#pragma once
// Aggregated event data: what one state did to another (or the two did to each other) in one
// period, counted by CAMEO quad class and scored on the Goldstein (1992) scale. The readers and the
// aggregation (events/aggregate) produce these cells; the store keeps them as an evidence layer and
// the stance model and the monthly triangles read them back. One shape from the reader to the JSON:
// the field names below are the JSON keys.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace entente::events {

// CAMEO quad classes by root code (Schrodt 2012, CAMEO codebook; GDELT QuadClass 1–4):
// 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.
enum class Quad { verbal_cooperation = 0, material_cooperation = 1, verbal_conflict = 2, material_conflict = 3 };
inline constexpr int kQuads = 4;

// The length of a period. A period is named by its first day.
enum class Period { day, week, month, quarter, year };

// One dyad in one period.
struct DyadPeriod {
  int period_start = 0;  // first day of the period as yyyymmdd (weeks start on Monday)
  int source = 0;        // COW ccode; with undirected aggregation source < target
  int target = 0;        // COW ccode
  std::int64_t events = 0;
  std::array<std::int64_t, kQuads> quad_events{};  // indexed by Quad
  double goldstein_sum = 0;
  // Mention-weighted variants, where the format records mentions (GDELT NumMentions); 0 otherwise.
  std::int64_t mentions = 0;
  double goldstein_mention_sum = 0;  // Σ Goldstein × mentions
};

// What a set of event files covered: cited with the layer.
struct Coverage {
  int first_date = 0;  // yyyymmdd of the earliest event used, 0 when none
  int last_date = 0;
  std::vector<std::string> sources;  // file names as given, and the format each was read as
  std::int64_t rows_read = 0;        // data rows seen
  std::int64_t rows_used = 0;        // rows that entered a cell
};

}  // namespace entente::events
