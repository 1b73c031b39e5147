# The library's sources, layer by layer (see docs/ARCHITECTURE.md, "Layers"). Each list is compiled
# as one CMake target (cmake/layers.cmake) that sees only its own layer's headers and those of the
# layers below it; a new source goes into the list of its module's layer.

# core: the JSON alias, parse errors, files, byte streams, CSV, table specs, evidence records; the
# one parallel loop (core/parallel.hpp) and the one random generator (core/random.hpp) are headers
# only, in include/entente/core/, which cmake/layers.cmake gives the core layer whole
set(ENTENTE_CORE_SOURCES
  src/evidence/records.cpp
  src/io/byte_stream.cpp
  src/io/csv.cpp
  src/io/file.cpp
  src/io/parse_error.cpp
  src/io/table_specs.cpp
  src/io/toml_file.cpp
)

# import: actors, catalogue, events, ideal points, similarity measures and the provider importers
set(ENTENTE_IMPORT_SOURCES
  src/actor/iso3.cpp
  src/actor/registry.cpp
  src/catalogue/dataset.cpp
  src/events/actors.cpp
  src/events/aggregate.cpp
  src/events/calendar.cpp
  src/events/cameo.cpp
  src/events/cameo_tables.cpp
  src/events/evidence_layer.cpp
  src/events/scanners.cpp
  src/events/score.cpp
  src/events/tally.cpp
  src/idealpoint/idealpoint.cpp
  src/io/alliances.cpp
  src/io/capabilities.cpp
  src/io/cow_igo.cpp
  src/io/cow_states.cpp
  src/io/formats.cpp
  src/io/import_plan.cpp
  src/io/state_system.cpp
  src/io/table_reader.cpp
  src/similarity/measures.cpp
)

# store: the SQLite store and its packed tables
set(ENTENTE_STORE_SOURCES
  src/store/alliance_rows.cpp
  src/store/packed.cpp
  src/store/sqlite.cpp
  src/store/event_layers.cpp
  src/store/store.cpp
)

# world: the panel read from a store, world files, and the dyad-year / state-year tables
set(ENTENTE_WORLD_SOURCES
  src/dyads/dyad_years.cpp
  src/states/state_years.cpp
  src/world/conventions.cpp
  src/world/export.cpp
  src/world/panel.cpp
  src/world/panel_events.cpp
  src/world/source.cpp
  src/world/world_file.cpp
)

# stance: a dyad-year's evidence -> a relationship and a signed weight
set(ENTENTE_STANCE_SOURCES
  src/stance/actor_evidence.cpp
  src/stance/graph.cpp
  src/stance/stance.cpp
)

# graph models: triangles, balance and blocs, landscape, dynamics, bargaining
set(ENTENTE_MODELS_SOURCES
  src/bargain/ensemble.cpp
  src/bargain/model.cpp
  src/bargain/network.cpp
  src/bargain/readers.cpp
  src/bargain/variants.cpp
  src/balance/binary_program.cpp
  src/balance/branch_and_cut.cpp
  src/balance/blocs.cpp
  src/balance/census.cpp
  src/balance/frustration.cpp
  src/balance/frustration_bounds.cpp
  src/balance/graph_files.cpp
  src/balance/signed_graph.cpp
  src/dynamics/continuous.cpp
  src/dynamics/end_states.cpp
  src/dynamics/myopic.cpp
  src/dynamics/sign_matrix.cpp
  src/dynamics/triad_dynamics.cpp
  src/landscape/exact.cpp
  src/landscape/fields.cpp
  src/landscape/from_evidence.cpp
  src/landscape/heuristic.cpp
  src/landscape/instance.cpp
  src/landscape/readers.cpp
  src/triangle/triangle.cpp
)

# scenario: shocks to a year's world, every model before and after
set(ENTENTE_SCENARIO_SOURCES
  src/scenario/analysis.cpp
  src/scenario/compare.cpp
  src/scenario/ensemble.cpp
  src/scenario/evolve.cpp
  src/scenario/parse.cpp
  src/scenario/world.cpp
)

# query: every verb's result as JSON (and its terminal text)
set(ENTENTE_QUERY_SOURCES
  src/query/actors.cpp
  src/query/bargain.cpp
  src/query/dyad.cpp
  src/query/events.cpp
  src/query/evidence_json.cpp
  src/query/idealpoints.cpp
  src/query/landscape.cpp
  src/query/long_runs.cpp
  src/query/monthly_triangle.cpp
  src/query/similarity.cpp
  src/query/structure.cpp
  src/query/store_info.cpp
  src/query/scenario.cpp
  src/query/scenario_json.cpp
  src/query/strategic.cpp
  src/query/years.cpp
)

# report and output: tables, CSV, the offline HTML report
set(ENTENTE_REPORT_SOURCES
  src/report/bargain_text.cpp
  src/report/import_run.cpp
  src/report/output.cpp
  src/report/report_assets.cpp
  src/report/report_bargain.cpp
  src/report/report_data.cpp
  src/report/report_scenario.cpp
  src/report/report_site.cpp
  src/report/report_text.cpp
  src/report/table_writer.cpp
  src/report/scenario_text.cpp
  src/report/store_text.cpp
  src/report/structure_text.cpp
  src/report/terminal_table.cpp
  src/report/triangle_text.cpp
)

# api: the library's verbs as one facade (query::Session's answers and the dyad-year / state-year
# tables as the CLI writes them), for the command line and the Python and R bindings
set(ENTENTE_API_SOURCES
  src/api/session.cpp
  src/api/tables.cpp
)

# serve: the JSON API of `entente serve` (the HTTP side is entente_serve)
set(ENTENTE_SERVE_SOURCES
  src/serve/api.cpp
  src/serve/app_assets.cpp
)

# The command line's own sources (the entente program and the fuzz target that runs it).
set(ENTENTE_CLI_SOURCES
  apps/entente/main.cpp
  apps/entente/cli.cpp
  apps/entente/actors.cpp
  apps/entente/balance.cpp
  apps/entente/balancer.cpp
  apps/entente/bargain.cpp
  apps/entente/cite.cpp
  apps/entente/dyad.cpp
  apps/entente/dyads.cpp
  apps/entente/events.cpp
  apps/entente/explain.cpp
  apps/entente/export_world.cpp
  apps/entente/help.cpp
  apps/entente/idealpoints.cpp
  apps/entente/import.cpp
  apps/entente/info.cpp
  apps/entente/landscape.cpp
  apps/entente/relations.cpp
  apps/entente/report.cpp
  apps/entente/scenario.cpp
  apps/entente/serve.cpp
  apps/entente/similarity.cpp
  apps/entente/triangle.cpp
  apps/entente/help_topics.cpp
  apps/entente/shell_files.cpp
)
