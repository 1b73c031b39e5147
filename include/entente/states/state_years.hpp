#pragma once
// State-years: every member of the COW system, year by year, with state-level evidence.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/world/conventions.hpp"
#include "entente/world/source.hpp"

namespace entente::states {

// idealpoints: one-dimensional UN ideal points estimated from the year's votes (idealpoint/).
enum class Layer { capabilities, democracy, majors, trade, idealpoints };
std::optional<Layer> layer_by_name(std::string_view name);
std::vector<std::string_view> layer_names();

struct Request {
  int from = 1816;
  int to = 2012;
  std::vector<int> actors;  // only these states (empty: all)
  std::vector<Layer> with;
  // The universe decides pairs only: a state-year is a state that was a member on any day of the
  // year under both conventions, so the rows are the same. It is kept here so that the panel a
  // caller builds matches the dyad-years it is joined with.
  world::Universe universe = world::Universe::simultaneous;
};

// Calls `start` with the value columns, then `row` for each state-year (ccode, year, values;
// NaN = missing) in year, then ccode, order. Returns the datasets the store lacks (their columns
// read missing).
std::vector<std::string> build(const world::Source& source, const Request& request,
           const std::function<void(const std::vector<std::string>& columns)>& start,
           const std::function<void(int ccode, int year, const std::vector<double>& values)>& row);

}  // namespace entente::states
