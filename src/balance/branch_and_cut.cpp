#include "entente/balance/branch_and_cut.hpp"

#include <glpk.h>  // GLPK's C library (Debian libglpk-dev): the simplex of the LP relaxation

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <queue>
#include <stdexcept>
#include <unordered_set>
#include <utility>

#include "entente/core/parallel.hpp"

namespace entente::balance {
namespace {

// Variables: y_e = 1 when edge e's endpoints are on opposite sides. A positive edge costs J·y_e,
// a negative one |J|·(1 − y_e), so the objective is Σ J_e·y_e + Σ_{negative} |J_e|.
//
// Odd-cycle inequalities: for a cycle C and an odd subset F of its edges,
//   Σ_{e∈F} (1 − y_e) + Σ_{e∈C∖F} y_e ≥ 1,
// true of every partition (a cycle is cut an even number of times). They are separated exactly by
// shortest paths from (v, 0) to (v, 1) in a doubled graph where an edge keeps the layer at length
// y_e and changes it at length 1 − y_e (Barahona & Mahjoub 1986).
struct Cut {
  std::vector<std::pair<int, double>> terms;  // (edge, coefficient), edges distinct
  double rhs = 0;                              // Σ terms ≥ rhs
  std::uint64_t key = 0;
};

struct Arc {
  int to;
  int edge;
};

constexpr double kTolerance = 1e-6;

class Solver {
 public:
  Solver(int n, const std::vector<CoupledEdge>& edges, const BranchAndCutControl& control)
      : n_(n), edges_(edges), control_(control), adj_(static_cast<std::size_t>(n)) {
    for (std::size_t e = 0; e < edges_.size(); ++e) {
      adj_[static_cast<std::size_t>(edges_[e].a)].push_back({edges_[e].b, static_cast<int>(e)});
      adj_[static_cast<std::size_t>(edges_[e].b)].push_back({edges_[e].a, static_cast<int>(e)});
      if (edges_[e].j < 0) constant_ += -edges_[e].j;
    }
    lower_.assign(edges_.size(), 0);
    upper_.assign(edges_.size(), 1);
    lp_ = glp_create_prob();
    glp_set_obj_dir(lp_, GLP_MIN);
    if (!edges_.empty()) glp_add_cols(lp_, static_cast<int>(edges_.size()));
    for (std::size_t e = 0; e < edges_.size(); ++e) {
      glp_set_col_bnds(lp_, static_cast<int>(e) + 1, GLP_DB, 0.0, 1.0);
      glp_set_obj_coef(lp_, static_cast<int>(e) + 1, static_cast<double>(edges_[e].j));
    }
    glp_set_obj_coef(lp_, 0, static_cast<double>(constant_));
  }
  ~Solver() { glp_delete_prob(lp_); }
  Solver(const Solver&) = delete;
  Solver& operator=(const Solver&) = delete;

  BranchAndCutResult run(const std::vector<int>& hint) {
    BranchAndCutResult out;
    best_sigma_ = hint;
    best_ = cost(hint);
    improve(best_sigma_);
    best_ = cost(best_sigma_);

    struct Open {
      long long bound;
      std::vector<std::pair<int, char>> fixed;  // (edge, 0 same side / 1 opposite sides)
      bool operator<(const Open& o) const { return bound > o.bound; }  // smallest bound on top
    };
    std::priority_queue<Open> open;
    open.push({0, {}});
    bool root = true;
    long long global_bound = 0, unresolved = std::numeric_limits<long long>::max();
    while (!open.empty()) {
      if (open.top().bound >= best_) break;  // every open node is pruned
      if (stopped()) break;
      Open node = open.top();
      open.pop();
      apply(node.fixed);
      const auto [bound, branch] = solve_node(root);
      ++out.nodes;
      if (root) out.root_bound = std::min(bound, best_);
      root = false;
      const long long node_bound = std::max(node.bound, bound);
      if (!stopped_ && node_bound < best_ && branch >= 0) {
        for (char value : {char(0), char(1)}) {
          auto child = node.fixed;
          child.emplace_back(branch, value);
          open.push({node_bound, std::move(child)});
        }
      } else if (stopped_ && node_bound < best_) {
        open.push({node_bound, std::move(node.fixed)});
      } else if (node_bound < best_) {
        // Every edge fixed and still a gap (only floating-point rounding could do this): the node
        // is not pruned, so its bound stays in the answer rather than be claimed away.
        unresolved = std::min(unresolved, node_bound);
      }
      if (control_.progress) control_.progress(best_, std::min(best_, open.empty() ? best_ : open.top().bound), out.nodes);
    }
    global_bound = std::min(unresolved, open.empty() ? best_ : std::min(best_, open.top().bound));
    out.value = best_;
    out.lower_bound = global_bound;
    out.sigma = best_sigma_;
    out.cuts = cuts_added_;
    return out;
  }

 private:
  bool stopped() {
    if (!stopped_ && control_.stop && control_.stop()) stopped_ = true;
    return stopped_;
  }

  long long cost(const std::vector<int>& sigma) const {
    long long c = 0;
    for (const auto& e : edges_)
      if (e.j * sigma[static_cast<std::size_t>(e.a)] * sigma[static_cast<std::size_t>(e.b)] < 0) c += std::llabs(e.j);
    return c;
  }

  // Single-node moves while one lowers the cost (a queue of nodes to look at again).
  void improve(std::vector<int>& sigma) const {
    const auto n = static_cast<std::size_t>(n_);
    std::vector<long long> field(n, 0);  // Σ_w J_vw σ_w: moving v changes the cost by σ_v·field_v
    for (const auto& e : edges_) {
      field[static_cast<std::size_t>(e.a)] += e.j * sigma[static_cast<std::size_t>(e.b)];
      field[static_cast<std::size_t>(e.b)] += e.j * sigma[static_cast<std::size_t>(e.a)];
    }
    std::vector<int> work(n);
    std::iota(work.begin(), work.end(), 0);
    std::vector<char> queued(n, 1);
    while (!work.empty()) {
      const auto v = static_cast<std::size_t>(work.back());
      work.pop_back();
      queued[v] = 0;
      if (sigma[v] * field[v] >= 0) continue;
      sigma[v] = -sigma[v];
      for (const auto& arc : adj_[v]) {
        const auto w = static_cast<std::size_t>(arc.to);
        field[w] += 2 * edges_[static_cast<std::size_t>(arc.edge)].j * sigma[v];
        if (!queued[w]) queued[w] = 1, work.push_back(static_cast<int>(w));
      }
    }
  }

  // A partition from the LP point: join endpoints along the most certain edges first (a spanning
  // forest by |y − ½|, opposite sides where y > ½), then improve it by single moves.
  void round(const std::vector<double>& y) {
    std::vector<int> order(edges_.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      return std::fabs(y[static_cast<std::size_t>(a)] - 0.5) > std::fabs(y[static_cast<std::size_t>(b)] - 0.5);
    });
    const auto n = static_cast<std::size_t>(n_);
    std::vector<int> parent(n), parity(n, 0);  // parity: side relative to the parent
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int v) {
      int p = 0;
      while (parent[static_cast<std::size_t>(v)] != v) p ^= parity[static_cast<std::size_t>(v)], v = parent[static_cast<std::size_t>(v)];
      return std::pair{v, p};
    };
    for (int e : order) {
      const auto [ra, pa] = find(edges_[static_cast<std::size_t>(e)].a);
      const auto [rb, pb] = find(edges_[static_cast<std::size_t>(e)].b);
      if (ra == rb) continue;
      parent[static_cast<std::size_t>(ra)] = rb;
      parity[static_cast<std::size_t>(ra)] = pa ^ pb ^ (y[static_cast<std::size_t>(e)] > 0.5 ? 1 : 0);
    }
    std::vector<int> sigma(n);
    for (std::size_t v = 0; v < n; ++v) sigma[v] = find(static_cast<int>(v)).second ? -1 : 1;
    improve(sigma);
    const long long c = cost(sigma);
    if (c < best_) best_ = c, best_sigma_ = std::move(sigma);
  }

  void apply(const std::vector<std::pair<int, char>>& fixed) {
    for (std::size_t e = 0; e < edges_.size(); ++e)
      if (lower_[e] != 0 || upper_[e] != 1) {
        lower_[e] = 0, upper_[e] = 1;
        glp_set_col_bnds(lp_, static_cast<int>(e) + 1, GLP_DB, 0.0, 1.0);
      }
    for (const auto& [e, value] : fixed) {
      lower_[static_cast<std::size_t>(e)] = upper_[static_cast<std::size_t>(e)] = value;
      glp_set_col_bnds(lp_, e + 1, GLP_FX, value, value);
    }
  }

  // The bound proven by any non-negative row duals π, in long double: for min c·y over A·y ≥ b,
  // l ≤ y ≤ u, every feasible y has c·y ≥ π·b + Σ_e min(d_e·l_e, d_e·u_e) with d = c − Aᵀπ.
  long long safe_bound() const {
    std::vector<long double> d(edges_.size());
    for (std::size_t e = 0; e < edges_.size(); ++e) d[e] = static_cast<long double>(edges_[e].j);
    long double total = static_cast<long double>(constant_);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const long double pi = std::max(0.0, glp_get_row_dual(lp_, static_cast<int>(i) + 1));
      if (pi == 0) continue;
      total += pi * rows_[i].rhs;
      for (const auto& [e, a] : rows_[i].terms) d[static_cast<std::size_t>(e)] -= pi * a;
    }
    for (std::size_t e = 0; e < edges_.size(); ++e) total += std::min(d[e] * lower_[e], d[e] * upper_[e]);
    return static_cast<long long>(std::ceil(total - 1e-6L));
  }

  // Cut rounds at the current node; returns its proven bound and an edge to branch on (−1: none,
  // the node is solved or pruned).
  std::pair<long long, int> solve_node(bool root) {
    std::vector<double> y(edges_.size());
    long long bound = 0;
    double last_objective = -1;
    int flat_rounds = 0;
    if (rows_.empty()) {
      // The LP without cuts: every edge satisfied. Cut it off before the first solve.
      for (std::size_t e = 0; e < edges_.size(); ++e) y[e] = edges_[e].j > 0 ? 0.0 : 1.0;
      add_cuts(separate(y));
      if (rows_.empty()) {  // no unbalanced cycle: the graph is balanced, every edge satisfied
        round(y);
        return {0, -1};
      }
    }
    for (int rounds = 0;; ++rounds) {
      glp_smcp parm;
      glp_init_smcp(&parm);
      parm.msg_lev = GLP_MSG_OFF;
      parm.meth = GLP_DUALP;
      const int rc = glp_simplex(lp_, &parm);
      const int status = glp_get_status(lp_);
      if (rc == 0 && status == GLP_NOFEAS) return {std::numeric_limits<long long>::max() / 4, -1};  // fixings contradict
      if (rc != 0 || status != GLP_OPT) {
        // The simplex failed: the bound from whatever duals it left is still proven.
        const int fractional = most_fractional(y);
        return {safe_bound(), fractional >= 0 ? fractional : free_edge()};
      }
      for (std::size_t e = 0; e < edges_.size(); ++e) y[e] = glp_get_col_prim(lp_, static_cast<int>(e) + 1);
      bound = safe_bound();
      round(y);
      if (bound >= best_ || stopped()) return {bound, -1};
      // The root's cut rounds can take most of the run: its bound is the global one, so say it.
      if (root && control_.progress) control_.progress(best_, bound, 0);
      const int fractional = most_fractional(y);
      // Tailing off: cuts no longer move the LP, so branch. An integral point is never branched
      // on this way: it is either a partition (then the incumbent meets the bound) or violates a
      // cut that separation will find.
      const double objective = glp_get_obj_val(lp_);
      flat_rounds = objective - last_objective < 0.05 ? flat_rounds + 1 : 0;
      last_objective = objective;
      if (fractional >= 0 && flat_rounds >= (root ? 4 : 2)) return {bound, fractional};
      drop_slack_rows();
      auto cuts = separate(y);
      if (cuts.empty()) return {bound, fractional >= 0 ? fractional : free_edge()};
      add_cuts(std::move(cuts));
    }
  }

  // The most fractional free edge, weighted by its cost; −1 when the LP point is integral.
  int most_fractional(const std::vector<double>& y) const {
    int pick = -1;
    double score = kTolerance;
    for (std::size_t e = 0; e < edges_.size(); ++e) {
      if (lower_[e] == upper_[e]) continue;
      const double s = std::min(y[e], 1 - y[e]) * static_cast<double>(std::llabs(edges_[e].j));
      if (s > score) score = s, pick = static_cast<int>(e);
    }
    return pick;
  }

  // Any edge not yet fixed (−1: none), for a node whose integral point leaves a gap through
  // rounding alone.
  int free_edge() const {
    for (std::size_t e = 0; e < edges_.size(); ++e)
      if (lower_[e] != upper_[e]) return static_cast<int>(e);
    return -1;
  }

  // Exact separation: from every node, the shortest path between its two copies. Sources are
  // handed out to the threads in order; a round stops collecting after a few hundred cuts. The
  // cuts are kept in source order, so that one thread and several give the same rows when the
  // cap is not reached.
  std::vector<Cut> separate(const std::vector<double>& y) {
    const std::size_t cap = 400;
    std::atomic<std::size_t> found{0};
    std::vector<std::optional<Cut>> by_source(static_cast<std::size_t>(n_));
    const int offset = rotation_;
    rotation_ = (rotation_ + 97) % std::max(1, n_);
    struct Scratch {
      std::vector<double> dist;
      std::vector<int> seen, via;  // via: arc index as edge*2 + layer change
      std::priority_queue<std::pair<double, int>, std::vector<std::pair<double, int>>, std::greater<>> queue;
    };
    const unsigned threads = core::worker_count(static_cast<unsigned>(std::max(1, control_.threads)),
                                                static_cast<std::uint64_t>(n_));
    std::vector<Scratch> scratch(threads);
    core::parallel_for(static_cast<std::uint64_t>(n_), threads, [&](unsigned worker, std::uint64_t item) {
      if (found.load() >= cap) return;
      auto& [dist, seen, via, queue] = scratch[worker];
      const auto m = static_cast<std::size_t>(2 * n_);
      if (seen.empty()) dist.assign(m, 0), seen.assign(m, -1), via.assign(m, -1);
      const int i = static_cast<int>(item);
      const int s = (i + offset) % n_;
      const int source = 2 * s, target = 2 * s + 1;
      queue = {};
      seen[static_cast<std::size_t>(source)] = s, dist[static_cast<std::size_t>(source)] = 0, via[static_cast<std::size_t>(source)] = -1;
      queue.push({0.0, source});
      bool reached = false;
      while (!queue.empty()) {
        const auto [dv, x] = queue.top();
        queue.pop();
        if (dv > dist[static_cast<std::size_t>(x)]) continue;
        if (dv >= 1 - kTolerance) break;
        if (x == target) { reached = true; break; }
        const int v = x / 2, layer = x % 2;
        for (const auto& arc : adj_[static_cast<std::size_t>(v)]) {
          const double ye = y[static_cast<std::size_t>(arc.edge)];
          // A tiny length per edge prefers the shorter of two equally violated cycles.
          for (int change : {0, 1}) {
            const double len = std::max(0.0, change ? 1 - ye : ye) + 1e-9;
            const int to = 2 * arc.to + (layer ^ change);
            const double nd = dv + len;
            if (seen[static_cast<std::size_t>(to)] != s || nd < dist[static_cast<std::size_t>(to)]) {
              seen[static_cast<std::size_t>(to)] = s;
              dist[static_cast<std::size_t>(to)] = nd;
              via[static_cast<std::size_t>(to)] = arc.edge * 2 + change;
              queue.push({nd, to});
            }
          }
        }
      }
      if (!reached) return;
      // Walk back; an edge met twice cancels or doubles, both still valid inequalities.
      Cut cut;
      int odd = 0;
      std::vector<std::pair<int, int>> walk;  // (edge, in F)
      for (int x = target; x != source;) {
        const int code = via[static_cast<std::size_t>(x)];
        const int e = code / 2, change = code % 2;
        walk.emplace_back(e, change);
        odd += change;
        const int v = x / 2, layer = x % 2;
        const int u = edges_[static_cast<std::size_t>(e)].a == v ? edges_[static_cast<std::size_t>(e)].b : edges_[static_cast<std::size_t>(e)].a;
        x = 2 * u + (layer ^ change);
      }
      std::sort(walk.begin(), walk.end());
      double lhs = 0, rhs = 1.0 - odd;
      for (const auto& [e, f] : walk) {
        const double a = f ? -1.0 : 1.0;
        if (!cut.terms.empty() && cut.terms.back().first == e) cut.terms.back().second += a;
        else cut.terms.emplace_back(e, a);
      }
      cut.terms.erase(std::remove_if(cut.terms.begin(), cut.terms.end(), [](const auto& term) { return term.second == 0; }),
                      cut.terms.end());
      for (const auto& [e, a] : cut.terms) lhs += a * y[static_cast<std::size_t>(e)];
      if (lhs >= rhs - 1e-4) return;
      cut.rhs = rhs;
      std::uint64_t h = 1469598103934665603ULL;
      for (const auto& [e, a] : cut.terms) h = (h ^ static_cast<std::uint64_t>(e * 4 + static_cast<int>(a + 2))) * 1099511628211ULL;
      cut.key = h;
      by_source[item] = std::move(cut);
      found.fetch_add(1);
    });
    std::vector<Cut> out;
    for (auto& c : by_source)
      if (c && keys_.insert(c->key).second) out.push_back(std::move(*c));
    return out;
  }

  void add_cuts(std::vector<Cut> cuts) {
    if (cuts.empty()) return;
    const int first = glp_add_rows(lp_, static_cast<int>(cuts.size()));
    std::vector<int> index;
    std::vector<double> value;
    for (std::size_t i = 0; i < cuts.size(); ++i) {
      index.assign(1, 0);
      value.assign(1, 0);
      for (const auto& [e, a] : cuts[i].terms) index.push_back(e + 1), value.push_back(a);
      const int row = first + static_cast<int>(i);
      glp_set_mat_row(lp_, row, static_cast<int>(cuts[i].terms.size()), index.data(), value.data());
      glp_set_row_bnds(lp_, row, GLP_LO, cuts[i].rhs, 0.0);
      rows_.push_back(std::move(cuts[i]));
    }
    cuts_added_ += static_cast<long long>(cuts.size());
  }

  // Rows far from binding keep the LP large for nothing; their slack is basic, so deleting them
  // keeps the basis valid.
  void drop_slack_rows() {
    if (rows_.size() < 2 * edges_.size() / 3) return;
    std::vector<int> gone{0};
    std::vector<Cut> kept;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const int row = static_cast<int>(i) + 1;
      if (glp_get_row_stat(lp_, row) == GLP_BS && glp_get_row_prim(lp_, row) > rows_[i].rhs + 0.2) {
        gone.push_back(row);
        keys_.erase(rows_[i].key);
      } else {
        kept.push_back(std::move(rows_[i]));
      }
    }
    rows_ = std::move(kept);
    if (gone.size() > 1) glp_del_rows(lp_, static_cast<int>(gone.size()) - 1, gone.data());
  }

  int n_;
  const std::vector<CoupledEdge>& edges_;
  const BranchAndCutControl& control_;
  std::vector<std::vector<Arc>> adj_;
  long long constant_ = 0;
  glp_prob* lp_ = nullptr;
  std::vector<Cut> rows_;  // row i + 1 of the LP
  std::unordered_set<std::uint64_t> keys_;
  std::vector<double> lower_, upper_;
  long long best_ = 0;
  std::vector<int> best_sigma_;
  long long cuts_added_ = 0;
  int rotation_ = 0;
  bool stopped_ = false;
};

}  // namespace

bool branch_and_cut_applies(const std::vector<CoupledEdge>& edges) {
  long double total = 0;
  for (const auto& e : edges) total += std::fabs(static_cast<long double>(e.j));
  return total < 1e12L;
}

BranchAndCutResult branch_and_cut(int n, const std::vector<CoupledEdge>& edges, const std::vector<int>& hint,
                                  const BranchAndCutControl& control) {
  if (hint.size() != static_cast<std::size_t>(n)) throw std::invalid_argument("branch and cut: the hint needs one side per node");
  glp_term_out(GLP_OFF);
  Solver solver(n, edges, control);
  return solver.run(hint);
}

}  // namespace entente::balance
