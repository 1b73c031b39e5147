#pragma once
// The fixed tables of the entente store (the provider tables come from io::TableSpec);
// docs/schema.md explains every table, store::kSchemaVersion its version.
namespace entente::store {

inline constexpr const char* kSchemaSql = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE provenance (
  id INTEGER PRIMARY KEY, dataset TEXT NOT NULL, version TEXT NOT NULL, file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE, row_count INTEGER NOT NULL, imported_at TEXT NOT NULL,
  layout TEXT NOT NULL);
CREATE TABLE coverage (
  dataset TEXT PRIMARY KEY, version TEXT NOT NULL, first_year INTEGER NOT NULL, last_year INTEGER NOT NULL,
  layout TEXT NOT NULL);
CREATE TABLE actor (ccode INTEGER PRIMARY KEY, abbrev TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE spell (
  ccode INTEGER NOT NULL REFERENCES actor(ccode), start_date TEXT NOT NULL, end_date TEXT NOT NULL,
  PRIMARY KEY (ccode, start_date)) WITHOUT ROWID;
CREATE TABLE alliance_year (
  dataset TEXT NOT NULL, year INTEGER NOT NULL, ccode1 INTEGER NOT NULL,
  ccode2 BLOB NOT NULL, coded BLOB NOT NULL, present BLOB NOT NULL, treaties BLOB NOT NULL,
  PRIMARY KEY (dataset, year, ccode1)) WITHOUT ROWID;
CREATE TABLE capability (
  ccode INTEGER NOT NULL, year INTEGER NOT NULL, dataset TEXT NOT NULL,
  milex REAL, milper REAL, irst REAL, pec REAL, tpop REAL, upop REAL, cinc REAL,
  PRIMARY KEY (ccode, year, dataset)) WITHOUT ROWID;
CREATE TABLE evidence_scope (ccode INTEGER PRIMARY KEY);
)sql";

}  // namespace entente::store
