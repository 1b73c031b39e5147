// The R package's C++ side: every function calls entente::api::Session, which answers with the
// JSON the command line prints for the same query, and hands that text to R, where jsonlite reads
// it into data.frames and lists (R/verbs.R). Nothing is computed or converted here, so R and the
// CLI cannot drift apart.
//
// Options arrive as a named list holding only what the caller gave; a field left out keeps the
// default of the query's struct, which is the CLI's. Errors are std::exceptions with the CLI's
// messages; Rcpp's generated wrappers (RcppExports.cpp) turn them into R errors.
#include <Rcpp.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "entente/api/session.hpp"

namespace {

using entente::api::Session;

const Session& session(SEXP world) {
  // A world saved with saveRDS comes back as a null pointer: the open store does not travel.
  if (TYPEOF(world) != EXTPTRSXP || R_ExternalPtrAddr(world) == nullptr)
    throw std::invalid_argument(
        "this entente_world is no longer open (saved and restored?): open it again with entente_world()");
  return *Rcpp::XPtr<Session>(world);
}

std::string text(const entente::Json& json) {
  return json.dump();
}

// R has no 64-bit integers: counts and seeds come as doubles and must be whole and non-negative.
std::uint64_t count_of(SEXP value, const char* name) {
  const double x = Rcpp::as<double>(value);
  if (!(x >= 0) || x != std::floor(x) || x > 9007199254740992.0)  // 2^53: the doubles that are exact integers
    throw std::invalid_argument(std::string(name) + ": expected a whole number >= 0");
  return static_cast<std::uint64_t>(x);
}

template <class T>
T value_of(SEXP value, const char* name) {
  if constexpr (std::is_same_v<T, std::uint64_t>)
    return count_of(value, name);
  else if constexpr (std::is_same_v<T, unsigned>) {
    const auto n = count_of(value, name);
    if (n > std::numeric_limits<unsigned>::max()) throw std::invalid_argument(std::string(name) + ": too large");
    return static_cast<unsigned>(n);
  } else
    return Rcpp::as<T>(value);
}

// Sets `field` from options[name] when the caller gave it.
template <class T>
void take(const Rcpp::List& options, const char* name, T& field) {
  if (options.containsElementNamed(name)) field = value_of<T>(options[name], name);
}
template <class T>
void take(const Rcpp::List& options, const char* name, std::optional<T>& field) {
  if (options.containsElementNamed(name)) field = value_of<T>(options[name], name);
}

// Sets each field from the option of the same name, when given (names and fields in one order).
template <class... T>
void take_fields(const Rcpp::List& options, std::initializer_list<const char*> names, T&... fields) {
  if (names.size() != sizeof...(T)) throw std::logic_error("take_fields: names and fields differ in number");
  auto name = names.begin();
  (take(options, *name++, fields), ...);
}

// The single-year verbs take the year as a plain int with the CLI's default in their signature;
// a default query holds the same default, so it is read there instead of written again.
int year_or_default(const Rcpp::List& options) {
  entente::api::BalanceQuery defaults;
  take(options, "year", defaults.year);
  return defaults.year;
}

template <class T>
std::optional<T> optional(const Rcpp::List& options, const char* name) {
  std::optional<T> value;
  take(options, name, value);
  return value;
}

}  // namespace

// [[Rcpp::export(.entente_open)]]
SEXP entente_open(SEXP db) {
  std::optional<std::filesystem::path> path;
  if (!Rf_isNull(db)) path = Rcpp::as<std::string>(db);
  return Rcpp::XPtr<Session>(new Session(path), true);
}

// [[Rcpp::export(.entente_call)]]
std::string entente_call(SEXP world, std::string verb, Rcpp::List options) {
  const Session& s = session(world);
  auto str = [&](const char* name) { return Rcpp::as<std::string>(options[name]); };
  auto strings = [&](const char* name) {
    return options.containsElementNamed(name) ? Rcpp::as<std::vector<std::string>>(options[name])
                                              : std::vector<std::string>{};
  };
  if (verb == "info") return text(s.info());
  if (verb == "cite") return text(s.cite());
  if (verb == "actors") return text(s.actors(optional<int>(options, "year")));
  if (verb == "dyad")
    return text(s.dyad(str("a"), str("b"), optional<int>(options, "from"), optional<int>(options, "to")));
  if (verb == "relations")
    return text(s.relations(year_or_default(options), strings("actors"), optional<std::string>(options, "profile")));
  if (verb == "triangle")
    return text(s.triangle(str("a"), str("b"), str("c"), optional<int>(options, "from"), optional<int>(options, "to"),
                           optional<int>(options, "year"), optional<std::string>(options, "profile")));
  if (verb == "explain")
    return text(s.explain(str("a"), str("b"), year_or_default(options), optional<std::string>(options, "profile")));
  if (verb == "balancer")
    return text(
        s.balancer(year_or_default(options), optional<int>(options, "top"), optional<std::string>(options, "profile")));
  if (verb == "balance") {
    entente::api::BalanceQuery q;
    take_fields(options, {"year", "window", "min_weight", "time_limit", "method", "profile"}, q.year, q.window,
                q.min_weight, q.time_limit, q.method, q.profile);
    return text(s.balance(q));
  }
  if (verb == "blocs") {
    entente::api::BlocsQuery q;
    take_fields(options,
                {"from", "to", "window", "k", "alpha", "restarts", "seed", "time_limit", "min_weight", "profile"},
                q.from, q.to, q.window, q.k, q.alpha, q.restarts, q.seed, q.time_limit, q.min_weight, q.profile);
    return text(s.blocs(q));
  }
  if (verb == "landscape") {
    entente::api::LandscapeQuery q;
    take_fields(options, {"year", "method", "threads", "seed", "starts", "profile"}, q.year, q.method, q.threads,
                q.seed, q.starts, q.profile);
    q.actors = strings("actors");
    return text(s.landscape(q));
  }
  if (verb == "dyads") {
    entente::api::DyadsOptions q;
    take_fields(options, {"from", "to", "directed", "relevant", "universe", "contiguity", "threads"}, q.from, q.to,
                q.directed, q.relevant, q.universe, q.contiguity, q.threads);
    q.actors = strings("actors");
    q.with = strings("with");
    return s.dyads_text(q);
  }
  if (verb == "states") {
    entente::api::StatesOptions q;
    take_fields(options, {"from", "to", "universe"}, q.from, q.to, q.universe);
    q.actors = strings("actors");
    q.with = strings("with");
    return s.states_text(q);
  }
  if (verb == "scenario") {
    entente::api::ScenarioQuery q;
    take_fields(options, {"members", "seed", "runs", "threads", "profile"}, q.members, q.seed, q.runs, q.threads,
                q.profile);
    return text(s.scenario(str("path"), q));
  }
  if (verb == "bargain") {
    entente::query::BargainRequest q;
    take_fields(options, {"variant", "rounds", "tolerance", "members", "seed", "threads"}, q.variant, q.rounds,
                q.tolerance, q.members, q.seed, q.threads);
    return text(s.bargain(str("path"), q));
  }
  throw std::invalid_argument("entente: no verb named " + verb);
}
