#include "entente/report/scenario_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sstream>

namespace entente::report {

std::string scenario_text(const Json& r, const TerminalStyle& style) {
  std::ostringstream out;
  out << fmt::format("Scenario: {} ({}, {})\n", r.at("scenario").get<std::string>(), r.at("source").get<std::string>(),
                     r.at("year").get<int>());
  if (!r.at("question").get<std::string>().empty()) out << r.at("question").get<std::string>() << '\n';
  for (const auto& s : r.at("shocks")) out << "  shock: " << s.get<std::string>() << '\n';
  out << fmt::format("\n{} before and after\n", r.at("focus").get<std::string>());
  Json focus = Json::array();  // numbers as short text, so the two columns line up
  auto text = [&](const Json& v) { return v.is_number() ? Json(rounded(v.get<double>(), style.digits)) : v; };
  for (const auto& row : r.at("focus_rows"))
    focus.push_back({{"measure", row.at("measure")}, {"before", text(row.at("before"))}, {"after", text(row.at("after"))},
                     {"changed", row.at("changed").get<bool>() ? "yes" : ""}});
  out << terminal_table(focus, style);
  out << "\nChanges, most important first\n";
  if (r.at("rows").empty()) out << "(none: every model gives the same answer)\n";
  else out << terminal_table(r.at("rows"), style);
  if (r.contains("dynamics")) {
    const auto& d = r.at("dynamics");
    out << fmt::format("\nDynamics after the shocks ({} runs each, seed {})\n", d.at("runs").get<std::uint64_t>(),
                       d.at("seed").get<std::uint64_t>());
    for (const char* model : {"local_triad_dynamics", "continuous", "landscape_myopic_moves"}) {
      if (!d.contains(model)) continue;
      const auto& res = d.at(model).at("result");
      out << fmt::format("  {}: {} end states, {:.0f}% settled", model, res.at("distinct_end_states").get<std::size_t>(),
                         100 * res.at("settled_share").get<double>());
      if (!res.at("end_states").empty()) {
        const auto& top = res.at("end_states").at(0);
        out << fmt::format("; most common ({:.0f}%): ", 100 * top.at("share").get<double>());
        if (!top.at("settled").get<bool>()) out << "unsettled";
        else if (top.at("paradise").get<bool>()) out << "one faction (paradise)";
        else
          out << fmt::format("[{}] vs [{}]", fmt::join(top.at("with_focus").get<std::vector<std::string>>(), " "),
                             fmt::join(top.at("against_focus").get<std::vector<std::string>>(), " "));
      }
      out << '\n';
    }
  }
  if (r.contains("ensemble")) {
    const auto& e = r.at("ensemble");
    out << fmt::format("\nEnsemble: {}\n", e.at("note").get<std::string>());
    for (const auto& t : e.at("triangles"))
      out << fmt::format("  {}: the focus's role differs after the shocks in {:.0f}% of members\n",
                         t.at("triangle").get<std::string>(), 100 * t.at("focus_role_changed").get<double>());
    for (const char* side : {"before", "after"}) {
      const auto& f = e.at("frustration").at(side);
      if (!f.is_null() && f.contains("mean"))
        out << fmt::format("  frustration index {}: mean {:.2f}, 5-95% {}-{}\n", side, f.at("mean").get<double>(),
                           f.at("p05").get<double>(), f.at("p95").get<double>());
    }
  }
  return out.str();
}

}  // namespace entente::report
