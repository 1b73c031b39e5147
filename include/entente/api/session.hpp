#pragma once
// One world and the command line's verbs as methods: what the Python and R bindings stand on.
// Each method answers with exactly the JSON that `entente VERB --format json` prints for the same
// query, computed by the same library calls, with the CLI's option names and defaults; state
// names resolve as on the command line (COW code, abbreviation, ISO3 or name). Errors throw
// std::runtime_error (actor::LookupError for an unknown state) with the CLI's messages.
//
// Unlike the CLI, a Session installs no Ctrl-C handler and prints no progress: the host language
// owns the terminal and its signals.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "entente/query/bargain.hpp"
#include "entente/query/structure.hpp"
#include "entente/api/tables.hpp"
#include "entente/core/json.hpp"
#include "entente/world/source.hpp"

namespace entente::api {

// `entente balance --year Y` and `entente blocs`: the query layer's structs, which the command
// line and the server fill too.
using query::BalanceQuery;
using query::BlocsQuery;

// `entente landscape --year Y --actors A,B,...`.
struct LandscapeQuery {
  int year = 2012;
  std::vector<std::string> actors;
  std::string method = "exact";  // exact or heuristic
  unsigned threads = 0;
  std::uint64_t seed = 1;
  std::uint64_t starts = 100000;
  std::optional<std::string> profile;
};

// `entente scenario FILE`.
struct ScenarioQuery {
  std::optional<std::uint64_t> members, seed, runs;
  unsigned threads = 0;
  std::optional<std::string> profile;
};

class Session {
 public:
  // The store at `db`, opened read-only, or the bundled default world when empty.
  explicit Session(std::optional<std::filesystem::path> db = std::nullopt);

  const world::Source& source() const { return source_; }

  Json info() const;
  Json cite() const;
  Json actors(std::optional<int> year = std::nullopt) const;
  Json dyad(const std::string& a, const std::string& b, std::optional<int> from = std::nullopt,
            std::optional<int> to = std::nullopt) const;
  Json relations(int year = 2012, const std::vector<std::string>& actors = {},
                 const std::optional<std::string>& profile = std::nullopt) const;
  // One year (`year`, default 2012) or a timeline from `from` to `to`, as `entente triangle`.
  Json triangle(const std::string& a, const std::string& b, const std::string& c, std::optional<int> from = std::nullopt,
                std::optional<int> to = std::nullopt, std::optional<int> year = std::nullopt,
                const std::optional<std::string>& profile = std::nullopt) const;
  Json explain(const std::string& a, const std::string& b, int year = 2012,
               const std::optional<std::string>& profile = std::nullopt) const;
  Json balancer(int year = 2012, std::optional<int> top = std::nullopt,
                const std::optional<std::string>& profile = std::nullopt) const;
  Json balance(const BalanceQuery& query) const;
  Json blocs(const BlocsQuery& query) const;
  Json landscape(const LandscapeQuery& query) const;
  // The table as `--format json` prints it (streamed by query::write_dyads), and parsed.
  std::string dyads_text(const DyadsOptions& options) const;
  Json dyads(const DyadsOptions& options) const;
  std::string states_text(const StatesOptions& options) const;
  Json states(const StatesOptions& options) const;
  Json idealpoints(std::optional<int> from = std::nullopt, std::optional<int> to = std::nullopt,
                   const std::vector<std::string>& actors = {}) const;
  // The store is this session's when it was opened on one, else the scenario's [base] store,
  // else the bundled default world (as `entente scenario FILE` with or without --db).
  Json scenario(const std::filesystem::path& file, const ScenarioQuery& query = {}) const;
  // The actors from a CSV or TOML file, with every round's details (as --format json).
  Json bargain(const std::filesystem::path& file, query::BargainRequest request = {}) const;

 private:
  std::optional<std::filesystem::path> db_;
  world::Source source_;
};

}  // namespace entente::api
