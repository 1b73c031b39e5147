// `entente info`: what the store holds (query::info, report::info_text).
#include <iostream>

#include "entente/query/store_info.hpp"
#include "entente/report/store_text.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* inf = nullptr;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    inf = app.add_subcommand("info", "what the store holds");
    add_common(inf, common);
    return inf;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    const auto result = entente::query::info(source);
    if (common.format == "table") std::cout << entente::report::info_text(result, source.label);
    print(result, common, entente::query::info_table_rows(result));
    return 0;
  }
};

}  // namespace

Verb add_info(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
