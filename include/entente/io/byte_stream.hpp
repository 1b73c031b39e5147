#pragma once
// Reading a file in blocks, gzip or plain, so files larger than memory stream through in bounded
// memory. Whether a file is gzip is decided by its first two bytes (1f 8b), not by its name.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace entente::io {

class ByteStream {
 public:
  // Throws std::runtime_error naming the file when it cannot be opened.
  explicit ByteStream(const std::filesystem::path& path);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Up to `capacity` bytes into `buffer`; 0 at the end. Throws std::runtime_error naming the file
  // on a read error or a damaged gzip stream (including one cut short).
  std::size_t read(char* buffer, std::size_t capacity);
  bool gzip() const noexcept;
  // Bytes read from the file itself so far (compressed bytes for gzip): for progress lines.
  std::size_t file_bytes_read() const noexcept;
  // The file's size on disk.
  std::size_t file_size() const noexcept;
  // A plain (not gzip) regular file is also mapped read-only, for callers that scan it in place
  // instead of copying it with read(): the whole file, or empty (gzip, a pipe, an empty file, or
  // the mapping failed). The mapping lives as long as the stream. Mapped pages are file-backed:
  // the kernel may drop them under memory pressure, and release_mapped() drops them at once.
  // A file truncated by another process while mapped ends the process with SIGBUS.
  std::string_view mapping() const noexcept;
  // Gives back the whole pages inside [begin, end) of the mapping once they have been scanned
  // (they stay in the page cache; only this process's resident set shrinks).
  void release_mapped(const char* begin, const char* end) const noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The whole file as bytes, gunzipped when it is gzip.
std::string read_whole_file_gunzipped(const std::filesystem::path& path);

}  // namespace entente::io
