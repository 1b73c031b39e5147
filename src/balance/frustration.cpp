#include "entente/balance/frustration.hpp"

#include "entente/balance/branch_and_cut.hpp"
#include "entente/core/random.hpp"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <numeric>
#include <stdexcept>

namespace entente::balance {
namespace {

using Clock = std::chrono::steady_clock;

// A signed graph with integer edge costs, as couplings: J > 0 is a positive edge that costs J when
// frustrated, J < 0 a negative edge that costs −J. Parallel edges merge as they are added, and two
// of opposite sign leave a cost paid whatever the partition (`offset`).
struct Coupled {
  std::vector<std::map<int, long long>> adj;  // ordered maps: the same input gives the same answer
  long long offset = 0;

  explicit Coupled(std::size_t n) : adj(n) {}
  int n() const { return static_cast<int>(adj.size()); }

  void couple(int a, int b, long long j) {
    if (j == 0 || a == b) return;
    auto it = adj[static_cast<std::size_t>(a)].find(b);
    if (it == adj[static_cast<std::size_t>(a)].end()) {
      adj[static_cast<std::size_t>(a)][b] = j;
      adj[static_cast<std::size_t>(b)][a] = j;
      return;
    }
    const long long old = it->second;
    if ((old > 0) != (j > 0)) offset += std::min(std::llabs(old), std::llabs(j));
    const long long merged = old + j;
    if (merged == 0) {
      adj[static_cast<std::size_t>(a)].erase(b);
      adj[static_cast<std::size_t>(b)].erase(a);
    } else {
      adj[static_cast<std::size_t>(a)][b] = merged;
      adj[static_cast<std::size_t>(b)][a] = merged;
    }
  }
  std::size_t edges() const {
    std::size_t m = 0;
    for (const auto& a : adj) m += a.size();
    return m / 2;
  }
};

// Couplings of an undirected graph (callers pass undirected(g)).
Coupled coupled(const SignedGraph& u, const FrustrationOptions& o) {
  if (o.negative_cost < 0 || o.positive_cost < 0) throw std::invalid_argument("edge costs must not be negative");
  Coupled c(u.n());
  for (const auto& e : u.edges)
    c.couple(static_cast<int>(e.a), static_cast<int>(e.b), e.weight * (e.sign > 0 ? o.positive_cost : -o.negative_cost));
  return c;
}

// Cost of a partition of a coupled graph (without its offset).
long long cost_of(const Coupled& g, const std::vector<int>& sigma) {
  long long cost = 0;
  for (int a = 0; a < g.n(); ++a)
    for (const auto& [b, j] : g.adj[static_cast<std::size_t>(a)])
      if (a < b && j * sigma[static_cast<std::size_t>(a)] * sigma[static_cast<std::size_t>(b)] < 0) cost += std::llabs(j);
  return cost;
}

// The search's allowance: a deadline, an interrupt flag, and the progress line's clock. Checked
// every 1,024 search nodes (a clock read per node would cost more than the node).
struct Budget {
  std::optional<Clock::time_point> deadline;
  const std::atomic<bool>* interrupt = nullptr;
  const FrustrationOptions* options = nullptr;  // for the progress callback
  Clock::time_point start = Clock::now(), next_progress = Clock::time_point::max();
  long long nodes = 0;
  bool expired = false, interrupted = false;
  // The Russian doll search being run, for the progress line.
  const long long *best = nullptr, *bound = nullptr;
  int block_nodes = 0, suffixes_proven = 0;

  bool tick() {
    if (expired) return true;
    if ((++nodes & 1023) != 0) return false;
    if (interrupt && interrupt->load(std::memory_order_relaxed)) expired = interrupted = true;
    if (!deadline && next_progress == Clock::time_point::max()) return expired;
    const auto now = Clock::now();
    if (deadline && now >= *deadline) expired = true;
    if (now >= next_progress) {
      next_progress = now + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(options->progress_every_seconds));
      if (best && bound)
        options->progress({std::chrono::duration<double>(now - start).count(), nodes, block_nodes, suffixes_proven,
                           *best, *bound});
    }
    return expired;
  }
};

struct Stats {
  std::size_t kernel_nodes = 0, kernel_edges = 0;
};

struct Solution {
  long long value = 0, lower_bound = 0;
  std::vector<int> sigma;  // ±1 per node
};

// --- lower bound: greedy packing of unbalanced cycles ------------------------------------------

long long packing_bound(const Coupled& g) {
  struct Edge { int a, b; long long j, residual; };
  std::vector<Edge> edges;
  std::vector<std::vector<std::pair<int, std::size_t>>> adj(static_cast<std::size_t>(g.n()));
  std::map<std::pair<int, int>, std::size_t> id;
  for (int a = 0; a < g.n(); ++a)
    for (const auto& [b, j] : g.adj[static_cast<std::size_t>(a)])
      if (a < b) {
        id[{a, b}] = edges.size();
        adj[static_cast<std::size_t>(a)].emplace_back(b, edges.size());
        adj[static_cast<std::size_t>(b)].emplace_back(a, edges.size());
        edges.push_back({a, b, j, std::llabs(j)});
      }
  long long bound = 0;
  auto pack = [&](const std::vector<std::size_t>& cycle) {
    long long d = std::numeric_limits<long long>::max();
    for (auto e : cycle) d = std::min(d, edges[e].residual);
    if (d <= 0) return;
    for (auto e : cycle) edges[e].residual -= d;
    bound += d;
  };
  // Triangles first: the shortest cycles use up the least of the residual costs.
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const auto [a, b, j, r] = edges[e];
    for (const auto& [c, ac] : adj[static_cast<std::size_t>(a)]) {
      if (c <= b) continue;
      const auto bc = id.find({b, c});
      if (bc == id.end()) continue;
      // Unbalanced: an odd number of negative edges (signs compared, never multiplied: costs can be
      // large enough for a product of three to overflow).
      if (((j < 0) + (edges[ac].j < 0) + (edges[bc->second].j < 0)) % 2 == 1) pack({e, ac, bc->second});
    }
  }
  // Then any unbalanced cycle left among edges with residual cost: a breadth-first two-colouring
  // finds one at the first edge it cannot colour (a tree path plus that edge).
  const auto n = static_cast<std::size_t>(g.n());
  std::vector<int> colour(n), parent_edge(n), depth(n);
  while (true) {
    std::fill(colour.begin(), colour.end(), 0);
    std::vector<std::size_t> cycle;
    for (std::size_t root = 0; root < n && cycle.empty(); ++root) {
      if (colour[root] != 0) continue;
      colour[root] = 1;
      parent_edge[root] = -1;
      depth[root] = 0;
      std::deque<std::size_t> queue{root};
      while (!queue.empty() && cycle.empty()) {
        const auto x = queue.front();
        queue.pop_front();
        for (const auto& [y_, e] : adj[x]) {
          const auto y = static_cast<std::size_t>(y_);
          if (edges[e].residual <= 0 || static_cast<int>(e) == parent_edge[x]) continue;
          const int want = edges[e].j > 0 ? colour[x] : -colour[x];
          if (colour[y] == 0) {
            colour[y] = want;
            parent_edge[y] = static_cast<int>(e);
            depth[y] = depth[x] + 1;
            queue.push_back(y);
          } else if (colour[y] != want) {
            cycle.push_back(e);
            auto u = x, v = y;
            auto up = [&](std::size_t w) {
              const auto pe = static_cast<std::size_t>(parent_edge[w]);
              cycle.push_back(pe);
              return static_cast<std::size_t>(edges[pe].a) == w ? static_cast<std::size_t>(edges[pe].b)
                                                                 : static_cast<std::size_t>(edges[pe].a);
            };
            while (depth[u] > depth[v]) u = up(u);
            while (depth[v] > depth[u]) v = up(v);
            while (u != v) u = up(u), v = up(v);
            break;
          }
        }
      }
    }
    if (cycle.empty()) break;
    pack(cycle);
  }
  return bound;
}

// --- heuristic: steepest single-node moves from random starts ----------------------------------

std::vector<int> local_search(const Coupled& g, int starts, std::uint64_t seed) {
  const auto n = static_cast<std::size_t>(g.n());
  core::Rng rng(seed);
  std::vector<int> best(n, 1), sigma(n);
  long long best_cost = cost_of(g, best);
  std::vector<long long> field(n);
  for (int s = 0; s < starts; ++s) {
    for (auto& x : sigma) x = (rng.next() & 1) ? 1 : -1;
    // field[v] = Σ_w J_vw σ_w; moving v changes the cost by σ_v·field[v].
    for (std::size_t v = 0; v < n; ++v) {
      field[v] = 0;
      for (const auto& [w, j] : g.adj[v]) field[v] += j * sigma[static_cast<std::size_t>(w)];
    }
    while (true) {
      std::size_t pick = n;
      long long gain = 0;
      for (std::size_t v = 0; v < n; ++v)
        if (sigma[v] * field[v] < gain) gain = sigma[v] * field[v], pick = v;
      if (pick == n) break;
      sigma[pick] = -sigma[pick];
      for (const auto& [w, j] : g.adj[pick]) field[static_cast<std::size_t>(w)] += 2 * j * sigma[pick];
    }
    const auto c = cost_of(g, sigma);
    if (c < best_cost) best_cost = c, best = sigma;
  }
  return best;
}

// --- exact search on a block that no reduction shrinks: Russian doll branch and bound -----------
//
// Nodes are put in an order; suffix k is the subgraph on the nodes from position k on. Its optimum
// L*_k is solved for k = n−1 down to 0, each search bounded by the ones before: with positions
// k..p−1 fixed, no completion costs less than
//   (cost among the fixed) + Σ_{unfixed u} min over u's side of its cost to the fixed + L*_p,
// since those three sums count disjoint sets of edges. L*_k ≥ L*_{k+1}, and the optimum of suffix
// k+1 extended by the best side for node k is a first partition for suffix k, so a search often
// ends at once, having matched its lower bound.
class RussianDoll {
 public:
  RussianDoll(const Coupled& g, Budget& budget) : n_(g.n()), budget_(budget) {
    order_nodes(g);
    later_.resize(static_cast<std::size_t>(n_));
    for (int p = 0; p < n_; ++p)
      for (const auto& [w, j] : g.adj[static_cast<std::size_t>(order_[static_cast<std::size_t>(p)])]) {
        const int q = position_[static_cast<std::size_t>(w)];
        if (q > p) later_[static_cast<std::size_t>(p)].emplace_back(q, j);
      }
    field_.assign(static_cast<std::size_t>(n_), 0);
    total_.assign(static_cast<std::size_t>(n_), 0);
    fixed_.assign(static_cast<std::size_t>(n_), 0);
    doll_.assign(static_cast<std::size_t>(n_) + 1, 0);
  }

  // Solves every suffix; `hint` (a partition by node) is a first upper bound for each.
  Solution solve(const std::vector<int>& hint) {
    std::vector<int> hint_by_position(static_cast<std::size_t>(n_));
    for (int p = 0; p < n_; ++p)
      hint_by_position[static_cast<std::size_t>(p)] = hint[static_cast<std::size_t>(order_[static_cast<std::size_t>(p)])];
    std::vector<int> suffix_best(static_cast<std::size_t>(n_), 1);  // optimum of the last solved suffix
    int solved = n_;  // doll_[k] is proven for k ≥ solved
    for (int k = n_ - 1; k >= 0; --k) {
      // First partition: the better of the previous optimum extended and the hint.
      auto extended = suffix_best;
      extended[static_cast<std::size_t>(k)] = 1;
      extended[static_cast<std::size_t>(k)] = best_side(k, extended);
      long long ub = doll_[static_cast<std::size_t>(k) + 1] + side_cost(k, extended);
      const long long hint_cost = suffix_cost(k, hint_by_position);
      if (hint_cost < ub) ub = hint_cost, extended = hint_by_position;
      best_ = ub;
      best_sigma_ = extended;
      floor_ = doll_[static_cast<std::size_t>(k) + 1];
      budget_.best = &best_;
      budget_.bound = &floor_;
      budget_.block_nodes = n_;
      budget_.suffixes_proven = n_ - 1 - k;
      if (best_ > floor_) search_suffix(k);
      if (budget_.expired) break;
      doll_[static_cast<std::size_t>(k)] = best_;
      suffix_best = best_sigma_;
      solved = k;
    }
    budget_.best = budget_.bound = nullptr;  // this search's state ends with it
    Solution out;
    out.sigma.assign(static_cast<std::size_t>(n_), 1);
    if (solved == 0) {
      out.value = out.lower_bound = doll_[0];
      for (int p = 0; p < n_; ++p) out.sigma[static_cast<std::size_t>(order_[static_cast<std::size_t>(p)])] = suffix_best[static_cast<std::size_t>(p)];
      return out;
    }
    // Out of time in suffix solved−1: the best partition is the proven suffix extended greedily or
    // the hint, and the bound is that suffix's optimum plus a packing bound on the other edges.
    auto partial = suffix_best;
    for (int k = solved - 1; k >= 0; --k) partial[static_cast<std::size_t>(k)] = best_side(k, partial);
    long long partial_cost = suffix_cost(0, partial);
    const long long hint_cost = suffix_cost(0, hint_by_position);
    if (hint_cost < partial_cost) partial_cost = hint_cost, partial = hint_by_position;
    out.value = partial_cost;
    for (int p = 0; p < n_; ++p) out.sigma[static_cast<std::size_t>(order_[static_cast<std::size_t>(p)])] = partial[static_cast<std::size_t>(p)];
    Coupled front(static_cast<std::size_t>(n_));
    for (int p = 0; p < solved; ++p)
      for (const auto& [q, j] : later_[static_cast<std::size_t>(p)]) front.couple(p, q, j);
    out.lower_bound = doll_[static_cast<std::size_t>(solved)] + packing_bound(front);
    return out;
  }

 private:
  // Maximum-cardinality order: start at the heaviest node, then always take the node most
  // strongly tied to those already taken, so early choices constrain the most edges.
  void order_nodes(const Coupled& g) {
    const auto n = static_cast<std::size_t>(n_);
    position_.assign(n, -1);
    std::vector<long long> weight(n), tie(n, 0);
    for (std::size_t v = 0; v < n; ++v)
      for (const auto& [w, j] : g.adj[v]) weight[v] += std::llabs(j);
    for (std::size_t step = 0; step < n; ++step) {
      std::size_t pick = n;
      for (std::size_t v = 0; v < n; ++v) {
        if (position_[v] >= 0) continue;
        if (pick == n || tie[v] > tie[pick] || (tie[v] == tie[pick] && weight[v] > weight[pick])) pick = v;
      }
      position_[pick] = static_cast<int>(step);
      order_.push_back(static_cast<int>(pick));
      for (const auto& [w, j] : g.adj[pick]) tie[static_cast<std::size_t>(w)] += std::llabs(j);
    }
  }

  // Cost of position k's edges to later positions under sigma (by position).
  long long side_cost(int k, const std::vector<int>& sigma) const {
    long long c = 0;
    for (const auto& [q, j] : later_[static_cast<std::size_t>(k)])
      if (j * sigma[static_cast<std::size_t>(k)] * sigma[static_cast<std::size_t>(q)] < 0) c += std::llabs(j);
    return c;
  }
  int best_side(int k, std::vector<int> sigma) const {
    sigma[static_cast<std::size_t>(k)] = 1;
    const long long plus = side_cost(k, sigma);
    sigma[static_cast<std::size_t>(k)] = -1;
    return side_cost(k, sigma) < plus ? -1 : 1;
  }
  long long suffix_cost(int k, const std::vector<int>& sigma) const {
    long long c = 0;
    for (int p = k; p < n_; ++p) c += side_cost(p, sigma);
    return c;
  }

  // Minimum over u's side of its cost to the fixed positions: (total − |field|)/2.
  long long least(int q) const {
    return (total_[static_cast<std::size_t>(q)] - std::llabs(field_[static_cast<std::size_t>(q)])) / 2;
  }
  void fix(int p, int side) {
    fixed_[static_cast<std::size_t>(p)] = side;
    for (const auto& [q, j] : later_[static_cast<std::size_t>(p)]) {
      least_sum_ -= least(q);
      field_[static_cast<std::size_t>(q)] += j * side;
      total_[static_cast<std::size_t>(q)] += std::llabs(j);
      least_sum_ += least(q);
    }
  }
  void unfix(int p) {
    const int side = fixed_[static_cast<std::size_t>(p)];
    for (const auto& [q, j] : later_[static_cast<std::size_t>(p)]) {
      least_sum_ -= least(q);
      field_[static_cast<std::size_t>(q)] -= j * side;
      total_[static_cast<std::size_t>(q)] -= std::llabs(j);
      least_sum_ += least(q);
    }
  }

  void search_suffix(int k) {
    least_sum_ = 0;
    fix(k, 1);  // a partition and its mirror image are the same: node k stays on side +1
    descend(k + 1, 0);
    unfix(k);
  }

  void descend(int p, long long cost) {
    if (budget_.tick() || best_ <= floor_) return;
    if (cost + least_sum_ + doll_[static_cast<std::size_t>(p)] >= best_) return;
    if (p == n_) {
      best_ = cost;
      std::copy(fixed_.begin(), fixed_.end(), best_sigma_.begin());
      return;
    }
    const long long f = field_[static_cast<std::size_t>(p)], t = total_[static_cast<std::size_t>(p)];
    const long long plus = (t - f) / 2, minus = (t + f) / 2;  // cost of each side to the fixed
    const int first = plus <= minus ? 1 : -1;
    least_sum_ -= least(p);
    for (int side : {first, -first}) {
      const long long c = cost + (side > 0 ? plus : minus);
      fix(p, side);
      descend(p + 1, c);
      unfix(p);
      if (budget_.expired || best_ <= floor_) break;
    }
    least_sum_ += least(p);
  }

  int n_;
  Budget& budget_;
  std::vector<int> order_, position_;
  std::vector<std::vector<std::pair<int, long long>>> later_;
  std::vector<long long> field_, total_;
  std::vector<int> fixed_;
  std::vector<long long> doll_;  // L* of each suffix
  long long least_sum_ = 0, best_ = 0, floor_ = 0;
  std::vector<int> best_sigma_;
};

// --- reductions and decomposition -------------------------------------------------------------

// An edge whose cost is at least that of all its endpoint's other edges together can always be
// left unfrustrated (moving the endpoint would fix it and break no more than the others), so the
// endpoint is merged into its neighbour. Nodes of degree one or two are special cases.
struct Reduction {
  struct Step { int node, into, sign; };  // into < 0: the node had no edges left
  std::vector<Step> steps;
  std::vector<char> alive;
};

Reduction reduce(Coupled& g) {
  const auto n = static_cast<std::size_t>(g.n());
  Reduction r;
  r.alive.assign(n, 1);
  std::deque<int> work;
  std::vector<char> queued(n, 1);
  for (int v = 0; v < g.n(); ++v) work.push_back(v);
  while (!work.empty()) {
    const int v = work.front();
    work.pop_front();
    const auto vi = static_cast<std::size_t>(v);
    queued[vi] = 0;
    if (!r.alive[vi]) continue;
    auto& edges = g.adj[vi];
    if (edges.empty()) {
      r.alive[vi] = 0;
      r.steps.push_back({v, -1, 1});
      continue;
    }
    long long total = 0, heaviest = 0;
    int into = -1;
    for (const auto& [w, j] : edges) {
      total += std::llabs(j);
      if (std::llabs(j) > heaviest) heaviest = std::llabs(j), into = w;
    }
    if (2 * heaviest < total) continue;
    const int sign = edges.at(into) > 0 ? 1 : -1;
    const auto others = edges;
    for (const auto& [w, j] : others) g.adj[static_cast<std::size_t>(w)].erase(v);
    edges.clear();
    for (const auto& [w, j] : others)
      if (w != into) g.couple(into, w, sign * j);
    r.alive[vi] = 0;
    r.steps.push_back({v, into, sign});
    for (const auto& [w, j] : others)
      if (!queued[static_cast<std::size_t>(w)]) queued[static_cast<std::size_t>(w)] = 1, work.push_back(w);
  }
  return r;
}

// Blocks (biconnected components) of the live nodes, by Hopcroft and Tarjan's edge stack. The
// frustration of a graph is the sum of its blocks': they share no edge and no cycle, and each
// block's partition can be mirrored to agree with the others at the cut nodes.
std::vector<std::vector<int>> blocks(const Coupled& g, const std::vector<char>& alive) {
  const auto n = static_cast<std::size_t>(g.n());
  std::vector<std::vector<int>> out;
  std::vector<int> index(n, -1), low(n, 0);
  std::vector<std::pair<int, int>> edge_stack;
  struct Frame { int v, parent; std::map<int, long long>::const_iterator next; };
  int counter = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (!alive[root] || index[root] >= 0) continue;
    std::vector<Frame> stack{{static_cast<int>(root), -1, g.adj[root].begin()}};
    index[root] = low[root] = counter++;
    while (!stack.empty()) {
      auto& f = stack.back();
      const auto v = static_cast<std::size_t>(f.v);
      if (f.next != g.adj[v].end()) {
        const int w = f.next->first;
        ++f.next;
        const auto wi = static_cast<std::size_t>(w);
        if (w == f.parent) continue;
        if (index[wi] < 0) {
          edge_stack.emplace_back(f.v, w);
          index[wi] = low[wi] = counter++;
          stack.push_back({w, f.v, g.adj[wi].begin()});
        } else if (index[wi] < index[v]) {
          edge_stack.emplace_back(f.v, w);
          low[v] = std::min(low[v], index[wi]);
        }
        continue;
      }
      const int child = f.v;
      stack.pop_back();
      if (stack.empty()) break;
      const int parent = stack.back().v;
      const auto pi = static_cast<std::size_t>(parent);
      low[pi] = std::min(low[pi], low[static_cast<std::size_t>(child)]);
      if (low[static_cast<std::size_t>(child)] >= index[pi]) {
        std::vector<int> block;
        while (true) {
          const auto e = edge_stack.back();
          edge_stack.pop_back();
          block.push_back(e.first);
          block.push_back(e.second);
          if (e.first == parent && e.second == child) break;
        }
        std::sort(block.begin(), block.end());
        block.erase(std::unique(block.begin(), block.end()), block.end());
        out.push_back(std::move(block));
      }
    }
  }
  return out;
}

Solution solve(Coupled g, Budget& budget, Stats& stats);

// Solves each block on its own and mirrors the blocks' partitions to agree at their cut nodes.
Solution solve_blocks(const Coupled& g, const std::vector<std::vector<int>>& parts, Budget& budget, Stats& stats) {
  const auto n = static_cast<std::size_t>(g.n());
  Solution out;
  out.sigma.assign(n, 0);
  std::vector<std::vector<int>> local(parts.size());
  std::vector<std::vector<std::size_t>> blocks_of(n);
  for (std::size_t b = 0; b < parts.size(); ++b) {
    const auto& nodes = parts[b];
    for (int v : nodes) blocks_of[static_cast<std::size_t>(v)].push_back(b);
    if (nodes.size() == 2) {  // a single edge: never frustrated
      const long long j = g.adj[static_cast<std::size_t>(nodes[0])].at(nodes[1]);
      local[b] = {1, j > 0 ? 1 : -1};
      continue;
    }
    std::map<int, int> at;
    for (std::size_t i = 0; i < nodes.size(); ++i) at[nodes[i]] = static_cast<int>(i);
    Coupled sub(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i)
      for (const auto& [w, j] : g.adj[static_cast<std::size_t>(nodes[i])]) {
        const auto it = at.find(w);
        if (it != at.end() && static_cast<int>(i) < it->second) sub.couple(static_cast<int>(i), it->second, j);
      }
    auto s = solve(std::move(sub), budget, stats);
    out.value += s.value;
    out.lower_bound += s.lower_bound;
    local[b] = std::move(s.sigma);
  }
  std::vector<char> placed(parts.size(), 0);
  auto place = [&](std::size_t b, int mirror) {
    placed[b] = 1;
    for (std::size_t i = 0; i < parts[b].size(); ++i) out.sigma[static_cast<std::size_t>(parts[b][i])] = mirror * local[b][i];
  };
  for (std::size_t first = 0; first < parts.size(); ++first) {
    if (placed[first]) continue;
    place(first, 1);
    std::deque<std::size_t> queue{first};
    while (!queue.empty()) {
      const auto b = queue.front();
      queue.pop_front();
      for (int v : parts[b])
        for (auto c : blocks_of[static_cast<std::size_t>(v)]) {
          if (placed[c]) continue;
          const auto i = static_cast<std::size_t>(std::find(parts[c].begin(), parts[c].end(), v) - parts[c].begin());
          place(c, out.sigma[static_cast<std::size_t>(v)] * local[c][i]);
          queue.push_back(c);
        }
    }
  }
  return out;
}

// Blocks above this many nodes go to branch and cut: the Russian doll search proves the
// Doreian–Mrvar blocks (up to 115 nodes) in milliseconds, but not blocks of a thousand nodes.
constexpr int kLargeBlock = 400;

Solution solve_by_cuts(int n, const std::vector<CoupledEdge>& edges, const std::vector<int>& hint, Budget& budget) {
  BranchAndCutControl control;
  control.stop = [&budget] {
    if (budget.interrupt && budget.interrupt->load(std::memory_order_relaxed)) budget.expired = budget.interrupted = true;
    if (budget.deadline && Clock::now() >= *budget.deadline) budget.expired = true;
    return budget.expired;
  };
  if (budget.options && budget.options->progress)
    control.progress = [&budget, n](long long best, long long bound, long long nodes) {
      const auto now = Clock::now();
      if (now < budget.next_progress) return;
      budget.next_progress = now + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(budget.options->progress_every_seconds));
      budget.options->progress({std::chrono::duration<double>(now - budget.start).count(), nodes, n, 0, best, bound, true});
    };
  auto r = branch_and_cut(n, edges, hint, control);
  budget.nodes += r.nodes;
  return {r.value, r.lower_bound, std::move(r.sigma)};
}

Solution solve(Coupled g, Budget& budget, Stats& stats) {
  const auto reduction = reduce(g);
  const auto parts = blocks(g, reduction.alive);
  Solution out;
  const bool irreducible = reduction.steps.empty() && parts.size() == 1 &&
                           parts[0].size() == static_cast<std::size_t>(g.n());
  if (irreducible) {
    stats.kernel_nodes = std::max(stats.kernel_nodes, parts[0].size());
    stats.kernel_edges = std::max(stats.kernel_edges, g.edges());
    const auto hint = local_search(g, 8, 0x5eed);
    std::vector<CoupledEdge> edges;
    for (int a = 0; a < g.n(); ++a)
      for (const auto& [b, j] : g.adj[static_cast<std::size_t>(a)])
        if (a < b) edges.push_back({a, b, j});
    if (g.n() > kLargeBlock && branch_and_cut_applies(edges)) {
      out = solve_by_cuts(g.n(), edges, hint, budget);
    } else {
      RussianDoll doll(g, budget);
      out = doll.solve(hint);
    }
  } else {
    out = solve_blocks(g, parts, budget, stats);
  }
  // Undo the merges, last first: each merged node takes its side from the node it joined.
  for (auto it = reduction.steps.rbegin(); it != reduction.steps.rend(); ++it)
    out.sigma[static_cast<std::size_t>(it->node)] = it->into < 0 ? 1 : it->sign * out.sigma[static_cast<std::size_t>(it->into)];
  out.value += g.offset;
  out.lower_bound += g.offset;
  return out;
}

// The cost of a partition of an undirected graph.
long long cost_of_undirected(const SignedGraph& u, const std::vector<int>& side, const FrustrationOptions& o) {
  if (side.size() != u.n()) throw std::invalid_argument("a partition needs one side per node");
  long long cost = 0;
  for (const auto& e : u.edges)
    if (e.sign * side[e.a] * side[e.b] < 0) cost += e.weight * (e.sign > 0 ? o.positive_cost : o.negative_cost);
  return cost;
}

}  // namespace

std::optional<double> normalised_frustration(long long frustration, std::size_t edges) {
  if (edges == 0) return std::nullopt;
  return 1 - static_cast<double>(frustration) / (static_cast<double>(edges) / 2);
}

long long frustration_of(const SignedGraph& g, const std::vector<int>& side, const FrustrationOptions& o) {
  return cost_of_undirected(undirected(g), side, o);
}

long long cycle_packing_bound(const SignedGraph& g, const FrustrationOptions& o) {
  const auto c = coupled(undirected(g), o);
  return c.offset + packing_bound(c);
}

std::vector<int> local_search_partition(const SignedGraph& g, int starts, std::uint64_t seed,
                                        const FrustrationOptions& o) {
  return local_search(coupled(undirected(g), o), starts, seed);
}

Frustration frustration_index(const SignedGraph& g, const FrustrationOptions& o) {
  validate(g);
  if (o.negative_cost < 0 || o.positive_cost < 0) throw std::invalid_argument("edge costs must not be negative");
  if (o.time_limit_seconds && !(*o.time_limit_seconds >= 0 && *o.time_limit_seconds <= 1e7))
    throw std::invalid_argument("a time limit is a number of seconds from 0 to 10,000,000");
  const auto start = Clock::now();
  Budget budget;
  budget.start = start;
  budget.options = &o;
  budget.interrupt = o.interrupt;
  if (o.time_limit_seconds)
    budget.deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(*o.time_limit_seconds));
  if (o.progress)
    budget.next_progress = start + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(o.progress_every_seconds));
  Stats stats;
  const auto u = undirected(g);
  auto s = solve(coupled(u, o), budget, stats);
  Frustration out;
  out.side = std::move(s.sigma);
  out.value = cost_of_undirected(u, out.side, o);
  if (out.value != s.value)  // the partition must cost what the search says it costs
    throw std::logic_error("frustration solver: the partition's cost disagrees with the search");
  out.lower_bound = s.lower_bound;
  for (std::size_t e = 0; e < u.edges.size(); ++e)
    if (u.edges[e].sign * out.side[u.edges[e].a] * out.side[u.edges[e].b] < 0) out.frustrated.push_back(e);
  out.kernel_nodes = stats.kernel_nodes;
  out.kernel_edges = stats.kernel_edges;
  out.search_nodes = budget.nodes;
  out.interrupted = budget.interrupted;
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return out;
}

}  // namespace entente::balance
