#pragma once
// `entente serve`'s answers: one HTTP request (method, target, body) in, one response out, with no
// socket in sight, so that tests and the fuzzer call exactly what the server calls. Every /api/
// route answers with the JSON the matching CLI verb prints with --format json, computed by the
// same query functions; errors are JSON with the CLI's message and an HTTP status.
#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "entente/world/source.hpp"

namespace entente::serve {

// What one request may cost. The defaults keep a request under a few seconds on one core.
struct Limits {
  std::size_t max_target_bytes = 4096;      // path and query string (414 beyond)
  std::size_t max_body_bytes = 64 * 1024;   // POST bodies (413 beyond)
  double max_search_seconds = 10;           // balance and blocs searches stop here with their best bound
  int max_blocs_periods = 80;               // years of one /api/blocs request
  std::size_t max_landscape_actors = 12;    // exact landscapes: 2^n configurations
  std::uint64_t max_heuristic_starts = 100000;
  std::uint64_t max_scenario_members = 200; // ensemble members of one scenario run
  std::uint64_t max_scenario_runs = 200;    // runs of each dynamics
  double max_scenario_seconds = 20;         // then the ensemble stops and says it was interrupted
  std::size_t cache_entries = 512;          // answers kept, least recently used dropped first
  std::size_t cache_bytes = 64u << 20;
};

struct Request {
  std::string method;  // GET, POST, ...
  std::string target;  // path and query string, still percent-encoded: "/api/relations?year=2012"
  std::string body;
  std::string content_type;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// The static files of the front end, compiled into the library (none when it was built without
// web/node_modules): path below "/" -> (content type, bytes).
struct Asset {
  std::string_view content_type;
  std::string_view bytes;
};
const std::map<std::string, Asset, std::less<>>& app_assets();

class Api {
 public:
  explicit Api(world::Source source, Limits limits = {});
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Safe to call from several threads: the store is read under one lock, the cache under another.
  Response handle(const Request& request);

  const world::Source& source() const { return source_; }
  const Limits& limits() const { return limits_; }
  std::size_t cache_hits() const;

 private:
  Response compute(const Request& request, const std::string& path,
                   const std::map<std::string, std::string, std::less<>>& params);
  struct Cache;
  world::Source source_;
  Limits limits_;
  std::mutex store_lock_;
  std::unique_ptr<Cache> cache_;
};

// The query string's parameters, percent-decoded ('+' is a space). Throws std::invalid_argument
// on a malformed escape, an empty or repeated name.
std::map<std::string, std::string, std::less<>> parse_query(std::string_view query);
// A path percent-decoded; throws std::invalid_argument on a malformed escape or a NUL byte.
std::string decode_path(std::string_view path);

}  // namespace entente::serve
