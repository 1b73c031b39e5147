#pragma once
// Readers for the providers' files. Each turns one file into an ImportBatch (pure values) or
// throws ParseError at the first bad value; nothing touches the store until a whole file parsed.
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/evidence/records.hpp"
#include "entente/io/parse_error.hpp"

namespace entente::io {

// How strictly to read: by default the first bad row fails the whole file; with
// skip_bad_rows, bad data rows are left out and listed in ImportBatch::rejected.
class StateSystem;
struct ReadOptions {
  bool skip_bad_rows = false;
  // When set, state-year rows are checked against it (io/state_system.hpp); null: not checked
  // (an import with no states file into a store without one).
  const StateSystem* states = nullptr;
};

enum class Format {
  cow_states,                  // COW State System Membership (states2016.csv)
  cow_alliance_member_yearly,  // COW Formal Alliances v4.1, member-yearly (keeps treaty ids)
  cow_alliance_dyad_year,      // COW alliances as undirected dyad-years (peacesciencer layout)
  atop_ddyr,                   // ATOP directed dyad-years
  nmc_v6,                      // COW NMC with stateabb and version columns (NMC-60-abridged.csv)
  nmc_v7,                      // COW NMC v7 as distributed by peacesciencer (no stateabb)
  // COW IGO v3: their rows land in plain tables (specs marked special_reader of the same names).
  cow_igo_state_year,  // wide state-year file, one column per IGO -> long igo_membership rows
  cow_igo_igo_year,    // IGO-year file -> one igo row per IGO (names and years)
};

struct FormatInfo {
  Format format;
  std::string_view name;      // as given to `entente import --as`
  std::string_view dataset;   // catalogue id
  std::string_view example;   // a standard file name
  std::string_view describe;  // one line for --help
};

std::span<const FormatInfo> formats() noexcept;
const FormatInfo& format_info(Format f);
std::optional<Format> format_by_name(std::string_view name);

// Recognises a provider file by its header row. Throws ParseError (line 1) naming the
// formats it knows when the header matches none.
Format detect_format(const std::string& file_name, std::string_view text);

// Every reader, the special ones (Format) and the plain tables (io/table_spec.hpp), by name.
struct ReaderInfo {
  std::string_view name;
  std::string_view dataset;
  std::string_view example;
  std::string_view describe;
};
std::vector<ReaderInfo> readers();
// The name of the reader for a file, from its header row; throws ParseError when none fits.
std::string detect_reader(const std::string& file_name, std::string_view text);
// Parses with the named reader; throws std::invalid_argument for an unknown name.
evidence::ImportBatch parse_with(std::string_view reader, const std::string& file_name, std::string_view text,
                                 const ReadOptions& options = {});

// Parses one file's text. `file_name` appears in errors and in the provenance.
evidence::ImportBatch parse(Format format, const std::string& file_name, std::string_view text,
                            const ReadOptions& options = {});

// Reads a file from disk, detects its format unless one is forced, parses it, and fills the
// provenance (SHA-256, row count, import time) and coverage.
evidence::ImportBatch read_provider_file(const std::filesystem::path& path,
                                         const std::optional<std::string>& reader = std::nullopt,
                                         const ReadOptions& options = {});

// The version a provider file's name states: "atop_v5.1_ddyr.csv" -> "5.1", "NMC-60-abridged.csv"
// -> "6.0"; empty when the name says none.
std::string version_from_file_name(const std::string& name);

// Per-format parsers (used by parse()).
evidence::ImportBatch parse_cow_states(const std::string& file, std::string_view text,
                                    const ReadOptions& options = {});
evidence::ImportBatch parse_cow_alliance_member_yearly(const std::string& file, std::string_view text,
                                    const ReadOptions& options = {});
evidence::ImportBatch parse_cow_alliance_dyad_year(const std::string& file, std::string_view text,
                                    const ReadOptions& options = {});
evidence::ImportBatch parse_atop_ddyr(const std::string& file, std::string_view text,
                                    const ReadOptions& options = {});
evidence::ImportBatch parse_cow_igo_state_year(const std::string& file, std::string_view text,
                                               const ReadOptions& options = {});
evidence::ImportBatch parse_cow_igo_igo_year(const std::string& file, std::string_view text,
                                             const ReadOptions& options = {});
evidence::ImportBatch parse_nmc(const std::string& file, std::string_view text, Format layout,
                                const ReadOptions& options = {});

}  // namespace entente::io
