// Exact landscape analysis: every one of the 2^(n−1) configurations, in two passes over one byte each.
//
// Phase 1 walks the configurations in Gray-code order (one actor changes side per step, the local
// fields follow in O(n)) and stores for each its steepest-descent move, or a mark for a local minimum.
// Phase 2 follows each configuration's moves to its minimum and writes the minimum's label back over
// the moves along the path, so each configuration is resolved once and later paths stop at the
// first labelled configuration. Labels fit in the byte itself when there are at most 214 minima;
// otherwise they go to a side array (2 or 4 bytes per configuration).
//
// Both phases split the configurations into blocks (the top bits) handed to worker threads. In phase 1
// blocks are disjoint; in phase 2 two paths may cross the same configuration, so its byte is read and
// written through std::atomic_ref (a label, once written, is the same whoever writes it).
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "entente/landscape/fields.hpp"
#include "search.hpp"

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ENTENTE_THREAD_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define ENTENTE_THREAD_SANITIZER 1
#endif
// AVX-512, AVX2 and baseline builds of the walk, one chosen at load time by the CPU. Not under
// ThreadSanitizer, whose runtime is not ready when the loader calls the choosing function (ifunc).
#if defined(__x86_64__) && defined(__has_attribute) && !defined(ENTENTE_THREAD_SANITIZER)
#if __has_attribute(target_clones)
#define ENTENTE_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#endif
#endif
#ifndef ENTENTE_VECTOR_CLONES
#define ENTENTE_VECTOR_CLONES
#endif

namespace entente::landscape {
namespace {

constexpr std::uint8_t kResolvedBase = 40;  // bytes below are moves (n ≤ 40), from here resolved
constexpr std::uint8_t kInSideArray = 254;  // resolved; the label is in the side array
constexpr std::uint8_t kMinimumMark = 255;  // phase 1: a local minimum, not yet labelled
constexpr std::size_t kByteLabels = kInSideArray - kResolvedBase;  // 214 labels fit in the byte

// An anonymous mapping of ordinary pages, filled in by `threads` workers before use (Linux's
// MADV_POPULATE_WRITE): the kernel then zeroes the pages in long runs instead of one page fault at
// a time in the middle of phase 1, which at 34 actors (8 GiB) cost 14 s of system time against
// about 7 s (docs/benchmarks.md). Where the call is missing or refused the pages fault in as used.
// Transparent huge pages (madvise MADV_HUGEPAGE) would make phase 2's random reads miss the TLB less
// often, but on the virtual machines this is measured on the kernel hands them out ten times more
// slowly: 13.2 s of system time for 2 GiB against 1.4 s for ordinary pages, and at 32 actors the
// whole search took 12–15 s of CPU more with them than without (docs/benchmarks.md). Small instances
// (an ensemble analyses thousands of them) take zeroed heap memory instead: a mapping per call costs
// more than the work.
template <class T>
class Mapped {
 public:
  Mapped(std::uint64_t count, unsigned threads) : bytes_(count * sizeof(T)) {
    if (bytes_ < kSmall) {
      heap_ = std::make_unique<T[]>(count);
      data_ = heap_.get();
      return;
    }
    void* p = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    data_ = static_cast<T*>(p);
#ifdef MADV_POPULATE_WRITE
    constexpr std::size_t kChunk = std::size_t{64} << 20;
    char* bytes = static_cast<char*>(p);
    core::parallel_for((bytes_ + kChunk - 1) / kChunk, threads, [&](unsigned, std::uint64_t k) {
      const std::size_t from = k * kChunk;
      madvise(bytes + from, std::min(kChunk, bytes_ - from), MADV_POPULATE_WRITE);  // a refusal only defers the work
    });
#endif
  }
  ~Mapped() {
    if (!heap_) munmap(data_, bytes_);
  }
  Mapped(const Mapped&) = delete;
  Mapped& operator=(const Mapped&) = delete;
  T* data() const { return data_; }

 private:
  static constexpr std::size_t kSmall = std::size_t{1} << 20;
  std::size_t bytes_;
  std::unique_ptr<T[]> heap_;
  T* data_ = nullptr;
};

// Phase 1 for one block: the configurations base | gray(t), t < 2^bits. Eight configurations at a
// time: their key vectors are reduced together (least_of_eight) and their bytes made in one vector,
// and a local minimum among them (rare) is found by the high bit of its byte.
template <class Walk>
[[gnu::always_inline]] inline void classify(const PaddedCouplings& c, std::uint64_t base, unsigned bits,
                                            std::uint8_t* moves, std::vector<std::uint64_t>& minima) {
  static_assert(kMinimumMark & 0x80 && kResolvedBase <= 0x80, "moves have the high bit clear, the mark has it set");
  using Bytes8 = std::uint8_t __attribute__((vector_size(kWidth)));
  Walk walk(c, base);
  const std::uint64_t count = std::uint64_t{1} << bits;
  std::uint64_t t = 1;  // configurations done so far + 1; the next flip is countr_zero(t)
  for (; t + 8 <= count; t += 8) {
    Double8 keys[8];
    std::uint64_t at[8];
#pragma GCC unroll 8
    for (int i = 0; i < 8; ++i) {
      walk.keys(keys[i]);
      at[i] = walk.configuration();
      walk.flip(static_cast<unsigned>(std::countr_zero(t + static_cast<std::uint64_t>(i))));
    }
    Double8 least;
    least_of_eight(keys, least);
    Int64x8 lane;
    lane_of_key(least, lane);
    const Int64x8 byte = least >= 0 ? Int64x8{} + kMinimumMark : lane;
    const Bytes8 packed = __builtin_convertvector(byte, Bytes8);
    std::uint64_t word;
    std::memcpy(&word, &packed, sizeof word);
    for (int i = 0; i < 8; ++i) moves[at[i]] = static_cast<std::uint8_t>(word >> (8 * i));
    if (word & 0x8080808080808080ull) [[unlikely]]
      for (int i = 0; i < 8; ++i)
        if (packed[i] == kMinimumMark) minima.push_back(at[i]);
  }
  // The last configurations one at a time (all of them when the block has fewer than eight).
  for (;; ++t) {
    const int move = walk.steepest();
    const std::uint64_t x = walk.configuration();
    if (move < 0) {
      moves[x] = kMinimumMark;
      minima.push_back(x);
    } else {
      moves[x] = static_cast<std::uint8_t>(move);
    }
    if (t == count) break;
    walk.flip(static_cast<unsigned>(std::countr_zero(t)));
  }
}
// One build per walk width, each cloned for the CPU's vector units (target_clones does not take
// templates, so the template is inlined into plain functions).
ENTENTE_VECTOR_CLONES
void classify_block(const PaddedCouplings& c, std::uint64_t base, unsigned bits, std::uint8_t* moves,
                    std::vector<std::uint64_t>& minima) {
  classify<GrayWalk>(c, base, bits, moves, minima);
}
ENTENTE_VECTOR_CLONES
void classify_wide_block(const PaddedCouplings& c, std::uint64_t base, unsigned bits, std::uint8_t* moves,
                         std::vector<std::uint64_t>& minima) {
  classify<WideGrayWalk>(c, base, bits, moves, minima);
}

// Labels in the move bytes themselves.
struct ByteLabels {
  std::uint8_t* moves;
  std::uint8_t byte(std::uint64_t x) const {
    return std::atomic_ref<std::uint8_t>(moves[x]).load(std::memory_order_relaxed);
  }
  std::uint32_t label(std::uint64_t, std::uint8_t byte) const { return byte - kResolvedBase; }
  void set(std::uint64_t x, std::uint32_t label) const {
    std::atomic_ref<std::uint8_t>(moves[x]).store(static_cast<std::uint8_t>(kResolvedBase + label),
                                                  std::memory_order_relaxed);
  }
};

// Labels in a side array; the byte says "resolved" only after the label is stored (release/acquire).
template <class T>
struct SideLabels {
  std::uint8_t* moves;
  T* side;
  std::uint8_t byte(std::uint64_t x) const {
    return std::atomic_ref<std::uint8_t>(moves[x]).load(std::memory_order_acquire);
  }
  std::uint32_t label(std::uint64_t x, std::uint8_t) const {
    return std::atomic_ref<T>(side[x]).load(std::memory_order_relaxed);
  }
  void set(std::uint64_t x, std::uint32_t label) const {
    std::atomic_ref<T>(side[x]).store(static_cast<T>(label), std::memory_order_relaxed);
    std::atomic_ref<std::uint8_t>(moves[x]).store(kInSideArray, std::memory_order_release);
  }
};

// Phase 2 for configurations [from, to): every one ends resolved, and each is counted in its
// basin as it is passed (count: kCounters counters per minimum, side by side, so that neighbours
// with the same label do not wait on each other's increment). Configurations are taken
// in order, and a path stops at the first resolved configuration, so neighbours share the work: a
// descent from x often passes through x + 1, x + 2, ..., which are then skipped. (Keeping several
// paths in flight to overlap memory waits was measured slower: neighbouring paths in flight at
// once merge and walk the same configurations twice.)
// (Fetching the first step of a configuration 16 places ahead into the cache early was measured
// slower too.)
constexpr std::size_t kCounters = 4;
template <class Labels>
void resolve_block(const Labels& labels, std::uint64_t from, std::uint64_t to, std::size_t n,
                   const std::uint8_t* position, std::uint64_t* count) {
  constexpr std::size_t kShort = 64;  // longer descents spill into a vector
  std::uint64_t path[kShort];
  std::vector<std::uint64_t> more;
  for (std::uint64_t x = from; x < to; ++x) {
    std::uint8_t b = labels.byte(x);
    std::uint32_t label;
    if (b >= kResolvedBase) {  // resolved by an earlier path
      label = labels.label(x, b);
    } else {
      std::size_t length = 0;
      more.clear();
      std::uint64_t at = x;
      do {
        if (length < kShort) path[length] = at;
        else more.push_back(at);
        ++length;
        at = after_move(at, position[b], n);
        b = labels.byte(at);
      } while (b < kResolvedBase);
      label = labels.label(at, b);
      for (std::size_t i = 0; i < std::min(length, kShort); ++i) labels.set(path[i], label);
      for (std::uint64_t y : more) labels.set(y, label);
    }
    ++count[label * kCounters + x % kCounters];  // a shift, not a multiply
  }
}

// Phase 2 over all configurations; the basin sizes are the counts of each label.
template <class Labels>
std::vector<std::uint64_t> resolve_all(const Labels& labels, std::uint64_t configurations, std::size_t n,
                                       const std::uint8_t* position, unsigned threads, std::size_t minima) {
  const std::uint64_t block = std::min<std::uint64_t>(configurations, std::uint64_t{1} << 16);
  const std::uint64_t blocks = configurations / block;
  std::vector<std::vector<std::uint64_t>> counts(threads, std::vector<std::uint64_t>(kCounters * minima, 0));
  core::parallel_for(blocks, threads, [&](unsigned worker, std::uint64_t k) {
    resolve_block(labels, k * block, (k + 1) * block, n, position, counts[worker].data());
  });
  std::vector<std::uint64_t> basins(minima, 0);
  for (const auto& c : counts)
    for (std::size_t i = 0; i < c.size(); ++i) basins[i / kCounters] += c[i];
  return basins;
}

std::uint64_t physical_memory() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page) : 0;
}

template <class T>
std::vector<std::uint64_t> resolve_in_side_array(std::uint8_t* moves, const std::vector<std::uint64_t>& minima,
                                                 std::uint64_t configurations, std::size_t n,
                                                 const std::uint8_t* position, unsigned threads) {
  std::optional<Mapped<T>> side;
  try {
    // The move bytes and the side array together within half the machine's memory: a mapping
    // larger than that may be granted and then fail as it is touched, with no error to report.
    if ((configurations * (1 + sizeof(T))) > physical_memory() / 2) throw std::bad_alloc();
    side.emplace(configurations, threads);
  } catch (const std::bad_alloc&) {
    throw std::runtime_error(fmt::format("not enough memory for the labels of {} local minima over {} configurations; "
                                         "use the heuristic",
                                         minima.size(), configurations));
  }
  const SideLabels<T> labels{moves, side->data()};
  for (std::size_t m = 0; m < minima.size(); ++m) labels.set(minima[m], static_cast<std::uint32_t>(m));
  return resolve_all(labels, configurations, n, position, threads, minima.size());
}

// The order of the actors in a configuration's bits: the actors with the least coupling (row sum
// of |J|) in the low bits, the most in the high bits. A steepest move is most often one of the
// most coupled actors' (ΔE_i is at most twice actor i's row sum), so with them in the high bits the
// descents from neighbouring configurations x, x + 1, x + 2, ... (taken in that order in phase 2)
// lead to neighbouring configurations too, which share cache lines and pages. The tie-break between
// equally steep moves stays the actor's own index (PaddedCouplings::rank), so the descents, and
// with them the basins, do not depend on this order.
std::vector<std::size_t> enumeration_order(const Couplings& c) {
  std::vector<double> row(c.n, 0.0);
  for (std::size_t a = 0; a < c.n; ++a)
    for (std::size_t b = 0; b < c.n; ++b) row[a] += std::fabs(c.at(a, b));
  std::vector<std::size_t> order(c.n);
  for (std::size_t a = 0; a < c.n; ++a) order[a] = a;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return row[a] < row[b]; });
  return order;
}

Couplings permuted(const Couplings& c, const std::vector<std::size_t>& order) {
  Couplings p = c;
  for (std::size_t a = 0; a < c.n; ++a)
    for (std::size_t b = 0; b < c.n; ++b) p.j[a * c.n + b] = c.at(order[a], order[b]);
  return p;
}

void check_size(std::size_t n) {
  if (n <= kExactActors) return;
  const std::string use_heuristic =
      "use the heuristic instead (random-restart steepest descent: entente landscape --method heuristic "
      "--starts N --seed S; landscape::heuristic in the library)";
  if (n > kExactActorsMax)
    throw std::invalid_argument(fmt::format("{} actors are too many for exact analysis, which enumerates all "
                                            "2^(n-1) configurations and stops at {} actors; {}",
                                            n, kExactActorsMax, use_heuristic));
  // One byte per configuration; labels for more than 214 minima need a side array of 2 bytes per
  // configuration more, checked when it is needed (resolve_in_side_array).
  const std::uint64_t need = std::uint64_t{1} << (n - 1);
  const std::uint64_t physical = physical_memory();
  if (need > physical / 2)
    throw std::invalid_argument(fmt::format("exact analysis of {} actors needs about {} GiB, more than half of this "
                                            "machine's memory ({} GiB); {}",
                                            n, need >> 30, physical >> 30, use_heuristic));
}

}  // namespace

Landscape exact(const Instance& instance, const ExactOptions& options) {
  check(instance);
  const std::size_t n = instance.n();
  check_size(n);
  const std::uint64_t configurations = std::uint64_t{1} << (n - 1);
  const unsigned free_bits = static_cast<unsigned>(n - 1);
  // The actors' order in a configuration's bits (enumeration_order) and back.
  const Couplings quantised = quantise(instance);
  const std::vector<std::size_t> order = enumeration_order(quantised);
  PaddedCouplings couplings = pad(permuted(quantised, order));
  std::uint8_t position[kMaxLanes] = {};  // position[actor]: the actor's bit
  for (std::size_t k = 0; k < n; ++k) {
    couplings.rank[k] = static_cast<double>(order[k]);
    position[order[k]] = static_cast<std::uint8_t>(k);
  }

  // Blocks of the top bits: enough of them that two workers stay busy to the end. A small
  // instance is one block: each block starts its own walk, whose set-up would outweigh it.
  const unsigned top_bits = configurations < (1u << 14) ? 0u : std::min(free_bits, 8u);
  const unsigned low_bits = free_bits - top_bits;
  const std::uint64_t blocks = std::uint64_t{1} << top_bits;
  const unsigned threads = core::worker_count(configurations < (1u << 14) ? 1 : options.threads, blocks);

  Mapped<std::uint8_t> moves(configurations, threads);
  std::vector<std::vector<std::uint64_t>> found(threads);
  core::parallel_for(blocks, threads, [&](unsigned worker, std::uint64_t k) {
    if (n <= GrayWalk::kLanes)
      classify_block(couplings, k << low_bits, low_bits, moves.data(), found[worker]);
    else
      classify_wide_block(couplings, k << low_bits, low_bits, moves.data(), found[worker]);
  });
  std::vector<std::uint64_t> minima;
  for (auto& f : found) minima.insert(minima.end(), f.begin(), f.end());
  std::sort(minima.begin(), minima.end());

  std::vector<std::uint64_t> basins;
  if (minima.size() <= kByteLabels) {
    const ByteLabels labels{moves.data()};
    for (std::size_t m = 0; m < minima.size(); ++m) labels.set(minima[m], static_cast<std::uint32_t>(m));
    basins = resolve_all(labels, configurations, n, position, threads, minima.size());
  } else if (minima.size() <= 0xFFFF) {
    basins = resolve_in_side_array<std::uint16_t>(moves.data(), minima, configurations, n, position, threads);
  } else {
    basins = resolve_in_side_array<std::uint32_t>(moves.data(), minima, configurations, n, position, threads);
  }

  Landscape out;
  out.configurations = configurations;
  for (std::size_t m = 0; m < minima.size(); ++m) {
    Alignment sides(n, 0);
    for (std::size_t k = 0; k + 1 < n; ++k) sides[order[k]] = static_cast<std::uint8_t>((minima[m] >> k) & 1u);
    Minimum min;
    min.sides = normalised(std::move(sides));
    min.energy = energy(instance, min.sides);
    min.basin = basins[m];
    min.share = static_cast<double>(basins[m]) / static_cast<double>(configurations);
    out.minima.push_back(std::move(min));
  }
  detail::sort_minima(out.minima);
  return out;
}

}  // namespace entente::landscape
