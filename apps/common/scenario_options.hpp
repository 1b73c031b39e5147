#pragma once
// The options of a scenario run, shared by `entente scenario` and `entente-mpi scenario` so that
// the two programs take the same flags, checked the same way, into the same request.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "entente/query/scenario.hpp"

namespace entente::cli {

// --seed: digits only, at most 2^64-1. CLI11 would turn "-3" into 2^64-3 and a longer number
// into the largest seed, and either would silently run another seed than the one asked for.
inline CLI::Validator seed_check() {
  return CLI::Validator(
      [](std::string& text) {
        std::uint64_t seed = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
        if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) return std::string();
        return fmt::format("\"{}\" is not a seed: expected a whole number from 0 to {}", text,
                           std::numeric_limits<std::uint64_t>::max());
      },
      "SEED");
}

struct ScenarioOptions {
  std::string file;
  std::optional<std::uint64_t> members, seed, runs;
  unsigned threads = 0;
};

// FILE, --members, --seed, --runs and --threads (whose help differs: threads of the process, or
// of each rank).
inline void add_scenario_options(CLI::App* cmd, ScenarioOptions& options, const std::string& threads_help) {
  cmd->add_option("FILE", options.file, "the scenario (TOML)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--members", options.members, "ensemble members (overrides [ensemble] members; 0: none)")
      ->check(CLI::Range(0, 10'000'000));
  cmd->add_option("--seed", options.seed, "seed of the ensemble and the dynamics (overrides the file's)")
      ->check(seed_check());
  cmd->add_option("--runs", options.runs, "runs of each dynamics (overrides [dynamics] runs; 0: none)")
      ->check(CLI::Range(0, 10'000'000));
  cmd->add_option("--threads", options.threads, threads_help);
}

// The request those options make (members, seed, runs, threads); the caller adds the rest.
inline query::ScenarioRequest scenario_request(const ScenarioOptions& options) {
  query::ScenarioRequest request;
  request.members = options.members;
  request.seed = options.seed;
  request.runs = options.runs;
  request.threads = options.threads;
  return request;
}

}  // namespace entente::cli
