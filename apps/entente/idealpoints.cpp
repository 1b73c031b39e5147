// `entente idealpoints`: one-dimensional UN ideal points per state-year (query::idealpoints).
#include "entente/query/idealpoints.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* idp = nullptr;
  std::optional<int> idp_from, idp_to;
  std::vector<std::string> idp_actors;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    idp = app.add_subcommand("idealpoints", "one-dimensional UN ideal points per state-year, estimated from the votes");
    idp->add_option("--from", idp_from, "first year (default: the first year of the store's UN votes)");
    idp->add_option("--to", idp_to, "last year (default: the last year of the store's UN votes)");
    idp->add_option("--actors", idp_actors, "only these states' rows (comma separated; every state takes part in the estimate)")
        ->delimiter(',');
    idp->footer("Binary probit IRT by EM (Imai, Lo & Olmsted 2016), one year at a time: yes against no or abstain,\n"
                "roll calls with a minority under 2.5% dropped, states with under 10 usable votes left out,\n"
                "each year scaled to mean 0 and SD 1 with the United States positive (docs/models/idealpoints.md).");
    add_common(idp, common);
    return idp;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    entente::query::IdealpointsRequest req{idp_from, idp_to, {}, 0};
    for (const auto& name : idp_actors) req.actors.push_back(source.registry.find(name).ccode);
    const auto result = entente::query::idealpoints(source, req);
    print(result, common, result.at("rows"));
    return 0;
  }
};

}  // namespace

Verb add_idealpoints(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
