#pragma once
// Files generated from the command definitions themselves (the CLI11 app tree), so they cannot
// fall behind a new verb or option: bash and zsh completion scripts and the man page. The build
// writes them with `entente completion bash|zsh` and `entente man` and installs them.
#include <CLI/CLI.hpp>

#include <string>

namespace entente::cli {

std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);
// roff for man(1); `version` goes in the page's header.
std::string man_page(const CLI::App& app, const std::string& version);

}  // namespace entente::cli
