#pragma once
// Tables for people at a terminal, drawn from the same JSON rows as CSV and JSON (which keep full
// precision): numbers rounded to a few significant digits, one spelling for a missing value, the
// columns fitted to the terminal's width (the leading, key columns kept, with a note naming how
// to see the rest), and relation types in colour on a terminal.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "entente/core/json.hpp"
#include "entente/report/output.hpp"

namespace entente::report {

// How every terminal table spells a missing value (core/json.hpp).
inline constexpr std::string_view kMissing = kMissingText;
inline constexpr int kDefaultDigits = 4;
// The width of a table that is not going to a terminal (a pipe, a file) when COLUMNS is unset.
inline constexpr std::size_t kDefaultWidth = 80;

struct TerminalStyle {
  int digits = kDefaultDigits;  // significant digits of a number that is not whole
  std::size_t width = 0;        // the line's width in characters; 0: no limit
  bool colour = false;          // relation types in colour (ANSI)
};

// The style of standard output: `digits` (default kDefaultDigits); the width from $COLUMNS, else
// the terminal's (ioctl), else kDefaultWidth; colour only when standard output is a terminal and
// $NO_COLOR is unset or empty (https://no-color.org).
TerminalStyle terminal_style(std::optional<int> digits = std::nullopt);
// A table written to a file (--out): rounded the same way, every column, no colour.
TerminalStyle file_style(std::optional<int> digits = std::nullopt);

// A number for people: whole numbers as integers, others to `digits` significant digits without
// trailing zeros and without an exponent for ordinary magnitudes (123456.7 → "123457",
// 0.018661813876764254 → "0.01866"); kMissing for NaN.
std::string rounded(double value, int digits);

// An array of JSON objects as a table (flattened as flatten() does), numbers rounded, null as kMissing.
std::string terminal_table(const Json& rows, const TerminalStyle& style);
// A table whose cells are already text; fitted and coloured.
std::string terminal_table(Flat flat, const TerminalStyle& style);

}  // namespace entente::report
