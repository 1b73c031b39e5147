#include "entente/world/world_file.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "entente/catalogue/dataset.hpp"
#include "entente/io/table_spec.hpp"

namespace entente::world {

using nlohmann::json;
using evidence::AllianceYear;

std::vector<int> default_world_states() {
  // USA, UKG, FRN, GMY, POL, UKR, BLR, GRG, RUS, TUR, SYR, ISR, SAU, IRN, TKM, TAJ, KYR, UZB, KZK,
  // CHN, MON, TAW, PRK, ROK, JPN, IND, PAK, VNM (DRV)
  return {2, 200, 220, 255, 290, 369, 370, 372, 365, 640, 652, 666, 670, 630,
          701, 702, 703, 704, 705, 710, 712, 713, 731, 732, 740, 750, 770, 816};
}

namespace {

// Whole numbers are checked before conversion: a world file is input like any other, and a
// float or an out-of-range number must be an error, not undefined behaviour.
long long whole(const json& v, long long lo, long long hi) {
  if (!v.is_number_integer()) throw std::runtime_error(fmt::format("{} is not a whole number", v.dump()));
  const long long x = v.is_number_unsigned() && v.get<unsigned long long>() > 9'000'000'000'000'000'000ULL
                          ? hi + 1
                          : v.get<long long>();
  if (x < lo || x > hi) throw std::runtime_error(fmt::format("{} is outside {}..{}", v.dump(), lo, hi));
  return x;
}
int code_at(const json& v) { return static_cast<int>(whole(v, 1, 999)); }
int year_at(const json& v) { return static_cast<int>(whole(v, 1000, 2200)); }
std::vector<int> codes_at(const json& v, long long hi) {
  std::vector<int> out;
  for (const auto& x : v) out.push_back(static_cast<int>(whole(x, 0, hi)));
  return out;
}


// The obligations held, by name; the dataset's other coded obligations are "no" unless listed
// under "unknown" (blank in the source).
json obligations_json(const AllianceYear& r, bool held) {
  json list = json::array();
  for (auto o : catalogue::dataset(r.dataset).coded)
    if (held ? r.has(o).value_or(false) : !r.has(o).has_value()) list.push_back(evidence::to_string(o));
  return list;
}

evidence::Obligation obligation_named(const json& name) {
  for (auto o : evidence::kObligations)
    if (name == evidence::to_string(o)) return o;
  throw std::runtime_error(fmt::format("unknown obligation {}", name.dump()));
}

bool same_terms(const AllianceYear& x, const AllianceYear& y) {
  return x.obligations == y.obligations && x.treaties == y.treaties;
}

// A column with long runs of one value (roll-call ids repeat once per vote) is written as
// {"runs": [value, count, value, count, ...]} when that is at most half as long.
json run_length(json values) {
  json runs = json::array();
  for (std::size_t i = 0; i < values.size();) {
    std::size_t j = i;
    while (j < values.size() && values[j] == values[i]) ++j;
    runs.push_back(values[i]);
    runs.push_back(j - i);
    i = j;
  }
  if (runs.size() * 2 > values.size()) return values;
  return json{{"runs", std::move(runs)}};
}

// Expands a run-length column; `rows` bounds it, so a corrupt count cannot exhaust memory.
json expand_runs(const json& column, std::size_t rows) {
  if (!column.is_object()) return column;
  json values = json::array();
  const auto& runs = column.at("runs");
  for (std::size_t i = 0; i + 1 < runs.size(); i += 2) {
    const auto n = static_cast<std::size_t>(whole(runs[i + 1], 0, static_cast<long long>(rows)));
    if (n > rows - std::min(rows, values.size())) throw std::runtime_error("a run goes past the table's rows");
    for (std::size_t k = 0; k < n; ++k) values.push_back(runs[i]);
  }
  return values;
}

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::optional<double> number_at(const json& row, std::size_t i) {
  const auto& v = row.at(i);
  if (v.is_null()) return std::nullopt;
  if (!v.is_number()) throw std::runtime_error(fmt::format("{} is not a number", v.dump()));
  return v.get<double>();
}

// A provider-table cell, checked as the provider file's reader checks it (type and range).
double column_value(const json& v, const io::ColumnSpec& column) {
  if (!v.is_number()) throw std::runtime_error(fmt::format("{} is not a number", v.dump()));
  const double x = v.get<double>();
  const bool whole_type = column.type != io::ColumnType::real;
  if (!std::isfinite(x) || x < column.min || x > column.max || (whole_type && (x != std::floor(x) || std::fabs(x) > 9e15)))
    throw std::runtime_error(fmt::format("{} does not fit column \"{}\"", v.dump(), column.name));
  return x;
}

}  // namespace

json to_world_json(const store::Contents& c, int from_year) {
  json doc;
  doc["format"] = "entente-world";
  doc["format_version"] = kWorldFormatVersion;
  doc["regenerate"] = "scripts/build-default-world (see README.md)";
  doc["from_year"] = from_year;
  doc["evidence_scope"] = c.evidence_scope;
  // No import times: the file depends only on the providers' files, so regenerating it from the
  // same files gives the same bytes (CI checks that the bundled world is current).
  doc["provenance"] = json::array();
  for (const auto& p : c.provenance)
    doc["provenance"].push_back({{"dataset", p.dataset}, {"version", p.version}, {"file_name", p.file_name},
                                 {"sha256", p.sha256}, {"row_count", p.row_count}, {"layout", p.layout}});
  doc["coverage"] = json::array();
  for (const auto& cov : c.coverage)
    doc["coverage"].push_back({{"dataset", cov.dataset}, {"version", cov.version},
                               {"first_year", cov.first_year}, {"last_year", cov.last_year},
                               {"layout", cov.layout}});
  doc["actors"] = json::array();
  for (const auto& a : c.actors) doc["actors"].push_back({a.ccode, a.abbrev, a.name});
  doc["spells"] = json::array();
  for (const auto& s : c.spells) doc["spells"].push_back({s.ccode, s.start, s.end});

  // Alliance years, run-length encoded: consecutive years with the same terms form one period.
  // Rows arrive ordered by dataset, from, to, year.
  json alliances = json::array();
  for (std::size_t i = 0; i < c.alliances.size();) {
    const auto& head = c.alliances[i];
    json entry{{"dataset", head.dataset}, {"from", head.from}, {"to", head.to}, {"periods", json::array()}};
    std::size_t j = i;
    while (j < c.alliances.size() && c.alliances[j].dataset == head.dataset && c.alliances[j].from == head.from &&
           c.alliances[j].to == head.to) {
      std::size_t k = j;
      while (k + 1 < c.alliances.size() && c.alliances[k + 1].dataset == head.dataset &&
             c.alliances[k + 1].from == head.from && c.alliances[k + 1].to == head.to &&
             c.alliances[k + 1].year == c.alliances[k].year + 1 && same_terms(c.alliances[k + 1], c.alliances[j]))
        ++k;
      json period{{"first", c.alliances[j].year}, {"last", c.alliances[k].year},
                  {"obligations", obligations_json(c.alliances[j], true)}};
      if (auto unknown = obligations_json(c.alliances[j], false); !unknown.empty()) period["unknown"] = unknown;
      if (!c.alliances[j].treaties.empty()) period["treaties"] = c.alliances[j].treaties;
      entry["periods"].push_back(std::move(period));
      j = k + 1;
    }
    alliances.push_back(std::move(entry));
    i = j;
  }
  doc["alliances"] = std::move(alliances);

  json caps{{"dataset", "cow_nmc"},
            {"columns", {"ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"}},
            {"rows", json::array()}};
  for (const auto& r : c.capabilities)
    caps["rows"].push_back({r.ccode, r.year, optional_number(r.milex), optional_number(r.milper),
                            optional_number(r.irst), optional_number(r.pec), optional_number(r.tpop),
                            optional_number(r.upop), optional_number(r.cinc)});
  doc["capabilities"] = std::move(caps);

  // Plain provider tables, column by column (compact, and a table's columns stay together).
  json tables = json::array();
  for (const auto& t : c.tables) {
    json columns = json::array(), data = json::array();
    for (std::size_t i = 0; i < t.spec->columns.size(); ++i) {
      const auto& col = t.spec->columns[i];
      columns.push_back(col.name);
      json values = json::array();
      if (col.type == io::ColumnType::text) {
        for (const auto& s : t.texts[i]) values.push_back(s.empty() ? json(nullptr) : json(s));
      } else {
        for (double v : t.numbers[i])
          values.push_back(std::isnan(v) ? json(nullptr)
                           : col.type == io::ColumnType::real ? json(v)
                                                              : json(static_cast<long long>(v)));
      }
      data.push_back(run_length(std::move(values)));
    }
    tables.push_back({{"table", t.spec->table}, {"rows", t.rows}, {"columns", columns}, {"data", data}});
  }
  doc["tables"] = std::move(tables);
  return doc;
}

store::Contents from_world_json(const json& doc) {
  std::string where = "/";
  try {
    if (doc.at("format") != "entente-world")
      throw std::runtime_error("not an entente world file (format is not \"entente-world\")");
    if (doc.at("format_version") != kWorldFormatVersion)
      throw std::runtime_error(fmt::format("world format version {} is not {}", doc.at("format_version").dump(),
                                           kWorldFormatVersion));
    store::Contents c;
    where = "/evidence_scope";
    c.evidence_scope = codes_at(doc.at("evidence_scope"), 999);
    where = "/provenance";
    for (const auto& p : doc.at("provenance"))
      c.provenance.push_back({p.at("dataset"), p.at("version"), p.at("file_name"), p.at("sha256"),
                              whole(p.at("row_count"), 0, 1LL << 40), "", p.at("layout")});
    where = "/coverage";
    for (const auto& v : doc.at("coverage"))
      c.coverage.push_back({v.at("dataset"), v.at("version"), static_cast<int>(whole(v.at("first_year"), 0, 2200)),
                            static_cast<int>(whole(v.at("last_year"), 0, 2200)), v.at("layout")});
    where = "/actors";
    for (const auto& a : doc.at("actors")) c.actors.push_back({code_at(a.at(0)), a.at(1), a.at(2)});
    where = "/spells";
    for (const auto& s : doc.at("spells")) {
      evidence::SpellRecord spell{code_at(s.at(0)), s.at(1), s.at(2)};
      // Spell dates are ISO dates; their years are read by every membership check.
      for (const auto* d : {&spell.start, &spell.end})
        if (d->size() != 10 || (*d)[4] != '-' || (*d)[7] != '-' ||
            !std::all_of(d->begin(), d->begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; }))
          throw std::runtime_error(fmt::format("spell date \"{}\" is not YYYY-MM-DD", *d));
      c.spells.push_back(std::move(spell));
    }
    where = "/alliances";
    for (const auto& e : doc.at("alliances")) {
      const std::string dataset = e.at("dataset");
      const auto& coded = catalogue::dataset(dataset).coded;
      for (const auto& p : e.at("periods")) {
        AllianceYear row;
        row.dataset = dataset;
        row.from = code_at(e.at("from"));
        row.to = code_at(e.at("to"));
        for (auto o : coded) row.set(o, false);
        for (const auto& name : p.at("obligations")) row.set(obligation_named(name), true);
        if (p.contains("unknown"))
          for (const auto& name : p.at("unknown")) row.set(obligation_named(name), std::nullopt);
        if (p.contains("treaties")) row.treaties = codes_at(p.at("treaties"), 1000000);
        const int first = year_at(p.at("first")), last = year_at(p.at("last"));
        if (first < 1600 || last > 2200 || first > last)
          throw std::runtime_error(fmt::format("period {}..{} is not a range of years within 1600..2200", first, last));
        for (int y = first; y <= last; ++y) {
          row.year = y;
          c.alliances.push_back(row);
        }
      }
    }
    where = "/capabilities";
    for (const auto& r : doc.at("capabilities").at("rows"))
      c.capabilities.push_back({code_at(r.at(0)), year_at(r.at(1)), number_at(r, 2), number_at(r, 3), number_at(r, 4),
                                number_at(r, 5), number_at(r, 6), number_at(r, 7), number_at(r, 8)});
    where = "/tables";
    for (const auto& t : doc.at("tables")) {
      const std::string name = t.at("table");
      const io::TableSpec* spec = nullptr;
      for (const auto& s : io::table_specs())
        if (s.table == name) spec = &s;
      if (!spec) throw std::runtime_error(fmt::format("unknown table \"{}\"", name));
      where = "/tables/" + name;
      evidence::TableRows rows;
      rows.spec = spec;
      rows.rows = static_cast<std::size_t>(whole(t.at("rows"), 0, 50'000'000));
      rows.numbers.resize(spec->columns.size());
      rows.texts.resize(spec->columns.size());
      const auto& columns = t.at("columns");
      json data = json::array();
      for (const auto& column : t.at("data")) data.push_back(expand_runs(column, rows.rows));
      if (columns.size() != spec->columns.size() || data.size() != spec->columns.size())
        throw std::runtime_error(fmt::format("expected the {} columns of {}", spec->columns.size(), name));
      for (std::size_t i = 0; i < spec->columns.size(); ++i) {
        if (columns[i] != spec->columns[i].name)
          throw std::runtime_error(fmt::format("column {} is {}, expected \"{}\"", i, columns[i].dump(),
                                               spec->columns[i].name));
        if (data[i].size() != rows.rows)
          throw std::runtime_error(fmt::format("column {} has {} values, expected {}", columns[i].dump(),
                                               data[i].size(), rows.rows));
        for (const auto& v : data[i]) {
          if (spec->columns[i].type == io::ColumnType::text)
            rows.texts[i].push_back(v.is_null() ? std::string() : v.get<std::string>());
          else
            rows.numbers[i].push_back(v.is_null() ? std::numeric_limits<double>::quiet_NaN()
                                                  : column_value(v, spec->columns[i]));
        }
      }
      c.tables.push_back(std::move(rows));
    }
    return c;
  } catch (const json::exception& e) {
    throw std::runtime_error(fmt::format("world file, at {}: {}", where, e.what()));
  } catch (const std::out_of_range& e) {
    throw std::runtime_error(fmt::format("world file, at {}: {}", where, e.what()));
  }
}

}  // namespace entente::world
