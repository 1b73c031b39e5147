// The report's last section: a scenario's shocks and what they change for its focus. By default
// only the essay's question, "Russia-China: alliance or flexible partnership?", on Russia in
// 2012, as the scenario of examples/russia-china-alliance.toml; else the file of --scenario.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/query/scenario.hpp"
#include "entente/report/report_data.hpp"
#include "entente/scenario/scenario.hpp"

#include "report_text.hpp"

namespace entente::report {

namespace {

// Ensemble members at most: enough for shares to the nearest few percent, well inside the report's 2 s.
constexpr std::uint64_t kMembers = 200;

// The scenario of examples/russia-china-alliance.toml, for the report's year and the triangles
// whose states are in the world.
scenario::Scenario essay_scenario(const ReportContext& c) {
  std::string triangles;
  for (const char* third : {"USA", "IND", "JPN", "DRV"})
    triangles += fmt::format("{}[\"RUS\", \"CHN\", \"{}\"]", triangles.empty() ? "" : ", ", third);
  const std::string text = fmt::format(R"(name = "Russia-China alliance"
question = "What would a Russia-China defense pact change for Russia, against the flexible partnership it had?"
[base]
year = {}
focus = "RUS"
triangles = [{}]
landscape = ["USA", "CHN", "RUS", "IND", "JPN", "DRV", "UKG", "FRN", "GMY"]
[[shock]]
kind = "add_treaty"
between = ["RUS", "CHN"]
type = "defense"
[ensemble]
members = {}
seed = {}
)",
                                       c.year, triangles, kMembers, c.year);
  return scenario::parse_scenario(text, "report scenario");
}

// The scenario the report runs: options.scenario, else the essay's on Russia in 2012, else none.
std::optional<scenario::Scenario> report_scenario(const ReportContext& c) {
  if (c.options.scenario) {
    auto sc = scenario::load_scenario(*c.options.scenario);
    sc.ensemble.members = std::min(sc.ensemble.members, kMembers);
    return sc;
  }
  if (c.focus.abbrev == "RUS" && c.year == query::kEssayYear) return essay_scenario(c);
  return std::nullopt;
}

}  // namespace

Section scenario_section(const ReportContext& c) {
  auto found = report_scenario(c);
  if (!found) return {};
  auto& sc = *found;
  // Only the states the world has: a triangle or landscape actor outside it is left out.
  const auto has = [&](const std::string& abbrev) {
    for (const auto& row : c.balancer.at("rows"))
      if (row.at("abbrev") == abbrev) return true;
    return false;
  };
  if (sc.year == c.year) {  // another year's scope is checked by the scenario itself
    std::erase_if(sc.triangles, [&](const auto& t) { return !has(t[0]) || !has(t[1]) || !has(t[2]); });
    std::erase_if(sc.landscape, [&](const std::string& a) { return !has(a); });
    if (!has(sc.focus)) return {};
  }
  query::ScenarioRequest request;
  request.runs = 0;
  request.threads = c.options.threads;
  const Json r = query::scenario(c.source, sc, c.profile, request);
  const std::string focus = sc.focus;
  const std::string focus_name = in_sentence(c.source.registry.find(focus).name);
  Json triangles = Json::array(), triangle_rows = Json::array();
  const auto& before = r.at("before").at("triangles");
  const auto& after = r.at("after").at("triangles");
  for (std::size_t k = 0; k < before.size(); ++k) {
    const auto& b = before.at(k);
    const auto& a = after.at(k);
    const std::string name = b.at("triangle");
    triangles.push_back({{"triangle", name},
                         {"before", {{"type", b.at("type")}, {"role", b.at("roles").at(focus)}}},
                         {"after", {{"type", a.at("type")}, {"role", a.at("roles").at(focus)}}}});
    triangle_rows.push_back({name, b.at("type"), b.at("roles").at(focus), a.at("type"), a.at("roles").at(focus)});
  }
  // The focus's measures that are numbers, before and after.
  Json measures = Json::array(), measure_rows = Json::array();
  for (const auto& row : r.at("focus_rows")) {
    const std::string m = row.at("measure");
    const auto& b = row.at("before");
    const auto& a = row.at("after");
    const Json& bn = b;
    const Json& an = a;
    if (!bn.is_number() || !an.is_number() || m == "states modelled") continue;
    measures.push_back({{"measure", m}, {"before", bn}, {"after", an}});
    measure_rows.push_back({m, bn, an});
  }
  Json changes = Json::array(), change_rows = Json::array();
  for (const auto& ch : r.at("rows")) {
    changes.push_back(ch.at("change"));
    change_rows.push_back({ch.at("rank"), ch.at("kind"), ch.at("change")});
  }

  // The plain answer, from the numbers.
  int roles_changed = 0;
  for (const auto& t : triangles) roles_changed += t.at("before") != t.at("after");
  double flex_before = 0, flex_after = 0;
  long long rank_before = 0, rank_after = 0;
  for (const auto& m : measures) {
    if (m.at("measure").get<std::string>().rfind("flexibility", 0) == 0) {
      flex_before = m.at("before").get<double>();
      flex_after = m.at("after").get<double>();
    }
    if (m.at("measure") == "balancer rank") {
      rank_before = m.at("before").get<long long>();
      rank_after = m.at("after").get<long long>();
    }
  }
  double changed_share = 0;
  if (r.contains("ensemble"))
    for (const auto& t : r.at("ensemble").at("triangles"))
      changed_share = std::max(changed_share, t.at("focus_role_changed").get<double>());
  const std::string rank_text = rank_before == rank_after
                                    ? fmt::format("keep its balancer rank ({})", ordinal(rank_before))
                                    : fmt::format("move its balancer rank from {} to {}", ordinal(rank_before), ordinal(rank_after));
  const std::string shocks = join_and(strings(r.at("shocks")));
  const std::uint64_t members = sc.ensemble.members;
  std::string text, summary;
  if (r.at("rows").empty()) {
    // The shocks change no model's answer: say so, not a list of zeros.
    text = fmt::format("If in {} {}, nothing would change: every model gives {} the same answer before and after "
                       "(its triangles, balancer rank and flexibility, the blocs and the landscape).",
                       sc.year, shocks, focus_name);
    summary = fmt::format("The scenario \"{}\" ({}) changes nothing for {}.", r.at("scenario").get<std::string>(),
                          sc.year, focus_name);
  } else {
    text = fmt::format(
        "If in {} {}, it would change {}'s role in {} of its {} triangles, {}, and take its flexibility from {:.2f} "
        "to {:.2f}. ",
        sc.year, shocks, focus_name, roles_changed, triangles.size(), rank_text, flex_before, flex_after);
    if (members > 0)
      text += changed_share == 0
                  ? fmt::format("In none of {} ensemble members with noisy ties, thresholds and capabilities did {}'s "
                                "role in a triangle change.",
                                members, focus_name)
                  : fmt::format("Across {} ensemble members with noisy ties, thresholds and capabilities, {}'s role in "
                                "a triangle changed in at most {:.0f}% of them.",
                                members, focus_name, 100 * changed_share);
    summary = fmt::format("The scenario \"{}\" ({}) would change {}'s role in {} of {} triangles and its flexibility "
                          "from {:.2f} to {:.2f}.",
                          r.at("scenario").get<std::string>(), sc.year, focus_name, roles_changed, triangles.size(),
                          flex_before, flex_after);
  }
  if (!text.empty() && text.back() == ' ') text.pop_back();
  Json tables = Json::array();
  if (!triangle_rows.empty())
    tables.push_back(make_table("scenario-triangles", fmt::format("{}'s role in each triangle, before and after", focus),
                                {"triangle", "type_before", "role_before", "type_after", "role_after"}, triangle_rows));
  tables.push_back(make_table("scenario-measures", fmt::format("{}'s measures, before and after", focus), {"measure", "before", "after"},
                              measure_rows));
  if (!change_rows.empty())
    tables.push_back(make_table("scenario-changes", "Every change, most important first", {"rank", "kind", "change"},
                                change_rows));
  Section s;
  s.json = {{"id", "scenario"},
            {"title", r.at("question").get<std::string>().empty() ? fmt::format("Scenario: {}", r.at("scenario").get<std::string>())
                                                                 : r.at("question").get<std::string>()},
            {"text", text},
            {"name", r.at("scenario")},
            {"question", r.at("question")},
            {"shocks", r.at("shocks")},
            {"triangles", triangles},
            {"measures", measures},
            {"changes", changes},
            {"tables", tables}};
  s.summary = {summary};
  return s;
}

}  // namespace entente::report
