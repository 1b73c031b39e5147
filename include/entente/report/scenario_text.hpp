#pragma once
// A scenario's result (query::scenario) for people at a terminal.
#include <string>

#include "entente/core/json.hpp"
#include "entente/report/terminal_table.hpp"

namespace entente::report {

// What changed for the focus, then every change, most important first, then the dynamics' and
// the ensemble's headlines; numbers rounded as `style` says.
std::string scenario_text(const Json& result, const TerminalStyle& style);

}  // namespace entente::report
