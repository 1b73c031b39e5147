# The library's layers as targets (docs/ARCHITECTURE.md, "Layers"). Every header stays where it is
# (include/entente/<module>/); what a layer may include is decided by its include root: at configure
# time each layer gets a folder <build>/layers/<layer>/entente/ holding symbolic links to its own
# modules' headers only. A layer's target sees its root and, through target_link_libraries, the
# roots of the layers below it, so an include of a header from a layer above fails to compile with
# "file not found" (tests/layers/ proves it). The layers are OBJECT libraries combined into the one
# `entente` library, so its users link as before.

set(ENTENTE_LAYER_DIR ${CMAKE_CURRENT_BINARY_DIR}/layers)
file(REMOVE_RECURSE ${ENTENTE_LAYER_DIR})

# entente_layer_root(<layer> <entry>...): an entry is a module (include/entente/<module>/, linked
# whole, so a header added to it needs no change here) or one header, <module>/<file>.hpp, for the
# two modules whose headers sit in two layers (io, world).
function(entente_layer_root layer)
  set(root ${ENTENTE_LAYER_DIR}/${layer}/entente)
  file(MAKE_DIRECTORY ${root})
  foreach(entry IN LISTS ARGN)
    set(from ${PROJECT_SOURCE_DIR}/include/entente/${entry})
    if(NOT EXISTS ${from})
      message(FATAL_ERROR "layer ${layer}: include/entente/${entry} does not exist")
    endif()
    get_filename_component(parent ${root}/${entry} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    file(CREATE_LINK ${from} ${root}/${entry} SYMBOLIC)
  endforeach()
endfunction()

# entente_layer(<layer> SOURCES <file>... HEADERS <entry>... BELOW <layer target>...)
function(entente_layer layer)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;HEADERS;BELOW")
  entente_layer_root(${layer} ${arg_HEADERS})
  if(arg_SOURCES)
    add_library(entente_${layer} OBJECT ${arg_SOURCES})
    target_include_directories(entente_${layer} PUBLIC $<BUILD_INTERFACE:${ENTENTE_LAYER_DIR}/${layer}>)
    target_link_libraries(entente_${layer} PUBLIC ${arg_BELOW} nlohmann_json::nlohmann_json fmt::fmt
                                                  tomlplusplus::tomlplusplus)
    target_compile_options(entente_${layer} PRIVATE ${ENTENTE_WARNINGS})
  else()
    add_library(entente_${layer} INTERFACE)
    target_include_directories(entente_${layer} INTERFACE $<BUILD_INTERFACE:${ENTENTE_LAYER_DIR}/${layer}>)
    target_link_libraries(entente_${layer} INTERFACE ${arg_BELOW})
  endif()
endfunction()

set(ENTENTE_CORE_IO_HEADERS io/byte_stream.hpp io/csv.hpp io/file.hpp io/first_lines.hpp io/parse_error.hpp
                            io/table_spec.hpp io/toml_file.hpp)
set(ENTENTE_IMPORT_IO_HEADERS io/import_plan.hpp io/importers.hpp io/state_system.hpp)
# The panel (world::Year, world::Panel) is the in-memory evidence of a span of years: a value the
# stance model and the graph models read. Where it comes from (world::Source: the store, a world
# file) is the world layer's, above the store.
set(ENTENTE_PANEL_HEADERS world/panel.hpp world/conventions.hpp)
set(ENTENTE_WORLD_HEADERS world/source.hpp world/world_file.hpp world/export.hpp states dyads)

# A header added to a module a layer links whole shows up by itself; one added to a split module
# (or a new module) must be placed here, so CMake looks again when those folders change.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/entente
             ${PROJECT_SOURCE_DIR}/include/entente/io ${PROJECT_SOURCE_DIR}/include/entente/world)

# Every io and world header is in exactly one layer.
foreach(module io world)
  file(GLOB module_headers RELATIVE ${PROJECT_SOURCE_DIR}/include/entente ${PROJECT_SOURCE_DIR}/include/entente/${module}/*.hpp)
  foreach(header IN LISTS module_headers)
    if(NOT header IN_LIST ENTENTE_CORE_IO_HEADERS AND NOT header IN_LIST ENTENTE_IMPORT_IO_HEADERS
       AND NOT header IN_LIST ENTENTE_PANEL_HEADERS AND NOT header IN_LIST ENTENTE_WORLD_HEADERS)
      message(FATAL_ERROR "include/entente/${header} is in no layer: add it to cmake/layers.cmake")
    endif()
  endforeach()
endforeach()

entente_layer(core SOURCES ${ENTENTE_CORE_SOURCES} HEADERS core evidence ${ENTENTE_CORE_IO_HEADERS})
entente_layer(import SOURCES ${ENTENTE_IMPORT_SOURCES}
              HEADERS actor catalogue events idealpoint similarity ${ENTENTE_IMPORT_IO_HEADERS} BELOW entente_core)
entente_layer(store SOURCES ${ENTENTE_STORE_SOURCES} HEADERS store BELOW entente_import)
# Headers only: the panel's implementation reads the store, so it is compiled in the world layer.
entente_layer(panel HEADERS ${ENTENTE_PANEL_HEADERS} BELOW entente_import)
entente_layer(world SOURCES ${ENTENTE_WORLD_SOURCES} HEADERS ${ENTENTE_WORLD_HEADERS}
              BELOW entente_panel entente_store)
entente_layer(stance SOURCES ${ENTENTE_STANCE_SOURCES} HEADERS stance BELOW entente_panel)
entente_layer(models SOURCES ${ENTENTE_MODELS_SOURCES} HEADERS triangle balance landscape dynamics bargain
              BELOW entente_stance)
entente_layer(scenario SOURCES ${ENTENTE_SCENARIO_SOURCES} HEADERS scenario BELOW entente_models entente_world)
entente_layer(query SOURCES ${ENTENTE_QUERY_SOURCES} HEADERS query BELOW entente_scenario)
entente_layer(report SOURCES ${ENTENTE_REPORT_SOURCES} HEADERS report BELOW entente_query)
entente_layer(serve_api SOURCES ${ENTENTE_SERVE_SOURCES} HEADERS serve BELOW entente_report)
# The facade the CLI's table verbs and the bindings share: the report's table writer is below it.
entente_layer(api SOURCES ${ENTENTE_API_SOURCES} HEADERS api BELOW entente_report)

# What each layer compiles against beyond the JSON, fmt and TOML every layer has (the libraries are
# linked by `entente`).
target_link_libraries(entente_core PRIVATE ZLIB::ZLIB OpenSSL::Crypto)
target_link_libraries(entente_import PRIVATE Eigen3::Eigen Threads::Threads)
target_link_libraries(entente_store PRIVATE SQLite::SQLite3)
target_link_libraries(entente_world PRIVATE Threads::Threads)
target_link_libraries(entente_models PRIVATE Eigen3::Eigen Threads::Threads)
target_include_directories(entente_models PRIVATE ${GLPK_INCLUDE_DIR})
target_link_libraries(entente_scenario PRIVATE Threads::Threads)
target_link_libraries(entente_query PRIVATE Threads::Threads)
target_link_libraries(entente_serve_api PRIVATE Threads::Threads)
target_link_libraries(entente_api PRIVATE Threads::Threads)

set(ENTENTE_LAYERS entente_core entente_import entente_store entente_panel entente_world entente_stance
                   entente_models entente_scenario entente_query entente_report entente_serve_api entente_api)
