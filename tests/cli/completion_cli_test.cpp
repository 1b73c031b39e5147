// Shell completion, the man page and the help topics, generated from the real command tree: every
// verb `entente --help` lists is in each of them, and the build wrote the same files it installs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using entente::testing::run_cli;
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The verbs as CLI11's own help lists them (the lines under "Subcommands:").
std::vector<std::string> verbs_from_help() {
  const auto help = run_cli({"--help"}).out;
  std::istringstream in(help);
  std::vector<std::string> verbs;
  bool listing = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("Subcommands:", 0) == 0 || line.rfind("SUBCOMMANDS:", 0) == 0) {
      listing = true;
      continue;
    }
    if (!listing || line.size() < 3 || line[0] != ' ') continue;
    std::istringstream words(line);
    std::string verb;
    words >> verb;
    verbs.push_back(verb);
  }
  return verbs;
}

// The long options `entente VERB --help` lists.
std::vector<std::string> options_from_help(const std::string& verb) {
  const auto help = run_cli({verb, "--help"}).out;
  std::vector<std::string> out;
  for (std::size_t at = help.find("--"); at != std::string::npos; at = help.find("--", at + 2)) {
    if (at > 0 && help[at - 1] != ' ' && help[at - 1] != ',') continue;
    const auto end = help.find_first_of(" ,\n", at);
    const auto name = help.substr(at, end - at);
    if (name.size() > 2 && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

TEST(CompletionCli, EveryVerbAndOptionOfTheCommandTree) {
  const auto verbs = verbs_from_help();
  ASSERT_GE(verbs.size(), 20u);
  for (const char* expected : {"report", "dyads", "completion", "help"})
    EXPECT_NE(std::find(verbs.begin(), verbs.end(), expected), verbs.end()) << expected;
  const auto bash = run_cli({"completion", "bash"});
  const auto zsh = run_cli({"completion", "zsh"});
  const auto man = run_cli({"man"});
  ASSERT_EQ(bash.exit_code, 0) << bash.err;
  ASSERT_EQ(zsh.exit_code, 0) << zsh.err;
  ASSERT_EQ(man.exit_code, 0) << man.err;
  // The words bash offers first: the first `compgen -W "…"` list.
  const auto list_at = bash.out.find("compgen -W \"") + std::string("compgen -W \"").size();
  std::istringstream first_words(bash.out.substr(list_at, bash.out.find('"', list_at) - list_at));
  std::vector<std::string> offered;
  for (std::string w; first_words >> w;) offered.push_back(w);
  for (const auto& verb : verbs) {
    EXPECT_NE(std::find(offered.begin(), offered.end(), verb), offered.end()) << verb;
    EXPECT_NE(bash.out.find("\n    " + verb + ")\n"), std::string::npos) << verb;
    EXPECT_NE(zsh.out.find("\n    '" + verb + ":"), std::string::npos) << verb;
    EXPECT_NE(zsh.out.find("\n    " + verb + ")\n"), std::string::npos) << verb;
    std::string in_roff;  // roff writes a hyphen as \-
    for (char c : verb) in_roff += c == '-' ? std::string("\\-") : std::string(1, c);
    EXPECT_NE(man.out.find(".SS \"entente " + in_roff + " "), std::string::npos) << verb;
  }
  // Every option of a verb, in that verb's case of the bash script.
  for (const char* verb : {"report", "dyads"}) {
    const auto start = bash.out.find(std::string("\n    ") + verb + ")\n");
    ASSERT_NE(start, std::string::npos);
    const auto block = bash.out.substr(start, bash.out.find("\n      ;;", start) - start);
    for (const auto& option : options_from_help(verb)) EXPECT_NE(block.find(option), std::string::npos) << verb << " " << option;
  }
  EXPECT_NE(zsh.out.find("'--format[output - table, csv or json]:value:(table csv json)'"), std::string::npos);
  EXPECT_EQ(run_cli({"completion", "fish"}).exit_code, 2);
}

TEST(CompletionCli, TheBashScriptParsesAndTheBuildWroteTheSameFiles) {
  entente::testing::TempDir dir;
  const auto script = dir.write("entente.bash", run_cli({"completion", "bash"}).out);
  EXPECT_EQ(std::system(("bash -n '" + script.string() + "'").c_str()), 0);
  // The build writes them beside the program (share/), and installs those.
  const fs::path share = fs::path(ENTENTE_TEST_CLI).parent_path() / "share";
  EXPECT_EQ(slurp(share / "entente.bash"), run_cli({"completion", "bash"}).out);
  EXPECT_EQ(slurp(share / "_entente"), run_cli({"completion", "zsh"}).out);
  EXPECT_EQ(slurp(share / "entente.1"), run_cli({"man"}).out);
}

TEST(CompletionCli, HelpTopicsPointToTheModelsDocs) {
  const auto index = run_cli({"help"});
  ASSERT_EQ(index.exit_code, 0) << index.err;
  for (const char* topic : {"stance", "triangle", "balance", "landscape", "scenarios"}) {
    EXPECT_NE(index.out.find(std::string("  ") + topic + " "), std::string::npos) << topic;
    const auto r = run_cli({"help", topic});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto at = r.out.find("The model in full: ");
    ASSERT_NE(at, std::string::npos) << r.out;
    const auto start = at + std::string("The model in full: ").size();
    const auto doc = r.out.substr(start, r.out.find_first_of(" \n", start) - start);
    EXPECT_TRUE(fs::is_regular_file(fs::path(ENTENTE_TEST_SOURCE_DIR) / doc)) << doc;
  }
  EXPECT_NE(run_cli({"help", "stance"}).out.find("docs/models/stance.md"), std::string::npos);
  const auto unknown = run_cli({"help", "astrology"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no help topic \"astrology\""), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("landscape"), std::string::npos) << unknown.err;
}

}  // namespace
