#pragma once
// Readers for signed graphs in the field's file formats. Errors name file:line:column, the value
// found and what was expected (io::ParseError).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "entente/balance/signed_graph.hpp"

namespace entente::balance {

// An edge list: one edge per line, `a b sign` separated by tabs, commas or spaces; node names are
// any text without those separators. A first line whose sign field is not a number is a header.
// Lines starting with '#' or '%' are comments (KONECT files start so). Signs are +1/−1 (any
// positive or negative number is read by its sign; 0 is an error). A pair listed twice is an error.
SignedGraph parse_edge_list(std::string_view text, const std::string& file_name, bool directed = false);
SignedGraph read_edge_list(const std::filesystem::path& path, bool directed = false);

// A Pajek .net file with one or more relations: `*Vertices n` then `id "label" …` lines, then
// `*Edges` or `*Arcs` sections, optionally numbered and named (`*Edges :46 "46-49"`), each line
// `from to weight`. Each section is one graph over all the file's vertices; sections that share a
// relation number are merged. The sign of an edge is the sign of its weight.
struct PajekRelation {
  int number = 0;       // 0 when the file does not number its relations
  std::string name;     // the quoted name, or the number as text
  SignedGraph graph;
};
std::vector<PajekRelation> parse_pajek(std::string_view text, const std::string& file_name);
std::vector<PajekRelation> read_pajek(const std::filesystem::path& path);

}  // namespace entente::balance
