// The event readers and the aggregation, fed arbitrary bytes: cells or a ParseError, nothing else.
// The first byte chooses the options (period, directed, de-duplication, actor kind, skip bad
// rows, one or two threads, tiny or normal blocks), the rest is the file: KEDS, GDELT 1.0/2.0 or
// ICEWS by its first line, as the CLI sees it. Every result must account for each row read.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "entente/events/aggregate.hpp"
#include "entente/io/parse_error.hpp"

namespace ev = entente::events;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("entente_fuzz_events_" + std::to_string(getpid()));
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  const unsigned o = data[0];
  ev::AggregateOptions options;
  options.period = static_cast<ev::Period>(o % 5);
  options.directed = (o & 8) != 0;
  options.dedupe = (o & 16) != 0;
  options.scope = (o & 32) ? ev::ActorScope::country : ev::ActorScope::state;
  options.skip_bad_rows = (o & 64) != 0;
  options.threads = (o & 128) ? 2 : 1;
  options.block_bytes = (o & 4) ? 256 : 1 << 16;
  options.country_by_name = [](std::string_view name, int) { return name == "Israel" ? 666 : name == "Jordan" ? 663 : 0; };
  try {
    const auto r = ev::aggregate({file}, options);
    std::int64_t events = 0;
    for (std::size_t i = 0; i < r.cells.size(); ++i) {
      const auto& c = r.cells[i];
      std::int64_t quads = 0;
      for (auto n : c.quad_events) quads += n;
      if (quads != c.events || c.events <= 0 || c.source == c.target) __builtin_trap();
      if (!options.directed && c.source > c.target) __builtin_trap();
      if (ev::period_start(c.period_start, options.period) != c.period_start) __builtin_trap();
      if (i > 0 && !(std::tie(r.cells[i - 1].period_start, r.cells[i - 1].source, r.cells[i - 1].target) <
                     std::tie(c.period_start, c.source, c.target)))
        __builtin_trap();
      events += c.events;
    }
    if (events != r.coverage.rows_used) __builtin_trap();
    if (r.coverage.rows_read != r.coverage.rows_used + r.rows_without_country + r.rows_non_state +
                                    r.rows_unmapped_actor + r.rows_society + r.rows_same_state + r.rows_other_actors +
                                    r.rows_unmapped_event_code + r.rows_duplicate + r.rows_bad)
      __builtin_trap();
  } catch (const entente::io::ParseError&) {
  } catch (const std::runtime_error&) {  // an empty file
  }
  return 0;
}
