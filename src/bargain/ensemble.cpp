// Ensembles over noisy inputs, with the random numbers and member seeds of the scenario ensembles
// (core/random.hpp): a member's draws depend on the seed and its number only.
#include <algorithm>
#include <cmath>

#include "entente/bargain/bargain.hpp"
#include "entente/core/parallel.hpp"
#include "entente/core/random.hpp"

namespace entente::bargain {

Issue perturbed(const Issue& issue, const Noise& noise, std::uint64_t member_seed) {
  Issue out = issue;
  double lo = issue.actors.front().position, hi = lo;
  for (const auto& a : issue.actors) {
    lo = std::min(lo, a.position);
    hi = std::max(hi, a.position);
  }
  core::Rng rng(member_seed);
  // Three draws per actor in a fixed order, always made, so that one actor's draws never depend
  // on another's noise being zero.
  for (auto& a : out.actors) {
    const double shift = rng.normal(), factor = rng.normal(), resolve = rng.normal();
    a.position = std::clamp(a.position + noise.position * (hi - lo) * shift, lo, hi);
    a.capability *= std::exp(noise.capability * factor);
    a.salience = std::clamp(a.salience + noise.salience * resolve, 0.0, 1.0);
  }
  return out;
}

std::vector<MemberForecast> ensemble(const Issue& issue, const Variant& variant, const Options& options,
                                     const Noise& noise, std::uint64_t members, std::uint64_t seed, unsigned threads) {
  check(issue);
  std::vector<MemberForecast> out(members);
  Options lean = options;
  lean.details = false;
  core::parallel_for(members, threads, [&](unsigned, std::uint64_t m) {
    Issue member = perturbed(issue, noise, core::member_seed(seed, m));
    // A draw can leave every c·s at 0 only if the input nearly was; the member then keeps
    // the unperturbed saliences rather than failing the ensemble.
    double weight = 0;
    for (const auto& a : member.actors) weight += a.capability * a.salience;
    if (!(weight > 0))
      for (std::size_t k = 0; k < member.actors.size(); ++k) member.actors[k].salience = issue.actors[k].salience;
    const auto result = run(member, variant, lean);
    out[m] = {result.forecast.median, result.forecast.mean, static_cast<int>(result.rounds.size()),
              result.stopped == Stop::converged, result.forecast.positions};
  });
  return out;
}

}  // namespace entente::bargain
