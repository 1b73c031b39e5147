// GDELT rows are scanned with SSE2 over the block, recording where fields start without copying
// them; only the eight columns used are parsed (and the number of fields is checked on every row).
// KEDS and ICEWS rows go line by line: their files are small by comparison.
#include "scanners.hpp"

#include <cstring>

#include "entente/io/parse_error.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace entente::events::detail {
namespace {

constexpr std::size_t kMaxErrorsPerBlock = 20;

bool digits(std::string_view s) noexcept {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

bool letters(std::string_view s) noexcept {
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return !s.empty();
}

int parse_int(std::string_view s) noexcept {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "YYYY-MM-DD" → yyyymmdd, 0 when malformed or not a date.
int iso_date(std::string_view s) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) ||
      !digits(s.substr(8, 2)))
    return 0;
  const int d = parse_int(s.substr(0, 4)) * 10000 + parse_int(s.substr(5, 2)) * 100 + parse_int(s.substr(8, 2));
  return valid_date(d) ? d : 0;
}

// Days 1 to 28 of any month are valid: most rows are settled without valid_date's month lengths
// (it is still the judge of every other date).
bool plausible_day(int yyyymmdd) noexcept {
  const int d = yyyymmdd % 100, m = yyyymmdd / 100 % 100, y = yyyymmdd / 10000;
  return d >= 1 && d <= 28 && m >= 1 && m <= 12 && y >= 1800 && y <= 2200;
}

struct Rejection {
  std::size_t column;
  std::string_view value;
  const char* expected;
};

// ---- GDELT ----
// Columns used (0-based): SQLDATE, Actor1CountryCode, Actor1Type1Code, Actor2CountryCode,
// Actor2Type1Code, EventCode, NumMentions. They have the same positions in GDELT 1.0 and 2.0.
constexpr int kSqlDate = 1, kA1Country = 7, kA1Type = 12, kA2Country = 17, kA2Type = 22, kEventCode = 26,
              kNumMentions = 31;

// The row's fields are [start[i], start[i+1] - 1), the last one ending at `row_end`.
bool gdelt_row(const char* row, const std::uint32_t* start, const char* base, const char* row_end, int tabs,
               int want_tabs, Tally& tally, Rejection& why) {
  if (tabs != want_tabs) {
    why = {1, std::string_view(row, static_cast<std::size_t>(std::min<std::ptrdiff_t>(row_end - row, 40))),
           want_tabs == 57 ? "58 tab-separated fields (GDELT 1.0)" : "61 tab-separated fields (GDELT 2.0)"};
    return false;
  }
  const auto field = [&](int i) {
    const char* b = base + start[i];
    const char* e = i == tabs ? row_end : base + start[i + 1] - 1;
    return std::string_view(b, static_cast<std::size_t>(e - b));
  };
  const auto column = [&](int i) { return static_cast<std::size_t>(base + start[i] - row) + 1; };
  const auto date_text = field(kSqlDate);
  const int date = date_text.size() == 8 && digits(date_text) ? parse_int(date_text) : 0;
  if (!plausible_day(date) && !valid_date(date)) {
    why = {column(kSqlDate), date_text, "a date yyyymmdd (SQLDATE)"};
    return false;
  }
  Event e;
  e.date = date;
  const auto side = [&](int country_col, int type_col, const char* country_name, const char* type_name,
                        Side& s) {
    const auto country = field(country_col), type = field(type_col);
    if (!country.empty() && !(country.size() == 3 && letters(country))) {
      why = {column(country_col), country, country_name};
      return false;
    }
    if (!type.empty() && !(type.size() == 3 && letters(type))) {
      why = {column(type_col), type, type_name};
      return false;
    }
    s.code = country;
    s.no_country = country.empty();
    return true;
  };
  if (!side(kA1Country, kA1Type, "a CAMEO country code of three capital letters, or nothing (Actor1CountryCode)",
            "a CAMEO actor type of three capital letters, or nothing (Actor1Type1Code)", e.source) ||
      !side(kA2Country, kA2Type, "a CAMEO country code of three capital letters, or nothing (Actor2CountryCode)",
            "a CAMEO actor type of three capital letters, or nothing (Actor2Type1Code)", e.target))
    return false;
  // A row without both countries is only counted (Tally::add): its actors are not looked up.
  if (!e.source.no_country && !e.target.no_country) {
    e.source.actor = actor_from_country(e.source.code, field(kA1Type), date);
    e.target.actor = actor_from_country(e.target.code, field(kA2Type), date);
  }
  e.code = field(kEventCode);
  if (e.code.size() < 2 || e.code.size() > 4 || !digits(e.code)) {
    why = {column(kEventCode), e.code, "a CAMEO event code of 2 to 4 digits (EventCode)"};
    return false;
  }
  const auto mentions = field(kNumMentions);
  if (!digits(mentions) || mentions.size() > 9) {
    why = {column(kNumMentions), mentions, "a count of mentions (NumMentions)"};
    return false;
  }
  e.mentions = parse_int(mentions);
  tally.add(e);
  return true;
}

int count_bits(std::uint64_t x) noexcept {
#if defined(__POPCNT__)
  return __builtin_popcountll(x);
#else  // without the instruction, a few operations beat libgcc's call
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return static_cast<int>((x * 0x0101010101010101ull) >> 56);
#endif
}

// One row ended at `newline`: parse it into the tally; false when the block must stop.
bool end_gdelt_row(const FileContext& file, const char* base, const char* row, const char* newline,
                   const std::uint32_t* start, int tabs, std::size_t line, Tally& tally, BlockReport& report) {
  const char* row_end = newline > row && newline[-1] == '\r' ? newline - 1 : newline;
  tally.count_row();
  Rejection why{};
  if (gdelt_row(row, start, base, row_end, tabs, file.format == Format::gdelt1 ? 57 : 60, tally, why)) return true;
  tally.count_bad_row();
  const bool skip = file.options->skip_bad_rows;
  if (report.errors.size() < (skip ? kMaxErrorsPerBlock : 1))
    report.errors.push_back({line, why.column, std::string(why.value), why.expected});
  return skip;
}

// Separators are found 64 bytes at a time as bit masks. While a row's used columns are still
// ahead, the field starts of the chunk's tabs in the row are all recorded; past the last used
// column (its end is the start of field kLastUsed) the rest of the row's tabs are only counted, a
// mask at a time.
void scan_gdelt(const FileContext& file, const char* begin, const char* end, Tally& tally, BlockReport& report) {
  constexpr int kLastUsed = kNumMentions + 1;
  std::uint32_t start[kLastUsed + 65];  // a chunk may add up to 64 starts before the count is checked
  int tabs = 0;
  start[0] = 0;
  const char* row = begin;
  std::size_t line = 0;
  for (const char* chunk = begin; chunk < end; chunk += 64) {
    std::uint64_t newlines = 0, marks = 0;
#if defined(__SSE2__)
    const __m128i tab = _mm_set1_epi8('\t'), newline = _mm_set1_epi8('\n');
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(chunk + 16 * k));
      newlines |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline))))
                  << (16 * k);
      marks |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, tab))))
               << (16 * k);
    }
#else
    for (int k = 0; k < 64; ++k) {
      newlines |= static_cast<std::uint64_t>(chunk[k] == '\n') << k;
      marks |= static_cast<std::uint64_t>(chunk[k] == '\t') << k;
    }
#endif
    marks |= newlines;
    if (end - chunk < 64) {
      const std::uint64_t inside = (std::uint64_t{1} << (end - chunk)) - 1;
      marks &= inside;
      newlines &= inside;
    }
    while (marks != 0) {
      const std::uint64_t row_ends = marks & newlines;
      const std::uint64_t tabs_in_row = marks & (row_ends ? (row_ends & (0 - row_ends)) - 1 : ~std::uint64_t{0});
      if (tabs < kLastUsed) {  // every tab of the chunk in this row: no test per tab
        const auto offset = static_cast<std::uint32_t>(chunk + 1 - begin);
        for (std::uint64_t t = tabs_in_row; t != 0; t &= t - 1) start[++tabs] = offset + static_cast<std::uint32_t>(__builtin_ctzll(t));
      } else {
        tabs += count_bits(tabs_in_row);
      }
      if (row_ends == 0) break;
      const int bit = __builtin_ctzll(row_ends);
      marks = bit == 63 ? 0 : marks & (~std::uint64_t{0} << (bit + 1));
      if (!end_gdelt_row(file, begin, row, chunk + bit, start, tabs, line, tally, report)) {
        report.lines = line;
        return;
      }
      ++line;
      row = chunk + bit + 1;
      tabs = 0;
      start[0] = static_cast<std::uint32_t>(row - begin);
    }
  }
  report.lines = line;
}

// ---- KEDS and ICEWS, line by line ----

// Splits a line at `sep`; KEDS fields may be in double quotes (without quotes inside).
bool split(std::string_view line, char sep, bool quoted, std::vector<std::string_view>& fields,
           std::vector<std::size_t>& columns, Rejection& why) {
  fields.clear();
  columns.clear();
  std::size_t i = 0;
  while (true) {
    std::size_t j = line.find(sep, i);
    if (j == std::string_view::npos) j = line.size();
    std::string_view f = line.substr(i, j - i);
    std::size_t col = i + 1;
    if (quoted && !f.empty() && f.front() == '"') {
      if (f.size() < 2 || f.back() != '"' || f.substr(1, f.size() - 2).find('"') != std::string_view::npos) {
        why = {col, f, "a field in double quotes, without quotes or commas inside"};
        return false;
      }
      f = f.substr(1, f.size() - 2);
      ++col;
    }
    fields.push_back(f);
    columns.push_back(col);
    if (j == line.size()) return true;
    i = j + 1;
  }
}

bool keds_row(std::string_view line, std::vector<std::string_view>& f, std::vector<std::size_t>& col, Tally& tally,
              Rejection& why) {
  if (!split(line, ',', true, f, col, why)) return false;
  if (f.size() != 4) {
    why = {1, line.substr(0, 40), "4 fields: date,source,target,code"};
    return false;
  }
  Event e;
  e.date = iso_date(f[0]);
  if (e.date == 0) {
    why = {col[0], f[0], "a date YYYY-MM-DD (date)"};
    return false;
  }
  for (int k : {1, 2}) {
    if (!letters(f[k]) && f[k] != "UN") {
      why = {col[k], f[k], k == 1 ? "a KEDS actor code in capital letters (source)" : "a KEDS actor code in capital letters (target)"};
      return false;
    }
    Side& s = k == 1 ? e.source : e.target;
    s.code = f[k];
    s.actor = actor_from_keds_code(f[k], e.date);
  }
  if (f[3].empty()) {
    why = {col[3], f[3], "a CAMEO event code (code)"};
    return false;
  }
  e.code = f[3];
  tally.add(e);
  return true;
}

// ICEWS's columns used, by header name.
constexpr const char* kIcewsColumns[] = {"Event Date",   "Source Name",   "Source Sectors", "Source Country",
                                         "CAMEO Code",   "Target Name",   "Target Sectors", "Target Country"};
enum IcewsColumn { kDate, kSourceName, kSourceSectors, kSourceCountry, kCode, kTargetName, kTargetSectors, kTargetCountry };

// A state actor in ICEWS: the country itself, or a sector of its government (docs/models/events.md).
bool icews_state_sector(std::string_view sectors) noexcept {
  for (const char* word : {"Government", "Military", "Police", "Executive", "Legislative", "Judicial"})
    if (sectors.find(word) != std::string_view::npos) return true;
  return false;
}

bool icews_row(const FileContext& file, std::string_view line, std::vector<std::string_view>& f,
               std::vector<std::size_t>& col, Tally& tally, Rejection& why) {
  split(line, '\t', false, f, col, why);
  if (f.size() != file.fields) {
    why = {1, line.substr(0, 40), "as many tab-separated fields as the header"};
    return false;
  }
  const auto& c = file.columns;
  Event e;
  e.date = iso_date(f[c[kDate]]);
  if (e.date == 0) {
    why = {col[c[kDate]], f[c[kDate]], "a date YYYY-MM-DD (Event Date)"};
    return false;
  }
  const auto side = [&](std::size_t name, std::size_t sectors, std::size_t country, Side& s) {
    s.code = f[country];
    if (s.code.empty()) {
      s.no_country = true;
      return;
    }
    const int ccode = file.options->country_by_name ? file.options->country_by_name(s.code, e.date) : 0;
    if (ccode == 0) return;  // unmapped
    const bool state = f[name] == f[country] || icews_state_sector(f[sectors]);
    s.actor = {state ? ActorKind::state : ActorKind::society, ccode};
  };
  side(c[kSourceName], c[kSourceSectors], c[kSourceCountry], e.source);
  side(c[kTargetName], c[kTargetSectors], c[kTargetCountry], e.target);
  const auto code = f[c[kCode]];
  if (!digits(code)) {
    why = {col[c[kCode]], code, "a CAMEO event code of digits (CAMEO Code)"};
    return false;
  }
  // ICEWS codes have three or four digits; a shorter one lost its leading zero and is not guessed.
  e.code = code;
  e.code_unmapped = code.size() < 3;
  tally.add(e);
  return true;
}

void scan_lines(const FileContext& file, const char* begin, const char* end, Tally& tally, BlockReport& report) {
  const bool skip = file.options->skip_bad_rows;
  std::vector<std::string_view> fields;
  std::vector<std::size_t> columns;
  std::size_t line = 0;
  for (const char* p = begin; p < end;) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    std::string_view text(p, static_cast<std::size_t>(nl - p));
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    p = nl + 1;
    if (text.empty()) {  // a blank line, typically the last
      ++line;
      continue;
    }
    tally.count_row();
    Rejection why{};
    const bool ok = file.format == Format::keds ? keds_row(text, fields, columns, tally, why)
                                                : icews_row(file, text, fields, columns, tally, why);
    if (!ok) {
      tally.count_bad_row();
      if (report.errors.size() < (skip ? kMaxErrorsPerBlock : 1))
        report.errors.push_back({line, why.column, std::string(why.value), why.expected});
      if (!skip) break;
    }
    ++line;
  }
  report.lines = line;
}

}  // namespace

bool has_header(Format format) noexcept { return format == Format::keds || format == Format::icews; }

FileContext file_context(std::string name, Format format, std::string_view first_line, const AggregateOptions& options) {
  FileContext file{std::move(name), format, {}, 0, &options};
  if (format != Format::icews) return file;
  if (!first_line.empty() && first_line.back() == '\r') first_line.remove_suffix(1);
  std::vector<std::string_view> header;
  std::size_t i = 0;
  while (true) {
    const auto j = first_line.find('\t', i);
    header.push_back(first_line.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  file.fields = header.size();
  for (const char* want : kIcewsColumns) {
    std::size_t k = 0;
    while (k < header.size() && header[k] != want) ++k;
    if (k == header.size())
      throw io::ParseError({file.name, 1, 1}, std::string(first_line.substr(0, 40)),
                           std::string("an ICEWS header with the column \"") + want + "\"");
    file.columns.push_back(k);
  }
  return file;
}

void scan_block(const FileContext& file, const char* begin, const char* end, Tally& tally, BlockReport& report) {
  if (file.format == Format::gdelt1 || file.format == Format::gdelt2)
    scan_gdelt(file, begin, end, tally, report);
  else
    scan_lines(file, begin, end, tally, report);
}

}  // namespace entente::events::detail
