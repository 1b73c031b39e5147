#include "entente/world/source.hpp"

#include "entente/world/world_file.hpp"

namespace entente::world {

namespace {
Source make_source(store::Store store, std::string label) {
  actor::Registry registry(store.actors(), store.spells());
  return Source{std::move(store), std::move(registry), std::move(label)};
}
}  // namespace

Source open_default_world() {
  return make_source(store::Store::from_image(default_world_image()), "bundled default world");
}

Source open_source(const std::optional<std::filesystem::path>& db) {
  if (!db) return open_default_world();
  return make_source(store::Store::open_existing(*db), db->string());
}

Source open_source_read_only(const std::optional<std::filesystem::path>& db) {
  if (!db) return open_default_world();
  return make_source(store::Store::open_read_only(*db), db->string());
}

}  // namespace entente::world
