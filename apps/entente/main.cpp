// The entente command line: parse flags, call the library, print a report. No logic of its own.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <algorithm>

#include "entente/catalogue/dataset.hpp"
#include "entente/io/importers.hpp"
#include "entente/io/parse_error.hpp"
#include "entente/query/actors.hpp"
#include "entente/query/dyad.hpp"
#include "entente/query/store_info.hpp"
#include "entente/report/output.hpp"
#include "entente/world/source.hpp"
#include "entente/world/world_file.hpp"

namespace {

using entente::Json;
using entente::report::OutputFormat;

constexpr int kBadInput = 1;
constexpr int kUsage = 2;

struct Common {
  std::optional<std::string> db;
  std::string format = "table";
};

void add_common(CLI::App* cmd, Common& common, bool with_format = true) {
  cmd->add_option("--db", common.db, "store file (default: the bundled default world)")->envname("ENTENTE_DB");
  if (with_format)
    cmd->add_option("--format", common.format, "output: table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
}

std::optional<std::filesystem::path> db_path(const Common& c) {
  if (!c.db) return std::nullopt;
  return std::filesystem::path(*c.db);
}

// JSON prints the whole result; CSV and tables print its rows.
void print(const Json& result, const Common& common, const Json& table_rows) {
  const auto format = entente::report::parse_output_format(common.format).value_or(OutputFormat::table);
  switch (format) {
    case OutputFormat::json: std::cout << result.dump(2) << '\n'; break;
    case OutputFormat::csv: std::cout << entente::report::to_csv(entente::report::flatten(result.at("rows"))); break;
    case OutputFormat::table: std::cout << entente::report::to_text_table(entente::report::flatten(table_rows)); break;
  }
}

std::string import_help() {
  std::string text =
      "Imports provider files into a store, all in one transaction: a bad row anywhere leaves the\n"
      "store exactly as it was. A file already imported (same SHA-256) is skipped. The format is\n"
      "recognised from the header row; --as names it when needed.\n\nAccepted files:\n";
  for (const auto& f : entente::io::formats()) {
    const auto& d = entente::catalogue::dataset(f.dataset);
    text += fmt::format("  {:<28} {}\n  {:<28} e.g. {}; published by {}\n", f.name, f.describe, "", f.example,
                        d.publisher);
  }
  text += "\nThe bundled default world takes its treaty layer from ATOP; COW alliances are importable\n"
          "from your own download (the COW terms ask that they are not redistributed).";
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"entente: strategic relationships among states, from the field's standard data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", ENTENTE_VERSION_STRING);

  Common common;

  auto* imp = app.add_subcommand("import", "import provider files into a store");
  imp->footer(import_help());
  std::vector<std::string> files;
  std::optional<std::string> forced;
  imp->add_option("files", files, "provider files (CSV)")->required()->check(CLI::ExistingFile);
  imp->add_option("--as", forced, "the files' format, when the header is not enough")
      ->check(CLI::IsMember([] {
        std::vector<std::string> names;
        for (const auto& f : entente::io::formats()) names.emplace_back(f.name);
        return names;
      }()));
  add_common(imp, common);

  auto* act = app.add_subcommand("actors", "list the states (of one year)");
  std::optional<int> year;
  act->add_option("--year", year, "only states in the system that year");
  add_common(act, common);

  auto* dy = app.add_subcommand("dyad", "the evidence between two states, year by year");
  std::string a_name, b_name;
  std::optional<int> from, to;
  dy->add_option("A", a_name, "first state: COW code, abbreviation, ISO3 or name")->required();
  dy->add_option("B", b_name, "second state")->required();
  dy->add_option("--from", from, "first year (default: the first year both are states)");
  dy->add_option("--to", to, "last year (default: the last year both are states)");
  add_common(dy, common);

  auto* cit = app.add_subcommand("cite", "references for every dataset in the store");
  bool bibtex = false;
  cit->add_flag("--bibtex", bibtex, "print BibTeX entries");
  add_common(cit, common);

  auto* inf = app.add_subcommand("info", "what the store holds");
  add_common(inf, common);

  auto* exp = app.add_subcommand("export-world", "write a store's evidence for chosen states as a world file");
  std::string out_path;
  int export_from = 1946;
  std::vector<std::string> export_actors;
  exp->add_option("--out", out_path, "world file to write (JSON)")->required();
  exp->add_option("--actors", export_actors, "states whose evidence to keep (default: the bundled world's)")
      ->delimiter(',');
  exp->add_option("--from", export_from, "first year of evidence to keep");
  add_common(exp, common, false);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }

  try {
    if (imp->parsed()) {
      // Parse every file completely before the store is opened: a bad file never touches it.
      std::optional<entente::io::Format> format;
      if (forced) format = entente::io::format_by_name(*forced);
      std::vector<entente::evidence::ImportBatch> batches;
      for (const auto& f : files) batches.push_back(entente::io::read_provider_file(f, format));
      const std::string path = common.db.value_or("entente.db");
      auto store = entente::store::Store::open(path);
      const auto outcomes = store.apply(batches);
      Json rows = Json::array();
      for (const auto& o : outcomes)
        rows.push_back({{"file", o.file_name},
                        {"dataset", o.dataset},
                        {"version", o.version},
                        {"rows", o.rows},
                        {"status", o.skipped ? "already imported" : "imported"}});
      print(Json{{"store", path}, {"rows", rows}}, common, rows);
      if (!common.db) std::cerr << "imported into " << path << "; query it with --db " << path << '\n';
      return 0;
    }
    if (exp->parsed()) {
      if (!common.db) throw std::runtime_error("export-world needs --db STORE (the store to export from)");
      auto source = entente::world::open_source(db_path(common));
      std::vector<int> scope = entente::world::default_world_states();
      if (!export_actors.empty()) {
        scope.clear();
        for (const auto& name : export_actors) scope.push_back(source.registry.find(name).ccode);
        std::sort(scope.begin(), scope.end());
      }
      const auto contents = source.store.contents(scope, export_from);
      std::ofstream out(out_path);
      out << entente::world::to_world_json(contents, export_from).dump() << '\n';
      if (!out) throw std::runtime_error(out_path + ": cannot write");
      std::cerr << fmt::format("wrote {} ({} actors, {} alliance rows, {} capability rows)\n", out_path,
                               contents.actors.size(), contents.alliances.size(), contents.capabilities.size());
      return 0;
    }

    auto source = entente::world::open_source(db_path(common));
    if (act->parsed()) {
      const auto result = entente::query::actors(source, year);
      print(result, common, entente::query::actors_table_rows(result));
    } else if (dy->parsed()) {
      const entente::query::DyadRequest req{&source.registry.find(a_name), &source.registry.find(b_name), from, to};
      const auto result = entente::query::dyad(source, req);
      print(result, common, entente::query::dyad_table_rows(result));
    } else if (cit->parsed()) {
      const auto result = entente::query::cite(source);
      if (common.format == "table") {
        for (const auto& r : result.at("rows"))
          std::cout << (bibtex ? r.at("bibtex").get<std::string>() : r.at("citation").get<std::string>()) << "\n\n";
      } else {
        print(result, common, result.at("rows"));
      }
    } else if (inf->parsed()) {
      const auto result = entente::query::info(source);
      if (common.format == "table") {
        const auto& c = result.at("counts");
        std::cout << fmt::format("{}: {} actors, {} spells, {} alliance rows, {} capability rows\n",
                                 source.label, c.at("actors").get<long long>(), c.at("spells").get<long long>(),
                                 c.at("alliance_rows").get<long long>(), c.at("capability_rows").get<long long>());
      }
      print(result, common, entente::query::info_table_rows(result));
    }
    return 0;
  } catch (const entente::io::ParseError& e) {
    std::cerr << "entente: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "entente: " << e.what() << '\n';
    return kBadInput;
  }
}
