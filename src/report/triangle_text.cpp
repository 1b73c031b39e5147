#include "entente/report/triangle_text.hpp"

#include <fmt/format.h>

#include <string>

namespace entente::report {

namespace {

// One table row per result row: its period (`key`: year or month), type, roles, and each tie in
// the words `tie_text` gives it.
template <class TieText>
Json table_rows(const Json& result, const char* key, TieText tie_text) {
  Json table = Json::array();
  for (const auto& r : result.at("rows")) {
    Json line{{key, r.at(key)}, {"type", r.at("type")}};
    for (auto& [who, role] : r.at("roles").items()) line[who] = role.at("role");
    for (auto& [pair, tie] : r.at("ties").items()) line[pair] = tie_text(tie);
    table.push_back(std::move(line));
  }
  return table;
}

}  // namespace

Json triangle_table_rows(const Json& result) {
  return table_rows(result, "year", [](const Json& tie) {
    return fmt::format("{} {:+.2f}", tie.at("relation").get<std::string>(), tie.at("weight").get<double>());
  });
}

Json monthly_triangle_table_rows(const Json& result) {
  return table_rows(result, "month", [](const Json& tie) {
    // The score only where it decides; below the month's minimum, the count alone.
    return tie.at("events").get<long long>() == 0 ? std::string("no events")
           : tie.at("tone") == "too few events"
               ? fmt::format("too few ({})", tie.at("events").get<long long>())
               : fmt::format("{} {:+.2f} ({})", tie.at("tone").get<std::string>(),
                             tie.at("net_cooperation").get<double>(), tie.at("events").get<long long>());
  });
}

}  // namespace entente::report
