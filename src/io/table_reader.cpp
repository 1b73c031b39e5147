// The generic reader for the plain provider tables described in table_specs.cpp.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>
#include <fmt/format.h>

#include "entente/actor/iso3.hpp"
#include "entente/io/csv.hpp"
#include "entente/io/first_lines.hpp"
#include "entente/io/importers.hpp"
#include "entente/io/state_system.hpp"
#include "entente/io/table_spec.hpp"

namespace entente::io {
namespace {

constexpr double kNull = std::numeric_limits<double>::quiet_NaN();
// Far above the providers' longest cells (an IGO's long name, 600 bytes; a roll call's
// description, 1,500), far below a file pasted into a cell by mistake. Descriptions keep the
// control characters the providers left in them (a backspace in some unvotes descriptions).
constexpr std::size_t kMaxShortText = 1000;
constexpr std::size_t kMaxDescription = 100000;

bool is_na(std::string_view s) { return s.empty() || s == "NA" || s == "."; }

std::string range_text(const ColumnSpec& c) {
  if (std::isinf(c.min) && std::isinf(c.max)) return "";
  if (std::isinf(c.max)) return fmt::format(" of at least {}", c.min);
  if (std::isinf(c.min)) return fmt::format(" of at most {}", c.max);
  return fmt::format(" from {} to {}", c.min, c.max);
}

// Most cells are whole numbers (codes, years, votes): read "-?[0-9]{1,15}" directly, which gives
// the same double as std::from_chars (exact below 2^53) in a fraction of its time.
std::optional<double> plain_integer(std::string_view s) {
  std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
  if (s.size() == i || s.size() - i > 15) return std::nullopt;
  long long v = 0;
  for (std::size_t k = i; k < s.size(); ++k) {
    const unsigned d = static_cast<unsigned char>(s[k]) - static_cast<unsigned>('0');
    if (d > 9) return std::nullopt;
    v = v * 10 + d;
  }
  const double x = static_cast<double>(v);
  return i ? -x : x;
}

// One cell to a number (NaN for NULL), or a ParseError naming the cell.
double read_number(const CsvTable& t, std::size_t col, const ColumnSpec& c) {
  const std::string_view s = trim_blanks(t.text(col));
  // "NA" is Namibia's ISO code, not a missing value, in a column of ISO codes.
  if (c.transform == Transform::iso2_ccode ? s.empty() : is_na(s)) {
    if (c.required) t.fail(col, "a value (this column may not be empty)");
    return kNull;
  }
  double v = 0;
  switch (c.transform) {
    case Transform::year_of_date: {
      // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
      const bool ok = s.size() >= 4 && std::all_of(s.begin(), s.begin() + 4, [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }) &&
                      (s.size() == 4 || s[4] == '-');
      if (!ok) t.fail(col, "a date written YYYY-MM-DD");
      v = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
      break;
    }
    case Transform::iso2_ccode: {
      const int code = actor::ccode_for_iso2(s);
      if (code == 0) t.fail(col, "an ISO 3166-1 alpha-2 code of a state in the COW system");
      v = code;
      break;
    }
    case Transform::vote_word: {
      if (s == "yes") v = 1;
      else if (s == "abstain") v = 2;
      else if (s == "no") v = 3;
      else t.fail(col, "yes, abstain or no");
      break;
    }
    case Transform::atop_phase: {
      double id = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
      if (ec != std::errc() || end != s.data() + s.size() || !(id >= 1) || id >= 1e5)
        t.fail(col, "an ATOP treaty phase id such as 4810 or 4810.2");
      v = std::round((id - std::floor(id)) * 10);
      break;
    }
    case Transform::none: {
      if (auto whole = plain_integer(s)) {
        v = *whole;
      } else if (auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
                 ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
        t.fail(col, c.type == ColumnType::real ? "a number" : c.type == ColumnType::flag ? "0 or 1" : "a whole number");
      }
      for (double m : c.missing)
        if (v == m) {
          if (c.required) t.fail(col, fmt::format("a value (the missing code {} is not allowed here)", m));
          return kNull;
        }
      break;
    }
  }
  if (c.type == ColumnType::flag && v != 0 && v != 1) t.fail(col, "0 or 1");
  if (c.type == ColumnType::integer && v != std::floor(v)) t.fail(col, "a whole number" + range_text(c));
  if (v < c.min || v > c.max)
    t.fail(col, fmt::format("{}{}", c.type == ColumnType::real ? "a number" : "a whole number", range_text(c)));
  return v;
}

// Two rows with the same key would silently replace each other in the store: a strict import
// names both lines; a lenient one keeps the first and rejects the others.
void reject_duplicate_keys(const TableSpec& spec, const std::string& file, evidence::TableRows& rows,
                           const std::vector<std::size_t>& lines, const std::vector<std::string_view>& raw,
                           std::vector<evidence::RejectedRow>* rejects) {
  const auto unique = unique_columns(spec);
  if (unique.empty() || rows.rows < 2) return;
  const KeyLess less(spec, rows, unique);
  const auto& key = less.columns();
  auto cell = [&](std::size_t col, std::size_t r) -> std::string {
    if (spec.columns[col].type == ColumnType::text) return rows.texts[col][r];
    const double v = rows.numbers[col][r];
    return std::isnan(v) ? std::string("(empty)") : fmt::format("{}", v);
  };
  std::vector<std::size_t> order(rows.rows);
  for (std::size_t r = 0; r < rows.rows; ++r) order[r] = r;
  // Most provider files are published in key order: checking that is linear, sorting is not.
  if (!std::is_sorted(order.begin(), order.end(), less)) std::stable_sort(order.begin(), order.end(), less);
  std::vector<char> drop(rows.rows, 0);
  for (std::size_t k = 1; k < order.size(); ++k) {
    const std::size_t first = order[k - 1], dup = order[k];
    if (less(first, dup)) continue;
    std::string names, values;
    for (std::size_t c : key) {
      names += fmt::format("{}{}", names.empty() ? "" : ", ", spec.columns[c].name);
      values += fmt::format("{}{}", values.empty() ? "" : ", ", cell(c, dup));
    }
    ParseError error({file, lines[dup], 1}, values,
                     key_not_used_before(names, lines[first]));
    if (!rejects) throw error;
    rejects->push_back({lines[dup], error.what(), std::string(raw[dup])});
    drop[dup] = 1;
  }
  if (std::find(drop.begin(), drop.end(), 1) == drop.end()) return;
  std::size_t kept = 0;
  for (std::size_t r = 0; r < rows.rows; ++r) {
    if (drop[r]) continue;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      if (spec.columns[c].type == ColumnType::text) rows.texts[c][kept] = std::move(rows.texts[c][r]);
      else rows.numbers[c][kept] = rows.numbers[c][r];
    }
    ++kept;
  }
  for (std::size_t c = 0; c < spec.columns.size(); ++c) {
    if (spec.columns[c].type == ColumnType::text) rows.texts[c].resize(kept);
    else rows.numbers[c].resize(kept);
  }
  rows.rows = kept;
}

}  // namespace

KeyLess::KeyLess(const TableSpec& spec, const evidence::TableRows& rows) : KeyLess(spec, rows, spec.key) {}

KeyLess::KeyLess(const TableSpec& spec, const evidence::TableRows& rows, std::span<const std::string_view> key)
    : spec_(spec), rows_(rows) {
  for (const auto& k : key)
    for (std::size_t i = 0; i < spec.columns.size(); ++i)
      if (spec.columns[i].name == k) columns_.push_back(i);
}

bool KeyLess::operator()(std::size_t a, std::size_t b) const {
  for (std::size_t c : columns_) {
    if (spec_.columns[c].type == ColumnType::text) {
      if (int d = rows_.texts[c][a].compare(rows_.texts[c][b]); d != 0) return d < 0;
    } else {
      const double x = rows_.numbers[c][a], y = rows_.numbers[c][b];
      // NaN compares unequal to itself: without this, empty cells would break the sort's order.
      if (std::isnan(x) || std::isnan(y)) {
        if (std::isnan(x) != std::isnan(y)) return std::isnan(x);
      } else if (x != y) {
        return x < y;
      }
    }
  }
  return false;
}

std::vector<std::size_t> rows_in_key_order(const TableSpec& spec, const evidence::TableRows& rows) {
  std::vector<std::size_t> order(rows.rows);
  for (std::size_t r = 0; r < rows.rows; ++r) order[r] = r;
  if (spec.key.empty()) return order;
  const KeyLess less(spec, rows);
  // Most provider files are published in key order: checking is linear, sorting is not.
  if (!std::is_sorted(order.begin(), order.end(), less)) std::stable_sort(order.begin(), order.end(), less);
  return order;
}

evidence::ImportBatch parse_table(const TableSpec& spec, const std::string& file, std::string_view text,
                                  const ReadOptions& options) {
  CsvTable t(file, text);
  std::vector<std::size_t> source;
  for (const auto& c : spec.columns) source.push_back(t.column(c.source));
  evidence::ImportBatch batch;
  if (options.skip_bad_rows) t.skip_bad_rows_into(&batch.rejected);
  auto& rows = batch.table;
  rows.spec = &spec;
  rows.numbers.resize(spec.columns.size());
  rows.texts.resize(spec.columns.size());
  // A row is read whole before any of it is kept, so a rejected row leaves nothing behind.
  std::vector<double> numbers(spec.columns.size());
  std::vector<std::string> texts(spec.columns.size());
  std::vector<std::size_t> lines;         // file line of each kept row, for duplicate-key errors
  std::vector<std::string_view> raw;      // and its text, for the rejects file
  // The state-year columns, when the rows are checked against the state system.
  std::optional<std::pair<std::size_t, std::size_t>> state_year;
  if (spec.state_years && options.states) {
    std::size_t ccode = 0, year = 0;
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
      if (spec.columns[i].name == "ccode") ccode = i;
      if (spec.columns[i].name == "year") year = i;
    }
    state_year.emplace(ccode, year);
  }
  t.each_row([&] {
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
      const auto& c = spec.columns[i];
      if (c.type == ColumnType::text) {
        // Short text (names, codes, dates) is printed in tables: no control characters. Long
        // descriptions (left out of world files) are kept as published, tabs and all.
        const auto s = c.in_world ? t.short_text(source[i], kMaxShortText, "a text", true) : t.text(source[i]);
        if (s.size() > kMaxDescription)
          t.fail(source[i], fmt::format("a description of at most {} bytes (found {})", kMaxDescription, s.size()));
        if (c.required && trim_blanks(s).empty()) t.fail(source[i], "a value (this column may not be empty)");
        texts[i].assign(s);
      } else {
        numbers[i] = read_number(t, source[i], c);
      }
    }
    if (state_year) {
      const auto [ccode, year] = *state_year;
      check_state_year(t, options, source[ccode], source[year], static_cast<int>(numbers[ccode]),
                       static_cast<int>(numbers[year]));
    }
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
      if (spec.columns[i].type == ColumnType::text) rows.texts[i].push_back(std::move(texts[i]));
      else rows.numbers[i].push_back(numbers[i]);
    }
    lines.push_back(t.record().line);
    raw.push_back(t.record().raw);
    ++rows.rows;
  });
  reject_duplicate_keys(spec, file, rows, lines, raw, options.skip_bad_rows ? &batch.rejected : nullptr);
  batch.provenance.row_count = static_cast<long long>(t.rows_read());
  // Coverage: the years the file's rows span (0..0 when the table has no year column).
  int first = 0, last = 0;
  auto column_of = [&](std::string_view name) -> const std::vector<double>* {
    for (std::size_t i = 0; i < spec.columns.size(); ++i)
      if (spec.columns[i].name == name) return &rows.numbers[i];
    return nullptr;
  };
  if (!spec.first_year.empty()) {
    const auto* lo = column_of(spec.first_year);
    const auto* hi = column_of(spec.last_year.empty() ? spec.first_year : spec.last_year);
    double min = 1e9, max = -1e9;
    for (double v : *lo)
      if (!std::isnan(v)) min = std::min(min, v);
    for (double v : *hi)
      if (!std::isnan(v)) max = std::max(max, v);
    if (min <= max) {
      first = static_cast<int>(min);
      last = static_cast<int>(max);
    }
  }
  batch.coverage = {"", "", first, last, ""};
  return batch;
}

}  // namespace entente::io
