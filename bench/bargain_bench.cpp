// Expected-utility bargaining on random issues: wall time to convergence, rounds, time per round
// and the process's peak memory. One issue size per process, so that the peak is that size's:
//   entente_bargain_bench N [REPEATS] [details]
// Issues are seeded: positions uniform on 0–100, capabilities and saliences uniform on 0.1–1.
// bench/bargain.sh runs the sizes of docs/benchmarks.md.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "entente/bargain/bargain.hpp"
#include "entente/core/random.hpp"

namespace {

entente::bargain::Issue random_issue(std::size_t n, std::uint64_t seed) {
  entente::core::Rng rng(seed);
  entente::bargain::Issue issue;
  issue.title = "random";
  for (std::size_t i = 0; i < n; ++i)
    issue.actors.push_back({"a" + std::to_string(i), 100 * rng.uniform(), 0.1 + 0.9 * rng.uniform(), 0.1 + 0.9 * rng.uniform()});
  return issue;
}

// This process's CPU time: on a machine shared with other builds the wall time also counts the
// time the process waited for a core.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: entente_bargain_bench N [REPEATS] [details]\n");
    return 2;
  }
  const auto n = static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10));
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
  entente::bargain::Options options;
  options.details = argc > 3 && std::string(argv[3]) == "details";
  const auto issue = random_issue(n, 2012);
  std::vector<double> seconds, cpu;
  std::size_t rounds = 0;
  std::string stopped;
  double last_move = 0;  // the last round's largest move, as a share of the range
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    const auto result = entente::bargain::run(issue, {}, options);
    cpu.push_back(cpu_seconds() - cpu_start);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    rounds = result.rounds.size();
    stopped = std::string(entente::bargain::to_string(result.stopped));
    last_move = result.rounds.empty() ? 0.0 : result.rounds.back().largest_move / result.range;
  }
  std::sort(seconds.begin(), seconds.end());
  std::sort(cpu.begin(), cpu.end());
  const double median = seconds[seconds.size() / 2], cpu_median = cpu[cpu.size() / 2];
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("actors %zu  details %s  rounds %zu (%s, last move %.1e of the range)  median of %d: %.4f s  "
              "(CPU %.4f s)  per round %.3f ms  peak RSS %.1f MB\n",
              n, options.details ? "yes" : "no", rounds, stopped.c_str(), last_move, repeats, median, cpu_median,
              rounds ? 1000 * median / static_cast<double>(rounds) : 0.0, static_cast<double>(usage.ru_maxrss) / 1024);
  return 0;
}
