#pragma once

#include <string_view>

namespace entente::actor {

// ISO 3166-1 alpha-3 code for a Correlates of War country code, or "" if none applies.
std::string_view iso3_for_ccode(int ccode) noexcept;

// ISO 3166-1 alpha-2 code (upper case) for a Correlates of War country code, or "" if none applies.
// Defined for exactly the ccodes that have an alpha-3 code.
std::string_view iso2_for_ccode(int ccode) noexcept;

// ISO 3166-1 numeric code (e.g. 840 for the USA, 643 for Russia) for a Correlates of War country
// code, or 0 if none applies. Defined for exactly the ccodes that have an alpha-3 code; the world
// maps of `entente report` (world-atlas) key countries by it.
int iso_numeric_for_ccode(int ccode) noexcept;

// COW code for an ISO 3166-1 alpha-2 code (case-insensitive), or 0 when none.
// Also accepts the few withdrawn alpha-2 codes that vote data still uses for one COW state
// (currently only "YU" -> 345, Serbia in the unvotes data); iso2_for_ccode never returns them.
int ccode_for_iso2(std::string_view iso2) noexcept;

}  // namespace entente::actor
