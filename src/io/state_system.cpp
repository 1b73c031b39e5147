#include "entente/io/state_system.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "entente/io/csv.hpp"
#include "entente/io/importers.hpp"

namespace entente::io {

StateSystem::StateSystem(const std::vector<evidence::SpellRecord>& spells) {
  for (const auto& s : spells) {
    years_[s.ccode].emplace_back(s.start_year(), s.end_year());
    last_year_ = std::max(last_year_, s.end_year());
  }
  for (auto& [ccode, spans] : years_) std::sort(spans.begin(), spans.end());
}

std::optional<std::string> StateSystem::outside(int ccode, int year) const {
  if (years_.empty() || year > last_year_) return std::nullopt;
  const auto it = years_.find(ccode);
  if (it == years_.end())
    return fmt::format("the code of a state in the COW state system (no state has ccode {})", ccode);
  std::string spans;
  for (const auto& [first, last] : it->second) {
    if (first <= year && year <= last) return std::nullopt;
    spans += fmt::format("{}{}-{}", spans.empty() ? "" : ", ", first, last);
  }
  return fmt::format("a year when ccode {} is a state in the COW state system (its spell{} {} {})", ccode,
                     it->second.size() == 1 ? "" : "s", it->second.size() == 1 ? "is" : "are", spans);
}

void check_state_year(const CsvTable& t, const ReadOptions& options, std::size_t ccode_col, std::size_t year_col,
                      int ccode, int year) {
  if (!options.states) return;
  if (auto why = options.states->outside(ccode, year)) t.fail(options.states->has_code(ccode) ? year_col : ccode_col, *why);
}

}  // namespace entente::io
