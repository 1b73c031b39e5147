#include "entente/world/export.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "entente/io/file.hpp"
#include "entente/io/table_spec.hpp"
#include "entente/world/panel.hpp"

namespace entente::world {

store::Contents export_contents(const Source& source, std::vector<int> scope, int from_year) {
  std::sort(scope.begin(), scope.end());
  auto contents = source.store.contents(scope, from_year);
  // The years the votes cover (both releases), from the store's coverage of the roll calls.
  int first = 0, last = -1;
  for (const auto& c : contents.coverage)
    if ((c.dataset == "unga_rollcalls" || c.dataset == "unvotes_rollcalls") && c.first_year <= c.last_year) {
      first = last < first ? c.first_year : std::min(first, c.first_year);
      last = std::max(last, c.last_year);
    }
  first = std::max(first, from_year);
  const auto* spec = io::table_spec("un-idealpoints");
  if (last < first || !spec) return contents;
  PanelLayers layers;
  layers.alliances = layers.capabilities = layers.majors = false;
  layers.idealpoints = true;
  const Panel panel(source, first, last, layers);
  evidence::TableRows rows;
  rows.spec = spec;
  rows.numbers.resize(spec->columns.size());
  rows.texts.resize(spec->columns.size());
  std::string digest;  // the values written, for the provenance's fingerprint
  for (int y = first; y <= last; ++y) {
    const auto year = panel.year(y);
    for (std::size_t i = 0; i < year.n(); ++i) {
      const int ccode = year.ccodes[i];
      if (std::isnan(year.idealpoint[i]) || !std::binary_search(scope.begin(), scope.end(), ccode)) continue;
      rows.numbers[0].push_back(ccode);
      rows.numbers[1].push_back(y);
      rows.numbers[2].push_back(year.idealpoint[i]);
      rows.numbers[3].push_back(year.idealpoint_votes[i]);
      digest += fmt::format("{},{},{:.17g},{}\n", ccode, y, year.idealpoint[i], year.idealpoint_votes[i]);
      ++rows.rows;
    }
  }
  if (rows.rows == 0) return contents;
  const std::string layout(spec->format), dataset(spec->dataset);
  contents.tables.push_back(std::move(rows));
  contents.coverage.push_back({dataset, "entente", first, last, layout});
  evidence::Provenance p;
  p.dataset = dataset;
  p.version = "entente";
  p.file_name = "estimated from the UN votes of every state (entente idealpoints)";
  p.sha256 = io::sha256_hex(digest);
  p.row_count = static_cast<long long>(contents.tables.back().rows);
  p.layout = layout;
  contents.provenance.push_back(std::move(p));
  return contents;
}

}  // namespace entente::world
