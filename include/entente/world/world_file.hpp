#pragma once
// The world file: a store's contents as compact JSON (alliance years run-length encoded into
// periods). The bundled default world is one such file, compiled into the library.
#include <nlohmann/json_fwd.hpp>
#include <string_view>
#include <vector>

#include "entente/store/store.hpp"

namespace entente::world {

// 2: layouts in provenance and coverage, no import times, provider tables.
inline constexpr int kWorldFormatVersion = 2;

nlohmann::json to_world_json(const store::Contents& contents, int from_year);
// Throws std::runtime_error naming the section (e.g. "/alliances") of the first malformed element.
store::Contents from_world_json(const nlohmann::json& doc);

// The states whose evidence the bundled world carries: those the 2012 essay names and the
// great powers (COW codes).
std::vector<int> default_world_states();

// The bundled world's JSON text, as compiled in.
std::string_view default_world_text() noexcept;

}  // namespace entente::world
