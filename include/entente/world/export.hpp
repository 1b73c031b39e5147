#pragma once
// What `entente export-world` writes: a store's contents for chosen states, plus the evidence a
// world file cannot recompute from its own rows.
#include <vector>

#include "entente/store/store.hpp"
#include "entente/world/source.hpp"

namespace entente::world {

// The store's contents for `scope` (COW codes) from `from_year` on (store::Store::contents), and,
// when the store holds UN votes, the states' ideal points estimated from every state's votes
// (table `un_idealpoint`, dataset `unga_idealpoints`): a world keeps only its own states' votes,
// and ideal points estimated from those alone would sit on another scale.
store::Contents export_contents(const Source& source, std::vector<int> scope, int from_year);

}  // namespace entente::world
