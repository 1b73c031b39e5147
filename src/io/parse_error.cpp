#include "entente/io/parse_error.hpp"
#include "entente/io/first_lines.hpp"

#include <fmt/format.h>

namespace entente::io {
namespace {

std::string describe(const SourceLocation& where, const std::string& value,
                     const std::string& expected) {
  std::string place = where.file;
  if (where.line > 0) place += fmt::format(":{}", where.line);
  if (where.column > 0) place += fmt::format(":{}", where.column);
  // Long values (a whole garbled line) are cut so the message stays readable.
  const std::string cut = value.size() > 60 ? value.substr(0, 57) + "..." : value;
  // The value comes from the file: a control byte would act on the user's terminal, and a NUL
  // would end what() there, so they are shown as \xNN.
  std::string shown;
  for (const char c : cut) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) shown += fmt::format("\\x{:02X}", byte);
    else shown += c;
  }
  return fmt::format("{}: found \"{}\", expected {}", place, shown, expected);
}

}  // namespace

ParseError::ParseError(SourceLocation where, std::string value, std::string expected)
    : std::runtime_error(describe(where, value, expected)),
      where_(std::move(where)),
      value_(std::move(value)),
      expected_(std::move(expected)) {}

}  // namespace entente::io

namespace entente::io {

std::string key_not_used_before(std::string_view columns, std::size_t earlier_line) {
  return fmt::format("a ({}) not already used on line {}", columns, earlier_line);
}

}  // namespace entente::io
