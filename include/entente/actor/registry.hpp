#pragma once
// The actors: states keyed by COW country code, with their abbreviation, ISO3 code, name and
// spells of membership in the state system (a state can leave and re-enter, e.g. Germany).
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/evidence/records.hpp"

namespace entente::actor {

struct Spell {
  std::string start;  // ISO date
  std::string end;
  int start_year() const;
  int end_year() const;
  // The dates as yyyymmdd numbers (19901003 for 1990-10-03), which order as the dates do.
  int start_date() const;
  int end_date() const;
};

struct Actor {
  int ccode = 0;
  std::string abbrev;
  std::string iso3;  // empty where no current ISO code applies
  std::string name;
  std::vector<Spell> spells;
  // A state is a member in a year when one of its spells covers any day of that year.
  bool member_in(int year) const;
  // The days of `year` on which the state was a member: closed intervals of yyyymmdd numbers,
  // one per spell touching the year (empty when it was not a member in that year).
  std::vector<std::pair<int, int>> days_in(int year) const;
};

class LookupError : public std::runtime_error {
 public:
  LookupError(std::string query, std::vector<std::string> near);
  const std::vector<std::string>& near_matches() const noexcept { return near_; }

 private:
  std::vector<std::string> near_;
};

class Registry {
 public:
  Registry(const std::vector<evidence::ActorRecord>& actors, const std::vector<evidence::SpellRecord>& spells);

  // By COW code ("365"), COW abbreviation ("RUS"), ISO3 ("GBR"), name or common alias
  // ("Russia", "United States"), case-insensitive. A COW abbreviation wins over an ISO3 code
  // that spells the same (AUS is Austria; Australia is AUL or "Australia"). Throws LookupError
  // listing near matches.
  const Actor& find(std::string_view query) const;
  const Actor* by_ccode(int ccode) const noexcept;
  std::vector<const Actor*> members_in(int year) const;
  const std::vector<Actor>& all() const noexcept { return actors_; }

 private:
  std::vector<Actor> actors_;  // sorted by ccode
};

}  // namespace entente::actor
