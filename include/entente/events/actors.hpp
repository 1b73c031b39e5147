#pragma once
// Event-data actor codes to Correlates of War states (docs/models/events.md, "Actors").
// CAMEO country codes are ISO 3166-1 alpha-3 codes (through actor/iso3's concordance), plus a
// hand-kept list of the older codes KEDS/TABARI dictionaries used (UAR, USR, LEB, GER, ...), each
// only where it names one COW state unambiguously. A few codes depend on the date (Germany before
// and after 3 October 1990, Yemen before and after 22 May 1990). A code that is neither a state's
// nor a known non-state actor's is unmapped: counted and reported by the aggregation, never guessed.
#include <string_view>

namespace entente::events {

enum class ActorKind {
  state,      // a COW state itself, or its government, military, police, judiciary, intelligence or legislature
  society,    // any other actor of a COW state: rebels, opposition, business, media, civilians, ...
  non_state,  // no COW state: Palestinians, ethnic and religious groups, IGOs, NGOs, regions
  unmapped,   // a code this mapping does not know
};

struct Actor {
  ActorKind kind = ActorKind::unmapped;
  int ccode = 0;  // the COW state for state and society actors, else 0
};

// A CAMEO country code (three letters, as in GDELT's Actor1CountryCode) on a date (yyyymmdd): the
// COW ccode, or 0 when the code names no COW state on that date.
int ccode_for_country_code(std::string_view code, int date) noexcept;

// True for three-letter codes CAMEO and KEDS use for actors that are not states (regions, ethnic
// and religious groups, IGOs, NGOs, the generic actor types such as REB or IGO, PAL, PSE, ...).
bool is_non_state_code(std::string_view code) noexcept;

// True for the CAMEO roles that make an actor part of the state: GOV, MIL, COP, JUD, SPY, LEG.
bool is_state_role(std::string_view role) noexcept;

// A GDELT-style actor: its country code and its first type (role) code, both possibly empty.
// An empty country code is non_state when the role is a known non-state type, else unmapped.
Actor actor_from_country(std::string_view country, std::string_view role, int date) noexcept;

// A KEDS/TABARI actor code: a three-letter country or group code optionally followed by role
// codes of three letters each (ISRMIL, TURGOVAKP, LBNREBHEZ, PALPLO). The first role decides
// state versus society.
Actor actor_from_keds_code(std::string_view code, int date) noexcept;

}  // namespace entente::events
