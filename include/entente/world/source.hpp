#pragma once
// Where a command reads its evidence: a store file named by --db, or the bundled default world
// loaded into memory.
#include <filesystem>
#include <optional>
#include <string>

#include "entente/actor/registry.hpp"
#include "entente/store/store.hpp"

namespace entente::world {

struct Source {
  store::Store store;
  actor::Registry registry;
  std::string label;  // the store's path, or "bundled default world"
};

Source open_source(const std::optional<std::filesystem::path>& db);
Source open_default_world();
// The same, with a store file opened read-only (the bundled world lives in memory either way).
Source open_source_read_only(const std::optional<std::filesystem::path>& db);

}  // namespace entente::world
