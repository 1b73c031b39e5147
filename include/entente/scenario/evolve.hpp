#pragma once
// How the world after the shocks evolves (docs/models/dynamics.md): local triad dynamics and
// their continuous-time variant on the stance ties of every modelled state, and landscape myopic
// moves of the landscape's actors from the alignment the world had before the shocks. Each is run
// `runs` times from member_seed(seed, run); the result lists the end states, how often each was
// reached and how long it took.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/scenario/world.hpp"

namespace entente::scenario {

// An end state and the runs that reached it (the ten most common are kept).
struct EndStateRow {
  std::uint64_t runs = 0;
  double share = 0;       // of all runs
  bool settled = false;   // false: every run that did not settle, as one entry
  double mean_time = 0, max_time = 0;
  // Settled end states only: one faction (paradise), or the focus's faction and the other.
  bool paradise = false;
  std::vector<std::string> with_focus, against_focus;
};

// One model's runs.
struct RunsResult {
  std::size_t runs = 0;
  std::size_t distinct_end_states = 0;
  double settled_share = 0;
  std::optional<double> mean_time_settled;  // none when no run settled
  std::vector<EndStateRow> end_states;      // most common first
};

struct TriadDynamicsRuns {
  std::string reference;
  double p = 0;
  std::string time_unit;
  RunsResult result;
};
struct ContinuousRuns {
  std::string reference;
  double dt = 0, t_max = 0;
  std::string time_unit;
  RunsResult result;
};
struct MyopicRuns {
  std::string reference;
  std::vector<std::string> start_side_of_first_actor;  // the landscape actors starting on the first's side
  std::string time_unit;
  RunsResult result;
};

struct Evolution {
  std::uint64_t seed = 1;
  std::uint64_t runs = 0;
  std::string start;  // what the runs start from, in words
  TriadDynamicsRuns local_triad_dynamics;
  ContinuousRuns continuous;
  std::optional<MyopicRuns> landscape_myopic_moves;  // with at least two landscape actors
};

Evolution evolve(const Worlds& worlds, const stance::Profile& profile, const Scenario& scenario,
                 const DynamicsSpec& spec, unsigned threads);

}  // namespace entente::scenario
