// Format recognition and the file-level wrapper shared by every reader.
#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <cctype>

#include "entente/io/csv.hpp"
#include "entente/io/file.hpp"
#include "entente/io/importers.hpp"
#include "entente/io/table_spec.hpp"

namespace entente::io {
namespace {

constexpr std::array kFormats = {
    FormatInfo{Format::cow_states, "cow-states", "cow_states", "states2016.csv",
               "COW State System Membership v2016: stateabb,ccode,statenme,styear,...,endday,version"},
    FormatInfo{Format::cow_alliance_member_yearly, "cow-alliance-member-yearly", "cow_alliance",
               "alliance_v4.1_by_member_yearly.csv",
               "COW Formal Alliances v4.1, one row per member-year (keeps treaty ids)"},
    FormatInfo{Format::cow_alliance_dyad_year, "cow-alliance-dyad-year", "cow_alliance",
               "cow_alliance_v4.1_dyad_year_undirected.csv",
               "COW Formal Alliances as undirected dyad-years: ccode1,ccode2,year,cow_defense,..."},
    FormatInfo{Format::atop_ddyr, "atop-ddyr", "atop", "atop_v5.1_ddyr.csv",
               "ATOP v5.1 directed dyad-years: ccode1,ccode2,year,atop_defense,...,atop_consul"},
    FormatInfo{Format::nmc_v6, "nmc-v6", "cow_nmc", "NMC-60-abridged.csv",
               "COW NMC v6.0: stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version"},
    FormatInfo{Format::nmc_v7, "nmc-v7", "cow_nmc", "cow_nmc_v7.0_abridged.csv",
               "COW NMC v7.0 (peacesciencer layout): ccode,year,milex,...,upop,cinc"},
    FormatInfo{Format::cow_igo_state_year, "cow-igo-state-year", "cow_igo", "state_year_formatv3.csv",
               "COW IGO v3 state-year file: ccode,year,state, then one column per IGO (stored long)"},
    FormatInfo{Format::cow_igo_igo_year, "cow-igo-igo-year", "cow_igo_orgs", "igo_year_formatv3.csv",
               "COW IGO v3 IGO-year file: ioname,orgname,year,... (the IGOs' names and years)"},
};

bool has_all(const CsvTable& t, std::initializer_list<std::string_view> names) {
  return std::all_of(names.begin(), names.end(), [&](auto n) { return t.has_column(n); });
}

}  // namespace

std::span<const FormatInfo> formats() noexcept { return kFormats; }

const FormatInfo& format_info(Format f) {
  return *std::find_if(kFormats.begin(), kFormats.end(), [&](auto& i) { return i.format == f; });
}

std::optional<Format> format_by_name(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return f.format;
  return std::nullopt;
}

Format detect_format(const std::string& file_name, std::string_view text) {
  const CsvTable t(file_name, text);
  if (has_all(t, {"stateabb", "ccode", "statenme", "styear", "endyear"})) return Format::cow_states;
  if (has_all(t, {"version4id", "ccode", "year", "defense", "neutrality", "nonaggression", "entente"}))
    return Format::cow_alliance_member_yearly;
  if (has_all(t, {"ccode1", "ccode2", "year", "cow_defense", "cow_neutral", "cow_nonagg", "cow_entente"}))
    return Format::cow_alliance_dyad_year;
  if (has_all(t, {"ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral",
                  "atop_nonagg", "atop_consul"}))
    return Format::atop_ddyr;
  if (has_all(t, {"ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"}))
    return t.has_column("stateabb") ? Format::nmc_v6 : Format::nmc_v7;
  // COW IGO: the state-year file starts ccode,year,state and has a column per IGO; the IGO-year
  // file starts ioname,orgname,year.
  const auto& h = t.header();
  if (h.size() > 3 && h[0] == "ccode" && h[1] == "year" && h[2] == "state") return Format::cow_igo_state_year;
  if (has_all(t, {"ioname", "orgname", "year"})) return Format::cow_igo_igo_year;
  std::vector<std::string> known;
  for (const auto& f : readers()) known.push_back(fmt::format("{} ({})", f.name, f.example));
  throw ParseError({file_name, 1, 1}, fmt::format("{}", fmt::join(t.header(), ",")),
                   fmt::format("the header of a known provider file: {}", fmt::join(known, "; ")));
}

std::vector<ReaderInfo> readers() {
  std::vector<ReaderInfo> out;
  for (const auto& f : kFormats) out.push_back({f.name, f.dataset, f.example, f.describe});
  for (const auto& s : table_specs())
    if (!s.special_reader) out.push_back({s.format, s.dataset, s.example, s.describe});  // else listed above
  return out;
}

std::string detect_reader(const std::string& file_name, std::string_view text) {
  const CsvTable t(file_name, text);
  // A plain table fits when its file has every column the spec reads; the special readers'
  // headers are checked first because some are supersets of a plain table's.
  try {
    return std::string(format_info(detect_format(file_name, text)).name);
  } catch (const ParseError&) {
  }
  const TableSpec* best = nullptr;
  for (const auto& s : table_specs()) {
    if (s.special_reader) continue;  // its file is recognised by detect_format
    const bool fits = std::all_of(s.columns.begin(), s.columns.end(), [&](const ColumnSpec& c) { return t.has_column(c.source); });
    if (fits && (!best || s.columns.size() > best->columns.size())) best = &s;
  }
  if (best) return std::string(best->format);
  std::vector<std::string> known;
  for (const auto& f : readers()) known.push_back(fmt::format("{} ({})", f.name, f.example));
  throw ParseError({file_name, 1, 1}, fmt::format("{}", fmt::join(t.header(), ",")),
                   fmt::format("the header of a known provider file: {}", fmt::join(known, "; ")));
}

evidence::ImportBatch parse_with(std::string_view reader, const std::string& file_name, std::string_view text,
                                 const ReadOptions& options) {
  if (auto f = format_by_name(reader)) return parse(*f, file_name, text, options);
  if (const auto* spec = table_spec(reader); spec && !spec->special_reader)
    return parse_table(*spec, file_name, text, options);
  throw std::invalid_argument(fmt::format("no reader named '{}' (see 'entente import --help')", reader));
}

evidence::ImportBatch parse(Format format, const std::string& file_name, std::string_view text,
                            const ReadOptions& options) {
  switch (format) {
    case Format::cow_states: return parse_cow_states(file_name, text, options);
    case Format::cow_alliance_member_yearly: return parse_cow_alliance_member_yearly(file_name, text, options);
    case Format::cow_alliance_dyad_year: return parse_cow_alliance_dyad_year(file_name, text, options);
    case Format::atop_ddyr: return parse_atop_ddyr(file_name, text, options);
    case Format::nmc_v6:
    case Format::nmc_v7: return parse_nmc(file_name, text, format, options);
    case Format::cow_igo_state_year: return parse_cow_igo_state_year(file_name, text, options);
    case Format::cow_igo_igo_year: return parse_cow_igo_igo_year(file_name, text, options);
  }
  throw std::logic_error("unhandled format");
}

// "atop_v5.1_ddyr.csv" -> "5.1"; "NMC-60-abridged.csv" -> "6.0"; empty when the name says nothing.
std::string version_from_file_name(const std::string& name) {
  auto digit = [&](std::size_t i) { return i < name.size() && std::isdigit(static_cast<unsigned char>(name[i])); };
  for (std::size_t i = 0; i + 1 < name.size(); ++i) {
    if (name[i] != 'v' && name[i] != 'V' && name[i] != '_' && name[i] != '-') continue;
    std::size_t j = i + 1;
    while (digit(j)) ++j;
    if (j > i + 1 && j < name.size() && name[j] == '.' && digit(j + 1)) {
      std::size_t k = j + 1;
      while (digit(k)) ++k;
      return name.substr(i + 1, k - i - 1);
    }
  }
  // COW writes NMC 6.0 as "NMC-60".
  if (name.rfind("NMC-", 0) == 0 && digit(4) && digit(5) && !digit(6)) return name.substr(4, 1) + "." + name.substr(5, 1);
  return {};
}

evidence::ImportBatch read_provider_file(const std::filesystem::path& path, const std::optional<std::string>& reader,
                                         const ReadOptions& options) {
  const std::string bytes = read_whole_file(path);
  const std::string shown = path.string();
  const std::string name = reader ? *reader : detect_reader(shown, bytes);
  evidence::ImportBatch batch = parse_with(name, shown, bytes, options);
  const auto format = format_by_name(name);
  if (batch.provenance.row_count == 0)
    throw ParseError({shown, 2, 1}, "", "at least one data row after the header");
  auto& p = batch.provenance;
  p.dataset = std::string(format ? format_info(*format).dataset : table_spec(name)->dataset);
  if (p.version.empty()) p.version = version_from_file_name(path.filename().string());
  if (p.version.empty() && format == Format::nmc_v7) p.version = "7.0";
  // The spec's default, also for a special reader whose rows land in a plain table.
  if (p.version.empty())
    if (const auto* spec = table_spec(name)) p.version = std::string(spec->version);
  if (p.version.empty()) p.version = "unspecified";
  p.file_name = path.filename().string();
  p.sha256 = sha256_hex(bytes);
  p.imported_at = utc_now_iso8601();
  p.layout = name;
  batch.coverage.dataset = p.dataset;
  batch.coverage.version = p.version;
  batch.coverage.layout = p.layout;
  return batch;
}

}  // namespace entente::io
