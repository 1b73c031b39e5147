#pragma once
// A reader's error names where the bad input is and what it should have been, so a user can open
// the file at that spot and fix it.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace entente::io {

struct SourceLocation {
  std::string file;
  std::size_t line = 0;    // 1-based; 0 when the error concerns the whole file
  std::size_t column = 0;  // 1-based character column of the field; 0 when unknown
};

class ParseError : public std::runtime_error {
 public:
  ParseError(SourceLocation where, std::string value, std::string expected);

  const SourceLocation& where() const noexcept { return where_; }
  const std::string& value() const noexcept { return value_; }
  const std::string& expected() const noexcept { return expected_; }

 private:
  SourceLocation where_;
  std::string value_;
  std::string expected_;
};

}  // namespace entente::io
