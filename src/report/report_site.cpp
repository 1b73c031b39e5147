#include "entente/report/report_site.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "entente/report/output.hpp"
#include "report_assets.hpp"

extern char** environ;

namespace entente::report {

namespace {

namespace fs = std::filesystem;

void write_file(Site& site, const std::string& relative, std::initializer_list<std::string_view> parts) {
  const fs::path path = site.folder / fs::path(relative);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  std::uintmax_t bytes = 0;
  for (auto part : parts) {
    out.write(part.data(), static_cast<std::streamsize>(part.size()));
    bytes += part.size();
  }
  out.close();
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write", path.string()));
  site.files.push_back({relative, bytes});
  site.bytes += bytes;
}

void make_folder(const fs::path& folder) {
  std::error_code ec;
  if (fs::exists(folder, ec) && !fs::is_directory(folder, ec))
    throw std::runtime_error(fmt::format("{}: exists and is not a folder", folder.string()));
  fs::create_directories(folder, ec);
  if (ec) throw std::runtime_error(fmt::format("{}: cannot create the folder: {}", folder.string(), ec.message()));
}

// A report replaces its folder whole, so the folder must be one entente may replace: not the
// current folder or one holding it, and, unless `replace_any`, empty or an earlier report.
void check_replaceable(const fs::path& shown, const fs::path& target, bool replace_any) {
  std::error_code ec;
  const fs::path here = fs::weakly_canonical(fs::current_path(), ec);
  const fs::path resolved = fs::weakly_canonical(target, ec);
  for (fs::path p = here;; p = p.parent_path()) {
    if (p == resolved)
      throw std::runtime_error(fmt::format("{}: is the current folder or holds it; a report replaces its folder "
                                           "whole, so name a new folder (e.g. entente-report)",
                                           shown.string()));
    if (p == p.parent_path()) break;
  }
  if (!fs::exists(target, ec)) return;
  if (!fs::is_directory(target, ec))
    throw std::runtime_error(fmt::format("{}: exists and is not a folder", shown.string()));
  if (replace_any || fs::is_empty(target, ec) || fs::is_regular_file(target / kReportMarker, ec)) return;
  throw std::runtime_error(fmt::format("{}: is not empty and is not an earlier report (it has no {} file); "
                                       "name a new folder, or add --force to replace it and everything in it",
                                       shown.string(), kReportMarker));
}

// An executable named `name` on the PATH, or empty.
fs::path on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  std::string_view rest(path);
  while (true) {
    const auto colon = rest.find(':');
    const std::string dir(rest.substr(0, colon));
    if (!dir.empty()) {
      const fs::path candidate = fs::path(dir) / name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    if (colon == std::string_view::npos) return {};
    rest.remove_prefix(colon + 1);
  }
}

}  // namespace

std::string data_js(const Json& data) {
  return "window.ENTENTE_REPORT = " + data.dump(-1, ' ', true) + ";\n";
}

std::string table_csv(const Json& table) {
  Flat flat;
  for (const auto& c : table.at("columns")) flat.columns.push_back(c.get<std::string>());
  for (const auto& row : table.at("rows")) {
    std::vector<std::string> cells;
    for (const auto& cell : row) cells.push_back(cell_text(cell));
    flat.cells.push_back(std::move(cells));
  }
  return to_csv(flat);
}

std::string size_text(std::uintmax_t bytes) {
  const auto b = static_cast<double>(bytes);
  if (bytes < 1000) return fmt::format("{} bytes", bytes);
  if (bytes < 1000 * 1000) return fmt::format("{:.0f} kB", b / 1e3);
  return fmt::format("{:.1f} MB", b / 1e6);
}

Site write_report_site(const Json& data, const fs::path& folder, bool replace_any) {
  const auto assets = report_assets();
  if (assets.empty()) throw std::runtime_error(std::string(kNoReportAssets));
  // Every table's name is a file name; check them all before writing anything.
  std::vector<const Json*> tables;
  for (const auto& section : data.at("sections"))
    for (const auto& table : section.at("tables")) {
      const auto name = table.at("name").get<std::string>();
      if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
        throw std::invalid_argument(fmt::format("report table \"{}\": not a file name of a-z, 0-9 and '-'", name));
      for (const Json* t : tables)
        if (t->at("name") == name) throw std::invalid_argument(fmt::format("two report tables named \"{}\"", name));
      tables.push_back(&table);
    }

  fs::path target = fs::absolute(folder).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "out/"
  check_replaceable(folder, target, replace_any);
  // The parent folders that do not exist yet, so that a failure can remove what it created.
  fs::path created;
  for (fs::path p = target.parent_path(); !fs::exists(p); p = p.parent_path()) created = p;
  const std::string tag = target.filename().string() + fmt::format(".entente-{}", ::getpid());
  const fs::path building = target.parent_path() / ("." + tag + "-new");
  const fs::path previous = target.parent_path() / ("." + tag + "-old");
  Site site;
  site.folder = building;
  try {
    make_folder(building);
    make_folder(building / "assets");
    make_folder(building / "data");
    for (const auto& a : assets) write_file(site, std::string(a.path), {a.prefix, a.bytes, a.suffix});
    write_file(site, "data.js", {data_js(data)});
    write_file(site, "data/report.json", {data.dump(), "\n"});
    for (const Json* t : tables) write_file(site, "data/" + t->at("name").get<std::string>() + ".csv", {table_csv(*t)});
    write_file(site, std::string(kReportMarker),
               {"Written by entente report. Writing a report here again replaces this folder whole.\n"});
    // The earlier folder is moved aside, not deleted, until the new one is in its place.
    const bool replacing = fs::exists(target);
    if (replacing) fs::rename(target, previous);
    try {
      fs::rename(building, target);
    } catch (...) {
      if (replacing) fs::rename(previous, target);
      throw;
    }
    if (replacing) fs::remove_all(previous);
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove_all(building, ec);
    if (!created.empty()) fs::remove_all(created, ec);
    // Name the user's folder, not the temporary one.
    std::string message = e.what();
    for (auto at = message.find(building.string()); at != std::string::npos; at = message.find(building.string()))
      message.replace(at, building.string().size(), folder.string());
    throw std::runtime_error(message);
  }
  site.folder = folder;
  site.index = folder / "index.html";
  return site;
}

bool open_in_browser(const fs::path& file) {
  const fs::path opener = on_path("xdg-open");
  if (opener.empty()) return false;
  const std::string program = opener.string(), target = fs::absolute(file).string();
  std::vector<char*> argv = {const_cast<char*>(program.c_str()), const_cast<char*>(target.c_str()), nullptr};
  pid_t pid = 0;
  if (posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return false;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace entente::report
