#pragma once
// `entente import` as one call: plan the files, read them on worker threads and write them into a
// store in one transaction; under skip_bad_rows also the rejects file (the rows left out, as CSV).
// Either the store and the rejects file are both in place afterwards, or neither changed.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/json.hpp"
#include "entente/io/import_plan.hpp"

namespace entente::report {

// The first line of every rejects file entente writes (an empty one too).
inline constexpr std::string_view kRejectsHeader = "file,line,error,row";

struct ImportRequest {
  std::vector<std::filesystem::path> files;  // provider files, or folders to search for them
  std::optional<std::string> forced;          // the files' format (--as), when the header is not enough
  std::string store = "entente.db";
  bool skip_bad_rows = false;
  std::filesystem::path rejects = "entente-rejects.csv";
  bool rejects_force = false;  // overwrite a rejects path that entente did not write
  unsigned threads = 0;        // readers; 0: one per core
  // A file found in a folder that is not a provider file (it is left out).
  std::function<void(const io::PlannedFile& file)> left_out;
  // After each file is read: `done` of `total`.
  std::function<void(const io::PlannedFile& file, std::size_t done, std::size_t total)> progress;
  // Once the reading and writing are over, whether they succeeded or not (to clear a progress line).
  std::function<void()> finished;
};

struct ImportResult {
  std::string store;
  Json rows = Json::array();  // per file read: file, dataset, version, rows, skipped_rows, status
  std::size_t rejected = 0;   // rows left out under skip_bad_rows
};

// Throws (leaving no new store and no rejects file behind) when there is nothing to import, when
// the rejects path is refused (check_rejects_path) or when a file cannot be read or written.
ImportResult import_files(const ImportRequest& request);

// --rejects is checked before the store is opened: it may be neither the store nor an input, and
// an existing file is overwritten only when entente wrote it (or `force` says so), because a
// mistyped path would otherwise destroy the very data being imported.
void check_rejects_path(const std::filesystem::path& rejects, const std::filesystem::path& store,
                        const std::vector<io::PlannedFile>& plan, bool force);

}  // namespace entente::report
