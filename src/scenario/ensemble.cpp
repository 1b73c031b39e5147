#include "entente/scenario/ensemble.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <fmt/format.h>
#include <limits>
#include <map>

#include "entente/core/parallel.hpp"
#include "entente/core/random.hpp"
#include "entente/scenario/analysis.hpp"

namespace entente::scenario {

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// A draw that belongs to one state, or one pair of states, in one member: keyed by COW codes, so
// the world before and the world after (whose positions differ when a state is added or
// removed) get the same number for the same state.
double normal_for(std::uint64_t member, std::uint64_t salt, int a, int b = 0) {
  const auto lo = static_cast<std::uint64_t>(std::min(a, b)), hi = static_cast<std::uint64_t>(std::max(a, b));
  core::Rng rng(core::member_seed(core::member_seed(member, salt), (lo << 20) ^ hi));
  return rng.normal();
}
enum Salt : std::uint64_t { kProfile = 1, kTie = 2, kSize = 3 };

// The member's copy of the rules and the edge threshold.
struct Draw {
  stance::Profile profile;
  double min_weight = stance::kDefaultMinWeight;
};
Draw draw_rules(std::uint64_t member, const stance::Profile& base, const Scenario& sc, const Noise& noise) {
  core::Rng rng(core::member_seed(member, kProfile));
  Draw d{base, sc.min_weight};
  if (noise.thresholds == 0) return d;  // no noise: exactly the counterfactual's rules
  // Within the ranges the profile and scenario readers accept.
  d.profile.aligned_agreement = std::clamp(base.aligned_agreement + noise.thresholds * rng.normal(), 0.0, 1.0);
  d.min_weight = std::clamp(sc.min_weight + noise.thresholds * rng.normal(), 0.01, 1.0);
  return d;
}
double profile_weight(const Draw& d, stance::Relation r) { return d.profile.weight[static_cast<std::size_t>(r)]; }

Analysis run_side(const World& w, std::uint64_t member, const Draw& d, const Noise& noise, const std::vector<int>* prior) {
  auto stances = stances_of(w, d.profile);
  const std::size_t n = w.n();
  if (noise.weights > 0)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        double& x = stances.weight[i * n + j];
        if (x == 0) continue;  // a neutral tie is the absence of evidence, not a weak measurement
        x = std::clamp(x + noise.weights * normal_for(member, kTie, w.year.ccodes[i], w.year.ccodes[j]), -1.0, 1.0);
        stances.weight[j * n + i] = x;
        // A tie pushed across zero changes kind (as a shocked weight does), so the relation-based
        // measures (flexibility, alliance ties) agree with the sign-based ones (triangles).
        if ((x > 0) != (profile_weight(d, stances.relation[i * n + j]) > 0))
          stances.relation[i * n + j] = stances.relation[j * n + i] = nearest_relation(x, d.profile);
      }
  auto graph = stance::stance_graph(w.year, std::move(stances));
  landscape::Instance instance = w.landscape;
  if (noise.sizes > 0) {
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isnan(graph.cinc[i])) graph.cinc[i] *= std::exp(noise.sizes * normal_for(member, kSize, w.year.ccodes[i]));
    for (std::size_t k = 0; k < w.landscape_at.size(); ++k)
      instance.sizes[k] *= std::exp(noise.sizes * normal_for(member, kSize, w.year.ccodes[w.landscape_at[k]]));
  }
  Settings settings;
  settings.min_weight = d.min_weight;
  settings.bloc_prior = prior;
  return analyse(w, graph, settings, &instance);
}

// The landscape actor positions of `w` that match `names` (−1 when absent), and the focus's slot.
std::vector<int> landscape_slots(const World& w, const std::vector<std::string>& names) {
  std::vector<int> slot;
  for (const auto& name : names) {
    int s = -1;
    for (std::size_t k = 0; k < w.landscape.names.size(); ++k)
      if (w.landscape.names[k] == name) s = static_cast<int>(k);
    slot.push_back(s);
  }
  return slot;
}

void write_side(const Layout& L, const World& w, const World& before, const World& after, const Analysis& a, double* out) {
  // Triangles are those of the world before, found in this world by name.
  for (std::size_t k = 0; k < L.triangles; ++k) {
    out[L.type + k] = kNone;
    out[L.role + k] = kNone;
    const auto& bt = before.triangles[k];
    for (std::size_t m = 0; m < w.triangles.size(); ++m) {
      const auto& t = w.triangles[m];
      bool same = true;
      for (std::size_t s = 0; s < 3; ++s) same = same && w.names[t[s]] == before.names[bt[s]];
      if (!same) continue;
      std::size_t slot = 0;
      for (std::size_t s = 0; s < 3; ++s)
        if (t[s] == w.focus) slot = s;
      out[L.type + k] = static_cast<double>(a.triangles[m].type);
      out[L.role + k] = static_cast<double>(a.triangles[m].roles[slot]);
    }
  }
  out[L.focus_rank] = a.rank[w.focus];
  out[L.flexibility] = a.census.actors[w.focus].flexibility;
  out[L.weighted] = a.census.actors[w.focus].weighted_pivot;
  out[L.frustration] = static_cast<double>(a.frustration);
  out[L.optimal] = a.optimal ? 1 : 0;
  for (std::size_t i = 0; i < L.states; ++i) {
    const int p = w.index(after.names[i]);
    if (p < 0) {
      out[L.bloc + i] = kNone;
      out[L.rank + i] = kNone;
      continue;
    }
    const int b = a.bloc[static_cast<std::size_t>(p)];
    out[L.bloc + i] = b < 0 ? -1 : (b == a.bloc[w.focus] ? 1 : 0);
    out[L.rank + i] = a.rank[static_cast<std::size_t>(p)];
  }
  const auto slots = landscape_slots(w, after.landscape.names);
  int focus_slot = -1;
  for (std::size_t s = 0; s < w.landscape_at.size(); ++s)
    if (w.landscape_at[s] == w.focus) focus_slot = static_cast<int>(s);
  for (std::size_t s = 0; s < L.landscape; ++s) {
    if (a.landscape.minima.empty() || slots[s] < 0 || focus_slot < 0) {  // "with the focus" needs the focus
      out[L.with_focus + s] = kNone;
      continue;
    }
    const auto& sides = a.landscape.minima.front().sides;
    out[L.with_focus + s] = sides[static_cast<std::size_t>(slots[s])] == sides[static_cast<std::size_t>(focus_slot)] ? 1 : 0;
  }
  out[L.minima] = static_cast<double>(a.landscape.minima.size());
}

void run_member(const Worlds& worlds, const Layout& L, const stance::Profile& profile, const Scenario& sc,
                const EnsembleSpec& spec, const std::vector<int>& base_prior, std::uint64_t m, double* row) {
  const std::uint64_t member = core::member_seed(spec.seed, m);
  const Draw d = draw_rules(member, profile, sc, spec.noise);
  const auto before = run_side(worlds.before, member, d, spec.noise, &base_prior);
  const auto prior = carry_blocs(worlds.before, before.bloc, worlds.after);
  const auto after = run_side(worlds.after, member, d, spec.noise, &prior);
  write_side(L, worlds.before, worlds.before, worlds.after, before, row);
  write_side(L, worlds.after, worlds.before, worlds.after, after, row + L.side_size);
}

// ---- Summaries ----

// The spread of the members that have a value.
std::optional<Spread> spread_of_known(std::vector<double> values) {
  std::erase_if(values, [](double v) { return std::isnan(v); });
  return spread_of(std::move(values));
}

// Shares of each distinct value, named.
template <typename Name>
Shares shares(const std::vector<double>& values, Name name) {
  std::map<double, std::uint64_t> count;
  std::uint64_t total = 0;
  for (double v : values)
    if (!std::isnan(v)) {
      ++count[v];
      ++total;
    }
  Shares out;
  for (const auto& [v, c] : count) out.emplace_back(name(v), static_cast<double>(c) / static_cast<double>(total));
  return out;
}

// The share of members (with a value) whose value is 1; none when no member has one.
std::optional<double> share_of_ones(const std::vector<double>& values) {
  std::uint64_t ones = 0, known = 0;
  for (double v : values)
    if (!std::isnan(v)) {
      ++known;
      ones += v == 1;
    }
  if (!known) return std::nullopt;
  return static_cast<double>(ones) / static_cast<double>(known);
}

}  // namespace

Layout layout_of(const Worlds& w) {
  Layout L;
  L.triangles = w.before.triangles.size();
  L.states = w.after.n();
  L.landscape = w.after.landscape.names.size();
  std::size_t at = 0;
  L.type = at;
  at += L.triangles;
  L.role = at;
  at += L.triangles;
  L.focus_rank = at++;
  L.flexibility = at++;
  L.weighted = at++;
  L.frustration = at++;
  L.optimal = at++;
  L.bloc = at;
  at += L.states;
  L.rank = at;
  at += L.states;
  L.with_focus = at;
  at += L.landscape;
  L.minima = at++;
  L.side_size = at;
  return L;
}

std::vector<double> run_members(const Worlds& worlds, const stance::Profile& profile, const Scenario& sc,
                                const EnsembleSpec& spec, std::uint64_t first, std::uint64_t last, unsigned threads,
                                const std::function<void(std::uint64_t, std::uint64_t)>& progress,
                                const std::atomic<bool>* interrupt) {
  const Layout L = layout_of(worlds);
  const std::uint64_t count = last > first ? last - first : 0;
  if (L.row() > 0 && count > std::vector<double>().max_size() / L.row())
    throw std::invalid_argument(fmt::format("{} ensemble members are too many to keep", count));
  // Every member's row is kept for the summary's quantiles: refuse at once, rather than after
  // minutes of zeroing memory or swapping, a count whose rows would not fit in half the memory.
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  const double physical = pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 0;
  const double need = static_cast<double>(count) * static_cast<double>(L.row()) * sizeof(double);
  if (physical > 0 && need > physical / 2)
    throw std::invalid_argument(fmt::format("{} ensemble members need about {:.1f} GiB to keep, more than half of this "
                                            "machine's memory ({:.1f} GiB); ask for fewer with --members",
                                            count, need / (1 << 30), physical / (1 << 30)));
  std::vector<double> rows(count * L.row());
  // Every member breaks bloc ties toward the unperturbed blocs of the world before.
  Settings settings;
  settings.min_weight = sc.min_weight;
  settings.with_landscape = false;
  const auto base = analyse(worlds.before, graph_of(worlds.before, profile), settings);
  const std::vector<int> base_prior = base.bloc;

  // Members are claimed in order and a claimed member is always finished, so an interrupted run
  // has members first..first+done−1, a prefix. Progress is reported by the calling thread (worker
  // 0) between its members.
  using Clock = std::chrono::steady_clock;
  std::atomic<std::uint64_t> finished{0};
  auto report_at = Clock::now() + std::chrono::milliseconds(100);
  if (progress) progress(0, count);
  const std::uint64_t done = core::parallel_for(
      count, threads,
      [&](unsigned worker, std::uint64_t k) {
        run_member(worlds, L, profile, sc, spec, base_prior, first + k, rows.data() + k * L.row());
        ++finished;
        if (worker == 0 && progress && Clock::now() >= report_at) {
          progress(finished.load(), count);
          report_at = Clock::now() + std::chrono::milliseconds(100);
        }
      },
      interrupt);
  if (done < count) {
    rows.resize(done * L.row());
    return rows;
  }
  if (progress) progress(count, count);
  return rows;
}

EnsembleSummary summarise(const Worlds& worlds, const Scenario& sc, const EnsembleSpec& spec,
                          const std::vector<double>& rows) {
  static_cast<void>(sc);  // kept in the signature for the scenario's name in future summaries
  const Layout L = layout_of(worlds);
  const std::size_t members = L.row() ? rows.size() / L.row() : 0;
  const auto& bw = worlds.before;
  const auto& aw = worlds.after;
  auto column = [&](std::size_t side, std::size_t offset) {
    std::vector<double> v(members);
    for (std::size_t m = 0; m < members; ++m) v[m] = rows[m * L.row() + side * L.side_size + offset];
    return v;
  };
  // Both sides of a summary: side 0 is before the shocks, side 1 after.
  auto both = [](auto of_side) { return BeforeAfter<decltype(of_side(std::size_t{0}))>{of_side(0), of_side(1)}; };
  auto type_name = [](double v) { return std::string(triangle::to_string(static_cast<triangle::Type>(static_cast<int>(v)))); };
  auto role_name = [](double v) { return std::string(triangle::to_string(static_cast<triangle::Role>(static_cast<int>(v)))); };
  auto whole = [](double v) { return fmt::format("{}", static_cast<long long>(v)); };

  EnsembleSummary out;
  out.members = members;
  out.seed = spec.seed;
  out.noise = spec.noise;
  out.focus = bw.names[bw.focus];
  for (std::size_t k = 0; k < L.triangles; ++k) {
    const auto& t = bw.triangles[k];
    EnsembleTriangle entry;
    entry.triangle = fmt::format("{}-{}-{}", bw.names[t[0]], bw.names[t[1]], bw.names[t[2]]);
    const auto side = both([&](std::size_t s) {
      return TriangleShares{shares(column(s, L.type + k), type_name), shares(column(s, L.role + k), role_name)};
    });
    entry.before = side.before;
    entry.after = side.after;
    const auto rb = column(0, L.role + k), ra = column(1, L.role + k);
    std::uint64_t changed = 0, on_both = 0;
    for (std::size_t m = 0; m < members; ++m)
      if (!std::isnan(rb[m]) && !std::isnan(ra[m])) {
        ++on_both;
        changed += rb[m] != ra[m];
      }
    entry.focus_role_changed = on_both ? static_cast<double>(changed) / static_cast<double>(on_both) : 0.0;
    out.triangles.push_back(std::move(entry));
  }
  out.focus_measures = both([&](std::size_t s) {
    return FocusMeasures{shares(column(s, L.focus_rank), whole), spread_of_known(column(s, L.flexibility)),
                         spread_of_known(column(s, L.weighted))};
  });
  out.frustration = both([&](std::size_t s) {
    double proven = 0;
    for (double v : column(s, L.optimal)) proven += v;
    return FrustrationSpread{spread_of_known(column(s, L.frustration)), members ? proven / static_cast<double>(members) : 0.0};
  });
  for (std::size_t i = 0; i < L.states; ++i) {
    const auto side = both([&](std::size_t s) {
      const auto rank = spread_of_known(column(s, L.rank + i));
      auto part = [&](double Spread::*field) { return rank ? std::optional<double>((*rank).*field) : std::nullopt; };
      return std::array<std::optional<double>, 4>{share_of_ones(column(s, L.bloc + i)), part(&Spread::median),
                                                  part(&Spread::p05), part(&Spread::p95)};
    });
    out.states.push_back({aw.names[i], side.before[0], side.before[1], side.before[2], side.before[3], side.after[0],
                          side.after[1], side.after[2], side.after[3]});
  }
  for (std::size_t k = 0; k < L.landscape; ++k)
    out.landscape_with_focus.push_back({aw.landscape.names[k], share_of_ones(column(0, L.with_focus + k)),
                                        share_of_ones(column(1, L.with_focus + k))});
  out.landscape_minima = both([&](std::size_t s) { return shares(column(s, L.minima), whole); });
  out.note = fmt::format("{} members, seed {}; each applies one draw to both worlds (paired); shares are of members",
                         members, spec.seed);
  return out;
}

}  // namespace entente::scenario
