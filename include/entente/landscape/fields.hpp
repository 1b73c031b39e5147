#pragma once
// The inner loops of the landscape search, public so that tests can check them against direct
// recomputation. Spins: σ_i = +1 on side 0, −1 on side 1. The local field h_i = Σ_j J_ij σ_j; moving
// actor i changes the energy by ΔE_i = 2 σ_i h_i (E = const − ½ Σ_i σ_i h_i over ordered pairs), so
// a move strictly lowers the energy when σ_i h_i < 0 and the steepest move has the least σ_i h_i.
//
// The search runs on couplings rounded to integers on a grid of 2^−k (k chosen so that every
// |h_i| ≤ 2^46): sums of integers below 2^53 are exact in doubles, so a field updated incrementally
// over millions of moves equals its direct recomputation bit for bit, and ties between moves are
// decided exactly (e.g. for integer ratings). Differences in ΔE below ~2^−46 of the largest
// actor's total coupling count as ties.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "entente/landscape/landscape.hpp"

namespace entente::landscape {

struct Couplings {
  std::size_t n = 0;
  double scale = 1;       // grid units per unit of J
  std::vector<double> j;  // n×n row-major, whole numbers of grid units, zero diagonal
  double at(std::size_t a, std::size_t b) const { return j[a * n + b]; }
};
Couplings quantise(const Instance& instance);

// Local fields computed directly, O(n²), in grid units.
std::vector<double> direct_fields(const Couplings& c, const Alignment& sides);

// Incremental local fields for any n (the heuristic's descent).
class LocalFields {
 public:
  LocalFields(const Couplings& c, Alignment sides);
  // Actor i changes side; O(n).
  void move(std::size_t i);
  // The steepest strictly descending move (ties to the lowest index), or −1 at a local minimum.
  std::ptrdiff_t steepest() const;
  double field(std::size_t i) const { return h_[i]; }
  const Alignment& sides() const { return sides_; }

 private:
  const Couplings* c_;
  Alignment sides_;
  std::vector<double> h_;
};

// The exact enumeration's walk over configurations of n ≤ 40 actors in Gray-code order. A
// configuration is a number whose bit a (a < n − 1) is actor a's side; the last actor stays on
// side 0 (a configuration and its mirror are one alignment). The lanes are held as GNU vectors of
// eight doubles (GCC and Clang): one register each with AVX-512, two with AVX2, four with the
// baseline SSE2, and a step is a few dozen whole-vector instructions, no scalar stores. A walk of
// `Vectors` vectors serves up to 8 × Vectors actors: 4 up to 32 actors, 5 up to 40, so that small
// instances do not pay for lanes they do not use.
inline constexpr std::size_t kWidth = 8;
inline constexpr std::size_t kMaxVectors = 5;
inline constexpr std::size_t kMaxLanes = kMaxVectors * kWidth;
using Double8 = double __attribute__((vector_size(8 * kWidth)));
using Int64x8 = std::int64_t __attribute__((vector_size(8 * kWidth)));
struct PaddedCouplings {
  std::size_t n = 0;
  Double8 j[kMaxLanes * kMaxVectors] = {};  // row k (kMaxVectors vectors): J_kj for j < n, zeros after
  // What a walk adds when actor k changes side, taken whole from memory so that a step needs no
  // branch, broadcast or compare: the field change 2σ_k' J_kj (row 2k + 1 when k moves to side 1,
  // σ_k' = −1; row 2k when it moves to side 0), and a mask with only lane k's sign bit set.
  Double8 step[2 * kMaxLanes * kMaxVectors] = {};
  Double8 sign[kMaxLanes * kMaxVectors] = {};
  double rank[kMaxLanes] = {};  // lane k's tie-break between equally steep moves, and the move reported
  double at(std::size_t a, std::size_t b) const { return j[a * kMaxVectors + b / kWidth][b % kWidth]; }
};
PaddedCouplings pad(const Couplings& c);

template <std::size_t Vectors>
class GrayWalkOf {
 public:
  static constexpr double kKeyScale = 64;  // a power of two above every lane number
  static constexpr std::size_t kLanes = Vectors * kWidth;
  static_assert(Vectors <= kMaxVectors);
  // Starts at `configuration` with fields computed directly. Defined here so that the walk never
  // escapes its caller's frame and its vectors can live in registers.
  GrayWalkOf(const PaddedCouplings& c, std::uint64_t configuration) : c_(&c), configuration_(configuration) {
    for (std::size_t k = 0; k < kLanes; ++k) {
      const bool side1 = k + 1 < c.n && ((configuration >> k) & 1u);
      s_[k / kWidth][k % kWidth] = side1 ? -kKeyScale : kKeyScale;
      lane_[k / kWidth][k % kWidth] = k < c.n ? c.rank[k] : static_cast<double>(k);
      double h = 0;
      for (std::size_t j = 0; j + 1 < c.n; ++j)
        h += c.at(k, j) * ((configuration >> j) & 1u ? -1.0 : 1.0);
      if (c.n > 0) h += c.at(k, c.n - 1);                  // the last actor, on side 0
      h_[k / kWidth][k % kWidth] = k < c.n ? h : 0x1p47;  // padding: key 2^53 + k, never the least
    }
  }
  // Free actor `bit` (< n − 1) changes side: h_j += 2 σ_bit' J_j,bit for every j, O(n), and σ_bit
  // changes sign. Whole-vector updates from the couplings' tables only, so that the walk's vectors
  // stay in registers (an element picked by a run-time index would send them through memory).
  void flip(unsigned bit) {
    configuration_ ^= std::uint64_t{1} << bit;
    const std::size_t to_side = (configuration_ >> bit) & 1u;
    const Double8* step = c_->step + (2 * bit + to_side) * kMaxVectors;
    const Double8* sign = c_->sign + bit * kMaxVectors;
    for (std::size_t q = 0; q < Vectors; ++q) {
      h_[q] += step[q];
      s_[q] = reinterpret_cast<Double8>(reinterpret_cast<Int64x8>(s_[q]) ^ reinterpret_cast<Int64x8>(sign[q]));
    }
  }
  // Lane i (of eight) holds the least key among actors i, i + 8, i + 16, ...; steepest() and
  // least_of_eight() finish the minimum across the lanes.
  // (Vectors of 64 bytes are passed by reference: returned by value, their ABI would depend on the
  // instruction set the caller is compiled for.)
  void keys(Double8& m) const {
    m = s_[0] * h_[0] + lane_[0];
    for (std::size_t q = 1; q < Vectors; ++q) {
      const Double8 key = s_[q] * h_[q] + lane_[q];
      m = key < m ? key : m;
    }
  }
  // The steepest strictly descending move: 0..n−2 a free actor, n−1 the last actor (which equals
  // everyone else moving: the configuration's mirror); −1 at a local minimum. The key
  // 64 σ_j h_j + r_j (r_j = rank[j], j unless the search reordered the actors) is an exact integer
  // (|h_j| ≤ 2^46 + n, so |key| < 2^53), so its least value is the steepest move with ties to the
  // lowest rank, and it is negative exactly when σ_j h_j < 0. The move reported is the rank.
  int steepest() const {
    Double8 m;
    keys(m);
    static_assert(kWidth == 8);
    const double a = m[4] < m[0] ? m[4] : m[0], b = m[5] < m[1] ? m[5] : m[1];
    const double c = m[6] < m[2] ? m[6] : m[2], d = m[7] < m[3] ? m[7] : m[3];
    const double ac = c < a ? c : a, bd = d < b ? d : b;
    const double least = bd < ac ? bd : ac;
    return move_of(least);
  }
  // The move a least key stands for (see steepest()), −1 at a local minimum.
  static int move_of(double least) {
    if (least >= 0) return -1;
    return static_cast<int>(static_cast<std::int64_t>(least) & static_cast<std::int64_t>(kKeyScale - 1));
  }
  std::uint64_t configuration() const { return configuration_; }
  double field(std::size_t i) const { return h_[i / kWidth][i % kWidth]; }

 private:
  static_assert(kMaxLanes <= kKeyScale);
  const PaddedCouplings* c_;
  std::uint64_t configuration_;
  Double8 h_[Vectors];
  Double8 s_[Vectors];     // 64 σ_j (σ = +1 in padding lanes)
  Double8 lane_[Vectors];  // rank[j]: the tie-break in the key, and the move reported for lane j
};
using GrayWalk = GrayWalkOf<4>;       // up to 32 actors
using WideGrayWalk = GrayWalkOf<5>;   // up to 40

// The least lane of each of eight key vectors (walk.keys() of eight configurations), as one vector:
// lane i is the least of m[i]. Three rounds of two-vector shuffles and minima, 21 instructions for
// the eight instead of six for each alone. Every key is a distinct exact integer, so the order in
// which minima are taken does not matter.
inline void least_of_eight(const Double8 (&m)[8], Double8& least) {
  Double8 pairs[4], quads[2], a, b;
  for (int p = 0; p < 4; ++p) {  // lanes 0..3: m[2p] folded in halves; 4..7: m[2p + 1]
    a = __builtin_shufflevector(m[2 * p], m[2 * p + 1], 0, 1, 2, 3, 8, 9, 10, 11);
    b = __builtin_shufflevector(m[2 * p], m[2 * p + 1], 4, 5, 6, 7, 12, 13, 14, 15);
    pairs[p] = a < b ? a : b;
  }
  for (int p = 0; p < 2; ++p) {  // two lanes for each of m[4p], ..., m[4p + 3]
    a = __builtin_shufflevector(pairs[2 * p], pairs[2 * p + 1], 0, 1, 4, 5, 8, 9, 12, 13);
    b = __builtin_shufflevector(pairs[2 * p], pairs[2 * p + 1], 2, 3, 6, 7, 10, 11, 14, 15);
    quads[p] = a < b ? a : b;
  }
  a = __builtin_shufflevector(quads[0], quads[1], 0, 2, 4, 6, 8, 10, 12, 14);
  b = __builtin_shufflevector(quads[0], quads[1], 1, 3, 5, 7, 9, 11, 13, 15);
  least = a < b ? a : b;
}

// The lane j of keys 64 g + j (g a whole number, |key| < 2^53), as vector arithmetic: a vector
// conversion to integers needs AVX-512 DQ, which the search's AVX-512 build does not assume. Every
// operation is exact: x = key / 64 = g + j / 64; x rounded to a whole number r by adding and
// taking away 1.5 × 2^52; 64 (x − r) = j or j − 64, in [−32, 32]; adding 2^52 + 64 puts that plus
// 64 in the low bits of the mantissa, whose last six bits are then j.
[[gnu::always_inline]] inline void lane_of_key(const Double8& key, Int64x8& lane) {
  constexpr double kRound = 0x1.8p52, kLowBits = 0x1p52 + 64;
  const Double8 x = key * (1.0 / 64);
  const Double8 r = (x + kRound) - kRound;
  const Double8 low = (x - r) * 64 + kLowBits;
  lane = reinterpret_cast<Int64x8>(low) & 63;
}

// The configuration reached by moving actor `move` (n − 1: the mirror of moving everyone else).
inline std::uint64_t after_move(std::uint64_t configuration, unsigned move, std::size_t n) {
  const std::uint64_t free_mask = (std::uint64_t{1} << (n - 1)) - 1;
  return move + 1 == n ? configuration ^ free_mask : configuration ^ (std::uint64_t{1} << move);
}

}  // namespace entente::landscape
