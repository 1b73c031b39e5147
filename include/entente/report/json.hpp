#pragma once
// The one serialisation. Ordered, so keys print in the order a result builds them.
#include <nlohmann/json.hpp>

namespace entente {
using Json = nlohmann::ordered_json;
}
