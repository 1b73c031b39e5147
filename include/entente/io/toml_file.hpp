#pragma once
// TOML documents (stance profiles, scenarios): a syntax error becomes a ParseError naming
// file:line:column, like every other reader's.
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace entente::io {

toml::table parse_toml(std::string_view text, const std::string& file_name);

}  // namespace entente::io
