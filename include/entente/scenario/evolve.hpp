#pragma once
// How the world after the shocks evolves (docs/models/dynamics.md): local triad dynamics and
// their continuous-time variant on the stance ties of every modelled state, and landscape myopic
// moves of the landscape's actors from the alignment the world had before the shocks. Each is run
// `runs` times from member_seed(seed, run); the result lists the end states, how often each was
// reached and how long it took.
#include "entente/core/json.hpp"
#include "entente/scenario/world.hpp"

namespace entente::scenario {

Json evolve(const Worlds& worlds, const stance::Profile& profile, const Scenario& scenario, const DynamicsSpec& spec,
            unsigned threads);

}  // namespace entente::scenario
