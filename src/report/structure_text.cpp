#include "entente/report/structure_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdint>
#include <vector>

namespace entente::report {

std::string balance_text(const Json& result) {
  if (result.at("graphs").size() != 1) return {};
  const auto& g = result.at("graphs").at(0);
  const auto& sides = g.at("sides");
  std::string text = (g.at("optimal").get<bool>() ? "Proven optimal" : "Not proven optimal");
  text += fmt::format(": {} frustrated edge(s), lower bound {}.\n", g.at("frustration").get<long long>(),
                      g.at("lower_bound").get<long long>());
  for (std::size_t s = 0; s < 2; ++s) {
    std::vector<std::string> names = sides.at(s).get<std::vector<std::string>>();
    text += fmt::format("Side {} ({}): {}\n", s == 0 ? 'A' : 'B', names.size(), fmt::join(names, " "));
  }
  std::vector<std::string> edges;
  for (const auto& e : g.at("frustrated_edges"))
    edges.push_back(fmt::format("{}{}{}", e.at("a").get<std::string>(), e.at("sign").get<int>() > 0 ? "+" : "-",
                                e.at("b").get<std::string>()));
  text += fmt::format("Frustrated: {}\n", fmt::join(edges, " "));
  return text;
}

std::string landscape_summary(const Json& result) {
  const std::string how = result.at("exhaustive").get<bool>()
                              ? fmt::format("all {} configurations", result.at("configurations").get<std::uint64_t>())
                              : result.at("note").get<std::string>();
  return fmt::format("{} actors, {} ({}): {} local minima", result.at("actors").size(),
                     result.at("method").get<std::string>(), how, result.at("rows").size());
}

std::string landscape_year_text(const Json& result, std::string_view store_label, int year) {
  std::string text = fmt::format("{}, {}: {}\n", store_label, year, landscape_summary(result));
  for (const auto& [component, pairs] : result.at("input").at("pairs_missing_component").items())
    text += fmt::format("Note: {} is missing for {} of {} pairs (it adds 0 there)\n", component,
                        pairs.get<long long>(), result.at("pairs").size());
  return text;
}

std::string landscape_files_text(const Json& result, const landscape::Matched& input) {
  std::string text = landscape_summary(result) + '\n';
  if (input.by_position) text += "Note: " + input.note + '\n';
  return text;
}

}  // namespace entente::report
