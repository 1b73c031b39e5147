// Reading a scenario file. Strict on purpose: a misspelt key would otherwise silently drop a
// shock, and the user would read a counterfactual that was never run.
#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <toml++/toml.h>

#include "entente/io/file.hpp"
#include "entente/io/parse_error.hpp"
#include "entente/io/toml_file.hpp"
#include "entente/scenario/scenario.hpp"

namespace entente::scenario {

namespace {

struct KindName {
  ShockKind kind;
  std::string_view name;
};
constexpr std::array kKinds = {
    KindName{ShockKind::add_treaty, "add_treaty"},       KindName{ShockKind::end_treaty, "end_treaty"},
    KindName{ShockKind::start_rivalry, "start_rivalry"}, KindName{ShockKind::end_rivalry, "end_rivalry"},
    KindName{ShockKind::start_war, "start_war"},         KindName{ShockKind::end_war, "end_war"},
    KindName{ShockKind::set_capability, "set_capability"}, KindName{ShockKind::add_actor, "add_actor"},
    KindName{ShockKind::remove_actor, "remove_actor"},   KindName{ShockKind::set_relation, "set_relation"},
    KindName{ShockKind::shift_relation, "shift_relation"}, KindName{ShockKind::weaken_ties, "weaken_ties"},
};
constexpr std::array kRelations = {"alliance", "entente", "aligned", "neutral", "rival", "hostile"};

// Which keys each kind takes besides `kind`; anything else is an error.
std::vector<std::string_view> keys_of(ShockKind k) {
  switch (k) {
    case ShockKind::add_treaty: return {"between", "type"};
    case ShockKind::end_treaty: return {"between", "type"};
    case ShockKind::start_rivalry:
    case ShockKind::end_rivalry:
    case ShockKind::start_war:
    case ShockKind::end_war: return {"between"};
    case ShockKind::set_capability: return {"actor", "cinc", "factor"};
    case ShockKind::add_actor: return {"actor", "cinc"};
    case ShockKind::remove_actor: return {"actor"};
    case ShockKind::set_relation: return {"between", "relation", "weight"};
    case ShockKind::shift_relation: return {"between", "by"};
    case ShockKind::weaken_ties: return {"actor", "factor"};
  }
  return {};
}

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::node& node, const std::string& found, const std::string& expected) const {
    const auto at = node.source().begin;
    throw io::ParseError({file_, at.line, at.column}, found, expected);
  }
  [[noreturn]] void fail_at(const toml::table& t, const std::string& found, const std::string& expected) const {
    fail(t, found, expected);
  }

  std::string text(const toml::node& n, const std::string& what) const {
    if (!n.is_string()) fail(n, describe_node(n), what + " in quotes");
    return *n.value<std::string>();
  }
  double number(const toml::node& n, const std::string& what, double lo, double hi) const {
    const auto v = n.value<double>();
    if (!v || !std::isfinite(*v) || *v < lo || *v > hi) fail(n, describe_node(n), fmt::format("{} from {} to {}", what, lo, hi));
    return *v;
  }
  std::uint64_t whole(const toml::node& n, const std::string& what, std::int64_t lo, std::int64_t hi) const {
    const auto v = n.value_exact<std::int64_t>();
    if (!v || *v < lo || *v > hi) fail(n, describe_node(n), fmt::format("{}: a whole number from {} to {}", what, lo, hi));
    return static_cast<std::uint64_t>(*v);
  }
  std::vector<std::string> names(const toml::node& n, const std::string& what) const {
    const auto* a = n.as_array();
    if (!a) fail(n, describe_node(n), what + ": a list of states in quotes, e.g. [\"RUS\", \"CHN\"]");
    std::vector<std::string> out;
    for (const auto& e : *a) out.push_back(text(e, "a state"));
    return out;
  }

  static std::string describe_node(const toml::node& n) {
    if (n.is_string()) return "\"" + *n.value<std::string>() + "\"";
    if (n.is_table()) return "a table";
    if (n.is_array()) return "a list";
    if (auto v = n.value<double>()) return fmt::format("{}", *v);
    if (auto b = n.value<bool>()) return *b ? "true" : "false";
    return "a value";
  }

 private:
  std::string file_;
};

Shock read_shock(const Reader& r, const toml::table& t) {
  Shock s;
  s.line = t.source().begin.line;
  const auto* kind = t.get("kind");
  if (!kind) r.fail_at(t, "a shock without kind", "kind = one of add_treaty, end_treaty, start_rivalry, end_rivalry, "
                                                  "start_war, end_war, set_capability, add_actor, remove_actor, "
                                                  "set_relation, shift_relation, weaken_ties");
  const std::string k = r.text(*kind, "a kind of shock");
  auto found = std::find_if(kKinds.begin(), kKinds.end(), [&](const KindName& kn) { return kn.name == k; });
  if (found == kKinds.end())
    r.fail(*kind, "\"" + k + "\"", "a kind of shock: add_treaty, end_treaty, start_rivalry, end_rivalry, start_war, "
                                   "end_war, set_capability, add_actor, remove_actor, set_relation, shift_relation, "
                                   "weaken_ties");
  s.kind = found->kind;
  const auto allowed = keys_of(s.kind);
  for (auto&& [key, node] : t) {
    const std::string name(key.str());
    if (name == "kind") continue;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      r.fail(node, name, fmt::format("a key of {}: {}", k, fmt::join(allowed, ", ")));
    if (name == "between") {
      const auto pair = r.names(node, "between");
      if (pair.size() != 2 || pair[0] == pair[1]) r.fail(node, Reader::describe_node(node), "two different states");
      s.a = pair[0];
      s.b = pair[1];
    } else if (name == "actor") {
      s.a = r.text(node, "a state");
    } else if (name == "type") {
      const std::string type = r.text(node, "a treaty obligation");
      bool known = false;
      for (auto o : evidence::kObligations)
        if (type == evidence::to_string(o)) {
          s.treaty = o;
          known = true;
        }
      if (!known) r.fail(node, "\"" + type + "\"", "an obligation: defense, offense, neutrality, nonaggression, entente, consultation");
    } else if (name == "relation") {
      const std::string rel = r.text(node, "a relationship type");
      auto it = std::find(kRelations.begin(), kRelations.end(), rel);
      if (it == kRelations.end()) r.fail(node, "\"" + rel + "\"", "alliance, entente, aligned, neutral, rival or hostile");
      s.relation = static_cast<stance::Relation>(it - kRelations.begin());
    } else if (name == "weight") {
      s.weight = r.number(node, "a weight", -1, 1);
    } else if (name == "by") {
      s.by = r.number(node, "a shift of weight", -2, 2);
    } else if (name == "cinc") {
      s.cinc = r.number(node, "a CINC score", 1e-9, 1);
    } else if (name == "factor") {
      s.factor = s.kind == ShockKind::weaken_ties ? r.number(node, "a factor", 0, 1) : r.number(node, "a factor", 1e-6, 1e6);
    }
  }
  auto need = [&](bool ok, const std::string& what) {
    if (!ok) r.fail_at(t, k + " shock", what);
  };
  const bool dyadic = std::find(allowed.begin(), allowed.end(), "between") != allowed.end();
  need(!dyadic || !s.a.empty(), "between = [\"A\", \"B\"]");
  need(dyadic || !s.a.empty(), "actor = \"A\"");
  if (s.kind == ShockKind::add_treaty) need(s.treaty.has_value(), "type = the obligation (e.g. \"defense\")");
  if (s.kind == ShockKind::set_capability) need(s.cinc.has_value() != s.factor.has_value(), "either cinc = x or factor = f");
  if (s.kind == ShockKind::add_actor) need(s.cinc.has_value(), "cinc = the new actor's capability share");
  if (s.kind == ShockKind::set_relation) need(s.relation || s.weight, "relation = \"...\" and/or weight = w");
  if (s.kind == ShockKind::shift_relation) need(s.by.has_value(), "by = the change of weight");
  if (s.kind == ShockKind::weaken_ties) need(s.factor.has_value(), "factor = f (0 to 1)");
  return s;
}

}  // namespace

std::string_view to_string(ShockKind kind) {
  for (const auto& kn : kKinds)
    if (kn.kind == kind) return kn.name;
  return "?";
}

bool is_stance_shock(ShockKind kind) {
  return kind == ShockKind::set_relation || kind == ShockKind::shift_relation || kind == ShockKind::weaken_ties;
}

std::string describe(const Shock& s) {
  switch (s.kind) {
    case ShockKind::add_treaty:
      return fmt::format("{} and {} sign a treaty with a {} obligation", s.a, s.b, evidence::to_string(*s.treaty));
    case ShockKind::end_treaty:
      return s.treaty ? fmt::format("{} and {} end their {} obligations", s.a, s.b, evidence::to_string(*s.treaty))
                      : fmt::format("{} and {} end every treaty obligation between them", s.a, s.b);
    case ShockKind::start_rivalry: return fmt::format("{} and {} become strategic rivals", s.a, s.b);
    case ShockKind::end_rivalry: return fmt::format("{} and {} end their strategic rivalry", s.a, s.b);
    case ShockKind::start_war: return fmt::format("{} and {} go to war", s.a, s.b);
    case ShockKind::end_war: return fmt::format("{} and {} stop fighting (no war or dispute)", s.a, s.b);
    case ShockKind::set_capability:
      return s.cinc ? fmt::format("{}'s capabilities (CINC) become {}", s.a, *s.cinc)
                    : fmt::format("{}'s capabilities (CINC) are multiplied by {}", s.a, *s.factor);
    case ShockKind::add_actor: return fmt::format("{} joins the modelled states (CINC {}), with no ties", s.a, *s.cinc);
    case ShockKind::remove_actor: return fmt::format("{} leaves the modelled states", s.a);
    case ShockKind::set_relation: {
      std::string what;
      if (s.relation) what = std::string(stance::to_string(*s.relation));
      if (s.weight) what += fmt::format("{}weight {:+.2f}", what.empty() ? "" : ", ", *s.weight);
      return fmt::format("{} and {}'s relationship is set to {}", s.a, s.b, what);
    }
    case ShockKind::shift_relation: return fmt::format("{} and {}'s tie moves by {:+.2f}", s.a, s.b, *s.by);
    case ShockKind::weaken_ties:
      return fmt::format("every tie of {} is weakened to {:.0f}% (a change of leadership)", s.a, 100 * *s.factor);
  }
  return "?";
}

Scenario parse_scenario(std::string_view text, const std::string& file_name) {
  const toml::table doc = io::parse_toml(text, file_name);
  const Reader r(file_name);
  Scenario sc;
  sc.file = file_name;
  bool has_base = false;
  for (auto&& [key, node] : doc) {
    const std::string k(key.str());
    if (k == "name") {
      sc.name = r.text(node, "a name");
    } else if (k == "question") {
      sc.question = r.text(node, "the question the scenario asks");
    } else if (k == "base") {
      has_base = true;
      if (!node.is_table()) r.fail(node, Reader::describe_node(node), "a [base] table");
      for (auto&& [bk, bn] : *node.as_table()) {
        const std::string b(bk.str());
        if (b == "year") sc.year = static_cast<int>(r.whole(bn, "a year", 1816, 2100));
        else if (b == "store") sc.store = r.text(bn, "a store file");
        else if (b == "profile") sc.profile = r.text(bn, "a profile file");
        else if (b == "actors") sc.actors = r.names(bn, "actors");
        else if (b == "focus") sc.focus = r.text(bn, "a state");
        else if (b == "landscape") {
          sc.landscape = r.names(bn, "landscape");
          if (sc.landscape.size() < 2 || sc.landscape.size() > 30)
            r.fail(bn, fmt::format("{} states", sc.landscape.size()), "2 to 30 states (exact landscape analysis)");
        }
        else if (b == "min_weight") sc.min_weight = r.number(bn, "a weight", 0.01, 1);
        else if (b == "triangles") {
          const auto* list = bn.as_array();
          if (!list) r.fail(bn, Reader::describe_node(bn), "a list of triangles, e.g. [[\"RUS\", \"CHN\", \"IND\"]]");
          for (const auto& t : *list) {
            const auto three = r.names(t, "a triangle");
            if (three.size() != 3 || three[0] == three[1] || three[0] == three[2] || three[1] == three[2])
              r.fail(t, Reader::describe_node(t), "three different states");
            sc.triangles.push_back({three[0], three[1], three[2]});
          }
        } else {
          r.fail(bn, b, "a key of [base]: year, store, profile, actors, focus, triangles, landscape, min_weight");
        }
      }
    } else if (k == "shock") {
      const auto* list = node.as_array();
      if (!list || !list->is_array_of_tables()) r.fail(node, Reader::describe_node(node), "[[shock]] tables");
      for (const auto& t : *list) sc.shocks.push_back(read_shock(r, *t.as_table()));
    } else if (k == "ensemble") {
      if (!node.is_table()) r.fail(node, Reader::describe_node(node), "an [ensemble] table");
      for (auto&& [ek, en] : *node.as_table()) {
        const std::string e(ek.str());
        if (e == "members") sc.ensemble.members = r.whole(en, "members", 1, 10'000'000);
        else if (e == "seed") sc.ensemble.seed = r.whole(en, "seed", 0, INT64_MAX);
        else if (e == "noise") {
          if (!en.is_table()) r.fail(en, Reader::describe_node(en), "an [ensemble.noise] table");
          for (auto&& [nk, nn] : *en.as_table()) {
            const std::string m(nk.str());
            if (m == "weights") sc.ensemble.noise.weights = r.number(nn, "a standard deviation", 0, 2);
            else if (m == "thresholds") sc.ensemble.noise.thresholds = r.number(nn, "a standard deviation", 0, 1);
            else if (m == "sizes") sc.ensemble.noise.sizes = r.number(nn, "a standard deviation", 0, 3);
            else r.fail(nn, m, "a key of [ensemble.noise]: weights, thresholds, sizes");
          }
        } else {
          r.fail(en, e, "a key of [ensemble]: members, seed, [ensemble.noise]");
        }
      }
    } else if (k == "dynamics") {
      if (!node.is_table()) r.fail(node, Reader::describe_node(node), "a [dynamics] table");
      for (auto&& [dk, dn] : *node.as_table()) {
        const std::string d(dk.str());
        if (d == "runs") sc.dynamics.runs = r.whole(dn, "runs", 1, 10'000'000);
        else if (d == "seed") sc.dynamics.seed = r.whole(dn, "seed", 0, INT64_MAX);
        else if (d == "p") sc.dynamics.p = r.number(dn, "a probability", 0, 1);
        else r.fail(dn, d, "a key of [dynamics]: runs, seed, p");
      }
    } else {
      r.fail(node, k, "a top-level key: name, question, [base], [[shock]], [ensemble], [dynamics]");
    }
  }
  if (!has_base) throw io::ParseError({file_name, 0, 0}, "no [base] table", "a [base] table with at least year and focus");
  if (sc.focus.empty()) throw io::ParseError({file_name, 0, 0}, "no focus", "focus = \"A\" in [base]: the state reported first");
  if (sc.name.empty()) sc.name = std::filesystem::path(file_name).stem().string();
  return sc;
}

Scenario load_scenario(const std::filesystem::path& path) {
  return parse_scenario(io::read_whole_file(path), path.string());
}

}  // namespace entente::scenario
