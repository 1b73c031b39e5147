#include "entente/report/store_text.hpp"

#include <fmt/format.h>

namespace entente::report {

std::string info_text(const Json& result, std::string_view store_label) {
  const auto& c = result.at("counts");
  std::string text = fmt::format("{}: {} actors, {} spells, {} alliance rows, {} capability rows\n", store_label,
                                 c.at("actors").get<long long>(), c.at("spells").get<long long>(),
                                 c.at("alliance_rows").get<long long>(), c.at("capability_rows").get<long long>());
  for (const auto& l : result.at("event_layers"))
    text += fmt::format("event layer {}: by {}, {} to {}, {} cells from {} of {} rows of {} file(s)\n",
                        l.at("name").get<std::string>(), l.at("period").get<std::string>(),
                        l.at("first_date").get<int>(), l.at("last_date").get<int>(), l.at("cells").get<long long>(),
                        l.at("rows_used").get<long long>(), l.at("rows_read").get<long long>(), l.at("files").size());
  return text;
}

std::string cite_text(const Json& result, bool bibtex) {
  std::string text;
  for (const auto& r : result.at("rows"))
    text += (bibtex ? r.at("bibtex").get<std::string>() : r.at("citation").get<std::string>()) + "\n\n";
  return text;
}

std::string explain_text(const Json& result, int year, std::string_view profile_name) {
  std::string text = fmt::format("{} and {} in {}: {} (weight {:+.2f}), because {}.\n",
                                 result.at("a").at("abbrev").get<std::string>(),
                                 result.at("b").at("abbrev").get<std::string>(), year,
                                 result.at("relation").get<std::string>(), result.at("weight").get<double>(),
                                 result.at("rule").get<std::string>());
  for (const auto& e : result.at("evidence")) text += "  - " + e.get<std::string>() + '\n';
  for (const auto& m : result.at("missing_layers")) text += "  - (no data: " + m.get<std::string>() + ")\n";
  text += fmt::format("Profile: {}\n", profile_name);
  return text;
}

}  // namespace entente::report
