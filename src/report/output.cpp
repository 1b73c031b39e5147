#include "entente/report/output.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace entente::report {

using json = Json;

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "table") return OutputFormat::table;
  if (name == "csv") return OutputFormat::csv;
  if (name == "json") return OutputFormat::json;
  return std::nullopt;
}

std::string cell_text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "TRUE" : "FALSE";
  if (v.is_array()) {
    std::vector<std::string> parts;
    for (const auto& item : v) parts.push_back(cell_text(item));
    return fmt::format("{}", fmt::join(parts, ";"));
  }
  return v.dump();
}

namespace {

void flatten_into(const json& value, const std::string& prefix, std::vector<std::pair<std::string, json>>& out) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it)
      flatten_into(it.value(), prefix.empty() ? it.key() : prefix + "_" + it.key(), out);
  } else {
    out.emplace_back(prefix, value);
  }
}

}  // namespace

Flat flatten(const json& rows) {
  Flat flat;
  std::vector<std::vector<std::pair<std::string, json>>> records;
  for (const auto& row : rows) {
    records.emplace_back();
    flatten_into(row, "", records.back());
    for (const auto& [key, v] : records.back())
      if (std::find(flat.columns.begin(), flat.columns.end(), key) == flat.columns.end()) flat.columns.push_back(key);
  }
  for (const auto& rec : records) {
    std::vector<std::string> line(flat.columns.size());
    for (const auto& [key, v] : rec) {
      auto idx = static_cast<std::size_t>(std::find(flat.columns.begin(), flat.columns.end(), key) - flat.columns.begin());
      line[idx] = cell_text(v);
    }
    flat.cells.push_back(std::move(line));
  }
  return flat;
}

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

bool looks_numeric(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789.-+eE") == std::string::npos;
}

// Display width in code points (the tables use a few non-ASCII arrows and dashes).
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string to_csv(const Flat& flat) {
  std::string out;
  for (std::size_t i = 0; i < flat.columns.size(); ++i) out += (i ? "," : "") + csv_field(flat.columns[i]);
  out += '\n';
  for (const auto& row : flat.cells) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
    out += '\n';
  }
  return out;
}

std::string to_text_table(const Flat& flat) {
  std::vector<std::size_t> w(flat.columns.size());
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = width(flat.columns[i]);
  for (const auto& row : flat.cells)
    for (std::size_t i = 0; i < row.size(); ++i) w[i] = std::max(w[i], width(row[i]));
  auto pad = [](const std::string& s, std::size_t n, bool right) {
    const std::string fill(n - std::min(n, width(s)), ' ');
    return right ? fill + s : s + fill;
  };
  std::string out, rule;
  for (std::size_t i = 0; i < w.size(); ++i) {
    out += (i ? "  " : "") + pad(flat.columns[i], w[i], false);
    rule += (i ? "  " : "") + std::string(w[i], '-');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += "\n" + rule + "\n";
  for (const auto& row : flat.cells) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "  " : "") + pad(row[i], w[i], looks_numeric(row[i]));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace entente::report
