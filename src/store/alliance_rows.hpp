#pragma once
// The alliance_year table, stored packed (schema version 4): one store row per dataset, year and
// first state, holding that group's dyad-years as parallel BLOBs in order of the second state.
// About 394,000 dyad-years (ATOP's directed file in two halves, COW's member-years made dyads)
// become about 30,000 store rows, because SQLite spends about a microsecond on a row whatever its
// size. Only this module knows the layout (docs/schema.md, "alliance_year"). Private to the store.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/evidence/records.hpp"
#include "entente/store/store.hpp"
#include "sqlite.hpp"

namespace entente::store::alliance_rows {

// Obligations are stored as two bit sets over evidence::kObligations (bit k for kObligations[k]):
// which the source codes at all, and which of those it codes as present (store::AllianceBits).
//
// Collects the alliance rows of one transaction and writes them packed at its end: a group the
// store already holds (a second file of the same dataset, imported later) is merged, a new row
// replacing a stored one with the same dyad-year, as an INSERT OR REPLACE of one row per
// dyad-year would. Among the rows collected, a later one replaces an earlier one the same way.
class Pending {
 public:
  void add(const evidence::AllianceYear& r);
  void write(sql::Database& db);

 private:
  struct Item {
    std::uint32_t dataset;  // index into datasets_
    int year, from, to;
    std::uint8_t coded, present;
    std::uint32_t order;    // arrival, so that a later row wins
    std::string treaties;   // "12;345", as stored
  };
  std::vector<std::string> datasets_;
  std::vector<Item> items_;
};

// Every stored dyad-year with year in [from, to], group by group in key order (dataset, year,
// first state; second state within a group).
void for_each(const sql::Database& db, int from, int to, const std::function<void(const AllianceBits&)>& visit);

// The same rows as full records (treaty ids included), for the readers that need them.
void for_each_record(const sql::Database& db, int from, int to,
                     const std::function<void(evidence::AllianceYear&&)>& visit);

// How many dyad-years the table holds.
long long count(const sql::Database& db);

}  // namespace entente::store::alliance_rows
