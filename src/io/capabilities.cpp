// COW National Material Capabilities, v6 and v7 layouts. −9 and empty cells are missing.

#include "entente/io/csv.hpp"
#include "entente/io/first_lines.hpp"
#include "entente/io/importers.hpp"
#include "entente/io/state_system.hpp"

namespace entente::io {

evidence::ImportBatch parse_nmc(const std::string& file, std::string_view text, Format layout,
                                const ReadOptions& options) {
  CsvTable t(file, text);
  const auto code = t.column("ccode"), yr = t.column("year");
  const auto milex = t.column("milex"), milper = t.column("milper"), irst = t.column("irst"),
             pec = t.column("pec"), tpop = t.column("tpop"), upop = t.column("upop"),
             cinc = t.column("cinc");
  if (layout == Format::nmc_v6) (void)t.column("stateabb");
  evidence::ImportBatch batch;
  if (options.skip_bad_rows) t.skip_bad_rows_into(&batch.rejected);
  FirstLines state_year_lines;
  int first = 9999, last = 0;
  t.each_row([&] {
    evidence::CapabilityYear row;
    row.ccode = static_cast<int>(t.integer(code, 1, 999));
    row.year = static_cast<int>(t.integer(yr, 1800, 2100));
    check_state_year(t, options, code, yr, row.ccode, row.year);
    row.milex = t.optional_number(milex, {-9});
    row.milper = t.optional_number(milper, {-9});
    row.irst = t.optional_number(irst, {-9});
    row.pec = t.optional_number(pec, {-9});
    row.tpop = t.optional_number(tpop, {-9});
    row.upop = t.optional_number(upop, {-9});
    row.cinc = t.optional_number(cinc, {-9});
    if (row.cinc && (*row.cinc < 0 || *row.cinc > 1)) t.fail(cinc, "a CINC share between 0 and 1");
    if (auto line = state_year_lines.earlier(row.ccode * 10000LL + row.year, t.record().line))
      t.fail(yr, key_not_used_before("ccode, year", *line));
    first = std::min(first, row.year);
    last = std::max(last, row.year);
    batch.capabilities.push_back(row);
  });
  batch.provenance.row_count = static_cast<long long>(t.rows_read());
  batch.coverage = {"", "", first, last, ""};
  return batch;
}

}  // namespace entente::io
