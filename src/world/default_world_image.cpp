// The bundled default world compiled into the program as the store's SQLite image, so the binary
// works from any directory and opens the world without parsing it. The image is built from
// data/default-world.json at build time (apps/world-image, cmake/world_image.cmake); this file
// is a library of its own because the program that builds the image links the main library.
#include <string_view>

#include "entente/world/world_file.hpp"

#ifndef ENTENTE_DEFAULT_WORLD_IMAGE_PATH
#error "ENTENTE_DEFAULT_WORLD_IMAGE_PATH must name the image built from data/default-world.json"
#endif

// Page-aligned, as SQLite reads it a page at a time.
__asm__(".pushsection .rodata\n"
        ".balign 4096\n"
        "entente_default_world_image_begin:\n"
        ".incbin \"" ENTENTE_DEFAULT_WORLD_IMAGE_PATH "\"\n"
        "entente_default_world_image_end:\n"
        ".popsection\n");

extern "C" const char entente_default_world_image_begin[];
extern "C" const char entente_default_world_image_end[];

namespace entente::world {

std::string_view default_world_image() noexcept {
  return {entente_default_world_image_begin,
          static_cast<std::size_t>(entente_default_world_image_end - entente_default_world_image_begin)};
}

}  // namespace entente::world
