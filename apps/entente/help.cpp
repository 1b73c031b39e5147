// Files and help about the command line itself: `entente completion` and `entente man`, generated
// from the verbs' definitions (the build installs them), and `entente help`, the models' topics.
#include <fmt/format.h>

#include <iostream>

#include "cli.hpp"
#include "help_topics.hpp"
#include "shell_files.hpp"

namespace entente::cli {

namespace {

struct Completion {
  CLI::App* app = nullptr;
  CLI::App* cmp = nullptr;
  std::string cmp_shell;
  explicit Completion(Common&) {}

  CLI::App* define(CLI::App& entente) {
    app = &entente;
    cmp = entente.add_subcommand("completion", "print the shell completion script (bash or zsh) of these commands");
    cmp->add_option("SHELL", cmp_shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
    return cmp;
  }

  int run() {
    std::cout << (cmp_shell == "zsh" ? zsh_completion(*app) : bash_completion(*app));
    return 0;
  }
};

struct Man {
  CLI::App* app = nullptr;
  explicit Man(Common&) {}

  CLI::App* define(CLI::App& entente) {
    app = &entente;
    return entente.add_subcommand("man", "print the man page of these commands (roff, for man(1))");
  }

  int run() {
    std::cout << man_page(*app, ENTENTE_VERSION_STRING);
    return 0;
  }
};

struct Help {
  CLI::App* hlp = nullptr;
  std::string hlp_topic;
  explicit Help(Common&) {}

  CLI::App* define(CLI::App& app) {
    hlp = app.add_subcommand("help", "the models in a few lines, and where each is documented");
    hlp->add_option("TOPIC", hlp_topic, "stance, triangle, balance, landscape, scenarios or events (none: the list)");
    return hlp;
  }

  int run() {
    if (hlp_topic.empty()) {
      std::cout << help_index();
      return 0;
    }
    const auto topic = find_help_topic(hlp_topic);
    if (!topic) {
      std::cerr << fmt::format("entente: no help topic \"{}\"\n{}", hlp_topic, help_index());
      return kUsage;
    }
    std::cout << help_text(*topic, ENTENTE_DOC_DIR);
    return 0;
  }
};

}  // namespace

Verb add_completion(CLI::App& app, Common& common) { return make_verb<Completion>(app, common); }
Verb add_man(CLI::App& app, Common& common) { return make_verb<Man>(app, common); }
Verb add_help(CLI::App& app, Common& common) { return make_verb<Help>(app, common); }

}  // namespace entente::cli
