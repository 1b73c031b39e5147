// Landscape instances from files: a sizes table and a propensity matrix, each value checked where
// it stands (file:line:column), then matched into one instance.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>

#include "entente/io/csv.hpp"
#include "entente/landscape/landscape.hpp"

namespace entente::landscape {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<double> number(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool same_name(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char p, char q) {
    return std::tolower(static_cast<unsigned char>(p)) == std::tolower(static_cast<unsigned char>(q));
  });
}

std::optional<std::size_t> find_column(const io::CsvTable& csv, std::initializer_list<std::string_view> names) {
  for (auto name : names)
    for (std::size_t c = 0; c < csv.header().size(); ++c)
      if (same_name(trim(csv.header()[c]), name)) return c;
  return std::nullopt;
}

}  // namespace

Sizes read_sizes(const std::string& file_name, std::string_view text) {
  io::CsvTable csv(file_name, text);
  const auto header = fmt::format("{}", fmt::join(csv.header(), ","));
  const auto name_col = find_column(csv, {"actor", "name"});
  if (!name_col) throw io::ParseError({file_name, 1, 1}, header, "a header with an 'actor' or 'name' column");
  const auto size_col = find_column(csv, {"size", "strength"});
  if (!size_col) throw io::ParseError({file_name, 1, 1}, header, "a header with a 'size' or 'strength' column");
  Sizes out;
  std::map<std::string, std::size_t> first_line;
  while (csv.next()) {
    std::string name(trim(csv.text(*name_col)));
    if (name.empty()) csv.fail(*name_col, "an actor's name");
    if (const auto [it, inserted] = first_line.emplace(name, csv.record().line); !inserted)
      csv.fail(*name_col, fmt::format("a name not already used (it is on line {})", it->second));
    const auto size = number(csv.text(*size_col));
    if (!size || !(*size > 0)) csv.fail(*size_col, "a size: a number greater than 0");
    out.names.push_back(std::move(name));
    out.sizes.push_back(*size);
  }
  if (out.names.size() < 2)
    throw io::ParseError({file_name, 0, 0}, fmt::format("{} actors", out.names.size()), "at least two actors");
  return out;
}

PropensityMatrix read_propensities(const std::string& file_name, std::string_view text, double offset) {
  io::CsvTable csv(file_name, text);
  PropensityMatrix out;
  out.labels.assign(csv.header().begin() + 1, csv.header().end());
  const std::size_t n = out.labels.size();
  for (std::size_t c = 0; c < n; ++c) {
    out.labels[c] = std::string(trim(out.labels[c]));
    if (out.labels[c].empty())
      throw io::ParseError({file_name, 1, 0}, "", fmt::format("a label for column {} (first row: a corner cell, then "
                                                             "one label per actor)", c + 2));
    for (std::size_t e = 0; e < c; ++e)
      if (out.labels[e] == out.labels[c])
        throw io::ParseError({file_name, 1, 0}, out.labels[c], fmt::format("a label not already used by column {}", e + 2));
  }
  if (n < 2) throw io::ParseError({file_name, 1, 1}, fmt::format("{} column labels", n), "at least two actors");

  struct Cell {
    std::size_t line = 0, column = 0;
    std::string text;
  };
  std::vector<Cell> cells(n * n);
  out.values.assign(n * n, 0.0);
  std::size_t row = 0;
  while (csv.next()) {
    const auto& record = csv.record();
    const std::string label(trim(csv.text(0)));
    if (row >= n)
      throw io::ParseError({file_name, record.line, 1}, label,
                           fmt::format("no more rows: the first row has {} column labels, so {} rows", n, n));
    if (label != out.labels[row])
      throw io::ParseError({file_name, record.line, record.fields[0].column}, label,
                           fmt::format("'{}', the label of column {}: rows must be in the columns' order", out.labels[row],
                                       row + 2));
    for (std::size_t c = 0; c < n; ++c) {
      const auto& field = record.fields[c + 1];
      cells[row * n + c] = {record.line, field.column, field.text};
      const bool blank = trim(field.text).empty();
      if (c == row && blank) continue;  // the diagonal is ignored and may be empty
      const auto v = number(field.text);
      if (!v) csv.fail(c + 1, c == row ? "a number or nothing (the diagonal is ignored)"
                                       : "a number (only the diagonal may be empty)");
      if (c != row) out.values[row * n + c] = *v - offset;
    }
    ++row;
  }
  if (row < n)
    throw io::ParseError({file_name, 0, 0}, fmt::format("{} rows", row),
                         fmt::format("{} rows, one for each column label", n));
  // Symmetry, checked on the values as written: the error names the later cell and its mirror.
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (out.values[i * n + j] != out.values[j * n + i]) {
        const Cell& here = cells[i * n + j];
        const Cell& mirror = cells[j * n + i];
        throw io::ParseError({file_name, here.line, here.column}, here.text,
                             fmt::format("{} ({}, {}), the value at line {}, column {} ({}, {}): propensities are "
                                         "symmetric",
                                         std::string(trim(mirror.text)), out.labels[i], out.labels[j], mirror.line,
                                         mirror.column, out.labels[j], out.labels[i]));
      }
  return out;
}

Matched match(const Sizes& sizes, const PropensityMatrix& matrix, const std::string& sizes_file,
              const std::string& matrix_file, bool by_position) {
  const std::size_t n = sizes.names.size();
  if (matrix.labels.size() != n)
    throw std::invalid_argument(fmt::format("{} lists {} actors but {} has {} rows and columns; they must describe the "
                                            "same actors",
                                            sizes_file, n, matrix_file, matrix.labels.size()));
  Matched out;
  auto& in = out.instance;
  in.names = sizes.names;
  in.sizes = sizes.sizes;
  // By name when every actor's name is a label (letter case aside); by position only on request:
  // labels that partly match would otherwise put one actor's row on another ("A = C, B = A").
  std::vector<std::size_t> order(n);
  std::vector<bool> used(n, false);
  std::vector<std::string> unmatched;
  for (std::size_t i = 0; i < n; ++i) {
    const auto it = std::find_if(matrix.labels.begin(), matrix.labels.end(),
                                 [&](const std::string& l) { return same_name(l, sizes.names[i]); });
    if (it != matrix.labels.end() && !used[static_cast<std::size_t>(it - matrix.labels.begin())])
      used[order[i] = static_cast<std::size_t>(it - matrix.labels.begin())] = true;
    else
      unmatched.push_back(sizes.names[i]);
  }
  const bool by_name = unmatched.empty();
  if (!by_name && !by_position)
    throw std::invalid_argument(fmt::format(
        "{}: no row or column is labelled {} (names from {}); label the matrix with the actors' names, or give "
        "--by-position to take its rows in the order of {}",
        matrix_file, fmt::join(unmatched, ", "), sizes_file, sizes_file));
  if (!by_name) {
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    out.by_position = true;
    std::vector<std::string> pairs;
    for (std::size_t i = 0; i < n; ++i) pairs.push_back(fmt::format("{} = {}", sizes.names[i], matrix.labels[i]));
    out.note = fmt::format("the matrix labels are not the actors' names; matched by position, as asked: {}",
                           fmt::join(pairs, ", "));
  } else {
    out.note = "actors matched by name";
  }
  in.labels.resize(n);
  in.propensity.assign(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    in.labels[i] = matrix.labels[order[i]];
    for (std::size_t j = 0; j < n; ++j)
      if (i != j) in.propensity[i * n + j] = matrix.values[order[i] * n + order[j]];
  }
  check(in);
  return out;
}

}  // namespace entente::landscape
