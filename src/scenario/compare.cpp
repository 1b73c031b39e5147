#include "entente/scenario/compare.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace entente::scenario {

namespace {

std::string triangle_name(const World& w, const std::array<std::size_t, 3>& t) {
  return fmt::format("{}-{}-{}", w.names[t[0]], w.names[t[1]], w.names[t[2]]);
}

// The focus's role in a triangle, or the first state's when the focus is not in it.
std::size_t focus_slot(const World& w, const std::array<std::size_t, 3>& t) {
  for (std::size_t k = 0; k < 3; ++k)
    if (t[k] == w.focus) return k;
  return 0;
}

std::string role_text(const TriangleResult& t, std::size_t slot) {
  return fmt::format("{} ({})", triangle::to_string(t.roles[slot]), triangle::to_string(t.type));
}

MeasureValue figure(double v) { return std::isnan(v) ? MeasureValue{} : MeasureValue{v}; }
MeasureValue count(long long v) { return MeasureValue{v}; }

// A set of partners out of the world's other states, short: the names, or "all but" the rest
// when that is the shorter list.
std::string partners_text(const World& w, const Analysis& a, const std::vector<std::string>& partners, std::size_t others) {
  if (a.bloc[w.focus] < 0) return "none: no tie strong enough for the signed graph";
  if (partners.size() * 2 <= others) return fmt::format("{} of {}: {}", partners.size(), others, fmt::join(partners, " "));
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < w.n(); ++i)
    if (i != w.focus && std::find(partners.begin(), partners.end(), w.names[i]) == partners.end())
      rest.push_back(w.names[i]);
  return fmt::format("{} of {}: all but {}", partners.size(), others, fmt::join(rest, " "));
}

// The triangle of `after` that has the same three states (by name) as before's k-th.
int matching_triangle(const World& before, std::size_t k, const World& after) {
  const auto name = triangle_name(before, before.triangles[k]);
  for (std::size_t m = 0; m < after.triangles.size(); ++m)
    if (triangle_name(after, after.triangles[m]) == name) return static_cast<int>(m);
  return -1;
}

}  // namespace

std::vector<std::string> bloc_partners(const World& w, const Analysis& a) {
  std::vector<std::string> out;
  if (a.bloc[w.focus] < 0) return out;
  for (std::size_t i = 0; i < w.n(); ++i)
    if (i != w.focus && a.bloc[i] == a.bloc[w.focus]) out.push_back(w.names[i]);
  return out;
}

std::vector<std::string> landscape_partners(const World& w, const Analysis& a) {
  std::vector<std::string> out;
  if (a.landscape.minima.empty()) return out;
  const auto& sides = a.landscape.minima.front().sides;
  std::size_t f = w.landscape_at.size();
  for (std::size_t k = 0; k < w.landscape_at.size(); ++k)
    if (w.landscape_at[k] == w.focus) f = k;
  if (f == w.landscape_at.size()) return out;
  for (std::size_t k = 0; k < sides.size(); ++k)
    if (k != f && sides[k] == sides[f]) out.push_back(w.landscape.names[k]);
  return out;
}

std::vector<FocusRow> focus_rows(const World& bw, const Analysis& b, const World& aw, const Analysis& a) {
  std::vector<FocusRow> rows;
  auto row = [&](std::string measure, MeasureValue before, MeasureValue after) {
    const bool changed = before != after;
    rows.push_back({std::move(measure), std::move(before), std::move(after), changed});
  };
  for (std::size_t k = 0; k < bw.triangles.size(); ++k) {
    const int m = matching_triangle(bw, k, aw);
    const auto slot = focus_slot(bw, bw.triangles[k]);
    row(fmt::format("role in {}", triangle_name(bw, bw.triangles[k])), role_text(b.triangles[k], slot),
        m < 0 ? MeasureValue{} : MeasureValue{role_text(a.triangles[static_cast<std::size_t>(m)], slot)});
  }
  const auto& fb = b.census.actors[bw.focus];
  const auto& fa = a.census.actors[aw.focus];
  row("balancer rank", count(b.rank[bw.focus]), count(a.rank[aw.focus]));
  row("states modelled", count(static_cast<long long>(bw.n())), count(static_cast<long long>(aw.n())));
  row("weighted pivot index", fb.weighted_pivot, fa.weighted_pivot);
  row("pivot of romantic triangles", count(fb.pivot), count(fa.pivot));
  row("flexibility (share of friendly ties that are not alliances)", figure(fb.flexibility), figure(fa.flexibility));
  row("alliance ties", count(fb.alliance_ties), count(fa.alliance_ties));
  row("friendly ties", count(fb.positive_ties), count(fa.positive_ties));
  row("bloc partners", partners_text(bw, b, bloc_partners(bw, b), bw.n() - 1),
      partners_text(aw, a, bloc_partners(aw, a), aw.n() - 1));
  row("frustration index of the system", count(b.frustration), count(a.frustration));
  if (!b.landscape.minima.empty() || !a.landscape.minima.empty())
    row("landscape: on its side in the deepest minimum", fmt::format("{}", fmt::join(landscape_partners(bw, b), " ")),
        fmt::format("{}", fmt::join(landscape_partners(aw, a), " ")));
  return rows;
}

std::vector<Change> compare(const World& bw, const Analysis& b, const World& aw, const Analysis& a) {
  std::vector<Change> out;
  const std::string focus = bw.names[bw.focus];

  // Tier 1: the focus's roles in its triangles.
  for (std::size_t k = 0; k < bw.triangles.size(); ++k) {
    const int m = matching_triangle(bw, k, aw);
    const std::string name = triangle_name(bw, bw.triangles[k]);
    if (m < 0) {
      out.push_back({1, 1, "triangle", fmt::format("{} no longer exists (a state left)", name)});
      continue;
    }
    const auto slot = focus_slot(bw, bw.triangles[k]);
    const auto& tb = b.triangles[k];
    const auto& ta = a.triangles[static_cast<std::size_t>(m)];
    if (tb.type != ta.type || tb.roles[slot] != ta.roles[slot])
      out.push_back({1, static_cast<double>(std::abs(triangle::rank(tb.roles[slot]) - triangle::rank(ta.roles[slot]))) + 0.5,
                     "triangle",
                     fmt::format("{} in {}: {} -> {}", bw.names[bw.triangles[k][slot]], name, role_text(tb, slot),
                                 role_text(ta, slot))});
  }
  // Tier 2: the focus's balancer rank and flexibility.
  const auto& fb = b.census.actors[bw.focus];
  const auto& fa = a.census.actors[aw.focus];
  if (b.rank[bw.focus] != a.rank[aw.focus])
    out.push_back({2, static_cast<double>(std::abs(b.rank[bw.focus] - a.rank[aw.focus])) + 1.0, "balancer",
                   fmt::format("{}'s balancer rank: {} -> {} of {}", focus, b.rank[bw.focus], a.rank[aw.focus], aw.n())});
  const bool flex_same = (std::isnan(fb.flexibility) && std::isnan(fa.flexibility)) || fb.flexibility == fa.flexibility;
  if (!flex_same)
    out.push_back({2, std::isnan(fb.flexibility - fa.flexibility) ? 1 : std::abs(fb.flexibility - fa.flexibility), "balancer",
                   fmt::format("{}'s flexibility: {:.2f} -> {:.2f} ({} -> {} alliance ties of {} -> {} friendly)", focus,
                               fb.flexibility, fa.flexibility, fb.alliance_ties, fa.alliance_ties, fb.positive_ties,
                               fa.positive_ties)});
  // Tier 3: blocs: who changed sides relative to the focus; the frustration index.
  std::vector<std::string> joined, left;
  const int fbb = b.bloc[bw.focus], fab = a.bloc[aw.focus];
  if ((fbb < 0) != (fab < 0)) {
    // A state without ties strong enough for the signed graph is in neither bloc: say that,
    // rather than list every other state as having left (or joined) it.
    out.push_back({3, static_cast<double>(aw.n()), "blocs",
                   fab < 0 ? fmt::format("{} keeps no tie strong enough for the signed graph and stands outside both blocs", focus)
                           : fmt::format("{} gains ties strong enough for the signed graph and joins a bloc", focus)});
  } else {
    for (std::size_t i = 0; i < aw.n(); ++i) {
      const int k = bw.index(aw.names[i]);
      if (k < 0 || i == aw.focus) continue;
      const bool was = fbb >= 0 && b.bloc[static_cast<std::size_t>(k)] == fbb;
      const bool is = fab >= 0 && a.bloc[i] == fab;
      if (is && !was) joined.push_back(aw.names[i]);
      if (was && !is) left.push_back(aw.names[i]);
    }
  }
  if (!joined.empty())
    out.push_back({3, static_cast<double>(joined.size()), "blocs",
                   fmt::format("into {}'s bloc: {}", focus, fmt::join(joined, " "))});
  if (!left.empty())
    out.push_back({3, static_cast<double>(left.size()), "blocs",
                   fmt::format("out of {}'s bloc: {}", focus, fmt::join(left, " "))});
  if (b.frustration != a.frustration)
    out.push_back({3, static_cast<double>(std::llabs(b.frustration - a.frustration)), "frustration",
                   fmt::format("frustration index: {} -> {} of {} -> {} edges", b.frustration, a.frustration, b.edges,
                               a.edges)});
  // Tier 4: the landscape's predicted alignment.
  const auto lb = landscape_partners(bw, b), la = landscape_partners(aw, a);
  if (lb != la)
    out.push_back({4, 1, "landscape",
                   fmt::format("landscape, deepest minimum: with {}: [{}] -> [{}]", focus, fmt::join(lb, " "),
                               fmt::join(la, " "))});
  if (b.landscape.minima.size() != a.landscape.minima.size())
    out.push_back({4, 0.5, "landscape",
                   fmt::format("landscape minima: {} -> {}", b.landscape.minima.size(), a.landscape.minima.size())});
  // Tier 5: relationship types that changed, strongest change of weight first.
  const std::size_t nb = bw.n(), na = aw.n();
  for (std::size_t i = 0; i < na; ++i)
    for (std::size_t j = i + 1; j < na; ++j) {
      const int bi = bw.index(aw.names[i]), bj = bw.index(aw.names[j]);
      const double wa = a.stances.weight[i * na + j];
      const auto ra = a.stances.relation[i * na + j];
      if (bi < 0 || bj < 0) {
        if (ra != stance::Relation::neutral)
          out.push_back({5, std::abs(wa), "relation",
                         fmt::format("{}-{}: (new) -> {}", aw.names[i], aw.names[j], stance::to_string(ra))});
        continue;
      }
      const std::size_t k = static_cast<std::size_t>(bi) * nb + static_cast<std::size_t>(bj);
      const double wb = b.stances.weight[k];
      const auto rb = b.stances.relation[k];
      if (rb != ra || wb != wa)
        out.push_back({5, std::abs(wa - wb), "relation",
                       fmt::format("{}-{}: {} {:+.2f} -> {} {:+.2f}", aw.names[i], aw.names[j], stance::to_string(rb),
                                   wb, stance::to_string(ra), wa)});
    }
  // Tier 6: the census of triad types; tier 7: other states' balancer ranks.
  for (std::size_t t = 0; t < 4; ++t)
    if (b.census.types[t] != a.census.types[t])
      out.push_back({6, static_cast<double>(std::llabs(b.census.types[t] - a.census.types[t])), "triads",
                     fmt::format("{} triads: {} -> {}", triangle::to_string(static_cast<triangle::Type>(t)),
                                 b.census.types[t], a.census.types[t])});
  for (std::size_t i = 0; i < na; ++i) {
    const int k = bw.index(aw.names[i]);
    if (k < 0 || i == aw.focus) continue;
    const int rb = b.rank[static_cast<std::size_t>(k)], ra = a.rank[i];
    if (rb != ra)
      out.push_back({7, static_cast<double>(std::abs(rb - ra)), "balancer", fmt::format("{}'s balancer rank: {} -> {}", aw.names[i], rb, ra)});
  }
  std::stable_sort(out.begin(), out.end(), [](const Change& x, const Change& y) {
    if (x.tier != y.tier) return x.tier < y.tier;
    if (x.magnitude != y.magnitude) return x.magnitude > y.magnitude;
    return x.text < y.text;
  });
  return out;
}

}  // namespace entente::scenario
