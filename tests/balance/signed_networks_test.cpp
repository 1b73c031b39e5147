// The SNAP signed-network readers: the rule that turns a directed, rated network into an
// undirected signed graph, its counts, strict errors, gzip, and the three real files.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "entente/balance/graph_files.hpp"
#include "entente/io/byte_stream.hpp"
#include "entente/io/parse_error.hpp"
#include "entente/core/json.hpp"
#include "test_support.hpp"

namespace {

using namespace entente::balance;

// The sign of the edge between two named nodes: 0 when there is none.
int sign_between(const SignedGraph& g, const std::string& a, const std::string& b) {
  for (const auto& e : g.edges) {
    const auto& x = g.nodes[e.a];
    const auto& y = g.nodes[e.b];
    if ((x == a && y == b) || (x == b && y == a)) return e.sign;
  }
  return 0;
}

// Where a parse fails, as "line:column".
std::string error_spot(std::string_view text) {
  try {
    parse_signed_network(text, "t.csv");
  } catch (const entente::io::ParseError& e) {
    return std::to_string(e.where().line) + ":" + std::to_string(e.where().column);
  }
  return "no error";
}

// An independent count of a SNAP file: every arc into a map by ordered pair, then pairs by the sum
// of their signs, the plainest way (istringstream, std::map).
struct Recount {
  std::size_t arcs = 0, self_loops = 0, pairs = 0, both_ways = 0, cancelled = 0, positive = 0, negative = 0;
  std::set<std::string> nodes;
};
Recount recount(const std::string& text) {
  Recount r;
  std::istringstream in(text);
  std::string line;
  std::map<std::pair<std::string, std::string>, int> arcs;
  bool first = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream fields(line);
    std::string a, b, rating;
    fields >> a >> b >> rating;
    const bool header = first && std::isalpha(static_cast<unsigned char>(rating[0]));
    first = false;
    if (header) continue;
    ++r.arcs;
    r.nodes.insert(a);
    r.nodes.insert(b);
    if (a == b) {
      ++r.self_loops;
      continue;
    }
    arcs[{a, b}] = std::stod(rating) > 0 ? 1 : -1;
  }
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> pairs;  // sum, arcs
  for (const auto& [key, sign] : arcs) {
    auto& p = pairs[{std::min(key.first, key.second), std::max(key.first, key.second)}];
    p.first += sign;
    ++p.second;
  }
  r.pairs = pairs.size();
  for (const auto& [key, p] : pairs) {
    r.both_ways += p.second == 2;
    r.cancelled += p.first == 0;
    r.positive += p.first > 0;
    r.negative += p.first < 0;
  }
  return r;
}

void expect_matches_recount(const SignedGraph& g, const Recount& r) {
  ASSERT_TRUE(g.arc_merge.has_value());
  EXPECT_EQ(g.arc_merge->arcs, r.arcs);
  EXPECT_EQ(g.self_loops, r.self_loops);
  EXPECT_EQ(g.arc_merge->pairs, r.pairs);
  EXPECT_EQ(g.arc_merge->pairs_both_ways, r.both_ways);
  EXPECT_EQ(g.arc_merge->cancelled_pairs, r.cancelled);
  EXPECT_EQ(g.edges.size(), r.positive + r.negative);
  EXPECT_EQ(g.negative_edges(), r.negative);
  EXPECT_EQ(g.n(), r.nodes.size());
}

std::filesystem::path snap_file(const std::string& name) {
  return entente::testing::shared_data() / "signed_networks" / name;
}

}  // namespace

TEST(SignedNetworks, TheSignOfTheSumDecidesAPairAndCancellingPairsAreDropped) {
  const auto g = parse_signed_network(
      "source,target,rating,time\n"
      "1,2,5,100\n"    // 1–2 rated + both ways: +
      "2,1,3,101\n"
      "1,3,4,102\n"    // 1–3 rated + and −: the signs cancel, dropped
      "3,1,-2,103\n"
      "2,3,-1,104\n"   // 2–3 one way, −
      "3,4,-1,105\n"   // 3–4 − both ways: −
      "4,3,-10,106\n"
      "5,5,7,107\n",   // a self-loop: 5 is named, but no edge
      "t.csv");
  EXPECT_EQ(g.n(), 5u);
  EXPECT_EQ(g.edges.size(), 3u);
  EXPECT_EQ(sign_between(g, "1", "2"), 1);
  EXPECT_EQ(sign_between(g, "1", "3"), 0);
  EXPECT_EQ(sign_between(g, "2", "3"), -1);
  EXPECT_EQ(sign_between(g, "3", "4"), -1);
  EXPECT_FALSE(g.directed);
  EXPECT_EQ(g.self_loops, 1u);
  ASSERT_TRUE(g.arc_merge.has_value());
  EXPECT_EQ(g.arc_merge->arcs, 8u);
  EXPECT_EQ(g.arc_merge->pairs, 4u);
  EXPECT_EQ(g.arc_merge->pairs_both_ways, 3u);
  EXPECT_EQ(g.arc_merge->cancelled_pairs, 1u);
  // The header, the self-loop's line and the counts are said, not silent.
  ASSERT_EQ(g.notes.size(), 3u);
  EXPECT_NE(g.notes[0].find("line 1 read as a column header"), std::string::npos) << g.notes[0];
  EXPECT_NE(g.notes[1].find("on line 9"), std::string::npos) << g.notes[1];
  EXPECT_NE(g.notes[2].find("1 pair rated + one way and - the other left out"), std::string::npos) << g.notes[2];
}

TEST(SignedNetworks, TabLayoutWithCommentsAndNoHeader) {
  const auto g = parse_signed_network("# Directed graph\n# FromNodeId\tToNodeId\tSign\n0\t1\t-1\n1\t0\t-1\n1\t2\t1\n",
                                      "t.txt");
  EXPECT_EQ(g.n(), 3u);
  EXPECT_EQ(sign_between(g, "0", "1"), -1);
  EXPECT_EQ(sign_between(g, "1", "2"), 1);
  EXPECT_EQ(g.arc_merge->pairs_both_ways, 1u);
  EXPECT_EQ(g.arc_merge->cancelled_pairs, 0u);
  // Nothing was read as a header: the only note is the counts.
  EXPECT_EQ(g.notes.size(), 1u);
  // Without a header the comma layout reads its first line as data.
  EXPECT_EQ(parse_signed_network("6,2,4,1289241912\n6,5,-2,1289241942\n", "t.csv").edges.size(), 2u);
}

TEST(SignedNetworks, ErrorsNameTheSpot) {
  EXPECT_EQ(error_spot("1,2,0,5\n"), "1:5");                 // a rating of 0 has no sign
  EXPECT_EQ(error_spot("1,2,3,5\n1,2,4,6\n"), "2:1");        // the same arc twice
  EXPECT_EQ(error_spot("1,2,3,5\n1,3,4\n"), "2:1");          // a field missing
  EXPECT_EQ(error_spot("1,2,3,5\n1,3,4,6,7\n"), "2:9");      // a field too many
  EXPECT_EQ(error_spot("1,2,3,5\n1,3,4,x\n"), "2:7");        // the time is not a number
  EXPECT_EQ(error_spot("1,2,3,5\n,3,4,6\n"), "2:1");         // an empty node id
  EXPECT_EQ(error_spot("1\t2\t1\n1,3,-1\n"), "2:1");         // a line of another layout
  EXPECT_EQ(error_spot("a,b,rating,time\nx,y,up,7\n"), "2:5");  // only the first line can be a header
  EXPECT_EQ(error_spot("# only comments\n"), "0:0");          // no edges
  EXPECT_EQ(error_spot("1,1,3,5\n"), "0:0");                  // only a self-loop: no edges
  try {
    parse_signed_network("1,2,3,5\n1,2,4,6\n", "t.csv");
    FAIL();
  } catch (const entente::io::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("t.csv:2:1"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("listed on line 1"), std::string::npos) << e.what();
  }
}

TEST(SignedNetworks, GzipIsReadDirectly) {
  const entente::testing::TempDir dir;
  const std::string text = "# c\n0\t1\t-1\n1\t0\t1\n1\t2\t1\n2\t3\t-1\n";
  const auto plain = dir.write("net.txt", text);
  const auto packed = dir / "net.bin";  // gzip is told by its first bytes, not by the name
  gzFile out = gzopen(packed.string().c_str(), "wb");
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(gzwrite(out, text.data(), static_cast<unsigned>(text.size())), static_cast<int>(text.size()));
  gzclose(out);
  const auto a = read_signed_network(plain), b = read_signed_network(packed);
  ASSERT_EQ(a.edges.size(), 2u);  // 0–1 cancels
  ASSERT_EQ(b.edges.size(), a.edges.size());
  for (std::size_t k = 0; k < a.edges.size(); ++k) {
    EXPECT_EQ(a.edges[k].a, b.edges[k].a);
    EXPECT_EQ(a.edges[k].b, b.edges[k].b);
    EXPECT_EQ(a.edges[k].sign, b.edges[k].sign);
  }
  EXPECT_EQ(b.arc_merge->cancelled_pairs, 1u);
}

// The real files: the counts the data's README gives, and an independent recount of the rule.
TEST(SignedNetworks, BitcoinAlphaAndOtc) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto alpha = read_signed_network(snap_file("soc-sign-bitcoinalpha.csv"));
  EXPECT_EQ(alpha.arc_merge->arcs, 24'186u);
  EXPECT_EQ(alpha.n(), 3'783u);
  EXPECT_EQ(alpha.edges.size(), 13'876u);  // the undirected count
  expect_matches_recount(alpha, recount(entente::io::read_whole_file_gunzipped(snap_file("soc-sign-bitcoinalpha.csv"))));
  const auto otc = read_signed_network(snap_file("soc-sign-bitcoinotc.csv"));
  EXPECT_EQ(otc.arc_merge->arcs, 35'592u);
  EXPECT_EQ(otc.n(), 5'881u);
  EXPECT_EQ(otc.edges.size(), 21'134u);
  expect_matches_recount(otc, recount(entente::io::read_whole_file_gunzipped(snap_file("soc-sign-bitcoinotc.csv"))));
}

TEST(SignedNetworks, EpinionsFromGzip) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto path = snap_file("soc-sign-epinions.txt.gz");
  const auto g = read_signed_network(path);
  EXPECT_EQ(g.arc_merge->arcs, 841'372u);
  EXPECT_EQ(g.self_loops, 573u);
  EXPECT_EQ(g.arc_merge->pairs + g.self_loops, 711'783u);  // the README counts self-loops as pairs
  EXPECT_EQ(g.n(), 131'828u);
  EXPECT_EQ(g.edges.size(), 708'507u);
  expect_matches_recount(g, recount(entente::io::read_whole_file_gunzipped(path)));
}

TEST(SignedNetworks, CliReadsThemAndSaysTheCounts) {
  const entente::testing::TempDir dir;
  const auto file = dir.write("net.csv", "source,target,rating,time\n1,2,5,1\n2,1,-3,2\n2,3,-1,3\n3,4,2,4\n4,1,1,5\n");
  const auto r = entente::testing::run_cli({"balance", "--snap", file.string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto g = entente::Json::parse(r.out).at("graphs").at(0);
  EXPECT_EQ(g.at("edges"), 3);
  EXPECT_EQ(g.at("arc_merge").at("cancelled_pairs"), 1);
  EXPECT_EQ(g.at("arc_merge").at("pairs_both_ways"), 1);
  EXPECT_EQ(g.at("arc_merge").at("arcs"), 5);
  EXPECT_NE(r.err.find("1 pair rated + one way and - the other left out"), std::string::npos) << r.err;
  const auto bad = entente::testing::run_cli({"balance", "--snap", dir.write("bad.csv", "1,2,0,1\n").string()});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("bad.csv:1:5"), std::string::npos) << bad.err;
}
