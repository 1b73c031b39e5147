#pragma once
// The library's one random generator, written out here so that a seed gives the same numbers with
// every compiler and standard library: std::mt19937 itself is specified, but the std::
// distributions (uniform_int, uniform_real, normal, …) and std::shuffle are not, and differ
// between libstdc++ and libc++. Every seeded result of the library (the dynamics and their
// ensembles, the scenario and bargaining ensembles, the landscape heuristic, the balance
// heuristics and blocs) draws from Rng and nothing else.
//
// - SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators",
//   OOPSLA '14) mixes seeds: member_seed() and the seeding of Rng.
// - xoshiro256** (Blackman & Vigna 2021, "Scrambled linear pseudorandom number generators",
//   ACM Trans. Math. Softw. 47(4):36) is the generator itself: 256 bits of state, period 2^256 − 1.
//
// Each run of an ensemble draws from its own Rng seeded with member_seed(seed, run), so results
// depend on the seed and the run's number, never on which thread ran it or in what order.
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <numbers>
#include <stdexcept>
#include <utility>

namespace entente::core {

// SplitMix64's output function: a bijection on 64-bit words that spreads every input bit over
// the whole output.
inline constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// The seed of member `index` of an ensemble: the index-th output of a SplitMix64 stream that
// starts from the mixed seed. For one seed, different indices give different member seeds (the
// stream is a bijection of the index), and neighbouring seeds give unrelated streams.
inline constexpr std::uint64_t member_seed(std::uint64_t seed, std::uint64_t index) noexcept {
  constexpr std::uint64_t golden = 0x9E3779B97F4A7C15ull;  // SplitMix64's increment, odd
  return mix64(mix64(seed) + (index + 1) * golden);
}

class Rng {
 public:
  // The four state words are SplitMix64 outputs from the seed, as the xoshiro authors advise;
  // they are four values of a bijection at distinct points, so they are never all zero.
  explicit Rng(std::uint64_t seed) noexcept {
    for (auto& word : s_) {
      seed += 0x9E3779B97F4A7C15ull;
      word = mix64(seed);
    }
  }

  // 64 random bits (xoshiro256**).
  std::uint64_t next() noexcept {
    const std::uint64_t result = std::rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = std::rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1): the top 53 bits as a double's mantissa, so every value is a multiple of
  // 2^−53 and the conversion is exact.
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Uniform on {0, …, n−1}, without the bias of a plain `next() % n`: draws below 2^64 mod n are
  // rejected, so the ones kept cover each residue equally often (at most one draw in two is
  // rejected, and for small n almost none).
  std::uint64_t below(std::uint64_t n) {
    if (n == 0) throw std::invalid_argument("Rng::below needs n ≥ 1");
    const std::uint64_t reject = (0 - n) % n;  // 2^64 mod n
    std::uint64_t x = next();
    while (x < reject) x = next();
    return x % n;
  }

  // Standard normal by the Box–Muller transform (Box & Muller 1958, Ann. Math. Stat. 29:610):
  // two uniforms give two independent normals; the second is kept for the next call. The values
  // go through std::log, std::sqrt and std::cos/sin, whose last bit may differ between maths
  // libraries; everything else here is exact.
  double normal() noexcept {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform();  // in (0, 1]: log(0) never happens
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    spare_ = radius * std::sin(angle);
    has_spare_ = true;
    return radius * std::cos(angle);
  }

 private:
  std::uint64_t s_[4] = {};
  double spare_ = 0;
  bool has_spare_ = false;
};

// Fisher–Yates shuffle (Durstenfeld's in-place form, Knuth TAOCP vol. 2, Algorithm 3.4.2 P):
// from the last position down, swap each with a position drawn uniformly at or before it. Every
// order is equally likely (given an unbiased `below`), and the swaps made for a seed are the same
// on every platform, unlike std::shuffle's.
template <class RandomIt>
void shuffle(RandomIt first, RandomIt last, Rng& rng) {
  const auto n = static_cast<std::uint64_t>(std::distance(first, last));
  for (std::uint64_t i = n; i > 1; --i) {
    const std::uint64_t j = rng.below(i);
    using std::swap;
    swap(first[static_cast<std::ptrdiff_t>(i - 1)], first[static_cast<std::ptrdiff_t>(j)]);
  }
}

}  // namespace entente::core
