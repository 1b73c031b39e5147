#pragma once
// The row scanners, one per format: whole lines of a block → events for a Tally, or row errors.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tally.hpp"

namespace entente::events::detail {

struct FileContext {
  std::string name;  // as given, for messages
  Format format = Format::gdelt1;
  // ICEWS: the positions of the columns used, in the order of kIcewsColumns, and the header's width.
  std::vector<std::size_t> columns;
  std::size_t fields = 0;
  const AggregateOptions* options = nullptr;
};

// Reads the header of a KEDS or ICEWS file (GDELT has none); throws io::ParseError at line 1.
FileContext file_context(std::string name, Format format, std::string_view first_line, const AggregateOptions& options);
// True when the format's first line is a header, not data.
bool has_header(Format format) noexcept;

struct RowError {
  std::size_t line_in_block = 0;  // 0-based
  std::size_t column = 0;         // 1-based
  std::string value, expected;
};

struct BlockReport {
  std::size_t lines = 0;
  std::vector<RowError> errors;  // the first error only, unless bad rows are skipped (then up to 20)
};

// Scans the whole lines in [begin, end): end[-1] is '\n', and 64 bytes after end can be read.
void scan_block(const FileContext& file, const char* begin, const char* end, Tally& tally, BlockReport& report);

}  // namespace entente::events::detail
