#include "entente/scenario/ensemble.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
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
  double min_weight = 0.5;
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
  // Only the census reads the year (its capabilities): a light copy is enough.
  world::Year light;
  light.year = w.year.year;
  light.ccodes = w.year.ccodes;
  light.cinc = w.year.cinc;
  landscape::Instance instance = w.landscape;
  if (noise.sizes > 0) {
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isnan(light.cinc[i])) light.cinc[i] *= std::exp(noise.sizes * normal_for(member, kSize, w.year.ccodes[i]));
    for (std::size_t k = 0; k < w.landscape_at.size(); ++k)
      instance.sizes[k] *= std::exp(noise.sizes * normal_for(member, kSize, w.year.ccodes[w.landscape_at[k]]));
  }
  Settings settings;
  settings.min_weight = d.min_weight;
  settings.bloc_prior = prior;
  return analyse(w, stances, settings, &light, &instance);
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

struct Stats {
  std::vector<double> values;
  void add(double v) {
    if (!std::isnan(v)) values.push_back(v);
  }
  Json json() {
    if (values.empty()) return nullptr;
    std::sort(values.begin(), values.end());
    double sum = 0;
    for (double v : values) sum += v;
    const double mean = sum / static_cast<double>(values.size());
    double ss = 0;
    for (double v : values) ss += (v - mean) * (v - mean);
    auto q = [&](double p) { return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5)]; };
    return {{"mean", mean},
            {"sd", values.size() > 1 ? std::sqrt(ss / static_cast<double>(values.size() - 1)) : 0.0},
            {"min", values.front()},
            {"p05", q(0.05)},
            {"median", q(0.5)},
            {"p95", q(0.95)},
            {"max", values.back()}};
  }
};

// Shares of each distinct value, named.
template <typename Name>
Json shares(const std::vector<double>& values, Name name) {
  std::map<double, std::uint64_t> count;
  std::uint64_t total = 0;
  for (double v : values)
    if (!std::isnan(v)) {
      ++count[v];
      ++total;
    }
  Json out = Json::object();
  for (const auto& [v, c] : count) out[name(v)] = static_cast<double>(c) / static_cast<double>(total);
  return out;
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
  const auto base = analyse(worlds.before, stances_of(worlds.before, profile), settings);
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

Json summarise(const Worlds& worlds, const Scenario& sc, const EnsembleSpec& spec, const std::vector<double>& rows) {
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
  auto type_name = [](double v) { return std::string(triangle::to_string(static_cast<triangle::Type>(static_cast<int>(v)))); };
  auto role_name = [](double v) { return std::string(triangle::to_string(static_cast<triangle::Role>(static_cast<int>(v)))); };
  auto whole = [](double v) { return fmt::format("{}", static_cast<long long>(v)); };
  const char* side_name[2] = {"before", "after"};

  Json triangles = Json::array();
  for (std::size_t k = 0; k < L.triangles; ++k) {
    const auto& t = bw.triangles[k];
    Json entry{{"triangle", fmt::format("{}-{}-{}", bw.names[t[0]], bw.names[t[1]], bw.names[t[2]])}};
    for (std::size_t s = 0; s < 2; ++s)
      entry[side_name[s]] = {{"type", shares(column(s, L.type + k), type_name)},
                             {"focus_role", shares(column(s, L.role + k), role_name)}};
    const auto rb = column(0, L.role + k), ra = column(1, L.role + k);
    std::uint64_t changed = 0, both = 0;
    for (std::size_t m = 0; m < members; ++m)
      if (!std::isnan(rb[m]) && !std::isnan(ra[m])) {
        ++both;
        changed += rb[m] != ra[m];
      }
    entry["focus_role_changed"] = both ? static_cast<double>(changed) / static_cast<double>(both) : 0.0;
    triangles.push_back(std::move(entry));
  }
  Json focus = Json::object();
  for (std::size_t s = 0; s < 2; ++s) {
    Stats flex, weighted;
    for (double v : column(s, L.flexibility)) flex.add(v);
    for (double v : column(s, L.weighted)) weighted.add(v);
    focus[side_name[s]] = {{"balancer_rank", shares(column(s, L.focus_rank), whole)},
                           {"flexibility", flex.json()},
                           {"weighted_pivot_index", weighted.json()}};
  }
  Json frustration = Json::object();
  for (std::size_t s = 0; s < 2; ++s) {
    Stats f;
    double proven = 0;
    for (double v : column(s, L.frustration)) f.add(v);
    for (double v : column(s, L.optimal)) proven += v;
    frustration[side_name[s]] = f.json();
    frustration[side_name[s]]["proven_optimal_share"] = members ? proven / static_cast<double>(members) : 0.0;
  }
  Json states = Json::array();
  for (std::size_t i = 0; i < L.states; ++i) {
    Json row{{"abbrev", aw.names[i]}};
    for (std::size_t s = 0; s < 2; ++s) {
      const auto bloc = column(s, L.bloc + i);
      std::uint64_t with = 0, known = 0;
      Stats rank;
      for (double v : bloc)
        if (!std::isnan(v)) {
          ++known;
          with += v == 1;
        }
      for (double v : column(s, L.rank + i)) rank.add(v);
      row[fmt::format("with_focus_bloc_{}", side_name[s])] =
          known ? Json(static_cast<double>(with) / static_cast<double>(known)) : Json(nullptr);
      const auto r = rank.json();
      row[fmt::format("rank_median_{}", side_name[s])] = r.is_null() ? Json(nullptr) : r.at("median");
      row[fmt::format("rank_p05_{}", side_name[s])] = r.is_null() ? Json(nullptr) : r.at("p05");
      row[fmt::format("rank_p95_{}", side_name[s])] = r.is_null() ? Json(nullptr) : r.at("p95");
    }
    states.push_back(std::move(row));
  }
  Json landscape = Json::array();
  for (std::size_t k = 0; k < L.landscape; ++k) {
    Json row{{"abbrev", aw.landscape.names[k]}};
    for (std::size_t s = 0; s < 2; ++s) {
      std::uint64_t with = 0, known = 0;
      for (double v : column(s, L.with_focus + k))
        if (!std::isnan(v)) {
          ++known;
          with += v == 1;
        }
      row[fmt::format("with_focus_{}", side_name[s])] =
          known ? Json(static_cast<double>(with) / static_cast<double>(known)) : Json(nullptr);
    }
    landscape.push_back(std::move(row));
  }
  Json minima = Json::object();
  for (std::size_t s = 0; s < 2; ++s) minima[side_name[s]] = shares(column(s, L.minima), whole);
  return {{"members", members},
          {"seed", spec.seed},
          {"noise", {{"weights", spec.noise.weights}, {"thresholds", spec.noise.thresholds}, {"sizes", spec.noise.sizes}}},
          {"focus", bw.names[bw.focus]},
          {"triangles", triangles},
          {"focus_measures", focus},
          {"frustration", frustration},
          {"states", states},
          {"landscape_with_focus", landscape},
          {"landscape_minima", minima},
          {"note", fmt::format("{} members, seed {}; each applies one draw to both worlds (paired); shares are of members",
                               members, spec.seed)}};
}

}  // namespace entente::scenario
