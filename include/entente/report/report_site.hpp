#pragma once
// `entente report`: the folder of docs/report.md, which opens offline from a file:// URL —
// index.html, assets/ (the page's script and style and the pinned Vega, Vega-Lite, Vega-Embed and
// world map, all compiled into the library), data.js (the report data for the page, loaded with
// <script src> because browsers refuse fetch on file://), data/report.json and one CSV per table.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/json.hpp"

namespace entente::report {

// Whether this build has the page and its vendor scripts (they come from `npm ci --prefix web`;
// a build without them still builds, and write_report_site says how to get them).
bool has_report_assets() noexcept;
inline constexpr std::string_view kNoReportAssets =
    "this build has no report assets: run scripts/install-deps (it runs npm ci in web/) and rebuild";

struct SiteFile {
  std::string path;  // relative to the folder, '/'-separated
  std::uintmax_t bytes = 0;
};
struct Site {
  std::filesystem::path folder;
  std::filesystem::path index;  // folder / "index.html"
  std::vector<SiteFile> files;  // in the order written
  std::uintmax_t bytes = 0;     // total
};

// The file every report folder holds, so that a later report knows it may replace the folder.
inline constexpr std::string_view kReportMarker = ".entente-report";

// Writes the folder from report_data's JSON: into a temporary folder beside it, renamed into place
// once complete, so a failure leaves nothing behind (not even the parent folders it created). An
// existing folder is replaced whole when it is empty or an earlier report (it holds kReportMarker);
// another folder is refused unless `replace_any` (--force). The current folder and the folders that
// hold it (`.`, `/`) are always refused. Throws std::runtime_error naming the folder or the file
// that cannot be written, or kNoReportAssets in a build without the assets.
Site write_report_site(const Json& data, const std::filesystem::path& folder, bool replace_any = false);

// The pieces, for tests: data.js's text (`window.ENTENTE_REPORT = {…};`, ASCII, so the page reads
// it whatever its encoding), a table as RFC 4180 CSV (header, then one line per row; null is an
// empty cell), and a byte count as "1.4 MB".
std::string data_js(const Json& data);
std::string table_csv(const Json& table);
std::string size_text(std::uintmax_t bytes);

// Opens a file in the desktop's browser with xdg-open; false when xdg-open is not on the PATH or
// fails.
bool open_in_browser(const std::filesystem::path& file);

}  // namespace entente::report
