// Beyond the exact limit: steepest descent from random configurations. Each start draws its sides
// from its own generator, seeded from (seed, start number), so the result depends on the seed and
// the number of starts but not on how the starts are split among threads.
#include <fmt/format.h>
#include <map>
#include <stdexcept>

#include "entente/landscape/fields.hpp"
#include "search.hpp"

namespace entente::landscape {
namespace {

// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and the same numbers on every platform.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t state) : state_(state) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

}  // namespace

Landscape heuristic(const Instance& instance, const HeuristicOptions& options) {
  check(instance);
  if (options.starts == 0) throw std::invalid_argument("the heuristic needs at least one start");
  const std::size_t n = instance.n();
  const Couplings couplings = quantise(instance);
  const unsigned threads = detail::worker_count(options.threads, options.starts);

  // Starts in fixed blocks; each worker counts the minima its blocks reach.
  const std::uint64_t block = 256;
  const std::uint64_t blocks = (options.starts + block - 1) / block;
  std::vector<std::map<Alignment, std::uint64_t, AlignmentLess>> reached(threads);
  detail::run_workers(threads, blocks, [&](unsigned worker, std::uint64_t k) {
    const std::uint64_t last = std::min(options.starts, (k + 1) * block);
    for (std::uint64_t start = k * block; start < last; ++start) {
      SplitMix64 draw(SplitMix64(options.seed).next() ^ (start * 0xD1B54A32D192ED03ull));
      Alignment sides(n, 0);
      std::uint64_t bits = 0;
      for (std::size_t a = 0; a + 1 < n; ++a) {  // the last actor stays on side 0, as in exact()
        if (a % 64 == 0) bits = draw.next();
        sides[a] = static_cast<std::uint8_t>((bits >> (a % 64)) & 1u);
      }
      LocalFields fields(couplings, std::move(sides));
      for (std::ptrdiff_t move; (move = fields.steepest()) >= 0;) fields.move(static_cast<std::size_t>(move));
      ++reached[worker][normalised(fields.sides())];
    }
  });
  for (unsigned w = 1; w < threads; ++w)
    for (const auto& [sides, count] : reached[w]) reached[0][sides] += count;

  Landscape out;
  out.exhaustive = false;
  out.configurations = n - 1 < 64 ? std::uint64_t{1} << (n - 1) : 0;  // 0: beyond 2^63
  out.starts = options.starts;
  out.seed = options.seed;
  for (const auto& [sides, count] : reached[0]) {
    Minimum m;
    m.sides = sides;
    m.energy = energy(instance, sides);
    m.basin = count;
    m.share = static_cast<double>(count) / static_cast<double>(options.starts);
    out.minima.push_back(std::move(m));
  }
  detail::sort_minima(out.minima);
  return out;
}

}  // namespace entente::landscape
