// `entente export-world`: a store's evidence for chosen states as a world file.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "entente/world/export.hpp"
#include "entente/world/source.hpp"
#include "entente/world/world_file.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* exp = nullptr;
  std::string out_path;
  int export_from = 1946;
  std::vector<std::string> export_actors;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    exp = app.add_subcommand("export-world", "write a store's evidence for chosen states as a world file");
    exp->add_option("--out", out_path, "world file to write (JSON)")->required();
    exp->add_option("--actors", export_actors, "states whose evidence to keep (default: the bundled world's)")
        ->delimiter(',');
    exp->add_option("--from", export_from, "first year of evidence to keep");
    add_common(exp, common, false);
    return exp;
  }

  int run() {
    if (!common.db) throw std::runtime_error("export-world needs --db STORE (the store to export from)");
    auto source = entente::world::open_source(db_path(common));
    std::vector<int> scope = entente::world::default_world_states();
    if (!export_actors.empty()) {
      scope.clear();
      for (const auto& name : export_actors) scope.push_back(source.registry.find(name).ccode);
      std::sort(scope.begin(), scope.end());
    }
    const auto contents = entente::world::export_contents(source, scope, export_from);
    std::ofstream out(out_path);
    out << entente::world::to_world_json(contents, export_from).dump() << '\n';
    if (!out) throw std::runtime_error(out_path + ": cannot write");
    std::cerr << fmt::format("wrote {} ({} actors, {} alliance rows, {} capability rows)\n", out_path,
                             contents.actors.size(), contents.alliances.size(), contents.capabilities.size());
    return 0;
  }
};

}  // namespace

Verb add_export_world(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
