#include "entente/serve/api.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <toml++/toml.h>
#include <vector>

#include "entente/actor/registry.hpp"
#include "entente/io/parse_error.hpp"
#include "entente/query/actors.hpp"
#include "entente/query/dyad.hpp"
#include "entente/query/landscape.hpp"
#include "entente/query/scenario.hpp"
#include "entente/query/store_info.hpp"
#include "entente/query/strategic.hpp"
#include "entente/query/structure.hpp"
#include "entente/query/years.hpp"
#include "entente/scenario/scenario.hpp"

namespace entente::serve {

namespace {

// A refusal with its HTTP status; everything else a query throws is bad input (400), as the CLI
// treats it (exit status 1).
struct HttpError : std::runtime_error {
  int status;
  HttpError(int s, const std::string& message) : std::runtime_error(message), status(s) {}
};

// As the CLI prints it (dump(2) and a newline). A message may quote a request's bytes, which
// need not be UTF-8: those are replaced (U+FFFD) rather than thrown about while answering.
Response json_response(int status, const Json& body) {
  return Response{status, "application/json", body.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"};
}

Response error_response(int status, const std::string& message) {
  return json_response(status, Json{{"error", message}, {"status", status}});
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      const int hi = i + 2 < text.size() ? hex_digit(text[i + 1]) : -1;
      const int lo = i + 2 < text.size() ? hex_digit(text[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        throw std::invalid_argument(fmt::format("\"{}\": a % must be followed by two hex digits", text));
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(plus_is_space && c == '+' ? ' ' : c);
    }
  }
  return out;
}

using Params = std::map<std::string, std::string, std::less<>>;

// The parameters of one route: each read at most once, any other name refused, so that a typo
// ("yaer=1990") is an error rather than a quiet default.
class Args {
 public:
  explicit Args(const Params& params) : params_(params) {}

  std::optional<std::string> text(std::string_view name) {
    used_.insert(std::string(name));
    const auto it = params_.find(name);
    if (it == params_.end()) return std::nullopt;
    return it->second;
  }
  std::string required(std::string_view name) {
    auto v = text(name);
    if (!v || v->empty()) throw HttpError(400, fmt::format("{}: required", name));
    return *v;
  }
  template <class T>
  std::optional<T> number(std::string_view name, T lowest, T highest) {
    const auto v = text(name);
    if (!v) return std::nullopt;
    T value{};
    const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), value);
    bool ok = !v->empty() && ec == std::errc() && end == v->data() + v->size();
    if constexpr (std::is_floating_point_v<T>) ok = ok && std::isfinite(value);
    if (!ok || value < lowest || value > highest)
      throw HttpError(400, fmt::format("{}: \"{}\" is not a number from {} to {}", name, *v, lowest, highest));
    return value;
  }
  std::optional<int> year(std::string_view name) { return number<int>(name, -9999, 9999); }
  std::vector<std::string> list(std::string_view name) {
    std::vector<std::string> out;
    const auto v = text(name);
    if (!v || v->empty()) return out;
    std::stringstream in(*v);
    for (std::string item; std::getline(in, item, ',');) out.push_back(item);
    return out;
  }
  stance::Profile profile() {
    const auto name = text("profile");
    if (!name) return stance::default_profile();
    // Names only: a path would let a request read any file on the server.
    if (!query::named_profile(*name))
      throw HttpError(400, fmt::format("profile: \"{}\" is not one of default, v1, v2", *name));
    return stance::resolve_profile(*name);
  }
  // Called once the route has read what it knows.
  void finish() const {
    for (const auto& [name, value] : params_)
      if (!used_.contains(name)) {
        std::vector<std::string> known(used_.begin(), used_.end());
        throw HttpError(400, fmt::format("unknown parameter \"{}\"; this route takes: {}", name, fmt::join(known, ", ")));
      }
  }

 private:
  const Params& params_;
  std::set<std::string> used_;
};

const actor::Actor& state(const world::Source& source, const std::string& name) {
  return source.registry.find(name);  // LookupError: 404
}

std::vector<int> states(const world::Source& source, const std::vector<std::string>& names) {
  std::vector<int> codes;
  for (const auto& name : names) codes.push_back(state(source, name).ccode);
  return codes;
}

std::string year_text(int year) { return fmt::format("--year {}", year); }

// How deep a JSON value nests, counted without recursion (a body may be [[[[...]]]]).
std::size_t depth(const Json& root) {
  std::size_t deepest = 0;
  std::vector<std::pair<const Json*, std::size_t>> todo{{&root, 1}};
  while (!todo.empty()) {
    const auto [value, d] = todo.back();
    todo.pop_back();
    deepest = std::max(deepest, d);
    if (value->is_structured())
      for (const auto& child : *value) todo.emplace_back(&child, d + 1);
  }
  return deepest;
}

// A JSON scenario body as the TOML text the scenario parser reads: the same keys and tables.
toml::table toml_table(const Json& object);
toml::array toml_array(const Json& array);

template <class Put>
void put_value(const Json& value, Put&& put) {
  switch (value.type()) {
    case Json::value_t::object: put(toml_table(value)); break;
    case Json::value_t::array: put(toml_array(value)); break;
    case Json::value_t::string: put(value.get<std::string>()); break;
    case Json::value_t::boolean: put(value.get<bool>()); break;
    case Json::value_t::number_integer: put(value.get<std::int64_t>()); break;
    case Json::value_t::number_unsigned: {
      const auto n = value.get<std::uint64_t>();
      if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw HttpError(400, fmt::format("scenario: {} is too large a number", n));
      put(static_cast<std::int64_t>(n));
      break;
    }
    case Json::value_t::number_float: put(value.get<double>()); break;
    default: throw HttpError(400, "scenario: null has no TOML equivalent; leave the key out");
  }
}

toml::table toml_table(const Json& object) {
  toml::table t;
  for (const auto& item : object.items()) {
    const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one
    put_value(item.value(), [&](auto&& v) { t.insert_or_assign(key, std::forward<decltype(v)>(v)); });
  }
  return t;
}

toml::array toml_array(const Json& array) {
  toml::array a;
  for (const auto& value : array) put_value(value, [&](auto&& v) { a.push_back(std::forward<decltype(v)>(v)); });
  return a;
}

std::string scenario_text(const Request& request) {
  const auto first = request.body.find_first_not_of(" \t\r\n");
  const bool json = request.content_type.starts_with("application/json") ||
                    (first != std::string::npos && request.body[first] == '{');
  if (!json) return request.body;
  Json parsed;
  try {
    parsed = Json::parse(request.body);
  } catch (const Json::parse_error& e) {
    throw HttpError(400, fmt::format("scenario: the body is not JSON: {}", e.what()));
  }
  if (!parsed.is_object()) throw HttpError(400, "scenario: the JSON body must be an object");
  // A scenario nests three deep; the conversion below recurses, so a deeper body is refused first.
  if (depth(parsed) > 8) throw HttpError(400, "scenario: the JSON body nests deeper than a scenario does");
  std::ostringstream out;
  out << toml_table(parsed);
  return out.str();
}

// Stops a scenario's ensemble when its time is up (the result then says "interrupted").
class Deadline {
 public:
  explicit Deadline(double seconds)
      : thread_([this, seconds] {
          std::unique_lock lock(m_);
          if (!cv_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return done_; })) flag_ = true;
        }) {}
  ~Deadline() {
    {
      std::lock_guard lock(m_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  const std::atomic<bool>& flag() const { return flag_; }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  bool done_ = false;
  std::atomic<bool> flag_{false};
  std::thread thread_;
};

}  // namespace

std::map<std::string, std::string, std::less<>> parse_query(std::string_view query) {
  Params params;
  std::size_t start = 0;
  while (start <= query.size()) {
    const auto end = std::min(query.find('&', start), query.size());
    const auto pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const auto name = percent_decode(pair.substr(0, eq), true);
    const auto value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
    if (name.empty()) throw std::invalid_argument(fmt::format("\"{}\": a parameter without a name", pair));
    if (!params.emplace(name, value).second)
      throw std::invalid_argument(fmt::format("parameter \"{}\" given twice", name));
  }
  return params;
}

std::string decode_path(std::string_view path) {
  auto decoded = percent_decode(path, false);
  if (decoded.find('\0') != std::string::npos) throw std::invalid_argument("a NUL byte in the path");
  return decoded;
}

// Answers by query, least recently used dropped first, bounded in entries and bytes.
struct Api::Cache {
  std::mutex lock;
  std::list<std::pair<std::string, Response>> order;  // most recent first
  std::unordered_map<std::string, decltype(order)::iterator> index;
  std::size_t bytes = 0;
  std::size_t hits = 0;

  std::optional<Response> find(const std::string& key) {
    std::lock_guard guard(lock);
    const auto it = index.find(key);
    if (it == index.end()) return std::nullopt;
    order.splice(order.begin(), order, it->second);
    ++hits;
    return it->second->second;
  }
  void put(const std::string& key, const Response& r, const Limits& limits) {
    const std::size_t size = key.size() + r.body.size();
    if (size > limits.cache_bytes || limits.cache_entries == 0) return;
    std::lock_guard guard(lock);
    if (index.contains(key)) return;
    order.emplace_front(key, r);
    index.emplace(key, order.begin());
    bytes += size;
    while (order.size() > limits.cache_entries || bytes > limits.cache_bytes) {
      bytes -= order.back().first.size() + order.back().second.body.size();
      index.erase(order.back().first);
      order.pop_back();
    }
  }
};

Api::Api(world::Source source, Limits limits)
    : source_(std::move(source)), limits_(limits), cache_(std::make_unique<Cache>()) {}
Api::~Api() = default;

std::size_t Api::cache_hits() const {
  std::lock_guard guard(cache_->lock);
  return cache_->hits;
}

Response Api::handle(const Request& request) {
  try {
    if (request.target.size() > limits_.max_target_bytes)
      return error_response(414, fmt::format("the request target is longer than {} bytes", limits_.max_target_bytes));
    if (request.body.size() > limits_.max_body_bytes)
      return error_response(413, fmt::format("the body is larger than {} bytes", limits_.max_body_bytes));
    const auto q = request.target.find('?');
    const auto path = decode_path(std::string_view(request.target).substr(0, q));
    const auto params =
        q == std::string::npos ? Params() : parse_query(std::string_view(request.target).substr(q + 1));
    // The one key of an answer: the route, its parameters in order, and the body.
    std::string key = request.method + ' ' + path;
    for (const auto& [name, value] : params) key += fmt::format("\n{}={}", name, value);
    key += "\n\n" + request.body;
    if (auto hit = cache_->find(key)) return *hit;
    auto response = compute(request, path, params);
    if (response.status == 200) cache_->put(key, response, limits_);
    return response;
  } catch (const HttpError& e) {
    return error_response(e.status, e.what());
  } catch (const actor::LookupError& e) {
    return error_response(404, e.what());
  } catch (const std::bad_alloc&) {
    return error_response(503, "out of memory for this request; ask for less");
  } catch (const std::exception& e) {
    // Everything a query throws is about its input (the CLI says the same and exits 1).
    return error_response(400, e.what());
  }
}

Response Api::compute(const Request& request, const std::string& path, const Params& params) {
  // Served files are looked up by name in a fixed table, never on disk; a ".." is refused outright
  // so that nobody mistakes it for a file that happens to be missing.
  if (path.empty() || path[0] != '/') throw HttpError(400, fmt::format("\"{}\": a path must start with /", path));
  if (path.find("..") != std::string::npos)
    throw HttpError(400, fmt::format("\"{}\": a path outside the served files", path));

  if (!path.starts_with("/api/")) {
    if (request.method != "GET" && request.method != "HEAD")
      throw HttpError(405, fmt::format("{} {}: only GET", request.method, path));
    const auto& assets = app_assets();
    const auto it = assets.find(path == "/" ? std::string_view("/index.html") : std::string_view(path));
    if (it == assets.end()) {
      if (path == "/" || path == "/index.html")
        throw HttpError(404, "this entente was built without the web app (run scripts/install-deps, then build "
                             "again); the JSON API under /api/ works");
      throw HttpError(404, fmt::format("{}: no such file", path));
    }
    return Response{200, std::string(it->second.content_type), std::string(it->second.bytes)};
  }

  const std::string route = path.substr(5);
  const bool post = route == "scenario";
  if (request.method != (post ? "POST" : "GET"))
    throw HttpError(405, fmt::format("{} {}: only {}", request.method, path, post ? "POST" : "GET"));
  Args args(params);
  const auto& source = source_;
  std::lock_guard store(store_lock_);  // one SQLite connection, read by one query at a time

  if (route == "info") {
    args.finish();
    return json_response(200, query::info(source));
  }
  if (route == "actors") {
    const auto year = args.year("year");
    args.finish();
    if (year) query::require_state_system_years(source, year_text(*year), *year, *year);
    return json_response(200, query::actors(source, year));
  }
  if (route == "relations") {
    const int year = args.year("year").value_or(2012);
    const auto names = args.list("actors");
    const auto profile = args.profile();
    args.finish();
    const auto codes = states(source, names);
    query::require_evidence_years(source, year_text(year), year, year);
    return json_response(200, query::relations(source, year, codes, profile));
  }
  if (route == "triangle") {
    const auto a = args.required("a"), b = args.required("b"), c = args.required("c");
    const auto year = args.year("year"), from = args.year("from"), to = args.year("to");
    const auto profile = args.profile();
    args.finish();
    const auto years = query::triangle_years(year, from, to);
    query::require_evidence_years(source, years.asked, years.first, years.last);
    return json_response(200, query::triangle(source, state(source, a), state(source, b), state(source, c),
                                              years.first, years.last, profile));
  }
  if (route == "dyad") {
    const auto a = args.required("a"), b = args.required("b");
    const auto from = args.year("from"), to = args.year("to");
    args.finish();
    return json_response(200, query::dyad(source, {&state(source, a), &state(source, b), from, to}));
  }
  if (route == "explain") {
    const auto a = args.required("a"), b = args.required("b");
    const int year = args.year("year").value_or(2012);
    const auto profile = args.profile();
    args.finish();
    return json_response(200, query::explain(source, state(source, a), state(source, b), year, profile));
  }
  if (route == "balancer") {
    const int year = args.year("year").value_or(2012);
    const auto top = args.number<int>("top", 1, 100000);
    const auto profile = args.profile();
    args.finish();
    query::require_evidence_years(source, year_text(year), year, year);
    return json_response(200, query::balancer(source, year, top, profile));
  }
  if (route == "balance") {
    const auto year = args.year("year");
    const auto window = args.text("window");
    query::BalanceQuery asked;
    if (auto min_weight = args.number<double>("min_weight", 0, 1)) asked.min_weight = *min_weight;
    asked.time_limit =
        args.number<double>("time_limit", 0, limits_.max_search_seconds).value_or(limits_.max_search_seconds);
    const auto profile = args.profile();
    args.finish();
    if (!year) throw HttpError(400, "year: required");
    const int years = window ? query::window_years(*window) : 1;
    query::require_evidence_years(source, year_text(*year), *year, *year);
    return json_response(200, query::balance({query::stance_graph(source, *year, profile, asked.min_weight, years)},
                                             query::frustration_options(asked)));
  }
  if (route == "blocs") {
    const int from = args.year("from").value_or(2000), to = args.year("to").value_or(2012);
    const auto window = args.text("window");
    query::BlocsQuery asked;
    if (auto min_weight = args.number<double>("min_weight", 0, 1)) asked.min_weight = *min_weight;
    if (auto k = args.number<int>("k", 1, 64)) asked.k = *k;
    if (auto alpha = args.number<double>("alpha", 0.001, 0.999)) asked.alpha = *alpha;
    if (auto restarts = args.number<int>("restarts", 0, 1000)) asked.restarts = *restarts;
    if (auto seed = args.number<std::uint64_t>("seed", 0, std::numeric_limits<std::uint64_t>::max()))
      asked.seed = *seed;
    asked.time_limit =
        args.number<double>("time_limit", 0, limits_.max_search_seconds).value_or(limits_.max_search_seconds);
    const auto profile = args.profile();
    args.finish();
    if (to - from + 1 > limits_.max_blocs_periods)
      throw HttpError(413, fmt::format("from {} to {}: at most {} years in one request", from, to,
                                       limits_.max_blocs_periods));
    if (from <= to) query::require_evidence_years(source, fmt::format("--from {} --to {}", from, to), from, to);
    const int years = window ? query::window_years(*window) : 1;
    return json_response(200, query::blocs(query::stance_graphs(source, from, to, profile, asked.min_weight, years),
                                           query::bloc_options(asked)));
  }
  if (route == "landscape") {
    const auto year = args.year("year");
    const auto names = args.list("actors");
    const auto method = args.text("method").value_or("exact");
    query::LandscapeRequest req;
    if (auto seed = args.number<std::uint64_t>("seed", 0, std::numeric_limits<std::uint64_t>::max())) req.seed = *seed;
    if (auto starts = args.number<std::uint64_t>("starts", 1, limits_.max_heuristic_starts)) req.starts = *starts;
    req.profile = args.profile();
    args.finish();
    if (!year) throw HttpError(400, "year: required");
    if (method != "exact" && method != "heuristic")
      throw HttpError(400, fmt::format("method: \"{}\" is not exact or heuristic", method));
    req.heuristic = method == "heuristic";
    if (!req.heuristic && names.size() > limits_.max_landscape_actors)
      throw HttpError(413, fmt::format("actors: at most {} for the exact method on this server ({} given)",
                                       limits_.max_landscape_actors, names.size()));
    return json_response(200, query::landscape(source, *year, states(source, names), req));
  }
  if (route == "scenario") {
    query::ScenarioRequest req;
    req.members = args.number<std::uint64_t>("members", 0, limits_.max_scenario_members);
    req.runs = args.number<std::uint64_t>("runs", 0, limits_.max_scenario_runs);
    req.seed = args.number<std::uint64_t>("seed", 0, std::numeric_limits<std::uint64_t>::max());
    const auto asked_profile = args.text("profile");
    args.finish();
    const auto sc = scenario::parse_scenario(scenario_text(request), "scenario");
    if (sc.store) throw HttpError(400, "scenario: [base] store is not allowed here; the server answers from its own store");
    if (sc.profile && !query::named_profile(sc.profile->string()))
      throw HttpError(400, fmt::format("scenario: [base] profile \"{}\" is not one of default, v1, v2",
                                       sc.profile->string()));
    const auto members = req.members.value_or(sc.ensemble.members);
    const auto runs = req.runs.value_or(sc.dynamics.runs);
    if (members > limits_.max_scenario_members)
      throw HttpError(413, fmt::format("members: at most {} on this server ({} asked)", limits_.max_scenario_members,
                                       members));
    if (runs > limits_.max_scenario_runs)
      throw HttpError(413, fmt::format("runs: at most {} on this server ({} asked)", limits_.max_scenario_runs, runs));
    const std::string profile_name = asked_profile ? *asked_profile : sc.profile ? sc.profile->string() : "default";
    if (!query::named_profile(profile_name))
      throw HttpError(400, fmt::format("profile: \"{}\" is not one of default, v1, v2", profile_name));
    query::require_scenario_year(source, sc);
    const Deadline deadline(limits_.max_scenario_seconds);
    req.interrupt = &deadline.flag();
    return json_response(200, query::scenario(source, sc, stance::resolve_profile(profile_name), req));
  }
  throw HttpError(404, fmt::format("{}: no such route; the routes are /api/info, actors, relations, triangle, dyad, "
                                   "explain, balancer, balance, blocs, landscape and POST /api/scenario",
                                   path));
}

}  // namespace entente::serve
