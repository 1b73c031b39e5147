#include "report_text.hpp"

#include <array>
#include <string_view>

namespace entente::report {

std::string name_of(const world::Source& source, const std::string& abbrev) {
  for (const auto& a : source.registry.all())
    if (a.abbrev == abbrev) return a.name;
  return abbrev;
}

// "A", "A and B", "A, B and C".
std::string join_and(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::vector<std::string> strings(const Json& array) {
  std::vector<std::string> out;
  for (const auto& v : array) out.push_back(v.get<std::string>());
  return out;
}

// A state's name in a sentence: "the United States of America", "Russia".
std::string in_sentence(const std::string& name) {
  static constexpr std::array<std::string_view, 14> kWithArticle = {
      "United ",        "Republic",    "Democratic Republic", "Central African", "Dominican Republic",
      "Czech Republic", "Netherlands", "Philippines",         "Bahamas",         "Gambia",
      "Comoros",        "Maldives",    "Marshall Islands",    "Solomon Islands"};
  for (auto prefix : kWithArticle)
    if (name.rfind(prefix, 0) == 0) return "the " + name;
  return name;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace entente::report
