#pragma once
// A Spread as JSON, under its field names; null for none.
#include <optional>

#include "entente/core/json.hpp"
#include "entente/core/spread.hpp"

namespace entente::query {

inline Json spread_json(const std::optional<Spread>& s) {
  if (!s) return nullptr;
  return {{"mean", s->mean}, {"sd", s->sd}, {"min", s->min}, {"p05", s->p05},
          {"median", s->median}, {"p95", s->p95}, {"max", s->max}};
}

}  // namespace entente::query
