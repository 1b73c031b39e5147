#include "entente/store/store.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <tuple>
#include <limits>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "entente/io/table_spec.hpp"
#include "alliance_rows.hpp"
#include "packed.hpp"
#include "schema.sql.hpp"
#include "sqlite.hpp"
#include "store_impl.hpp"

namespace entente::store {

using evidence::AllianceYear;
using evidence::Obligation;

namespace {

void create_or_check_schema(sql::Database& db, const std::string& shown, bool read_only = false) {
  sql::Statement has_meta(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'");
  has_meta.step();
  if (has_meta.integer(0) == 0) {
    sql::Statement any(db, "SELECT count(*) FROM sqlite_master");
    any.step();
    if (any.integer(0) != 0 || read_only)
      throw std::runtime_error(fmt::format("{}: an SQLite file, but not an entente store", shown));
    sql::Transaction tx(db);
    db.exec(kSchemaSql);
    for (const auto& spec : io::table_specs()) db.exec(io::create_table_sql(spec));
    sql::Statement put(db, "INSERT INTO meta(key, value) VALUES (?, ?)");
    put.bind(1, "schema_version").bind(2, std::to_string(kSchemaVersion)).run();
    put.bind(1, "created_by").bind(2, "entente").run();
    tx.commit();
    return;
  }
  sql::Statement version(db, "SELECT value FROM meta WHERE key='schema_version'");
  const std::string found = version.step() ? version.text(0) : "?";
  if (found == std::to_string(kSchemaVersion)) return;
  int older = 0;
  try {
    older = std::stoi(found);
  } catch (const std::exception&) {
  }
  if (older > 0 && older < kSchemaVersion)
    throw std::runtime_error(fmt::format("{}: store schema version {} was written by an older entente; this one reads"
                                         " version {} (UN votes, IGO memberships, dyadic trade and alliance dyad-years stored packed)."
                                         " Import the provider files into a new store",
                                         shown, found, kSchemaVersion));
  throw std::runtime_error(fmt::format("{}: store schema version {} is not the version {} this entente reads;"
                                       " import the provider files into a new store",
                                       shown, found, kSchemaVersion));
}

// Writes rows with prepared statements; used by both import and restore.
class Writer {
 public:
  explicit Writer(sql::Database& db)
      : actor_(db, "INSERT OR REPLACE INTO actor(ccode, abbrev, name) VALUES (?,?,?)"),
        spell_(db, "INSERT OR REPLACE INTO spell(ccode, start_date, end_date) VALUES (?,?,?)"),
        capability_(db,
                    "INSERT OR REPLACE INTO capability(ccode, year, dataset, milex, milper, irst, pec, tpop,"
                    " upop, cinc) VALUES (?,?,?,?,?,?,?,?,?,?)"),
        provenance_(db,
                    "INSERT INTO provenance(dataset, version, file_name, sha256, row_count, imported_at, layout)"
                    " VALUES (?,?,?,?,?,?,?)") {}

  void actor(const evidence::ActorRecord& a) { actor_.bind(1, a.ccode).bind(2, a.abbrev).bind(3, a.name).run(); }
  void spell(const evidence::SpellRecord& s) { spell_.bind(1, s.ccode).bind(2, s.start).bind(3, s.end).run(); }
  // Alliance rows are collected and written packed by finish() (alliance_rows.hpp).
  void alliance(const AllianceYear& r) { alliances_.add(r); }
  void capability(const evidence::CapabilityYear& c, const std::string& dataset) {
    capability_.bind(1, c.ccode).bind(2, c.year).bind(3, dataset).bind(4, c.milex).bind(5, c.milper)
        .bind(6, c.irst).bind(7, c.pec).bind(8, c.tpop).bind(9, c.upop).bind(10, c.cinc).run();
  }
  // Before the transaction commits: writes what was collected.
  void finish(sql::Database& db) { alliances_.write(db); }
  void provenance(const evidence::Provenance& p) {
    provenance_.bind(1, p.dataset).bind(2, p.version).bind(3, p.file_name).bind(4, p.sha256)
        .bind(5, p.row_count).bind(6, p.imported_at).bind(7, p.layout).run();
  }

 private:
  sql::Statement actor_, spell_, capability_, provenance_;
  alliance_rows::Pending alliances_;
};

// Removes a dataset's rows, coverage and provenance: a store holds one version (and one file
// layout) of each dataset, so a replaced version's files no longer count as imported.
void delete_dataset(sql::Database& db, const std::string& dataset) {
  for (const char* table : {"alliance_year", "capability"}) {
    sql::Statement del(db, fmt::format("DELETE FROM {} WHERE dataset = ?", table));
    del.bind(1, dataset).run();
  }
  for (const auto& spec : io::table_specs())  // each provider table holds one dataset
    if (spec.dataset == dataset) db.exec(fmt::format("DELETE FROM {}", spec.table));
  if (dataset == "cow_states") {
    db.exec("DELETE FROM spell");
    db.exec("DELETE FROM actor");
  }
  for (const char* table : {"coverage", "provenance"}) {
    sql::Statement del(db, fmt::format("DELETE FROM {} WHERE dataset = ?", table));
    del.bind(1, dataset).run();
  }
}

// Writes the rows of a plain provider table (io::TableSpec) with one prepared statement.
void write_table(sql::Database& db, const evidence::TableRows& rows) {
  const auto& spec = *rows.spec;
  if (spec.packed_by > 0) return packed::write(db, rows);
  std::string names, marks;
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    names += fmt::format("{}{}", i ? ", " : "", spec.columns[i].name);
    marks += i ? ",?" : "?";
  }
  sql::Statement insert(db, fmt::format("INSERT OR REPLACE INTO {} ({}) VALUES ({})", spec.table, names, marks));
  // Insert in primary-key order: appending to a B-tree is several times cheaper than inserting
  // at random places in it.
  for (std::size_t r : io::rows_in_key_order(spec, rows)) {
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
      const int at = static_cast<int>(i) + 1;
      if (spec.columns[i].type == io::ColumnType::text) {
        const auto& s = rows.texts[i][r];
        if (s.empty()) insert.bind_null(at);
        else insert.bind(at, s);
      } else {
        const double v = rows.numbers[i][r];
        if (std::isnan(v)) insert.bind_null(at);
        else if (spec.columns[i].type == io::ColumnType::real) insert.bind(at, v);
        else insert.bind(at, static_cast<long long>(v));
      }
    }
    insert.run();
  }
}

void merge_coverage(sql::Database& db, const evidence::Coverage& c) {
  sql::Statement up(db,
                    "INSERT INTO coverage(dataset, version, first_year, last_year, layout) VALUES (?,?,?,?,?)"
                    " ON CONFLICT(dataset) DO UPDATE SET first_year = min(first_year, excluded.first_year),"
                    " last_year = max(last_year, excluded.last_year)");
  up.bind(1, c.dataset).bind(2, c.version).bind(3, c.first_year).bind(4, c.last_year).bind(5, c.layout).run();
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::filesystem::path& path) {
  sql::Database db(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  create_or_check_schema(db, path.string());
  return Store(std::make_unique<Impl>(std::move(db)));
}

Store Store::open_existing(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path))
    throw std::runtime_error(fmt::format("{}: no such store (create one with 'entente import --db {} FILE')",
                                         path.string(), path.string()));
  return open(path);
}

Store Store::open_read_only(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path))
    throw std::runtime_error(fmt::format("{}: no such store (create one with 'entente import --db {} FILE')",
                                         path.string(), path.string()));
  sql::Database db(path.string(), SQLITE_OPEN_READONLY);
  create_or_check_schema(db, path.string(), true);
  return Store(std::make_unique<Impl>(std::move(db)));
}

Store Store::in_memory() {
  sql::Database db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  create_or_check_schema(db, ":memory:");
  return Store(std::make_unique<Impl>(std::move(db)));
}

Store Store::from_image(std::string_view image) {
  sql::Database db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.open_image(image);
  create_or_check_schema(db, "the store image", true);
  return Store(std::make_unique<Impl>(std::move(db)));
}

std::string Store::image() const { return impl_->db.image(); }

void Store::write_without_sync() { impl_->db.exec("PRAGMA synchronous = OFF"); }

// What identifies a dataset's rows in the store: its version and the file layout they came in.
static std::string edition(const std::string& version, const std::string& layout) { return version + " (" + layout + ")"; }

struct Store::Import::Impl {
  sql::Database& db;
  std::set<std::string> known;                          // SHA-256 of every file imported
  std::map<std::string, std::string> stored_edition;    // dataset -> edition the store holds
  std::map<std::string, std::string> batch_edition;     // dataset -> edition of this import
  std::optional<sql::Transaction> tx;                   // opened by the first file that is new
  std::optional<Writer> writer;
  explicit Impl(sql::Database& d) : db(d) {}
};

Store::Import::Import(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Import::Import(Import&&) noexcept = default;
Store::Import::~Import() = default;

Store::Import Store::begin_import() {
  auto impl = std::make_unique<Import::Impl>(impl_->db);
  sql::Statement q(impl_->db, "SELECT sha256 FROM provenance");
  while (q.step()) impl->known.insert(q.text(0));
  for (const auto& c : coverage()) impl->stored_edition[c.dataset] = edition(c.version, c.layout);
  return Import(std::move(impl));
}

FileOutcome Store::Import::add(const evidence::ImportBatch& batch) {
  auto& m = *impl_;
  const auto& p = batch.provenance;
  FileOutcome out{p.file_name, p.dataset, p.version, p.row_count, m.known.count(p.sha256) > 0};
  if (out.skipped) return out;
  m.known.insert(p.sha256);  // the same file named twice in one import counts once
  const auto ed = edition(p.version, p.layout);
  auto [it, fresh] = m.batch_edition.try_emplace(p.dataset, ed);
  if (!fresh && it->second != ed)
    throw std::runtime_error(fmt::format("{}: {} {} cannot be imported together with {} of the same dataset",
                                         p.file_name, p.dataset, ed, it->second));
  if (!m.tx) {
    m.tx.emplace(m.db);
    m.writer.emplace(m.db);
  }
  // A new version (or layout) of a dataset replaces the old one: the store holds one of each.
  if (fresh)
    if (auto stored = m.stored_edition.find(p.dataset); stored != m.stored_edition.end() && stored->second != ed)
      delete_dataset(m.db, p.dataset);
  auto& w = *m.writer;
  for (const auto& a : batch.actors) w.actor(a);
  for (const auto& s : batch.spells) w.spell(s);
  for (const auto& r : batch.alliances) w.alliance(r);
  for (const auto& c : batch.capabilities) w.capability(c, p.dataset);
  if (batch.table.spec) write_table(m.db, batch.table);
  w.provenance(p);
  merge_coverage(m.db, batch.coverage);
  return out;
}

void Store::Import::commit() {
  auto& m = *impl_;
  if (!m.tx) return;  // nothing new: the store was not touched at all
  m.writer->finish(m.db);
  m.writer.reset();
  m.tx->commit();
}

std::vector<FileOutcome> Store::apply(const std::vector<evidence::ImportBatch>& batches) {
  auto import = begin_import();
  std::vector<FileOutcome> outcomes;
  for (const auto& b : batches) outcomes.push_back(import.add(b));
  import.commit();
  return outcomes;
}

void Store::restore(const Contents& c) {
  auto& db = impl_->db;
  sql::Transaction tx(db);
  Writer w(db);
  for (const auto& a : c.actors) w.actor(a);
  for (const auto& s : c.spells) w.spell(s);
  for (const auto& r : c.alliances) w.alliance(r);
  for (const auto& cap : c.capabilities) w.capability(cap, "cow_nmc");  // the only capability source so far
  for (const auto& p : c.provenance) w.provenance(p);
  for (const auto& cov : c.coverage) merge_coverage(db, cov);
  for (const auto& t : c.tables) write_table(db, t);
  w.finish(db);
  sql::Statement scope(db, "INSERT INTO evidence_scope(ccode) VALUES (?)");
  for (int code : c.evidence_scope) scope.bind(1, code).run();
  tx.commit();
}

std::vector<evidence::ActorRecord> Store::actors() const {
  std::vector<evidence::ActorRecord> out;
  sql::Statement q(impl_->db, "SELECT ccode, abbrev, name FROM actor ORDER BY ccode");
  while (q.step()) out.push_back({static_cast<int>(q.integer(0)), q.text(1), q.text(2)});
  return out;
}

std::vector<evidence::SpellRecord> Store::spells() const {
  std::vector<evidence::SpellRecord> out;
  sql::Statement q(impl_->db, "SELECT ccode, start_date, end_date FROM spell ORDER BY ccode, start_date");
  while (q.step()) out.push_back({static_cast<int>(q.integer(0)), q.text(1), q.text(2)});
  return out;
}

std::vector<evidence::Provenance> Store::provenance() const {
  std::vector<evidence::Provenance> out;
  sql::Statement q(impl_->db,
                   "SELECT dataset, version, file_name, sha256, row_count, imported_at, layout FROM provenance"
                   " ORDER BY id");
  while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4), q.text(5), q.text(6)});
  return out;
}

std::vector<evidence::Coverage> Store::coverage() const {
  std::vector<evidence::Coverage> out;
  sql::Statement q(impl_->db,
                   "SELECT dataset, version, first_year, last_year, layout FROM coverage ORDER BY dataset");
  while (q.step())
    out.push_back({q.text(0), q.text(1), static_cast<int>(q.integer(2)), static_cast<int>(q.integer(3)), q.text(4)});
  return out;
}

std::vector<int> Store::evidence_scope() const {
  std::vector<int> out;
  sql::Statement q(impl_->db, "SELECT ccode FROM evidence_scope ORDER BY ccode");
  while (q.step()) out.push_back(static_cast<int>(q.integer(0)));
  return out;
}

namespace {

constexpr const char* kCapabilityColumns = "ccode, year, milex, milper, irst, pec, tpop, upop, cinc";

evidence::CapabilityYear read_capability(const sql::Statement& q) {
  evidence::CapabilityYear c;
  c.ccode = static_cast<int>(q.integer(0));
  c.year = static_cast<int>(q.integer(1));
  c.milex = q.optional_real(2);
  c.milper = q.optional_real(3);
  c.irst = q.optional_real(4);
  c.pec = q.optional_real(5);
  c.tpop = q.optional_real(6);
  c.upop = q.optional_real(7);
  c.cinc = q.optional_real(8);
  return c;
}

}  // namespace

std::vector<AllianceYear> Store::alliances_between(int a, int b, int from, int to) const {
  std::vector<AllianceYear> out;
  alliance_rows::for_each_record(impl_->db, from, to, [&](AllianceYear&& r) {
    if ((r.from == a && r.to == b) || (r.from == b && r.to == a)) out.push_back(std::move(r));
  });
  std::stable_sort(out.begin(), out.end(), [](const AllianceYear& x, const AllianceYear& y) {
    return std::tie(x.year, x.dataset, x.from) < std::tie(y.year, y.dataset, y.from);
  });
  return out;
}

void Store::for_each_alliance(int from, int to, const std::function<void(const AllianceBits&)>& visit) const {
  alliance_rows::for_each(impl_->db, from, to, visit);
}

std::vector<evidence::CapabilityYear> Store::capabilities_of(int ccode, int from, int to) const {
  std::vector<evidence::CapabilityYear> out;
  sql::Statement q(impl_->db, fmt::format("SELECT {} FROM capability WHERE ccode = ? AND year BETWEEN ? AND ?"
                                          " ORDER BY year",
                                          kCapabilityColumns));
  q.bind(1, ccode).bind(2, from).bind(3, to);
  while (q.step()) out.push_back(read_capability(q));
  return out;
}

namespace {
// Runs the table's DDL inside the already open transaction, then hands back the insert SQL.
const std::string& after(sql::Database& db, const std::string& ddl, const std::string& insert) {
  db.exec(ddl);
  return insert;
}
}  // namespace

struct ResultTable::Impl {
  sql::Transaction tx;      // opened first: the table's creation is part of the transaction
  sql::Statement insert;
  std::size_t keys, values;
  Impl(sql::Database& d, const std::string& ddl, const std::string& sql, std::size_t k, std::size_t v)
      : tx(d), insert(d, after(d, ddl, sql)), keys(k), values(v) {}
};

ResultTable::ResultTable(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultTable::ResultTable(ResultTable&&) noexcept = default;
ResultTable::~ResultTable() = default;

void ResultTable::add(const long long* keys, const double* values) {
  auto& q = impl_->insert;
  int at = 1;
  for (std::size_t i = 0; i < impl_->keys; ++i) q.bind(at++, keys[i]);
  for (std::size_t i = 0; i < impl_->values; ++i) {
    if (std::isnan(values[i])) q.bind_null(at++);
    else q.bind(at++, values[i]);
  }
  q.run();
}

void ResultTable::commit() { impl_->tx.commit(); }

ResultTable Store::create_result_table(const std::string& name, const std::vector<std::string>& keys,
                                       const std::vector<std::string>& values) {
  auto plain = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
  };
  if (!plain(name) || (name[0] >= '0' && name[0] <= '9'))
    throw std::invalid_argument(fmt::format("table name '{}': use letters, digits and _, starting with a letter", name));
  // SQLite compares table names without regard to case: so must this check.
  std::string lower = name;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  bool taken = lower.rfind("sqlite_", 0) == 0;
  for_each_row("SELECT lower(name) FROM sqlite_master WHERE type = 'table'", [&](const Row& r) {
    const std::string existing = r.text(0);
    // Any table but an earlier results table (one of entente's own tables has a fixed name).
    bool own = existing == "meta" || existing == "provenance" || existing == "coverage" || existing == "actor" ||
               existing == "spell" || existing == "alliance_year" || existing == "capability" ||
               existing == "evidence_scope" || existing == "event_layer" || existing == "event_source" ||
               existing == "event_cell";
    for (const auto& spec : io::table_specs()) own = own || existing == spec.table;
    if (own && existing == lower) taken = true;
  });
  if (taken) throw std::invalid_argument(fmt::format("'{}' is one of the store's own tables", name));
  std::string columns, marks;
  for (const auto& k : keys) columns += fmt::format("{}{} INTEGER NOT NULL", columns.empty() ? "" : ", ", k);
  for (const auto& v : values) columns += fmt::format(", {} REAL", v);
  for (std::size_t i = 0; i < keys.size() + values.size(); ++i) marks += i ? ",?" : "?";
  const std::string ddl = fmt::format("DROP TABLE IF EXISTS {0}; CREATE TABLE {0} ({1});", name, columns);
  return ResultTable(std::make_unique<ResultTable::Impl>(
      impl_->db, ddl, fmt::format("INSERT INTO {} VALUES ({})", name, marks), keys.size(), values.size()));
}

bool Row::is_null(int col) const {
  return sqlite3_column_type(static_cast<sqlite3_stmt*>(stmt_), col) == SQLITE_NULL;
}
long long Row::integer(int col) const { return sqlite3_column_int64(static_cast<sqlite3_stmt*>(stmt_), col); }
double Row::real(int col) const {
  return is_null(col) ? std::numeric_limits<double>::quiet_NaN()
                      : sqlite3_column_double(static_cast<sqlite3_stmt*>(stmt_), col);
}
std::string Row::text(int col) const {
  const auto* p = sqlite3_column_text(static_cast<sqlite3_stmt*>(stmt_), col);
  return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
}

void Store::for_each_row(const std::string& sql, const std::function<void(const Row&)>& visit,
                         std::initializer_list<long long> params) const {
  sql::Statement q(impl_->db, sql);
  int i = 1;
  for (long long p : params) q.bind(i++, p);
  q.each([&](sqlite3_stmt* stmt) { visit(Row(stmt)); });
}

Counts Store::counts() const {
  auto count = [&](const char* table) {
    sql::Statement q(impl_->db, fmt::format("SELECT count(*) FROM {}", table));
    q.step();
    return q.integer(0);
  };
  return {count("actor"), count("spell"), alliance_rows::count(impl_->db), count("capability"), count("provenance")};
}

Contents Store::contents(const std::vector<int>& scope, int from_year) const {
  Contents c;
  c.actors = actors();
  c.spells = spells();
  c.provenance = provenance();
  c.coverage = coverage();
  c.evidence_scope = scope.empty() ? evidence_scope() : scope;
  const std::set<int> in(scope.begin(), scope.end());
  auto keep = [&](int code) { return in.empty() || in.count(code) > 0; };
  alliance_rows::for_each_record(impl_->db, from_year, std::numeric_limits<int>::max(), [&](AllianceYear&& r) {
    if (keep(r.from) && keep(r.to)) c.alliances.push_back(std::move(r));
  });
  std::stable_sort(c.alliances.begin(), c.alliances.end(), [](const AllianceYear& x, const AllianceYear& y) {
    return std::tie(x.dataset, x.from, x.to, x.year) < std::tie(y.dataset, y.from, y.to, y.year);
  });
  {
    sql::Statement q(impl_->db, fmt::format("SELECT {} FROM capability WHERE year >= ? ORDER BY ccode, year",
                                            kCapabilityColumns));
    q.bind(1, from_year);
    while (q.step()) {
      auto r = read_capability(q);
      if (keep(r.ccode)) c.capabilities.push_back(r);
    }
  }
  std::set<std::string> present;
  for (const auto& cov : c.coverage) present.insert(cov.dataset);
  for (const auto& spec : io::table_specs())
    if (spec.in_world && present.count(std::string(spec.dataset))) c.tables.push_back(table_rows(spec, in, from_year));
  // Datasets whose tables a world file leaves out are not claimed by it either.
  std::erase_if(c.coverage, [](const evidence::Coverage& cov) {
    const auto* spec = io::table_spec(cov.layout);
    return spec && !spec->in_world;
  });
  std::erase_if(c.provenance, [](const evidence::Provenance& p) {
    const auto* spec = io::table_spec(p.layout);
    return spec && !spec->in_world;
  });
  if (from_year > 0)
    for (auto& cov : c.coverage)
      if (cov.dataset != "cow_states" && cov.last_year > 0) cov.first_year = std::max(cov.first_year, from_year);
  return c;
}

evidence::TableRows Store::table_rows(const io::TableSpec& spec, const std::set<int>& scope, int from_year) const {
  evidence::TableRows rows;
  rows.spec = &spec;
  const std::size_t ncol = spec.columns.size();
  rows.numbers.resize(ncol);
  rows.texts.resize(ncol);
  std::string names;
  std::vector<std::size_t> state_columns;
  std::optional<std::size_t> year_column;
  for (std::size_t i = 0; i < ncol; ++i) {
    const auto& col = spec.columns[i];
    names += fmt::format("{}{}", i ? ", " : "", col.name);
    if (col.name == "ccode" || col.name == "ccode1" || col.name == "ccode2") state_columns.push_back(i);
    // A row is kept while it reaches from_year: its last year (or only year) is not earlier.
    const auto last = spec.last_year.empty() ? spec.first_year : spec.last_year;
    if (!last.empty() && col.name == last) year_column = i;
  }
  if (spec.packed_by > 0) {
    packed::read(impl_->db, spec, std::nullopt, [&](const evidence::TableRows& group) {
      for (std::size_t r = 0; r < group.rows; ++r) {
        bool keep = true;
        for (std::size_t i : state_columns)
          keep = keep && (scope.empty() || scope.count(static_cast<int>(group.numbers[i][r])) > 0);
        if (year_column && !std::isnan(group.numbers[*year_column][r]) && group.numbers[*year_column][r] < from_year)
          keep = false;
        if (!keep) continue;
        for (std::size_t i = 0; i < ncol; ++i) {
          if (spec.columns[i].type == io::ColumnType::text)
            rows.texts[i].push_back(spec.columns[i].in_world ? group.texts[i][r] : std::string());
          else
            rows.numbers[i].push_back(group.numbers[i][r]);
        }
        ++rows.rows;
      }
    });
    return rows;
  }
  for_each_row(fmt::format("SELECT {} FROM {}", names, spec.table), [&](const Row& r) {
    for (std::size_t i : state_columns)
      if (!scope.empty() && !scope.count(static_cast<int>(r.integer(static_cast<int>(i))))) return;
    if (year_column && !r.is_null(static_cast<int>(*year_column)) &&
        r.integer(static_cast<int>(*year_column)) < from_year)
      return;
    for (std::size_t i = 0; i < ncol; ++i) {
      const int at = static_cast<int>(i);
      if (spec.columns[i].type == io::ColumnType::text)
        rows.texts[i].push_back(spec.columns[i].in_world ? r.text(at) : std::string());
      else
        rows.numbers[i].push_back(r.real(at));
    }
    ++rows.rows;
  });
  return rows;
}

void Store::for_each_group(const io::TableSpec& spec, std::optional<std::pair<long long, long long>> first_key,
                           const std::function<void(const evidence::TableRows&)>& visit) const {
  if (spec.packed_by == 0)
    throw std::logic_error(fmt::format("table {} is not packed: read it with for_each_row", spec.table));
  packed::read(impl_->db, spec, first_key, visit);
}

}  // namespace entente::store
