#include "entente/io/parse_error.hpp"

#include <fmt/format.h>

namespace entente::io {
namespace {

std::string describe(const SourceLocation& where, const std::string& value,
                     const std::string& expected) {
  std::string place = where.file;
  if (where.line > 0) place += fmt::format(":{}", where.line);
  if (where.column > 0) place += fmt::format(":{}", where.column);
  // Long values (a whole garbled line) are cut so the message stays readable.
  std::string shown = value.size() > 60 ? value.substr(0, 57) + "..." : value;
  return fmt::format("{}: found \"{}\", expected {}", place, shown, expected);
}

}  // namespace

ParseError::ParseError(SourceLocation where, std::string value, std::string expected)
    : std::runtime_error(describe(where, value, expected)),
      where_(std::move(where)),
      value_(std::move(value)),
      expected_(std::move(expected)) {}

}  // namespace entente::io
