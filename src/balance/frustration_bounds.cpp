// Frustration of large signed graphs: iterated local search for a partition (the upper bound) and
// a packing of edge-disjoint unbalanced cycles routed through its frustrated edges (the lower bound).
#include "entente/balance/frustration_bounds.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <limits>
#include <mutex>
#include <stdexcept>

#include "entente/core/parallel.hpp"
#include "entente/core/random.hpp"

namespace entente::balance {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Compressed adjacency: node v's neighbours are to[start[v] .. start[v+1]), by the edge's position.
struct Adjacency {
  std::vector<std::size_t> start;
  std::vector<std::uint32_t> to;
  std::vector<std::uint32_t> edge;
  std::size_t degree(std::size_t v) const { return start[v + 1] - start[v]; }
};

Adjacency adjacency(const SignedGraph& u) {
  Adjacency adj;
  adj.start.assign(u.n() + 1, 0);
  for (const auto& e : u.edges) ++adj.start[e.a + 1], ++adj.start[e.b + 1];
  for (std::size_t v = 0; v < u.n(); ++v) adj.start[v + 1] += adj.start[v];
  adj.to.resize(2 * u.edges.size());
  adj.edge.resize(2 * u.edges.size());
  std::vector<std::size_t> at(adj.start.begin(), adj.start.end() - 1);
  for (std::size_t k = 0; k < u.edges.size(); ++k) {
    const auto& e = u.edges[k];
    adj.to[at[e.a]] = static_cast<std::uint32_t>(e.b), adj.edge[at[e.a]++] = static_cast<std::uint32_t>(k);
    adj.to[at[e.b]] = static_cast<std::uint32_t>(e.a), adj.edge[at[e.b]++] = static_cast<std::uint32_t>(k);
  }
  return adj;
}

// One local search: sides, and for each node d = (its frustrated edges) − (its satisfied edges), so
// that moving it changes the total by −d and a move improves exactly when d > 0.
class Search {
 public:
  Search(const SignedGraph& u, const Adjacency& adj, std::vector<int> side) : u_(&u), adj_(&adj), side_(std::move(side)) {
    d_.assign(u.n(), 0);
    for (const auto& e : u.edges) {
      const int f = frustrated(e) ? 1 : -1;
      d_[e.a] += f, d_[e.b] += f;
      total_ += f > 0;
    }
    queued_.assign(u.n(), 0);
  }

  long long total() const { return total_; }
  const std::vector<int>& side() const { return side_; }
  long long moves() const { return moves_; }

  // Moves improving nodes until none is left: from the queued ones and those their moves touch.
  void descend() {
    while (!queue_.empty()) {
      const auto v = queue_.back();
      queue_.pop_back();
      queued_[v] = 0;
      if (d_[v] > 0) move(v);
    }
  }
  void queue_all() {
    for (std::uint32_t v = 0; v < u_->n(); ++v) enqueue(v);
  }

  // One round of iterated local search: move a small connected cluster around a random node, then
  // descend; keep the result unless it is worse (equal is kept, to walk across plateaus).
  void kick(core::Rng& rng) {
    const long long before = total_;
    log_.clear();
    logging_ = true;
    std::uint32_t r = static_cast<std::uint32_t>(rng.below(u_->n()));
    for (int tries = 0; adj_->degree(r) == 0 && tries < 64; ++tries) r = static_cast<std::uint32_t>(rng.below(u_->n()));
    if (adj_->degree(r) == 0) return;
    const int size = 1 + static_cast<int>(rng.below(8));
    cluster_.assign(1, r);
    for (int k = 1; k < size; ++k) {
      const auto c = cluster_[rng.below(cluster_.size())];
      const auto deg = adj_->degree(c);
      const auto w = adj_->to[adj_->start[c] + rng.below(deg)];
      if (std::find(cluster_.begin(), cluster_.end(), w) == cluster_.end()) cluster_.push_back(w);
    }
    for (auto v : cluster_) move(v);
    descend();
    logging_ = false;
    if (total_ > before)
      for (auto it = log_.rbegin(); it != log_.rend(); ++it) move(*it);
    for (auto v : queue_) queued_[v] = 0;  // the undo's moves queue their neighbours: all are minima again
    queue_.clear();
  }

 private:
  bool frustrated(const SignedEdge& e) const { return e.sign != side_[e.a] * side_[e.b]; }
  void enqueue(std::uint32_t v) {
    if (!queued_[v] && d_[v] > 0) queued_[v] = 1, queue_.push_back(v);
  }
  void move(std::uint32_t v) {
    side_[v] = -side_[v];
    total_ -= d_[v];
    d_[v] = -d_[v];
    ++moves_;
    if (logging_) log_.push_back(v);
    for (std::size_t k = adj_->start[v]; k < adj_->start[v + 1]; ++k) {
      const auto w = adj_->to[k];
      d_[w] += frustrated(u_->edges[adj_->edge[k]]) ? 2 : -2;
      enqueue(w);
    }
  }

  const SignedGraph* u_;
  const Adjacency* adj_;
  std::vector<int> side_;
  std::vector<int> d_;
  std::vector<char> queued_;
  std::vector<std::uint32_t> queue_, log_, cluster_;
  long long total_ = 0, moves_ = 0;
  bool logging_ = false;
};

// A start that satisfies a spanning forest: breadth first from `root` (then from every node not yet
// reached), each node on the side its tree edge asks for.
std::vector<int> tree_start(const SignedGraph& u, const Adjacency& adj, std::size_t root) {
  std::vector<int> side(u.n(), 0);
  std::vector<std::uint32_t> queue;
  auto grow = [&](std::size_t r) {
    if (side[r] != 0) return;
    side[r] = 1;
    queue.assign(1, static_cast<std::uint32_t>(r));
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const auto v = queue[head];
      for (std::size_t k = adj.start[v]; k < adj.start[v + 1]; ++k) {
        const auto w = adj.to[k];
        if (side[w] == 0) side[w] = side[v] * u.edges[adj.edge[k]].sign, queue.push_back(w);
      }
    }
  };
  grow(root);
  for (std::size_t v = 0; v < u.n(); ++v) grow(v);
  return side;
}

bool stop(const std::atomic<bool>* interrupt) { return interrupt && interrupt->load(std::memory_order_relaxed); }

}  // namespace

std::vector<std::vector<std::size_t>> pack_unbalanced_cycles(const SignedGraph& u, const std::vector<int>& side,
                                                             double deadline_seconds, const std::atomic<bool>* interrupt) {
  const auto start = Clock::now();
  const auto adj = adjacency(u);
  // usable: satisfied by the partition and in no cycle yet
  std::vector<char> usable(u.edges.size());
  std::vector<std::size_t> open;  // frustrated edges not yet closed into a cycle
  for (std::size_t k = 0; k < u.edges.size(); ++k) {
    const auto& e = u.edges[k];
    usable[k] = e.sign == side[e.a] * side[e.b];
    if (!usable[k]) open.push_back(k);
  }
  // Short cycles first, over all frustrated edges, so that long ones do not take edges that many
  // short ones could share out. Edges of low-degree endpoints first within a round: they have the
  // fewest ways to be closed.
  std::sort(open.begin(), open.end(), [&](std::size_t x, std::size_t y) {
    const auto dx = std::min(adj.degree(u.edges[x].a), adj.degree(u.edges[x].b));
    const auto dy = std::min(adj.degree(u.edges[y].a), adj.degree(u.edges[y].b));
    return dx != dy ? dx < dy : x < y;
  });
  std::vector<std::vector<std::size_t>> cycles;
  // Two breadth-first searches toward each other, one from each end of the frustrated edge, over
  // usable edges; each level expands the side whose frontier has fewer edges to look at, so a hub
  // at one end costs nothing until the other side has grown. Side s's marks: stamp[s][v] equals the
  // current search's number when v is reached, parent[s][v] the edge it was reached by.
  std::vector<std::uint32_t> stamp[2] = {std::vector<std::uint32_t>(u.n(), 0), std::vector<std::uint32_t>(u.n(), 0)};
  std::vector<std::uint32_t> parent[2] = {std::vector<std::uint32_t>(u.n(), 0), std::vector<std::uint32_t>(u.n(), 0)};
  std::uint32_t search = 0;
  std::vector<std::uint32_t> front[2], next;
  const std::size_t rounds[] = {2, 3, 4, 5, 6, 8, 10, 14, 20, 30, 50, 100, std::numeric_limits<std::uint32_t>::max()};
  for (const std::size_t longest : rounds) {
    // A path of at most `longest` edges; a search gives up after looking at this many edges (a
    // bound on the work per frustrated edge, raised with the length).
    const std::size_t work_cap = std::max<std::size_t>(200'000, longest * 50'000);
    std::vector<std::size_t> still_open;
    for (std::size_t idx = 0; idx < open.size(); ++idx) {
      const std::size_t f = open[idx];
      if ((idx & 255) == 0 && (since(start) > deadline_seconds || stop(interrupt))) {
        still_open.insert(still_open.end(), open.begin() + static_cast<std::ptrdiff_t>(idx), open.end());
        break;
      }
      const std::uint32_t ends[2] = {static_cast<std::uint32_t>(u.edges[f].a), static_cast<std::uint32_t>(u.edges[f].b)};
      if (++search == 0) {
        for (auto& st : stamp) std::fill(st.begin(), st.end(), 0);
        search = 1;
      }
      std::size_t levels[2] = {0, 0}, cost[2] = {0, 0}, work = 0;
      for (int s = 0; s < 2; ++s) {
        stamp[s][ends[s]] = search;
        front[s].assign(1, ends[s]);
        cost[s] = adj.degree(ends[s]);
      }
      // meeting: the edge joining a node reached from side 0 (first) to one reached from side 1
      std::uint32_t meet_a = 0, meet_b = 0, meet_edge = 0;
      bool found = false;
      while (!found && levels[0] + levels[1] < longest && work < work_cap) {
        const int grow = cost[0] <= cost[1] ? 0 : 1;
        next.clear();
        std::size_t next_cost = 0;
        for (const auto v : front[grow]) {
          for (std::size_t k = adj.start[v]; k < adj.start[v + 1] && !found; ++k) {
            ++work;
            const auto e = adj.edge[k];
            if (!usable[e]) continue;
            const auto w = adj.to[k];
            if (stamp[1 - grow][w] == search) {
              found = true;
              meet_a = grow == 0 ? v : w, meet_b = grow == 0 ? w : v, meet_edge = e;
            } else if (stamp[grow][w] != search) {
              stamp[grow][w] = search;
              parent[grow][w] = e;
              next.push_back(w);
              next_cost += adj.degree(w);
            }
          }
          if (found) break;
        }
        if (found || next.empty()) break;
        front[grow].swap(next);
        cost[grow] = next_cost;
        ++levels[grow];
      }
      if (!found) {
        still_open.push_back(f);
        continue;
      }
      std::vector<std::size_t> cycle{f, meet_edge};
      usable[meet_edge] = 0;
      const std::uint32_t meets[2] = {meet_a, meet_b};
      for (int s = 0; s < 2; ++s)
        for (auto v = meets[s]; v != ends[s];) {
          const auto e = parent[s][v];
          usable[e] = 0;
          cycle.push_back(e);
          v = static_cast<std::uint32_t>(u.edges[e].a == v ? u.edges[e].b : u.edges[e].a);
        }
      cycles.push_back(std::move(cycle));
    }
    open.swap(still_open);
    if (open.empty() || since(start) > deadline_seconds || stop(interrupt)) break;
  }
  return cycles;
}

std::string check_cycle_packing(const SignedGraph& u, const std::vector<std::vector<std::size_t>>& cycles) {
  std::vector<char> taken(u.edges.size(), 0);
  std::vector<int> meets(u.n(), 0);
  for (std::size_t c = 0; c < cycles.size(); ++c) {
    int negatives = 0;
    for (auto e : cycles[c]) {
      if (e >= u.edges.size()) return fmt::format("cycle {} names edge {} of {}", c, e, u.edges.size());
      if (taken[e]) return fmt::format("edge {} is in two cycles", e);
      taken[e] = 1;
      negatives += u.edges[e].sign < 0;
      ++meets[u.edges[e].a], ++meets[u.edges[e].b];
    }
    for (auto e : cycles[c]) {
      if (meets[u.edges[e].a] % 2 || meets[u.edges[e].b] % 2) return fmt::format("cycle {} is not closed", c);
    }
    for (auto e : cycles[c]) meets[u.edges[e].a] = meets[u.edges[e].b] = 0;
    if (negatives % 2 == 0) return fmt::format("cycle {} has an even number of negative edges", c);
  }
  return {};
}

FrustrationBounds frustration_bounds(const SignedGraph& g, const BoundsOptions& options) {
  const auto start = Clock::now();
  const auto u = undirected(g);
  for (const auto& e : u.edges)
    if (e.weight != 1)
      throw std::invalid_argument(fmt::format("{}: the cycle-packing bound counts unit edges; edge {}–{} weighs {}",
                                              u.label, u.nodes[e.a], u.nodes[e.b], e.weight));
  FrustrationBounds out;
  out.side.assign(u.n(), 1);
  if (u.edges.empty()) return out;
  const auto adj = adjacency(u);

  // Local searches in parallel from different spanning-forest starts; the best partition wins.
  // Search t starts from its own seed, member_seed(seed, t); search 0 also checks for a proof.
  const unsigned threads = core::worker_count(options.threads);
  const double search_until = options.time_limit_seconds * options.search_share;
  std::mutex best_mutex;
  long long best_total = std::numeric_limits<long long>::max();
  std::vector<int> best_side;
  std::atomic<long long> moves{0};
  auto progress_at = options.progress_every_seconds;
  std::atomic<bool> proven{false};  // a packing as large as the best partition's count was found
  std::vector<std::vector<std::size_t>> early_cycles;
  double check_at = 0.5;
  long long checked_value = -1;
  auto worker = [&](std::uint64_t t) {
    core::Rng rng(core::member_seed(options.seed, t));
    std::size_t root = 0;
    if (t == 0) {
      for (std::size_t v = 1; v < u.n(); ++v)
        if (adj.degree(v) > adj.degree(root)) root = v;
    } else {
      root = rng.below(u.n());
    }
    Search search(u, adj, tree_start(u, adj, root));
    search.queue_all();
    search.descend();
    long long mine = search.total();
    auto publish = [&] {
      const std::lock_guard lock(best_mutex);
      if (search.total() < best_total) best_total = search.total(), best_side = search.side();
    };
    publish();
    for (std::uint64_t round = 1;; ++round) {
      search.kick(rng);
      if (search.total() < mine) {
        mine = search.total();
        if (round % 64 == 0) publish();
      }
      if (round % 1024 == 0) {
        publish();
        const double now = since(start);
        if (now > search_until || stop(options.interrupt) || proven.load()) break;
        // Search 0 now and then packs cycles under the best partition so far: when they are as many
        // as its frustrated edges, it is optimal and the search stops. The checks are spaced at ten
        // times the packing's own time, so that they take a small share of the search.
        if (t == 0 && now >= check_at) {
          std::vector<int> side;
          long long value = 0;
          {
            const std::lock_guard lock(best_mutex);
            side = best_side, value = best_total;
          }
          if (value != checked_value) {
            checked_value = value;
            const auto before = Clock::now();
            auto cycles = pack_unbalanced_cycles(u, side, search_until - now, options.interrupt);
            if (static_cast<long long>(cycles.size()) == value) early_cycles = std::move(cycles), proven = true;
            check_at = since(start) + std::max(1.0, 10 * since(before));
          }
        }
        if (t == 0 && options.progress && now >= progress_at) {
          progress_at = now + options.progress_every_seconds;
          BoundsProgress p;
          p.seconds = now;
          p.phase = "local search";
          {
            const std::lock_guard lock(best_mutex);
            p.best = best_total;
          }
          options.progress(p);
        }
      }
    }
    publish();
    moves += search.moves();
  };
  core::parallel_for(threads, threads, [&](unsigned, std::uint64_t t) { worker(t); });
  out.search_seconds = since(start);
  out.moves = moves;
  out.side = best_side;
  for (std::size_t k = 0; k < u.edges.size(); ++k)
    if (u.edges[k].sign != out.side[u.edges[k].a] * out.side[u.edges[k].b]) out.frustrated.push_back(k);
  out.value = static_cast<long long>(out.frustrated.size());
  if (out.value != best_total) throw std::logic_error("frustration_bounds: the partition's recount disagrees");

  if (options.progress) {
    BoundsProgress p;
    p.seconds = out.search_seconds;
    p.phase = "cycle packing";
    p.best = out.value;
    options.progress(p);
  }
  const auto packing_start = Clock::now();
  // The partition of the proof is the best partition (only search 0 reads it, and a proven
  // partition cannot be improved on, so it is still the best).
  out.cycles = proven ? std::move(early_cycles)
                      : pack_unbalanced_cycles(u, out.side, std::max(0.0, options.time_limit_seconds - out.search_seconds),
                                               options.interrupt);
  out.packing_seconds = since(packing_start);
  out.lower_bound = static_cast<long long>(out.cycles.size());
  if (const auto problem = check_cycle_packing(u, out.cycles); !problem.empty())
    throw std::logic_error("frustration_bounds: " + problem);
  out.interrupted = stop(options.interrupt);
  out.seconds = since(start);
  return out;
}

}  // namespace entente::balance
