// The bundled default world (data/default-world.json) compiled into the library, so the binary
// works from any directory without the repository beside it.
#include <string_view>

#include "entente/world/world_file.hpp"

#ifndef ENTENTE_DEFAULT_WORLD_PATH
#error "ENTENTE_DEFAULT_WORLD_PATH must name data/default-world.json"
#endif

__asm__(".pushsection .rodata\n"
        ".balign 16\n"
        "entente_default_world_begin:\n"
        ".incbin \"" ENTENTE_DEFAULT_WORLD_PATH "\"\n"
        "entente_default_world_end:\n"
        ".byte 0\n"
        ".popsection\n");

extern "C" const char entente_default_world_begin[];
extern "C" const char entente_default_world_end[];

namespace entente::world {

std::string_view default_world_text() noexcept {
  return {entente_default_world_begin,
          static_cast<std::size_t>(entente_default_world_end - entente_default_world_begin)};
}

}  // namespace entente::world
