#pragma once
// What one worker thread has counted: cells by key, the reasons rows were left out, and the codes
// that could not be mapped. Each thread fills its own; they are merged once at the end.
#include <bit>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/events/actors.hpp"
#include "entente/events/aggregate.hpp"

namespace entente::events::detail {

// Open addressing from a non-zero 64-bit key to an index, for the per-row hot path; key and
// index side by side, so a lookup touches one cache line.
class FlatIndex {
 public:
  FlatIndex() { rehash(1 << 12); }
  // The index stored for `key`, or `fresh` after storing it.
  std::uint32_t find_or_add(std::uint64_t key, std::uint32_t fresh) {
    if (2 * (size_ + 1) > slots_.size()) rehash(2 * slots_.size());
    std::size_t i = slot(key);
    while (slots_[i].key != 0) {
      if (slots_[i].key == key) return slots_[i].value;
      i = (i + 1) & mask_;
    }
    slots_[i] = {key, fresh};
    ++size_;
    return fresh;
  }

 private:
  struct Slot {
    std::uint64_t key;
    std::uint32_t value;
  };
  std::size_t slot(std::uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift_; }
  void rehash(std::size_t capacity) {
    std::vector<Slot> old(capacity, Slot{0, 0});
    old.swap(slots_);
    mask_ = capacity - 1;
    shift_ = 64 - static_cast<int>(std::bit_width(capacity) - 1);
    for (const auto& s : old) {
      if (s.key == 0) continue;
      std::size_t j = slot(s.key);
      while (slots_[j].key != 0) j = (j + 1) & mask_;
      slots_[j] = s;
    }
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0, size_ = 0;
  int shift_ = 64;
};

// One side of an event as a reader found it.
struct Side {
  Actor actor;
  std::string_view code;  // the code as written, for the report of unmapped and non-state codes
  bool no_country = false;
};

struct Event {
  int date = 0;  // yyyymmdd, valid
  Side source, target;
  std::string_view code;  // CAMEO event code as written
  std::int64_t mentions = 0;
  bool code_unmapped = false;  // the format rules the code out though the table lists it
};

// Index into event_codes() of a code, -1 when the table does not list it.
int event_code_index(std::string_view code) noexcept;
// The Goldstein score of event_codes()[index] in tenths.
int goldstein_tenths(int index) noexcept;

class Tally {
 public:
  explicit Tally(const AggregateOptions& options);
  void add(const Event& e);
  void count_bad_row() { ++result_.rows_bad; }
  void count_row() { ++result_.coverage.rows_read; }
  // Adds another thread's tally to this one.
  void merge(Tally&& other);
  // The cells, sorted, and the counts; call once, after every merge.
  AggregateResult finish();

 private:
  void add_to_cell(int date, int source, int target, int code_index, std::int64_t mentions);
  void count_code(std::unordered_map<std::string, std::int64_t>& counts, const Side& s) {
    ++counts[std::string(s.code)];
  }

  const AggregateOptions& options_;
  std::bitset<1024> chosen_;
  AggregateResult result_;
  int first_date_ = 0, last_date_ = 0;
  // Goldstein scores have one decimal: sums are kept in tenths, as integers, so that they do not
  // depend on the order rows arrive in (which thread, which block).
  struct Cell {
    DyadPeriod cell;
    std::int64_t goldstein_tenths = 0, goldstein_mention_tenths = 0;
  };
  FlatIndex cell_index_;
  std::vector<Cell> cells_;
  // With de-duplication: each distinct (date, source, target, code) and the most mentions it had.
  FlatIndex event_index_;
  std::vector<std::uint64_t> event_keys_;
  std::vector<std::int64_t> event_mentions_;
  std::int64_t rows_passed_ = 0;  // rows that passed every filter (before de-duplication)
  std::unordered_map<std::string, std::int64_t> unmapped_actor_, non_state_, unmapped_code_;
};

}  // namespace entente::events::detail
