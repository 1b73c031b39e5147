#include "cli.hpp"

#include <iostream>
#include <stdexcept>

#include "entente/report/output.hpp"
#include "entente/report/terminal_table.hpp"

namespace entente::cli {

void add_common(CLI::App* cmd, Common& common, bool with_format) {
  cmd->add_option("--db", common.db, "store file (default: the bundled default world)")->envname("ENTENTE_DB");
  if (with_format)
    cmd->add_option("--format", common.format, "output: table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
  if (with_format)
    cmd->add_option("--digits", common.digits, "significant digits of the table's numbers (default 4; CSV and JSON keep all)")
        ->check(CLI::Range(1, 17));
}

void add_profile(CLI::App* cmd, Common& common) {
  cmd->add_option("--profile", common.profile,
                  "stance profile: default (v2, data/profiles/default.toml), v1 (data/profiles/v1.toml), events (data/profiles/events.toml: with event data), or a TOML file")
      ->check(CLI::IsMember({"default", "v1", "v2", "events"}) | CLI::ExistingFile);
}

std::optional<std::filesystem::path> db_path(const Common& c) {
  if (!c.db) return std::nullopt;
  return std::filesystem::path(*c.db);
}

stance::Profile profile_of(const Common& c) {
  return c.profile ? stance::resolve_profile(*c.profile) : stance::default_profile();
}

void print(const Json& result, const Common& common, const Json& table_rows) {
  const auto format = report::parse_output_format(common.format).value_or(report::OutputFormat::table);
  switch (format) {
    case report::OutputFormat::json: std::cout << result.dump(2) << '\n'; break;
    case report::OutputFormat::csv: std::cout << report::to_csv(report::flatten(result.at("rows"))); break;
    case report::OutputFormat::table:
      std::cout << report::terminal_table(table_rows, report::terminal_style(common.digits));
      break;
  }
}

Destination::Destination(const std::optional<std::string>& path) {
  if (!path) return;
  file_.open(*path);
  if (!file_) throw std::runtime_error(*path + ": cannot write");
  to_file_ = true;
}

std::ostream& Destination::stream() { return to_file_ ? static_cast<std::ostream&>(file_) : std::cout; }

report::TerminalStyle table_style(const std::optional<std::string>& out_file, const Common& common) {
  return out_file ? report::file_style(common.digits) : report::terminal_style(common.digits);
}

}  // namespace entente::cli
