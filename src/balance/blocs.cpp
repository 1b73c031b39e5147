#include "entente/balance/blocs.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <numeric>
#include <stdexcept>

#include "entente/balance/frustration.hpp"
#include "entente/core/random.hpp"

namespace entente::balance {
namespace {

constexpr long long kScale = 1000;  // α is read to three decimals, as integer edge costs

struct Neighbour { std::size_t node; int sign; };

std::vector<std::vector<Neighbour>> adjacency(const SignedGraph& g) {
  std::vector<std::vector<Neighbour>> adj(g.n());
  for (const auto& e : g.edges) {
    adj[e.a].push_back({e.b, e.sign});
    adj[e.b].push_back({e.a, e.sign});
  }
  return adj;
}

void score(const SignedGraph& g, Blocs& b, double alpha) {
  b.negative_inside = b.positive_between = 0;
  for (const auto& e : g.edges) {
    const bool together = b.bloc[e.a] == b.bloc[e.b];
    if (e.sign < 0 && together) ++b.negative_inside;
    if (e.sign > 0 && !together) ++b.positive_between;
  }
  b.criterion = alpha * static_cast<double>(b.negative_inside) + (1 - alpha) * static_cast<double>(b.positive_between);
}

// Moves single nodes to the bloc that lowers P(C) most until none does, never emptying a bloc.
void relocate(const std::vector<std::vector<Neighbour>>& adj, std::vector<int>& bloc, int k, double alpha) {
  std::vector<int> size(static_cast<std::size_t>(k), 0);
  for (int b : bloc)
    if (b >= 0) ++size[static_cast<std::size_t>(b)];
  std::vector<double> neg(static_cast<std::size_t>(k)), pos(static_cast<std::size_t>(k));
  bool moved = true;
  while (moved) {
    moved = false;
    for (std::size_t v = 0; v < adj.size(); ++v) {
      const int from = bloc[v];
      if (from < 0 || size[static_cast<std::size_t>(from)] == 1) continue;
      std::fill(neg.begin(), neg.end(), 0);
      std::fill(pos.begin(), pos.end(), 0);
      for (const auto& [w, s] : adj[v]) (s < 0 ? neg : pos)[static_cast<std::size_t>(bloc[w])] += 1;
      int to = from;
      double best = 0;
      for (int c = 0; c < k; ++c) {
        if (c == from) continue;
        const auto f = static_cast<std::size_t>(from), t = static_cast<std::size_t>(c);
        const double delta = alpha * (neg[t] - neg[f]) + (1 - alpha) * (pos[f] - pos[t]);
        if (delta < best - 1e-12) best = delta, to = c;
      }
      if (to != from) {
        bloc[v] = to;
        --size[static_cast<std::size_t>(from)];
        ++size[static_cast<std::size_t>(to)];
        moved = true;
      }
    }
  }
}

// The relabelling of `bloc` (perm[new] = old label) that agrees most with `prior`: every
// permutation for up to eight blocs, greedily by the largest remaining overlap beyond.
std::vector<int> best_relabelling(const std::vector<int>& prior, const std::vector<int>& bloc, std::size_t k) {
  std::vector<std::vector<long long>> overlap(k, std::vector<long long>(k, 0));  // [old][new]
  for (std::size_t v = 0; v < bloc.size(); ++v)
    if (prior[v] >= 0 && prior[v] < static_cast<int>(k) && bloc[v] >= 0)
      ++overlap[static_cast<std::size_t>(prior[v])][static_cast<std::size_t>(bloc[v])];
  std::vector<int> perm(k), best_perm(k);
  std::iota(perm.begin(), perm.end(), 0);
  best_perm = perm;
  if (k <= 8) {
    long long best = -1;
    do {
      long long total = 0;
      for (std::size_t c = 0; c < k; ++c) total += overlap[static_cast<std::size_t>(perm[c])][c];
      if (total > best) best = total, best_perm = perm;
    } while (std::next_permutation(perm.begin(), perm.end()));
    return best_perm;
  }
  std::vector<char> old_used(k, 0), new_used(k, 0);
  for (std::size_t step = 0; step < k; ++step) {
    long long top = -1;
    std::size_t bo = 0, bn = 0;
    for (std::size_t a = 0; a < k; ++a)
      for (std::size_t c = 0; c < k; ++c)
        if (!old_used[a] && !new_used[c] && overlap[a][c] > top) top = overlap[a][c], bo = a, bn = c;
    old_used[bo] = new_used[bn] = 1;
    best_perm[bn] = static_cast<int>(bo);
  }
  return best_perm;
}

void relabel(std::vector<int>& bloc, const std::vector<int>& perm) {
  for (auto& x : bloc)
    if (x >= 0) x = perm[static_cast<std::size_t>(x)];
}

}  // namespace

Blocs find_blocs(const SignedGraph& graph, const BlocOptions& o, const std::vector<int>* prior) {
  if (o.k < 1) throw std::invalid_argument(fmt::format("blocs: k must be at least 1, not {}", o.k));
  if (!(o.alpha > 0 && o.alpha < 1)) throw std::invalid_argument(fmt::format("blocs: alpha must lie strictly between 0 and 1, not {}", o.alpha));
  // α is read to three decimals, so the exact search and the reported criterion use the same α.
  if (std::fabs(o.alpha * kScale - std::round(o.alpha * kScale)) > 1e-9)
    throw std::invalid_argument(fmt::format("blocs: alpha {} has more than three decimals", o.alpha));
  if (o.restarts < 0) throw std::invalid_argument(fmt::format("blocs: restarts must not be negative, not {}", o.restarts));
  const auto g = undirected(graph);
  const auto adj = adjacency(g);
  Blocs out;
  out.k = o.k;
  out.bloc.assign(g.n(), -1);
  std::vector<std::size_t> aligned;
  for (std::size_t v = 0; v < g.n(); ++v)
    if (!adj[v].empty()) aligned.push_back(v), out.bloc[v] = 0;
  if (o.k == 1 || aligned.empty()) {
    score(g, out, o.alpha);
    out.optimal = true;
    out.lower_bound = out.criterion;
    return out;
  }
  if (prior && prior->size() != g.n()) throw std::invalid_argument("blocs: the prior needs one bloc per node");
  auto prior_of = [&](std::size_t v) { return prior ? (*prior)[v] : -1; };
  // Two blocs, exactly. With a prior, each node with a prior bloc gets an edge to an anchor
  // standing for bloc 0, weighted so that moving any one node costs the same, neg·pos (a positive
  // anchor edge costs pos per unit of weight, a negative one neg), and each graph edge weighs
  // W = N·neg·pos + 1: all N anchor edges cost less than one step of P(C)·1000, so they only choose
  // among the partitions that minimise P(C) — the one that moves the fewest nodes.
  FrustrationOptions f;
  f.negative_cost = std::llround(o.alpha * kScale);
  f.positive_cost = kScale - f.negative_cost;
  f.time_limit_seconds = o.time_limit_seconds;
  f.interrupt = o.interrupt;
  SignedGraph h = g;
  long long carried = 0;
  for (auto v : aligned) carried += prior_of(v) == 0 || prior_of(v) == 1;
  const long long move_cost = f.negative_cost * f.positive_cost;
  const long long scale = carried * move_cost + 1;
  const std::size_t anchor = g.n();
  if (carried > 0) {
    for (auto& e : h.edges) e.weight *= scale;
    h.nodes.push_back("(prior bloc 1)");
    for (auto v : aligned) {
      if (prior_of(v) == 0) h.edges.push_back({v, anchor, 1, f.negative_cost});
      if (prior_of(v) == 1) h.edges.push_back({v, anchor, -1, f.positive_cost});
    }
  }
  const auto two = frustration_index(h, f);
  const int bloc0 = carried > 0 ? two.side[anchor] : 1;
  for (auto v : aligned) out.bloc[v] = two.side[v] == bloc0 ? 0 : 1;
  if (o.k == 2) {
    score(g, out, o.alpha);
    out.optimal = two.optimal();
    // The anchor edges cost at most carried·neg·pos < scale, so P(C)·1000 ≥ ⌈(bound − that)/scale⌉.
    const long long slack = carried * move_cost;
    const long long bound = carried > 0 ? std::max(0LL, (two.lower_bound - slack + scale - 1) / scale) : two.lower_bound;
    out.lower_bound = out.optimal ? out.criterion : static_cast<double>(bound) / kScale;
    return out;
  }
  // More blocs: relocation from the two-bloc split and from random starts; keep the best.
  if (aligned.size() < static_cast<std::size_t>(o.k))
    throw std::invalid_argument(fmt::format("blocs: {} blocs asked of {} nodes with edges", o.k, aligned.size()));
  core::Rng rng(o.seed);
  Blocs best;
  long long best_moved = 0;
  bool have = false;
  for (int start = prior ? -1 : 0; start <= o.restarts; ++start) {
    Blocs b = out;
    if (start < 0) {  // the prior, with nodes new to it in bloc 0
      for (auto v : aligned) b.bloc[v] = prior_of(v) >= 0 && prior_of(v) < o.k ? prior_of(v) : 0;
      std::vector<int> used(static_cast<std::size_t>(o.k), 0);
      for (auto v : aligned) used[static_cast<std::size_t>(b.bloc[v])] = 1;
      if (std::count(used.begin(), used.end(), 1) < o.k) continue;  // the prior has fewer blocs
    } else if (start > 0) {
      // A random assignment that uses every bloc at least once.
      std::vector<std::size_t> shuffled = aligned;
      core::shuffle(shuffled.begin(), shuffled.end(), rng);
      for (std::size_t i = 0; i < shuffled.size(); ++i)
        b.bloc[shuffled[i]] = i < static_cast<std::size_t>(o.k) ? static_cast<int>(i)
                                                                : static_cast<int>(rng.below(static_cast<std::uint64_t>(o.k)));
    } else {
      // The two-bloc split, with the extra blocs seeded by single nodes of the larger bloc.
      std::size_t seeded = 0;
      for (auto v : aligned)
        if (seeded + 2 < static_cast<std::size_t>(o.k) && b.bloc[v] == 0) b.bloc[v] = static_cast<int>(2 + seeded++);
      if (seeded + 2 < static_cast<std::size_t>(o.k)) continue;
    }
    relocate(adj, b.bloc, o.k, o.alpha);
    score(g, b, o.alpha);
    if (prior) relabel(b.bloc, best_relabelling(*prior, b.bloc, static_cast<std::size_t>(o.k)));
    long long moved = 0;
    for (auto v : aligned) moved += prior_of(v) >= 0 && prior_of(v) != b.bloc[v];
    if (!have || b.criterion < best.criterion - 1e-12 || (b.criterion < best.criterion + 1e-12 && moved < best_moved))
      best = b, best_moved = moved, have = true;
  }
  if (!have) throw std::invalid_argument("blocs: no start to search from (give --restarts 1 or more)");
  best.optimal = false;
  best.lower_bound = 0;
  return best;
}

BlocTrack track_blocs(const std::vector<SignedGraph>& periods, const BlocOptions& o) {
  BlocTrack t;
  std::map<std::string, int> previous;  // node → bloc label in the previous period
  for (std::size_t p = 0; p < periods.size(); ++p) {
    const auto& names = periods[p].nodes;
    std::vector<int> prior(names.size(), -1);
    for (std::size_t v = 0; v < names.size(); ++v)
      if (const auto it = previous.find(names[v]); it != previous.end()) prior[v] = it->second;
    auto b = find_blocs(periods[p], o, p > 0 ? &prior : nullptr);
    if (p > 0) {
      relabel(b.bloc, best_relabelling(prior, b.bloc, static_cast<std::size_t>(o.k)));
      for (std::size_t v = 0; v < names.size(); ++v) {
        const auto it = previous.find(names[v]);
        if (it != previous.end() && b.bloc[v] >= 0 && it->second != b.bloc[v])
          t.switches.push_back({p, names[v], it->second + 1, b.bloc[v] + 1});
      }
    }
    previous.clear();
    for (std::size_t v = 0; v < names.size(); ++v)
      if (b.bloc[v] >= 0) previous[names[v]] = b.bloc[v];
    t.labels.push_back(periods[p].label);
    t.nodes.push_back(names);
    t.blocs.push_back(std::move(b));
  }
  return t;
}

}  // namespace entente::balance
