#pragma once
// The one serialisation. Ordered, so keys print in the order a result builds them.
#include <nlohmann/json.hpp>

#include <string_view>

namespace entente {
using Json = nlohmann::ordered_json;
// A number, or null when it is missing (NaN): missing is never 0 in a result.
inline Json number_or_null(double v) { return v != v ? Json(nullptr) : Json(v); }
// How text for people spells a missing value (CSV leaves the cell empty, JSON writes null).
inline constexpr std::string_view kMissingText = "n/a";

}
