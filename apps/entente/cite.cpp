// `entente cite`: the references of every dataset in the store (query::cite, report::cite_text).
#include <iostream>

#include "entente/query/store_info.hpp"
#include "entente/report/store_text.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* cit = nullptr;
  bool bibtex = false;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    cit = app.add_subcommand("cite", "references for every dataset in the store");
    cit->add_flag("--bibtex", bibtex, "print BibTeX entries");
    add_common(cit, common);
    return cit;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    const auto result = entente::query::cite(source);
    if (common.format == "table") {
      std::cout << entente::report::cite_text(result, bibtex);
    } else {
      print(result, common, result.at("rows"));
    }
    return 0;
  }
};

}  // namespace

Verb add_cite(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
