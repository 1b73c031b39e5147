// Alliance readers: COW Formal Alliances (member-yearly or dyad-year) and ATOP directed
// dyad-years. All produce directed dyad-years (`from` promised `to`); undirected sources give
// both directions the same values.
#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

#include "entente/catalogue/dataset.hpp"
#include "entente/io/csv.hpp"
#include "entente/io/first_lines.hpp"
#include "entente/io/importers.hpp"

namespace entente::io {

using evidence::AllianceYear;
using evidence::Obligation;

namespace {

// A fresh row for `dataset`: obligations it codes start false, the rest stay missing.
AllianceYear blank_row(std::string_view dataset, int from, int to, int year) {
  AllianceYear row;
  row.dataset = std::string(dataset);
  row.from = from;
  row.to = to;
  row.year = year;
  for (auto o : catalogue::dataset(dataset).coded) row.set(o, false);
  return row;
}

void merge_into(AllianceYear& into, const AllianceYear& from) {
  for (auto o : evidence::kObligations)
    if (from.has(o)) into.set(o, into.has(o).value_or(false) || *from.has(o));
  for (int id : from.treaties)
    if (std::find(into.treaties.begin(), into.treaties.end(), id) == into.treaties.end())
      into.treaties.push_back(id);
}

void set_coverage(evidence::ImportBatch& batch) {
  int first = 9999, last = 0;
  for (const auto& r : batch.alliances) {
    first = std::min(first, r.year);
    last = std::max(last, r.year);
  }
  batch.coverage = {"", "", first, last, ""};
}

int ccode_at(const CsvTable& t, std::size_t col) { return static_cast<int>(t.integer(col, 1, 999)); }
int year_at(const CsvTable& t, std::size_t col) { return static_cast<int>(t.integer(col, 1600, 2100)); }

}  // namespace

evidence::ImportBatch parse_cow_alliance_member_yearly(const std::string& file, std::string_view text,
                                    const ReadOptions& options) {
  CsvTable t(file, text);
  const auto id = t.column("version4id"), code = t.column("ccode"), yr = t.column("year");
  const auto def = t.column("defense"), neu = t.column("neutrality"),
             non = t.column("nonaggression"), ent = t.column("entente");
  const auto ver = t.find_column("version");

  struct Member {
    int ccode;
    // COW leaves a few obligations blank (treaties 6 and 122): missing, not "no".
    std::optional<bool> defense, neutrality, nonaggression, entente;
  };
  // Members of each treaty in each year; a dyad is any two members of the same treaty-year.
  std::map<std::pair<int, int>, std::vector<Member>> treaty_years;
  evidence::ImportBatch batch;
  if (options.skip_bad_rows) t.skip_bad_rows_into(&batch.rejected);
  FirstLines member_year_lines;
  t.each_row([&] {
    const int treaty = static_cast<int>(t.integer(id, 1, 99999));
    const int year = year_at(t, yr);
    const Member m{ccode_at(t, code), t.optional_flag(def), t.optional_flag(neu), t.optional_flag(non),
                   t.optional_flag(ent)};
    if (auto line = member_year_lines.earlier((treaty * 1000LL + m.ccode) * 10000 + year, t.record().line))
      t.fail(code, key_not_used_before("version4id, ccode, year", *line));
    treaty_years[{treaty, year}].push_back(m);
    if (ver && batch.provenance.version.empty()) batch.provenance.version = std::string(t.text(*ver));
  });
  // Each member's own obligations, owed to every other member of the treaty (COW codes
  // obligations per member, so asymmetric treaties stay asymmetric).
  std::map<std::tuple<int, int, int>, AllianceYear> dyads;
  for (const auto& [key, members] : treaty_years) {
    for (const auto& a : members)
      for (const auto& b : members) {
        if (a.ccode == b.ccode) continue;
        auto row = blank_row("cow_alliance", a.ccode, b.ccode, key.second);
        row.set(Obligation::defense, a.defense);
        row.set(Obligation::neutrality, a.neutrality);
        row.set(Obligation::nonaggression, a.nonaggression);
        row.set(Obligation::entente, a.entente);
        row.treaties.push_back(key.first);
        auto [it, fresh] = dyads.try_emplace({a.ccode, b.ccode, key.second}, row);
        if (!fresh) merge_into(it->second, row);
      }
  }
  for (auto& [k, row] : dyads) {
    std::sort(row.treaties.begin(), row.treaties.end());
    batch.alliances.push_back(std::move(row));
  }
  batch.provenance.row_count = static_cast<long long>(t.rows_read());
  set_coverage(batch);
  return batch;
}

evidence::ImportBatch parse_cow_alliance_dyad_year(const std::string& file, std::string_view text,
                                    const ReadOptions& options) {
  CsvTable t(file, text);
  const auto c1 = t.column("ccode1"), c2 = t.column("ccode2"), yr = t.column("year");
  const auto def = t.column("cow_defense"), neu = t.column("cow_neutral"),
             non = t.column("cow_nonagg"), ent = t.column("cow_entente");
  evidence::ImportBatch batch;
  if (options.skip_bad_rows) t.skip_bad_rows_into(&batch.rejected);
  FirstLines dyad_year_lines;  // undirected: (1, 2) and (2, 1) are one dyad
  t.each_row([&] {
    const int a = ccode_at(t, c1), b = ccode_at(t, c2), year = year_at(t, yr);
    if (a == b) t.fail(c2, "a second state different from ccode1");
    const long long key = (std::min(a, b) * 1000LL + std::max(a, b)) * 10000 + year;
    auto row = blank_row("cow_alliance", a, b, year);
    row.set(Obligation::defense, t.flag(def));
    row.set(Obligation::neutrality, t.flag(neu));
    row.set(Obligation::nonaggression, t.flag(non));
    row.set(Obligation::entente, t.flag(ent));
    if (auto line = dyad_year_lines.earlier(key, t.record().line))
      t.fail(yr, key_not_used_before("ccode1, ccode2, year", *line));
    auto reverse = row;
    std::swap(reverse.from, reverse.to);
    batch.alliances.push_back(std::move(row));
    batch.alliances.push_back(std::move(reverse));
  });
  batch.provenance.row_count = static_cast<long long>(t.rows_read());
  set_coverage(batch);
  return batch;
}

evidence::ImportBatch parse_atop_ddyr(const std::string& file, std::string_view text,
                                    const ReadOptions& options) {
  CsvTable t(file, text);
  const auto c1 = t.column("ccode1"), c2 = t.column("ccode2"), yr = t.column("year");
  const auto def = t.column("atop_defense"), off = t.column("atop_offense"),
             neu = t.column("atop_neutral"), non = t.column("atop_nonagg"), con = t.column("atop_consul");
  evidence::ImportBatch batch;
  if (options.skip_bad_rows) t.skip_bad_rows_into(&batch.rejected);
  FirstLines dyad_year_lines;  // directed: (1, 2) and (2, 1) are two dyads
  t.each_row([&] {
    const int a = ccode_at(t, c1), b = ccode_at(t, c2), year = year_at(t, yr);
    if (a == b) t.fail(c2, "a second state different from ccode1");
    auto row = blank_row("atop", a, b, year);
    row.set(Obligation::defense, t.flag(def));
    row.set(Obligation::offense, t.flag(off));
    row.set(Obligation::neutrality, t.flag(neu));
    row.set(Obligation::nonaggression, t.flag(non));
    row.set(Obligation::consultation, t.flag(con));
    if (auto line = dyad_year_lines.earlier((a * 1000LL + b) * 10000 + year, t.record().line))
      t.fail(yr, key_not_used_before("ccode1, ccode2, year", *line));
    batch.alliances.push_back(std::move(row));
  });
  batch.provenance.row_count = static_cast<long long>(t.rows_read());
  set_coverage(batch);
  return batch;
}

}  // namespace entente::io
