// `entente import`: provider files into a store, in one transaction (report::import_files).
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "entente/catalogue/dataset.hpp"
#include "entente/io/importers.hpp"
#include "entente/report/import_run.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

std::string import_help() {
  std::string text =
      "Imports provider files into a store, all in one transaction: a bad row anywhere leaves the\n"
      "store exactly as it was. A file already imported (same SHA-256) is skipped. The format is\n"
      "recognised from the header row; --as names it when needed.\n\nAccepted files:\n";
  for (const auto& f : entente::io::readers()) {
    const auto& d = entente::catalogue::dataset(f.dataset);
    text += fmt::format("  {:<28} {}\n  {:<28} e.g. {}; published by {}\n", f.name, f.describe, "", f.example,
                        d.publisher);
  }
  text += "\nThe bundled default world takes its treaty layer from ATOP; COW alliances are importable\n"
          "from your own download (the COW terms ask that they are not redistributed).";
  return text;
}


struct State {
  Common& common;
  CLI::App* imp = nullptr;
  std::vector<std::string> files;
  std::optional<std::string> forced;
  bool skip_bad_rows = false;
  std::string rejects_path = "entente-rejects.csv";
  bool rejects_force = false;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    imp = app.add_subcommand("import", "import provider files into a store");
    imp->footer(import_help());
    imp->add_option("files", files, "provider files (CSV), or folders to search for them")->required()->check(CLI::ExistingPath);
    imp->add_option("--as", forced, "the files' format, when the header is not enough")
        ->check(CLI::IsMember([] {
          std::vector<std::string> names;
          for (const auto& f : entente::io::readers()) names.emplace_back(f.name);
          return names;
        }()));
    imp->add_flag("--skip-bad-rows", skip_bad_rows,
                  "import the good rows of a file with bad ones, and write the bad ones to --rejects");
    imp->add_option("--rejects", rejects_path, "where --skip-bad-rows writes the rows it left out (CSV)")
        ->capture_default_str();
    imp->add_flag("--force", rejects_force, "let --rejects overwrite an existing file that entente did not write");
    add_common(imp, common);
    return imp;
  }

  int run() {
    const bool terminal = isatty(STDERR_FILENO) != 0;
    entente::report::ImportRequest request;
    request.files.assign(files.begin(), files.end());
    request.forced = forced;
    request.store = common.db.value_or("entente.db");
    request.skip_bad_rows = skip_bad_rows;
    request.rejects = rejects_path;
    request.rejects_force = rejects_force;
    request.left_out = [](const entente::io::PlannedFile& f) {
      std::cerr << "entente: left out " << f.path.string() << ": " << f.note << '\n';
    };
    request.progress = [&](const entente::io::PlannedFile& f, std::size_t done, std::size_t total) {
      if (terminal)
        std::cerr << fmt::format("\r[{}/{}] read {:<60}", done, total, f.path.filename().string()) << std::flush;
    };
    request.finished = [&] {
      if (terminal) std::cerr << "\r" << std::string(80, ' ') << "\r";
    };
    const auto result = entente::report::import_files(request);
    if (skip_bad_rows) {
      std::cerr << fmt::format("entente: skipped {} bad row{}; they are listed in {}\n", result.rejected,
                               result.rejected == 1 ? "" : "s", rejects_path);
    }
    print(Json{{"store", result.store}, {"rows", result.rows}}, common, result.rows);
    if (!common.db) std::cerr << "imported into " << result.store << "; query it with --db " << result.store << '\n';
    return 0;
  }
};

}  // namespace

Verb add_import(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
