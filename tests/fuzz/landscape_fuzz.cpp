// The landscape readers (a sizes CSV and a propensity matrix CSV): malformed input is a ParseError
// or an invalid_argument naming the problem, never a crash. An input that reads as both a sizes
// file and a matrix of the same actors is matched and, when small, solved exactly; the basins of
// an exact landscape must cover every configuration.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "entente/io/parse_error.hpp"
#include "entente/landscape/landscape.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The input is split at the first line that is exactly "--": sizes before, matrix after.
  const auto cut = text.find("\n--\n");
  const auto sizes_text = cut == std::string_view::npos ? text : text.substr(0, cut + 1);
  const auto matrix_text = cut == std::string_view::npos ? text : text.substr(cut + 4);
  try {
    const auto sizes = entente::landscape::read_sizes("sizes.csv", sizes_text);
    const auto matrix = entente::landscape::read_propensities("matrix.csv", matrix_text, 3);
    const auto matched = entente::landscape::match(sizes, matrix, "sizes.csv", "matrix.csv", size % 2 == 0);
    if (matched.instance.n() > 12) return 0;
    entente::landscape::ExactOptions options;
    options.threads = 1;
    const auto result = entente::landscape::exact(matched.instance, options);
    std::uint64_t covered = 0;
    for (const auto& m : result.minima) covered += m.basin;
    if (covered != result.configurations) __builtin_trap();
  } catch (const entente::io::ParseError&) {
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
