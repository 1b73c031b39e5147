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
struct PaddedCouplings {
  std::size_t n = 0;
  Double8 j[kMaxLanes * kMaxVectors] = {};  // row k (kMaxVectors vectors): J_kj for j < n, zeros after
  double at(std::size_t a, std::size_t b) const { return j[a * kMaxVectors + b / kWidth][b % kWidth]; }
};
PaddedCouplings pad(const Couplings& c);

template <std::size_t Vectors>
class GrayWalkOf {
 public:
  static constexpr std::size_t kLanes = Vectors * kWidth;
  static_assert(Vectors <= kMaxVectors);
  // Starts at `configuration` with fields computed directly. Defined here so that the walk never
  // escapes its caller's frame and its vectors can live in registers.
  GrayWalkOf(const PaddedCouplings& c, std::uint64_t configuration) : c_(&c), configuration_(configuration) {
    for (std::size_t k = 0; k < kLanes; ++k) {
      const bool side1 = k + 1 < c.n && ((configuration >> k) & 1u);
      s_[k / kWidth][k % kWidth] = side1 ? -kKeyScale : kKeyScale;
      lane_[k / kWidth][k % kWidth] = static_cast<double>(k);
      double h = 0;
      for (std::size_t j = 0; j + 1 < c.n; ++j)
        h += c.at(k, j) * ((configuration >> j) & 1u ? -1.0 : 1.0);
      if (c.n > 0) h += c.at(k, c.n - 1);                  // the last actor, on side 0
      h_[k / kWidth][k % kWidth] = k < c.n ? h : 0x1p47;  // padding: key 2^53 + k, never the least
    }
  }
  // Free actor `bit` (< n − 1) changes side: h_j += 2 σ_bit' J_j,bit for every j, O(n).
  void flip(unsigned bit) {
    // Whole-vector updates at fixed positions only, so that the walk's vectors stay in registers
    // (an element picked by a run-time index would send them through memory on every step).
    configuration_ ^= std::uint64_t{1} << bit;
    const double step = (configuration_ >> bit) & 1u ? -2.0 : 2.0;  // 2σ after the move
    const double which = static_cast<double>(bit);
    const Double8* row = c_->j + bit * kMaxVectors;
    for (std::size_t q = 0; q < Vectors; ++q) {
      s_[q] = lane_[q] == which ? -s_[q] : s_[q];
      h_[q] += step * row[q];
    }
  }
  // The steepest strictly descending move: 0..n−2 a free actor, n−1 the last actor (which equals
  // everyone else moving: the configuration's mirror); −1 at a local minimum. The key
  // 64 σ_j h_j + j is an exact integer (|h_j| ≤ 2^46 + n, so |key| < 2^53), so its least value is
  // the steepest move with ties to the lowest index, and it is negative exactly when σ_j h_j < 0.
  int steepest() const {
    Double8 m = s_[0] * h_[0] + lane_[0];
    for (std::size_t q = 1; q < Vectors; ++q) {
      const Double8 key = s_[q] * h_[q] + lane_[q];
      m = key < m ? key : m;
    }
    static_assert(kWidth == 8);
    const double a = m[4] < m[0] ? m[4] : m[0], b = m[5] < m[1] ? m[5] : m[1];
    const double c = m[6] < m[2] ? m[6] : m[2], d = m[7] < m[3] ? m[7] : m[3];
    const double ac = c < a ? c : a, bd = d < b ? d : b;
    const double least = bd < ac ? bd : ac;
    if (least >= 0) return -1;
    return static_cast<int>(static_cast<std::int64_t>(least) & static_cast<std::int64_t>(kKeyScale - 1));
  }
  std::uint64_t configuration() const { return configuration_; }
  double field(std::size_t i) const { return h_[i / kWidth][i % kWidth]; }

 private:
  static constexpr double kKeyScale = 64;  // a power of two above every lane number
  static_assert(kMaxLanes <= 64);
  const PaddedCouplings* c_;
  std::uint64_t configuration_;
  Double8 h_[Vectors];
  Double8 s_[Vectors];     // 64 σ_j (σ = +1 in padding lanes)
  Double8 lane_[Vectors];  // j: the tie-break in the key, and how flip() finds lane j
};
using GrayWalk = GrayWalkOf<4>;       // up to 32 actors
using WideGrayWalk = GrayWalkOf<5>;   // up to 40

// The configuration reached by moving actor `move` (n − 1: the mirror of moving everyone else).
inline std::uint64_t after_move(std::uint64_t configuration, unsigned move, std::size_t n) {
  const std::uint64_t free_mask = (std::uint64_t{1} << (n - 1)) - 1;
  return move + 1 == n ? configuration ^ free_mask : configuration ^ (std::uint64_t{1} << move);
}

}  // namespace entente::landscape
