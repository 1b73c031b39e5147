#include "entente/events/cameo.hpp"

#include <algorithm>

#include "cameo_table.hpp"

namespace entente::events {

std::span<const EventCode> event_codes() noexcept { return detail::kEventCodes; }

const EventCode* find_event_code(std::string_view code) noexcept {
  const auto& t = detail::kEventCodes;
  const auto it = std::lower_bound(t.begin(), t.end(), code,
                                   [](const EventCode& e, std::string_view c) { return e.code < c; });
  return it != t.end() && it->code == code ? &*it : nullptr;
}

std::optional<Quad> quad_of_root(int root) noexcept {
  if (root < 1 || root > 20) return std::nullopt;
  if (root <= 5) return Quad::verbal_cooperation;
  if (root <= 8) return Quad::material_cooperation;
  if (root <= 13) return Quad::verbal_conflict;
  return Quad::material_conflict;
}

std::string_view quad_name(Quad q) noexcept {
  switch (q) {
    case Quad::verbal_cooperation: return "verbal_cooperation";
    case Quad::material_cooperation: return "material_cooperation";
    case Quad::verbal_conflict: return "verbal_conflict";
    case Quad::material_conflict: return "material_conflict";
  }
  return "";
}

}  // namespace entente::events
