#include "entente/scenario/world.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>
#include <tuple>

namespace entente::scenario {

namespace {

constexpr std::uint8_t bit(evidence::Obligation o) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(o)); }
constexpr std::uint8_t kAllBits = 0x3f;  // every obligation of evidence::kObligations

// The year over a new list of members: member k is the old member from[k], or a new state
// without evidence when from[k] < 0. Layers that are absent stay absent. Members are put in
// ccode order, which Year::index relies on.
world::Year reindex(const world::Year& y, std::vector<long> from, std::vector<int> ccodes) {
  {
    std::vector<std::size_t> order(from.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t p, std::size_t q) { return ccodes[p] < ccodes[q]; });
    std::vector<long> f;
    std::vector<int> c;
    for (std::size_t k : order) {
      f.push_back(from[k]);
      c.push_back(ccodes[k]);
    }
    from = std::move(f);
    ccodes = std::move(c);
  }
  const std::size_t n = y.n(), m = from.size();
  world::Year out = y;
  out.ccodes = ccodes;
  auto per_state = [&](const auto& v, auto blank) {
    using V = std::decay_t<decltype(v)>;
    if (v.size() != n) return V{};
    V r(m, blank);
    for (std::size_t k = 0; k < m; ++k)
      if (from[k] >= 0) r[k] = v[static_cast<std::size_t>(from[k])];
    return r;
  };
  auto per_dyad = [&](const auto& v, auto blank) {
    using V = std::decay_t<decltype(v)>;
    if (v.size() != n * n) return V{};
    V r(m * m, blank);
    for (std::size_t k = 0; k < m; ++k)
      for (std::size_t l = 0; l < m; ++l)
        if (from[k] >= 0 && from[l] >= 0)
          r[k * m + l] = v[static_cast<std::size_t>(from[k]) * n + static_cast<std::size_t>(from[l])];
    return r;
  };
  out.in_scope.assign(m, 1);
  out.member_days = per_state(y.member_days, std::vector<std::pair<int, int>>{});
  out.cow = per_dyad(y.cow, std::uint8_t{0});
  out.atop = per_dyad(y.atop, std::uint8_t{0});
  out.treaties_of = per_state(y.treaties_of, std::vector<std::uint32_t>{});  // treaties keep their sizes
  out.idealpoint = per_state(y.idealpoint, world::kMissing);
  out.idealpoint_votes = per_state(y.idealpoint_votes, 0);
  out.cinc = per_state(y.cinc, world::kMissing);
  out.major = per_state(y.major, std::uint8_t{0});
  out.conttype = per_dyad(y.conttype, std::uint8_t{0});
  using Layer = std::vector<std::uint8_t> world::Year::*;
  for (Layer f : {&world::Year::mid_onset, &world::Year::mid_ongoing, &world::Year::mid_hostlev,
                  &world::Year::mid_fatality, &world::Year::mid_recip, &world::Year::war, &world::Year::rival_td,
                  &world::Year::rival_tss})
    out.*f = per_dyad(y.*f, std::uint8_t{0});
  out.flow = per_dyad(y.flow, world::kMissing);
  out.imports = per_state(y.imports, world::kMissing);
  out.exports = per_state(y.exports, world::kMissing);
  out.polity2 = per_state(y.polity2, world::kMissing);
  out.polyarchy = per_state(y.polyarchy, world::kMissing);
  out.quds = per_state(y.quds, world::kMissing);
  // Defense cooperation agreements name their states by position; a state that left takes its
  // agreements with it.
  {
    std::vector<long> to_new(n, -1);
    for (std::size_t k = 0; k < m; ++k)
      if (from[k] >= 0) to_new[static_cast<std::size_t>(from[k])] = static_cast<long>(k);
    out.dcas.clear();
    for (auto d : y.dcas) {
      const long a = to_new[static_cast<std::size_t>(d.a)], b = to_new[static_cast<std::size_t>(d.b)];
      if (a < 0 || b < 0) continue;
      d.a = static_cast<int>(std::min(a, b));
      d.b = static_cast<int>(std::max(a, b));
      out.dcas.push_back(std::move(d));
    }
    std::sort(out.dcas.begin(), out.dcas.end(), [](const world::DefenseAgreement& x, const world::DefenseAgreement& z) {
      return std::tie(x.a, x.b, x.id) < std::tie(z.a, z.b, z.id);
    });
  }
  out.igo_full = per_state(y.igo_full, std::vector<std::uint16_t>{});
  out.igo_unknown = per_state(y.igo_unknown, std::vector<std::uint16_t>{});
  for (auto f : {&world::Year::igo_full_bits, &world::Year::igo_unknown_bits}) {
    const auto& v = y.*f;
    const std::size_t w = y.igo_words;
    if (v.size() != n * w) continue;
    (out.*f).assign(m * w, 0);
    for (std::size_t k = 0; k < m; ++k)
      if (from[k] >= 0)
        std::copy_n(v.begin() + static_cast<long>(static_cast<std::size_t>(from[k]) * w), w,
                    (out.*f).begin() + static_cast<long>(k * w));
  }
  if (y.votes.size() == n * y.rollcalls) {
    out.votes.assign(m * y.rollcalls, 0);  // a new state has no vote on record
    for (std::size_t k = 0; k < m; ++k)
      if (from[k] >= 0)
        std::copy_n(y.votes.begin() + static_cast<long>(static_cast<std::size_t>(from[k]) * y.rollcalls),
                    y.rollcalls, out.votes.begin() + static_cast<long>(k * y.rollcalls));
  }
  return out;
}

// A dyad layer written by a shock must exist even where the dataset did not cover the year: to
// the rules an uncovered dataset and one with no entry for the dyad say the same.
void ensure(std::vector<std::uint8_t>& m, std::size_t n, bool& covered) {
  if (m.size() != n * n) m.assign(n * n, 0);
  covered = true;
}

void set_pair(std::vector<std::uint8_t>& m, std::size_t n, std::size_t i, std::size_t j, std::uint8_t v) {
  m[i * n + j] = v;
  m[j * n + i] = v;
}

// The profile's rules on every dyad's facts, before any stance shock.
stance::YearStances rule_stances(const World& world, const stance::Profile& profile) {
  const std::size_t n = world.n();
  stance::YearStances s;
  s.weight.assign(n * n, 0);
  s.relation.assign(n * n, stance::Relation::neutral);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const auto r = stance::decide(world.facts[i * n + j], profile);
      s.relation[i * n + j] = s.relation[j * n + i] = r;
      s.weight[i * n + j] = s.weight[j * n + i] = profile.weight[static_cast<std::size_t>(r)];
    }
  return s;
}

[[noreturn]] void shock_error(const Scenario& sc, const Shock& s, const std::string& why) {
  throw std::invalid_argument(fmt::format("{}:{}: {} shock: {}", sc.file, s.line, to_string(s.kind), why));
}

struct Builder {
  const world::Source& source;
  const Scenario& sc;
  const stance::Profile& profile;

  int ccode_of(const std::string& name, const Shock* s) const {
    try {
      return source.registry.find(name).ccode;
    } catch (const std::exception& e) {
      if (s) shock_error(sc, *s, e.what());
      throw std::invalid_argument(fmt::format("{}: {}", sc.file, e.what()));
    }
  }
  std::string abbrev_of(int ccode) const {
    const auto* a = source.registry.by_ccode(ccode);
    return a ? a->abbrev : std::to_string(ccode);
  }
  std::size_t position(const world::Year& y, const std::string& name, const Shock* s) const {
    const int i = y.index(ccode_of(name, s));
    if (i < 0) {
      const std::string why = fmt::format("{} is not among the modelled states of {}", name, sc.year);
      if (s) shock_error(sc, *s, why);
      throw std::invalid_argument(fmt::format("{}: {}", sc.file, why));
    }
    return static_cast<std::size_t>(i);
  }

  // Evidence shocks change the year itself.
  void apply(world::Year& y, const Shock& s) const {
    const std::size_t n = y.n();
    switch (s.kind) {
      case ShockKind::add_actor: {
        const int c = ccode_of(s.a, &s);
        if (y.index(c) >= 0) shock_error(sc, s, fmt::format("{} is already modelled", s.a));
        std::vector<long> from;
        std::vector<int> codes = y.ccodes;
        for (std::size_t k = 0; k < n; ++k) from.push_back(static_cast<long>(k));
        from.push_back(-1);
        codes.push_back(c);
        y = reindex(y, from, codes);
        if (y.cinc.size() != y.n()) y.cinc.assign(y.n(), world::kMissing);
        y.cinc[static_cast<std::size_t>(y.index(c))] = *s.cinc;
        return;
      }
      case ShockKind::remove_actor: {
        const std::size_t gone = position(y, s.a, &s);
        if (y.ccodes[gone] == ccode_of(sc.focus, nullptr))
          shock_error(sc, s, fmt::format("{} is the focus; choose another focus to remove it", s.a));
        std::vector<long> from;
        std::vector<int> codes;
        for (std::size_t k = 0; k < n; ++k)
          if (k != gone) {
            from.push_back(static_cast<long>(k));
            codes.push_back(y.ccodes[k]);
          }
        y = reindex(y, from, codes);
        return;
      }
      case ShockKind::set_capability: {
        const std::size_t i = position(y, s.a, &s);
        if (s.cinc) y.cinc[i] = *s.cinc;
        else if (std::isnan(y.cinc[i])) shock_error(sc, s, fmt::format("{} has no CINC in {} to multiply", s.a, sc.year));
        else y.cinc[i] *= *s.factor;
        return;
      }
      default: break;
    }
    const std::size_t i = position(y, s.a, &s), j = position(y, s.b, &s);
    if (i == j) shock_error(sc, s, fmt::format("{} and {} are the same state", s.a, s.b));
    switch (s.kind) {
      case ShockKind::add_treaty:
      case ShockKind::end_treaty: {
        // Both treaty datasets, so the treaty counts whichever the profile trusts.
        ensure(y.atop, n, y.atop_covered);
        ensure(y.cow, n, y.cow_covered);
        for (auto* m : {&y.atop, &y.cow}) {
          const std::uint8_t old = static_cast<std::uint8_t>((*m)[i * n + j] | (*m)[j * n + i]);
          const std::uint8_t now = s.kind == ShockKind::add_treaty ? static_cast<std::uint8_t>(old | bit(*s.treaty))
                                   : s.treaty ? static_cast<std::uint8_t>(old & ~bit(*s.treaty))
                                              : static_cast<std::uint8_t>(old & ~kAllBits);
          set_pair(*m, n, i, j, now);
        }
        // A treaty the scenario signs is a bilateral one, so treaty identity counts it even where
        // the two already share a large multilateral framework with the same obligation.
        if (s.kind == ShockKind::add_treaty) {
          if (y.treaties_of.size() != n) y.treaties_of.assign(n, {});
          y.treaties_covered = true;
          y.treaties.push_back({0, sc.year, 2, bit(*s.treaty), -1});
          const auto added = static_cast<std::uint32_t>(y.treaties.size() - 1);  // the largest index: lists stay ascending
          y.treaties_of[i].push_back(added);
          y.treaties_of[j].push_back(added);
        }
        return;
      }
      case ShockKind::start_rivalry:
      case ShockKind::end_rivalry: {
        const std::uint8_t v = s.kind == ShockKind::start_rivalry;
        ensure(y.rival_tss, n, y.tss_covered);
        ensure(y.rival_td, n, y.td_covered);
        set_pair(y.rival_tss, n, i, j, v);
        set_pair(y.rival_td, n, i, j, v);
        return;
      }
      case ShockKind::start_war:
      case ShockKind::end_war: {
        const bool war = s.kind == ShockKind::start_war;
        ensure(y.war, n, y.wars_covered);
        set_pair(y.war, n, i, j, war);
        // A war is also the most hostile dispute, which the landscape's disputes component reads.
        for (auto* m : {&y.mid_onset, &y.mid_ongoing, &y.mid_hostlev, &y.mid_fatality, &y.mid_recip})
          if (m->size() != n * n) m->assign(n * n, 0);
        y.disputes_covered = true;
        set_pair(y.mid_onset, n, i, j, war);
        set_pair(y.mid_ongoing, n, i, j, war);
        set_pair(y.mid_hostlev, n, i, j, war ? 5 : 0);
        set_pair(y.mid_fatality, n, i, j, war ? 6 : 0);
        set_pair(y.mid_recip, n, i, j, war);
        return;
      }
      default: return;
    }
  }

  StanceShock resolve(const world::Year& y, const Shock& s) const {
    StanceShock r;
    r.kind = s.kind;
    r.a = position(y, s.a, &s);
    if (s.kind != ShockKind::weaken_ties) {
      r.b = position(y, s.b, &s);
      if (r.a == r.b) shock_error(sc, s, fmt::format("{} and {} are the same state", s.a, s.b));
    }
    r.relation = s.relation;
    r.weight = s.weight;
    r.by = s.by;
    r.factor = s.factor;
    return r;
  }

  World finish(world::Year y, std::vector<StanceShock> stance_shocks, const world::Panel& panel) const {
    World w;
    w.names.reserve(y.n());
    for (int c : y.ccodes) w.names.push_back(abbrev_of(c));
    const std::size_t n = y.n();
    w.facts.resize(n * n);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j)
        if (y.in_universe(i, j)) w.facts[i * n + j] = w.facts[j * n + i] = stance::facts(y, i, j);
    w.stance_shocks = std::move(stance_shocks);
    w.focus = position(y, sc.focus, nullptr);
    for (const auto& t : sc.triangles) {
      std::array<std::size_t, 3> at{};
      bool present = true;
      for (std::size_t k = 0; k < 3; ++k) {
        const int i = y.index(ccode_of(t[k], nullptr));
        if (i < 0) present = false;
        else at[k] = static_cast<std::size_t>(i);
      }
      if (present) w.triangles.push_back(at);
    }
    // The landscape's actors present in this world, with the propensities of the evidence.
    std::vector<std::string> names;
    for (const auto& name : sc.landscape) {
      const int c = ccode_of(name, nullptr);
      const int i = y.index(c);
      if (i < 0) continue;  // removed by a shock
      w.landscape_at.push_back(static_cast<std::size_t>(i));
      names.push_back(abbrev_of(c));
    }
    if (w.landscape_at.size() < 2) {
      w.landscape_at.clear();  // a landscape needs two actors; with fewer there is none
    } else {
      const landscape::PropensityWeights weights;
      w.landscape = landscape::from_evidence(stance::actor_evidence(y, w.landscape_at, &panel, weights.war_memory),
                                             names, profile, weights)
                        .instance;
    }
    w.year = std::move(y);
    // Stance shocks move the landscape's propensities by as much as they move the tie's weight,
    // so a changed relationship counts in every model, not only in the stance-based ones.
    if (!w.stance_shocks.empty() && w.landscape_at.size() >= 2) {
      const std::size_t nn = w.n();
      const auto plain = rule_stances(w, profile);
      auto shocked = plain;
      apply_stance_shocks(w, profile, shocked);
      const std::size_t m = w.landscape_at.size();
      for (std::size_t a = 0; a < m; ++a)
        for (std::size_t b = 0; b < m; ++b) {
          if (a == b) continue;
          const std::size_t k = w.landscape_at[a] * nn + w.landscape_at[b];
          w.landscape.propensity[a * m + b] += shocked.weight[k] - plain.weight[k];
        }
    }
    return w;
  }
};

}  // namespace

int World::index(const std::string& name) const {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

stance::Relation nearest_relation(double w, const stance::Profile& profile) {
  if (w == 0) return stance::Relation::neutral;
  stance::Relation best = stance::Relation::neutral;
  double distance = INFINITY;
  for (std::size_t r = 0; r < 6; ++r) {
    const double pw = profile.weight[r];
    if ((pw > 0) != (w > 0) || pw == 0) continue;
    if (std::abs(pw - w) < distance) {
      distance = std::abs(pw - w);
      best = static_cast<stance::Relation>(r);
    }
  }
  return best;
}

void apply_stance_shocks(const World& world, const stance::Profile& profile, stance::YearStances& s) {
  const std::size_t n = world.n();
  auto set = [&](std::size_t i, std::size_t j, double w, std::optional<stance::Relation> r) {
    w = std::clamp(w, -1.0, 1.0);
    const auto rel = r ? *r : nearest_relation(w, profile);
    s.weight[i * n + j] = s.weight[j * n + i] = w;
    s.relation[i * n + j] = s.relation[j * n + i] = rel;
  };
  for (const auto& sh : world.stance_shocks) {
    switch (sh.kind) {
      case ShockKind::set_relation:
        set(sh.a, sh.b, sh.weight ? *sh.weight : profile.weight[static_cast<std::size_t>(*sh.relation)], sh.relation);
        break;
      case ShockKind::shift_relation: set(sh.a, sh.b, s.weight[sh.a * n + sh.b] + *sh.by, std::nullopt); break;
      case ShockKind::weaken_ties:
        for (std::size_t j = 0; j < n; ++j)
          if (j != sh.a) set(sh.a, j, s.weight[sh.a * n + j] * *sh.factor, std::nullopt);
        break;
      default: break;
    }
  }
}

stance::YearStances stances_of(const World& world, const stance::Profile& profile) {
  auto s = rule_stances(world, profile);
  apply_stance_shocks(world, profile, s);
  return s;
}

stance::StanceGraph graph_of(const World& world, const stance::Profile& profile) {
  return stance::stance_graph(world.year, stances_of(world, profile));
}

Worlds build_worlds(const world::Source& source, const Scenario& sc, const stance::Profile& profile) {
  // The stance model's layers and the landscape's (democracy, contiguity, wars).
  const auto layers = stance::actor_evidence_layers(profile);
  const landscape::PropensityWeights weights;
  const int first = std::max(1816, sc.year - weights.war_memory);
  const world::Panel panel(source, first, sc.year, layers);
  const Builder b{source, sc, profile};
  const auto full = panel.year(sc.year);
  if (full.n() == 0) throw std::invalid_argument(fmt::format("{}: the store has no states in {}", sc.file, sc.year));

  // The modelled states: those named, or every state with evidence in the store.
  std::vector<long> from;
  std::vector<int> codes;
  if (sc.actors.empty()) {
    for (std::size_t i = 0; i < full.n(); ++i)
      if (full.in_scope[i]) {
        from.push_back(static_cast<long>(i));
        codes.push_back(full.ccodes[i]);
      }
  } else {
    for (const auto& name : sc.actors) {
      const int c = b.ccode_of(name, nullptr);
      const int i = full.index(c);
      if (i < 0) throw std::invalid_argument(fmt::format("{}: {} is not a member of the state system in {}", sc.file, name, sc.year));
      if (std::find(codes.begin(), codes.end(), c) != codes.end())
        throw std::invalid_argument(fmt::format("{}: {} is named twice in actors", sc.file, name));
      from.push_back(i);
      codes.push_back(c);
    }
  }
  const world::Year base = reindex(full, from, codes);
  // The same state under two spellings ("RUS", "Russia") would make a triangle of two states or
  // a landscape actor its own partner.
  auto distinct = [&](const std::vector<std::string>& names, const std::string& what) {
    std::vector<int> seen;
    for (const auto& name : names) {
      const int c = b.ccode_of(name, nullptr);
      if (std::find(seen.begin(), seen.end(), c) != seen.end())
        throw std::invalid_argument(fmt::format("{}: {} names {} twice", sc.file, what, name));
      seen.push_back(c);
    }
  };
  for (const auto& t : sc.triangles) distinct({t[0], t[1], t[2]}, "a triangle");
  distinct(sc.landscape, "landscape");

  Worlds out;
  world::Year after = base;
  for (const auto& s : sc.shocks)
    if (!is_stance_shock(s.kind)) b.apply(after, s);
  std::vector<StanceShock> stance_shocks;
  for (const auto& s : sc.shocks) {
    out.shocks.push_back(describe(s));
    if (is_stance_shock(s.kind)) stance_shocks.push_back(b.resolve(after, s));
  }
  out.before = b.finish(base, {}, panel);
  out.after = b.finish(std::move(after), std::move(stance_shocks), panel);
  return out;
}

}  // namespace entente::scenario
