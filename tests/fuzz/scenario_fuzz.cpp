// The scenario reader: malformed input is a ParseError naming file:line, never a crash, and
// whatever it accepts is complete: a focus, well-formed triangles, and every shock carrying the
// keys its kind needs (describe() reads them all without checking).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "entente/io/parse_error.hpp"
#include "entente/scenario/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto s = entente::scenario::parse_scenario(text, "fuzz.toml");
    if (s.focus.empty() || s.name.empty()) __builtin_trap();
    for (const auto& t : s.triangles)
      if (t[0] == t[1] || t[0] == t[2] || t[1] == t[2]) __builtin_trap();
    for (const auto& shock : s.shocks) {
      if (shock.a.empty() || shock.line == 0) __builtin_trap();
      if (entente::scenario::describe(shock).empty()) __builtin_trap();
    }
  } catch (const entente::io::ParseError&) {
  }
  return 0;
}
