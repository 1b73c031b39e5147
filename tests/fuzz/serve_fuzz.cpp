// The server's request wrapper: any target (path and query string) and body is answered, never a
// crash, never a 5xx, and every /api/ answer is JSON. The input's first line is the target,
// "POST " before it makes a POST; the rest is the body. Tight limits keep each input fast.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "entente/core/json.hpp"
#include "entente/serve/api.hpp"

namespace {
entente::serve::Api& api() {
  static entente::serve::Api instance = [] {
    entente::serve::Limits limits;
    limits.max_search_seconds = 0.5;
    limits.max_blocs_periods = 3;
    limits.max_landscape_actors = 6;
    limits.max_heuristic_starts = 200;
    limits.max_scenario_members = 2;
    limits.max_scenario_runs = 2;
    limits.max_scenario_seconds = 2;
    limits.cache_entries = 16;
    return entente::serve::Api(entente::world::open_default_world(), limits);
  }();
  return instance;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto line_end = std::min(text.find('\n'), text.size());
  std::string_view target = text.substr(0, line_end);
  const std::string body(line_end < text.size() ? text.substr(line_end + 1) : std::string_view());
  std::string method = "GET";
  if (target.starts_with("POST ")) {
    method = "POST";
    target.remove_prefix(5);
  }
  const auto response = api().handle({method, std::string(target), body, ""});
  if (response.status < 200 || response.status >= 500) __builtin_trap();
  if (response.content_type == "application/json") {
    const auto parsed = entente::Json::parse(response.body, nullptr, false);
    if (parsed.is_discarded()) __builtin_trap();
    if (response.status != 200 && !parsed.contains("error")) __builtin_trap();
  }
  return 0;
}
