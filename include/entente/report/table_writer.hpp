#pragma once
// Streams a large numeric table (dyad-years, state-years) as CSV or JSON without building it in
// memory; the terminal table is drawn from the same rows. NaN is missing: an empty CSV cell,
// null in JSON. Integral values print without a decimal point.
#include <ostream>
#include <string>
#include <vector>

#include "entente/core/json.hpp"
#include "entente/report/output.hpp"
#include "entente/report/terminal_table.hpp"

namespace entente::report {

class TableWriter {
 public:
  // `keys` are the leading integer columns (e.g. ccode1, ccode2, year); `columns` the values.
  // `style`: how the terminal table rounds and fits (CSV and JSON keep full precision).
  TableWriter(std::ostream& out, OutputFormat format, std::vector<std::string> keys, std::vector<std::string> columns,
              Json metadata = Json::object(), TerminalStyle style = {});
  void row(const std::vector<long long>& keys, const double* values);
  // For CSV and JSON: renders one row onto `out` (const, so worker threads can render blocks of
  // rows in parallel) and writes such a block. The terminal table goes through row().
  void append_row(std::string& out, const long long* keys, const double* values) const;
  void write_block(const std::string& block);
  bool streams() const { return format_ != OutputFormat::table; }
  // Ends the document (JSON closes its arrays; the terminal table is printed here).
  void finish();

 private:
  std::ostream& out_;
  OutputFormat format_;
  std::vector<std::string> keys_, columns_;
  Json metadata_;
  bool first_ = true;
  Flat buffered_;  // terminal table only
  TerminalStyle style_;
  std::string line_;
};

// A number as entente prints it: integral values without a decimal point, shortest round-trip
// otherwise; empty for NaN.
std::string number_text(double v);

}  // namespace entente::report
