#pragma once
// What `entente import` reads: the files named, and the provider files found in folders named.
// Reading (and checking) every file happens here, in parallel.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "entente/evidence/records.hpp"
#include "entente/io/importers.hpp"

namespace entente::io {

struct PlannedFile {
  std::filesystem::path path;
  std::string reader;  // empty: not a provider file entente knows (folders only)
  std::string note;    // why a file found in a folder is left out
};

// Expands folders (recursively, in name order) into the provider files they hold. Files named
// directly must be known provider files (or `forced` names their reader; it does not apply to
// the files of a folder). In a folder, unknown
// files are left out with a note, and where a folder holds several layouts of one dataset
// (e.g. NMC v6 and v7) the newest version, then the richer layout, is taken.
std::vector<PlannedFile> plan_import(const std::vector<std::filesystem::path>& paths,
                                     const std::optional<std::string>& forced);

// Reads and parses the planned files (skipping left-out ones) on up to `threads` threads; the
// batches come back in plan order. `progress` (may be empty) is called as each file finishes.
// State-year rows are checked against the state system of the plan's states file, read first,
// or else against `known` (the store's; may be null or empty: then they are not checked).
std::vector<evidence::ImportBatch> read_planned(const std::vector<PlannedFile>& plan, unsigned threads,
                                                const std::function<void(const PlannedFile&, std::size_t done)>& progress,
                                                bool skip_bad_rows = false,
                                                const std::vector<evidence::SpellRecord>& known = {});

// As read_planned, but hands each batch to `consume` (on the calling thread, in plan order, with
// its index among the files read) as soon as it and every earlier one are read, while the other
// files are still being parsed: the store can write one file while the next is parsed. Errors
// are those of read_planned, in the same order: the first file that cannot be read, after every
// file has been read; an exception from `consume` stops the handing over and is rethrown last.
void read_planned_each(const std::vector<PlannedFile>& plan, unsigned threads,
                       const std::function<void(const PlannedFile&, std::size_t done)>& progress, bool skip_bad_rows,
                       const std::vector<evidence::SpellRecord>& known,
                       const std::function<void(std::size_t index, evidence::ImportBatch& batch)>& consume);

}  // namespace entente::io
