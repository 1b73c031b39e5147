// A landscape instance built from the evidence about its actors (stance::ActorEvidence): sizes
// from CINC, propensities as a weighted sum of simple evidence components, each in [−1, 1].
// Missing evidence adds nothing and is named, so a reader can tell a propensity of 0 from one the
// data could not support.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

#include "entente/evidence/records.hpp"
#include "entente/landscape/landscape.hpp"
#include "entente/stance/stance.hpp"

namespace entente::landscape {
namespace {

constexpr std::array<const char*, kComponents> kNames = {"alliance",  "un_alignment", "disputes", "rivalry",
                                                         "democracy", "contiguity",   "past_wars"};

}  // namespace

std::string_view to_string(Component c) { return kNames[static_cast<std::size_t>(c)]; }

double PropensityWeights::weight(Component c) const {
  switch (c) {
    case Component::alliance: return alliance;
    case Component::un_alignment: return un_alignment;
    case Component::disputes: return disputes;
    case Component::rivalry: return rivalry;
    case Component::democracy: return democracy;
    case Component::contiguity: return contiguity;
    case Component::past_wars: return past_wars;
  }
  return 0;
}

WorldInstance from_evidence(const stance::ActorEvidence& e, const std::vector<std::string>& names,
                            const stance::Profile& profile, const PropensityWeights& weights) {
  const std::size_t n = e.m();
  if (names.size() != n) throw std::invalid_argument(fmt::format("{} names for {} actors", names.size(), n));
  // The evidence may be filled in by hand (a test, a binding): its tables must fit its states.
  if (e.in_scope.size() != n || e.cinc.size() != n || e.polity2.size() != n || e.pairs.size() != n * n)
    throw std::invalid_argument(fmt::format("the evidence of {} states needs {} scope flags, CINC and polity2 scores and "
                                            "{} pairs; it has {}, {}, {} and {}",
                                            n, n, n * n, e.in_scope.size(), e.cinc.size(), e.polity2.size(),
                                            e.pairs.size()));
  WorldInstance out;
  auto& in = out.instance;
  in.names = in.labels = names;
  for (std::size_t a = 0; a < n; ++a) {
    const double cinc = e.cinc.at(a);
    if (std::isnan(cinc))
      throw std::invalid_argument(fmt::format("{} has no CINC score in {} (COW NMC), so it has no size", names[a], e.year));
    if (!(cinc > 0))
      throw std::invalid_argument(fmt::format("{}'s CINC score in {} is {}; sizes must be greater than 0", names[a], e.year, cinc));
    in.sizes.push_back(cinc);
  }
  in.propensity.assign(n * n, 0.0);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) {
      const stance::PairFacts& pair = e.pair(a, b);
      PairEvidence pe;
      pe.a = a;
      pe.b = b;
      auto set = [&](Component c, double v) { pe.value[static_cast<std::size_t>(c)] = v; };
      auto missing = [&](Component c, const std::string& why) {
        pe.missing.push_back(fmt::format("{}: {}", to_string(c), why));
      };
      if (!e.in_scope[a] || !e.in_scope[b]) {
        const auto who = !e.in_scope[a] ? names[a] : names[b];
        for (std::size_t c = 0; c < kComponents; ++c)
          missing(static_cast<Component>(c), fmt::format("{} is outside the store's evidence scope", who));
      } else if (!pair.in_universe) {
        for (std::size_t c = 0; c < kComponents; ++c)
          missing(static_cast<Component>(c), fmt::format("{} and {} were not members of the system on a common day of {}",
                                                         names[a], names[b], e.year));
      } else {
        // The evidence the stance model reads (stance::facts), under the same profile: one source
        // for the stance graph and the landscape.
        const stance::Facts& f = pair.facts;
        if (f.atop_covered || f.cow_covered) {
          const auto partners = stance::partnership(f, profile);
          set(Component::alliance, partners == stance::Relation::alliance ? 1.0 : partners == stance::Relation::entente ? 0.5 : 0.0);
        } else {
          missing(Component::alliance, fmt::format("no ATOP or COW alliance data for {}", e.year));
        }
        // UN alignment as the stance model reads it: the ideal-point distance d (standard
        // deviations) as 1 − d, clipped to [−1, 1], when the profile aligns by ideal points and
        // both states have one; otherwise 2 × agreement − 1 on the joint roll calls.
        const bool ideal = profile.aligned_idealpoint_distance > 0 && !std::isnan(f.idealpoint_distance);
        if (ideal) {
          set(Component::un_alignment, std::clamp(1.0 - f.idealpoint_distance, -1.0, 1.0));
        } else if (f.votes_covered) {
          if (f.joint_votes >= weights.min_joint_votes)
            set(Component::un_alignment, 2.0 * f.agreement - 1.0);
          else
            missing(Component::un_alignment, fmt::format("{} joint UN roll calls in {}, fewer than {}", f.joint_votes,
                                                          e.year, weights.min_joint_votes));
        } else {
          missing(Component::un_alignment, fmt::format("no UN votes for {}", e.year));
        }
        if (f.disputes_covered || f.wars_covered) {
          // Hostility as the stance profile counts it: a one-sided incident (Russia's coast guard
          // firing on a Chinese fishing boat in 2012) is a lesser dispute, not a fight.
          set(Component::disputes,
              f.war || stance::hostile_dispute(f, profile) ? -1.0 : f.hostility >= 1 ? -0.5 : 0.0);
          if (!f.disputes_covered) missing(Component::disputes, fmt::format("no MID data for {} (wars only)", e.year));
        } else {
          missing(Component::disputes, fmt::format("no MID or war data for {}", e.year));
        }
        if (f.tss_covered || f.td_covered) {
          set(Component::rivalry, f.tss || f.td ? -1.0 : 0.0);
        } else {
          missing(Component::rivalry, fmt::format("no strategic-rivalry data for {}", e.year));
        }
        const double pi = e.polity2[a], pj = e.polity2[b];
        if (std::isnan(pi) || std::isnan(pj))
          missing(Component::democracy, fmt::format("no polity2 score for {} in {}", std::isnan(pi) ? names[a] : names[b], e.year));
        else
          set(Component::democracy, 1.0 - std::fabs(pi - pj) / 10.0);
        if (e.contiguity_covered)
          set(Component::contiguity, pair.land_border ? -1.0 : 0.0);
        else
          missing(Component::contiguity, fmt::format("no COW contiguity data for {}", e.year));
        if (e.war_memory_covered)
          set(Component::past_wars, pair.past_war ? -1.0 : 0.0);
        else
          missing(Component::past_wars, e.war_memory_asked()
                                            ? fmt::format("no COW war data for {}–{}", e.war_memory_first, e.war_memory_last)
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
