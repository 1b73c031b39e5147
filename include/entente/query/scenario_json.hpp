#pragma once
// The scenario models' results as JSON: each struct field under its own name (docs/scenarios.md
// lists them). The one place a scenario result becomes JSON.
#include <vector>

#include "entente/core/json.hpp"
#include "entente/scenario/compare.hpp"
#include "entente/scenario/ensemble.hpp"
#include "entente/scenario/evolve.hpp"

namespace entente::query {

Json to_json(const std::vector<scenario::FocusRow>& rows);
Json to_json(const scenario::Evolution& evolution);
Json to_json(const scenario::EnsembleSummary& summary);

}  // namespace entente::query
