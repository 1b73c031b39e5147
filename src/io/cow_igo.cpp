// COW Intergovernmental Organizations v3 (Pevehouse et al. 2020): the state-year file, which is
// wide (one column per IGO, 534 of them), reshaped to long rows of table igo_membership, and the
// IGO-year file, of which only the IGOs' names and years are kept (table igo).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <limits>
#include <map>
#include <optional>
#include <unordered_map>

#include "entente/io/csv.hpp"
#include "entente/io/importers.hpp"
#include "entente/io/state_system.hpp"
#include "entente/io/table_spec.hpp"

namespace entente::io {
namespace {

constexpr double kNull = std::numeric_limits<double>::quiet_NaN();

// IGO abbreviations are stored in lower case: the state-year file (igoR) writes them so, the
// IGO-year file in upper case, and COW's own files mix both.
std::optional<std::string> igo_name(std::string_view s) {
  s = trim_blanks(s);
  if (s.empty()) return std::nullopt;
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u) && c != '_') return std::nullopt;
    out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

// The header's fields with their columns, for errors about a column name.
CsvRecord header_record(const std::string& file, std::string_view text) {
  CsvCursor cursor(file, text);
  CsvRecord head;
  cursor.next(head);
  return head;
}

const TableSpec& spec_of(std::string_view format) {
  const auto* spec = table_spec(format);
  if (!spec) throw std::logic_error(fmt::format("no table spec named '{}'", format));
  return *spec;
}

void start_table(evidence::TableRows& rows, const TableSpec& spec) {
  rows.spec = &spec;
  rows.numbers.resize(spec.columns.size());
  rows.texts.resize(spec.columns.size());
}

}  // namespace

evidence::ImportBatch parse_cow_igo_state_year(const std::string& file, std::string_view text,
                                               const ReadOptions& options) {
  CsvTable t(file, text);
  const std::size_t ccode_col = t.column("ccode"), year_col = t.column("year");
  const auto state_col = t.find_column("state");
  const CsvRecord head = header_record(file, text);

  // Every other column is an IGO, taken in name order so that each row's IGOs come out sorted.
  struct Igo {
    std::string name;
    std::size_t col;
  };
  std::vector<Igo> igos;
  for (std::size_t i = 0; i < t.header().size(); ++i) {
    if (i == ccode_col || i == year_col || (state_col && i == *state_col)) continue;
    auto name = igo_name(t.header()[i]);
    if (!name)
      throw ParseError({file, 1, head.fields[i].column}, t.header()[i],
                       "an IGO abbreviation (letters, digits and _) as the name of every column after ccode, "
                       "year and state");
    igos.push_back({std::move(*name), i});
  }
  if (igos.empty())
    throw ParseError({file, 1, 1}, fmt::format("{}", fmt::join(t.header(), ",")),
                     "one column per IGO after ccode, year and state");
  std::sort(igos.begin(), igos.end(), [](const Igo& a, const Igo& b) { return a.name < b.name; });
  for (std::size_t k = 1; k < igos.size(); ++k)
    if (igos[k].name == igos[k - 1].name)
      throw ParseError({file, 1, head.fields[std::max(igos[k].col, igos[k - 1].col)].column},
                       t.header()[std::max(igos[k].col, igos[k - 1].col)],
                       fmt::format("each IGO once in the header ('{}' is there twice, letter case aside)", igos[k].name));

  evidence::ImportBatch batch;
  if (options.skip_bad_rows) t.skip_bad_rows_into(&batch.rejected);
  struct Membership {
    int year, ccode;
    std::uint32_t igo;  // position in `igos`
    double status;      // 1, 2, 3, or NaN for -9
  };
  std::vector<Membership> kept;
  kept.reserve(text.size() / 32);  // about one stored cell in eight, four bytes a cell
  std::vector<std::pair<std::uint32_t, double>> row;  // one row's stored cells, kept only once all are good
  std::unordered_map<long long, std::size_t> line_of;  // (ccode, year) -> its line
  int first = std::numeric_limits<int>::max(), last = std::numeric_limits<int>::min();
  t.each_row([&] {
    const int ccode = static_cast<int>(t.integer(ccode_col, 1, 999));
    const int year = static_cast<int>(t.integer(year_col, 1600, 2200));
    check_state_year(t, options, ccode_col, year_col, ccode, year);
    row.clear();
    for (std::uint32_t k = 0; k < igos.size(); ++k) {
      const std::string_view s = t.text(igos[k].col);
      // 0 (not a member) and -1 (not applicable) are not stored; see the spec in table_specs.cpp.
      if (s == "0" || s == "-1") continue;
      double v;
      if (s == "1") v = 1;
      else if (s == "2") v = 2;
      else if (s == "3") v = 3;
      else if (s == "-9" || s.empty() || s == "NA") v = kNull;  // missing: COW's -9, or an R NA
      else
        t.fail(igos[k].col, "1 (full member), 2 (associate), 3 (observer), 0 (not a member), -9 (missing) or "
                            "-1 (not applicable)");
      row.emplace_back(k, v);
    }
    const long long key = static_cast<long long>(ccode) * 10000 + year;
    if (auto it = line_of.find(key); it != line_of.end())
      t.fail(year_col, fmt::format("a (ccode, year) not already used on line {}", it->second));
    line_of.emplace(key, t.record().line);
    for (const auto& [k, v] : row) kept.push_back({year, ccode, k, v});
    first = std::min(first, year);
    last = std::max(last, year);
  });
  // The store's key order is (year, ccode, igo). The file runs by state, then year, with each
  // row's IGOs already in name order, so a stable counting sort by year gives key order when the
  // file is sorted (the store sorts what is left, e.g. for a file in another order).
  std::vector<std::size_t> at_year;
  if (first <= last) {
    at_year.assign(static_cast<std::size_t>(last - first) + 2, 0);
    for (const auto& m : kept) ++at_year[static_cast<std::size_t>(m.year - first) + 1];
    for (std::size_t k = 1; k < at_year.size(); ++k) at_year[k] += at_year[k - 1];
  }
  std::vector<std::uint32_t> order(kept.size());
  for (std::uint32_t r = 0; r < kept.size(); ++r) order[at_year[static_cast<std::size_t>(kept[r].year - first)]++] = r;
  auto& rows = batch.table;
  start_table(rows, spec_of("cow-igo-state-year"));
  for (auto* c : {&rows.numbers[0], &rows.numbers[1], &rows.numbers[3]}) c->reserve(kept.size());
  rows.texts[2].reserve(kept.size());
  for (const auto r : order) {
    const auto& m = kept[r];
    rows.numbers[0].push_back(m.ccode);
    rows.numbers[1].push_back(m.year);
    rows.texts[2].push_back(igos[m.igo].name);
    rows.numbers[3].push_back(m.status);
  }
  rows.rows = kept.size();
  batch.provenance.row_count = static_cast<long long>(t.rows_read());
  // Coverage is every year the file has rows for, including state-years with no membership.
  if (first <= last) batch.coverage = {"", "", first, last, ""};
  return batch;
}

evidence::ImportBatch parse_cow_igo_igo_year(const std::string& file, std::string_view text,
                                             const ReadOptions& options) {
  CsvTable t(file, text);
  const std::size_t io_col = t.column("ioname"), org_col = t.column("orgname"), year_col = t.column("year");
  const auto ionum_col = t.find_column("ionum");
  const auto long_col = t.find_column("longorgname");
  evidence::ImportBatch batch;
  if (options.skip_bad_rows) t.skip_bad_rows_into(&batch.rejected);
  struct Org {
    std::string name, long_name;
    double ionum = kNull;
    int first = 0, last = 0;
    std::map<int, std::size_t> lines;  // year -> line
  };
  std::map<std::string, Org> orgs;
  t.each_row([&] {
    auto igo = igo_name(t.text(io_col));
    if (!igo) t.fail(io_col, "an IGO abbreviation (letters, digits and _)");
    const int year = static_cast<int>(t.integer(year_col, 1600, 2200));
    const std::string name(trim_blanks(t.text(org_col)));
    // A double with NaN for none, not an optional: GCC's -O3 warns that an optional's value may be
    // used uninitialised here (it is not).
    double ionum = kNull;
    if (ionum_col)
      if (const auto v = t.optional_integer(*ionum_col, 1, 1000000)) ionum = static_cast<double>(*v);
    std::string long_name = long_col ? std::string(trim_blanks(t.text(*long_col))) : std::string();
    auto it = orgs.find(*igo);
    if (it != orgs.end()) {
      if (auto l = it->second.lines.find(year); l != it->second.lines.end())
        t.fail(year_col, fmt::format("one row per IGO and year ({} {} is already on line {})", *igo, year, l->second));
      if (!std::isnan(ionum) && !std::isnan(it->second.ionum) && ionum != it->second.ionum)
        t.fail(*ionum_col, fmt::format("the ionum {} of {} on line {}", it->second.ionum, *igo,
                                       it->second.lines.begin()->second));
    }
    // The row is good: keep it. An IGO renamed over the years keeps the name of its latest year.
    auto& o = orgs[*igo];
    if (o.lines.empty() || year > o.last) {
      if (!name.empty()) o.name = name;
      if (!long_name.empty()) o.long_name = std::move(long_name);
    }
    if (!std::isnan(ionum)) o.ionum = ionum;
    o.first = o.lines.empty() ? year : std::min(o.first, year);
    o.last = o.lines.empty() ? year : std::max(o.last, year);
    o.lines.emplace(year, t.record().line);
  });
  auto& rows = batch.table;
  start_table(rows, spec_of("cow-igo-igo-year"));
  int first = std::numeric_limits<int>::max(), last = std::numeric_limits<int>::min();
  for (auto& [igo, o] : orgs) {  // std::map: already in key order
    rows.texts[0].push_back(igo);
    rows.numbers[1].push_back(o.ionum);
    rows.texts[2].push_back(std::move(o.name));
    rows.texts[3].push_back(std::move(o.long_name));
    rows.numbers[4].push_back(o.first);
    rows.numbers[5].push_back(o.last);
    first = std::min(first, o.first);
    last = std::max(last, o.last);
  }
  rows.rows = orgs.size();
  batch.provenance.row_count = static_cast<long long>(t.rows_read());
  if (first <= last) batch.coverage = {"", "", first, last, ""};
  return batch;
}

}  // namespace entente::io
