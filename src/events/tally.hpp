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

// Open addressing from a non-zero 64-bit key to an index, for the per-row hot path.
class FlatIndex {
 public:
  FlatIndex() { rehash(1 << 12); }
  // The index stored for `key`, or `fresh` after storing it.
  std::uint32_t find_or_add(std::uint64_t key, std::uint32_t fresh) {
    if (2 * (size_ + 1) > keys_.size()) rehash(2 * keys_.size());
    std::size_t i = slot(key);
    while (keys_[i] != 0) {
      if (keys_[i] == key) return values_[i];
      i = (i + 1) & mask_;
    }
    keys_[i] = key;
    values_[i] = fresh;
    ++size_;
    return fresh;
  }

 private:
  std::size_t slot(std::uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift_; }
  void rehash(std::size_t capacity) {
    std::vector<std::uint64_t> old_keys(capacity, 0);
    std::vector<std::uint32_t> old_values(capacity, 0);
    old_keys.swap(keys_);
    old_values.swap(values_);
    mask_ = capacity - 1;
    shift_ = 64 - static_cast<int>(std::bit_width(capacity) - 1);
    for (std::size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] == 0) continue;
      std::size_t j = slot(old_keys[i]);
      while (keys_[j] != 0) j = (j + 1) & mask_;
      keys_[j] = old_keys[i];
      values_[j] = old_values[i];
    }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
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
  FlatIndex cell_index_;
  std::vector<DyadPeriod> cells_;
  // With de-duplication: each distinct (date, source, target, code) and the most mentions it had.
  FlatIndex event_index_;
  std::vector<std::uint64_t> event_keys_;
  std::vector<std::int64_t> event_mentions_;
  std::int64_t rows_passed_ = 0;  // rows that passed every filter (before de-duplication)
  std::unordered_map<std::string, std::int64_t> unmapped_actor_, non_state_, unmapped_code_;
};

}  // namespace entente::events::detail
