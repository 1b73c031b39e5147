#pragma once

#include <string_view>

namespace entente::actor {

// ISO 3166-1 alpha-3 code for a Correlates of War country code, or "" if none applies.
std::string_view iso3_for_ccode(int ccode) noexcept;

}  // namespace entente::actor
