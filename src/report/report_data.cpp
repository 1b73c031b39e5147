#include "entente/report/report_data.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "entente/actor/iso3.hpp"
#include "entente/query/landscape.hpp"
#include "entente/query/strategic.hpp"
#include "entente/query/structure.hpp"
#include "entente/world/panel.hpp"

#include "report_text.hpp"

#ifndef ENTENTE_VERSION_STRING
#error "ENTENTE_VERSION_STRING must be defined"
#endif

namespace entente::report {

namespace {

// The relationship types in the stance model's order, as the JSON names them.
constexpr std::array kRelations = {stance::Relation::alliance, stance::Relation::entente, stance::Relation::aligned,
                                   stance::Relation::neutral,  stance::Relation::rival,   stance::Relation::hostile};

std::string relation_name(stance::Relation r) {
  return std::string(stance::to_string(r));
}

std::string type_text(const std::string& type) {
  if (type == "menage_a_trois") return "ménage à trois";
  if (type == "romantic_triangle") return "romantic triangle";
  if (type == "stable_marriage") return "stable marriage";
  if (type == "unit_veto") return "unit veto";
  return type;
}

std::string with_article(const std::string& type) {
  return "a " + type_text(type);
}

// A number for a sentence: up to `digits` significant digits, no exponent for ordinary values.
std::string number_text(double v, int digits = 3) {
  return fmt::format("{:.{}g}", v, digits);
}

std::string percent_text(double share) {
  return fmt::format("{:.0f}%", 100 * share);
}

}  // namespace

std::string ordinal(long long n) {
  const long long tens = n % 100;
  const long long units = n % 10;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (units == 1)
      suffix = "st";
    else if (units == 2)
      suffix = "nd";
    else if (units == 3)
      suffix = "rd";
  }
  return fmt::format("{}{}", n, suffix);
}

std::string count_of(long long n, const std::string& singular, const std::string& plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

Triangle parse_triangle(const std::string& text) {
  std::vector<std::string> parts(1);
  for (char ch : text) {
    if (ch == ',') parts.emplace_back();
    else if (ch != ' ') parts.back() += ch;
  }
  if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || parts[2].empty())
    throw std::invalid_argument(fmt::format("--triangle \"{}\": expected three states, A,B,C", text));
  return {parts[0], parts[1], parts[2]};
}

Json make_table(const std::string& name, const std::string& title, const std::vector<std::string>& columns, Json rows) {
  if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
    throw std::invalid_argument(
        fmt::format("a report table's name is a file name of a-z, 0-9 and '-', not \"{}\"", name));
  for (const auto& row : rows)
    if (!row.is_array() || row.size() != columns.size())
      throw std::logic_error(
          fmt::format("table {}: a row of {} cells for {} columns", name, row.size(), columns.size()));
  return {{"name", name}, {"title", title}, {"columns", columns}, {"rows", std::move(rows)}};
}

// ---- the focus's strongest ties, and the evidence behind them ----

namespace {

// A state's tie to the focus, as query::relations and query::balancer give it.
struct Tie {
  std::string abbrev;
  double weight = 0;
  double strength = 0;  // |weight| × CINC: how much the tie matters to the focus
};

// The focus's strongest friendly tie and strongest unfriendly tie (either may be absent), then the
// rest, strongest first.
struct StrongestTies {
  std::optional<Tie> partner, rival;
  std::vector<Tie> by_strength;
};

StrongestTies strongest_ties(const ReportContext& c) {
  std::map<std::string, double> cinc;
  for (const auto& r : c.balancer.at("rows"))
    cinc[r.at("abbrev").get<std::string>()] = r.at("cinc").is_number() ? r.at("cinc").get<double>() : 0.0;
  StrongestTies out;
  for (const auto& row : c.relations.at("rows")) {
    const auto a = row.at("abbrev1").get<std::string>(), b = row.at("abbrev2").get<std::string>();
    if (a != c.focus.abbrev && b != c.focus.abbrev) continue;
    const auto other = a == c.focus.abbrev ? b : a;
    const double weight = row.at("weight").get<double>();
    if (weight == 0) continue;  // neutral: no tie
    out.by_strength.push_back({other, weight, std::fabs(weight) * cinc[other]});
  }
  // Strongest first; equal strengths in COW code order (query::relations's order), so the choice
  // never depends on the sort.
  std::stable_sort(out.by_strength.begin(), out.by_strength.end(),
                   [](const Tie& x, const Tie& y) { return x.strength > y.strength; });
  for (const auto& t : out.by_strength) {
    if (t.weight > 0 && !out.partner) out.partner = t;
    if (t.weight < 0 && !out.rival) out.rival = t;
  }
  return out;
}

// The explain evidence a reader checks a claim against: the treaties, defense agreements and
// security organisations the two share, an ongoing rivalry, war or dispute, and the UN vote share
// (query::explain's fields and lines, so the report and `entente explain` never disagree).
std::vector<std::string> key_evidence(const Json& explained) {
  std::vector<std::string> out;
  const auto& treaties = explained.at("treaties");
  if (!treaties.empty()) {
    std::vector<std::string> listed;
    for (std::size_t i = 0; i < std::min<std::size_t>(2, treaties.size()); ++i)
      listed.push_back(fmt::format("{} (signed {})", treaties[i].at("atopid").get<int>(),
                                   treaties[i].at("signed_year").get<int>()));
    if (treaties.size() > 2) listed.push_back(fmt::format("{} more", treaties.size() - 2));
    out.push_back(fmt::format("ATOP {} {}", treaties.size() == 1 ? "treaty" : "treaties", join_and(listed)));
  }
  const auto& dcas = explained.at("defense_agreements");
  if (!dcas.empty())
    out.push_back(fmt::format("{} in force", count_of(static_cast<long long>(dcas.size()),
                                                       "defense cooperation agreement", "defense cooperation agreements")));
  if (!explained.at("organisations").empty())
    out.push_back(fmt::format("shared security organisations: {}", join_and(strings(explained.at("organisations")))));
  for (const auto& line : explained.at("evidence")) {
    const auto text = line.get<std::string>();
    const bool rivalry = text.rfind("strategic rivalry", 0) == 0 && text.ends_with(": ongoing");
    const bool fighting = text == "COW inter-state war: on opposite sides" ||
                          (text.rfind("MID: ", 0) == 0 && text != "MID: none");
    const bool votes = text.rfind("UN votes: ", 0) == 0 && text.find("% identical") != std::string::npos;
    if (rivalry || fighting || votes) out.push_back(text);
  }
  return out;
}

}  // namespace

// ---- relations ----

Section relations_section(const ReportContext& c) {
  const auto& focus = c.focus.abbrev;
  // The states: every state of the year in the evidence scope (the balancer ranks them all), in
  // COW code order, with capabilities from the same result.
  std::vector<const Json*> ranked;
  for (const auto& r : c.balancer.at("rows")) ranked.push_back(&r);
  std::sort(ranked.begin(), ranked.end(),
            [](const Json* a, const Json* b) { return a->at("ccode").get<int>() < b->at("ccode").get<int>(); });
  bool focus_present = false;
  for (const Json* r : ranked) focus_present = focus_present || r->at("abbrev") == focus;

  std::map<std::string, std::string> to_focus;
  std::map<std::string, long long> counts, focus_counts;
  for (auto r : kRelations) counts[relation_name(r)] = 0;
  Json dyads = Json::array(), dyad_rows = Json::array();
  for (const auto& row : c.relations.at("rows")) {
    const auto a = row.at("abbrev1").get<std::string>(), b = row.at("abbrev2").get<std::string>();
    const auto relation = row.at("relation").get<std::string>();
    dyads.push_back({{"a", a}, {"b", b}, {"relation", relation}, {"weight", row.at("weight")}});
    dyad_rows.push_back({a, b, relation, row.at("weight")});
    ++counts[relation];
    if (a == focus) to_focus[b] = relation;
    if (b == focus) to_focus[a] = relation;
  }
  Json states = Json::array(), state_rows = Json::array();
  for (const Json* r : ranked) {
    const auto abbrev = r->at("abbrev").get<std::string>();
    const int ccode = r->at("ccode").get<int>();
    const int iso = actor::iso_numeric_for_ccode(ccode);
    Json relation = nullptr;
    if (auto it = to_focus.find(abbrev); it != to_focus.end()) {
      relation = it->second;
      ++focus_counts[it->second];
    }
    const auto* actor = c.source.registry.by_ccode(ccode);
    const std::string name = actor ? actor->name : abbrev;
    Json iso_json = iso > 0 ? Json(iso) : Json(nullptr);
    states.push_back({{"abbrev", abbrev},
                      {"name", name},
                      {"ccode", ccode},
                      {"iso_numeric", iso_json},
                      {"cinc", r->at("cinc")},
                      {"relation_to_focus", relation}});
    state_rows.push_back({abbrev, name, ccode, iso_json, r->at("cinc"), relation});
  }
  Json counts_json = Json::object();
  for (auto r : kRelations) counts_json[relation_name(r)] = counts[relation_name(r)];

  // "allied with 5 states, in an entente with 2, … and a rival of 1"
  static const std::map<std::string, std::string> kVerb = {
      {"alliance", "allied with"},   {"entente", "in an entente with"}, {"aligned", "aligned with"},
      {"neutral", "neutral toward"}, {"rival", "a rival of"},           {"hostile", "hostile to"}};
  std::vector<std::string> phrases;
  for (auto r : kRelations) {
    const long long n = focus_counts[relation_name(r)];
    if (n == 0) continue;
    phrases.push_back(kVerb.at(relation_name(r)) + " " +
                      (phrases.empty() ? count_of(n, "state", "states") : std::to_string(n)));
  }
  std::string first;
  const std::size_t others = ranked.size() - (focus_present ? 1 : 0);
  if (!focus_present) {
    first = fmt::format("{} is not among the {} states with evidence in {}.", capitalised(in_sentence(c.focus.name)),
                        ranked.size(), c.year);
  } else if (phrases.empty()) {
    first =
        fmt::format("In {} {} had no relationship with another state in the data.", c.year, in_sentence(c.focus.name));
  } else {
    first = fmt::format("In {} {} was {}, of the {} other states in the data.", c.year, in_sentence(c.focus.name),
                        join_and(phrases), others);
  }
  static const std::map<std::string, std::pair<std::string, std::string>> kNoun = {
      {"alliance", {"alliance", "alliances"}}, {"entente", {"entente", "ententes"}},
      {"aligned", {"aligned", "aligned"}},     {"neutral", {"neutral", "neutral"}},
      {"rival", {"rivalry", "rivalries"}},     {"hostile", {"hostile", "hostile"}}};
  std::vector<std::string> kinds;
  for (auto r : kRelations) {
    const long long n = counts[relation_name(r)];
    if (n == 0) continue;
    const auto& [one, many] = kNoun.at(relation_name(r));
    kinds.push_back(count_of(n, one, many));
  }
  // The claims a reader will check first: the focus's strongest partner and rival, with the
  // evidence `entente explain` shows for them.
  Json evidence = Json::array();
  std::vector<std::string> evidence_sentences;
  if (focus_present) {
    const auto ties = strongest_ties(c);
    for (const auto& tie : {ties.partner, ties.rival}) {
      if (!tie) continue;
      const Json explained =
          query::explain(c.source, c.focus, c.source.registry.find(tie->abbrev), c.year, c.profile);
      const auto items = key_evidence(explained);
      const auto command = fmt::format("entente explain {} {} --year {}", focus, tie->abbrev, c.year);
      const auto relation = explained.at("relation").get<std::string>();
      evidence.push_back({{"a", focus},
                          {"b", tie->abbrev},
                          {"relation", relation},
                          {"weight", explained.at("weight")},
                          {"rule", explained.at("rule")},
                          {"evidence", items},
                          {"command", command}});
      evidence_sentences.push_back(fmt::format(
          "{}'s strongest {} in {} was {} ({}: {}){}{} (check it with `{}`).", capitalised(in_sentence(c.focus.name)),
          tie->weight > 0 ? "partner" : "rival", c.year, in_sentence(name_of(c.source, tie->abbrev)), relation,
          explained.at("rule").get<std::string>(), items.empty() ? "" : "; the evidence: ", fmt::format("{}", fmt::join(items, "; ")), command));
    }
  }
  std::string second;
  if (!dyads.empty())
    second = fmt::format(" Of all {} pairs of the {} states: {}.", dyads.size(), ranked.size(), join_and(kinds));

  Json tables = Json::array();
  tables.push_back(make_table("relations-states", fmt::format("States of {} and their relation to {}", c.year, focus),
                              {"abbrev", "name", "ccode", "iso_numeric", "cinc", "relation_to_focus"},
                              std::move(state_rows)));
  tables.push_back(make_table("relations-dyads",
                              fmt::format("Every pair of states in {}: relationship and weight", c.year),
                              {"a", "b", "relation", "weight"}, std::move(dyad_rows)));
  Json out{{"id", "relations"},
           {"title", fmt::format("Relationships in {}", c.year)},
           {"text", first + second + (evidence_sentences.empty() ? "" : " " + fmt::format("{}", fmt::join(evidence_sentences, " ")))},
           {"tables", std::move(tables)},
           {"states", std::move(states)},
           {"dyads", std::move(dyads)},
           {"counts", std::move(counts_json)},
           {"evidence", std::move(evidence)}};
  std::vector<std::string> summary = {first};
  summary.insert(summary.end(), evidence_sentences.begin(), evidence_sentences.end());
  return {std::move(out), std::move(summary)};
}

// ---- triangle ----

namespace {

// ", with China as the pivot", ", China and Russia the partners and the United States the outcast".
std::string roles_text(const std::string& type, const std::vector<std::pair<std::string, std::string>>& roles) {
  std::vector<std::string> pivot, partners, outcast;
  for (const auto& [name, role] : roles) {
    if (role == "pivot") pivot.push_back(name);
    if (role == "partner") partners.push_back(name);
    if (role == "outcast") outcast.push_back(name);
  }
  if (type == "romantic_triangle" && !pivot.empty()) return fmt::format(", with {} as the pivot", pivot.front());
  if (type == "stable_marriage" && !outcast.empty())
    return fmt::format(", {} the partners and {} the outcast", join_and(partners), outcast.front());
  if (type == "menage_a_trois") return ", all three friends";
  if (type == "unit_veto") return ", all three foes";
  return "";
}

}  // namespace

std::vector<std::string> default_triangle(const ReportContext& c) {
  const auto ties = strongest_ties(c);
  std::vector<const Tie*> chosen;
  if (ties.partner) chosen.push_back(&*ties.partner);
  if (ties.rival) chosen.push_back(&*ties.rival);
  for (const auto& t : ties.by_strength)  // a focus without a rival (or partner): its next strongest tie
    if (chosen.size() < 2 && t.abbrev != chosen.front()->abbrev) chosen.push_back(&t);
  if (chosen.size() < 2) return {};
  std::vector<std::string> out = {chosen[0]->abbrev, chosen[1]->abbrev};
  std::sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
    return c.source.registry.find(a).ccode < c.source.registry.find(b).ccode;
  });
  out.push_back(c.focus.abbrev);
  return out;
}

Section triangle_section(const ReportContext& c, const Triangle& triangle, int number) {
  const std::string id = number == 1 ? "triangle" : fmt::format("triangle-{}", number);
  std::vector<const actor::Actor*> actors;
  for (const auto& name : triangle) actors.push_back(&c.source.registry.find(name));
  const Json result = query::triangle(c.source, *actors[0], *actors[1], *actors[2], c.from, c.to, c.profile);
  std::vector<std::string> abbrevs, names;
  for (const auto* a : actors) {
    abbrevs.push_back(a->abbrev);
    names.push_back(in_sentence(a->name));
  }
  const std::array<std::pair<std::size_t, std::size_t>, 3> pairs = {{{0, 1}, {0, 2}, {1, 2}}};

  Json years = Json::array(), rows = Json::array();
  std::map<std::string, long long> by_type;
  for (const auto& r : result.at("rows")) {
    Json roles = Json::object(), ties = Json::array();
    Json row = Json::array({r.at("year"), r.at("type")});
    for (const auto& a : abbrevs) {
      roles[a] = r.at("roles").at(a).at("role");
      row.push_back(roles[a]);
    }
    for (const auto& [i, j] : pairs) {
      const std::string pair = abbrevs[i] + "-" + abbrevs[j];
      const auto& tie = r.at("ties").at(pair);
      ties.push_back({{"pair", pair}, {"relation", tie.at("relation")}, {"weight", tie.at("weight")}});
      row.push_back(tie.at("relation"));
      row.push_back(tie.at("weight"));
    }
    ++by_type[r.at("type").get<std::string>()];
    years.push_back(
        {{"year", r.at("year")}, {"type", r.at("type")}, {"roles", std::move(roles)}, {"ties", std::move(ties)}});
    rows.push_back(std::move(row));
  }
  std::vector<std::string> columns = {"year", "type"};
  for (const auto& a : abbrevs) columns.push_back("role_" + a);
  for (const auto& [i, j] : pairs) {
    columns.push_back("relation_" + abbrevs[i] + "-" + abbrevs[j]);
    columns.push_back("weight_" + abbrevs[i] + "-" + abbrevs[j]);
  }

  const std::string triangle_name = fmt::format("the triangle of {}", join_and(names));
  std::string text, summary;
  if (years.empty()) {
    text = fmt::format("From {} to {} {} were never members of the state system together: there is no triangle to show.",
                       c.from, c.to, join_and(names));
    summary = text;
  } else {
    const long long total = static_cast<long long>(years.size());
    const int first_year = years.front().at("year").get<int>(), last_year = years.back().at("year").get<int>();
    std::vector<std::string> parts;
    for (const char* type : {"menage_a_trois", "romantic_triangle", "stable_marriage", "unit_veto"}) {
      const long long n = by_type[type];
      if (n == 0) continue;
      parts.push_back(parts.empty() ? fmt::format("{} in {} of {} years", with_article(type), n, total)
                                    : fmt::format("{} in {}", with_article(type), n));
    }
    text = fmt::format("From {} to {} {} was {}.", first_year, last_year, triangle_name, join_and(parts));
    const auto& last = years.back();
    std::vector<std::pair<std::string, std::string>> roles;
    for (std::size_t k = 0; k < 3; ++k)
      roles.emplace_back(names[k], last.at("roles").at(abbrevs[k]).get<std::string>());
    const std::string type = last.at("type").get<std::string>();
    const auto& changes = result.at("changes");
    const int since = changes.empty() ? first_year : changes.back().at("year").get<int>();
    if (changes.size() <= 1) {
      text += fmt::format(" It never changed: {} throughout.", with_article(type));
    } else {
      text += fmt::format(" It last changed in {}, to {}{}.", since, with_article(type), roles_text(type, roles));
    }
    summary = fmt::format("In {} {} was {}{} (since {}).", last_year, triangle_name, with_article(type),
                          roles_text(type, roles), since);
  }

  Json tables = Json::array();
  if (!rows.empty())
    tables.push_back(make_table(
        id + "-years", fmt::format("The {} triangle year by year: type, roles and ties", fmt::join(abbrevs, "-")),
        columns, std::move(rows)));
  Json out{
      {"id", id},          {"title", fmt::format("The {} triangle, {}–{}", fmt::join(abbrevs, "–"), c.from, c.to)},
      {"text", text},      {"tables", std::move(tables)},
      {"actors", abbrevs}, {"years", std::move(years)}};
  return {std::move(out), {summary}};
}

// ---- balancers ----

Section balancers_section(const ReportContext& c) {
  Json rows = Json::array(), table_rows = Json::array();
  const Json* focus_row = nullptr;
  for (const auto& r : c.balancer.at("rows")) {
    const auto* actor = c.source.registry.by_ccode(r.at("ccode").get<int>());
    const std::string abbrev = r.at("abbrev").get<std::string>();
    const std::string name = actor ? actor->name : abbrev;
    rows.push_back({{"rank", r.at("rank")},
                    {"abbrev", abbrev},
                    {"name", name},
                    {"weighted_pivot", r.at("weighted_pivot")},
                    {"pivot", r.at("pivot")},
                    {"flexibility", r.at("flexibility")},
                    {"cinc", r.at("cinc")}});
    table_rows.push_back(
        {r.at("rank"), abbrev, name, r.at("weighted_pivot"), r.at("pivot"), r.at("flexibility"), r.at("cinc")});
    if (abbrev == c.focus.abbrev) focus_row = &r;
  }
  const std::size_t n = rows.size();
  std::string text;
  if (n == 0) {
    text = fmt::format("No state has evidence in {}.", c.year);
  } else if (focus_row == nullptr) {
    text = fmt::format("{} is not among the {} states ranked in {}; {} ranks first.",
                       capitalised(in_sentence(c.focus.name)), n, c.year,
                       in_sentence(rows.at(0).at("name").get<std::string>()));
  } else {
    const auto& f = *focus_row;
    std::string flexibility;
    if (!f.at("flexibility").is_null())
      flexibility = fmt::format("; flexibility {}", number_text(f.at("flexibility").get<double>(), 2));
    const long long pivot = f.at("pivot").get<long long>();
    const std::string how = pivot == 0 ? std::string("the pivot of no romantic triangle")
                                       : fmt::format("weighted pivot index {}, the pivot of {}",
                                                     number_text(f.at("weighted_pivot").get<double>()),
                                                     count_of(pivot, "romantic triangle", "romantic triangles"));
    text = fmt::format("{} ranks {} of {} as a balancer in {} ({}{}).", capitalised(in_sentence(c.focus.name)),
                       ordinal(f.at("rank").get<long long>()), n, c.year, how, flexibility);
  }
  const std::string summary = text;
  if (n > 0) {
    std::vector<std::string> top;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, n); ++i)
      top.push_back(in_sentence(rows.at(i).at("name").get<std::string>()));
    text += top.size() == 1 ? fmt::format(" The only state ranked is {}.", top.front())
                            : fmt::format(" The first {} are {}.", top.size() == 2 ? "two" : "three", join_and(top));
  }
  Json tables = Json::array();
  tables.push_back(make_table("balancers", fmt::format("Balancers of {}, ranked by weighted pivot index", c.year),
                              {"rank", "abbrev", "name", "weighted_pivot", "pivot", "flexibility", "cinc"},
                              std::move(table_rows)));
  Json out{{"id", "balancers"},
           {"title", fmt::format("Balancers in {}", c.year)},
           {"text", text},
           {"tables", std::move(tables)},
           {"focus", c.focus.abbrev},
           {"rows", std::move(rows)}};
  return {std::move(out), {summary}};
}

// ---- blocs ----

Section blocs_section(const ReportContext& c) {
  const auto graphs = query::stance_graphs(c.source, c.from, c.to, c.profile);
  const Json balance = query::balance(graphs, balance::FrustrationOptions{});
  balance::BlocOptions options;  // two blocs, α = 0.5: exact
  const Json blocs = query::blocs(graphs, options);

  Json years = Json::array(), year_rows = Json::array();
  Json membership = Json::array(), membership_rows = Json::array();
  Json switches = Json::array(), switch_rows = Json::array();
  for (std::size_t p = 0; p < graphs.size(); ++p) {
    const int year = c.from + static_cast<int>(p);
    const auto& b = balance.at("rows").at(p);
    years.push_back({{"year", year},
                     {"frustration", b.at("frustration")},
                     {"lower_bound", b.at("lower_bound")},
                     {"optimal", b.at("optimal")},
                     {"edges", b.at("edges")},
                     {"negative_edges", b.at("negative_edges")},
                     {"normalised", b.at("normalised_frustration")}});
    year_rows.push_back({year, b.at("frustration"), b.at("lower_bound"), b.at("optimal"), b.at("edges"),
                         b.at("negative_edges"), b.at("normalised_frustration")});
    const auto& period = blocs.at("periods").at(p);
    std::map<std::string, int> bloc_of;
    for (const auto& bl : period.at("blocs"))
      for (const auto& m : bl.at("members")) bloc_of[m.get<std::string>()] = bl.at("bloc").get<int>();
    for (const auto& node : graphs[p].nodes) {
      const auto it = bloc_of.find(node);
      const Json bloc = it == bloc_of.end() ? Json(nullptr) : Json(it->second);
      membership.push_back({{"year", year}, {"node", node}, {"bloc", bloc}});
      membership_rows.push_back({year, node, bloc});
    }
    for (const auto& s : period.at("switches")) {
      switches.push_back({{"year", year}, {"node", s.at("node")}, {"from", s.at("from")}, {"to", s.at("to")}});
      switch_rows.push_back({year, s.at("node"), s.at("from"), s.at("to")});
    }
  }

  // The sentences: the year's frustration, the focus's bloc, the switches.
  const auto& last = years.back();
  const long long value = last.at("frustration").get<long long>(), bound = last.at("lower_bound").get<long long>();
  const std::string proof =
      last.at("optimal").get<bool>() ? "proven optimal" : fmt::format("not proven optimal: lower bound {}", bound);
  std::string text = fmt::format(
      "In {} the system's frustration index was {} ({}): of its {} ({} negative), {} must change sign for the states "
      "to split into two camps.",
      c.to, value, proof, count_of(last.at("edges").get<long long>(), "tie", "ties"),
      last.at("negative_edges").get<long long>(), value);
  const std::string summary = text;
  const auto& period = blocs.at("periods").back();
  // Each bloc's members; the focus's bloc named with its partners when short, else the other bloc.
  constexpr std::size_t kListed = 10;
  std::vector<std::vector<std::string>> members;
  std::size_t focus_bloc = 0;  // 1-based; 0 when the focus has no ties
  for (const auto& bl : period.at("blocs")) {
    members.push_back(strings(bl.at("members")));
    if (std::find(members.back().begin(), members.back().end(), c.focus.abbrev) != members.back().end())
      focus_bloc = members.size();
  }
  if (members.size() == 2) {
    text += fmt::format(" The two blocs had {} and {} states", members[0].size(), members[1].size());
    const std::string focus_name = in_sentence(c.focus.name);
    if (focus_bloc > 0) {
      auto partners = members[focus_bloc - 1];
      partners.erase(std::find(partners.begin(), partners.end(), c.focus.abbrev));
      const auto& other = members[2 - focus_bloc];
      if (partners.empty())
        text += fmt::format("; {} stood alone in bloc {}", focus_name, focus_bloc);
      else if (partners.size() <= kListed)
        text += fmt::format("; {} was in bloc {} with {}", focus_name, focus_bloc, join_and(partners));
      else if (!other.empty() && other.size() <= kListed)
        text += fmt::format("; {} was in bloc {}, against {}", focus_name, focus_bloc, join_and(other));
      else
        text += fmt::format("; {} was in bloc {}", focus_name, focus_bloc);
    } else {
      text += fmt::format("; {} had no ties", focus_name);
    }
    text += ".";
  }
  if (c.to > c.from) {
    if (switches.empty()) {
      text += fmt::format(" No state changed bloc from {} to {}.", c.from, c.to);
    } else {
      const auto& s = switches.back();
      text += fmt::format(" From {} to {} states changed bloc {}, most recently {} in {}.", c.from, c.to,
                          count_of(static_cast<long long>(switches.size()), "time", "times"),
                          s.at("node").get<std::string>(), s.at("year").get<int>());
    }
  }

  Json tables = Json::array();
  tables.push_back(
      make_table("blocs-years", "Frustration index of the stance graph, year by year",
                 {"year", "frustration", "lower_bound", "optimal", "edges", "negative_edges", "normalised"},
                 std::move(year_rows)));
  tables.push_back(make_table("blocs-membership", "Bloc of each state, year by year (empty: no ties)",
                              {"year", "node", "bloc"}, std::move(membership_rows)));
  if (!switch_rows.empty())  // the text says when no state changed bloc
    tables.push_back(make_table("blocs-switches", "States that changed bloc", {"year", "node", "from", "to"},
                                std::move(switch_rows)));
  Json out{{"id", "blocs"},
           {"title", fmt::format("Balance and blocs, {}–{}", c.from, c.to)},
           {"text", text},
           {"tables", std::move(tables)},
           {"years", std::move(years)},
           {"membership", std::move(membership)},
           {"switches", std::move(switches)}};
  return {std::move(out), {summary}};
}

// ---- landscape ----

namespace {

// The great powers of a year: the COW major powers with evidence (in the store's scope) plus India
// when it is a member; where the store has no major-power data for the year, a fixed list (the
// powers of the README's landscape example). Only states with a positive CINC can be sized.
constexpr std::array<int, 8> kFixedPowers = {2, 200, 220, 255, 365, 710, 740, 750};  // USA UKG FRN GMY RUS CHN JPN IND
constexpr int kIndia = 750;

struct Powers {
  std::vector<int> ccodes;
  std::string basis;  // how they were chosen, in words
};

Powers great_powers(const world::Source& source, int year) {
  world::PanelLayers layers;
  layers.alliances = false;
  layers.capabilities = true;
  layers.majors = true;
  const world::Panel panel(source, year, year, layers);
  const auto y = panel.year(year);
  auto sized = [&](std::size_t i) { return std::isfinite(y.cinc[i]) && y.cinc[i] > 0; };
  Powers out;
  if (y.majors_covered) {
    for (std::size_t i = 0; i < y.n(); ++i)
      if (y.in_scope[i] && sized(i) && (y.major[i] || y.ccodes[i] == kIndia)) out.ccodes.push_back(y.ccodes[i]);
    out.basis = "the COW major powers of the year, plus India";
  } else {
    for (int ccode : kFixedPowers) {
      const int i = y.index(ccode);
      if (i >= 0 && y.in_scope[static_cast<std::size_t>(i)] && sized(static_cast<std::size_t>(i)))
        out.ccodes.push_back(ccode);
    }
    std::sort(out.ccodes.begin(), out.ccodes.end());
    out.basis =
        "the United States, China, Russia, India, Japan, Germany, France and the United Kingdom (the store "
        "has no major-power data for the year)";
  }
  return out;
}

// The landscape's states: those asked for, else the year's great powers plus the focus. Only
// states in the year's scope with a positive CINC can be sized; the others are named in `left_out`.
Powers landscape_states(const ReportContext& c, std::vector<std::string>& left_out) {
  auto sized = [&](int ccode) {
    for (const auto& r : c.balancer.at("rows"))
      if (r.at("ccode").get<int>() == ccode) return r.at("cinc").is_number() && r.at("cinc").get<double>() > 0;
    return false;
  };
  Powers out;
  if (!c.options.landscape.empty()) {
    for (const auto& name : c.options.landscape) {
      const auto& actor = c.source.registry.find(name);
      if (std::find(out.ccodes.begin(), out.ccodes.end(), actor.ccode) != out.ccodes.end()) continue;
      if (sized(actor.ccode)) out.ccodes.push_back(actor.ccode);
      else left_out.push_back(actor.abbrev);
    }
    out.basis = "the states asked for";
    return out;
  }
  out = great_powers(c.source, c.year);
  if (std::find(out.ccodes.begin(), out.ccodes.end(), c.focus.ccode) == out.ccodes.end()) {
    if (sized(c.focus.ccode)) {
      out.ccodes.push_back(c.focus.ccode);
      std::sort(out.ccodes.begin(), out.ccodes.end());
      out.basis += fmt::format(", with the focus, {}", in_sentence(c.focus.name));
    } else {
      left_out.push_back(c.focus.abbrev);
    }
  }
  return out;
}

}  // namespace

Section landscape_section(const ReportContext& c) {
  std::vector<std::string> left_out;
  const auto powers = landscape_states(c, left_out);
  Json actors = Json::array(), actor_rows = Json::array(), minima = Json::array(), minima_rows = Json::array();
  std::vector<std::string> abbrevs;
  std::string text, summary;
  if (powers.ccodes.size() < 2) {
    text = fmt::format("Landscape theory needs at least two states with capabilities (CINC) in {}; {} has {}.",
                       c.year, powers.basis, powers.ccodes.size());
    summary = text;
  } else {
    query::LandscapeRequest request;
    request.threads = c.options.threads;
    request.profile = c.profile;
    const Json result = query::landscape(c.source, c.year, powers.ccodes, request);
    for (const auto& a : result.at("actors")) {
      const auto abbrev = a.at("name").get<std::string>();
      abbrevs.push_back(abbrev);
      const std::string name = name_of(c.source, abbrev);
      actors.push_back({{"abbrev", abbrev}, {"name", name}, {"size", a.at("size")}});
      actor_rows.push_back({abbrev, name, a.at("size")});
    }
    for (const auto& m : result.at("rows")) {
      Json sides = Json::object();
      Json row = Json::array({m.at("rank"), m.at("energy"), m.at("basin_share")});
      const auto side_b = strings(m.at("side_b"));
      for (const auto& a : abbrevs) {
        const int side = std::find(side_b.begin(), side_b.end(), a) != side_b.end() ? 1 : 0;
        sides[a] = side;
        row.push_back(side);
      }
      minima.push_back({{"rank", m.at("rank")},
                        {"energy", m.at("energy")},
                        {"basin_share", m.at("basin_share")},
                        {"sides", std::move(sides)}});
      minima_rows.push_back(std::move(row));
    }
    const auto split_of = [&](const Json& minimum) {
      const auto a = strings(minimum.at("side_a")), b = strings(minimum.at("side_b"));
      return b.empty() || a.empty() ? fmt::format("puts all {} on one side", abbrevs.size())
                                    : fmt::format("puts {} against {}", join_and(a), join_and(b));
    };
    const auto& best = result.at("rows").at(0);
    const std::size_t count = minima.size();
    const std::string who = c.options.landscape.empty() ? "great powers" : "states";
    if (count == 1) {
      summary = fmt::format(
          "Landscape theory predicts a single stable alignment of the {} {} of {}, which every alignment "
          "descends to: it {} (energy {}).",
          abbrevs.size(), who, c.year, split_of(best), number_text(best.at("energy").get<double>()));
    } else {
      // The runner-up too: two alignments of nearly equal energy are the answer, not a footnote
      // (2012: the BRICS powers against the West, or China alone).
      const auto& next = result.at("rows").at(1);
      summary = fmt::format(
          "Landscape theory predicts {} stable alignments of the {} {} of {}; the deepest (energy {}, the "
          "basin of {} of all alignments) {}; the next (energy {}, {}) {}.",
          count, abbrevs.size(), who, c.year, number_text(best.at("energy").get<double>()),
          percent_text(best.at("basin_share").get<double>()), split_of(best),
          number_text(next.at("energy").get<double>()), percent_text(next.at("basin_share").get<double>()),
          split_of(next));
    }
    text = summary + fmt::format(" The states are {}, sized by CINC, with propensities from the year's evidence.",
                                 powers.basis);
  }
  if (!left_out.empty())
    text += fmt::format(" Left out for want of capabilities (CINC) in {}: {}.", c.year, join_and(left_out));
  std::vector<std::string> minima_columns = {"rank", "energy", "basin_share"};
  for (const auto& a : abbrevs) minima_columns.push_back("side_" + a);
  Json tables = Json::array();
  if (!minima_rows.empty()) {
    tables.push_back(make_table("landscape-actors", fmt::format("The states of {} and their sizes (CINC)", c.year),
                                {"abbrev", "name", "size"}, std::move(actor_rows)));
    tables.push_back(make_table("landscape-minima",
                                "Every stable alignment (local minimum of energy): basin share and each state's side",
                                minima_columns, std::move(minima_rows)));
  }
  Json out{{"id", "landscape"},
           {"title", fmt::format("Landscape theory, {}", c.year)},
           {"text", text},
           {"tables", std::move(tables)},
           {"actors", std::move(actors)},
           {"minima", std::move(minima)}};
  return {std::move(out), {summary}};
}

// ---- the report ----

Json report_data(const world::Source& source, int year, const stance::Profile& profile, const ReportOptions& options) {
  const auto span = report_years(source);
  if (!span.contains(year))
    throw std::invalid_argument(
        fmt::format("no report for {}: the store's data cover {} to {}", year, span.first, span.last));
  const int from = options.from.value_or(span.first);
  const int to = options.to.value_or(year);
  if (from > to || !span.contains(from))
    throw std::invalid_argument(
        fmt::format("the timelines cannot start in {}: the store's data cover {} to {}", from, span.first, to));
  if (!span.contains(to))
    throw std::invalid_argument(
        fmt::format("the timelines cannot end in {}: the store's data cover {} to {}", to, span.first, span.last));
  // The bargaining files and their variant first: a bad one fails the report before the other
  // sections spend their seconds (and, as every error here, before anything is written).
  std::vector<BargainIssue> bargains;
  for (const auto& file : options.bargains) bargains.push_back(read_bargain_issue(file));
  if (!bargains.empty()) {
    try {
      (void)bargain::variant_by_name(options.bargain_variant);
    } catch (const std::exception& e) {
      throw std::invalid_argument(fmt::format("--bargain-variant: {}", e.what()));
    }
  }
  const auto& focus = source.registry.find(options.focus);
  ReportContext context{source,
                        profile,
                        options,
                        year,
                        from,
                        to,
                        focus,
                        query::relations(source, year, {}, profile),
                        query::balancer(source, year, std::nullopt, profile)};

  // The sections in the report's order (docs/report.md); a new one is one more line.
  std::vector<Section> sections;
  sections.push_back(relations_section(context));
  if (options.triangles.empty()) {
    const auto chosen = default_triangle(context);
    if (chosen.size() == 3) {
      sections.push_back(triangle_section(context, {chosen[0], chosen[1], chosen[2]}, 1));
    } else {
      bool in_data = false;
      for (const auto& r : context.balancer.at("rows")) in_data = in_data || r.at("abbrev") == focus.abbrev;
      const auto text = fmt::format(
          "{} {} in {}, so there is no triangle of its strongest partner and rival; name one with --triangle A,B,C.",
          capitalised(in_sentence(focus.name)),
          in_data ? "had fewer than two ties to other states" : "is not among the states with evidence", year);
      sections.push_back({{{"id", "triangle"},
                           {"title", fmt::format("No triangle of {} in {}", focus.abbrev, year)},
                           {"text", text},
                           {"tables", Json::array()},
                           {"actors", Json::array()},
                           {"years", Json::array()}},
                          {text}});
    }
  }
  for (std::size_t k = 0; k < options.triangles.size(); ++k)
    sections.push_back(triangle_section(context, options.triangles[k], static_cast<int>(k + 1)));
  sections.push_back(balancers_section(context));
  sections.push_back(blocs_section(context));
  sections.push_back(landscape_section(context));
  sections.push_back(scenario_section(context));
  query::BargainRequest bargain_request;
  bargain_request.variant = options.bargain_variant;
  for (std::size_t k = 0; k < bargains.size(); ++k)
    sections.push_back(bargaining_section(bargains[k], bargain_request, static_cast<int>(k + 1)));

  Json summary = Json::array(), sections_json = Json::array();
  for (auto& s : sections) {
    if (s.json.is_null()) continue;  // a section the store cannot support (e.g. no Russia or China)
    for (auto& sentence : s.summary) summary.push_back(std::move(sentence));
    sections_json.push_back(std::move(s.json));
  }
  return {{"entente_version", ENTENTE_VERSION_STRING},
          {"source", source.label},
          {"profile", profile.name},
          {"year", year},
          {"from", from},
          {"to", to},
          {"focus", {{"abbrev", focus.abbrev}, {"name", focus.name}}},
          {"summary", std::move(summary)},
          {"sections", std::move(sections_json)}};
}

}  // namespace entente::report
