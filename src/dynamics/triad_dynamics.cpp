// Local triad dynamics (Antal, Krapivsky & Redner 2005). Picking an imbalanced triad uniformly
// needs the set of imbalanced triads at every update; recounting it costs O(n³), so the run keeps
// it as a list updated as ties change. Changing the sign of tie (i, j) changes the sign product of
// exactly the n − 2 triads (i, j, k), and each of those flips between balanced and imbalanced:
// an update costs O(n), and the first count O(n³).
#include <fmt/format.h>
#include <stdexcept>

#include "entente/dynamics/dynamics.hpp"
#include "entente/core/random.hpp"

namespace entente::dynamics {
namespace {

struct Triad {
  std::uint32_t a, b, c;  // a < b < c
};

// Triads numbered in the combinatorial number system: a < b < c gets C(c,3) + C(b,2) + a, so the
// numbers run from 0 to C(n,3) − 1 without gaps.
std::uint64_t triad_number(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return c * (c - 1) * (c - 2) / 6 + b * (b - 1) / 2 + a;
}
std::uint64_t triads(std::uint64_t n) { return n < 3 ? 0 : n * (n - 1) * (n - 2) / 6; }

// The imbalanced triads as a list (for the uniform pick) plus each triad's place in it (for
// removal in O(1): the last entry moves into the hole).
class ImbalancedSet {
 public:
  explicit ImbalancedSet(std::size_t n) : place_(triads(n), kAbsent) {}
  std::size_t size() const { return list_.size(); }
  const Triad& operator[](std::size_t k) const { return list_[k]; }

  // The triad changed between balanced and imbalanced.
  void toggle(const Triad& t) {
    const std::uint64_t id = triad_number(t.a, t.b, t.c);
    const std::uint32_t at = place_[id];
    if (at == kAbsent) {
      place_[id] = static_cast<std::uint32_t>(list_.size());
      list_.push_back(t);
      return;
    }
    const Triad last = list_.back();
    list_[at] = last;
    place_[triad_number(last.a, last.b, last.c)] = at;
    list_.pop_back();
    place_[id] = kAbsent;
  }

 private:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;
  std::vector<Triad> list_;
  std::vector<std::uint32_t> place_;  // by triad number
};

class TriadRun {
 public:
  explicit TriadRun(SignMatrix signs) : s_(std::move(signs)), imbalanced_(s_.n) {
    const auto n = static_cast<std::uint32_t>(s_.n);
    for (std::uint32_t a = 0; a < n; ++a)
      for (std::uint32_t b = a + 1; b < n; ++b)
        for (std::uint32_t c = b + 1; c < n; ++c)
          if (s_.at(a, b) * s_.at(a, c) * s_.at(b, c) < 0) imbalanced_.toggle({a, b, c});
  }

  bool balanced() const { return imbalanced_.size() == 0; }
  std::size_t imbalanced() const { return imbalanced_.size(); }
  const SignMatrix& signs() const { return s_; }

  void update(double p, core::Rng& rng) {
    const Triad t = imbalanced_[rng.below(imbalanced_.size())];
    const std::uint32_t ends[3][2] = {{t.a, t.b}, {t.a, t.c}, {t.b, t.c}};
    int negatives = 0;
    int negative = 0;           // the negative tie, when there is one
    int positive[2] = {0, 0};   // the positive ties, when there are two
    int positives = 0;
    for (int e = 0; e < 3; ++e) {
      if (s_.at(ends[e][0], ends[e][1]) < 0) {
        ++negatives;
        negative = e;
      } else {
        positive[positives] = e;
        ++positives;
      }
    }
    int flip = 0;
    if (negatives == 3) {
      flip = static_cast<int>(rng.below(3));  // the enemies of my enemy: one pair makes peace
    } else if (rng.uniform() < p) {
      flip = negative;  // the lone hostile tie becomes friendly
    } else {
      flip = positive[rng.below(2)];  // one of the friendly ties turns hostile
    }
    change(ends[flip][0], ends[flip][1]);
  }

 private:
  // Tie (i, j), i < j, changes sign, and with it the balance of every triad through it.
  void change(std::uint32_t i, std::uint32_t j) {
    const std::size_t n = s_.n;
    s_.sign[i * n + j] = s_.sign[j * n + i] = static_cast<std::int8_t>(-s_.sign[i * n + j]);
    for (std::uint32_t k = 0; k < n; ++k) {
      if (k < i) imbalanced_.toggle({k, i, j});
      else if (k > i && k < j) imbalanced_.toggle({i, k, j});
      else if (k > j) imbalanced_.toggle({i, j, k});
    }
  }

  SignMatrix s_;
  ImbalancedSet imbalanced_;
};

}  // namespace

Outcome local_triad_dynamics(SignMatrix start, const TriadOptions& options, std::uint64_t seed, SignMatrix* end) {
  check(start);
  if (start.n > kTriadActorsMax)
    throw std::invalid_argument(
        fmt::format("local triad dynamics handles at most {} actors, not {}", kTriadActorsMax, start.n));
  if (!(options.p >= 0 && options.p <= 1))
    throw std::invalid_argument(fmt::format("the probability p must be in [0, 1], not {}", options.p));
  const std::size_t n = start.n;
  const double links = static_cast<double>(n * (n - (n > 0 ? 1 : 0)) / 2);

  // Antal et al.'s clock: L = n(n−1)/2 draws of a triad per unit of time, each triad equally
  // likely; a draw that finds a balanced triad changes nothing. Drawing only among the imbalanced
  // ones gives the same sequence of changes faster, and each update then stands for the expected
  // number of draws it took, C(n,3) / I with I triads imbalanced, i.e. C(n,3) / (I·L) units of
  // time. (Counting updates alone, updates / L, gives a time to paradise that does not grow with n
  // at all; their ln n and n^(4/3) laws hold on this clock.)
  const double all_triads = static_cast<double>(triads(n));

  core::Rng rng(seed);
  TriadRun run(std::move(start));
  Outcome out;
  while (!run.balanced() && out.steps < options.max_updates) {
    out.time += all_triads / (static_cast<double>(run.imbalanced()) * links);
    run.update(options.p, rng);
    ++out.steps;
  }
  out.settled = run.balanced();
  if (out.settled) out.sides = factions(run.signs());
  if (end) *end = run.signs();
  return out;
}

}  // namespace entente::dynamics
