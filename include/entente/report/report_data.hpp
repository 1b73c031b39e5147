#pragma once
// `entente report`: the data of the report page (docs/report.md is the contract with the page). One
// JSON object: the report's year and sources, a few summary sentences, and the sections in order,
// each built from the same query functions as the command-line verbs (relations, triangle,
// balancer, balance/blocs, landscape), with tables of the numbers behind every chart and a plain
// interpretation generated from those numbers.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "entente/actor/registry.hpp"
#include "entente/bargain/bargain.hpp"
#include "entente/query/bargain.hpp"
#include "entente/core/json.hpp"
#include "entente/stance/stance.hpp"
#include "entente/query/years.hpp"
#include "entente/world/source.hpp"

namespace entente::report {

// The years a report can cover, and its default year (query/years.hpp).
using query::YearSpan;
using query::report_years;
using query::default_report_year;

using Triangle = std::array<std::string, 3>;

// The question a report answers. Every default is chosen from the year's data (see
// docs/report.md): the report is about `focus`, whatever state that is.
struct ReportOptions {
  std::string focus = "RUS";  // the state the text follows
  // The strategic triangles, one section each; empty: default_triangle().
  std::vector<Triangle> triangles;
  // The landscape's states; empty: the year's great powers plus the focus.
  std::vector<std::string> landscape;
  // A scenario file (TOML, docs/scenarios.md) for the last section. Without one the report has no
  // scenario, except for the essay's question (Russia in 2012), which runs its example.
  std::optional<std::string> scenario;
  // Bargaining issues (CSV or TOML, docs/models/bargain.md), one section each, all run under
  // bargain_variant. None by default: their positions and saliences are hand codings, not the
  // store's evidence (docs/report.md says why the essay's Syria example is not a default).
  std::vector<std::string> bargains;
  std::string bargain_variant = "default";
  std::optional<int> from;  // first year of the timelines (default: report_years().first)
  std::optional<int> to;    // last year of the timelines (default: the report's year)
  unsigned threads = 0;     // landscape enumeration; 0: one per core
};

// "A,B,C" as a triangle; std::invalid_argument unless it names three states.
Triangle parse_triangle(const std::string& text);

// What the sections are built from// "A,B,C" as a triangle; std::invalid_argument unless it names three states.
Triangle parse_triangle(const std::string& text);

// What the sections are built from: the request, and the verbs' results that several sections
// share (computed once).
struct ReportContext {
  const world::Source& source;
  const stance::Profile& profile;
  const ReportOptions& options;
  int year = 0;
  int from = 0;
  int to = 0;  // the timelines' last year
  const actor::Actor& focus;
  Json relations;  // query::relations of the year, every pair in the evidence scope
  Json balancer;   // query::balancer of the year, every state in scope ranked
};

// One section of the report: {id, title, text, tables, ...its keys} (docs/report.md), and the
// sentences it adds to the report's summary. A section with nothing to show has no tables (and the
// page no charts): its text says why.
struct Section {
  Json json;
  std::vector<std::string> summary;
};

// The sections, in the report's order. A new section is a function of the context added to the
// list in report_data().
Section relations_section(const ReportContext& context);
// One triangle; `number` counts from 1, and names the section "triangle", then "triangle-2", ….
Section triangle_section(const ReportContext& context, const Triangle& triangle, int number);
Section balancers_section(const ReportContext& context);
Section blocs_section(const ReportContext& context);
Section landscape_section(const ReportContext& context);
// The scenario of options.scenario, or the essay's question (examples/russia-china-alliance.toml)
// on Russia in 2012 (report_scenario.cpp); null when there is none, or the store lacks its states.
Section scenario_section(const ReportContext& context);

// One bargaining issue of options.bargains: the file's name (without its folders) and the issue
// read from it. report_data reads every file before it builds any section, so a bad file fails the
// report at once, before anything is computed or written.
struct BargainIssue {
  std::string file;
  bargain::Issue issue;
};
// Reads and checks the file; std::invalid_argument naming it ("--bargain FILE: ...") when it cannot.
BargainIssue read_bargain_issue(const std::string& path);
// The issue's expected-utility rounds and forecast (query::bargain under `request`, the result the
// `bargain` verb prints; the report asks for options.bargain_variant and the verb's defaults
// otherwise, without per-round details or an ensemble), as the section "bargaining", then
// "bargaining-2", … (report_bargain.cpp).
Section bargaining_section(const BargainIssue& issue, const query::BargainRequest& request, int number);

// The default triangle of the focus in the year: the focus with its strongest partner (the friendly
// tie of most weight × CINC) and its strongest rival (the unfriendly tie of most |weight| × CINC);
// when it has no tie of one kind, the next strongest of the other. The two in COW code order, the
// focus last. Empty when the focus has fewer than two ties.
std::vector<std::string> default_triangle(const ReportContext& context);

// The whole report of `year` (which report_years must contain; std::invalid_argument otherwise).
Json report_data(const world::Source& source, int year, const stance::Profile& profile,
                 const ReportOptions& options = {});

// A section's table: {name, title, columns, rows}; `name` is also its CSV file, data/<name>.csv,
// so it may hold only lower-case letters, digits and '-'.
Json make_table(const std::string& name, const std::string& title, const std::vector<std::string>& columns, Json rows);

// Small helpers for generated text, exposed for tests: "1st", "2nd", "23rd"; "1 state", "2 states".
std::string ordinal(long long n);
std::string count_of(long long n, const std::string& singular, const std::string& plural);

}  // namespace entente::report
