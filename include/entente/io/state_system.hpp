#pragma once
// The COW state system as the readers check it: which codes are states in which years. A
// state-year row (capabilities, democracy scores, IGO memberships) for a code that is not a state
// that year is bad data — ccode 999, or the USA in 1800 — and is refused with the spells it falls
// outside of. The system comes from the states file of the same import, or else from the store.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "entente/evidence/records.hpp"

namespace entente::io {

class StateSystem {
 public:
  explicit StateSystem(const std::vector<evidence::SpellRecord>& spells);

  bool empty() const noexcept { return years_.empty(); }
  // Why (ccode, year) is not a state-year, as what a reader expected ("a year when ccode 2 is a
  // state: its spell is 1816-2016"), or nullopt when it is one. Years after the system's last
  // year are not checked: the membership list ends with its release (2016), the states did not,
  // and newer files (NMC v7 to 2022) go on.
  std::optional<std::string> outside(int ccode, int year) const;
  bool has_code(int ccode) const { return years_.count(ccode) != 0; }

 private:
  std::map<int, std::vector<std::pair<int, int>>> years_;  // ccode -> (first, last) year of each spell
  int last_year_ = 0;
};

class CsvTable;
struct ReadOptions;
// Fails the current row of `t` (at the code's column when no state has the code, else at the
// year's) when (ccode, year) is not a state-year; does nothing without options.states.
void check_state_year(const CsvTable& t, const ReadOptions& options, std::size_t ccode_col, std::size_t year_col,
                      int ccode, int year);

}  // namespace entente::io
