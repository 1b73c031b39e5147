// The entente command line: the verbs in their order, parsed, and the one asked for run. Each verb
// is a file of its own (cli.hpp); this file has no logic of its own.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <malloc.h>

#include <iostream>
#include <string>
#include <vector>

#include "entente/io/parse_error.hpp"
#include "cli.hpp"

int main(int argc, char** argv) {
  using namespace entente::cli;
  // Dyad-year tables allocate and free a few large blocks per year; keeping them on the heap
  // (rather than fresh mmap'd pages each time) avoids a page fault per 4 KiB written.
  mallopt(M_MMAP_THRESHOLD, 512 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
  CLI::App app{"entente: strategic relationships among states, from the field's standard data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", ENTENTE_VERSION_STRING);

  Common common;
  // The order of `entente --help`, the completion and the man page.
  const std::vector<Verb> verbs{
      add_import(app, common),
      // The store and its evidence.
      add_actors(app, common), add_dyad(app, common), add_cite(app, common), add_info(app, common),
      add_dyads(app, common), add_states(app, common), add_idealpoints(app, common),
      // The stance model and strategic triangles.
      add_explain(app, common), add_relations(app, common), add_triangle(app, common), add_balancer(app, common),
      add_balance(app, common), add_blocs(app, common), add_landscape(app, common),
      // Counterfactual scenarios, their dynamics and ensembles (docs/scenarios.md), and bargaining.
      add_scenario(app, common), add_bargain(app, common), add_similarity(app, common),
      add_report(app, common), add_export_world(app, common), add_serve(app, common),
      add_events(app, common),
      // Files and help about the command line itself.
      add_completion(app, common), add_man(app, common), add_help(app, common)};

  try {
    app.parse(argc, argv);
    for (const auto& verb : verbs)
      if (verb.check && verb.command->parsed()) verb.check();
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 calls an unknown verb "A subcommand is required"; name the word and the verbs instead.
    if (app.get_subcommands().empty() && argc > 1 && argv[1][0] != '-') {
      std::vector<std::string> names;
      for (const auto* cmd : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(cmd->get_name());
      std::cerr << fmt::format("entente: unknown command \"{}\"; the commands are: {}\n", argv[1],
                               fmt::join(names, ", "));
      return kUsage;
    }
    app.exit(e);
    return kUsage;
  }

  try {
    for (const auto& verb : verbs)
      if (verb.command->parsed()) return verb.run();
    return 0;
  } catch (const entente::io::ParseError& e) {
    std::cerr << "entente: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "entente: " << e.what() << '\n';
    return kBadInput;
  }
}
