// The CSV reader must either read a record or throw ParseError: never crash, hang or overrun.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entente/io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    entente::io::CsvCursor cursor("fuzz.csv", text);
    entente::io::CsvRecord record;
    while (cursor.next(record)) {
      for (const auto& f : record.fields)
        if (f.column == 0) __builtin_trap();  // every field knows where it starts
    }
  } catch (const entente::io::ParseError&) {
  }
  try {
    entente::io::CsvTable table("fuzz.csv", text);
    while (table.next()) {
      for (std::size_t c = 0; c < table.header().size(); ++c) {
        try {
          (void)table.optional_number(c, {-9});
        } catch (const entente::io::ParseError&) {
        }
      }
    }
  } catch (const entente::io::ParseError&) {
  }
  return 0;
}
