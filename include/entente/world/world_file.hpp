#pragma once
// The world file: a store's contents as compact JSON (alliance years run-length encoded into
// periods). The bundled default world is one such file, compiled into the library as the store
// it loads into.
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

// The bundled world as compiled in: the store image (store::Store::image) of
// data/default-world.json loaded with from_world_json, made when the library is built.
std::string_view default_world_image() noexcept;

}  // namespace entente::world
