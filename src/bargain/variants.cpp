// The named variants and the check of an issue.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <set>
#include <stdexcept>

#include "entente/bargain/bargain.hpp"

namespace entente::bargain {

namespace {

// Each named variant changes one disputed step of the default (docs/models/bargain.md says which
// publication reads each step so).
Variant preset(std::string_view name) {
  Variant v;
  v.name = std::string(name);
  if (name == "default") return v;
  if (name == "fixed-risk") v.risk = Risk::fixed;
  else if (name == "third-parties") v.probability = Probability::third_parties;
  else if (name == "weighted-compromise") v.compromise = Compromise::weighted_mean;
  else if (name == "by-kind") v.choice = Choice::by_kind;
  else if (name == "status-quo-half") v.q = v.t = 0.5;
  else if (name == "masad-2014") {
    v.probability = Probability::net_votes;
    v.choice = Choice::strongest_challenge;
  }
  else
    throw std::invalid_argument(fmt::format("no bargaining variant \"{}\"; the variants are {}", name,
                                            fmt::join(variant_names(), ", ")));
  return v;
}

double unit_share(std::string_view key, std::string_view text) {
  const std::string s(text);
  std::size_t used = 0;
  double v = -1;
  try {
    v = std::stod(s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != s.size() || !(v >= 0 && v <= 1))
    throw std::invalid_argument(fmt::format("variant option {}={}: expected a number from 0 to 1", key, text));
  return v;
}

void apply(Variant& v, std::string_view key, std::string_view value) {
  auto bad = [&](const char* choices) {
    return std::invalid_argument(fmt::format("variant option {}={}: expected one of {}", key, value, choices));
  };
  if (key == "probability") {
    if (value == "all_actors") v.probability = Probability::all_actors;
    else if (value == "third_parties") v.probability = Probability::third_parties;
    else if (value == "net_votes") v.probability = Probability::net_votes;
    else throw bad("all_actors, third_parties, net_votes");
  } else if (key == "compromise") {
    if (value == "proportional") v.compromise = Compromise::proportional;
    else if (value == "weighted_mean") v.compromise = Compromise::weighted_mean;
    else throw bad("proportional, weighted_mean");
  } else if (key == "choice") {
    if (value == "smallest_move") v.choice = Choice::smallest_move;
    else if (value == "by_kind") v.choice = Choice::by_kind;
    else if (value == "strongest_challenge") v.choice = Choice::strongest_challenge;
    else throw bad("smallest_move, by_kind, strongest_challenge");
  } else if (key == "risk") {
    if (value == "computed") v.risk = Risk::computed;
    else if (value == "fixed") v.risk = Risk::fixed;
    else throw bad("computed, fixed");
  } else if (key == "centre") {
    if (value == "median") v.centre = Centre::median;
    else if (value == "mean") v.centre = Centre::mean;
    else throw bad("median, mean");
  } else if (key == "q") {
    v.q = unit_share(key, value);
  } else if (key == "t") {
    v.t = unit_share(key, value);
  } else {
    throw std::invalid_argument(fmt::format(
        "variant option \"{}\": expected probability, compromise, choice, risk, centre, q or t", key));
  }
}

}  // namespace

std::vector<std::string> variant_names() {
  return {"default", "fixed-risk", "third-parties", "weighted-compromise", "by-kind", "status-quo-half", "masad-2014"};
}

Variant variant_by_name(std::string_view spec) {
  const auto comma = spec.find(',');
  Variant v = preset(spec.substr(0, comma));
  if (comma == std::string_view::npos) return v;
  v.name = std::string(spec);
  for (std::string_view rest = spec.substr(comma + 1); !rest.empty();) {
    const auto next = rest.find(',');
    const auto item = rest.substr(0, next);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos)
      throw std::invalid_argument(fmt::format("variant option \"{}\": expected KEY=VALUE", item));
    apply(v, item.substr(0, eq), item.substr(eq + 1));
    rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
  }
  return v;
}

std::string_view to_string(Probability v) {
  switch (v) {
    case Probability::all_actors: return "all_actors";
    case Probability::third_parties: return "third_parties";
    case Probability::net_votes: return "net_votes";
  }
  return "?";
}
std::string_view to_string(Compromise v) { return v == Compromise::proportional ? "proportional" : "weighted_mean"; }
std::string_view to_string(Choice v) {
  switch (v) {
    case Choice::smallest_move: return "smallest_move";
    case Choice::by_kind: return "by_kind";
    case Choice::strongest_challenge: return "strongest_challenge";
  }
  return "?";
}
std::string_view to_string(Risk v) { return v == Risk::computed ? "computed" : "fixed"; }
std::string_view to_string(Centre v) { return v == Centre::median ? "median" : "mean"; }

void check(const Issue& issue) {
  if (issue.actors.size() < 2)
    throw std::invalid_argument(fmt::format("{}: {} actors; a bargaining issue needs at least two", issue.title,
                                            issue.actors.size()));
  std::set<std::string> names;
  double total_weight = 0, largest = 0;
  double lo = issue.actors.front().position, hi = lo;
  for (const auto& a : issue.actors) {
    if (!names.insert(a.name).second)
      throw std::invalid_argument(fmt::format("{}: the actor name \"{}\" is used twice", issue.title, a.name));
    if (!std::isfinite(a.position) || !std::isfinite(a.capability) || !std::isfinite(a.salience))
      throw std::invalid_argument(fmt::format("{}: {} has a value that is not a finite number", issue.title, a.name));
    if (a.capability < 0)
      throw std::invalid_argument(fmt::format("{}: {} has a negative capability", issue.title, a.name));
    if (a.salience < 0 || a.salience > 1)
      throw std::invalid_argument(fmt::format("{}: {} has a salience outside 0..1", issue.title, a.name));
    total_weight += a.capability * a.salience;
    largest = std::max(largest, std::abs(a.position));
    lo = std::min(lo, a.position);
    hi = std::max(hi, a.position);
  }
  // The rounds sum votes of up to (|lo| + |hi|) × Σ w and weighted positions: none may overflow.
  if (!std::isfinite(4 * largest * total_weight) || !std::isfinite(hi - lo))
    throw std::invalid_argument(fmt::format("{}: positions or capabilities too large to sum", issue.title));
  if (!(total_weight > 0))
    throw std::invalid_argument(fmt::format("{}: no actor has both capability and salience above 0", issue.title));
}

}  // namespace entente::bargain
