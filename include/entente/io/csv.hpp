#pragma once
// A strict CSV reader (RFC 4180: comma separated, optional double quotes, "" inside quotes).
// It streams one record at a time and remembers the line and column of every field, so that
// importers can report file:line:column for any value they reject.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/evidence/records.hpp"
#include "entente/io/parse_error.hpp"

namespace entente::io {

// A cell without its leading and trailing spaces and tabs: every reader reads cells this way.
inline std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct CsvField {
  std::string text;
  std::size_t column = 0;  // 1-based column where the field starts
};

struct CsvRecord {
  std::size_t line = 0;  // 1-based line where the record starts
  std::vector<CsvField> fields;
  std::string_view raw;  // the record's text in the input, without the line ending
  // A carriage return without a line feed after it, outside quotes, is kept in its field rather
  // than ending the record (which would split the row in two): the 1-based column of the first
  // one, or 0. CsvTable refuses such a row.
  std::size_t lone_cr_column = 0;
};

class CsvCursor {
 public:
  // `text` must outlive the cursor. `file` is used in error messages only.
  CsvCursor(std::string file, std::string_view text, char delimiter = ',');

  // Reads the next record into `out`; false at the end of the input. Blank lines are skipped.
  bool next(CsvRecord& out);
  // After next() threw: moves to the end of the line where it stopped, so that the rest of a bad
  // record is never read as a record of its own, and sets `out.raw` to the bad record's text.
  void abandon(CsvRecord& out);

  const std::string& file() const noexcept { return file_; }

 private:
  std::string file_;
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;
  std::size_t record_start_ = 0;
  std::array<bool, 256> special_{};  // the bytes that end or break an unquoted field
};

// A CSV file with a header row, read by column name. Importers declare the columns they need;
// a missing column is an error on line 1.
class CsvTable {
 public:
  CsvTable(std::string file, std::string_view text, char delimiter = ',');

  const std::vector<std::string>& header() const noexcept { return header_; }
  bool has_column(std::string_view name) const;
  // Index of a required column; throws ParseError naming the column when absent.
  std::size_t column(std::string_view name) const;
  std::optional<std::size_t> find_column(std::string_view name) const;

  bool next();  // advances to the next data row; checks its field count

  // Lenient reading (import --skip-bad-rows): each_row() runs `body` on every data row, and a
  // row whose body (or field count) fails with ParseError is recorded in `into` and skipped.
  // Without a sink, the first bad row throws as usual. The body must not keep a half-read row.
  void skip_bad_rows_into(std::vector<evidence::RejectedRow>* into) { rejects_ = into; }
  template <typename Body>
  void each_row(Body&& body) {
    while (true) {
      try {
        if (!next()) return;
        body();
      } catch (const ParseError& e) {
        if (!rejects_ || e.where().line <= 1) throw;
        rejects_->push_back({record_.line, e.what(), std::string(record_.raw)});
      }
    }
  }
  const CsvRecord& record() const noexcept { return record_; }
  std::size_t rows_read() const noexcept { return rows_; }
  const std::string& file() const noexcept { return cursor_.file(); }

  // Typed access to the current row. `what` says what was expected, for the error message.
  std::string_view text(std::size_t col) const;
  long long integer(std::size_t col, long long min, long long max) const;
  // Empty, "NA" and the listed sentinels read as missing.
  std::optional<long long> optional_integer(std::size_t col, long long min, long long max,
                                            std::initializer_list<long long> missing = {}) const;
  std::optional<double> optional_number(std::size_t col,
                                        std::initializer_list<double> missing = {}) const;
  bool flag(std::size_t col) const;  // 0 or 1
  std::optional<bool> optional_flag(std::size_t col) const;  // 0, 1, or empty/NA when missing
  // A text cell that ends up in names, labels and tables on the terminal: `what` of at most
  // `max_bytes` bytes, without control characters (a newline in a state name would break every
  // table it is printed in; a 10 MB name is no name). A tab is allowed only when `tab_ok`.
  std::string_view short_text(std::size_t col, std::size_t max_bytes, std::string_view what,
                              bool tab_ok = false) const;
  [[noreturn]] void fail(std::size_t col, std::string expected) const;

 private:
  CsvCursor cursor_;
  std::vector<std::string> header_;
  CsvRecord record_;
  std::size_t rows_ = 0;
  std::vector<evidence::RejectedRow>* rejects_ = nullptr;
};

}  // namespace entente::io
