#pragma once
// CAMEO event codes (Schrodt 2012, CAMEO 1.1b3 as GDELT publishes it): each code's Goldstein (1992)
// score and quad class. The table is compiled in from the pinned lookups in ../shared/data/events
// (src/events/cameo_tables.cpp, written by scripts/generate-cameo-tables).
#include <optional>
#include <span>
#include <string_view>

#include "entente/events/event_counts.hpp"

namespace entente::events {

struct EventCode {
  std::string_view code;  // two to four digits, with the leading zero ("010", "0211", "193")
  double goldstein = 0;   // −10 (most conflictual) … +10 (most cooperative)
  Quad quad = Quad::verbal_cooperation;
  std::string_view description;
};

// Every code of the table, sorted by code.
std::span<const EventCode> event_codes() noexcept;

// The code's entry, or nullptr when the pinned table does not list it (older CAMEO versions number
// some codes differently: such codes are counted as unmapped, never guessed).
const EventCode* find_event_code(std::string_view code) noexcept;

// The quad class of a root code 1..20 (01–05 verbal cooperation, 06–08 material cooperation,
// 09–13 verbal conflict, 14–20 material conflict); nullopt outside 1..20.
std::optional<Quad> quad_of_root(int root) noexcept;

std::string_view quad_name(Quad q) noexcept;

}  // namespace entente::events
