#include "entente/dyads/dyad_years.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <fmt/format.h>
#include <future>
#include <thread>

#include "entente/core/parallel.hpp"
#include "entente/similarity/contingency.hpp"
#include "entente/world/panel.hpp"

namespace entente::dyads {

namespace {

using world::kMissing;
using Obligation = evidence::Obligation;

constexpr std::array kLayerNames = {std::pair{Layer::alliances, "alliances"},   std::pair{Layer::atop, "atop"},
                                    std::pair{Layer::capabilities, "capabilities"},
                                    std::pair{Layer::contiguity, "contiguity"}, std::pair{Layer::disputes, "disputes"},
                                    std::pair{Layer::rivalries, "rivalries"},   std::pair{Layer::trade, "trade"},
                                    std::pair{Layer::votes, "votes"},           std::pair{Layer::democracy, "democracy"},
                                    std::pair{Layer::majors, "majors"},         std::pair{Layer::similarity, "similarity"},
                                    std::pair{Layer::dca, "dca"},               std::pair{Layer::igos, "igos"},
                                    std::pair{Layer::idealpoints, "idealpoints"}};

constexpr std::uint8_t bit(Obligation o) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(o)); }

// The valued tie of Signorino & Ritter (1999): defense 3, neutrality or non-aggression 2,
// entente 1, none 0. For ATOP, offense counts with defense and consultation takes entente's place.
std::uint8_t tie_level(std::uint8_t bits) {
  if (bits & (bit(Obligation::defense) | bit(Obligation::offense))) return 3;
  if (bits & (bit(Obligation::neutrality) | bit(Obligation::nonaggression))) return 2;
  if (bits & (bit(Obligation::entente) | bit(Obligation::consultation))) return 1;
  return 0;
}

constexpr std::array kCowObligations = {Obligation::defense, Obligation::neutrality, Obligation::nonaggression,
                                        Obligation::entente};
constexpr std::array kAtopObligations = {Obligation::defense, Obligation::offense, Obligation::neutrality,
                                         Obligation::nonaggression, Obligation::consultation};
constexpr std::array kSimilarityNames = {"s", "s_sq", "s_w", "s_w_sq", "taub", "kappa", "pi", "scott"};

bool has(const std::vector<Layer>& with, Layer l) { return std::find(with.begin(), with.end(), l) != with.end(); }

struct Plan {
  std::vector<Layer> with;
  std::vector<std::string> columns;
  bool directed = false;
};

Plan plan_for(const Request& req) {
  Plan p;
  p.directed = req.directed;
  // Keep the documented column order whatever order the user named the layers in.
  for (const auto& [layer, name] : kLayerNames)
    if (has(req.with, layer)) p.with.push_back(layer);
  auto add = [&](std::string name) { p.columns.push_back(std::move(name)); };
  for (Layer l : p.with) switch (l) {
      case Layer::alliances:
        for (auto o : kCowObligations) add(fmt::format("cow_{}", evidence::to_string(o)));
        break;
      case Layer::atop:
        for (auto o : kAtopObligations) add(fmt::format("atop_{}", evidence::to_string(o)));
        break;
      case Layer::capabilities: add("cinc1"), add("cinc2"); break;
      case Layer::contiguity: add("conttype"); break;
      case Layer::disputes:
        for (const char* c : {"mid_onset", "mid_ongoing", "mid_hostlev", "mid_fatality", "mid_recip"}) add(c);
        break;
      case Layer::rivalries: add("rival_td"), add("rival_tss"); break;
      case Layer::trade: add("flow1"), add("flow2"); break;
      case Layer::votes:
        for (const char* c : {"un_joint", "un_agree", "un_coincide", "un_s", "un_kappa", "un_pi"}) add(c);
        break;
      case Layer::democracy:
        for (const char* c : {"polity2_1", "polity2_2", "polyarchy_1", "polyarchy_2", "quds_1", "quds_2"}) add(c);
        break;
      case Layer::majors: add("major1"), add("major2"); break;
      case Layer::similarity:
        for (const char* d : {"cow", "atop"})
          for (const char* m : kSimilarityNames) add(fmt::format("{}_{}", d, m));
        break;
      case Layer::dca:
        for (const char* c : {"dca_signed", "dca_in_force", "dca_ended", "dca_general", "dca_sector"}) add(c);
        break;
      case Layer::igos: add("igos_shared"), add("igos_unknown"); break;
      case Layer::idealpoints: add("idealpoint_distance"); break;
    }
  return p;
}

world::PanelLayers panel_layers(const Request& req) {
  world::PanelLayers l;
  l.alliances = has(req.with, Layer::alliances) || has(req.with, Layer::atop) || has(req.with, Layer::similarity);
  l.capabilities = has(req.with, Layer::capabilities) || has(req.with, Layer::similarity);
  l.contiguity = has(req.with, Layer::contiguity) || req.relevant;
  l.disputes = has(req.with, Layer::disputes);
  l.rivalries = has(req.with, Layer::rivalries);
  l.trade = has(req.with, Layer::trade);
  l.votes = has(req.with, Layer::votes);
  l.idealpoints = has(req.with, Layer::idealpoints);
  l.democracy = has(req.with, Layer::democracy);
  l.majors = has(req.with, Layer::majors) || req.relevant;
  l.dca = has(req.with, Layer::dca);
  l.igos = has(req.with, Layer::igos);
  return l;
}

// Per-year profiles that every dyad of the year reads.
struct Profiles {
  std::vector<std::uint8_t> cow, atop;  // n×n tie levels (undirected, 3 with itself)
  std::vector<std::uint8_t> votes;      // n×R levels: yes 0, abstain 1, no 2, else kNoLevel
};

void fill_levels(const world::Year& y, const std::vector<std::uint8_t>& bits, std::vector<std::uint8_t>& out) {
  const std::size_t n = y.n();
  out.assign(n * n, 0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < n; ++k)
      // A state outside the store's evidence scope is an unknown item, dropped from the portfolio
      // (its ties are not recorded, so reading them as "none" would inflate similarity).
      out[i * n + k] = !y.in_scope[k] ? similarity::kNoLevel
                       : i == k      ? 3
                                     : tie_level(static_cast<std::uint8_t>(bits[i * n + k] | bits[k * n + i]));
}

YearRows build_year(const world::Panel& panel, const Request& req, const Plan& plan, int year) {
  const world::Year y = panel.year(year);
  const std::size_t n = y.n();
  YearRows out;
  out.year = year;
  const bool similarity = has(plan.with, Layer::similarity);
  Profiles prof;
  if (similarity && y.cow_covered) fill_levels(y, y.cow, prof.cow);
  if (similarity && y.atop_covered) fill_levels(y, y.atop, prof.atop);
  if (has(plan.with, Layer::votes) && y.votes_covered) {
    prof.votes.resize(y.votes.size());
    for (std::size_t k = 0; k < y.votes.size(); ++k) {
      const auto v = y.votes[k];
      prof.votes[k] = v >= 1 && v <= 3 ? static_cast<std::uint8_t>(v - 1) : similarity::kNoLevel;
    }
  }
  std::vector<char> wanted(n, 1);
  if (!req.actors.empty())
    for (std::size_t i = 0; i < n; ++i)
      wanted[i] = std::binary_search(req.actors.begin(), req.actors.end(), y.ccodes[i]) ? 1 : 0;

  const std::size_t ncol = plan.columns.size();
  const std::size_t max_rows = req.directed ? n * n : n * (n - std::min<std::size_t>(n, 1)) / 2;
  out.ccode1.reserve(max_rows);
  out.ccode2.reserve(max_rows);
  out.values.reserve(max_rows * ncol);
  similarity::PairTable table;
  std::vector<double> row(ncol);
  for (std::size_t i = 0; i < n; ++i) {
    if (!wanted[i]) continue;
    for (std::size_t j = req.directed ? 0 : i + 1; j < n; ++j) {
      if (i == j || !wanted[j] || !y.in_universe(i, j)) continue;
      const std::size_t ij = i * n + j, ji = j * n + i;
      if (req.relevant) {
        const bool land = y.contiguity_covered && y.conttype[ij] == 1;
        const bool major = y.majors_covered && (y.major[i] || y.major[j]);
        if (!land && !major) continue;
      }
      const bool scoped = y.in_scope[i] && y.in_scope[j];
      std::size_t c = 0;
      auto put = [&](double v) { row[c++] = scoped ? v : kMissing; };
      auto put_flag = [&](bool covered, bool v) { put(covered ? (v ? 1.0 : 0.0) : kMissing); };
      for (Layer l : plan.with) switch (l) {
          case Layer::alliances: {
            const std::uint8_t b = y.cow_covered ? (plan.directed ? y.cow[ij] : y.cow[ij] | y.cow[ji]) : 0;
            for (auto o : kCowObligations) put_flag(y.cow_covered, b & bit(o));
            break;
          }
          case Layer::atop: {
            const std::uint8_t b = y.atop_covered ? (plan.directed ? y.atop[ij] : y.atop[ij] | y.atop[ji]) : 0;
            for (auto o : kAtopObligations) put_flag(y.atop_covered, b & bit(o));
            break;
          }
          case Layer::capabilities: put(y.cinc[i]), put(y.cinc[j]); break;
          case Layer::contiguity: put(y.contiguity_covered ? y.conttype[ij] : kMissing); break;
          case Layer::disputes:
            for (const auto* m : {&y.mid_onset, &y.mid_ongoing, &y.mid_hostlev, &y.mid_fatality, &y.mid_recip})
              put(!y.disputes_covered || (m == &y.mid_fatality && (*m)[ij] == world::kUnknownFatality) ? kMissing
                                                                                                : (*m)[ij]);
            break;
          case Layer::rivalries:
            put_flag(y.td_covered, y.td_covered && y.rival_td[ij]);
            put_flag(y.tss_covered, y.tss_covered && y.rival_tss[ij]);
            break;
          case Layer::trade:
            put(y.trade_covered ? y.flow[ij] : kMissing);
            put(y.trade_covered ? y.flow[ji] : kMissing);
            break;
          case Layer::votes: {
            if (!y.votes_covered) {
              for (int k = 0; k < 6; ++k) put(kMissing);
              break;
            }
            table.fill(&prof.votes[i * y.rollcalls], &prof.votes[j * y.rollcalls], y.rollcalls);
            const auto sc = similarity::pair_scores(table, {1, 2, 3, 0}, 2.0, 3, false);
            const auto& t = table.counts;
            const double joint = static_cast<double>(sc.items);
            const double full = t[0][0] + t[1][1] + t[2][2];
            const double half = t[0][1] + t[1][0] + t[2][1] + t[1][2];  // one side abstained
            put(joint);
            put(joint > 0 ? full / joint : kMissing);
            put(joint > 0 ? (full + 0.5 * half) / joint : kMissing);
            put(sc.s), put(sc.kappa), put(sc.pi);
            break;
          }
          case Layer::democracy:
            put(y.polity2[i]), put(y.polity2[j]), put(y.polyarchy[i]), put(y.polyarchy[j]);
            put(y.quds[i]), put(y.quds[j]);
            break;
          case Layer::majors:
            put(y.majors_covered ? y.major[i] : kMissing);
            put(y.majors_covered ? y.major[j] : kMissing);
            break;
          case Layer::similarity:
            for (const auto* levels : {&prof.cow, &prof.atop}) {
              if (levels->empty()) {
                for (std::size_t k = 0; k < kSimilarityNames.size(); ++k) put(kMissing);
                continue;
              }
              table.fill_weighted(&(*levels)[i * n], &(*levels)[j * n], y.cinc.data(), n);
              const auto sc = similarity::pair_scores(table, {0, 1, 2, 3}, 3.0, 4, true);
              put(sc.s), put(sc.s_squared), put(sc.s_weighted), put(sc.s_weighted_squared), put(sc.tau_b);
              put(sc.kappa), put(sc.pi);
              put(sc.scott_pi);
            }
            break;
          case Layer::dca: {
            if (!y.dca_covered) {
              for (int k = 0; k < 5; ++k) put(kMissing);
              break;
            }
            double signed_n = 0, in_force = 0, ended = 0, general = 0;
            for (const auto& d : y.dcas_of(static_cast<int>(i), static_cast<int>(j))) {
              signed_n += d.signed_this_year;
              in_force += d.in_force;
              ended += d.ended_this_year;
              general += d.in_force && d.general;
            }
            put(signed_n), put(in_force), put(ended), put(general), put(in_force - general);
            break;
          }
          case Layer::igos:
            put(y.igos_covered ? static_cast<double>(y.shared_igo_count(static_cast<int>(i), static_cast<int>(j)))
                               : kMissing);
            put(y.igos_covered ? static_cast<double>(y.unknown_igo_count(static_cast<int>(i), static_cast<int>(j)))
                               : kMissing);
            break;
          // The year's scale is standardised (idealpoint/), so distances compare within a year;
          // across years only roughly. NaN when either state has no ideal point.
          case Layer::idealpoints: put(std::fabs(y.idealpoint[i] - y.idealpoint[j])); break;
        }
      out.ccode1.push_back(y.ccodes[i]);
      out.ccode2.push_back(y.ccodes[j]);
      out.values.insert(out.values.end(), row.begin(), row.end());
    }
  }
  return out;
}

}  // namespace

std::optional<Layer> layer_by_name(std::string_view name) {
  for (const auto& [layer, n] : kLayerNames)
    if (name == n) return layer;
  return std::nullopt;
}

std::string_view layer_name(Layer layer) {
  for (const auto& [l, n] : kLayerNames)
    if (l == layer) return n;
  return "?";
}

std::vector<Layer> all_layers() {
  std::vector<Layer> out;
  for (const auto& [l, n] : kLayerNames) out.push_back(l);
  return out;
}

std::vector<std::string> column_names(const Request& request) { return plan_for(request).columns; }

std::string_view undirected_rule() {
  return "Non-directed dyads (ccode1 < ccode2) combine directed evidence so: an alliance obligation counts "
         "when either state holds it toward the other; flow1 is ccode1's imports from ccode2 and flow2 "
         "ccode2's imports from ccode1; disputes, rivalries, defense cooperation agreements and shared IGOs "
         "are symmetric already.";
}

Table build(const world::Source& source, const Request& request, const std::function<void(const YearRows&)>& sink,
            const std::function<void(const std::vector<std::string>&, const std::vector<std::string>&)>& start) {
  Request req = request;
  std::sort(req.actors.begin(), req.actors.end());
  const Plan plan = plan_for(req);
  const world::Panel panel(source, req.from, req.to, panel_layers(req), req.conventions);
  Table table;
  table.columns = plan.columns;
  table.missing_datasets = panel.missing_layers();
  if (start) start(table.columns, table.missing_datasets);

  // Years are independent: compute them on worker threads, deliver them in order.
  const unsigned threads = core::worker_count(req.threads);
  std::deque<std::future<YearRows>> pending;
  int next = req.from;
  auto launch = [&] {
    const int y = next++;
    pending.push_back(std::async(std::launch::async, [&panel, &req, &plan, y] {
      auto rows = build_year(panel, req, plan, y);
      if (req.render) rows.text = req.render(rows);
      return rows;
    }));
  };
  while (next <= req.to && pending.size() < threads) launch();
  while (!pending.empty()) {
    YearRows rows = pending.front().get();
    pending.pop_front();
    if (next <= req.to) launch();
    table.rows += static_cast<long long>(rows.ccode1.size());
    sink(rows);
  }
  return table;
}

}  // namespace entente::dyads
