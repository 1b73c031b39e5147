#pragma once
// `entente landscape`: Axelrod & Bennett's landscape of an instance read from files, or built from
// a year's evidence for chosen states, as one JSON result whose rows are the local minima.
#include <cstdint>
#include <string>
#include <vector>

#include "entente/landscape/landscape.hpp"
#include "entente/core/json.hpp"
#include "entente/world/source.hpp"

namespace entente::query {

struct LandscapeRequest {
  bool heuristic = false;  // random-restart steepest descent instead of exact enumeration
  unsigned threads = 0;    // 0: one per core
  std::uint64_t seed = 1;
  std::uint64_t starts = 100000;
  landscape::PropensityWeights weights;  // for instances built from evidence
  stance::Profile profile = stance::default_profile();  // whose partnership rules the alliance component reads
};

// From files: `input` as landscape::match made it; the file names and offset are echoed.
Json landscape(const landscape::Matched& input, const std::string& sizes_file, const std::string& propensities_file,
               double offset, const LandscapeRequest& request);
// From a year's evidence for `actors` (COW codes, at least two, each a member of the system that
// year); throws std::invalid_argument otherwise.
Json landscape(const world::Source& source, int year, const std::vector<int>& actors, const LandscapeRequest& request);
// The terminal view: one line per minimum.
Json landscape_table_rows(const Json& result);

}  // namespace entente::query
