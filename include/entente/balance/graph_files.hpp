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

// A directed, rated network in one of SNAP's signed-network layouts, read as an undirected signed
// graph. The layout is set by the first line that is not a `#` comment:
//  * comma-separated `source,target,rating,time` (Bitcoin Alpha and OTC), with or without a header
//    row (a first line whose rating field is a word);
//  * tab-separated `from<TAB>to<TAB>sign` (Epinions, Slashdot), after `#` comment lines.
// Every data line must have the first line's layout. A rating is read by its sign (0 is an error:
// it has none); the time must be a number and is not used. Node ids are any text without the
// separator; the graph's nodes are every id the file names, in order of appearance.
// The rule for a pair of nodes (ArcMerge): the edge's sign is the sign of the sum of the signs of
// its one or two arcs; a pair rated + one way and − the other cancels and is left out, counted in
// `arc_merge.cancelled_pairs`. An arc listed twice is an error; self-loops are counted and left out.
// The counts are also said in `notes`.
SignedGraph parse_signed_network(std::string_view text, const std::string& file_name);
// Reads the file whole; a gzip file (by its first bytes, whatever its name) is gunzipped on the way.
SignedGraph read_signed_network(const std::filesystem::path& path);

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
