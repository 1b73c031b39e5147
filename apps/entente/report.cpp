// `entente report`: an offline HTML report of a year, with its data as JSON and CSV
// (report::report_data, report::write_report_site; docs/report.md).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "entente/report/report_data.hpp"
#include "entente/report/report_site.hpp"
#include "entente/stance/stance.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* rep = nullptr;
  std::optional<int> rep_year;
  std::string rep_out = "entente-report";
  bool rep_open = false;
  report::ReportOptions rep_options;
  std::vector<std::string> rep_triangles;
  bool rep_force = false;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    // The report: an offline HTML page of a year, its data as JSON and CSV (docs/report.md).
    rep = app.add_subcommand("report", "write an offline HTML report of a year, with its data as JSON and CSV");
    rep->add_option("--year", rep_year, "the report's year (default 2012, or the store's last year)");
    rep->add_option("--focus", rep_options.focus, "the state the report follows")->capture_default_str();
    rep->add_option("--triangle", rep_triangles,
                    "a strategic triangle A,B,C (repeatable; default: the focus, its strongest partner and rival)");
    rep->add_option("--landscape", rep_options.landscape,
                    "the landscape's states (comma separated; default: the year's great powers and the focus)")
        ->delimiter(',');
    rep->add_option("--scenario", rep_options.scenario,
                    "a scenario file for the last section (default: none, but the essay's on Russia in 2012)")
        ->check(CLI::ExistingFile);
    rep->add_option("--bargain", rep_options.bargains,
                    "a bargaining issue (CSV or TOML, as for bargain) for a section of its own (repeatable; default: none)")
        ->check(CLI::ExistingFile);
    rep->add_option("--bargain-variant", rep_options.bargain_variant, "the variant every --bargain issue runs under")
        ->capture_default_str();
    rep->add_option("--from", rep_options.from, "first year of the timelines (default: the store's first)");
    rep->add_option("--to", rep_options.to, "last year of the timelines (default: --year)");
    rep->add_option("--out", rep_out, "the folder to write")->capture_default_str();
    rep->add_flag("--open", rep_open, "open index.html in a browser (xdg-open)");
    rep->add_flag("--force", rep_force, "replace --out even if it is not an earlier report (deleting what it holds)");
    rep->add_option("--format", common.format, "table: a summary; json: the report's data")
        ->check(CLI::IsMember({"table", "json"}));
    add_profile(rep, common);
    add_common(rep, common, false);
    return rep;
  }

  int run() {
    // The store first, then the profile, as every verb that reads a year's relationships.
    auto source = entente::world::open_source(db_path(common));
    const auto profile = profile_of(common);
    const auto span = entente::report::report_years(source);
    const int report_year = rep_year.value_or(entente::report::default_report_year(source));
    if (!span.contains(report_year)) {
      std::cerr << fmt::format("entente: --year {}: {} covers {} to {}\n", report_year, source.label, span.first,
                               span.last);
      return kUsage;
    }
    if (!entente::report::has_report_assets()) throw std::runtime_error(std::string(entente::report::kNoReportAssets));
    for (const auto& text : rep_triangles)
      rep_options.triangles.push_back(entente::report::parse_triangle(text));
    const auto data = entente::report::report_data(source, report_year, profile, rep_options);
    const auto site = entente::report::write_report_site(data, rep_out, rep_force);
    const auto where = fmt::format("Report: {} ({} files, {})\n", site.index.string(), site.files.size(),
                                   entente::report::size_text(site.bytes));
    if (common.format == "json") {
      std::cout << data.dump(2) << '\n';
      std::cerr << where;
    } else {
      for (const auto& sentence : data.at("summary")) std::cout << sentence.get<std::string>() << '\n';
      std::cout << '\n' << where;
    }
    if (rep_open && !entente::report::open_in_browser(site.index))
      std::cerr << fmt::format("entente: could not open it with xdg-open; open file://{} in a browser\n",
                               std::filesystem::absolute(site.index).string());
    return 0;
  }
};

}  // namespace

Verb add_report(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
