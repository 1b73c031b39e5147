#include "entente/stance/stance.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include "entente/io/file.hpp"
#include "entente/io/parse_error.hpp"
#include "entente/similarity/contingency.hpp"

namespace entente::stance {

namespace {

using Obligation = evidence::Obligation;
constexpr std::uint8_t bit(Obligation o) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(o)); }
constexpr std::uint8_t kAllianceBits = bit(Obligation::defense) | bit(Obligation::offense);
constexpr std::uint8_t kEntenteBits = bit(Obligation::neutrality) | bit(Obligation::nonaggression) |
                                      bit(Obligation::entente) | bit(Obligation::consultation);
constexpr std::array kRelationNames = {"alliance", "entente", "aligned", "neutral", "rival", "hostile"};

std::string obligations_text(std::uint8_t bits) {
  std::string s;
  for (auto o : evidence::kObligations)
    if (bits & bit(o)) s += (s.empty() ? "" : "+") + std::string(evidence::to_string(o));
  return s.empty() ? "none" : s;
}

}  // namespace

std::string_view to_string(Relation r) { return kRelationNames[static_cast<std::size_t>(r)]; }

Profile default_profile() { return Profile{}; }

Profile parse_profile(std::string_view text, const std::string& file_name) {
  toml::table doc;
  try {
    doc = toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    throw io::ParseError({file_name, at.line, at.column}, "", std::string(e.description()));
  }
  Profile p;
  auto fail = [&](const toml::node& node, const std::string& found, const std::string& expected) -> void {
    const auto at = node.source().begin;
    throw io::ParseError({file_name, at.line, at.column}, found, expected);
  };
  for (auto&& [key, node] : doc) {
    const std::string k(key.str());
    if (k == "name") {
      if (!node.is_string()) fail(node, "a non-string", "a name in quotes");
      p.name = *node.value<std::string>();
    } else if (k == "weights") {
      if (!node.is_table()) fail(node, k, "a [weights] table");
      for (auto&& [wk, wn] : *node.as_table()) {
        const std::string name(wk.str());
        auto it = std::find(kRelationNames.begin(), kRelationNames.end(), name);
        if (it == kRelationNames.end()) fail(wn, name, "one of alliance, entente, aligned, neutral, rival, hostile");
        const auto v = wn.value<double>();
        if (!v || *v < -1 || *v > 1) fail(wn, name, "a weight between -1 and 1");
        p.weight[it - kRelationNames.begin()] = *v;
      }
    } else if (k == "rules") {
      if (!node.is_table()) fail(node, k, "a [rules] table");
      for (auto&& [rk, rule_node] : *node.as_table()) {
        const std::string name(rk.str());
        const toml::node& rn = rule_node;  // a plain reference: lambdas below capture it
        auto source = [&](Source& into) {
          const auto v = rn.value<std::string>();
          if (v == "atop" || v == "tss") into = Source::atop;
          else if (v == "cow" || v == "td") into = Source::cow;
          else if (v == "either") into = Source::either;
          else fail(rn, v.value_or("?"), "\"atop\", \"cow\" or \"either\" (rivalries: \"tss\", \"td\" or \"either\")");
        };
        if (name == "treaties") source(p.treaties);
        else if (name == "rivalries") source(p.rivalries);
        else if (name == "hostile_hostility") {
          const auto v = rn.value<int64_t>();
          if (!v || *v < 1 || *v > 5) fail(rn, name, "a MID hostility level from 1 to 5");
          p.hostile_hostility = static_cast<int>(*v);
        } else if (name == "hostile_needs_reciprocation_or_deaths") {
          if (!rn.is_boolean()) fail(rn, name, "true or false");
          p.hostile_needs_reciprocation_or_deaths = *rn.value<bool>();
        } else if (name == "aligned_agreement") {
          const auto v = rn.value<double>();
          if (!v || *v < 0 || *v > 1) fail(rn, name, "a share between 0 and 1");
          p.aligned_agreement = *v;
        } else if (name == "aligned_min_votes") {
          const auto v = rn.value<int64_t>();
          if (!v || *v < 1) fail(rn, name, "a whole number of roll calls, at least 1");
          p.aligned_min_votes = static_cast<int>(*v);
        } else {
          fail(rn, name, "a known rule: treaties, rivalries, hostile_hostility, hostile_needs_reciprocation_or_deaths, "
                         "aligned_agreement, aligned_min_votes");
        }
      }
    } else {
      fail(node, k, "a known key: name, [weights], [rules]");
    }
  }
  return p;
}

Profile load_profile(const std::filesystem::path& path) {
  return parse_profile(io::read_whole_file(path), path.string());
}

world::PanelLayers stance_layers() {
  world::PanelLayers l;
  l.alliances = l.capabilities = l.majors = true;
  l.disputes = l.rivalries = l.votes = l.wars = true;
  return l;
}

Stance classify(const world::Year& y, std::size_t i, std::size_t j, const Profile& p) {
  const std::size_t n = y.n(), ij = i * n + j, ji = j * n + i;
  Stance s;
  auto& ev = s.evidence;
  // Treaty obligations in either direction, from the datasets the profile trusts.
  std::uint8_t treaty = 0;
  auto use_treaties = [&](bool covered, const std::vector<std::uint8_t>& m, const char* name, Source which) {
    if (!covered) {
      s.missing.emplace_back(name);
      return;
    }
    const std::uint8_t b = static_cast<std::uint8_t>(m[ij] | m[ji]);
    ev.push_back(fmt::format("{}: {}", name, obligations_text(b)));
    if (p.treaties == Source::either || p.treaties == which) treaty = static_cast<std::uint8_t>(treaty | b);
  };
  use_treaties(y.atop_covered, y.atop, "ATOP obligations", Source::atop);
  use_treaties(y.cow_covered, y.cow, "COW alliance obligations", Source::cow);
  bool rival = false;
  auto use_rivalry = [&](bool covered, const std::vector<std::uint8_t>& m, const char* name, Source which) {
    if (!covered) {
      s.missing.emplace_back(name);
      return;
    }
    ev.push_back(fmt::format("{}: {}", name, m[ij] ? "ongoing" : "none"));
    if (p.rivalries == Source::either || p.rivalries == which) rival = rival || m[ij];
  };
  use_rivalry(y.tss_covered, y.rival_tss, "strategic rivalry (Thompson-Sakuwa-Suhas)", Source::atop);
  use_rivalry(y.td_covered, y.rival_td, "strategic rivalry (Thompson-Dreyer)", Source::cow);
  bool war = false, hostile_dispute = false;
  if (y.wars_covered) {
    war = y.war[ij] != 0;
    ev.push_back(fmt::format("COW inter-state war: {}", war ? "on opposite sides" : "none"));
  } else {
    s.missing.emplace_back("COW wars");
  }
  if (y.disputes_covered) {
    const int hostility = y.mid_hostlev[ij];
    const bool recip = y.mid_recip[ij] != 0;
    const int fatality = y.mid_fatality[ij] == world::kUnknownFatality ? -1 : y.mid_fatality[ij];
    if (hostility > 0)
      ev.push_back(fmt::format("MID: highest hostility {}, {}, fatality level {}", hostility,
                               recip ? "reciprocated" : "not reciprocated",
                               fatality < 0 ? std::string("unknown") : std::to_string(fatality)));
    else
      ev.push_back("MID: none");
    hostile_dispute = hostility >= p.hostile_hostility &&
                      (!p.hostile_needs_reciprocation_or_deaths || recip || fatality >= 1);
  } else {
    s.missing.emplace_back("MID disputes");
  }
  double agreement = -1;
  long long joint = 0;
  if (y.votes_covered) {
    similarity::PairTable t;
    std::vector<std::uint8_t> a(y.rollcalls), b(y.rollcalls);
    for (std::size_t r = 0; r < y.rollcalls; ++r) {
      auto level = [](std::int8_t v) { return v >= 1 && v <= 3 ? static_cast<std::uint8_t>(v - 1) : similarity::kNoLevel; };
      a[r] = level(y.votes[i * y.rollcalls + r]);
      b[r] = level(y.votes[j * y.rollcalls + r]);
    }
    t.fill(a.data(), b.data(), y.rollcalls);
    for (int l = 0; l < 3; ++l)
      for (int m = 0; m < 3; ++m) joint += t.counts[l][m];
    if (joint > 0) agreement = static_cast<double>(t.counts[0][0] + t.counts[1][1] + t.counts[2][2]) / static_cast<double>(joint);
    ev.push_back(joint > 0 ? fmt::format("UN votes: {:.0f}% identical on {} joint roll calls", 100 * agreement, joint)
                           : "UN votes: no joint roll calls");
  } else {
    s.missing.emplace_back("UN votes");
  }

  // The rules, strongest evidence first. Fighting outranks paper: the Sino-Soviet treaty of
  // 1950 was in force when the two fought on the Ussuri in 1969.
  auto decide = [&](Relation r, std::string rule) {
    s.relation = r;
    s.weight = p.weight[static_cast<std::size_t>(r)];
    s.rule = std::move(rule);
  };
  if (war) decide(Relation::hostile, "at war with each other this year");
  else if (hostile_dispute)
    decide(Relation::hostile, fmt::format("a militarized dispute at hostility {} or more{}", p.hostile_hostility,
                                          p.hostile_needs_reciprocation_or_deaths ? ", reciprocated or deadly" : ""));
  else if (rival)
    decide(Relation::rival, treaty ? "a strategic rivalry outweighs the treaty obligations on paper"
                                   : "a strategic rivalry");
  else if (treaty & kAllianceBits) decide(Relation::alliance, "a defense or offense obligation");
  else if (treaty & kEntenteBits) decide(Relation::entente, "a treaty commitment short of defense");
  else if (agreement >= p.aligned_agreement && joint >= p.aligned_min_votes)
    decide(Relation::aligned, fmt::format("no treaty, but UN votes identical at least {:.0f}% of the time",
                                          100 * p.aligned_agreement));
  else decide(Relation::neutral, "no treaty, rivalry, conflict or close UN voting");
  return s;
}

YearStances classify_year(const world::Year& y, const Profile& p) {
  const std::size_t n = y.n();
  YearStances out;
  out.weight.assign(n * n, 0);
  out.relation.assign(n * n, Relation::neutral);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      if (!y.in_scope[i] || !y.in_scope[j]) continue;
      const auto s = classify(y, i, j, p);
      out.weight[i * n + j] = out.weight[j * n + i] = s.weight;
      out.relation[i * n + j] = out.relation[j * n + i] = s.relation;
    }
  return out;
}

}  // namespace entente::stance
