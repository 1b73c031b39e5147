// `entente landscape`: alignments predicted by landscape theory (Axelrod & Bennett 1993), of a
// year's evidence or of a sizes file and a propensity matrix (query::landscape,
// report::landscape_year_text, report::landscape_files_text).
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <iostream>

#include "entente/io/file.hpp"
#include "entente/landscape/landscape.hpp"
#include "entente/query/landscape.hpp"
#include "entente/report/structure_text.hpp"
#include "entente/world/source.hpp"
#include "../common/scenario_options.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

// A number option that must be finite: "nan" and "inf" parse as doubles, and then fail far from
// the option with a misleading message (an --offset of nan made every matrix "not symmetric").
CLI::Validator finite_check() {
  return CLI::Validator(
      [](std::string& text) {
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (!text.empty() && ec == std::errc() && end == text.data() + text.size() && std::isfinite(value))
          return std::string();
        return fmt::format("\"{}\" is not a number: expected a finite number such as 3 or -0.5", text);
      },
      "NUMBER");
}

struct State {
  Common& common;
  CLI::App* lan = nullptr;
  std::optional<int> lan_year;
  std::vector<std::string> lan_actors;
  std::optional<std::string> lan_sizes, lan_propensities;
  double lan_offset = 0;
  std::string lan_method = "exact";
  entente::query::LandscapeRequest lan_request;
  bool lan_by_position = false;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    // Axelrod & Bennett's landscape theory of aggregation.
    lan = app.add_subcommand("landscape", "alignments predicted by landscape theory (Axelrod & Bennett 1993): "
                                          "local minima of energy and their basins");
    auto* lan_year_opt = lan->add_option("--year", lan_year, "build the instance from this year's evidence (with --actors)");
    auto* lan_actors_opt = lan->add_option("--actors", lan_actors, "the states (comma separated)")->delimiter(',');
    auto* lan_sizes_opt = lan->add_option("--sizes", lan_sizes, "CSV: an actor (or name) column and a size (or strength) column")
                              ->check(CLI::ExistingFile);
    auto* lan_prop_opt = lan->add_option("--propensities", lan_propensities,
                                         "CSV matrix: a corner cell and column labels, then one labelled row per actor")
                             ->check(CLI::ExistingFile);
    auto* lan_offset_opt = lan->add_option("--offset", lan_offset, "propensity = value - offset (3 for ratings 1-5)")
                               ->capture_default_str()
                               ->check(finite_check());
    auto* lan_position_opt =
        lan->add_flag("--by-position", lan_by_position,
                      "take the matrix's rows in the order of the sizes file when its labels are not the actors' names");
    lan_position_opt->needs(lan_prop_opt);
    lan_year_opt->needs(lan_actors_opt)->excludes(lan_sizes_opt)->excludes(lan_prop_opt);
    lan_actors_opt->needs(lan_year_opt);
    lan_sizes_opt->needs(lan_prop_opt);
    lan_prop_opt->needs(lan_sizes_opt);
    lan_offset_opt->needs(lan_prop_opt);
    lan->add_option("--method", lan_method,
                    fmt::format("exact (every configuration: up to {} actors, up to {} when the machine's memory "
                                "allows) or heuristic (random-restart steepest descent, not exhaustive)",
                                entente::landscape::kExactActors, entente::landscape::kExactActorsMax))
        ->check(CLI::IsMember({"exact", "heuristic"}))
        ->capture_default_str();
    lan->add_option("--threads", lan_request.threads, "worker threads (default: all cores)");
    lan->add_option("--seed", lan_request.seed, "heuristic: seed of the random starts")->capture_default_str()
        ->check(seed_check());
    lan->add_option("--starts", lan_request.starts, "heuristic: number of random starts")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    lan->footer("Give either --year Y --actors A,B,... (sizes from CINC, propensities from the evidence; see\n"
                "docs/models/landscape.md) or --sizes FILE --propensities FILE [--offset X].");
    add_profile(lan, common);
    add_common(lan, common);
    return lan;
  }

  void check() const {
    if (!lan_year && !lan_sizes)
      throw CLI::RequiredError("landscape needs --year Y --actors A,B,... or --sizes FILE --propensities FILE");
  }

  int run() {
    if (lan_sizes) {
      const auto sizes = entente::landscape::read_sizes(*lan_sizes, entente::io::read_whole_file(*lan_sizes));
      const auto matrix = entente::landscape::read_propensities(
          *lan_propensities, entente::io::read_whole_file(*lan_propensities), lan_offset);
      lan_request.heuristic = lan_method == "heuristic";
      const auto input = entente::landscape::match(sizes, matrix, *lan_sizes, *lan_propensities, lan_by_position);
      const auto result = entente::query::landscape(input, *lan_sizes, *lan_propensities, lan_offset, lan_request);
      if (common.format == "table") std::cout << entente::report::landscape_files_text(result, input);
      print(result, common, entente::query::landscape_table_rows(result));
      return 0;
    }
    auto source = entente::world::open_source(db_path(common));
    std::vector<int> codes;
    for (const auto& name : lan_actors) codes.push_back(source.registry.find(name).ccode);
    lan_request.heuristic = lan_method == "heuristic";
    if (common.profile) lan_request.profile = entente::stance::resolve_profile(*common.profile);
    const auto result = entente::query::landscape(source, *lan_year, codes, lan_request);
    if (common.format == "table") std::cout << entente::report::landscape_year_text(result, source.label, *lan_year);
    print(result, common, entente::query::landscape_table_rows(result));
    return 0;
  }
};

}  // namespace

Verb add_landscape(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
