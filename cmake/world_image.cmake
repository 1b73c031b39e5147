# The bundled default world, compiled in as the store's SQLite image so that a command opens it
# without parsing anything. data/default-world.json stays the source (documented, regenerable
# with `entente export-world`); at build time make-world-image (apps/world-image), built from the
# library, loads it as the library once did at every start and writes the image, which
# src/world/default_world_image.cpp embeds with .incbin.
#
# make-world-image links the library, so the image cannot be part of it: it is a small library of
# its own that `entente` passes on to every program linking it, except to make-world-image (the
# ENTENTE_MAKES_WORLD_IMAGE property), which needs no image.
set(ENTENTE_DEFAULT_WORLD ${PROJECT_SOURCE_DIR}/data/default-world.json)
set(ENTENTE_DEFAULT_WORLD_IMAGE ${CMAKE_CURRENT_BINARY_DIR}/default-world.sqlite)

add_executable(entente_make_world_image apps/world-image/main.cpp)
set_target_properties(entente_make_world_image PROPERTIES OUTPUT_NAME make-world-image ENTENTE_MAKES_WORLD_IMAGE ON)
target_compile_options(entente_make_world_image PRIVATE ${ENTENTE_WARNINGS})
target_link_libraries(entente_make_world_image PRIVATE entente)

add_custom_command(
  OUTPUT ${ENTENTE_DEFAULT_WORLD_IMAGE}
  COMMAND entente_make_world_image ${ENTENTE_DEFAULT_WORLD} ${ENTENTE_DEFAULT_WORLD_IMAGE}
  DEPENDS entente_make_world_image ${ENTENTE_DEFAULT_WORLD}
  COMMENT "Building the bundled world's store image from data/default-world.json"
  VERBATIM)

add_library(entente_world_image STATIC src/world/default_world_image.cpp ${ENTENTE_DEFAULT_WORLD_IMAGE})
# Position-independent, so that a shared module (a language binding) may link it.
set_target_properties(entente_world_image PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_include_directories(entente_world_image PRIVATE ${PROJECT_SOURCE_DIR}/include)
target_link_libraries(entente_world_image PRIVATE nlohmann_json::nlohmann_json)  # (world_file.hpp)
target_compile_options(entente_world_image PRIVATE ${ENTENTE_WARNINGS})
target_compile_definitions(entente_world_image PRIVATE ENTENTE_DEFAULT_WORLD_IMAGE_PATH="${ENTENTE_DEFAULT_WORLD_IMAGE}")
# .incbin reads the image behind the compiler's back: name it, so a new image rebuilds the object.
set_source_files_properties(src/world/default_world_image.cpp PROPERTIES OBJECT_DEPENDS ${ENTENTE_DEFAULT_WORLD_IMAGE})

target_link_libraries(entente INTERFACE
  $<$<NOT:$<BOOL:$<TARGET_PROPERTY:ENTENTE_MAKES_WORLD_IMAGE>>>:entente_world_image>)
