// make-world-image: run by the build, not installed. Loads a world file (data/default-world.json)
// exactly as `entente` once loaded the bundled world at every start (from_world_json, then
// Store::restore into an in-memory store) and writes that store's SQLite image, which the
// library compiles in and opens without parsing (src/world/default_world_image.cpp).
//
//   make-world-image WORLD.json IMAGE
#include <nlohmann/json.hpp>

#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "entente/io/file.hpp"
#include "entente/store/store.hpp"
#include "entente/world/world_file.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make-world-image WORLD.json IMAGE\n";
    return 2;
  }
  try {
    const std::filesystem::path world = argv[1], image = argv[2];
    auto store = entente::store::Store::in_memory();
    store.restore(entente::world::from_world_json(nlohmann::json::parse(entente::io::read_whole_file(world))));
    const auto bytes = store.image();
    // Written beside the target and renamed, so an interrupted build leaves no half image.
    const auto partial = std::filesystem::path(image).concat(".partial");
    {
      std::ofstream out(partial, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.close();
      if (!out) throw std::runtime_error(partial.string() + ": cannot write");
    }
    std::filesystem::rename(partial, image);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "make-world-image: " << e.what() << '\n';
    return 1;
  }
}
