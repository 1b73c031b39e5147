#pragma once
// `entente info` (what the store holds) and `entente cite` (how to cite it).
#include "entente/core/json.hpp"

#include "entente/world/source.hpp"

namespace entente::query {

Json info(const world::Source& source);
// One line per dataset for a terminal: dataset, version, years, number of files.
Json info_table_rows(const Json& info_result);
// One reference per dataset in the store: {"rows": [{dataset, title, version, citation, bibtex}]}
Json cite(const world::Source& source);

}  // namespace entente::query
