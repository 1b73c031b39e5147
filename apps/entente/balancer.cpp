// `entente balancer`: every triad of a year, who holds the pivot and how flexibly
// (query::balancer).
#include <fmt/format.h>

#include "entente/query/strategic.hpp"
#include "entente/query/years.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* bal = nullptr;
  int bal_year = query::kEssayYear;
  std::optional<int> bal_top;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    bal = app.add_subcommand("balancer", "every triad of a year: who holds the pivot, how flexibly");
    bal->add_option("--year", bal_year, "year")->capture_default_str();
    bal->add_option("--top", bal_top, "only the first N actors");
    add_profile(bal, common);
    add_common(bal, common);
    return bal;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    const auto profile = profile_of(common);
    query::require_evidence_years(source, fmt::format("--year {}", bal_year), bal_year, bal_year);
    const auto result = entente::query::balancer(source, bal_year, bal_top, profile);
    print(result, common, result.at("rows"));
    return 0;
  }
};

}  // namespace

Verb add_balancer(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
