#include "entente/query/events.hpp"

#include <cmath>

#include <fmt/format.h>

#include "entente/events/cameo.hpp"

namespace entente::query {
namespace {

Json code_counts(const std::vector<events::CodeCount>& counts) {
  Json out = Json::array();
  for (const auto& c : counts) out.push_back({{"code", c.code}, {"rows", c.rows}});
  return out;
}

std::string top_codes(const std::vector<events::CodeCount>& counts, std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < counts.size() && i < n; ++i)
    text += fmt::format("{}{} {}", i ? ", " : "", counts[i].code.empty() ? "(empty)" : counts[i].code, counts[i].rows);
  if (counts.size() > n) text += fmt::format(", and {} more", counts.size() - n);
  return text;
}

}  // namespace

const std::vector<std::string>& event_key_columns() {
  static const std::vector<std::string> keys{"period_start", "source", "target"};
  return keys;
}

const std::vector<std::string>& event_value_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> c{"events"};
    for (int q = 0; q < events::kQuads; ++q)
      c.push_back("quad_events_" + std::string(events::quad_name(static_cast<events::Quad>(q))));
    for (const char* name : {"goldstein_sum", "goldstein_mean", "mentions", "goldstein_mention_sum"}) c.emplace_back(name);
    return c;
  }();
  return columns;
}

void event_values(const events::DyadPeriod& cell, double* values) {
  std::size_t i = 0;
  values[i++] = static_cast<double>(cell.events);
  for (auto n : cell.quad_events) values[i++] = static_cast<double>(n);
  values[i++] = cell.goldstein_sum;
  values[i++] = cell.events ? cell.goldstein_sum / static_cast<double>(cell.events) : NAN;
  values[i++] = static_cast<double>(cell.mentions);
  values[i++] = cell.goldstein_mention_sum;
}

Json events_summary(const events::AggregateResult& r, const events::AggregateOptions& o) {
  Json bad = Json::array();
  for (const auto& b : r.bad_rows) bad.push_back(b.error);
  return {
      {"options",
       {{"by", events::period_name(o.period)},
        {"directed", o.directed},
        {"actors", o.actors},
        {"dedupe", o.dedupe},
        {"actor_kind", o.scope == events::ActorScope::state ? "state" : "country"}}},
      {"coverage",
       {{"first_date", r.coverage.first_date},
        {"last_date", r.coverage.last_date},
        {"sources", r.coverage.sources},
        {"rows_read", r.coverage.rows_read},
        {"rows_used", r.coverage.rows_used}}},
      {"rows_left_out",
       {{"without_country", r.rows_without_country},
        {"non_state", r.rows_non_state},
        {"unmapped_actor", r.rows_unmapped_actor},
        {"society", r.rows_society},
        {"same_state", r.rows_same_state},
        {"other_actors", r.rows_other_actors},
        {"unmapped_event_code", r.rows_unmapped_event_code},
        {"duplicate", r.rows_duplicate},
        {"bad", r.rows_bad}}},
      {"unmapped_actor_codes", code_counts(r.unmapped_actor_codes)},
      {"non_state_actor_codes", code_counts(r.non_state_actor_codes)},
      {"unmapped_event_codes", code_counts(r.unmapped_event_codes)},
      {"bad_rows", bad},
  };
}

std::string events_notes(const events::AggregateResult& r) {
  std::string text = fmt::format("entente: events: {} rows read, {} used in {} cells", r.coverage.rows_read,
                                 r.coverage.rows_used, r.cells.size());
  if (r.coverage.first_date) text += fmt::format(", {} to {}", r.coverage.first_date, r.coverage.last_date);
  text += "\n";
  const auto line = [&](std::int64_t n, const char* why, const std::vector<events::CodeCount>* codes = nullptr) {
    if (n == 0) return;
    text += fmt::format("entente: events: left out {} rows {}", n, why);
    if (codes && !codes->empty()) text += fmt::format(" ({})", top_codes(*codes, 8));
    text += "\n";
  };
  line(r.rows_without_country, "with an actor without a country code");
  line(r.rows_non_state, "with a non-state actor", &r.non_state_actor_codes);
  line(r.rows_unmapped_actor, "with an unmapped actor code", &r.unmapped_actor_codes);
  line(r.rows_society, "with an actor of a state's society (--actor-kind country counts them)");
  line(r.rows_same_state, "within one state");
  line(r.rows_other_actors, "outside --actors");
  line(r.rows_unmapped_event_code, "with an event code the CAMEO table does not list", &r.unmapped_event_codes);
  line(r.rows_duplicate, "repeating an event of the same day (--dedupe)");
  line(r.rows_bad, "that are bad (--skip-bad-rows)");
  for (const auto& b : r.bad_rows) text += "entente: events: skipped " + b.error + "\n";
  return text;
}

}  // namespace entente::query
