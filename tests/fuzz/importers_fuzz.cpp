// Every provider reader, fed arbitrary text: a batch or a ParseError, nothing else. The first
// byte chooses the format (an index into io::readers()), so one corpus exercises them all; a
// reader added to the list shifts those after it, and the seeds' first bytes with them (the test
// ImporterFuzzSeeds checks that each seed still picks the reader of its text).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "entente/io/importers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const auto readers = entente::io::readers();
  const auto& reader = readers[data[0] % readers.size()];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const auto batch = entente::io::parse_with(reader.name, "fuzz.csv", text);
    for (const auto& r : batch.alliances)
      if (r.from == r.to) __builtin_trap();  // a state never allies with itself
  } catch (const entente::io::ParseError&) {
  }
  try {
    (void)entente::io::detect_reader("fuzz.csv", text);
  } catch (const entente::io::ParseError&) {
  }
  return 0;
}
