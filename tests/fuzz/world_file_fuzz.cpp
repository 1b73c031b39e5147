// The world-file reader: malformed JSON or a malformed world is an exception, never a crash.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "entente/world/world_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto doc = nlohmann::json::parse(data, data + size, nullptr, false);
  if (doc.is_discarded()) return 0;
  try {
    const auto contents = entente::world::from_world_json(doc);
    for (const auto& r : contents.alliances)
      if (r.year < 1600 || r.year > 2200) __builtin_trap();  // periods are bounded to real years
  } catch (const std::exception&) {
  }
  return 0;
}
