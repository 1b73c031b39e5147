#include "entente/io/toml_file.hpp"

#include "entente/io/parse_error.hpp"

namespace entente::io {

toml::table parse_toml(std::string_view text, const std::string& file_name) {
  try {
    return toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    throw ParseError({file_name, at.line, at.column}, "", std::string(e.description()));
  }
}

}  // namespace entente::io
