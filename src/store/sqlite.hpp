#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements with typed binds,
// and a transaction guard that rolls back unless committed. Private to the store module.
#include <sqlite3.h>

#include <optional>
#include <string>
#include <utility>
#include <string_view>

namespace entente::store::sql {

class Database {
 public:
  Database(const std::string& path, int flags);
  ~Database();
  Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)), image_(other.image_) {
    other.db_ = nullptr;
  }
  Database& operator=(Database&&) = delete;
  Database(const Database&) = delete;

  void exec(std::string_view sql);
  sqlite3* handle() const noexcept { return db_; }
  // Makes `image` (a database as sqlite3_serialize writes it, e.g. compiled into the program) the
  // connection's main database, read where it lies: no parse, no copy, so a command that reads a
  // few pages touches only those. It must outlive the connection and never changes: the first
  // write copies it (writable()).
  void open_image(std::string_view image);
  // Before a write: a database opened from an image becomes a copy in memory SQLite owns, which
  // it writes and grows like any in-memory database. Every write of the store is made in a
  // Transaction, which calls this first.
  void writable();
  // The main database as one image (sqlite3_serialize), what open_image reads.
  std::string image() const;
  // Throws for the last failed call. The errors a user can meet and act on (a file that is not
  // a store, a store another import is writing, a read-only one) name the store file and say so
  // plainly; only the others carry `what` (the statement), for a bug report.
  [[noreturn]] void fail(std::string_view what) const;

 private:
  void deserialize(std::string_view image, unsigned flags);

  sqlite3* db_ = nullptr;
  std::string path_;
  std::string_view image_;  // the image read in place, until writable() copies it
};

class Statement {
 public:
  Statement(const Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, long long value);
  Statement& bind(int index, int value) { return bind(index, static_cast<long long>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind_null(int index);
  // Binds without a copy: `bytes` must stay alive and unchanged until the statement has run.
  Statement& bind_blob(int index, std::string_view bytes);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  bool step();     // true while a row is available
  template <typename F>
  void each(F&& visit) {
    while (step()) visit(stmt_);
  }
  void run();      // steps to completion and resets, for INSERT/UPDATE/DELETE
  void reset();

  bool is_null(int col) const;
  long long integer(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  std::string_view blob(int col) const;       // valid until the next step or reset
  std::string_view text_view(int col) const;  // the same
  std::optional<long long> optional_integer(int col) const;
  std::optional<double> optional_real(int col) const;

 private:
  const Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {
    db_.writable();
    db_.exec("BEGIN IMMEDIATE");
  }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    db_.exec("COMMIT");
    done_ = true;
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace entente::store::sql
