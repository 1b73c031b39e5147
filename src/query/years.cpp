#include "entente/query/years.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace entente::query {

YearSpan report_years(const world::Source& source) {
  int evidence_first = 0, evidence_last = 0, states_first = 0, states_last = 0;
  for (const auto& c : source.store.coverage()) {
    if (c.first_year <= 0 || c.last_year <= 0) continue;  // a dataset without years (e.g. votes by roll call)
    if (c.dataset == "cow_states") {
      states_first = c.first_year;
      states_last = c.last_year;
    } else {
      evidence_first = evidence_first == 0 ? c.first_year : std::min(evidence_first, c.first_year);
      evidence_last = std::max(evidence_last, c.last_year);
    }
  }
  if (states_last == 0) {  // no state system in the store: its registry's spells
    for (const auto& a : source.registry.all())
      for (const auto& s : a.spells) {
        states_first = states_first == 0 ? s.start_year() : std::min(states_first, s.start_year());
        states_last = std::max(states_last, s.end_year());
      }
  }
  if (evidence_last == 0) return {states_first, states_last};
  return {std::max(evidence_first, states_first), std::min(evidence_last, states_last)};
}

int default_report_year(const world::Source& source) {
  const auto span = report_years(source);
  return span.contains(kEssayYear) ? kEssayYear : span.last;
}

void require_evidence_years(const world::Source& source, const std::string& asked, int first, int last) {
  const auto span = report_years(source);
  if (last < span.first || first > span.last)
    throw std::runtime_error(fmt::format("{}: {} covers {} to {}", asked, source.label, span.first, span.last));
}

void require_state_system_years(const world::Source& source, const std::string& asked, int first, int last) {
  int states_first = 0, states_last = 0;
  for (const auto& a : source.registry.all())
    for (const auto& spell : a.spells) {
      states_first = states_first == 0 ? spell.start_year() : std::min(states_first, spell.start_year());
      states_last = std::max(states_last, spell.end_year());
    }
  if (last < states_first || first > states_last)
    throw std::runtime_error(fmt::format("{}: the state system of {} covers {} to {}", asked, source.label,
                                         states_first, states_last));
}

int window_years(const std::string& text) {
  std::size_t used = 0;
  int years = 0;
  try {
    years = std::stoi(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || years < 1 || years > 50)
    throw std::runtime_error(fmt::format("--window: \"{}\" is not a number of years from 1 to 50", text));
  return years;
}

TriangleYears triangle_years(std::optional<int> year, std::optional<int> from, std::optional<int> to) {
  TriangleYears t;
  t.first = from.value_or(year.value_or(kEssayYear));
  t.last = to.value_or(from ? kEssayYear : year.value_or(kEssayYear));
  t.asked = year ? fmt::format("--year {}", *year) : fmt::format("--from {} --to {}", t.first, t.last);
  return t;
}

}  // namespace entente::query
