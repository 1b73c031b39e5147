#pragma once
// `entente similarity --table FILE A B`: every similarity measure for two columns of a table.
#include "entente/core/json.hpp"
#include "entente/similarity/measures.hpp"

namespace entente::query {

// {"a", "b", "items", "range", "rows": [{"measure", "value"}]}; throws std::invalid_argument
// naming the column when A or B is not in the table.
Json similarity(const similarity::PortfolioTable& table, const std::string& a, const std::string& b, double range);

}  // namespace entente::query
