// The stance profile reader: malformed TOML and bad values are a ParseError naming
// file:line:column, never a crash or another exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entente/io/parse_error.hpp"
#include "entente/stance/stance.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)entente::stance::parse_profile(text, "fuzz.toml");
  } catch (const entente::io::ParseError&) {
  }
  return 0;
}
