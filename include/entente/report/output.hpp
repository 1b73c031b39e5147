#pragma once
// Every result is JSON first (the one serialisation); CSV and terminal tables are drawn from it.
#include "entente/core/json.hpp"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entente::report {

enum class OutputFormat { table, csv, json };
std::optional<OutputFormat> parse_output_format(std::string_view name);

// An array of JSON objects as columns and cells: nested object keys join with '_', arrays of
// scalars join with ';', null becomes an empty cell (read as NA by R and NaN by pandas).
struct Flat {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> cells;
};
Flat flatten(const Json& rows);

std::string to_csv(const Flat& flat);
// A plain text table with a header rule; numbers right-aligned.
std::string to_text_table(const Flat& flat);
std::string cell_text(const Json& value);

}  // namespace entente::report
