// Summaries over many runs of a dynamics: which end states they reached, how often, how fast.
#include <algorithm>
#include <map>
#include <utility>

#include "entente/dynamics/dynamics.hpp"

namespace entente::dynamics {

std::vector<EndState> end_states(const std::vector<Outcome>& runs) {
  // Settled runs by their sides; the unsettled ones all go to one entry, whatever their sides,
  // since a run cut off by a limit has not reached an end state.
  std::map<std::vector<std::uint8_t>, EndState, landscape::AlignmentLess> settled;
  EndState unsettled;
  unsettled.settled = false;
  for (const Outcome& run : runs) {
    EndState& entry = run.settled ? settled[run.sides] : unsettled;
    if (run.settled && entry.runs == 0) entry.sides = run.sides;
    entry.max_time = entry.runs == 0 ? run.time : std::max(entry.max_time, run.time);
    entry.mean_time += run.time;  // a sum until the end
    ++entry.runs;
  }
  std::vector<EndState> out;
  for (auto& entry : settled) out.push_back(std::move(entry.second));
  if (unsettled.runs > 0) out.push_back(std::move(unsettled));
  for (EndState& e : out) e.mean_time /= static_cast<double>(e.runs);
  std::stable_sort(out.begin(), out.end(), [](const EndState& a, const EndState& b) {
    if (a.runs != b.runs) return a.runs > b.runs;
    if (a.settled != b.settled) return a.settled;
    return landscape::AlignmentLess{}(a.sides, b.sides);
  });
  return out;
}

}  // namespace entente::dynamics
