#include "entente/query/similarity.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <stdexcept>

namespace entente::query {

Json similarity(const similarity::PortfolioTable& table, const std::string& a, const std::string& b, double range) {
  auto column = [&](const std::string& name) -> const std::vector<double>& {
    // Column names match case-insensitively: the published table heads its columns "gmy", "rus".
    std::optional<std::size_t> c;
    for (std::size_t i = 0; i < table.columns.size() && !c; ++i)
      if (std::equal(name.begin(), name.end(), table.columns[i].begin(), table.columns[i].end(),
                     [](char p, char q) { return std::tolower(static_cast<unsigned char>(p)) ==
                                                 std::tolower(static_cast<unsigned char>(q)); }))
        c = i;
    if (!c) throw std::invalid_argument(fmt::format("no column '{}' in the table (columns: {})", name,
                                                    fmt::join(table.columns, ", ")));
    return table.values[*c];
  };
  const auto& x = column(a);
  const auto& y = column(b);
  const similarity::SOptions abs{range, false}, sq{range, true};
  auto value = [](double v) { return std::isnan(v) ? Json(nullptr) : Json(v); };
  Json rows = Json::array();
  auto add = [&](const char* measure, const char* description, double v) {
    rows.push_back({{"measure", measure}, {"description", description}, {"value", value(v)}});
  };
  add("kendall_tau_b", "Kendall's tau-b", similarity::kendall_tau_b(x, y));
  add("s", "S, absolute distances, unweighted (Signorino & Ritter 1999)", similarity::s_score(x, y, abs));
  add("s_squared", "S, squared distances, unweighted", similarity::s_score(x, y, sq));
  add("kappa", "Cohen's quadratic kappa (Hage 2011)", similarity::hage_kappa(x, y));
  add("pi", "Hage's pi (2011)", similarity::hage_pi(x, y));
  add("scott_pi", "Scott's pi, nominal", similarity::scott_pi_nominal(x, y));
  return {{"a", a}, {"b", b}, {"items", table.states.size()}, {"range", range}, {"rows", rows}};
}

}  // namespace entente::query
