// Bargaining perceptions as a signed network, for the structural-balance tools.
#include "entente/bargain/bargain.hpp"

namespace entente::bargain {

int dyad_sign(const Dyad& dyad) {
  return dyad.a_view.outcome == Outcome::conflict && dyad.b_view.outcome == Outcome::conflict ? -1 : 1;
}

}  // namespace entente::bargain
