#pragma once
// Small helpers for the report's generated sentences, shared by its sections (report_data.cpp,
// report_scenario.cpp). Internal to the library.
#include <string>
#include <vector>

#include "entente/core/json.hpp"
#include "entente/world/source.hpp"

namespace entente::report {

// A state's name from its abbreviation (the abbreviation itself when the registry lacks it).
std::string name_of(const world::Source& source, const std::string& abbrev);
// "A", "A and B", "A, B and C".
std::string join_and(const std::vector<std::string>& items);
// A JSON array of strings.
std::vector<std::string> strings(const Json& array);
// A state's name in a sentence: "the United States of America", "Russia".
std::string in_sentence(const std::string& name);
// The first letter upper-case (a sentence that starts with a name).
std::string capitalised(std::string text);

}  // namespace entente::report
