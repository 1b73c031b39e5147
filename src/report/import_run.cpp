#include "entente/report/import_run.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "entente/report/output.hpp"
#include "entente/store/store.hpp"

namespace entente::report {

namespace {

// The rejects file under a temporary name beside it: every row left out, with the error a strict
// import would have given. The import renames it into place once the store is committed.
std::filesystem::path write_rejects(const std::filesystem::path& rejects,
                                    const std::vector<evidence::ImportBatch>& batches) {
  Json reject_rows = Json::array();
  for (const auto& b : batches)
    for (const auto& r : b.rejected)
      reject_rows.push_back({{"file", b.provenance.file_name}, {"line", r.line}, {"error", r.error}, {"row", r.text}});
  const std::filesystem::path temporary = rejects.string() + ".entente-tmp";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << (reject_rows.empty() ? std::string(kRejectsHeader) + "\n"
                              : to_csv(flatten(reject_rows)));
  out.close();
  if (!out) {
    std::error_code ec;
    std::filesystem::remove(temporary, ec);
    throw std::runtime_error(rejects.string() + ": cannot write");
  }
  return temporary;
}

}  // namespace

void check_rejects_path(const std::filesystem::path& rejects, const std::filesystem::path& store,
                        const std::vector<io::PlannedFile>& plan, bool force) {
  namespace fs = std::filesystem;
  const auto same = [&](const fs::path& other) {
    std::error_code ec;
    if (fs::exists(rejects, ec) && fs::exists(other, ec)) return fs::equivalent(rejects, other, ec);
    return fs::weakly_canonical(rejects, ec) == fs::weakly_canonical(other, ec);
  };
  const auto refuse = [&](const std::string& why) {
    return std::runtime_error(fmt::format("--rejects {}: {}", rejects.string(), why));
  };
  if (same(store) || same(store.string() + ".importing")) throw refuse("this is the store; name another file");
  for (const auto& f : plan)
    if (same(f.path)) throw refuse(fmt::format("this is the input file {}; name another file", f.path.string()));
  std::error_code ec;
  if (fs::is_directory(rejects, ec)) throw refuse("is a folder, expected a file name");
  const fs::path parent = rejects.parent_path().empty() ? fs::path(".") : rejects.parent_path();
  if (!fs::is_directory(parent, ec)) throw refuse(fmt::format("the folder {} does not exist", parent.string()));
  if (fs::exists(rejects, ec) && !force) {
    std::ifstream in(rejects, std::ios::binary);
    std::string first;
    std::getline(in, first);
    if (!first.empty() && first.back() == '\r') first.pop_back();
    if (first != kRejectsHeader)
      throw refuse(fmt::format("exists and is not a rejects file of entente (its first line is not \"{}\"); "
                               "name another file, or add --force to overwrite it",
                               kRejectsHeader));
  }
}

ImportResult import_files(const ImportRequest& request) {
  const auto plan = io::plan_import(request.files, request.forced);
  const std::size_t total = std::count_if(plan.begin(), plan.end(), [](auto& f) { return !f.reader.empty(); });
  // State-year rows are checked against the state system: the states file of this import, or
  // else the one already in the store.
  std::vector<evidence::SpellRecord> store_spells;
  if (const auto& into = request.store; std::filesystem::is_regular_file(into) && std::filesystem::file_size(into) > 0)
    store_spells = store::Store::open_existing(into).spells();
  for (const auto& f : plan)
    if (f.reader.empty() && request.left_out) request.left_out(f);
  if (total == 0) {  // an empty store would look like a successful import
    std::vector<std::string> named;
    for (const auto& f : request.files) named.push_back(f.string());
    throw std::runtime_error(fmt::format("no provider files to import in {} (see 'entente import --help' for the "
                                         "files entente reads); no store was written",
                                         fmt::join(named, ", ")));
  }
  const auto parse_threads = request.threads > 0 ? request.threads : std::max(1u, std::thread::hardware_concurrency());
  const auto show_progress = [&](const io::PlannedFile& f, std::size_t done) {
    if (request.progress) request.progress(f, done, total);
  };
  const std::string& path = request.store;
  const bool skip_bad_rows = request.skip_bad_rows;
  if (skip_bad_rows) check_rejects_path(request.rejects, path, plan, request.rejects_force);
  // A new store is built under a temporary name and renamed into place when complete, so a
  // failed import leaves no store behind and the build can skip per-commit disk flushes.
  const bool existed = std::filesystem::exists(path);
  const std::string building = existed ? path : path + ".importing";
  std::vector<store::FileOutcome> outcomes;
  std::vector<std::size_t> skipped_rows;  // per file read, under skip_bad_rows
  std::filesystem::path rejects_written;
  try {
    if (skip_bad_rows) {
      // Every file is parsed before the store is opened, and the rejects file is written
      // before the store is touched, so that either both the import and the list of its
      // left-out rows are in place or neither is.
      const auto batches = io::read_planned(plan, parse_threads, show_progress, true, store_spells);
      rejects_written = write_rejects(request.rejects, batches);
      if (!existed) std::filesystem::remove(building);
      auto store = store::Store::open(building);
      if (!existed) store.write_without_sync();
      outcomes = store.apply(batches);
      for (const auto& b : batches) skipped_rows.push_back(b.rejected.size());
    } else {
      // Strict: each file is written, in order, while the later ones are still parsed; any
      // error rolls the one transaction back (and a new store is never renamed into place).
      if (!existed) std::filesystem::remove(building);
      auto store = store::Store::open(building);
      if (!existed) store.write_without_sync();
      auto import = store.begin_import();
      io::read_planned_each(plan, parse_threads, show_progress, false, store_spells,
                            [&](std::size_t, evidence::ImportBatch& batch) {
                              outcomes.push_back(import.add(batch));
                              skipped_rows.push_back(0);
                            });
      import.commit();
    }
  } catch (...) {
    if (request.finished) request.finished();
    if (!existed) std::filesystem::remove(building);
    std::error_code ignored;
    if (!rejects_written.empty()) std::filesystem::remove(rejects_written, ignored);
    throw;
  }
  if (request.finished) request.finished();
  if (!existed) std::filesystem::rename(building, path);
  if (skip_bad_rows) std::filesystem::rename(rejects_written, request.rejects);
  ImportResult result;
  result.store = path;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const auto& o = outcomes[i];
    result.rows.push_back({{"file", o.file_name},
                           {"dataset", o.dataset},
                           {"version", o.version},
                           {"rows", o.rows},
                           {"skipped_rows", skipped_rows[i]},
                           {"status", o.skipped ? "already imported" : "imported"}});
    result.rejected += skipped_rows[i];
  }
  return result;
}

}  // namespace entente::report
