#pragma once
// `entente bargain`: the expected-utility model of an issue read from a file, as one JSON result
// (the only place bargaining results become JSON; keys are the struct fields' names), its
// terminal view, and an ensemble over noisy inputs.
#include <cstdint>
#include <string>

#include "entente/bargain/bargain.hpp"
#include "entente/core/json.hpp"

namespace entente::query {

struct BargainRequest {
  std::string variant = "default";
  int rounds = 1000;             // the round limit
  double tolerance = bargain::Options{}.tolerance;  // converged: no move above tolerance × range
  std::uint64_t members = 0;     // ensemble members (0: no ensemble)
  std::uint64_t seed = 1;
  unsigned threads = 0;          // 0: one per core; the result does not depend on it
  bargain::Noise noise;
  // Each round's offers and dyads (O(n²) per round). The terminal table and CSV do not need them;
  // without them the rounds keep their positions, median, mean and counts of moves.
  bool details = true;
};

// The run under the request's variant: input, variant, rounds (positions, median, mean, each
// actor's offers and the one it accepted, each dyad's two views), forecast, and `rows` (one per
// round) for CSV; with members > 0 also `ensemble`.
Json bargain(const bargain::Issue& issue, const BargainRequest& request);
// Its terminal view and signed edge list are report::bargain_text and report::bargain_signed_edges.
// JSON of the model's values, shared by the result and tests.
Json to_json(const bargain::Variant& v);
Json to_json(const bargain::View& v, const bargain::Issue& issue, std::size_t viewer, std::size_t other);

}  // namespace entente::query
