// `entente triangle A B C`: the strategic triangle of three states year by year from the stance
// model (query::triangle), or month by month from an event layer (query::triangle_by_month).
#include <fmt/format.h>

#include <charconv>
#include <stdexcept>

#include "entente/query/monthly_triangle.hpp"
#include "entente/query/strategic.hpp"
#include "entente/query/years.hpp"
#include "entente/report/triangle_text.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* tri = nullptr;
  std::string ta, tb, tc;
  std::optional<int> tyear;
  std::optional<std::string> tfrom, tto;
  std::string tby = "year";
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    tri = app.add_subcommand("triangle", "the strategic triangle of three states (Dittmer), year by year");
    tri->add_option("A", ta, "first state")->required();
    tri->add_option("B", tb, "second state")->required();
    tri->add_option("C", tc, "third state")->required();
    tri->add_option("--year", tyear, "one year (default 2012)");
    tri->add_option("--from", tfrom, "first year of a timeline (with --by month: first month, YYYY-MM)");
    tri->add_option("--to", tto, "last year of a timeline (with --by month: last month, YYYY-MM)");
    tri->add_option("--by", tby,
                    "year: ties from the stance model; month: ties from the store's event layer, month by month "
                    "(docs/models/event_score.md)")
        ->check(CLI::IsMember({"year", "month"}))
        ->capture_default_str();
    add_profile(tri, common);
    add_common(tri, common);
    return tri;
  }

  int run() {
    auto source = entente::world::open_source(db_path(common));
    const auto profile = profile_of(common);
    if (tby == "month") {
      if (tyear) throw std::runtime_error("--by month takes --from YYYY-MM --to YYYY-MM, not --year");
      if (!tfrom || !tto) throw std::runtime_error("--by month needs --from YYYY-MM and --to YYYY-MM");
      const auto result = entente::query::triangle_by_month(
          source, source.registry.find(ta), source.registry.find(tb), source.registry.find(tc),
          entente::query::parse_month(*tfrom, false, "--from"), entente::query::parse_month(*tto, true, "--to"), profile);
      print(result, common, entente::report::monthly_triangle_table_rows(result));
      return 0;
    }
    auto year_of = [](const std::string& text, const char* option) {
      int value = 0;
      const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || p != text.data() + text.size())
        throw std::runtime_error(fmt::format("{} {}: expected a year (or --by month and YYYY-MM)", option, text));
      return value;
    };
    const std::optional<int> from_year = tfrom ? std::optional(year_of(*tfrom, "--from")) : std::nullopt;
    const std::optional<int> to_year = tto ? std::optional(year_of(*tto, "--to")) : std::nullopt;
    const auto years = entente::query::triangle_years(tyear, from_year, to_year);
    query::require_evidence_years(source, years.asked, years.first, years.last);
    const auto result = entente::query::triangle(source, source.registry.find(ta), source.registry.find(tb),
                                                 source.registry.find(tc), years.first, years.last, profile);
    print(result, common, entente::report::triangle_table_rows(result));
    return 0;
  }
};

}  // namespace

Verb add_triangle(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
