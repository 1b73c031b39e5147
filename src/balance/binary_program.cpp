#include "entente/balance/binary_program.hpp"

#include <algorithm>
#include <vector>

namespace entente::balance {

void write_binary_program(const SignedGraph& graph, std::ostream& out) {
  const auto g = undirected(graph);
  out << "\\ frustration index of " << g.label << ": " << g.n() << " nodes, " << g.edges.size() << " edges\n";
  out << "Minimize\n obj:";
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    out << (e ? " + " : " ");
    if (g.edges[e].weight != 1) out << g.edges[e].weight << " ";
    out << "f" << e;
  }
  if (g.edges.empty()) out << " 0 x0";
  out << "\nSubject To\n";
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    const auto a = g.edges[e].a, b = g.edges[e].b;
    const int sign = g.edges[e].sign;
    if (sign > 0)  // frustrated when the sides differ: f ≥ x_a − x_b and f ≥ x_b − x_a
      out << " p" << e << "a: f" << e << " - x" << a << " + x" << b << " >= 0\n"
          << " p" << e << "b: f" << e << " + x" << a << " - x" << b << " >= 0\n";
    else  // frustrated when the sides agree: f ≥ x_a + x_b − 1 and f ≥ 1 − x_a − x_b
      out << " n" << e << "a: f" << e << " - x" << a << " - x" << b << " >= -1\n"
          << " n" << e << "b: f" << e << " + x" << a << " + x" << b << " >= 1\n";
  }
  // A partition and its mirror image are the same: the best-connected node stays on side 0, as in
  // Aref, Mason & Wilson's model, so the solver does not search both mirror halves.
  if (g.n() > 0) {
    std::vector<std::size_t> degree(g.n(), 0);
    for (const auto& e : g.edges) ++degree[e.a], ++degree[e.b];
    const auto top = static_cast<std::size_t>(std::max_element(degree.begin(), degree.end()) - degree.begin());
    out << "Bounds\n x" << top << " = 0\n";
  }
  out << "Binary\n";
  for (std::size_t v = 0; v < g.n(); ++v) out << " x" << v << "\n";
  for (std::size_t e = 0; e < g.edges.size(); ++e) out << " f" << e << "\n";
  out << "End\n";
}

}  // namespace entente::balance
