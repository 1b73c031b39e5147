#pragma once
// The datasets entente knows: what each one is, who publishes it, how to cite it, and which
// alliance obligations it codes (the others are missing, not zero).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/evidence/records.hpp"

namespace entente::catalogue {

struct DatasetInfo {
  std::string_view id;         // stable key used in the store, e.g. "atop"
  std::string_view title;      // e.g. "Alliance Treaty Obligations and Provisions (ATOP)"
  std::string_view publisher;  // where a user downloads it
  std::string_view citation;   // plain-text reference
  std::string_view bibtex;     // BibTeX entry
  std::span<const evidence::Obligation> coded;  // obligations this dataset codes
};

// All known datasets, in citation order.
std::span<const DatasetInfo> datasets() noexcept;
// The dataset with this id; throws std::out_of_range for an unknown id.
const DatasetInfo& dataset(std::string_view id);

}  // namespace entente::catalogue
