// Beyond the exact limit: steepest descent from random configurations. Each start draws its sides
// from its own generator (core::Rng), seeded with member_seed(seed, start number), so the result
// depends on the seed and the number of starts but not on how the starts are split among threads.
#include <fmt/format.h>
#include <map>
#include <stdexcept>

#include "entente/core/random.hpp"
#include "entente/landscape/fields.hpp"
#include "search.hpp"

namespace entente::landscape {

Landscape heuristic(const Instance& instance, const HeuristicOptions& options) {
  check(instance);
  if (options.starts == 0) throw std::invalid_argument("the heuristic needs at least one start");
  const std::size_t n = instance.n();
  const Couplings couplings = quantise(instance);

  // Starts in fixed blocks; each worker counts the minima its blocks reach.
  const std::uint64_t block = 256;
  const std::uint64_t blocks = (options.starts + block - 1) / block;
  const unsigned threads = core::worker_count(options.threads, blocks);
  std::vector<std::map<Alignment, std::uint64_t, AlignmentLess>> reached(threads);
  core::parallel_for(blocks, threads, [&](unsigned worker, std::uint64_t k) {
    const std::uint64_t last = std::min(options.starts, (k + 1) * block);
    for (std::uint64_t start = k * block; start < last; ++start) {
      core::Rng draw(core::member_seed(options.seed, start));
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
