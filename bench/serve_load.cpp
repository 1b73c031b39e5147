// A load test of `entente serve` on loopback, bounded in requests and time: C client threads send
// N requests of one kind (stopping early after S seconds), and the
// latencies, statuses and the server's resident memory (sampled from /proc/PID/status) are
// printed as JSON. bench/serve_load.sh runs it for each kind.
//
//   entente_serve_load --port P --pid PID --kind relations|triangle|scenario [--uncached]
//                      [--requests N] [--clients C] [--seconds S] [--offset K]
//
// Cached: the same query again and again (after the first, answered from the server's cache).
// Uncached: every request a query not asked before (triangles over other spans of years, the
// relations of other years among other states), so each one is computed; --offset K starts at the
// K-th query, so that a second run asks other queries than the first.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

long resident_kib(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

const char* kStates[] = {"USA", "RUS", "CHN", "IND", "JPN", "UKG", "FRN", "GMY", "PAK", "BRA", "TUR", "IRN"};
constexpr int kStateCount = 12;

// The k-th pair (p < q) of n things, k < n(n-1)/2 (or p <= q with `same`, k < n(n+1)/2).
std::pair<int, int> pair_at(std::uint64_t k, int n, bool same) {
  for (int p = 0; p < n; ++p) {
    const auto row = static_cast<std::uint64_t>(n - p - (same ? 0 : 1));
    if (k < row) return {p, p + static_cast<int>(k) + (same ? 0 : 1)};
    k -= row;
  }
  return {0, same ? 0 : 1};
}

// The i-th query of a kind, distinct for every i below 4422 (relations: 67 years x 66 pairs of
// states beside USA, RUS, CHN) or 27336 (triangles: 2278 spans of years x 12 triples); cached
// queries repeat the first.
std::string target(const std::string& kind, std::uint64_t i, bool uncached) {
  if (!uncached) i = 0;
  if (kind == "relations") {
    const int year = 1946 + static_cast<int>(i % 67);
    const auto [p, q] = pair_at((i / 67) % 66, kStateCount, false);
    return "/api/relations?year=" + std::to_string(year) + "&actors=" + kStates[p] + "," + kStates[q] +
           ",USA,RUS,CHN";
  }
  if (kind == "triangle") {
    constexpr std::uint64_t spans = 67 * 68 / 2;
    const auto [from, to] = pair_at(i % spans, 67, true);
    const auto k = (i / spans) % kStateCount;
    return std::string("/api/triangle?a=") + kStates[k] + "&b=" + kStates[(k + 1) % kStateCount] + "&c=" +
           kStates[(k + 2) % kStateCount] + "&from=" + std::to_string(1946 + from) + "&to=" + std::to_string(1946 + to);
  }
  return "/api/scenario?members=10&runs=5&seed=" + std::to_string(i + 1);
}

const char* kScenario =
    "name = \"war\"\n[base]\nyear = 2012\nfocus = \"RUS\"\n"
    "triangles = [[\"RUS\", \"CHN\", \"IND\"]]\nlandscape = [\"USA\", \"CHN\", \"RUS\", \"IND\", \"PAK\"]\n"
    "[[shock]]\nkind = \"start_war\"\nbetween = [\"CHN\", \"IND\"]\n";

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0, pid = 0, clients = 4;
  std::uint64_t requests = 1000, offset = 0;
  double seconds = 60;
  std::string kind = "relations";
  bool uncached = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--port") port = std::stoi(next());
    else if (a == "--pid") pid = std::stoi(next());
    else if (a == "--kind") kind = next();
    else if (a == "--uncached") uncached = true;
    else if (a == "--requests") requests = std::stoull(next());
    else if (a == "--clients") clients = std::stoi(next());
    else if (a == "--offset") offset = std::stoull(next());
    else if (a == "--seconds") seconds = std::stod(next());
    else {
      std::cerr << "serve_load: unknown argument " << a << '\n';
      return 2;
    }
  }
  std::atomic<std::uint64_t> next_request{0};
  std::mutex lock;
  std::vector<double> latencies_ms;
  std::map<int, std::uint64_t> statuses;
  std::uint64_t failed = 0;
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::duration<double>(seconds);
  const long rss_before = resident_kib(pid);
  long rss_max = rss_before;
  std::atomic<bool> done{false};
  std::thread sampler([&] {
    while (!done) {
      const long r = resident_kib(pid);
      {
        std::lock_guard g(lock);
        rss_max = std::max(rss_max, r);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(std::chrono::seconds(60));
      for (;;) {
        const auto i = next_request++;
        if (i >= requests || std::chrono::steady_clock::now() > deadline) break;
        const auto t0 = std::chrono::steady_clock::now();
        const auto path = target(kind, offset + i, uncached);
        auto r = kind == "scenario" ? client.Post(path, kScenario, "application/toml") : client.Get(path);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        std::lock_guard g(lock);
        if (!r) {
          ++failed;
          continue;
        }
        latencies_ms.push_back(ms);
        ++statuses[r->status];
      }
    });
  for (auto& t : threads) t.join();
  done = true;
  sampler.join();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  nlohmann::json statuses_json = nlohmann::json::object();
  std::uint64_t server_errors = 0;
  for (const auto& [status, count] : statuses) {
    statuses_json[std::to_string(status)] = count;
    if (status >= 500) server_errors += count;
  }
  const nlohmann::json out = {{"kind", kind},
                              {"cached", !uncached},
                              {"clients", clients},
                              {"requests", latencies_ms.size()},
                              {"seconds", wall},
                              {"requests_per_second", static_cast<double>(latencies_ms.size()) / wall},
                              {"p50_ms", percentile(latencies_ms, 0.5)},
                              {"p99_ms", percentile(latencies_ms, 0.99)},
                              {"max_ms", percentile(latencies_ms, 1.0)},
                              {"statuses", statuses_json},
                              {"server_errors", server_errors},
                              {"connection_failures", failed},
                              {"server_rss_kib_before", rss_before},
                              {"server_rss_kib_max", rss_max},
                              {"server_rss_kib_after", resident_kib(pid)}};
  std::cout << out.dump() << '\n';
  return server_errors == 0 && failed == 0 ? 0 : 1;
}
