#include "entente/balance/graph_files.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <charconv>
#include <cmath>
#include <optional>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>

#include "entente/io/byte_stream.hpp"
#include "entente/io/file.hpp"
#include "entente/io/parse_error.hpp"

namespace entente::balance {
namespace {

struct Token {
  std::string_view text;
  std::size_t column = 0;  // 1-based
};

// Splits a line at tabs, commas and spaces; a double-quoted token (Pajek labels) keeps its spaces.
std::vector<Token> tokens(std::string_view line) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto separator = [](char c) { return c == ' ' || c == '\t' || c == ',' || c == '\r'; };
  while (i < line.size()) {
    if (separator(line[i])) { ++i; continue; }
    if (line[i] == '"') {
      const auto end = line.find('"', i + 1);
      const auto stop = end == std::string_view::npos ? line.size() : end;
      out.push_back({line.substr(i + 1, stop - i - 1), i + 1});
      i = stop + 1;
      continue;
    }
    const std::size_t start = i;
    while (i < line.size() && !separator(line[i])) ++i;
    out.push_back({line.substr(start, i - start), start + 1});
  }
  return out;
}

// A finite decimal number (nan and inf are not numbers here).
std::optional<double> number(std::string_view s) {
  double v = 0;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// A whole number from `low` to `high` (vertex ids and counts), read as an integer.
std::optional<std::size_t> whole(std::string_view s, std::size_t low, std::size_t high) {
  std::size_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < low || v > high) return std::nullopt;
  return v;
}

// Calls body(line_number, line) for each line, without its line ending.
template <typename Body>
void each_line(std::string_view text, Body&& body) {
  std::size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    body(++line_no, line);
    pos = end + 1;
  }
}

[[noreturn]] void fail(const std::string& file, std::size_t line, std::size_t column, std::string_view value,
                       std::string expected) {
  throw io::ParseError({file, line, column}, std::string(value), std::move(expected));
}

// A first line is a column header ("source target sign") only when none of its three fields is
// a number and the sign's field is a word: "1 2 x" and "USA RUS -x" are bad data rows, not headers.
bool looks_like_header(const std::vector<Token>& t) {
  for (std::size_t k = 0; k < 3; ++k)
    if (number(t[k].text)) return false;
  // (A quoted empty field, "", is a token with no text: not a word.)
  return !t[2].text.empty() && std::isalpha(static_cast<unsigned char>(t[2].text.front())) != 0;
}

// Self-loops are left out of the graph, counted and named in a note.
void note_self_loops(SignedGraph& g, const std::vector<std::size_t>& lines) {
  g.self_loops = lines.size();
  if (lines.empty()) return;
  std::string where;
  for (std::size_t k = 0; k < lines.size() && k < 10; ++k) where += fmt::format("{}{}", k ? ", " : "", lines[k]);
  if (lines.size() > 10) where += ", ...";
  g.notes.push_back(fmt::format("{} self-loop{} (a node tied to itself) left out, on line{} {}", lines.size(),
                                lines.size() == 1 ? "" : "s", lines.size() == 1 ? "" : "s", where));
}

int sign_of(const std::string& file, std::size_t line, const Token& t) {
  const auto v = number(t.text);
  if (!v || *v == 0) fail(file, line, t.column, t.text, "an edge sign: a positive or negative number");
  return *v > 0 ? 1 : -1;
}

}  // namespace

SignedGraph parse_edge_list(std::string_view text, const std::string& file_name, bool directed) {
  SignedGraph g;
  g.label = file_name;
  g.directed = directed;
  std::unordered_map<std::string, std::size_t> index;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> first_line;
  auto node = [&](std::string_view name) {
    auto [it, fresh] = index.try_emplace(std::string(name), g.nodes.size());
    if (fresh) g.nodes.emplace_back(name);
    return it->second;
  };
  bool first = true;
  std::vector<std::size_t> self_loops;
  each_line(text, [&](std::size_t line_no, std::string_view line) {
    const auto t = tokens(line);
    if (t.empty() || line.front() == '#' || line.front() == '%') return;
    if (t.size() < 3) fail(file_name, line_no, t.back().column, line, "three fields: node, node, sign");
    if (first && looks_like_header(t)) {
      first = false;
      g.notes.push_back(fmt::format("line {} read as a column header: {}", line_no, line));
      return;
    }
    first = false;
    const int sign = sign_of(file_name, line_no, t[2]);
    if (t[0].text == t[1].text) {
      self_loops.push_back(line_no);
      return;
    }
    const std::size_t a = node(t[0].text), b = node(t[1].text);
    const std::pair<std::size_t, std::size_t> key = directed ? std::pair{a, b} : std::pair{std::min(a, b), std::max(a, b)};
    if (!seen.insert(key).second)
      fail(file_name, line_no, t[0].column, line,
           fmt::format("each pair once (it was listed on line {})", first_line[key]));
    first_line[key] = line_no;
    g.edges.push_back({a, b, sign});
  });
  note_self_loops(g, self_loops);
  if (g.edges.empty()) throw io::ParseError({file_name, 0, 0}, "no edges", "at least one `a b sign` line");
  validate(g);
  return g;
}

SignedGraph read_edge_list(const std::filesystem::path& path, bool directed) {
  return parse_edge_list(io::read_whole_file(path), path.string(), directed);
}

namespace {

// A SNAP layout: its separator and its fields, fixed by the file's first line.
struct SnapLayout {
  char separator = ',';
  std::size_t fields = 4;
  const char* expected = "4 comma-separated fields: source,target,rating,time";
};

// Splits a line at one separator, keeping empty fields (so "1,,2,3" is a bad line, not three fields).
std::vector<Token> fields(std::string_view line, char separator) {
  std::vector<Token> out;
  std::size_t start = 0;
  for (;;) {
    const auto end = line.find(separator, start);
    const auto stop = end == std::string_view::npos ? line.size() : end;
    out.push_back({line.substr(start, stop - start), start + 1});
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

// The arcs of one unordered pair {low, high}: the line and sign of low → high and of high → low
// (line 0: not rated that way).
struct PairArcs {
  std::size_t low = 0, high = 0;
  std::size_t line[2] = {0, 0};
  int sign[2] = {0, 0};
};

std::string thousands(std::size_t v) {
  std::string digits = std::to_string(v), out;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return out;
}

}  // namespace

SignedGraph parse_signed_network(std::string_view text, const std::string& file_name) {
  SignedGraph g;
  g.label = file_name;
  ArcMerge merge;
  // Keys view `text`, which outlives the parse: no copy of each id while reading.
  std::unordered_map<std::string_view, std::size_t> index;
  auto node = [&](std::string_view name) {
    auto [it, fresh] = index.try_emplace(name, g.nodes.size());
    if (fresh) g.nodes.emplace_back(name);
    return it->second;
  };
  std::vector<PairArcs> pairs;
  std::unordered_map<std::uint64_t, std::size_t> pair_of;  // (low << 32 | high) → position in `pairs`
  std::optional<SnapLayout> layout;
  std::vector<std::size_t> self_loops;
  each_line(text, [&](std::size_t line_no, std::string_view line) {
    if (line.empty() || line.front() == '#') return;
    const bool first = !layout;
    if (first) {
      if (line.find(',') == std::string_view::npos)
        layout = SnapLayout{'\t', 3, "3 tab-separated fields: from, to, sign"};
      else
        layout = SnapLayout{};
    }
    const auto t = fields(line, layout->separator);
    if (t.size() != layout->fields)
      fail(file_name, line_no, t.size() > layout->fields ? t[layout->fields].column : 1, line, layout->expected);
    const auto rating = number(t[2].text);
    if (first && !rating && !t[2].text.empty() && std::isalpha(static_cast<unsigned char>(t[2].text.front())) != 0) {
      g.notes.push_back(fmt::format("line {} read as a column header: {}", line_no, line));
      return;
    }
    for (std::size_t k = 0; k < 2; ++k)
      if (t[k].text.empty() || t[k].text.find_first_of(" \t\r\"") != std::string_view::npos)
        fail(file_name, line_no, t[k].column, t[k].text, "a node id (text without spaces, tabs or quotes)");
    if (!rating || *rating == 0)
      fail(file_name, line_no, t[2].column, t[2].text, "a rating: a positive or negative number (0 has no sign)");
    if (layout->fields == 4 && !number(t[3].text)) fail(file_name, line_no, t[3].column, t[3].text, "a time: a number");
    ++merge.arcs;
    const std::size_t a = node(t[0].text), b = node(t[1].text);
    if (a == b) {
      self_loops.push_back(line_no);
      return;
    }
    const std::size_t low = std::min(a, b), high = std::max(a, b);
    const auto [at, fresh] = pair_of.try_emplace((static_cast<std::uint64_t>(low) << 32) | high, pairs.size());
    if (fresh) pairs.push_back({low, high, {0, 0}, {0, 0}});
    auto& p = pairs[at->second];
    const int way = a == low ? 0 : 1;
    if (p.line[way] != 0)
      fail(file_name, line_no, t[0].column, line, fmt::format("each arc once (it was listed on line {})", p.line[way]));
    p.line[way] = line_no;
    p.sign[way] = *rating > 0 ? 1 : -1;
  });
  if (g.nodes.size() > (std::size_t{1} << 32))
    throw io::ParseError({file_name, 0, 0}, fmt::format("{} nodes", g.nodes.size()), "at most 2^32 nodes");
  merge.pairs = pairs.size();
  g.edges.reserve(pairs.size());
  for (const auto& p : pairs) {
    if (p.line[0] != 0 && p.line[1] != 0) ++merge.pairs_both_ways;
    const int sum = p.sign[0] + p.sign[1];
    if (sum == 0) {
      ++merge.cancelled_pairs;
      continue;
    }
    g.edges.push_back({p.low, p.high, sum > 0 ? 1 : -1});
  }
  note_self_loops(g, self_loops);
  g.notes.push_back(fmt::format(
      "{} rated arcs over {} pairs of nodes ({} rated both ways); {} pair{} rated + one way and - the other "
      "left out (the signs cancel); {} undirected edges, {} nodes",
      thousands(merge.arcs), thousands(merge.pairs), thousands(merge.pairs_both_ways), thousands(merge.cancelled_pairs),
      merge.cancelled_pairs == 1 ? "" : "s", thousands(g.edges.size()), thousands(g.nodes.size())));
  g.arc_merge = merge;
  if (g.edges.empty()) throw io::ParseError({file_name, 0, 0}, "no edges", "at least one rated arc between two nodes");
  validate(g);
  return g;
}

SignedGraph read_signed_network(const std::filesystem::path& path) {
  return parse_signed_network(io::read_whole_file_gunzipped(path), path.string());
}

std::vector<PajekRelation> parse_pajek(std::string_view text, const std::string& file_name) {
  std::vector<std::string> vertices;
  std::vector<PajekRelation> relations;
  std::map<int, std::size_t> by_number;
  enum class Section { none, vertex_lines, edge_lines } section = Section::none;
  std::size_t declared = 0;
  PajekRelation* current = nullptr;
  bool arcs = false;
  // As in an edge list, each pair once per relation (so +1 and -1 for one pair are refused, not
  // merged), and self-loops left out and said: the line of each pair, and the self-loop lines.
  std::map<std::size_t, std::map<std::pair<std::size_t, std::size_t>, std::size_t>> pair_lines;  // by relation
  std::map<std::size_t, std::vector<std::size_t>> self_loops;
  each_line(text, [&](std::size_t line_no, std::string_view line) {
    const auto t = tokens(line);
    if (t.empty() || line.front() == '%') return;
    if (t[0].text.starts_with('*')) {
      std::string keyword(t[0].text);
      for (auto& c : keyword) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (keyword == "*vertices") {
        if (t.size() < 2) fail(file_name, line_no, t[0].column, line, "*Vertices followed by the number of vertices");
        if (!relations.empty())
          fail(file_name, line_no, t[0].column, t[0].text, "one *Vertices section, before every *Edges or *Arcs");
        const auto n = whole(t[1].text, 0, 10'000'000);
        if (!n) fail(file_name, line_no, t[1].column, t[1].text, "a number of vertices (0 to 10,000,000)");
        declared = *n;
        vertices.clear();
        section = Section::vertex_lines;
        return;
      }
      if (keyword != "*edges" && keyword != "*arcs")
        fail(file_name, line_no, t[0].column, t[0].text, "*Vertices, *Edges or *Arcs (lists and matrices are not read)");
      if (section == Section::none) fail(file_name, line_no, t[0].column, t[0].text, "*Vertices before any *Edges or *Arcs");
      if (vertices.size() != declared)
        fail(file_name, line_no, 1, line, fmt::format("{} vertex lines before it, found {}", declared, vertices.size()));
      arcs = keyword == "*arcs";
      int rel = 0;
      std::string name;
      if (t.size() >= 2 && t[1].text.starts_with(':')) {
        const auto v = whole(t[1].text.substr(1), 0, 1'000'000);
        if (!v) fail(file_name, line_no, t[1].column, t[1].text, "a relation number such as :46");
        rel = static_cast<int>(*v);
        name = t.size() >= 3 ? std::string(t[2].text) : std::to_string(rel);
      }
      auto [it, fresh] = by_number.try_emplace(rel, relations.size());
      if (fresh) {
        relations.push_back({rel, name.empty() ? std::to_string(rel) : name, {}});
        relations.back().graph.label = relations.back().name;
        relations.back().graph.nodes = vertices;
      }
      current = &relations[it->second];
      if (arcs) current->graph.directed = true;
      section = Section::edge_lines;
      return;
    }
    if (section == Section::none) fail(file_name, line_no, 1, line, "*Vertices before any data");
    if (section == Section::vertex_lines) {
      const auto id = whole(t[0].text, vertices.size() + 1, vertices.size() + 1);
      if (!id)
        fail(file_name, line_no, t[0].column, t[0].text, fmt::format("vertex number {}", vertices.size() + 1));
      if (vertices.size() == declared) fail(file_name, line_no, 1, line, fmt::format("only {} vertices", declared));
      vertices.emplace_back(t.size() >= 2 ? t[1].text : t[0].text);
      return;
    }
    if (t.size() < 2) fail(file_name, line_no, t[0].column, line, "a line `from to [weight]`");
    std::size_t ends[2];
    for (int k = 0; k < 2; ++k) {
      const auto v = whole(t[k].text, 1, vertices.size());
      if (!v) fail(file_name, line_no, t[k].column, t[k].text, fmt::format("a vertex number from 1 to {}", vertices.size()));
      ends[k] = *v - 1;
    }
    const int sign = t.size() >= 3 ? sign_of(file_name, line_no, t[2]) : 1;
    const auto relation = static_cast<std::size_t>(current - relations.data());
    if (ends[0] == ends[1]) {
      self_loops[relation].push_back(line_no);
      return;
    }
    const auto key = arcs ? std::pair{ends[0], ends[1]} : std::pair{std::min(ends[0], ends[1]), std::max(ends[0], ends[1])};
    const auto [at, fresh] = pair_lines[relation].try_emplace(key, line_no);
    if (!fresh)
      fail(file_name, line_no, t[0].column, line,
           fmt::format("each pair once in a relation (it was listed on line {})", at->second));
    current->graph.edges.push_back({ends[0], ends[1], sign});
  });
  if (relations.empty()) throw io::ParseError({file_name, 0, 0}, "no *Edges or *Arcs", "at least one relation");
  for (auto& [relation, lines] : self_loops) note_self_loops(relations[relation].graph, lines);
  for (const auto& r : relations) validate(r.graph);
  return relations;
}

std::vector<PajekRelation> read_pajek(const std::filesystem::path& path) {
  return parse_pajek(io::read_whole_file(path), path.string());
}

}  // namespace entente::balance
