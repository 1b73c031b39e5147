// Writes a GDELT 1.0-format event file of any size by resampling the rows of a real sample
// (../shared/data/events/gdelt1_sample_georgia_2011-08.tsv): each output row is a random sample
// row with its date drawn uniformly from 1979-01-01 … 2013-12-31 (SQLDATE, MonthYear, Year and
// FractionDate rewritten to match) and, where the sample row has a country code, Actor1/Actor2
// CountryCode drawn from a Zipf distribution (exponent 1) over the ISO3 codes of COW states in a
// seeded random order, so a few states have most events, as in real data. The actor code's country
// prefix is rewritten too. Everything else is the sample row as it was. The draws come from the
// library's generator (core/random.hpp), so a seed makes the same file on every platform.
//
//   entente_gdelt_generator SAMPLE OUT ROWS [SEED]   (OUT "-" is standard output)
//   also writes OUT.codes.tsv: each country code used and its COW ccode (for checking results).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "entente/actor/iso3.hpp"
#include "entente/core/random.hpp"
#include "entente/events/actors.hpp"

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> f;
  std::size_t i = 0;
  while (true) {
    const auto j = line.find('\t', i);
    f.push_back(line.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) return f;
    i = j + 1;
  }
}

int days_in_month(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : d[m - 1];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: entente_gdelt_generator SAMPLE OUT ROWS [SEED]\n";
    return 2;
  }
  const std::string out_path = argv[2];
  const long long rows = std::stoll(argv[3]);
  entente::core::Rng rng(argc > 4 ? std::stoull(argv[4]) : 20130203);

  std::vector<std::vector<std::string>> sample;
  {
    std::ifstream in(argv[1]);
    std::string line;
    while (std::getline(in, line)) {
      auto f = split_tabs(line);
      if (f.size() != 58) {
        std::cerr << argv[1] << ": a row without 58 fields\n";
        return 1;
      }
      sample.push_back(std::move(f));
    }
  }
  if (sample.empty()) return 1;

  // Country codes: ISO3 of COW states whose code maps to one ccode on every date (DEU and YEM
  // change ccode at unification and are left out), in a seeded random order, Zipf weights.
  std::vector<std::string> codes;
  for (int c = 1; c < 1000; ++c) {
    const auto iso = entente::actor::iso3_for_ccode(c);
    if (!iso.empty() && iso != "DEU" && iso != "YEM") codes.emplace_back(iso);
  }
  entente::core::shuffle(codes.begin(), codes.end(), rng);
  // Zipf: the k-th code (from 0) with weight 1/(k+1), drawn by inverting the cumulative weights.
  std::vector<double> cumulative;
  double total = 0;
  for (std::size_t k = 0; k < codes.size(); ++k) cumulative.push_back(total += 1.0 / static_cast<double>(k + 1));
  auto pick_code = [&] {
    const auto at = std::upper_bound(cumulative.begin(), cumulative.end(), rng.uniform() * total);
    return std::min(static_cast<std::size_t>(at - cumulative.begin()), codes.size() - 1);
  };
  auto pick_row = [&] { return static_cast<std::size_t>(rng.below(sample.size())); };
  auto pick = [&](int first, int last) {
    return first + static_cast<int>(rng.below(static_cast<std::uint64_t>(last - first + 1)));
  };
  auto pick_year = [&] { return pick(1979, 2013); };
  auto pick_month = [&] { return pick(1, 12); };
  auto pick_day = [&] { return pick(1, 31); };

  {
    std::ofstream codes_out(out_path + ".codes.tsv");
    for (const auto& c : codes)
      codes_out << c << '\t' << entente::events::ccode_for_country_code(c, 20000101) << '\n';
  }
  std::FILE* out = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (!out) {
    std::cerr << out_path << ": cannot write\n";
    return 1;
  }
  std::string buffer;
  buffer.reserve(1 << 22);
  char text[32];
  for (long long r = 0; r < rows; ++r) {
    auto f = sample[pick_row()];
    const int y = pick_year(), m = pick_month();
    int d = pick_day();
    while (d > days_in_month(y, m)) d = pick_day();
    std::snprintf(text, sizeof text, "%04d%02d%02d", y, m, d);
    f[1] = text;
    std::snprintf(text, sizeof text, "%04d%02d", y, m);
    f[2] = text;
    f[3] = std::to_string(y);
    std::snprintf(text, sizeof text, "%.4f", y + ((m - 1) * 30 + d) / 365.0);
    f[4] = text;
    for (const auto& [code_col, country_col] : {std::pair{5, 7}, std::pair{15, 17}}) {
      auto& country = f[static_cast<std::size_t>(country_col)];
      if (country.empty()) continue;
      auto& actor = f[static_cast<std::size_t>(code_col)];
      const std::string fresh = codes[pick_code()];
      if (actor.compare(0, 3, country) == 0) actor.replace(0, 3, fresh);
      country = fresh;
    }
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (i) buffer += '\t';
      buffer += f[i];
    }
    buffer += '\n';
    if (buffer.size() > (1u << 22) - 1024) {
      std::fwrite(buffer.data(), 1, buffer.size(), out);
      buffer.clear();
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), out);
  if (out != stdout) std::fclose(out);
  return 0;
}
