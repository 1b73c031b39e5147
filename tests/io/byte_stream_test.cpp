#include "entente/io/byte_stream.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using entente::io::ByteStream;
using entente::io::read_whole_file_gunzipped;

const entente::testing::TempDir& temp() {
  static const entente::testing::TempDir dir;
  return dir;
}
fs::path temp_file(const std::string& name) { return temp() / name; }

// gzip of `text` as one member, written with zlib's own gzip writer (not the code under test).
std::string gzip_of(const std::string& text) {
  const fs::path path = temp_file("member.gz");
  gzFile out = gzopen(path.c_str(), "wb");
  gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
  gzclose(out);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(path);
  return bytes;
}

fs::path write(const std::string& name, const std::string& bytes) {
  const fs::path path = temp_file(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string pseudo_random_text(std::size_t n) {
  std::mt19937 random(7);
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += static_cast<char>('a' + random() % 26);
  return text;
}

TEST(ByteStream, PlainFileIsReadAsItIs) {
  const std::string text = pseudo_random_text(3'000'000);
  const fs::path path = write("plain.txt", text);
  ByteStream stream(path);
  EXPECT_FALSE(stream.gzip());
  std::string got;
  char block[4096];
  for (std::size_t n; (n = stream.read(block, sizeof block)) > 0;) got.append(block, n);
  EXPECT_EQ(got, text);
  EXPECT_EQ(stream.file_bytes_read(), text.size());
  fs::remove(path);
}

TEST(ByteStream, GzipIsDetectedByItsBytesAndEveryMemberIsRead) {
  const std::string first = pseudo_random_text(2'500'000);
  const std::string second = "second member\n";
  // No .gz in the name: the magic bytes decide.
  const fs::path path = write("two-members.dat", gzip_of(first) + gzip_of(second));
  ByteStream stream(path);
  EXPECT_TRUE(stream.gzip());
  EXPECT_EQ(read_whole_file_gunzipped(path), first + second);
  fs::remove(path);
}

TEST(ByteStream, GzipCutShortIsAnErrorNamingTheFile) {
  const std::string whole = gzip_of(pseudo_random_text(100'000));
  const fs::path path = write("cut.gz", whole.substr(0, whole.size() / 2));
  try {
    read_whole_file_gunzipped(path);
    FAIL() << "a truncated gzip file was read without an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  }
  fs::remove(path);
}

TEST(ByteStream, MissingFileIsAnErrorNamingIt) {
  EXPECT_THROW(ByteStream(temp_file("absent")), std::runtime_error);
}

}  // namespace
