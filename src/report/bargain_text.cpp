// The terminal view of a bargaining run and its first round as a signed edge list, drawn from the
// result query::bargain builds.
#include "entente/report/bargain_text.hpp"

#include <fmt/format.h>

#include "entente/report/output.hpp"

namespace entente::report {

namespace {

std::string number_text(const Json& v) { return v.is_null() ? "n/a" : fmt::format("{:.4g}", v.get<double>()); }

}  // namespace

std::string bargain_signed_edges(const Json& result) {
  auto node = [](std::string name) {
    for (auto& c : name)
      if (c == ' ' || c == '\t' || c == ',') c = '_';
    return name;
  };
  std::string out = "a b sign\n";
  const auto& rounds = result.at("rounds");
  if (rounds.empty()) return out;
  for (const auto& d : rounds.at(0).at("dyads"))
    out += fmt::format("{} {} {}\n", node(d.at("a").get<std::string>()), node(d.at("b").get<std::string>()),
                       d.at("sign").get<int>());
  return out;
}

std::string bargain_text(const Json& r) {
  const auto& v = r.at("variant");
  std::string out = fmt::format(
      "{}: {} actors, variant {} (probability {}, compromise {}, choice {}, risk {}, Q {}, T {})\n",
      r.at("title").get<std::string>(), r.at("actors").size(), v.at("name").get<std::string>(),
      v.at("probability").get<std::string>(), v.at("compromise").get<std::string>(), v.at("choice").get<std::string>(),
      v.at("risk").get<std::string>(), v.at("q").get<double>(), v.at("t").get<double>());
  const auto& rounds = r.at("rounds");
  if (!rounds.empty())
    out += fmt::format("Before round 1: median voter {}, weighted mean {}\n", number_text(rounds.at(0).at("median")),
                       number_text(rounds.at(0).at("mean")));
  out += fmt::format("Stopped: {} after {} round(s)\n\n", r.at("stopped").get<std::string>(), rounds.size());
  if (!r.at("rows").empty()) {
    Json rows = r.at("rows");  // six significant digits on the terminal; CSV and JSON keep every digit
    for (auto& row : rows)
      for (const char* key : {"median", "mean", "largest_move"}) row[key] = fmt::format("{:.6g}", row.at(key).get<double>());
    out += report::to_text_table(report::flatten(rows)) + "\n";
  }
  const auto& f = r.at("forecast");
  out += fmt::format("Forecast: median voter {}, weighted mean {}\n", number_text(f.at("median")), number_text(f.at("mean")));
  Json finals = Json::array();
  for (std::size_t k = 0; k < f.at("positions").size(); ++k)
    finals.push_back({{"actor", f.at("positions").at(k).at("name")},
                      {"start", number_text(r.at("actors").at(k).at("position"))},
                      {"end", number_text(f.at("positions").at(k).at("position"))}});
  out += report::to_text_table(report::flatten(finals));
  if (r.contains("ensemble")) {
    const auto& e = r.at("ensemble");
    out += fmt::format("\nEnsemble: {}\n", e.at("note").get<std::string>());
    for (const char* what : {"median", "mean"}) {
      const auto& s = e.at(what);
      out += fmt::format("  forecast {}: {} (5-95%: {} to {})\n", what, number_text(s.at("median")),
                         number_text(s.at("p05")), number_text(s.at("p95")));
    }
    out += fmt::format("  converged: {:.0f}% of members\n", 100 * e.at("converged_share").get<double>());
  }
  return out;
}

}  // namespace entente::report
