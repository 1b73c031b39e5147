#pragma once
// Packed provider tables (io::TableSpec::packed_by > 0): the rows that share the first packed_by
// key columns (a roll call's votes, a state-year's IGO memberships, a state-year's dyadic trade)
// are one store row, and each other column is one blob holding the group's values in key order.
// The long rows the readers parse and the world file writes are unchanged: only the store's
// layout differs, and only this module reads or writes it. Private to the store module.
//
// Blob layout, per column type: integer and flag columns are little-endian int32 values (NULL
// is INT32_MIN), real columns little-endian IEEE doubles (NULL is NaN), text columns the values
// each followed by a NUL byte (NULL is the empty string, as in evidence::TableRows).
#include <functional>
#include <optional>
#include <utility>

#include "entente/evidence/records.hpp"
#include "sqlite.hpp"

namespace entente::store::packed {

// Writes the rows of a packed table, one store row per group, in key order. A group the table
// already holds (a second file of the same roll call or year) is merged with it: a new row
// replaces a stored row with the same key, as an INSERT OR REPLACE of a plain table would.
void write(sql::Database& db, const evidence::TableRows& rows);

// Calls `visit` once per stored group (first group column within `first_key`, when given), in
// key order, with the group's rows unpacked into long rows of every column of the spec.
void read(const sql::Database& db, const io::TableSpec& spec,
          const std::optional<std::pair<long long, long long>>& first_key,
          const std::function<void(const evidence::TableRows& group)>& visit);

}  // namespace entente::store::packed
