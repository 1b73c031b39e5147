#pragma once
// The report page's static files, compiled into the library (report_assets.cpp).
#include <string_view>
#include <vector>

namespace entente::report {

struct Asset {
  std::string_view path;    // in the report folder
  std::string_view prefix;  // written before the bytes (world.js wraps the map's JSON)
  std::string_view bytes;
  std::string_view suffix;
};

// Every static file of the folder; empty in a build without the assets.
std::vector<Asset> report_assets();

}  // namespace entente::report
