#pragma once
// An event evidence layer: the aggregated cells of a set of event files (per dyad and period, at
// the finest period written), kept in the store under a name with its coverage and the files it
// came from, so that `cite` names the providers and the models read the cells back.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/events/event_counts.hpp"

namespace entente::events {

struct AggregateResult;   // events/aggregate.hpp
struct AggregateOptions;

// One file a layer was built from, identified like every import by its SHA-256.
struct SourceFile {
  std::string file_name;  // base name of the file, as provenance names imported files
  std::string format;     // the reader it was read with, e.g. "keds", "gdelt1"
  std::string sha256;
};

struct EvidenceLayer {
  std::string name;  // letters, digits, '_' and '-'
  Period period = Period::month;
  bool directed = false;
  Coverage coverage;
  std::vector<SourceFile> files;
  std::vector<DyadPeriod> cells;
};

// What the store says of a layer without its cells.
struct LayerInfo {
  std::string name;
  Period period = Period::month;
  bool directed = false;
  Coverage coverage;
  std::vector<SourceFile> files;
  std::int64_t cells = 0;
  std::string written_at;  // ISO 8601 UTC
};

// The layer of an aggregation (events::aggregate of `files`, in that order) under `name`: its cells,
// coverage, and each file's format and SHA-256.
EvidenceLayer make_layer(const std::string& name, AggregateResult result, const AggregateOptions& options,
                         const std::vector<std::filesystem::path>& files);
// Throws std::invalid_argument unless the name is 1–64 letters, digits, '_' or '-'.
void check_layer_name(std::string_view name);

// The references a layer is cited with: the providers of its files' formats, the Goldstein
// scale and the CAMEO codebook.
struct Reference {
  std::string id;  // "gdelt", "keds", "icews", "goldstein", "cameo"
  std::string citation;
  std::string bibtex;
};
std::vector<Reference> references(const LayerInfo& layer);

}  // namespace entente::events
