#pragma once
// The store: an SQLite file (or an in-memory database for the bundled world) holding actors,
// membership spells, evidence and provenance. Schema: docs/schema.md. Every import is one
// transaction; a file whose SHA-256 the store already holds is skipped, so importing the same
// file twice changes nothing.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/events/evidence_layer.hpp"
#include "entente/evidence/records.hpp"
#include "entente/io/table_spec.hpp"

namespace entente::store {

// 2: provider tables described by io::TableSpec; layout in provenance and coverage.
// 3: the largest provider tables stored packed, one row per group (io::TableSpec::packed_by).
// 4: alliance_year packed too, one row per dataset, year and first state.
inline constexpr int kSchemaVersion = 4;

// Everything a store holds, as values: what the bundled world serialises.
struct Contents {
  std::vector<evidence::ActorRecord> actors;
  std::vector<evidence::SpellRecord> spells;
  std::vector<evidence::AllianceYear> alliances;
  std::vector<evidence::CapabilityYear> capabilities;
  std::vector<evidence::Provenance> provenance;
  std::vector<evidence::Coverage> coverage;
  // States whose evidence the store holds; empty means every state. Evidence about a dyad with
  // a state outside the scope is missing, not zero.
  std::vector<int> evidence_scope;
  // Rows of the plain provider tables (io::TableSpec), one entry per table present.
  std::vector<evidence::TableRows> tables;
};

struct FileOutcome {
  std::string file_name;
  std::string dataset;
  std::string version;
  long long rows = 0;
  bool skipped = false;  // already imported (same SHA-256)
};

struct Counts {
  long long actors = 0, spells = 0, alliance_rows = 0, capability_rows = 0, imports = 0;
};

// One alliance dyad-year as Store::for_each_alliance gives it: `coded` and `present` hold bit k for
// evidence::kObligations[k], whether the source codes that obligation and whether it is present.
// `dataset` is valid only inside the callback.
struct AllianceBits {
  std::string_view dataset;
  int year = 0, ccode1 = 0, ccode2 = 0;
  std::uint8_t coded = 0, present = 0;
};

// One result row of Store::for_each_row; valid only inside the callback.
class Row {
 public:
  explicit Row(void* statement) : stmt_(statement) {}
  bool is_null(int col) const;
  long long integer(int col) const;
  double real(int col) const;  // NaN when NULL
  std::string text(int col) const;

 private:
  void* stmt_;
};

// A results table being written into the store (e.g. dyad-years kept for SQL, R or Python):
// created, filled and committed in one transaction; dropped unless commit() is called.
class ResultTable {
 public:
  ~ResultTable();
  ResultTable(ResultTable&&) noexcept;
  void add(const long long* keys, const double* values);  // NaN values are stored as NULL
  void commit();

 private:
  friend class Store;
  struct Impl;
  explicit ResultTable(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class Store {
 public:
  // Opens (creating if needed) a store file. Throws when the file is not an entente store or
  // has another schema version.
  static Store open(const std::filesystem::path& path);
  static Store in_memory();
  // Opens a store image (what image() returns; the bundled world is one, compiled in) where it
  // lies, without copying it: `image` must outlive the store. Reads cost no parse and touch only
  // the pages they need; the first write copies the image, which itself never changes.
  static Store from_image(std::string_view image);
  // Skips the per-commit disk flushes: for a new store that is built under a temporary name
  // and renamed into place once complete (entente import does this), where a crash can only
  // lose the unfinished file, never an existing store.
  void write_without_sync();
  // Opens only when the file exists (for read-only verbs); throws otherwise.
  static Store open_existing(const std::filesystem::path& path);
  // Opens an existing store for reading only (SQLite refuses every write): for `entente serve`,
  // which must never change the store it answers from.
  static Store open_read_only(const std::filesystem::path& path);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // An import under way: the files' batches are added one at a time, in the order given, inside
  // one transaction that commit() ends; destroyed without commit(), nothing is written. A file the
  // store already holds (same SHA-256) is skipped; a new version or layout of a dataset replaces
  // the stored one; two editions of one dataset in one import are an error.
  class Import {
   public:
    FileOutcome add(const evidence::ImportBatch& batch);
    void commit();
    Import(Import&&) noexcept;
    ~Import();

   private:
    friend class Store;
    struct Impl;
    explicit Import(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
  };
  // The transaction starts with the first file that is new: an import of nothing new leaves the
  // store untouched. Only one import at a time, and nothing else is written meanwhile.
  Import begin_import();
  // Applies the batches in one transaction; on any error nothing is written.
  std::vector<FileOutcome> apply(const std::vector<evidence::ImportBatch>& batches);
  // Writes a whole Contents (the bundled world) in one transaction.
  void restore(const Contents& contents);

  std::vector<evidence::ActorRecord> actors() const;
  std::vector<evidence::SpellRecord> spells() const;
  std::vector<evidence::Provenance> provenance() const;
  std::vector<evidence::Coverage> coverage() const;
  std::vector<int> evidence_scope() const;
  // Alliance rows between a and b in either direction, years [from, to].
  std::vector<evidence::AllianceYear> alliances_between(int a, int b, int from, int to) const;
  // Every alliance dyad-year of years [from, to], by dataset, year, ccode1 and ccode2: what the
  // panel reads, without the treaty ids and without a string per row.
  void for_each_alliance(int from, int to, const std::function<void(const AllianceBits&)>& visit) const;
  std::vector<evidence::CapabilityYear> capabilities_of(int ccode, int from, int to) const;
  Counts counts() const;
  // Starts a results table `name` (letters, digits, underscores; replaces one of that name),
  // with integer key columns and real value columns.
  ResultTable create_result_table(const std::string& name, const std::vector<std::string>& keys,
                                  const std::vector<std::string>& values);
  // Runs a read-only query and calls `visit` for every row; for the modules that load evidence
  // in bulk (world::Panel). `params` bind to ?1, ?2, ... in order.
  void for_each_row(const std::string& sql, const std::function<void(const Row&)>& visit,
                    std::initializer_list<long long> params = {}) const;
  // The rows of a packed provider table (io::TableSpec::packed_by > 0; UN votes, IGO
  // memberships, dyadic trade), one stored group at a time in key order and unpacked into long
  // rows of every column of the spec; only groups whose first key column (rcid, year) lies in
  // `first_key` when given. Plain tables are read with for_each_row.
  void for_each_group(const io::TableSpec& spec, std::optional<std::pair<long long, long long>> first_key,
                      const std::function<void(const evidence::TableRows& group)>& visit) const;
  // Event evidence layers (tables event_layer, event_source, event_cell; docs/schema.md), kept
  // apart from the provider datasets: written by `entente events --into`, never by an import.
  // Writes a layer in one transaction, replacing a layer of the same name; on any error nothing
  // is written.
  void write_event_layer(const events::EvidenceLayer& layer);
  std::vector<events::LayerInfo> event_layers() const;  // by name; empty when the store has none
  // The cells of a layer whose period starts in [from_date, to_date] (yyyymmdd), in key order.
  std::vector<events::DyadPeriod> event_cells(const std::string& layer, int from_date, int to_date) const;
  // The whole store as one SQLite database image (sqlite3_serialize), for from_image.
  std::string image() const;
  // Everything, optionally restricted to states in `scope` (empty: all) and years >= from_year.
  Contents contents(const std::vector<int>& scope = {}, int from_year = 0) const;

 private:
  evidence::TableRows table_rows(const io::TableSpec& spec, const std::set<int>& scope, int from_year) const;
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente::store
