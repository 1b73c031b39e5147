#include "entente/api/session.hpp"

#include <fmt/format.h>

#include <sstream>
#include <stdexcept>

#include "entente/bargain/bargain.hpp"
#include "entente/io/file.hpp"
#include "entente/query/actors.hpp"
#include "entente/query/dyad.hpp"
#include "entente/query/idealpoints.hpp"
#include "entente/query/landscape.hpp"
#include "entente/query/scenario.hpp"
#include "entente/query/store_info.hpp"
#include "entente/query/strategic.hpp"
#include "entente/query/years.hpp"

namespace entente::api {

// The facade is made of the query layer's calls.
using namespace entente::query;

namespace {

stance::Profile profile_of(const std::optional<std::string>& name_or_path) {
  return name_or_path ? stance::resolve_profile(*name_or_path) : stance::default_profile();
}

std::vector<int> codes_of(const world::Source& source, const std::vector<std::string>& names) {
  std::vector<int> codes;
  for (const auto& name : names) codes.push_back(source.registry.find(name).ccode);
  return codes;
}

std::string year_text(int year) { return fmt::format("--year {}", year); }

}  // namespace

Session::Session(std::optional<std::filesystem::path> db)
    : db_(std::move(db)), source_(world::open_source_read_only(db_)) {}

Json Session::info() const { return query::info(source_); }

Json Session::cite() const { return query::cite(source_); }

Json Session::actors(std::optional<int> year) const {
  // The state system's years: actors needs no other evidence.
  if (year) require_state_system_years(source_, year_text(*year), *year, *year);
  return query::actors(source_, year);
}

Json Session::dyad(const std::string& a, const std::string& b, std::optional<int> from, std::optional<int> to) const {
  return query::dyad(source_, {&source_.registry.find(a), &source_.registry.find(b), from, to});
}

Json Session::relations(int year, const std::vector<std::string>& actors,
                        const std::optional<std::string>& profile) const {
  const auto resolved = profile_of(profile);
  const auto codes = codes_of(source_, actors);
  require_evidence_years(source_, year_text(year), year, year);
  return query::relations(source_, year, codes, resolved);
}

Json Session::triangle(const std::string& a, const std::string& b, const std::string& c, std::optional<int> from,
                       std::optional<int> to, std::optional<int> year,
                       const std::optional<std::string>& profile) const {
  const auto resolved = profile_of(profile);
  const auto years = triangle_years(year, from, to);
  require_evidence_years(source_, years.asked, years.first, years.last);
  return query::triangle(source_, source_.registry.find(a), source_.registry.find(b), source_.registry.find(c),
                         years.first, years.last, resolved);
}

Json Session::explain(const std::string& a, const std::string& b, int year,
                      const std::optional<std::string>& profile) const {
  const auto resolved = profile_of(profile);
  return query::explain(source_, source_.registry.find(a), source_.registry.find(b), year, resolved);
}

Json Session::balancer(int year, std::optional<int> top, const std::optional<std::string>& profile) const {
  const auto resolved = profile_of(profile);
  require_evidence_years(source_, year_text(year), year, year);
  return query::balancer(source_, year, top, resolved);
}

Json Session::balance(const BalanceQuery& q) const {
  const auto resolved = profile_of(q.profile);
  const BalanceMethod how = balance_method(q);
  const balance::FrustrationOptions options = frustration_options(q);
  const int window = q.window ? window_years(*q.window) : 1;
  require_evidence_years(source_, year_text(q.year), q.year, q.year);
  return query::balance({stance_graph(source_, q.year, resolved, q.min_weight, window)}, options, how);
}

Json Session::blocs(const BlocsQuery& q) const {
  const auto resolved = profile_of(q.profile);
  const balance::BlocOptions options = bloc_options(q);
  if (q.from <= q.to)  // a span partly inside is fine; --to before --from is said by blocs
    require_evidence_years(source_, fmt::format("--from {} --to {}", q.from, q.to), q.from, q.to);
  const int window = q.window ? window_years(*q.window) : 1;
  return query::blocs(stance_graphs(source_, q.from, q.to, resolved, q.min_weight, window), options);
}

Json Session::landscape(const LandscapeQuery& q) const {
  if (q.method != "exact" && q.method != "heuristic")
    throw std::runtime_error(fmt::format("--method: \"{}\" is not exact or heuristic", q.method));
  LandscapeRequest req;
  req.heuristic = q.method == "heuristic";
  req.threads = q.threads;
  req.seed = q.seed;
  req.starts = q.starts;
  const auto codes = codes_of(source_, q.actors);
  if (q.profile) req.profile = stance::resolve_profile(*q.profile);
  return query::landscape(source_, q.year, codes, req);
}

std::string Session::dyads_text(const DyadsOptions& options) const {
  std::ostringstream out;
  write_dyads(source_, dyads_request(source_, options), {out, report::OutputFormat::json});
  return out.str();
}

Json Session::dyads(const DyadsOptions& options) const { return Json::parse(dyads_text(options)); }

std::string Session::states_text(const StatesOptions& options) const {
  std::ostringstream out;
  write_states(source_, states_request(source_, options), {out, report::OutputFormat::json});
  return out.str();
}

Json Session::states(const StatesOptions& options) const { return Json::parse(states_text(options)); }

Json Session::idealpoints(std::optional<int> from, std::optional<int> to,
                          const std::vector<std::string>& actors) const {
  return query::idealpoints(source_, {from, to, codes_of(source_, actors), 0});
}

Json Session::scenario(const std::filesystem::path& file, const ScenarioQuery& q) const {
  const std::optional<std::string> db = db_ ? std::optional(db_->string()) : std::nullopt;
  const auto in = load_scenario_inputs(file.string(), db, q.profile);  // checks the year
  ScenarioRequest request;
  request.members = q.members;
  request.seed = q.seed;
  request.runs = q.runs;
  request.threads = q.threads;
  return query::scenario(in.source, in.scenario, in.profile, request);
}

Json Session::bargain(const std::filesystem::path& file, BargainRequest request) const {
  const auto issue = bargain::read_issue(file.string(), io::read_whole_file(file.string()));
  request.details = true;  // as --format json
  return query::bargain(issue, request);
}

}  // namespace entente::api
