// Bargaining inputs from CSV (as the open replications write them) and TOML, checked value by
// value at file:line:column.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>

#include "entente/bargain/bargain.hpp"
#include "entente/io/csv.hpp"
#include "entente/io/toml_file.hpp"

namespace entente::bargain {

namespace {

// The header names the replications use for each column, compared without letter case.
constexpr std::string_view kNameColumns[] = {"name", "actor", "stakeholder"};
constexpr std::string_view kCapabilityColumns[] = {"capability", "capabilities", "resources", "power", "clout"};
constexpr std::string_view kPositionColumns[] = {"position"};
constexpr std::string_view kSalienceColumns[] = {"salience", "importance"};

std::optional<double> number(std::string_view s) {
  s = io::trim_blanks(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool same_word(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char p, char q) {
    return std::tolower(static_cast<unsigned char>(p)) == std::tolower(static_cast<unsigned char>(q));
  });
}

template <std::size_t N>
std::size_t column_of(const io::CsvTable& csv, const std::string_view (&names)[N], const char* what) {
  for (std::size_t c = 0; c < csv.header().size(); ++c)
    for (auto name : names)
      if (same_word(io::trim_blanks(csv.header()[c]), name)) return c;
  throw io::ParseError({csv.file(), 1, 1}, fmt::format("{}", fmt::join(csv.header(), ",")),
                       fmt::format("a header with a {} column ({})", what, fmt::join(names, ", ")));
}

// Old Mac OS files end every line in a carriage return alone. When a text has no line feed at
// all, each CR is a line ending; a CR alone in a text that also has line feeds stays an error
// (the CSV reader reports it), since there it is more likely damage than a convention.
std::string with_line_feeds(std::string_view text, bool& converted) {
  converted = text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos;
  std::string out(text);
  if (converted) std::replace(out.begin(), out.end(), '\r', '\n');
  return out;
}

struct Cell {
  std::size_t line = 0, column = 0;
  std::string text;
};

// Salience on 0–1, or on 0–100 when any value exceeds 1; an error names the first cell out of range.
std::string rescale_salience(std::vector<Actor>& actors, const std::vector<Cell>& cells, const std::string& file) {
  double largest = 0;
  for (const auto& a : actors) largest = std::max(largest, a.salience);
  const bool percent = largest > 1;
  for (std::size_t k = 0; k < actors.size(); ++k) {
    auto& s = actors[k].salience;
    if (s < 0 || (percent && s > 100))
      throw io::ParseError({file, cells[k].line, cells[k].column}, cells[k].text,
                           percent ? "a salience from 0 to 100 (other values exceed 1, so the scale is 0-100)"
                                   : "a salience from 0 to 1, or 0 to 100");
    if (percent) s /= 100;
  }
  return percent ? "0-100" : "0-1";
}

void require_two(const std::vector<Actor>& actors, const std::string& file) {
  if (actors.size() < 2)
    throw io::ParseError({file, 0, 0}, fmt::format("{} actors", actors.size()), "at least two actors");
}

}  // namespace

Issue read_csv(const std::string& file_name, std::string_view raw) {
  bool converted = false;
  const std::string text = with_line_feeds(raw, converted);
  io::CsvTable csv(file_name, text);
  const std::size_t name_col = column_of(csv, kNameColumns, "name");
  const std::size_t cap_col = column_of(csv, kCapabilityColumns, "capability");
  const std::size_t pos_col = column_of(csv, kPositionColumns, "position");
  const std::size_t sal_col = column_of(csv, kSalienceColumns, "salience");
  Issue issue;
  issue.title = file_name;
  std::vector<Cell> salience_cells;
  std::map<std::string, std::size_t> first_line;
  while (csv.next()) {
    Actor a;
    a.name = std::string(io::trim_blanks(csv.text(name_col)));
    if (a.name.empty()) csv.fail(name_col, "an actor's name");
    if (const auto [it, fresh] = first_line.emplace(a.name, csv.record().line); !fresh)
      csv.fail(name_col, fmt::format("a name not already used (it is on line {})", it->second));
    const auto position = number(csv.text(pos_col));
    if (!position) csv.fail(pos_col, "a position: a number");
    const auto capability = number(csv.text(cap_col));
    if (!capability || *capability < 0) csv.fail(cap_col, "a capability: a number from 0 up");
    const auto salience = number(csv.text(sal_col));
    if (!salience || *salience < 0) csv.fail(sal_col, "a salience from 0 to 1, or 0 to 100");
    a.position = *position;
    a.capability = *capability;
    a.salience = *salience;
    const auto& field = csv.record().fields[sal_col];
    salience_cells.push_back({csv.record().line, field.column, field.text});
    issue.actors.push_back(std::move(a));
  }
  require_two(issue.actors, file_name);
  issue.salience_scale = rescale_salience(issue.actors, salience_cells, file_name);
  issue.notes.push_back(fmt::format("columns: name '{}', capability '{}', position '{}', salience '{}' (read on {})",
                                    csv.header()[name_col], csv.header()[cap_col], csv.header()[pos_col],
                                    csv.header()[sal_col], issue.salience_scale));
  if (converted) issue.notes.push_back("lines end in a carriage return alone (old Mac OS); read as line endings");
  check(issue);
  return issue;
}

namespace {

class TomlReader {
 public:
  explicit TomlReader(std::string file) : file_(std::move(file)) {}
  [[noreturn]] void fail(const toml::node& node, const std::string& found, const std::string& expected) const {
    const auto at = node.source().begin;
    throw io::ParseError({file_, at.line, at.column}, found, expected);
  }
  static std::string shown(const toml::node& n) {
    if (n.is_string()) return *n.value<std::string>();
    if (n.is_table()) return "a table";
    if (n.is_array()) return "a list";
    if (auto v = n.value<double>()) return fmt::format("{}", *v);
    if (auto b = n.value<bool>()) return *b ? "true" : "false";
    return "a value";
  }
  std::string text(const toml::node& n, const std::string& what) const {
    if (!n.is_string()) fail(n, shown(n), what + " in quotes");
    return *n.value<std::string>();
  }
  double number(const toml::node& n, const std::string& what, double lo) const {
    const auto v = n.is_number() ? n.value<double>() : std::nullopt;
    if (!v || !std::isfinite(*v) || *v < lo)
      fail(n, shown(n), std::isfinite(lo) ? fmt::format("{}: a number from {} up", what, lo) : what + ": a number");
    return *v;
  }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

Actor read_actor(const TomlReader& r, const toml::table& t, Cell& salience_cell) {
  Actor a;
  bool has_name = false, has_position = false, has_capability = false, has_salience = false;
  for (auto&& [key, node] : t) {
    const std::string k(key.str());
    if (k == "name") {
      a.name = r.text(node, "an actor's name");
      if (a.name.empty()) r.fail(node, "\"\"", "an actor's name");
      has_name = true;
    } else if (k == "position") {
      a.position = r.number(node, "a position", -std::numeric_limits<double>::infinity());
      has_position = true;
    } else if (k == "capability") {
      a.capability = r.number(node, "a capability", 0);
      has_capability = true;
    } else if (k == "salience") {
      a.salience = r.number(node, "a salience from 0 to 1, or 0 to 100", 0);
      salience_cell = {node.source().begin.line, node.source().begin.column, TomlReader::shown(node)};
      has_salience = true;
    } else if (k == "source" || k == "note") {
      r.text(node, k);  // documentation for the reader of the file
    } else {
      r.fail(node, k, "a key of an actor: name, position, capability, salience, source, note");
    }
  }
  const char* missing = !has_name ? "name" : !has_position ? "position" : !has_capability ? "capability"
                        : !has_salience ? "salience" : nullptr;
  if (missing) r.fail(t, "an actor without " + std::string(missing), "name, position, capability and salience");
  return a;
}

}  // namespace

Issue read_toml(const std::string& file_name, std::string_view text) {
  const auto doc = io::parse_toml(text, file_name);
  const TomlReader r(file_name);
  Issue issue;
  issue.title = file_name;
  std::optional<double> scale;
  const toml::array* actors = nullptr;
  for (auto&& [key, node] : doc) {
    const std::string k(key.str());
    if (k == "issue") {
      issue.title = r.text(node, "the issue's title");
    } else if (k == "salience_scale") {
      const auto v = node.value_exact<std::int64_t>();
      if (!v || (*v != 1 && *v != 100)) r.fail(node, TomlReader::shown(node), "salience_scale = 1 or 100");
      scale = static_cast<double>(*v);
    } else if (k == "source" || k == "note") {
      r.text(node, k);
    } else if (k == "actor") {
      actors = node.as_array();
      if (!actors) r.fail(node, TomlReader::shown(node), "[[actor]] tables");
    } else {
      r.fail(node, k, "a top-level key: issue, salience_scale, source, note, or [[actor]] tables");
    }
  }
  if (!actors) throw io::ParseError({file_name, 0, 0}, "no [[actor]] table", "one [[actor]] table per actor");
  std::vector<Cell> cells;
  std::map<std::string, std::size_t> first_line;
  for (const auto& node : *actors) {
    const auto* t = node.as_table();
    if (!t) r.fail(node, TomlReader::shown(node), "[[actor]] tables");
    Cell cell;
    issue.actors.push_back(read_actor(r, *t, cell));
    if (const auto [it, fresh] = first_line.emplace(issue.actors.back().name, t->source().begin.line); !fresh)
      r.fail(*t, issue.actors.back().name, fmt::format("a name not already used (it is on line {})", it->second));
    cells.push_back(cell);
  }
  require_two(issue.actors, file_name);
  if (scale) {
    for (std::size_t k = 0; k < issue.actors.size(); ++k) {
      auto& s = issue.actors[k].salience;
      if (s > *scale)
        throw io::ParseError({file_name, cells[k].line, cells[k].column}, cells[k].text,
                             fmt::format("a salience from 0 to {} (salience_scale = {})", *scale, *scale));
      s /= *scale;
    }
    issue.salience_scale = *scale == 100 ? "0-100" : "0-1";
  } else {
    issue.salience_scale = rescale_salience(issue.actors, cells, file_name);
  }
  issue.notes.push_back(fmt::format("salience read on {}", issue.salience_scale));
  check(issue);
  return issue;
}

Issue read_issue(const std::string& file_name, std::string_view text) {
  const bool toml = file_name.size() >= 5 && same_word(std::string_view(file_name).substr(file_name.size() - 5), ".toml");
  return toml ? read_toml(file_name, text) : read_csv(file_name, text);
}

}  // namespace entente::bargain
