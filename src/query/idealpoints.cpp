#include "entente/query/idealpoints.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "entente/core/parallel.hpp"
#include "entente/idealpoint/idealpoint.hpp"
#include "entente/world/panel.hpp"

namespace entente::query {

namespace {

// The part of a panel year this query keeps (not the vote matrix).
struct YearResult {
  bool covered = false;
  std::size_t rollcalls = 0;
  std::vector<int> ccodes;
  std::vector<double> idealpoint;
  std::vector<int> votes;
  idealpoint::Fit fit;
  bool stored = false;
};

// The years of the roll calls of each vote release the store holds.
std::pair<int, int> vote_years(const world::Source& source) {
  const auto coverage = source.store.coverage();
  auto has = [&](const char* dataset) {
    return std::any_of(coverage.begin(), coverage.end(), [&](const auto& c) { return c.dataset == dataset; });
  };
  int first = 0, last = -1;
  for (const auto& [votes, rollcalls] :
       {std::pair{"unga_votes", "unga_rollcalls"}, std::pair{"unvotes_votes", "unvotes_rollcalls"}}) {
    if (!has(votes)) continue;
    for (const auto& c : coverage)
      if (c.dataset == rollcalls && c.first_year <= c.last_year) {
        first = last < first ? c.first_year : std::min(first, c.first_year);
        last = std::max(last, c.last_year);
      }
  }
  if (last < first)
    throw std::runtime_error(source.label + " has no UN General Assembly votes (import the Voeten files)");
  return {first, last};
}

}  // namespace

Json idealpoints(const world::Source& source, const IdealpointsRequest& request) {
  int from = 0, to = 0;
  if (request.from && request.to) {
    from = *request.from, to = *request.to;
  } else {
    const auto [first, last] = vote_years(source);
    from = request.from.value_or(first), to = request.to.value_or(last);
  }
  if (from > to) throw std::invalid_argument(fmt::format("--from {} is after --to {}", from, to));

  world::PanelLayers layers;
  layers.alliances = layers.capabilities = layers.majors = false;
  layers.idealpoints = true;
  const world::Panel panel(source, from, to, layers);
  if (!panel.missing_layers().empty())
    throw std::runtime_error(fmt::format("{} has no {} data", source.label, panel.missing_layers().front()));

  // Years are independent: each worker takes the next year until none is left.
  const std::size_t years = static_cast<std::size_t>(to - from + 1);
  std::vector<YearResult> results(years);
  core::parallel_for(years, request.threads, [&](unsigned, std::uint64_t k) {
    auto y = panel.year(from + static_cast<int>(k));
    auto& r = results[k];
    r.covered = y.votes_covered;
    r.rollcalls = y.rollcalls;
    r.ccodes = std::move(y.ccodes);
    r.idealpoint = std::move(y.idealpoint);
    r.votes = std::move(y.idealpoint_votes);
    r.fit = y.idealpoint_fit;
    r.stored = y.idealpoint_stored;
  });

  auto actors = request.actors;
  std::sort(actors.begin(), actors.end());
  const idealpoint::Options options;
  Json rows = Json::array(), summary = Json::array();
  for (std::size_t k = 0; k < years; ++k) {
    const auto& r = results[k];
    if (!r.covered) continue;
    const int year = from + static_cast<int>(k);
    summary.push_back({{"year", year},
                       {"rollcalls", r.rollcalls},
                       {"rollcalls_kept", r.fit.rollcalls_kept},
                       {"states_estimated", r.fit.states_estimated},
                       {"iterations", r.fit.iterations},
                       {"converged", r.fit.converged},
                       {"sign_anchor", r.fit.sign_anchor ? Json(r.fit.sign_anchor) : Json(nullptr)}});
    for (std::size_t i = 0; i < r.ccodes.size(); ++i) {
      const int ccode = r.ccodes[i];
      if (!actors.empty() && !std::binary_search(actors.begin(), actors.end(), ccode)) continue;
      const auto* actor = source.registry.by_ccode(ccode);
      rows.push_back({{"ccode", ccode},
                      {"abbrev", actor ? Json(actor->abbrev) : Json(nullptr)},
                      {"year", year},
                      {"idealpoint", std::isnan(r.idealpoint[i]) ? Json(nullptr) : Json(r.idealpoint[i])},
                      {"votes", r.votes[i]}});
    }
  }
  const bool stored = std::any_of(results.begin(), results.end(), [](const YearResult& r) { return r.stored; });
  return {{"source", source.label},
          {"from", from},
          {"to", to},
          // A world file carries ideal points estimated from every state's votes when it was
          // written; a store of the provider files has them estimated here from its votes.
          {"estimated_from", stored ? "every state's votes, when the world file was written (table un_idealpoint)"
                                    : "the store's votes"},
          {"estimator",
           {{"model", "binary probit IRT, EM (Imai, Lo & Olmsted 2016) accelerated by SQUAREM"},
            {"item_prior_variance", options.item_prior_variance},
            {"abstention", options.abstention == idealpoint::Abstention::no ? "no" : "missing"},
            {"lopsided_cutoff", options.lopsided_cutoff},
            {"min_votes", options.min_votes},
            {"tolerance", options.tolerance},
            {"identification", "mean 0, SD 1 per year; United States positive"}}},
          {"years", summary},
          {"count", rows.size()},
          {"rows", rows}};
}

}  // namespace entente::query
