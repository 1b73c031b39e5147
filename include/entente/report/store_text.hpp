#pragma once
// What the store holds and how to cite it (query::info, query::cite), and why a relationship is
// what it is (query::explain), for people at a terminal.
#include <string>
#include <string_view>

#include "entente/core/json.hpp"

namespace entente::report {

// The store's counts, then one line per event layer.
std::string info_text(const Json& result, std::string_view store_label);
// Every dataset's reference (or BibTeX entry), each followed by a blank line.
std::string cite_text(const Json& result, bool bibtex);
// The relationship, its weight and deciding rule, then the evidence, the layers without data and
// the profile.
std::string explain_text(const Json& result, int year, std::string_view profile_name);

}  // namespace entente::report
