// A landscape instance built from a year's evidence: sizes from CINC, propensities as a weighted sum
// of simple evidence components, each in [−1, 1]. Missing evidence adds nothing and is named, so a
// reader can tell a propensity of 0 from one the data could not support.
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

#include "entente/evidence/records.hpp"
#include "entente/landscape/landscape.hpp"

namespace entente::landscape {
namespace {

using Obligation = evidence::Obligation;
constexpr std::uint8_t bit(Obligation o) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(o)); }
constexpr std::uint8_t kDefenseOrOffense = bit(Obligation::defense) | bit(Obligation::offense);
constexpr std::array<const char*, kComponents> kNames = {"alliance",  "un_agreement", "disputes", "rivalry",
                                                         "democracy", "contiguity",   "past_wars"};

}  // namespace

std::string_view to_string(Component c) { return kNames[static_cast<std::size_t>(c)]; }

double PropensityWeights::weight(Component c) const {
  switch (c) {
    case Component::alliance: return alliance;
    case Component::un_agreement: return un_agreement;
    case Component::disputes: return disputes;
    case Component::rivalry: return rivalry;
    case Component::democracy: return democracy;
    case Component::contiguity: return contiguity;
    case Component::past_wars: return past_wars;
  }
  return 0;
}

world::PanelLayers world_layers() {
  world::PanelLayers l;
  l.alliances = l.capabilities = true;
  l.contiguity = l.disputes = l.rivalries = l.votes = l.democracy = l.wars = true;
  l.majors = false;
  return l;
}

WorldInstance from_year(const world::Year& y, const std::vector<std::size_t>& positions,
                        const std::vector<std::string>& names, const PropensityWeights& weights,
                        const WarMemory* past) {
  const std::size_t n = positions.size(), ny = y.n();
  if (names.size() != n) throw std::invalid_argument(fmt::format("{} names for {} actors", names.size(), n));
  WorldInstance out;
  auto& in = out.instance;
  in.names = in.labels = names;
  for (std::size_t a = 0; a < n; ++a) {
    const double cinc = y.cinc.at(positions[a]);
    if (std::isnan(cinc))
      throw std::invalid_argument(fmt::format("{} has no CINC score in {} (COW NMC), so it has no size", names[a], y.year));
    if (!(cinc > 0))
      throw std::invalid_argument(fmt::format("{}'s CINC score in {} is {}; sizes must be greater than 0", names[a], y.year, cinc));
    in.sizes.push_back(cinc);
  }
  in.propensity.assign(n * n, 0.0);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) {
      const std::size_t i = positions[a], j = positions[b], ij = i * ny + j, ji = j * ny + i;
      PairEvidence pe;
      pe.a = a;
      pe.b = b;
      auto set = [&](Component c, double v) { pe.value[static_cast<std::size_t>(c)] = v; };
      auto missing = [&](Component c, const std::string& why) {
        pe.missing.push_back(fmt::format("{}: {}", to_string(c), why));
      };
      if (!y.in_scope[i] || !y.in_scope[j]) {
        const auto who = !y.in_scope[i] ? names[a] : names[b];
        for (std::size_t c = 0; c < kComponents; ++c)
          missing(static_cast<Component>(c), fmt::format("{} is outside the store's evidence scope", who));
      } else {
        if (y.atop_covered || y.cow_covered) {
          std::uint8_t bits = 0;
          if (y.atop_covered) bits = static_cast<std::uint8_t>(bits | y.atop[ij] | y.atop[ji]);
          if (y.cow_covered) bits = static_cast<std::uint8_t>(bits | y.cow[ij] | y.cow[ji]);
          set(Component::alliance, (bits & kDefenseOrOffense) ? 1.0 : bits ? 0.5 : 0.0);
        } else {
          missing(Component::alliance, fmt::format("no ATOP or COW alliance data for {}", y.year));
        }
        if (y.votes_covered) {
          long long joint = 0, same = 0;
          for (std::size_t r = 0; r < y.rollcalls; ++r) {
            const auto u = y.votes[i * y.rollcalls + r], v = y.votes[j * y.rollcalls + r];
            if (u < 1 || u > 3 || v < 1 || v > 3) continue;  // yes, abstain, no: absent and non-members left out
            ++joint;
            same += u == v;
          }
          if (joint >= weights.min_joint_votes)
            set(Component::un_agreement, 2.0 * static_cast<double>(same) / static_cast<double>(joint) - 1.0);
          else
            missing(Component::un_agreement, fmt::format("{} joint UN roll calls in {}, fewer than {}", joint, y.year,
                                                          weights.min_joint_votes));
        } else {
          missing(Component::un_agreement, fmt::format("no UN votes for {}", y.year));
        }
        if (y.disputes_covered || y.wars_covered) {
          const bool war = y.wars_covered && y.war[ij];
          const int hostility = y.disputes_covered ? y.mid_hostlev[ij] : 0;
          set(Component::disputes, war || hostility >= 4 ? -1.0 : hostility >= 1 ? -0.5 : 0.0);
          if (!y.disputes_covered) missing(Component::disputes, fmt::format("no MID data for {} (wars only)", y.year));
        } else {
          missing(Component::disputes, fmt::format("no MID or war data for {}", y.year));
        }
        if (y.tss_covered || y.td_covered) {
          const bool rival = (y.tss_covered && y.rival_tss[ij]) || (y.td_covered && y.rival_td[ij]);
          set(Component::rivalry, rival ? -1.0 : 0.0);
        } else {
          missing(Component::rivalry, fmt::format("no strategic-rivalry data for {}", y.year));
        }
        const double pi = y.polity2.at(i), pj = y.polity2.at(j);
        if (std::isnan(pi) || std::isnan(pj))
          missing(Component::democracy, fmt::format("no polity2 score for {} in {}", std::isnan(pi) ? names[a] : names[b], y.year));
        else
          set(Component::democracy, 1.0 - std::fabs(pi - pj) / 10.0);
        if (y.contiguity_covered)
          set(Component::contiguity, y.conttype[ij] == 1 ? -1.0 : 0.0);
        else
          missing(Component::contiguity, fmt::format("no COW contiguity data for {}", y.year));
        if (past && past->covered)
          set(Component::past_wars, past->fought[a * n + b] ? -1.0 : 0.0);
        else
          missing(Component::past_wars, past ? fmt::format("no COW war data for {}–{}", past->first_year, past->last_year)
                                             : std::string("no war memory was asked for"));
      }
      for (std::size_t c = 0; c < kComponents; ++c)
        if (pe.value[c]) pe.propensity += weights.weight(static_cast<Component>(c)) * *pe.value[c];
      in.propensity[a * n + b] = in.propensity[b * n + a] = pe.propensity;
      out.pairs.push_back(std::move(pe));
    }
  return out;
}

}  // namespace entente::landscape
