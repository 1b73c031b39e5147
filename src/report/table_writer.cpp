#include "entente/report/table_writer.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace entente::report {

std::string number_text(double v) {
  if (std::isnan(v)) return "";
  if (v == 0) return "0";
  if (v == 1) return "1";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

TableWriter::TableWriter(std::ostream& out, OutputFormat format, std::vector<std::string> keys,
                         std::vector<std::string> columns, Json metadata, TerminalStyle style)
    : out_(out),
      format_(format),
      keys_(std::move(keys)),
      columns_(std::move(columns)),
      metadata_(std::move(metadata)),
      style_(style) {
  if (format_ == OutputFormat::csv) {
    std::string head;
    for (const auto& k : keys_) head += (head.empty() ? "" : ",") + k;
    for (const auto& c : columns_) head += "," + c;
    out_ << head << '\n';
  } else if (format_ == OutputFormat::json) {
    // The metadata object, then "rows" streamed; the closing brackets come in finish().
    std::string meta = metadata_.dump(2);
    meta.erase(meta.find_last_of('}'));
    while (!meta.empty() && (meta.back() == '\n' || meta.back() == ' ')) meta.pop_back();
    out_ << meta << (metadata_.empty() ? "\n" : ",\n") << "  \"rows\": [";
  } else {
    buffered_.columns = keys_;
    buffered_.columns.insert(buffered_.columns.end(), columns_.begin(), columns_.end());
  }
}

namespace {

// number_text without allocating: flags and small counts are most cells of a dyad-year table.
// std::to_chars gives the shortest round-trip text, like fmt's "{}", without parsing a format.
void append_number(std::string& out, double v) {
  if (std::isnan(v)) return;
  char buffer[32];
  std::to_chars_result r{};
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    if (v >= 0 && v < 10) {
      out += static_cast<char>('0' + static_cast<int>(v));
      return;
    }
    r = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(v));
  } else {
    r = std::to_chars(buffer, buffer + sizeof buffer, v);
  }
  out.append(buffer, r.ptr);
}

void append_integer(std::string& out, long long v) {
  char buffer[24];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
  out.append(buffer, r.ptr);
}

}  // namespace

void TableWriter::append_row(std::string& out, const long long* keys, const double* values) const {
  if (format_ == OutputFormat::csv) {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (i) out += ',';
      append_integer(out, keys[i]);
    }
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      out += ',';
      append_number(out, values[c]);
    }
    out += '\n';
    return;
  }
  out += ",\n    {";  // write_block drops the comma before the document's first row
  for (std::size_t i = 0; i < keys_.size(); ++i)
    fmt::format_to(std::back_inserter(out), "{}\"{}\": {}", i ? ", " : "", keys_[i], keys[i]);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    fmt::format_to(std::back_inserter(out), ", \"{}\": ", columns_[c]);
    if (std::isnan(values[c])) out += "null";
    else append_number(out, values[c]);
  }
  out += '}';
}

void TableWriter::write_block(const std::string& block) {
  if (block.empty()) return;
  if (format_ == OutputFormat::json && first_) out_.write(block.data() + 1, static_cast<std::streamsize>(block.size() - 1));
  else out_ << block;
  first_ = false;
}

void TableWriter::row(const std::vector<long long>& keys, const double* values) {
  line_.clear();
  switch (format_) {
    case OutputFormat::csv:
    case OutputFormat::json:
      append_row(line_, keys.data(), values);
      write_block(line_);
      return;
    case OutputFormat::table: {
      std::vector<std::string> cells;
      for (long long k : keys) cells.push_back(std::to_string(k));
      for (std::size_t c = 0; c < columns_.size(); ++c) cells.push_back(rounded(values[c], style_.digits));
      buffered_.cells.push_back(std::move(cells));
      return;
    }
  }
}

void TableWriter::finish() {
  if (format_ == OutputFormat::json) out_ << (first_ ? "]\n}\n" : "\n  ]\n}\n");
  if (format_ == OutputFormat::table) out_ << terminal_table(std::move(buffered_), style_);
  out_.flush();
}

}  // namespace entente::report
