#include "entente/evidence/records.hpp"

namespace entente::evidence {

const char* to_string(Obligation o) noexcept {
  switch (o) {
    case Obligation::defense: return "defense";
    case Obligation::offense: return "offense";
    case Obligation::neutrality: return "neutrality";
    case Obligation::nonaggression: return "nonaggression";
    case Obligation::entente: return "entente";
    case Obligation::consultation: return "consultation";
  }
  return "?";
}

}  // namespace entente::evidence
