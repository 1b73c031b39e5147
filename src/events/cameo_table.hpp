#pragma once
// The generated table's declaration (src/events/cameo_tables.cpp).
#include <array>

#include "entente/events/cameo.hpp"

namespace entente::events::detail {
extern const std::array<EventCode, 311> kEventCodes;
}  // namespace entente::events::detail
