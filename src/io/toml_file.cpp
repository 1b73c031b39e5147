#include "entente/io/toml_file.hpp"

#include "entente/io/parse_error.hpp"

namespace entente::io {
namespace {

// The text of line `line` (1-based), without its line ending: what the user wrote there.
std::string_view line_text(std::string_view text, std::size_t line) {
  for (std::size_t n = 1; n < line; ++n) {
    const auto end = text.find('\n');
    if (end == std::string_view::npos) return {};
    text.remove_prefix(end + 1);
  }
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

}  // namespace

toml::table parse_toml(std::string_view text, const std::string& file_name) {
  try {
    return toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    // toml++ says "Error while parsing key-value pair: expected ..."; in entente's words the line
    // is what was found and valid TOML what was expected.
    const auto& at = e.source().begin;
    std::string says(e.description());
    constexpr std::string_view kPrefix = "Error while parsing ";
    if (says.rfind(kPrefix, 0) == 0) says = "in a " + says.substr(kPrefix.size());
    throw ParseError({file_name, at.line, at.column}, std::string(line_text(text, at.line)),
                     "valid TOML (" + says + ")");
  }
}

}  // namespace entente::io
