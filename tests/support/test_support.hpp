#pragma once
// Helpers shared by the tests: where the reference data is, temporary files, running the CLI.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace entente::testing {

// ../shared/data beside the repository, or $ENTENTE_SHARED_DATA. Empty when absent.
inline std::filesystem::path shared_data() {
  if (const char* env = std::getenv("ENTENTE_SHARED_DATA")) return env;
  const std::filesystem::path p = ENTENTE_TEST_SHARED_DATA;
  return std::filesystem::exists(p) ? p : std::filesystem::path();
}

inline std::filesystem::path reference_dir() {
  const std::filesystem::path p = ENTENTE_TEST_SHARED_REFERENCE;
  return std::filesystem::exists(p) ? p : std::filesystem::path();
}

// Skips the test, loudly, when the reference datasets are not beside the repository.
#define ENTENTE_REQUIRE_SHARED_DATA()                                                            \
  do {                                                                                           \
    if (::entente::testing::shared_data().empty())                                               \
      GTEST_SKIP() << "SKIPPED: reference data ../shared/data is absent (set ENTENTE_SHARED_DATA)"; \
  } while (0)

// A fresh directory removed at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  std::filesystem::path write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the entente binary with the given arguments (shell-quoted here).
RunResult run_cli(const std::vector<std::string>& args);

std::string file_sha256(const std::filesystem::path& p);

// The lines of a text, without their line ends.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Characters on a terminal: UTF-8 code points (continuation bytes are not counted).
inline std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace entente::testing
