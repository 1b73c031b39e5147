// The store's event evidence layers. Their tables are created with the first layer written, so
// a store without event data carries none of them and its schema version stays the same: a
// store is read the same way whether or not it ever held events.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "entente/io/file.hpp"
#include "entente/events/aggregate.hpp"  // period_name
#include "entente/store/store.hpp"
#include "sqlite.hpp"
#include "store_impl.hpp"

namespace entente::store {

namespace {

constexpr const char* kEventSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS event_layer (
  name TEXT PRIMARY KEY, period TEXT NOT NULL, directed INTEGER NOT NULL,
  first_date INTEGER NOT NULL, last_date INTEGER NOT NULL, rows_read INTEGER NOT NULL,
  rows_used INTEGER NOT NULL, cells INTEGER NOT NULL, sources TEXT NOT NULL, written_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS event_source (
  layer TEXT NOT NULL, position INTEGER NOT NULL, file_name TEXT NOT NULL, format TEXT NOT NULL,
  sha256 TEXT NOT NULL, PRIMARY KEY (layer, position)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS event_cell (
  layer TEXT NOT NULL, period_start INTEGER NOT NULL, source INTEGER NOT NULL, target INTEGER NOT NULL,
  events INTEGER NOT NULL, verbal_cooperation INTEGER NOT NULL, material_cooperation INTEGER NOT NULL,
  verbal_conflict INTEGER NOT NULL, material_conflict INTEGER NOT NULL, goldstein_sum REAL NOT NULL,
  mentions INTEGER NOT NULL, goldstein_mention_sum REAL NOT NULL,
  PRIMARY KEY (layer, period_start, source, target)) WITHOUT ROWID;
)sql";

bool has_event_tables(const sql::Database& db) {
  sql::Statement q(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'event_layer'");
  q.step();
  return q.integer(0) > 0;
}

// Coverage::sources is a list of free-text lines; one per line in the column.
std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

void Store::write_event_layer(const events::EvidenceLayer& layer) {
  events::check_layer_name(layer.name);
  auto& db = impl_->db;
  sql::Transaction tx(db);
  db.exec(kEventSchemaSql);
  for (const char* table : {"event_cell", "event_source"}) {
    sql::Statement del(db, fmt::format("DELETE FROM {} WHERE layer = ?", table));
    del.bind(1, layer.name).run();
  }
  {
    sql::Statement del(db, "DELETE FROM event_layer WHERE name = ?");
    del.bind(1, layer.name).run();
  }
  sql::Statement put_layer(db,
                           "INSERT INTO event_layer(name, period, directed, first_date, last_date, rows_read,"
                           " rows_used, cells, sources, written_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
  const auto& c = layer.coverage;
  put_layer.bind(1, layer.name)
      .bind(2, events::period_name(layer.period))
      .bind(3, layer.directed ? 1 : 0)
      .bind(4, c.first_date)
      .bind(5, c.last_date)
      .bind(6, static_cast<long long>(c.rows_read))
      .bind(7, static_cast<long long>(c.rows_used))
      .bind(8, static_cast<long long>(layer.cells.size()))
      .bind(9, join_lines(c.sources))
      .bind(10, io::utc_now_iso8601())
      .run();
  sql::Statement put_source(db, "INSERT INTO event_source(layer, position, file_name, format, sha256) VALUES (?,?,?,?,?)");
  for (std::size_t k = 0; k < layer.files.size(); ++k) {
    const auto& f = layer.files[k];
    put_source.bind(1, layer.name).bind(2, static_cast<long long>(k)).bind(3, f.file_name).bind(4, f.format)
        .bind(5, f.sha256).run();
  }
  // Key order makes every insert an append to the B-tree.
  std::vector<const events::DyadPeriod*> order;
  order.reserve(layer.cells.size());
  for (const auto& cell : layer.cells) order.push_back(&cell);
  std::sort(order.begin(), order.end(), [](const events::DyadPeriod* x, const events::DyadPeriod* y) {
    return std::tie(x->period_start, x->source, x->target) < std::tie(y->period_start, y->source, y->target);
  });
  sql::Statement put_cell(db,
                          "INSERT INTO event_cell(layer, period_start, source, target, events, verbal_cooperation,"
                          " material_cooperation, verbal_conflict, material_conflict, goldstein_sum, mentions,"
                          " goldstein_mention_sum) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  for (const auto* cell : order) {
    put_cell.bind(1, layer.name).bind(2, cell->period_start).bind(3, cell->source).bind(4, cell->target)
        .bind(5, static_cast<long long>(cell->events));
    for (int q = 0; q < events::kQuads; ++q)
      put_cell.bind(6 + q, static_cast<long long>(cell->quad_events[static_cast<std::size_t>(q)]));
    put_cell.bind(10, cell->goldstein_sum).bind(11, static_cast<long long>(cell->mentions))
        .bind(12, cell->goldstein_mention_sum).run();
  }
  tx.commit();
}

std::vector<events::LayerInfo> Store::event_layers() const {
  std::vector<events::LayerInfo> out;
  const auto& db = impl_->db;
  if (!has_event_tables(db)) return out;
  sql::Statement q(db,
                   "SELECT name, period, directed, first_date, last_date, rows_read, rows_used, cells, sources,"
                   " written_at FROM event_layer ORDER BY name");
  while (q.step()) {
    events::LayerInfo l;
    l.name = q.text(0);
    const auto period = events::period_by_name(q.text(1));
    if (!period) throw std::runtime_error(fmt::format("event layer '{}': unknown period '{}'", l.name, q.text(1)));
    l.period = *period;
    l.directed = q.integer(2) != 0;
    l.coverage.first_date = static_cast<int>(q.integer(3));
    l.coverage.last_date = static_cast<int>(q.integer(4));
    l.coverage.rows_read = q.integer(5);
    l.coverage.rows_used = q.integer(6);
    l.cells = q.integer(7);
    l.coverage.sources = split_lines(q.text(8));
    l.written_at = q.text(9);
    out.push_back(std::move(l));
  }
  sql::Statement files(db, "SELECT file_name, format, sha256 FROM event_source WHERE layer = ? ORDER BY position");
  for (auto& l : out) {
    files.bind(1, l.name);
    while (files.step()) l.files.push_back({files.text(0), files.text(1), files.text(2)});
    files.reset();
  }
  return out;
}

std::vector<events::DyadPeriod> Store::event_cells(const std::string& layer, int from_date, int to_date) const {
  std::vector<events::DyadPeriod> out;
  const auto& db = impl_->db;
  if (!has_event_tables(db)) return out;
  sql::Statement q(db,
                   "SELECT period_start, source, target, events, verbal_cooperation, material_cooperation,"
                   " verbal_conflict, material_conflict, goldstein_sum, mentions, goldstein_mention_sum"
                   " FROM event_cell WHERE layer = ? AND period_start BETWEEN ? AND ?"
                   " ORDER BY period_start, source, target");
  q.bind(1, layer).bind(2, from_date).bind(3, to_date);
  while (q.step()) {
    events::DyadPeriod c;
    c.period_start = static_cast<int>(q.integer(0));
    c.source = static_cast<int>(q.integer(1));
    c.target = static_cast<int>(q.integer(2));
    c.events = q.integer(3);
    for (int k = 0; k < events::kQuads; ++k) c.quad_events[static_cast<std::size_t>(k)] = q.integer(4 + k);
    c.goldstein_sum = q.real(8);
    c.mentions = q.integer(9);
    c.goldstein_mention_sum = q.real(10);
    out.push_back(c);
  }
  return out;
}

}  // namespace entente::store
