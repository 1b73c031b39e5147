#pragma once
// The evidence the store keeps, as plain values. Importers produce them, the store saves them,
// the default world and the queries read them back. Missing is not zero: an obligation a dataset
// does not code is std::nullopt, never 0.
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace entente::io {
struct TableSpec;
}

namespace entente::evidence {

struct ActorRecord {
  int ccode = 0;
  std::string abbrev;  // COW state abbreviation, e.g. "RUS"
  std::string name;    // COW state name
};

// One spell of membership in the COW state system. Dates are ISO "YYYY-MM-DD".
struct SpellRecord {
  int ccode = 0;
  std::string start;
  std::string end;
  int start_year() const { return std::stoi(start.substr(0, 4)); }
  int end_year() const { return std::stoi(end.substr(0, 4)); }
};

// The kinds of formal obligation that alliance datasets code.
enum class Obligation { defense, offense, neutrality, nonaggression, entente, consultation };
inline constexpr std::array kObligations = {Obligation::defense,       Obligation::offense,
                                            Obligation::neutrality,    Obligation::nonaggression,
                                            Obligation::entente,       Obligation::consultation};
const char* to_string(Obligation o) noexcept;

// What one state (`from`) has promised another (`to`) in one year, in one dataset. Undirected
// sources are stored as two directed rows with the same values.
struct AllianceYear {
  std::string dataset;  // catalogue id: "atop" or "cow_alliance"
  int from = 0;
  int to = 0;
  int year = 0;
  std::array<std::optional<bool>, kObligations.size()> obligations{};  // nullopt: not coded
  std::vector<int> treaties;  // treaty ids (COW version4id), empty when the source has none

  std::optional<bool> has(Obligation o) const { return obligations[static_cast<std::size_t>(o)]; }
  void set(Obligation o, std::optional<bool> v) { obligations[static_cast<std::size_t>(o)] = v; }
};

// National Material Capabilities of a state-year. Components missing in the source are nullopt.
struct CapabilityYear {
  int ccode = 0;
  int year = 0;
  std::optional<double> milex, milper, irst, pec, tpop, upop, cinc;
};

// Where a batch came from: one provider file.
struct Provenance {
  std::string dataset;
  std::string version;
  std::string file_name;  // base name of the file as imported
  std::string sha256;
  long long row_count = 0;
  std::string imported_at;  // ISO 8601 UTC
  std::string layout;       // the reader's format name, e.g. "atop-ddyr"
};

// The years a dataset covers: a dyad-year or state-year outside them is missing, not zero.
struct Coverage {
  std::string dataset;
  std::string version;
  int first_year = 0;
  int last_year = 0;
  std::string layout;  // the file layout the rows came from; one layout per dataset in a store
};

// Rows of a plain provider table described by an io::TableSpec, column by column. Numbers
// (integers and flags too) are doubles with NaN for NULL: every integer the providers use is
// exact in a double. Empty text is NULL.
struct TableRows {
  const io::TableSpec* spec = nullptr;
  std::size_t rows = 0;
  std::vector<std::vector<double>> numbers;     // one per column; empty for text columns
  std::vector<std::vector<std::string>> texts;  // one per column; empty for numeric columns
};

// A row left out by `import --skip-bad-rows`, with the reason a strict import would have given.
struct RejectedRow {
  std::size_t line = 0;
  std::string error;  // file:line:column: found ..., expected ...
  std::string text;   // the row as it stood in the file
};

// Everything one provider file contributes; the store applies a list of these in one transaction.
struct ImportBatch {
  Provenance provenance;
  Coverage coverage;
  std::vector<ActorRecord> actors;
  std::vector<SpellRecord> spells;
  std::vector<AllianceYear> alliances;
  std::vector<CapabilityYear> capabilities;
  TableRows table;  // for files read by a TableSpec
  std::vector<RejectedRow> rejected;  // rows skipped under --skip-bad-rows (empty when strict)
};

}  // namespace entente::evidence
