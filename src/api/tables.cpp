#include "entente/api/tables.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <memory>
#include <stdexcept>

#include "entente/query/years.hpp"
#include "entente/core/json.hpp"
#include "entente/report/table_writer.hpp"

namespace entente::api {

// The facade is made of the query layer's calls.
using namespace entente::query;

namespace {

// The CLI checks these names with CLI11 before they get here; the bindings do not, so a wrong
// one is said here in the CLI's words.
world::Universe universe_named(const std::string& name) {
  const auto universe = world::universe_by_name(name);
  if (!universe) throw std::runtime_error(fmt::format("--universe: \"{}\" is not simultaneous or any", name));
  return *universe;
}

std::vector<int> codes_of(const world::Source& source, const std::vector<std::string>& names) {
  std::vector<int> codes;
  for (const auto& name : names) codes.push_back(source.registry.find(name).ccode);
  return codes;
}

}  // namespace

dyads::Request dyads_request(const world::Source& source, const DyadsOptions& options) {
  dyads::Request req;
  req.from = options.from;
  req.to = options.to;
  req.directed = options.directed;
  req.relevant = options.relevant;
  const auto rule = world::contiguity_rule_by_name(options.contiguity);
  if (!rule)
    throw std::runtime_error(fmt::format("--contiguity: \"{}\" is not closest or january", options.contiguity));
  req.conventions = {universe_named(options.universe), *rule};
  req.threads = options.threads;
  req.actors = codes_of(source, options.actors);
  for (const auto& name : options.with) {
    auto layer = dyads::layer_by_name(name);
    if (!layer) throw std::runtime_error(fmt::format("--with: no layer '{}' (see 'entente dyads --help')", name));
    req.with.push_back(*layer);
  }
  if (req.from > req.to) throw std::runtime_error("--from is after --to");
  require_state_system_years(source, fmt::format("--from {} --to {}", req.from, req.to), req.from, req.to);
  return req;
}

namespace {

// write_dyads with `each_year` seeing every year's rows as they are written.
dyads::Table stream_dyads(const world::Source& source, dyads::Request req, const TableOutput& output,
                          const std::function<void(const dyads::YearRows&)>& each_year) {
  std::unique_ptr<report::TableWriter> writer;
  std::vector<std::string> columns;
  if (output.format != report::OutputFormat::table)
    req.render = [&](const dyads::YearRows& rows) {
      std::string text;
      const std::size_t ncol = columns.size();
      text.reserve(rows.ccode1.size() * (16 + 10 * ncol));
      for (std::size_t r = 0; r < rows.ccode1.size(); ++r) {
        const long long keys[] = {rows.ccode1[r], rows.ccode2[r], rows.year};
        // data(), not &values[...]: without value columns the vector is empty.
        writer->append_row(text, keys, rows.values.data() + r * ncol);
      }
      return text;
    };
  const auto summary = dyads::build(
      source, req,
      [&](const dyads::YearRows& rows) {
        if (each_year) each_year(rows);
        if (!writer->streams()) {
          const std::size_t ncol = columns.size();
          for (std::size_t r = 0; r < rows.ccode1.size(); ++r)
            writer->row({rows.ccode1[r], rows.ccode2[r], rows.year}, rows.values.data() + r * ncol);
        } else {
          writer->write_block(rows.text);
        }
      },
      [&](const std::vector<std::string>& cols, const std::vector<std::string>& missing) {
        columns = cols;
        Json meta{{"source", source.label}, {"from", req.from}, {"to", req.to}, {"directed", req.directed},
                  {"missing_datasets", missing}};
        writer = std::make_unique<report::TableWriter>(output.out, output.format,
                                                       std::vector<std::string>{"ccode1", "ccode2", "year"}, cols,
                                                       meta, output.style);
      });
  writer->finish();
  return summary;
}

}  // namespace

dyads::Table write_dyads(const world::Source& source, dyads::Request request, const TableOutput& output) {
  return stream_dyads(source, std::move(request), output, {});
}

dyads::Table write_and_keep_dyads(world::Source& source, dyads::Request request, const TableOutput& output,
                                  const std::string& into) {
  const auto columns = dyads::column_names(request);
  auto kept = source.store.create_result_table(into, {"ccode1", "ccode2", "year"}, columns);
  const std::size_t ncol = columns.size();
  const auto summary = stream_dyads(source, std::move(request), output, [&](const dyads::YearRows& rows) {
    for (std::size_t r = 0; r < rows.ccode1.size(); ++r) {
      const long long keys[] = {rows.ccode1[r], rows.ccode2[r], rows.year};
      kept.add(keys, rows.values.data() + r * ncol);
    }
  });
  kept.commit();
  return summary;
}

states::Request states_request(const world::Source& source, const StatesOptions& options) {
  states::Request req{options.from, options.to, {}, {}};
  req.universe = universe_named(options.universe);
  req.actors = codes_of(source, options.actors);
  for (const auto& name : options.with) {
    auto layer = states::layer_by_name(name);
    if (!layer)
      throw std::runtime_error(
          fmt::format("--with: no layer '{}' (choose from {})", name, fmt::join(states::layer_names(), ", ")));
    req.with.push_back(*layer);
  }
  return req;
}

std::vector<std::string> write_states(const world::Source& source, const states::Request& req,
                                      const TableOutput& output) {
  std::unique_ptr<report::TableWriter> writer;
  const auto missing = states::build(
      source, req,
      [&](const std::vector<std::string>& cols) {
        writer = std::make_unique<report::TableWriter>(output.out, output.format, std::vector<std::string>{"ccode", "year"},
                                                       cols, Json{{"source", source.label}, {"from", req.from}, {"to", req.to}},
                                                       output.style);
      },
      [&](int ccode, int y, const std::vector<double>& values) { writer->row({ccode, y}, values.data()); });
  writer->finish();
  return missing;
}

}  // namespace entente::api
