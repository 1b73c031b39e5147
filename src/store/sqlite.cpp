#include "sqlite.hpp"

#include <fmt/format.h>

#include <cstring>
#include <stdexcept>

namespace entente::store::sql {

Database::Database(const std::string& path, int flags) : path_(path) {
  // SQLite's memory statistics take a global mutex on every allocation; nothing reads them. This
  // only takes effect before SQLite first initialises, which the first connection does.
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
  // A connection is used by one thread at a time (the store is written from one thread), so it
  // needs no mutex of its own: each call would otherwise lock and unlock one.
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error(fmt::format("{}: cannot open the store: {}", path, msg));
  }
  sqlite3_extended_result_codes(db_, 1);
  // A large page cache keeps a whole import in memory until commit instead of spilling pages.
  sqlite3_exec(db_, "PRAGMA cache_size = -262144", nullptr, nullptr, nullptr);
}

Database::~Database() { sqlite3_close(db_); }

void Database::deserialize(std::string_view image, unsigned flags) {
  // SQLite takes a mutable pointer for every mode; with SQLITE_DESERIALIZE_READONLY it never
  // writes through it.
  auto* bytes = reinterpret_cast<unsigned char*>(const_cast<char*>(image.data()));
  const auto size = static_cast<sqlite3_int64>(image.size());
  if (sqlite3_deserialize(db_, "main", bytes, size, size, flags) != SQLITE_OK) fail("opening a database image");
}

void Database::open_image(std::string_view image) {
  deserialize(image, SQLITE_DESERIALIZE_READONLY);
  image_ = image;
  // Pages are read where they lie instead of being copied into the page cache (SQLite's memory
  // database hands out pointers to a fixed, read-only image when memory mapping is on).
  exec(fmt::format("PRAGMA mmap_size = {}", image.size()));
}

void Database::writable() {
  if (image_.empty()) return;
  auto* copy = static_cast<char*>(sqlite3_malloc64(image_.size()));
  if (!copy) throw std::runtime_error(fmt::format("{}: out of memory copying the database image", path_));
  std::memcpy(copy, image_.data(), image_.size());
  // SQLite owns the copy: it frees it when the connection closes (at once if the call fails).
  deserialize({copy, image_.size()}, SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  image_ = {};
}

std::string Database::image() const {
  sqlite3_int64 size = 0;
  unsigned char* bytes = sqlite3_serialize(db_, "main", &size, 0);
  if (!bytes) fail("writing the database image");
  std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
  sqlite3_free(bytes);
  return out;
}

void Database::fail(std::string_view what) const {
  switch (sqlite3_extended_errcode(db_) & 0xFF) {
    case SQLITE_NOTADB:
      throw std::runtime_error(fmt::format("{}: not an entente store (the file is not an SQLite database); name "
                                           "the store with --db, or import into a new file",
                                           path_));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw std::runtime_error(fmt::format("{}: locked by another import (another program is writing the store); "
                                           "try again when it has finished",
                                           path_));
    case SQLITE_READONLY:
      throw std::runtime_error(fmt::format("{}: read-only (the store or its folder cannot be written); import into "
                                           "a store you may write",
                                           path_));
    case SQLITE_CORRUPT:
      throw std::runtime_error(fmt::format("{}: a damaged store (SQLite says: {}); import the provider files into "
                                           "a new store",
                                           path_, sqlite3_errmsg(db_)));
    case SQLITE_FULL:
      throw std::runtime_error(fmt::format("{}: the disk is full", path_));
    default:
      throw std::runtime_error(fmt::format("{}: store error: {} (while {})", path_, sqlite3_errmsg(db_), what));
  }
}

void Database::exec(std::string_view sql) {
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(text.substr(0, 60));
}

Statement::Statement(const Database& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
    db.fail(fmt::format("preparing '{}'", sql.substr(0, 60)));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, long long value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.fail("bind");
  return *this;
}
Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) db_.fail("bind");
  return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    db_.fail("bind");
  return *this;
}
Statement& Statement::bind_blob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC) != SQLITE_OK)
    db_.fail("bind");
  return *this;
}
Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.fail("bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail("step");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  // Every statement binds all its parameters each time, so bindings need no clearing.
  sqlite3_reset(stmt_);
}

bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
long long Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
}
std::string_view Statement::blob(int col) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
}

std::string_view Statement::text_view(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
}
std::optional<long long> Statement::optional_integer(int col) const {
  if (is_null(col)) return std::nullopt;
  return integer(col);
}
std::optional<double> Statement::optional_real(int col) const {
  if (is_null(col)) return std::nullopt;
  return real(col);
}

}  // namespace entente::store::sql
