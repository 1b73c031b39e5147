// COW State System Membership: one row per spell of membership.
#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "entente/io/csv.hpp"
#include "entente/io/first_lines.hpp"
#include "entente/io/importers.hpp"

namespace entente::io {
namespace {

// The longest name in the list is 32 bytes ("Federated States of Micronesia" and the like).
constexpr std::size_t kMaxStateName = 100;

}  // namespace

evidence::ImportBatch parse_cow_states(const std::string& file, std::string_view text,
                                    const ReadOptions& options) {
  CsvTable t(file, text);
  const auto abb = t.column("stateabb"), code = t.column("ccode"), name = t.column("statenme");
  const auto sy = t.column("styear"), sm = t.column("stmonth"), sd = t.column("stday");
  const auto ey = t.column("endyear"), em = t.column("endmonth"), ed = t.column("endday");
  const auto ver = t.find_column("version");

  evidence::ImportBatch batch;
  if (options.skip_bad_rows) t.skip_bad_rows_into(&batch.rejected);
  std::map<int, evidence::ActorRecord> actors;
  FirstLines spell_lines;  // a spell is its state and start date
  int first = 9999, last = 0;
  t.each_row([&] {
    const int ccode = static_cast<int>(t.integer(code, 1, 999));
    // The abbreviation and the name become the actor's names in every table entente prints.
    const auto abbrev = std::string(t.text(abb));
    if (abbrev.size() < 2 || abbrev.size() > 3 ||
        !std::all_of(abbrev.begin(), abbrev.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      t.fail(abb, "a COW state abbreviation of 2-3 capital letters");
    if (t.text(name).empty()) t.fail(name, "a state name");
    t.short_text(name, kMaxStateName, "a state name");
    auto date = [&](std::size_t y, std::size_t m, std::size_t d) {
      return fmt::format("{:04}-{:02}-{:02}", t.integer(y, 1800, 2100), t.integer(m, 1, 12),
                         t.integer(d, 1, 31));
    };
    evidence::SpellRecord spell{ccode, date(sy, sm, sd), date(ey, em, ed)};
    if (spell.end < spell.start) t.fail(ey, "an end date on or after the start date");
    const long long start = t.integer(sy, 1800, 2100) * 10000 + t.integer(sm, 1, 12) * 100 + t.integer(sd, 1, 31);
    if (auto line = spell_lines.earlier(ccode * 100000000LL + start, t.record().line))
      t.fail(sy, key_not_used_before("ccode, start date", *line));
    auto [it, fresh] = actors.try_emplace(ccode, evidence::ActorRecord{ccode, abbrev, std::string(t.text(name))});
    if (!fresh && it->second.abbrev != abbrev)
      t.fail(abb, fmt::format("the abbreviation '{}' used for ccode {} on an earlier row", it->second.abbrev, ccode));
    first = std::min(first, spell.start_year());
    last = std::max(last, spell.end_year());
    if (ver && batch.provenance.version.empty()) batch.provenance.version = std::string(t.text(*ver));
    batch.spells.push_back(std::move(spell));
  });
  if (batch.spells.empty()) throw ParseError({file, 2, 1}, "", "at least one state spell");
  for (auto& [c, a] : actors) batch.actors.push_back(std::move(a));
  batch.provenance.row_count = static_cast<long long>(t.rows_read());
  batch.coverage = {"", "", first, last, ""};
  return batch;
}

}  // namespace entente::io
