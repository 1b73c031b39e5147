#include "entente/query/years.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "entente/report/report_data.hpp"

namespace entente::query {

void require_evidence_years(const world::Source& source, const std::string& asked, int first, int last) {
  const auto span = report::report_years(source);
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
  t.first = from.value_or(year.value_or(2012));
  t.last = to.value_or(from ? 2012 : year.value_or(2012));
  t.asked = year ? fmt::format("--year {}", *year) : fmt::format("--from {} --to {}", t.first, t.last);
  return t;
}

}  // namespace entente::query
