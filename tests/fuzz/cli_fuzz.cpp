// The command line itself: any argument vector is a usage error (exit 2), a refusal (exit 1) or
// an answer (exit 0), never a crash, an uncaught exception or undefined behaviour. Runs the real
// `main` of apps/entente (compiled in here under another name) against the bundled world.
//
// An input is the arguments, one per line. To keep every run short and the disk untouched:
// - a fresh temporary folder holds a few small input files the arguments can name (an argument
//   that is one of their names is given as its path there; the working folder stays libFuzzer's);
// - verbs that write (import, report, export-world) or never return (serve, which has its own
//   fuzz target, serve_fuzz.cpp) and options that name a store or an output
//   (--db, --out, --into, --rejects) are left out, and so is any argument with a '/' (a path
//   outside the folder, such as /dev/zero, could be endless);
// - options that set the amount of work (--members, --runs, --starts, --restarts, --time-limit,
//   --threads, --method, --from, --to, --window, --rounds) are left out, and small fixed ones are
//   added; `bargain --edges` writes a file, so it is left out there (balance --edges reads one).
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

int entente_cli_main(int argc, char** argv);  // apps/entente/main.cpp, renamed for this target

namespace {

constexpr std::size_t kMaxArguments = 16;
constexpr std::size_t kMaxArgumentBytes = 200;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool left_out(std::string_view arg) {
  if (arg.find('/') != std::string_view::npos) return true;
  for (std::string_view option : {"--db", "--out", "--into", "--rejects", "--members", "--runs", "--starts",
                                  "--restarts", "--time-limit", "--threads", "--method", "--from", "--to", "--window", "--rounds"})
    if (starts_with(arg, option)) return true;
  return false;
}

// Bounds added after the fuzzed arguments, by verb.
const std::map<std::string, std::vector<std::string>>& bounds() {
  static const std::map<std::string, std::vector<std::string>> b = {
      {"balance", {"--time-limit", "1"}},
      {"blocs", {"--from", "2010", "--to", "2012", "--time-limit", "1", "--restarts", "2"}},
      {"landscape", {"--method", "heuristic", "--starts", "8"}},
      {"scenario", {"--members", "2", "--runs", "1", "--threads", "1"}},
      {"dyads", {"--from", "2011", "--to", "2012"}},
      {"bargain", {"--rounds", "20"}},
  };
  return b;
}

// Swallows the CLI's messages (a growing string would not do: the fuzzer runs millions of inputs).
class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

std::filesystem::path g_folder;  // the temporary folder of input files

void write(const std::string& name, const std::string& text) {
  std::ofstream(g_folder / name, std::ios::binary) << text;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // A private working folder with small files the arguments may name.
  std::string folder = (std::filesystem::temp_directory_path() / "entente-cli-fuzz-XXXXXX").string();
  if (!mkdtemp(folder.data())) std::abort();
  g_folder = folder;
  std::atexit([] {
    std::error_code ignored;
    std::filesystem::remove_all(g_folder, ignored);
  });
  write("s.toml", "[base]\nyear = 2012\nfocus = \"RUS\"\n[[shock]]\nkind = \"alliance\"\na = \"RUS\"\nb = \"CHN\"\n");
  write("p.toml", "name = \"fuzz\"\n");
  write("sizes.csv", "name,size\nA,1\nB,2\nC,3\n");
  write("m.csv", ",A,B,C\nA,,4,2\nB,4,,2\nC,2,2,\n");
  write("edges.tsv", "A\tB\t1\nB\tC\t-1\nA\tC\t-1\n");
  write("issue.csv", "name,capability,position,salience\nA,10,0,0.5\nB,20,50,0.8\nC,5,100,0.3\n");
  // The answers are not looked at: stdout to /dev/null, and the CLI's messages (std::cerr) too,
  // while libFuzzer's own reports still reach stderr.
  const int null = open("/dev/null", O_WRONLY);
  if (null < 0 || dup2(null, STDOUT_FILENO) < 0) std::abort();
  static NullBuffer sink;
  std::cerr.rdbuf(&sink);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args = {"entente"};
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty() && args.size() <= kMaxArguments) {
    const auto end = rest.find('\n');
    const auto arg = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (arg.size() > kMaxArgumentBytes || arg.find('\0') != std::string_view::npos) return 0;
    if (args.size() == 1 && (arg == "import" || arg == "report" || arg == "export-world" || arg == "serve")) return 0;
    if (left_out(arg)) continue;
    if (args.size() > 1 && args[1] == "bargain" && starts_with(arg, "--edges")) continue;
    const auto input = g_folder / std::string(arg);
    args.push_back(!arg.empty() && std::filesystem::is_regular_file(input) ? input.string() : std::string(arg));
  }
  if (args.size() > 1)
    if (const auto it = bounds().find(args[1]); it != bounds().end()) args.insert(args.end(), it->second.begin(), it->second.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int code = entente_cli_main(static_cast<int>(args.size()), argv.data());
  if (code != 0 && code != 1 && code != 2) __builtin_trap();
  return 0;
}
