// Terminal tables end to end: --digits, the width of $COLUMNS or of the terminal (a pseudo-terminal
// here, so isatty and the window-size ioctl are real), and colour only on a terminal without NO_COLOR.
#include <gtest/gtest.h>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "entente/core/json.hpp"
#include "test_support.hpp"

namespace {

using entente::Json;
using entente::testing::code_points;
using entente::testing::lines_of;
using entente::testing::run_cli;

using Environment = std::vector<std::pair<std::string, std::string>>;

// Runs the CLI on a pseudo-terminal `columns` wide, with COLUMNS and NO_COLOR unset unless `env`
// sets them; its output with the terminal's "\r\n" back to "\n".
std::string run_on_terminal(const std::vector<std::string>& args, unsigned short columns, const Environment& env = {}) {
  struct winsize size {};
  size.ws_col = columns;
  size.ws_row = 50;
  int terminal = -1;
  const pid_t pid = forkpty(&terminal, nullptr, nullptr, &size);
  if (pid < 0) return "forkpty failed";
  if (pid == 0) {
    unsetenv("COLUMNS");
    unsetenv("NO_COLOR");
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> argv = {const_cast<char*>(ENTENTE_TEST_CLI)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(ENTENTE_TEST_CLI, argv.data());
    _exit(127);
  }
  std::string out;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(terminal, buffer, sizeof buffer);
    if (n > 0) out.append(buffer, static_cast<std::size_t>(n));
    else if (n < 0 && errno == EINTR) continue;
    else break;  // EIO once the program has exited
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(terminal);
  std::erase(out, '\r');
  return out;
}

// The cells of a terminal table's column, by header name (cells are separated by runs of spaces).
std::vector<std::string> column(const std::string& table, const std::string& name) {
  const auto lines = lines_of(table);
  auto split = [](const std::string& line) {
    std::vector<std::string> cells;
    std::istringstream in(line);
    for (std::string cell; in >> cell;) cells.push_back(cell);
    return cells;
  };
  const auto header = split(lines.at(0));
  std::size_t index = header.size();
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) index = i;
  std::vector<std::string> out;
  if (index == header.size()) return out;
  for (std::size_t l = 2; l < lines.size(); ++l) {
    const auto cells = split(lines[l]);
    if (cells.size() == header.size()) out.push_back(cells[index]);
  }
  return out;
}

std::size_t significant_digits(std::string text) {
  std::erase(text, '-');
  std::erase(text, '.');
  const auto first = text.find_first_not_of('0');
  return first == std::string::npos ? 0 : text.size() - first;
}

class TerminalCli : public ::testing::Test {
 protected:
  void SetUp() override {
    unsetenv("COLUMNS");  // run_cli's children inherit the test's environment
    unsetenv("NO_COLOR");
  }
};

TEST_F(TerminalCli, DigitsRoundTheTableAndCsvKeepsFullPrecision) {
  const auto json = Json::parse(run_cli({"balancer", "--year", "2012", "--top", "5", "--format", "json"}).out);
  setenv("COLUMNS", "300", 1);
  const auto table = run_cli({"balancer", "--year", "2012", "--top", "5", "--digits", "3"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  const auto cells = column(table.out, "weighted_pivot");
  ASSERT_EQ(cells.size(), 5u) << table.out;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    const double v = json.at("rows").at(r).at("weighted_pivot").get<double>();
    EXPECT_LE(significant_digits(cells[r]), 3u) << cells[r];
    const double unit = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 2);
    EXPECT_LE(std::fabs(std::stod(cells[r]) - v), unit / 2 * (1 + 1e-9)) << cells[r] << " for " << v;
  }
  // More digits, longer text; CSV keeps every digit.
  const auto six = column(run_cli({"balancer", "--year", "2012", "--top", "5", "--digits", "6"}).out, "weighted_pivot");
  ASSERT_EQ(six.size(), 5u);
  EXPECT_GT(six[0].size(), cells[0].size());
  const auto csv = lines_of(run_cli({"balancer", "--year", "2012", "--top", "1", "--format", "csv"}).out);
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_NE(csv[1].find(Json(json.at("rows").at(0).at("weighted_pivot")).dump()), std::string::npos) << csv[1];
  EXPECT_EQ(run_cli({"balancer", "--year", "2012", "--digits", "0"}).exit_code, 2);  // 1 to 17
}

TEST_F(TerminalCli, FitsColumnsOrTheTerminalAndSaysHowToSeeAll) {
  // The wide dyad-year table: the key columns first, a note on how to get the rest.
  setenv("COLUMNS", "70", 1);
  const auto dyads = run_cli({"dyads", "--from", "2012", "--to", "2012", "--actors", "USA,RUS,CHN", "--with",
                              "alliances,capabilities,rivalries,disputes,votes,trade,igos"});
  ASSERT_EQ(dyads.exit_code, 0) << dyads.err;
  auto lines = lines_of(dyads.out);
  ASSERT_GE(lines.size(), 6u);
  EXPECT_EQ(lines[0].rfind("ccode1  ccode2  year", 0), 0u) << lines[0];
  for (std::size_t l = 0; l + 1 < lines.size(); ++l) EXPECT_LE(code_points(lines[l]), 70u) << lines[l];
  EXPECT_NE(lines.back().find("columns shown"), std::string::npos) << lines.back();
  EXPECT_NE(lines.back().find("--format csv"), std::string::npos) << lines.back();
  // A table written to a file (--out) keeps every column whatever the terminal.
  entente::testing::TempDir dir;
  const auto file = dir.path() / "dyads.txt";
  ASSERT_EQ(run_cli({"dyads", "--from", "2012", "--to", "2012", "--actors", "USA,RUS,CHN", "--with",
                     "alliances,capabilities,rivalries,disputes,votes,trade,igos", "--out", file.string()})
                .exit_code,
            0);
  std::ifstream in(file);
  std::stringstream written;
  written << in.rdbuf();
  const auto file_lines = lines_of(written.str());
  ASSERT_GE(file_lines.size(), 5u);
  EXPECT_EQ(file_lines[0].rfind("ccode1  ccode2  year", 0), 0u) << file_lines[0];
  EXPECT_GT(code_points(file_lines[0]), 70u) << file_lines[0];
  EXPECT_EQ(written.str().find("columns shown"), std::string::npos);
  // The terminal's own width when COLUMNS is unset; COLUMNS wins over it.
  unsetenv("COLUMNS");
  const auto narrow = lines_of(run_on_terminal({"balancer", "--year", "2012", "--top", "3"}, 50));
  ASSERT_GE(narrow.size(), 5u);
  for (std::size_t l = 0; l + 1 < narrow.size(); ++l) EXPECT_LE(code_points(narrow[l]), 50u) << narrow[l];
  EXPECT_NE(narrow.back().find("to fit 50 characters"), std::string::npos) << narrow.back();
  const auto wide = run_on_terminal({"balancer", "--year", "2012", "--top", "3"}, 50, {{"COLUMNS", "300"}});
  EXPECT_NE(lines_of(wide).at(0).find("cinc"), std::string::npos) << wide;
  EXPECT_EQ(wide.find("columns shown"), std::string::npos) << wide;
  // Not a terminal and no COLUMNS: 80 characters.
  for (const auto& line : lines_of(run_cli({"balancer", "--year", "2012", "--top", "3"}).out))
    if (line.front() != '(') {
      EXPECT_LE(code_points(line), 80u) << line;
    }
}

TEST_F(TerminalCli, ColourOnATerminalUnlessNoColor) {
  const std::vector<std::string> args = {"relations", "--year", "2012", "--actors", "USA,RUS,CHN"};
  const auto coloured = run_on_terminal(args, 200);
  EXPECT_NE(coloured.find("\x1b[33mrival\x1b[0m"), std::string::npos) << coloured;
  EXPECT_NE(coloured.find("\x1b[32mentente\x1b[0m"), std::string::npos) << coloured;
  const auto no_color = run_on_terminal(args, 200, {{"NO_COLOR", "1"}});
  EXPECT_EQ(no_color.find('\x1b'), std::string::npos) << no_color;
  EXPECT_NE(no_color.find("rival"), std::string::npos) << no_color;
  const auto piped = run_cli(args);
  EXPECT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out.find('\x1b'), std::string::npos) << piped.out;
  EXPECT_NE(piped.out.find("rival"), std::string::npos) << piped.out;
}

}  // namespace
