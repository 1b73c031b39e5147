#include "entente/events/evidence_layer.hpp"

#include "entente/events/aggregate.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <stdexcept>

#include "entente/io/file.hpp"

namespace entente::events {

namespace {

// Providers first (in the order their formats appear), then the scale and the codebook every
// layer depends on. Formats are matched by the provider's name in the reader's format name
// ("gdelt1", "gdelt2", "keds", "icews").
const Reference kGdelt{
    "gdelt",
    "Leetaru, K. & Schrodt, P. A. (2013) GDELT: Global Data on Events, Location and Tone, 1979-2012. Paper "
    "presented at the International Studies Association annual convention, San Francisco.",
    "@inproceedings{leetaru2013gdelt,\n  author = {Leetaru, Kalev and Schrodt, Philip A.},\n  title = {{GDELT}: "
    "Global Data on Events, Location and Tone, 1979--2012},\n  booktitle = {International Studies Association "
    "Annual Convention},\n  address = {San Francisco},\n  year = {2013}\n}"};
const Reference kKeds{
    "keds",
    "Schrodt, P. A. & Gerner, D. J. Kansas Event Data System (KEDS): Levant, Gulf and Turkey event data "
    "series, CAMEO-coded. Distributed with Lowe, W., events: Store and manipulate event data (R package).",
    "@misc{schrodt_keds,\n  author = {Schrodt, Philip A. and Gerner, Deborah J.},\n  title = {Kansas Event Data "
    "System ({KEDS}): Levant, Gulf and Turkey event data series},\n  note = {CAMEO-coded; distributed with W. "
    "Lowe's R package events}\n}"};
const Reference kIcews{
    "icews",
    "Boschee, E., Lautenschlager, J., O'Brien, S., Shellman, S., Starz, J. & Ward, M. (2015) ICEWS Coded Event "
    "Data. Harvard Dataverse.",
    "@misc{boschee2015icews,\n  author = {Boschee, Elizabeth and Lautenschlager, Jennifer and O'Brien, Sean and "
    "Shellman, Steve and Starz, James and Ward, Michael},\n  title = {{ICEWS} Coded Event Data},\n  publisher = "
    "{Harvard Dataverse},\n  year = {2015}\n}"};
const Reference kGoldstein{
    "goldstein",
    "Goldstein, J. S. (1992) A Conflict-Cooperation Scale for WEIS Events Data. Journal of Conflict Resolution "
    "36(2):369-385.",
    "@article{goldstein1992,\n  author = {Goldstein, Joshua S.},\n  title = {A Conflict-Cooperation Scale for "
    "{WEIS} Events Data},\n  journal = {Journal of Conflict Resolution},\n  volume = {36},\n  number = {2},\n  "
    "pages = {369--385},\n  year = {1992}\n}"};
const Reference kCameo{
    "cameo",
    "Schrodt, P. A. (2012) CAMEO: Conflict and Mediation Event Observations Event and Actor Codebook, version "
    "1.1b3. Pennsylvania State University.",
    "@manual{schrodt2012cameo,\n  author = {Schrodt, Philip A.},\n  title = {{CAMEO}: Conflict and Mediation "
    "Event Observations Event and Actor Codebook},\n  edition = {1.1b3},\n  organization = {Pennsylvania State "
    "University},\n  year = {2012}\n}"};

}  // namespace

EvidenceLayer make_layer(const std::string& name, AggregateResult result, const AggregateOptions& options,
                         const std::vector<std::filesystem::path>& files) {
  check_layer_name(name);
  EvidenceLayer layer;
  layer.name = name;
  layer.period = options.period;
  layer.directed = options.directed;
  layer.cells = std::move(result.cells);
  layer.coverage = std::move(result.coverage);
  // The aggregation names each file's format as "NAME (FORMAT)", one per file in order.
  for (std::size_t k = 0; k < files.size(); ++k) {
    std::string format;
    if (k < layer.coverage.sources.size()) {
      const auto& text = layer.coverage.sources[k];
      const auto open = text.rfind('(');
      if (open != std::string::npos && text.back() == ')') format = text.substr(open + 1, text.size() - open - 2);
    }
    layer.files.push_back({files[k].filename().string(), format, io::file_sha256_hex(files[k])});
  }
  return layer;
}

void check_layer_name(std::string_view name) {
  const bool plain = !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  if (!plain)
    throw std::invalid_argument(
        fmt::format("event layer name '{}': use 1 to 64 letters, digits, '_' or '-'", name));
}

std::vector<Reference> references(const LayerInfo& layer) {
  std::vector<Reference> out;
  auto once = [&](const Reference& r) {
    if (std::none_of(out.begin(), out.end(), [&](const Reference& x) { return x.id == r.id; })) out.push_back(r);
  };
  for (const auto& f : layer.files) {
    if (f.format.find("gdelt") != std::string::npos) once(kGdelt);
    else if (f.format.find("keds") != std::string::npos) once(kKeds);
    else if (f.format.find("icews") != std::string::npos) once(kIcews);
  }
  once(kGoldstein);
  once(kCameo);
  return out;
}

}  // namespace entente::events
