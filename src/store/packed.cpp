#include "packed.hpp"

#include <bit>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <stdexcept>
#include <string>
#include <vector>

#include "entente/io/table_spec.hpp"

namespace entente::store::packed {

static_assert(std::endian::native == std::endian::little, "packed tables are stored little-endian");

namespace {

using io::ColumnType;

constexpr std::int32_t kNullInteger = INT32_MIN;

// Where a packed spec's columns go: the group columns (in key order) are the stored row's key,
// the others (in column order) its blobs.
struct Layout {
  const io::TableSpec& spec;
  std::vector<std::size_t> group, packed;
  std::string columns;  // group columns, then packed ones, comma-separated
  std::string where;    // "g1 = ?1 AND g2 = ?2"

  explicit Layout(const io::TableSpec& s) : spec(s) {
    if (s.packed_by == 0 || s.packed_by > s.key.size())
      throw std::logic_error(fmt::format("table {}: packed_by must name leading key columns", s.table));
    auto index = [&](std::string_view name) {
      for (std::size_t i = 0; i < s.columns.size(); ++i)
        if (s.columns[i].name == name) return i;
      throw std::logic_error(fmt::format("table {}: no column {}", s.table, name));
    };
    for (std::size_t k = 0; k < s.packed_by; ++k) {
      group.push_back(index(s.key[k]));
      if (s.columns[group.back()].type == ColumnType::text)
        throw std::logic_error(fmt::format("table {}: a packed table's group columns are numbers", s.table));
      columns += fmt::format("{}{}", k ? ", " : "", s.key[k]);
      where += fmt::format("{}{} = ?{}", k ? " AND " : "", s.key[k], k + 1);
    }
    for (std::size_t i = 0; i < s.columns.size(); ++i)
      if (std::find(group.begin(), group.end(), i) == group.end()) {
        packed.push_back(i);
        columns += fmt::format(", {}", s.columns[i].name);
      }
    if (packed.empty()) throw std::logic_error(fmt::format("table {}: nothing to pack", s.table));
  }
};

void append_value(std::string& blob, const Layout& l, const evidence::TableRows& rows, std::size_t c, std::size_t r) {
  const auto& col = l.spec.columns[c];
  if (col.type == ColumnType::text) {
    const auto& s = rows.texts[c][r];
    if (s.find('\0') != std::string::npos)
      throw std::runtime_error(fmt::format("{}.{}: a value with a NUL byte cannot be stored", l.spec.table, col.name));
    blob += s;
    blob += '\0';
    return;
  }
  const double v = rows.numbers[c][r];
  if (col.type == ColumnType::real) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    blob.append(bytes, sizeof v);
    return;
  }
  std::int32_t x = kNullInteger;
  if (!std::isnan(v)) {
    // The readers' ranges keep these columns far inside int32; a value outside is a bug, not data.
    if (v != std::trunc(v) || v <= static_cast<double>(INT32_MIN) || v > static_cast<double>(INT32_MAX))
      throw std::logic_error(fmt::format("{}.{}: {} is not a 32-bit integer", l.spec.table, col.name, v));
    x = static_cast<std::int32_t>(v);
  }
  char bytes[sizeof x];
  std::memcpy(bytes, &x, sizeof x);
  blob.append(bytes, sizeof x);
}

// Rows in key order and whether two of them may share a key: provider files are checked for
// duplicate keys and mostly published in key order, so one linear pass usually settles both.
std::pair<std::vector<std::size_t>, bool> key_order(const io::TableSpec& spec, const evidence::TableRows& rows) {
  const io::KeyLess less(spec, rows);
  std::vector<std::size_t> order(rows.rows);
  for (std::size_t r = 0; r < rows.rows; ++r) order[r] = r;
  for (std::size_t r = 1; r < rows.rows; ++r)
    if (!less(r - 1, r)) return {io::rows_in_key_order(spec, rows), true};
  return {std::move(order), false};
}

// Encodes rows order[first, last) (one group, in key order) into one blob per packed column.
// Of rows with equal keys the last is kept, as INSERT OR REPLACE keeps the last of a plain table.
void encode(const Layout& l, const evidence::TableRows& rows, const std::vector<std::size_t>& order,
            std::size_t first, std::size_t last, bool repeats, std::vector<std::string>& blobs) {
  const io::KeyLess less(l.spec, rows);
  blobs.assign(l.packed.size(), std::string());
  for (std::size_t k = first; k < last; ++k) {
    if (repeats && k + 1 < last && !less(order[k], order[k + 1])) continue;
    for (std::size_t p = 0; p < l.packed.size(); ++p) append_value(blobs[p], l, rows, l.packed[p], order[k]);
  }
}

[[noreturn]] void damaged(const Layout& l, std::string_view column) {
  throw std::runtime_error(fmt::format("store table {}: column {} is damaged (a packed row's values do not fit"
                                       " together); import the provider files into a new store",
                                       l.spec.table, column));
}

// Appends the values of one blob to column c of `out`; returns how many there were.
std::size_t decode(std::string_view blob, const Layout& l, std::size_t c, evidence::TableRows& out) {
  const auto& col = l.spec.columns[c];
  std::size_t n = 0;
  if (col.type == ColumnType::text) {
    auto& texts = out.texts[c];
    while (!blob.empty()) {
      const auto end = blob.find('\0');
      if (end == std::string_view::npos) damaged(l, col.name);
      texts.emplace_back(blob.substr(0, end));
      blob.remove_prefix(end + 1);
      ++n;
    }
    return n;
  }
  auto& numbers = out.numbers[c];
  if (col.type == ColumnType::real) {
    if (blob.size() % sizeof(double)) damaged(l, col.name);
    n = blob.size() / sizeof(double);
    const auto at = numbers.size();
    numbers.resize(at + n);
    std::memcpy(numbers.data() + at, blob.data(), blob.size());
    return n;
  }
  if (blob.size() % sizeof(std::int32_t)) damaged(l, col.name);
  n = blob.size() / sizeof(std::int32_t);
  numbers.reserve(numbers.size() + n);
  for (std::size_t i = 0; i < n; ++i) {
    std::int32_t x;
    std::memcpy(&x, blob.data() + i * sizeof x, sizeof x);
    numbers.push_back(x == kNullInteger ? std::nan("") : static_cast<double>(x));
  }
  return n;
}

// Appends the rows of the stored group `q` holds (group columns first, then the blobs).
void decode_group(const sql::Statement& q, const Layout& l, evidence::TableRows& out) {
  std::size_t n = 0;
  for (std::size_t p = 0; p < l.packed.size(); ++p) {
    const auto m = decode(q.blob(static_cast<int>(l.group.size() + p)), l, l.packed[p], out);
    if (p > 0 && m != n) damaged(l, l.spec.columns[l.packed[p]].name);
    n = m;
  }
  for (std::size_t g = 0; g < l.group.size(); ++g) {
    auto& numbers = out.numbers[l.group[g]];
    numbers.insert(numbers.end(), n, q.real(static_cast<int>(g)));
  }
  out.rows += n;
}

evidence::TableRows empty_rows(const io::TableSpec& spec) {
  evidence::TableRows rows;
  rows.spec = &spec;
  rows.numbers.resize(spec.columns.size());
  rows.texts.resize(spec.columns.size());
  return rows;
}

void bind_group(sql::Statement& s, const Layout& l, const evidence::TableRows& rows, std::size_t r, int first_index) {
  for (std::size_t g = 0; g < l.group.size(); ++g) {
    const double v = rows.numbers[l.group[g]][r];
    const int at = first_index + static_cast<int>(g);
    if (l.spec.columns[l.group[g]].type == ColumnType::real) s.bind(at, v);
    else s.bind(at, static_cast<long long>(v));
  }
}

// A group the table already holds: stored rows and new ones together, the new winning ties.
void merge(sql::Database& db, const Layout& l, const evidence::TableRows& rows, const std::vector<std::size_t>& order,
           std::size_t first, std::size_t last) {
  auto all = empty_rows(l.spec);
  sql::Statement find(db, fmt::format("SELECT {} FROM {} WHERE {}", l.columns, l.spec.table, l.where));
  bind_group(find, l, rows, order[first], 1);
  while (find.step()) decode_group(find, l, all);
  for (std::size_t k = first; k < last; ++k) {
    for (std::size_t c = 0; c < l.spec.columns.size(); ++c) {
      if (l.spec.columns[c].type == ColumnType::text) all.texts[c].push_back(rows.texts[c][order[k]]);
      else all.numbers[c].push_back(rows.numbers[c][order[k]]);
    }
    ++all.rows;
  }
  const auto merged = io::rows_in_key_order(l.spec, all);  // stable: stored rows before new ones
  std::vector<std::string> blobs;
  encode(l, all, merged, 0, merged.size(), true, blobs);
  std::string set;
  for (std::size_t p = 0; p < l.packed.size(); ++p)
    set += fmt::format("{}{} = ?{}", p ? ", " : "", l.spec.columns[l.packed[p]].name, l.group.size() + p + 1);
  sql::Statement update(db, fmt::format("UPDATE {} SET {} WHERE {}", l.spec.table, set, l.where));
  bind_group(update, l, rows, order[first], 1);
  for (std::size_t p = 0; p < blobs.size(); ++p) update.bind_blob(static_cast<int>(l.group.size() + p + 1), blobs[p]);
  update.run();
}

}  // namespace

void write(sql::Database& db, const evidence::TableRows& rows) {
  const Layout l(*rows.spec);
  std::string marks;
  for (std::size_t i = 0; i < l.group.size() + l.packed.size(); ++i) marks += i ? ",?" : "?";
  sql::Statement insert(db, fmt::format("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT DO NOTHING", l.spec.table,
                                        l.columns, marks));
  const auto [order, repeats] = key_order(l.spec, rows);
  auto same_group = [&](std::size_t a, std::size_t b) {
    for (std::size_t g : l.group)
      if (rows.numbers[g][a] != rows.numbers[g][b]) return false;
    return true;
  };
  std::vector<std::string> blobs;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && same_group(order[i], order[j])) ++j;
    encode(l, rows, order, i, j, repeats, blobs);
    bind_group(insert, l, rows, order[i], 1);
    for (std::size_t p = 0; p < blobs.size(); ++p) insert.bind_blob(static_cast<int>(l.group.size() + p + 1), blobs[p]);
    insert.run();
    if (sqlite3_changes(db.handle()) == 0) merge(db, l, rows, order, i, j);
    i = j;
  }
}

void read(const sql::Database& db, const io::TableSpec& spec,
          const std::optional<std::pair<long long, long long>>& first_key,
          const std::function<void(const evidence::TableRows& group)>& visit) {
  const Layout l(spec);
  std::string order;
  for (std::size_t k = 0; k < spec.packed_by; ++k) order += fmt::format("{}{}", k ? ", " : "", spec.key[k]);
  sql::Statement q(db, fmt::format("SELECT {} FROM {}{} ORDER BY {}", l.columns, spec.table,
                                   first_key ? fmt::format(" WHERE {} BETWEEN ?1 AND ?2", spec.key[0]) : "", order));
  if (first_key) q.bind(1, first_key->first).bind(2, first_key->second);
  auto group = empty_rows(spec);
  while (q.step()) {
    for (auto& v : group.numbers) v.clear();
    for (auto& v : group.texts) v.clear();
    group.rows = 0;
    decode_group(q, l, group);
    visit(group);
  }
}

}  // namespace entente::store::packed
