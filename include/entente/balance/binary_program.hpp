#pragma once
// The standard binary program of the frustration index (Aref, Mason & Wilson 2020): one 0/1 side
// variable per node (the best-connected one fixed to 0, since a partition and its mirror are the
// same), one 0/1 frustration variable per edge, two constraints per edge, minimise the sum of the
// edge variables. Written in CPLEX LP format, which GLPK (glpsol --lp) and CBC
// read, so that general-purpose solvers can check entente's answers and be timed against it.
#include <ostream>

#include "entente/balance/signed_graph.hpp"

namespace entente::balance {

void write_binary_program(const SignedGraph& g, std::ostream& out);

}  // namespace entente::balance
