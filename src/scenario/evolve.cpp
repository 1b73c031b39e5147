#include "entente/scenario/evolve.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "entente/core/parallel.hpp"
#include "entente/core/random.hpp"
#include "entente/dynamics/dynamics.hpp"
#include "entente/scenario/analysis.hpp"

namespace entente::scenario {

namespace {

// `count` runs of `run(index)` on `threads` threads, results in index order.
template <typename Run>
std::vector<dynamics::Outcome> parallel_runs(std::uint64_t count, unsigned threads, const Run& run) {
  std::vector<dynamics::Outcome> out(count);
  core::parallel_for(count, threads, [&](unsigned, std::uint64_t k) { out[k] = run(k); });
  return out;
}

// End states with the factions named; the focus's faction first when it is among `names`.
RunsResult runs_result(const std::vector<dynamics::Outcome>& runs, const std::vector<std::string>& names,
                       const std::string& focus) {
  const auto states = dynamics::end_states(runs);
  RunsResult out;
  std::size_t shown = 0;
  for (const auto& e : states) {
    if (++shown > 10) break;
    EndStateRow row;
    row.runs = e.runs;
    row.share = static_cast<double>(e.runs) / static_cast<double>(runs.size());
    row.settled = e.settled;
    row.mean_time = e.mean_time;
    row.max_time = e.max_time;
    if (e.settled) {
      std::uint8_t focus_side = 0;
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == focus) focus_side = e.sides[i];
      for (std::size_t i = 0; i < names.size(); ++i)
        (e.sides[i] == focus_side ? row.with_focus : row.against_focus).push_back(names[i]);
      row.paradise = row.against_focus.empty();
    }
    out.end_states.push_back(std::move(row));
  }
  double settled = 0, time = 0;
  for (const auto& r : runs)
    if (r.settled) {
      ++settled;
      time += r.time;
    }
  out.runs = runs.size();
  out.distinct_end_states = states.size();
  out.settled_share = runs.empty() ? 0.0 : settled / static_cast<double>(runs.size());
  if (settled > 0) out.mean_time_settled = time / settled;
  return out;
}

}  // namespace

Evolution evolve(const Worlds& worlds, const stance::Profile& profile, const Scenario& sc, const DynamicsSpec& spec,
                 unsigned threads) {
  const World& w = worlds.after;
  const std::size_t n = w.n();
  const std::string focus = w.names[w.focus];
  const auto stances = stances_of(w, profile);
  const auto signs = dynamics::signs_of(stances.weight, n);
  dynamics::TriadOptions triad;
  triad.p = spec.p;
  const auto ltd = parallel_runs(spec.runs, threads, [&](std::uint64_t r) {
    return dynamics::local_triad_dynamics(signs, triad, core::member_seed(spec.seed, r));
  });
  dynamics::ContinuousOptions cont;
  if (n > 2) cont.dt = std::min(cont.dt, 1.0 / static_cast<double>(n - 2));  // inside the stability limit (docs)
  const auto continuous = parallel_runs(spec.runs, threads, [&](std::uint64_t r) {
    return dynamics::continuous_dynamics(stances.weight, n, cont, core::member_seed(spec.seed, r));
  });
  Evolution out;
  out.seed = spec.seed;
  out.runs = spec.runs;
  out.start = "the stance ties of the world after the shocks (weight < 0: enmity, otherwise amity)";
  out.local_triad_dynamics = {"Antal, Krapivsky & Redner (2005), Phys. Rev. E 72:036121", spec.p,
                              "Antal et al.'s time: L triad draws (L links) per unit, among all triads",
                              runs_result(ltd, w.names, focus)};
  out.continuous = {"Kulakowski, Gawronski & Gronek (2005), Int. J. Mod. Phys. C 16:707", cont.dt, cont.t_max,
                    "model time when the signs last changed", runs_result(continuous, w.names, focus)};
  // Myopic moves from the alignment before the shocks: the deepest minimum of the world before,
  // each actor on its old side (a state new to the landscape starts on side 0).
  if (w.landscape_at.size() >= 2) {
    const auto& bw = worlds.before;
    Settings settings;
    settings.min_weight = sc.min_weight;
    const auto before = analyse(bw, graph_of(bw, profile), settings);
    landscape::Alignment start(w.landscape.names.size(), 0);
    if (!before.landscape.minima.empty()) {
      const auto& old = before.landscape.minima.front().sides;
      for (std::size_t k = 0; k < start.size(); ++k)
        for (std::size_t b = 0; b < bw.landscape.names.size(); ++b)
          if (bw.landscape.names[b] == w.landscape.names[k]) start[k] = old[b];
    }
    const auto myopic = parallel_runs(spec.runs, threads, [&](std::uint64_t r) {
      return dynamics::myopic_moves(w.landscape, start, core::member_seed(spec.seed, r));
    });
    std::vector<std::string> from;
    for (std::size_t k = 0; k < start.size(); ++k)
      if (start[k] == start[0]) from.push_back(w.landscape.names[k]);
    out.landscape_myopic_moves = MyopicRuns{"Axelrod & Bennett (1993), Br. J. Polit. Sci. 23:211", std::move(from),
                                            "moves", runs_result(myopic, w.landscape.names, focus)};
  }
  return out;
}

}  // namespace entente::scenario
