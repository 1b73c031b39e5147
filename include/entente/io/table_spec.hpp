#pragma once
// Most provider files are plain tables: one row per dyad-year, state-year, spell or roll call.
// Each is described once, here, by a TableSpec — the provider's columns, their types, ranges
// and missing-value codes, and the store table they land in — and read by one strict reader.
// Files that need more than that (alliances, capabilities, the state system) have readers of
// their own in io/; those whose rows still land in a plain table (COW IGO) have a spec marked
// `special_reader`.
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/evidence/records.hpp"

namespace entente::io {

enum class ColumnType { integer, real, flag, text };

// How a provider's cell becomes the stored value, beyond parsing its type.
enum class Transform {
  none,
  year_of_date,  // "1946-01-01" or "1946-01" -> 1946 (integer)
  iso2_ccode,    // ISO 3166-1 alpha-2 -> COW code (UN votes 2016-2019)
  vote_word,     // "yes"/"abstain"/"no" -> 1/2/3, the Voeten codes
  atop_phase,    // ATOP's atopidphase "4810.2002" -> 2 (the tenths digit, rounded: the file has
                 // float noise such as ".1001" and ".2998"); "4810" -> 0 (a treaty of one phase)
};

struct ColumnSpec {
  std::string_view name;    // column in the store
  std::string_view source;  // column in the provider's file (header name)
  ColumnType type = ColumnType::integer;
  bool required = false;    // an empty or missing-coded cell is an error
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::span<const double> missing{};  // provider codes for "missing" (e.g. -9), stored as NULL
  Transform transform = Transform::none;
  bool in_world = true;  // false: long descriptive text left out of world files
};

struct TableSpec {
  std::string_view format;     // reader name, as given to `entente import --as`
  std::string_view dataset;    // catalogue id
  std::string_view table;      // store table
  std::string_view example;    // a standard file name
  std::string_view describe;   // one line for --help
  std::span<const ColumnSpec> columns;
  std::span<const std::string_view> key;  // primary key (store column names)
  std::string_view first_year;  // store column whose minimum starts the coverage ("" = none)
  std::string_view last_year;   // store column whose maximum ends it (defaults to first_year)
  std::string_view version;     // the provider's version, when the file does not say
  bool in_world = true;         // carried into world files (false: validation data only)
  // Read by a special reader (io::Format of the same name) because the file's layout is not this
  // table's (COW IGO's wide state-year file becomes long rows). The spec still describes the
  // store table and the world file, but the generic reader never claims or parses such a file.
  bool special_reader = false;
  // What identifies a row when the store table has no primary key because some of these columns
  // may be empty (a war participant's side, a Maoz spell's dates): two rows that agree on all of
  // them are a duplicate, refused like a duplicate primary key. Empty when `key` says it.
  std::span<const std::string_view> identity{};
  // Rows are state-years of COW members (columns ccode and year): checked against the state
  // system when the import knows it (io/state_system.hpp).
  bool state_years = false;
  // Stored packed (store/packed.hpp): one store row per group of rows that share the first
  // `packed_by` key columns, every other column kept as an array of the group's values in one
  // blob. For the tables of hundreds of thousands of rows (UN votes per roll call, IGO
  // memberships per state-year, dyadic trade per state-year): writing one row per group instead
  // of one per value is what keeps an import of everything under a second. 0: a plain table.
  std::size_t packed_by = 0;
};

// The columns no two rows of a file may share: the primary key, or else the identity.
std::span<const std::string_view> unique_columns(const TableSpec& spec) noexcept;

std::span<const TableSpec> table_specs() noexcept;
const TableSpec* table_spec(std::string_view format) noexcept;

// SQL that creates a spec's table (for a packed spec: the group columns, then one BLOB per
// other column).
std::string create_table_sql(const TableSpec& spec);

// Reads a file laid out as `spec` says; strict like every reader (file:line:column errors).
// Orders the rows of a table by its spec's key columns: the reader finds duplicate keys with it,
// the store inserts in this order (appending to a B-tree is far cheaper than inserting into it).
// An empty cell (NaN) sorts before every number and equals another empty cell.
class KeyLess {
 public:
  KeyLess(const TableSpec& spec, const evidence::TableRows& rows);
  // Orders by other columns than the primary key (unique_columns for the duplicate check).
  KeyLess(const TableSpec& spec, const evidence::TableRows& rows, std::span<const std::string_view> key);
  bool operator()(std::size_t a, std::size_t b) const;
  const std::vector<std::size_t>& columns() const noexcept { return columns_; }

 private:
  const TableSpec& spec_;
  const evidence::TableRows& rows_;
  std::vector<std::size_t> columns_;
};
// Row indices sorted by key (stable: rows with equal keys keep their file order).
std::vector<std::size_t> rows_in_key_order(const TableSpec& spec, const evidence::TableRows& rows);

struct ReadOptions;
evidence::ImportBatch parse_table(const TableSpec& spec, const std::string& file, std::string_view text,
                                  const ReadOptions& options);

}  // namespace entente::io
