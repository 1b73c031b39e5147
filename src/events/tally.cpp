#include "tally.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "entente/events/cameo.hpp"

namespace entente::events::detail {
namespace {

// Codes of two to four digits keyed as length × 10000 + value ("01" and "010" differ).
struct CodeIndexTable {
  std::array<std::int16_t, 50000> index;
  std::vector<int> tenths;
  CodeIndexTable() {
    index.fill(-1);
    const auto codes = event_codes();
    for (std::size_t i = 0; i < codes.size(); ++i) {
      tenths.push_back(static_cast<int>(std::lround(codes[i].goldstein * 10)));
      int value = 0;
      for (char c : codes[i].code) value = value * 10 + (c - '0');
      index[codes[i].code.size() * 10000 + value] = static_cast<std::int16_t>(i);
    }
  }
};

std::vector<CodeCount> sorted_counts(const std::unordered_map<std::string, std::int64_t>& counts) {
  std::vector<CodeCount> out;
  out.reserve(counts.size());
  for (const auto& [code, rows] : counts) out.push_back({code, rows});
  std::sort(out.begin(), out.end(),
            [](const CodeCount& a, const CodeCount& b) { return a.rows != b.rows ? a.rows > b.rows : a.code < b.code; });
  return out;
}

// A cell's identity, ordered as the cells are sorted: period (25 bits), source, target (10 each).
std::uint64_t cell_key(int period_start, int source, int target) noexcept {
  return static_cast<std::uint64_t>(period_start) << 20 | static_cast<std::uint64_t>(source) << 10 |
         static_cast<std::uint64_t>(target);
}
std::uint64_t cell_key(const DyadPeriod& c) noexcept { return cell_key(c.period_start, c.source, c.target); }

const CodeIndexTable& code_index_table() {
  static const CodeIndexTable table;
  return table;
}

}  // namespace

int goldstein_tenths(int index) noexcept { return code_index_table().tenths[static_cast<std::size_t>(index)]; }

int event_code_index(std::string_view code) noexcept {
  const auto& table = code_index_table();
  if (code.size() < 2 || code.size() > 4) return -1;
  int value = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return table.index[code.size() * 10000 + value];
}

Tally::Tally(const AggregateOptions& options) : options_(options) {
  for (int c : options.actors)
    if (c >= 0 && c < 1024) chosen_.set(static_cast<std::size_t>(c));
}

void Tally::add(const Event& e) {
  const Side* sides[] = {&e.source, &e.target};
  if (e.source.no_country || e.target.no_country) {
    ++result_.rows_without_country;
    return;
  }
  bool non_state = false, unmapped = false, society = false;
  for (const Side* s : sides) {
    non_state |= s->actor.kind == ActorKind::non_state;
    unmapped |= s->actor.kind == ActorKind::unmapped;
    society |= s->actor.kind == ActorKind::society;
  }
  if (non_state || unmapped) {
    for (const Side* s : sides) {
      if (s->actor.kind == ActorKind::non_state) count_code(non_state_, *s);
      if (s->actor.kind == ActorKind::unmapped) count_code(unmapped_actor_, *s);
    }
    ++(non_state ? result_.rows_non_state : result_.rows_unmapped_actor);
    return;
  }
  if (society && options_.scope == ActorScope::state) {
    ++result_.rows_society;
    return;
  }
  const int source = e.source.actor.ccode, target = e.target.actor.ccode;
  if (source == target) {
    ++result_.rows_same_state;
    return;
  }
  if (!options_.actors.empty() && !(chosen_.test(static_cast<std::size_t>(source)) && chosen_.test(static_cast<std::size_t>(target)))) {
    ++result_.rows_other_actors;
    return;
  }
  const int code = e.code_unmapped ? -1 : event_code_index(e.code);
  if (code < 0) {
    ++result_.rows_unmapped_event_code;
    ++unmapped_code_[std::string(e.code)];
    return;
  }
  ++rows_passed_;
  if (first_date_ == 0 || e.date < first_date_) first_date_ = e.date;
  if (e.date > last_date_) last_date_ = e.date;
  if (!options_.dedupe) {
    add_to_cell(e.date, source, target, code, e.mentions);
    return;
  }
  // date (25 bits) | source (10) | target (10) | code (9): the event's identity for one-a-day.
  const std::uint64_t key = static_cast<std::uint64_t>(e.date) << 29 | static_cast<std::uint64_t>(source) << 19 |
                            static_cast<std::uint64_t>(target) << 9 | static_cast<std::uint64_t>(code);
  const auto i = event_index_.find_or_add(key, static_cast<std::uint32_t>(event_keys_.size()));
  if (i == event_keys_.size()) {
    event_keys_.push_back(key);
    event_mentions_.push_back(e.mentions);
  } else {
    event_mentions_[i] = std::max(event_mentions_[i], e.mentions);
  }
}

void Tally::add_to_cell(int date, int source, int target, int code_index, std::int64_t mentions) {
  if (!options_.directed && target < source) std::swap(source, target);
  const int start = period_start(date, options_.period);
  const auto i = cell_index_.find_or_add(cell_key(start, source, target), static_cast<std::uint32_t>(cells_.size()));
  if (i == cells_.size()) cells_.push_back({DyadPeriod{start, source, target}});
  Cell& c = cells_[i];
  const int tenths = goldstein_tenths(code_index);
  ++c.cell.events;
  ++c.cell.quad_events[static_cast<std::size_t>(event_codes()[static_cast<std::size_t>(code_index)].quad)];
  c.goldstein_tenths += tenths;
  c.cell.mentions += mentions;
  c.goldstein_mention_tenths += tenths * mentions;
}

void Tally::merge(Tally&& other) {
  auto& r = result_;
  const auto& o = other.result_;
  r.coverage.rows_read += o.coverage.rows_read;
  r.rows_bad += o.rows_bad;
  r.rows_without_country += o.rows_without_country;
  r.rows_non_state += o.rows_non_state;
  r.rows_unmapped_actor += o.rows_unmapped_actor;
  r.rows_society += o.rows_society;
  r.rows_same_state += o.rows_same_state;
  r.rows_other_actors += o.rows_other_actors;
  r.rows_unmapped_event_code += o.rows_unmapped_event_code;
  rows_passed_ += other.rows_passed_;
  if (other.first_date_ != 0 && (first_date_ == 0 || other.first_date_ < first_date_)) first_date_ = other.first_date_;
  last_date_ = std::max(last_date_, other.last_date_);
  for (const auto& [k, n] : other.unmapped_actor_) unmapped_actor_[k] += n;
  for (const auto& [k, n] : other.non_state_) non_state_[k] += n;
  for (const auto& [k, n] : other.unmapped_code_) unmapped_code_[k] += n;
  for (const auto& theirs : other.cells_) {
    const auto& c = theirs.cell;
    const auto i = cell_index_.find_or_add(cell_key(c), static_cast<std::uint32_t>(cells_.size()));
    if (i == cells_.size()) {
      cells_.push_back(theirs);
      continue;
    }
    Cell& d = cells_[i];
    d.cell.events += c.events;
    for (std::size_t q = 0; q < c.quad_events.size(); ++q) d.cell.quad_events[q] += c.quad_events[q];
    d.goldstein_tenths += theirs.goldstein_tenths;
    d.cell.mentions += c.mentions;
    d.goldstein_mention_tenths += theirs.goldstein_mention_tenths;
  }
  // The other tally's cells are no longer needed: give their memory back before the next merge.
  std::vector<Cell>().swap(other.cells_);
  other.cell_index_ = FlatIndex();
  for (std::size_t j = 0; j < other.event_keys_.size(); ++j) {
    const auto i = event_index_.find_or_add(other.event_keys_[j], static_cast<std::uint32_t>(event_keys_.size()));
    if (i == event_keys_.size()) {
      event_keys_.push_back(other.event_keys_[j]);
      event_mentions_.push_back(other.event_mentions_[j]);
    } else {
      event_mentions_[i] = std::max(event_mentions_[i], other.event_mentions_[j]);
    }
  }
}

AggregateResult Tally::finish() {
  for (std::size_t j = 0; j < event_keys_.size(); ++j) {
    const auto key = event_keys_[j];
    add_to_cell(static_cast<int>(key >> 29), static_cast<int>(key >> 19 & 1023), static_cast<int>(key >> 9 & 1023),
                static_cast<int>(key & 511), event_mentions_[j]);
  }
  result_.rows_duplicate = options_.dedupe ? rows_passed_ - static_cast<std::int64_t>(event_keys_.size()) : 0;
  std::vector<std::uint64_t>().swap(event_keys_);
  std::vector<std::int64_t>().swap(event_mentions_);
  event_index_ = FlatIndex();
  cell_index_ = FlatIndex();
  AggregateResult r = std::move(result_);
  // Sorted by (period, source, target) as one 64-bit key per cell, keys being unique: sorting the
  // 16-byte pairs moves far less memory than sorting the cells themselves.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
  order.reserve(cells_.size());
  for (std::size_t i = 0; i < cells_.size(); ++i) order.emplace_back(cell_key(cells_[i].cell), static_cast<std::uint32_t>(i));
  std::sort(order.begin(), order.end());
  r.cells.reserve(cells_.size());
  for (const auto& [key, i] : order) {
    auto& c = cells_[i];
    c.cell.goldstein_sum = static_cast<double>(c.goldstein_tenths) / 10;
    c.cell.goldstein_mention_sum = static_cast<double>(c.goldstein_mention_tenths) / 10;
    r.cells.push_back(c.cell);
  }
  std::vector<Cell>().swap(cells_);
  r.coverage.first_date = first_date_;
  r.coverage.last_date = last_date_;
  r.coverage.rows_used = rows_passed_ - r.rows_duplicate;
  r.unmapped_actor_codes = sorted_counts(unmapped_actor_);
  r.non_state_actor_codes = sorted_counts(non_state_);
  r.unmapped_event_codes = sorted_counts(unmapped_code_);
  return r;
}

}  // namespace entente::events::detail
