#include "shell_files.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cctype>
#include <vector>

namespace entente::cli {

namespace {

// The program's name: the app's own is argv[0] once parsed, a path.
constexpr const char* kProgram = "entente";

// One option or positional argument, as the generators need it.
struct Argument {
  std::vector<std::string> names;  // "--format", "-h"; empty for a positional
  std::string value_name;          // a positional's name ("FILE", "A")
  std::string description;
  bool takes_value = false;
  bool many = false;                 // a positional that takes several values
  std::vector<std::string> choices;  // from an IsMember check: "TEXT:{table,csv,json}"
  bool file = false;                 // its value is a path
};

struct Verb {
  std::string name, description;
  std::vector<Argument> options, positionals;
};

// The choices CLI11 writes into an IsMember option's type name, "TEXT:{a,b,c}" (the first set).
std::vector<std::string> choices_of(const std::string& type) {
  const auto open = type.find('{'), close = type.find('}');
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string item;
  for (std::size_t i = open + 1; i <= close; ++i) {
    if (type[i] == ',' || i == close) {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else {
      item += type[i];
    }
  }
  return out;
}

// A path: an ExistingFile/ExistingPath check (type "TEXT:FILE", "TEXT:PATH(existing)"), or an
// option the description calls a file or folder (--db, --out, --rejects).
bool is_path(const std::string& type, const std::string& description) {
  for (const char* word : {"FILE", "PATH", "DIR"})
    if (type.find(word) != std::string::npos) return true;
  for (const char* word : {"file", "folder"})
    if (description.find(word) != std::string::npos) return true;
  return false;
}

std::vector<Verb> verbs_of(const CLI::App& app) {
  std::vector<Verb> verbs;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    Verb v{sub->get_name(), sub->get_description(), {}, {}};
    for (const auto* opt : sub->get_options()) {
      Argument a;
      a.description = opt->get_description();
      a.takes_value = opt->get_type_size_max() > 0 && opt->get_expected_max() > 0;
      const std::string type = opt->get_type_name();
      a.choices = choices_of(type);
      a.file = a.choices.empty() && a.takes_value && is_path(type, a.description);
      if (opt->get_positional()) {
        a.value_name = opt->get_name(true, false);
        a.many = opt->get_expected_max() > 1;
        v.positionals.push_back(std::move(a));
        continue;
      }
      for (const auto& s : opt->get_snames()) a.names.push_back("-" + s);
      for (const auto& l : opt->get_lnames()) a.names.push_back("--" + l);
      v.options.push_back(std::move(a));
    }
    verbs.push_back(std::move(v));
  }
  return verbs;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// ---- bash ----

std::string bash_words(const std::vector<std::string>& words) { return fmt::format("{}", fmt::join(words, " ")); }

}  // namespace

std::string bash_completion(const CLI::App& app) {
  const auto verbs = verbs_of(app);
  std::vector<std::string> names;
  for (const auto& v : verbs) names.push_back(v.name);
  std::string out = fmt::format(
      "# bash completion for {0}, generated from its command definitions by `{0} completion bash`.\n"
      "_{0}() {{\n"
      "  local cur=\"${{COMP_WORDS[COMP_CWORD]}}\" prev=\"${{COMP_WORDS[COMP_CWORD-1]}}\" verb=\"\" i\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case \"${{COMP_WORDS[i]}}\" in -*) ;; *) verb=\"${{COMP_WORDS[i]}}\"; break ;; esac\n"
      "  done\n"
      "  if [[ -z \"$verb\" ]]; then\n"
      "    COMPREPLY=($(compgen -W \"{1} --help --version\" -- \"$cur\"))\n"
      "    return\n"
      "  fi\n"
      "  case \"$verb\" in\n",
      kProgram, bash_words(names));
  for (const auto& v : verbs) {
    out += fmt::format("    {})\n      case \"$prev\" in\n", v.name);
    std::vector<std::string> all;
    for (const auto& o : v.options) {
      all.insert(all.end(), o.names.begin(), o.names.end());
      if (!o.choices.empty())
        out += fmt::format("        {}) COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n",
                           fmt::join(o.names, "|"), bash_words(o.choices));
      else if (o.file)
        out += fmt::format("        {}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", fmt::join(o.names, "|"));
      else if (o.takes_value)
        out += fmt::format("        {}) return ;;\n", fmt::join(o.names, "|"));  // a value to type
    }
    bool file_arguments = false;
    for (const auto& p : v.positionals) file_arguments = file_arguments || p.file;
    out += fmt::format(
        "      esac\n"
        "      if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n"
        "      {}fi\n"
        "      ;;\n",
        bash_words(all), file_arguments ? "else COMPREPLY=($(compgen -f -- \"$cur\"))\n      " : "");
  }
  out += fmt::format("  esac\n}}\ncomplete -F _{0} {0}\n", kProgram);
  return out;
}

// ---- zsh ----

namespace {

// Text inside a single-quoted _arguments spec's [description]: no quotes, brackets or colons.
std::string zsh_text(const std::string& text) {
  std::string out;
  for (char c : first_line(text)) {
    if (c == '\'') out += "'\\''";
    else if (c == '[') out += '(';
    else if (c == ']') out += ')';
    else if (c == ':') out += " -";
    else out += c;
  }
  return out;
}

}  // namespace

std::string zsh_completion(const CLI::App& app) {
  const auto verbs = verbs_of(app);
  std::string out = fmt::format(
      "#compdef {0}\n"
      "# zsh completion for {0}, generated from its command definitions by `{0} completion zsh`.\n"
      "_{0}() {{\n"
      "  local -a verbs\n"
      "  verbs=(\n",
      kProgram);
  for (const auto& v : verbs) out += fmt::format("    '{}:{}'\n", v.name, zsh_text(v.description));
  out +=
      "  )\n"
      "  if (( CURRENT == 2 )); then\n"
      "    _describe -t commands 'command' verbs\n"
      "    return\n"
      "  fi\n"
      "  local verb=${words[2]}\n"
      "  shift words\n"
      "  (( CURRENT-- ))\n"
      "  case $verb in\n";
  for (const auto& v : verbs) {
    out += fmt::format("    {})\n      _arguments -s", v.name);
    for (const auto& o : v.options) {
      std::string action;
      if (!o.choices.empty()) action = fmt::format(":value:({})", fmt::join(o.choices, " "));
      else if (o.file) action = ":file:_files";
      else if (o.takes_value) action = ":value: ";
      // Several names: "(-h --help)"{-h,--help}'[…]', the braces outside the quotes for zsh to expand.
      const std::string spec =
          o.names.size() == 1 ? "'" + o.names.front()
                              : fmt::format("'({})'{{{}}}'", fmt::join(o.names, " "), fmt::join(o.names, ","));
      out += fmt::format(" \\\n        {}[{}]{}'", spec, zsh_text(o.description), action);
    }
    for (const auto& p : v.positionals)
      out += fmt::format(" \\\n        '{}:{}:{}'", p.many ? "*" : "", zsh_text(p.value_name + ": " + p.description),
                         p.file ? "_files" : " ");
    out += "\n      ;;\n";
  }
  out += fmt::format("  esac\n}}\n_{0} \"$@\"\n", kProgram);
  return out;
}

// ---- man ----

namespace {

// roff: backslashes and hyphens escaped, no line starting with a control character.
std::string roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  std::string lines;
  std::size_t start = 0;
  while (start <= out.size()) {
    const auto end = out.find('\n', start);
    std::string line = out.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && (line[0] == '.' || line[0] == '\'')) line = "\\&" + line;
    lines += line;
    if (end == std::string::npos) break;
    lines += "\n";
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  const auto verbs = verbs_of(app);
  const std::string name = kProgram;
  std::string title = name;
  for (auto& c : title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string out = fmt::format(".TH {} 1 \"\" \"{} {}\" \"User Commands\"\n", title, name, version);
  const std::string description = app.get_description();
  const auto colon = description.find(": ");
  out += fmt::format(".SH NAME\n{} \\- {}\n", name, roff(colon == std::string::npos ? description : description.substr(colon + 2)));
  out += fmt::format(".SH SYNOPSIS\n.B {}\n.I COMMAND\n[\\fIOPTIONS\\fR]\n", name);
  out += ".SH DESCRIPTION\n" + roff(description) +
         ".\nEvery query prints a table for people (\\-\\-format table), or CSV or JSON with every digit.\n";
  out += ".SH COMMANDS\n";
  for (const auto& v : verbs) {
    std::string usage = v.name + " [OPTIONS]";
    for (const auto& p : v.positionals) usage += " " + p.value_name + (p.many ? "..." : "");
    out += fmt::format(".SS \"{} {}\"\n{}\n", name, roff(usage), roff(first_line(v.description)));
    for (const auto& o : v.options) {
      out += fmt::format(".TP\n.B {}{}\n{}\n", roff(fmt::format("{}", fmt::join(o.names, ", "))),
                         o.takes_value ? " \\fIVALUE\\fR" : "", roff(first_line(o.description)));
      if (!o.choices.empty())
        out += fmt::format(".br\nOne of: {}.\n", roff(fmt::format("{}", fmt::join(o.choices, ", "))));
    }
  }
  out += fmt::format(
      ".SH ENVIRONMENT\n"
      ".TP\n.B ENTENTE_DB\nthe store, when \\-\\-db is not given\n"
      ".TP\n.B COLUMNS\nthe width tables are fitted to (else the terminal's, else 80)\n"
      ".TP\n.B NO_COLOR\nwhen set and not empty, tables print no colour\n"
      ".SH EXIT STATUS\n0 success, 1 bad input or any error, 2 bad usage.\n"
      ".SH \"SEE ALSO\"\n\\fB{0} help\\fR TOPIC for the models (stance, triangle, balance, landscape, scenarios);\n"
      "\\fB{0} COMMAND \\-\\-help\\fR for a command.\n",
      name);
  return out;
}

}  // namespace entente::cli
