// `entente explain A B`: which evidence and which rule decide a relationship (query::explain,
// report::explain_text).
#include <iostream>

#include "entente/query/strategic.hpp"
#include "entente/query/years.hpp"
#include "entente/report/output.hpp"
#include "entente/report/store_text.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* xpl = nullptr;
  std::string xa, xb;
  int xyear = query::kEssayYear;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    xpl = app.add_subcommand("explain", "which evidence and which rule decide a relationship");
    xpl->add_option("A", xa, "first state")->required();
    xpl->add_option("B", xb, "second state")->required();
    xpl->add_option("--year", xyear, "year")->capture_default_str();
    add_profile(xpl, common);
    add_common(xpl, common);
    return xpl;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    const auto profile = profile_of(common);
    const auto result = entente::query::explain(source, source.registry.find(xa), source.registry.find(xb), xyear, profile);
    if (common.format == "table") {
      std::cout << entente::report::explain_text(result, xyear, profile.name);
    } else if (common.format == "csv") {  // one row: the result flattened (lists joined by ";")
      std::cout << entente::report::to_csv(entente::report::flatten(Json::array({result})));
    } else {
      print(result, common, Json::array({result}));
    }
    return 0;
  }
};

}  // namespace

Verb add_explain(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
