#include "alliance_rows.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <fmt/format.h>
#include <map>
#include <stdexcept>
#include <tuple>

namespace entente::store::alliance_rows {

static_assert(std::endian::native == std::endian::little, "packed tables are stored little-endian");
static_assert(evidence::kObligations.size() <= 8, "the obligations fit in a byte");

namespace {

// One decoded group, viewing the statement's BLOBs (valid until the next step).
struct Group {
  std::string_view dataset;
  int year = 0, ccode1 = 0;
  std::string_view ccode2, coded, present, treaties;
  std::vector<std::string_view> treaty_ids;  // per partner, "12;345" (cut from `treaties` when asked)
  std::size_t size() const { return ccode2.size() / sizeof(std::int32_t); }
  int second(std::size_t i) const {
    std::int32_t v;
    std::memcpy(&v, ccode2.data() + i * sizeof v, sizeof v);
    return v;
  }
};

// `with_treaties`: also cut the treaty ids per partner (the panel, which reads every row, needs none).
Group read_group(const sql::Statement& q, bool with_treaties) {
  Group g{q.text_view(0), static_cast<int>(q.integer(1)), static_cast<int>(q.integer(2)),
          q.blob(3), q.blob(4), q.blob(5), q.blob(6), {}};
  for (std::string_view t = with_treaties ? g.treaties : std::string_view(); !t.empty();) {
    const auto end = t.find('\0');
    if (end == std::string_view::npos) break;  // no terminator: counted as damage below
    g.treaty_ids.push_back(t.substr(0, end));
    t.remove_prefix(end + 1);
  }
  if (g.ccode2.size() % sizeof(std::int32_t) != 0 || g.coded.size() != g.size() || g.present.size() != g.size() ||
      (with_treaties && g.treaty_ids.size() != g.size()))
    throw std::runtime_error(fmt::format("alliance_year {} {} {}: the packed columns disagree in length; the store "
                                         "is damaged",
                                         g.dataset, g.year, g.ccode1));
  return g;
}

constexpr const char* kSelect = "SELECT dataset, year, ccode1, ccode2, coded, present, treaties FROM alliance_year";

template <class Visit>
void each_group(const sql::Database& db, int from, int to, bool with_treaties, Visit&& visit) {
  sql::Statement q(db, fmt::format("{} WHERE year BETWEEN ?1 AND ?2 ORDER BY dataset, year, ccode1", kSelect));
  q.bind(1, from).bind(2, to);
  while (q.step()) visit(read_group(q, with_treaties));
}

std::vector<int> split_ids(std::string_view s) {
  std::vector<int> ids;
  while (!s.empty()) {
    const auto end = s.find(';');
    const auto part = s.substr(0, end);
    int id = 0;
    if (!part.empty()) {
      std::from_chars(part.data(), part.data() + part.size(), id);
      ids.push_back(id);
    }
    if (end == std::string_view::npos) break;
    s.remove_prefix(end + 1);
  }
  return ids;
}

std::uint8_t coded_bits(const evidence::AllianceYear& r) {
  std::uint8_t bits = 0;
  for (std::size_t k = 0; k < evidence::kObligations.size(); ++k)
    if (r.obligations[k]) bits = static_cast<std::uint8_t>(bits | (1u << k));
  return bits;
}

std::uint8_t present_bits(const evidence::AllianceYear& r) {
  std::uint8_t bits = 0;
  for (std::size_t k = 0; k < evidence::kObligations.size(); ++k)
    if (r.obligations[k].value_or(false)) bits = static_cast<std::uint8_t>(bits | (1u << k));
  return bits;
}

}  // namespace

void Pending::add(const evidence::AllianceYear& r) {
  auto d = std::find(datasets_.begin(), datasets_.end(), r.dataset);
  if (d == datasets_.end()) d = datasets_.insert(d, r.dataset);
  Item item{static_cast<std::uint32_t>(d - datasets_.begin()), r.year, r.from, r.to, coded_bits(r), present_bits(r),
            static_cast<std::uint32_t>(items_.size()), {}};
  char digits[16];
  for (std::size_t i = 0; i < r.treaties.size(); ++i) {
    if (i) item.treaties += ';';
    item.treaties.append(digits, std::to_chars(digits, digits + sizeof digits, r.treaties[i]).ptr);
  }
  items_.push_back(std::move(item));
}

void Pending::write(sql::Database& db) {
  if (items_.empty()) return;
  // Key order, and among equal keys the latest first, so that the first of each key is kept.
  auto key = [&](const Item& i) { return std::tie(datasets_[i.dataset], i.year, i.from, i.to); };
  std::sort(items_.begin(), items_.end(), [&](const Item& a, const Item& b) {
    const auto ka = key(a), kb = key(b);
    return ka != kb ? ka < kb : a.order > b.order;
  });
  sql::Statement stored(db, fmt::format("{} WHERE dataset = ?1 AND year = ?2 AND ccode1 = ?3", kSelect));
  sql::Statement any(db, "SELECT 1 FROM alliance_year WHERE dataset = ? LIMIT 1");
  sql::Statement insert(db,
                        "INSERT OR REPLACE INTO alliance_year(dataset, year, ccode1, ccode2, coded, present, treaties)"
                        " VALUES (?,?,?,?,?,?,?)");
  std::vector<bool> held(datasets_.size());
  for (std::size_t d = 0; d < datasets_.size(); ++d) {
    held[d] = any.bind(1, datasets_[d]).step();
    any.reset();
  }
  std::string ccode2, coded, present, treaties;
  for (std::size_t first = 0; first < items_.size();) {
    const Item& head = items_[first];
    std::size_t last = first;
    while (last < items_.size() && items_[last].dataset == head.dataset && items_[last].year == head.year &&
           items_[last].from == head.from)
      ++last;
    // The group's rows by second state: the new ones (first of each key), then stored ones not replaced.
    std::map<int, std::tuple<std::uint8_t, std::uint8_t, std::string>> rows;
    for (std::size_t i = first; i < last; ++i)
      rows.try_emplace(items_[i].to, items_[i].coded, items_[i].present, items_[i].treaties);
    if (held[head.dataset]) {
      stored.bind(1, datasets_[head.dataset]).bind(2, head.year).bind(3, head.from);
      if (stored.step()) {
        const Group g = read_group(stored, true);
        for (std::size_t i = 0; i < g.size(); ++i)
          rows.try_emplace(g.second(i), static_cast<std::uint8_t>(g.coded[i]), static_cast<std::uint8_t>(g.present[i]),
                           std::string(g.treaty_ids[i]));
      }
      stored.reset();
    }
    ccode2.clear(), coded.clear(), present.clear(), treaties.clear();
    for (const auto& [to, row] : rows) {
      const std::int32_t v = to;
      ccode2.append(reinterpret_cast<const char*>(&v), sizeof v);
      coded += static_cast<char>(std::get<0>(row));
      present += static_cast<char>(std::get<1>(row));
      treaties += std::get<2>(row);
      treaties += '\0';
    }
    insert.bind(1, datasets_[head.dataset]).bind(2, head.year).bind(3, head.from);
    insert.bind_blob(4, ccode2).bind_blob(5, coded).bind_blob(6, present).bind_blob(7, treaties).run();
    first = last;
  }
  items_.clear();
  datasets_.clear();
}

void for_each(const sql::Database& db, int from, int to, const std::function<void(const AllianceBits&)>& visit) {
  each_group(db, from, to, false, [&](const Group& g) {
    AllianceBits row{g.dataset, g.year, g.ccode1, 0, 0, 0};
    for (std::size_t i = 0; i < g.size(); ++i) {
      row.ccode2 = g.second(i);
      row.coded = static_cast<std::uint8_t>(g.coded[i]);
      row.present = static_cast<std::uint8_t>(g.present[i]);
      visit(row);
    }
  });
}

void for_each_record(const sql::Database& db, int from, int to,
                     const std::function<void(evidence::AllianceYear&&)>& visit) {
  each_group(db, from, to, true, [&](const Group& g) {
    for (std::size_t i = 0; i < g.size(); ++i) {
      evidence::AllianceYear r;
      r.dataset = std::string(g.dataset);
      r.from = g.ccode1;
      r.to = g.second(i);
      r.year = g.year;
      for (std::size_t k = 0; k < evidence::kObligations.size(); ++k)
        if ((static_cast<std::uint8_t>(g.coded[i]) >> k) & 1u)
          r.obligations[k] = ((static_cast<std::uint8_t>(g.present[i]) >> k) & 1u) != 0;
      r.treaties = split_ids(g.treaty_ids[i]);
      visit(std::move(r));
    }
  });
}

long long count(const sql::Database& db) {
  sql::Statement q(db, "SELECT coalesce(sum(length(coded)), 0) FROM alliance_year");
  q.step();
  return q.integer(0);
}

}  // namespace entente::store::alliance_rows
