// The bargaining readers (CSV and TOML): malformed input is a ParseError or an invalid_argument
// naming the problem, never a crash. An input that reads as an issue of a few actors is run for a
// few rounds, and every position must stay within the starting range (every move is toward
// another actor's position), every risk exponent within [0.5, 2].
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "entente/bargain/bargain.hpp"
#include "entente/io/parse_error.hpp"

namespace {

void run_briefly(const entente::bargain::Issue& issue) {
  if (issue.actors.size() > 12) return;
  double lo = issue.actors.front().position, hi = lo;
  for (const auto& a : issue.actors) {
    lo = a.position < lo ? a.position : lo;
    hi = a.position > hi ? a.position : hi;
  }
  entente::bargain::Options options;
  options.max_rounds = 20;
  for (const auto& name : entente::bargain::variant_names()) {
    const auto result = entente::bargain::run(issue, entente::bargain::variant_by_name(name), options);
    for (double x : result.forecast.positions)
      if (!(x >= lo && x <= hi)) __builtin_trap();
    for (const auto& round : result.rounds)
      for (const auto& a : round.actors)
        if (!(a.risk_exponent >= 0.5 - 1e-12 && a.risk_exponent <= 2 + 1e-12)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"issue.csv", "issue.toml"}) {
    try {
      run_briefly(entente::bargain::read_issue(name, text));
    } catch (const entente::io::ParseError&) {
    } catch (const std::invalid_argument&) {
    }
  }
  return 0;
}
