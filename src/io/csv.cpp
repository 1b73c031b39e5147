#include "entente/io/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace entente::io {

CsvCursor::CsvCursor(std::string file, std::string_view text, char delimiter)
    : file_(std::move(file)), text_(text), delimiter_(delimiter) {
  // A UTF-8 byte-order mark is not part of the first column's name.
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = 3;
  for (unsigned char c : {static_cast<unsigned char>(delimiter), static_cast<unsigned char>('\n'),
                          static_cast<unsigned char>('\r'), static_cast<unsigned char>('"')})
    special_[c] = true;
}

namespace {

// A line ends at \n or \r\n (or at the end of the input); a \r alone does not end it.
bool line_ends_at(std::string_view text, std::size_t pos) {
  return pos >= text.size() || text[pos] == '\n' ||
         (text[pos] == '\r' && (pos + 1 == text.size() || text[pos + 1] == '\n'));
}

}  // namespace

bool CsvCursor::next(CsvRecord& out) {
  // Skip blank lines (including a final newline) between records.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;

  out.line = line_;
  out.lone_cr_column = 0;
  record_start_ = pos_;
  std::size_t used = 0;
  while (true) {
    if (used == out.fields.size()) out.fields.emplace_back();
    CsvField& field = out.fields[used++];
    field.text.clear();
    field.column = pos_ - line_start_ + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const std::size_t open_line = line_, open_column = field.column;
      ++pos_;
      while (true) {
        if (pos_ >= text_.size())
          throw ParseError({file_, open_line, open_column}, field.text.substr(0, 40),
                           "a closing double quote for the field opened here");
        const char c = text_[pos_++];
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field.text.push_back('"');
            ++pos_;
          } else {
            break;
          }
        } else {
          if (c == '\n') {
            ++line_;
            line_start_ = pos_;
          }
          field.text.push_back(c);
        }
      }
      if (pos_ < text_.size() && text_[pos_] != delimiter_ && !line_ends_at(text_, pos_)) {
        const std::size_t stop = std::min(text_.find_first_of("\r\n", pos_), text_.size());
        throw ParseError({file_, line_, pos_ - line_start_ + 1},
                         std::string(text_.substr(pos_, stop - pos_)),
                         fmt::format("a delimiter or the end of the line after a quoted field"));
      }
    } else {
      const std::size_t start = pos_;
      while (true) {
        // Most bytes of a file are plain cell text: skip them with one table look-up each.
        // (in a local: a member would be stored back on every byte, since the text might alias it)
        const char* const bytes = text_.data();
        std::size_t at = pos_;
        while (at < text_.size() && !special_[static_cast<unsigned char>(bytes[at])]) ++at;
        pos_ = at;
        if (line_ends_at(text_, pos_) || text_[pos_] == delimiter_) break;
        if (text_[pos_] == '\r' && out.lone_cr_column == 0) out.lone_cr_column = pos_ - line_start_ + 1;
        if (text_[pos_] == '"')
          throw ParseError({file_, line_, pos_ - line_start_ + 1},
                           std::string(text_.substr(start, pos_ - start + 1)),
                           "no double quote inside an unquoted field (quote the whole field)");
        ++pos_;
      }
      field.text.assign(text_.substr(start, pos_ - start));
    }
    if (pos_ < text_.size() && text_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    break;  // end of line or of input
  }
  out.fields.resize(used);
  out.raw = text_.substr(record_start_, pos_ - record_start_);
  return true;
}

void CsvCursor::abandon(CsvRecord& out) {
  pos_ = std::min(text_.find('\n', pos_), text_.size());
  out.raw = text_.substr(record_start_, pos_ - record_start_);
  if (!out.raw.empty() && out.raw.back() == '\r') out.raw.remove_suffix(1);
}

CsvTable::CsvTable(std::string file, std::string_view text, char delimiter)
    : cursor_(std::move(file), text, delimiter) {
  CsvRecord head;
  if (!cursor_.next(head)) throw ParseError({cursor_.file(), 1, 1}, "", "a header row");
  for (auto& f : head.fields) header_.push_back(f.text);
}

std::optional<std::size_t> CsvTable::find_column(std::string_view name) const {
  const auto it = std::find(header_.begin(), header_.end(), name);
  if (it == header_.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header_.begin());
}

bool CsvTable::has_column(std::string_view name) const { return find_column(name).has_value(); }

std::size_t CsvTable::column(std::string_view name) const {
  if (auto c = find_column(name)) return *c;
  throw ParseError({cursor_.file(), 1, 1}, fmt::format("{}", fmt::join(header_, ",")),
                   fmt::format("a header with a column '{}'", name));
}

bool CsvTable::next() {
  try {
    if (!cursor_.next(record_)) return false;
  } catch (const ParseError&) {
    cursor_.abandon(record_);
    throw;
  }
  ++rows_;
  if (record_.fields.size() != header_.size()) {
    const auto& last = record_.fields.back();
    throw ParseError({cursor_.file(), record_.line, last.column},
                     fmt::format("{} fields", record_.fields.size()),
                     fmt::format("{} fields, as in the header", header_.size()));
  }
  if (record_.lone_cr_column != 0)
    throw ParseError({cursor_.file(), record_.line, record_.lone_cr_column}, "\r",
                     "a line ending \\n or \\r\\n, not a carriage return alone");
  return true;
}

std::string_view CsvTable::text(std::size_t col) const { return record_.fields.at(col).text; }

std::string_view CsvTable::short_text(std::size_t col, std::size_t max_bytes, std::string_view what,
                                      bool tab_ok) const {
  const std::string_view s = text(col);
  const bool control = std::any_of(s.begin(), s.end(), [&](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && !(tab_ok && c == '\t')) || byte == 0x7F;
  });
  if (control || s.size() > max_bytes)
    fail(col, fmt::format("{} of at most {} bytes, without control characters (found {} bytes{})", what, max_bytes,
                          s.size(), control ? ", with a control character" : ""));
  return s;
}

void CsvTable::fail(std::size_t col, std::string expected) const {
  const auto& f = record_.fields.at(col);
  throw ParseError({cursor_.file(), record_.line, f.column}, f.text,
                   fmt::format("{} in column '{}'", expected, header_.at(col)));
}

namespace {

bool is_na(std::string_view s) { return s.empty() || s == "NA" || s == "."; }

std::optional<long long> parse_integer(std::string_view s) {
  s = trim_blanks(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return v;
  // Some providers write whole numbers as "1949.0".
  double d = 0;
  auto [dend, dec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (dec == std::errc() && dend == s.data() + s.size() && std::isfinite(d) && d == std::floor(d) &&
      std::fabs(d) < 9e15)
    return static_cast<long long>(d);
  return std::nullopt;
}

}  // namespace

long long CsvTable::integer(std::size_t col, long long min, long long max) const {
  auto v = parse_integer(text(col));
  if (!v || *v < min || *v > max) fail(col, fmt::format("a whole number from {} to {}", min, max));
  return *v;
}

std::optional<long long> CsvTable::optional_integer(std::size_t col, long long min, long long max,
                                                    std::initializer_list<long long> missing) const {
  const auto s = trim_blanks(text(col));
  if (is_na(s)) return std::nullopt;
  auto v = parse_integer(s);
  if (v && std::find(missing.begin(), missing.end(), *v) != missing.end()) return std::nullopt;
  if (!v || *v < min || *v > max)
    fail(col, fmt::format("a whole number from {} to {}, or empty/NA when missing", min, max));
  return *v;
}

std::optional<double> CsvTable::optional_number(std::size_t col,
                                                std::initializer_list<double> missing) const {
  const auto s = trim_blanks(text(col));
  if (is_na(s)) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
    fail(col, "a number, or empty/NA when missing");
  if (std::find(missing.begin(), missing.end(), v) != missing.end()) return std::nullopt;
  return v;
}

std::optional<bool> CsvTable::optional_flag(std::size_t col) const {
  const auto s = trim_blanks(text(col));
  if (is_na(s)) return std::nullopt;
  if (s == "0") return false;
  if (s == "1") return true;
  fail(col, "0, 1, or empty when missing");
}

bool CsvTable::flag(std::size_t col) const {
  const auto s = trim_blanks(text(col));
  if (s == "0") return false;
  if (s == "1") return true;
  fail(col, "0 or 1");
}

}  // namespace entente::io
