#include "entente/io/byte_stream.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace entente::io {

struct ByteStream::State {
  std::string name;
  std::FILE* file = nullptr;
  bool gzip = false;
  bool finished = false;
  z_stream z{};
  std::vector<unsigned char> in = std::vector<unsigned char>(1 << 20);
  std::size_t file_bytes = 0;
  std::size_t size = 0;
  void* map = nullptr;  // a plain regular file's mapping, or null
  std::size_t map_size = 0;

  std::size_t read_raw(unsigned char* out, std::size_t capacity) {
    const std::size_t n = std::fread(out, 1, capacity, file);
    if (n < capacity && std::ferror(file)) throw std::runtime_error(name + ": read error");
    file_bytes += n;
    return n;
  }
  [[noreturn]] void damaged(const char* what) const {
    throw std::runtime_error(name + ": not a readable gzip stream (" + what + ")");
  }
};

ByteStream::ByteStream(const std::filesystem::path& path) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.name = path.string();
  s.file = std::fopen(s.name.c_str(), "rb");
  if (!s.file) throw std::runtime_error(s.name + ": cannot open the file");
  std::error_code ec;
  s.size = static_cast<std::size_t>(std::filesystem::file_size(path, ec));
  unsigned char magic[2] = {0, 0};
  const std::size_t got = std::fread(magic, 1, 2, s.file);
  s.gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  std::rewind(s.file);
  if (s.gzip) {
    // 16 + MAX_WBITS: a gzip header and trailer, not a raw zlib stream.
    if (inflateInit2(&s.z, 16 + MAX_WBITS) != Z_OK) s.damaged("zlib could not start");
    return;
  }
  struct stat st {};
  if (fstat(fileno(s.file), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) return;
  s.map_size = static_cast<std::size_t>(st.st_size);
  void* map = mmap(nullptr, s.map_size, PROT_READ, MAP_PRIVATE, fileno(s.file), 0);
  if (map == MAP_FAILED) {  // read() still works: the caller falls back to it
    s.map_size = 0;
    return;
  }
  s.map = map;
  madvise(s.map, s.map_size, MADV_SEQUENTIAL);  // read ahead generously, drop pages behind
}

ByteStream::~ByteStream() {
  if (state_->gzip) inflateEnd(&state_->z);
  if (state_->map) munmap(state_->map, state_->map_size);
  if (state_->file) std::fclose(state_->file);
}

bool ByteStream::gzip() const noexcept { return state_->gzip; }
std::size_t ByteStream::file_bytes_read() const noexcept { return state_->file_bytes; }
std::size_t ByteStream::file_size() const noexcept { return state_->size; }
std::string_view ByteStream::mapping() const noexcept {
  return state_->map ? std::string_view(static_cast<const char*>(state_->map), state_->map_size) : std::string_view();
}

void ByteStream::release_mapped(const char* begin, const char* end) const noexcept {
  static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto first = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) & ~(page - 1);
  const auto last = reinterpret_cast<std::uintptr_t>(end) & ~(page - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

std::size_t ByteStream::read(char* buffer, std::size_t capacity) {
  State& s = *state_;
  if (capacity == 0) return 0;
  if (!s.gzip) return s.read_raw(reinterpret_cast<unsigned char*>(buffer), capacity);
  if (s.finished) return 0;
  s.z.next_out = reinterpret_cast<unsigned char*>(buffer);
  s.z.avail_out = static_cast<uInt>(capacity);
  while (s.z.avail_out == capacity) {
    if (s.z.avail_in == 0) {
      const std::size_t n = s.read_raw(s.in.data(), s.in.size());
      if (n == 0) s.damaged("the file ends inside the compressed stream");
      s.z.next_in = s.in.data();
      s.z.avail_in = static_cast<uInt>(n);
    }
    const int rc = inflate(&s.z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      // A gzip file may hold several members one after another (as `cat a.gz b.gz` makes).
      if (s.z.avail_in == 0) {
        unsigned char probe = 0;
        if (s.read_raw(&probe, 1) == 0) {
          s.finished = true;
          break;
        }
        s.in[0] = probe;
        s.z.next_in = s.in.data();
        s.z.avail_in = 1;
      }
      if (inflateReset(&s.z) != Z_OK) s.damaged("zlib could not restart");
      continue;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) s.damaged(s.z.msg ? s.z.msg : "inflate failed");
  }
  return capacity - s.z.avail_out;
}

std::string read_whole_file_gunzipped(const std::filesystem::path& path) {
  ByteStream stream(path);
  std::string bytes;
  std::vector<char> block(1 << 20);
  for (std::size_t n; (n = stream.read(block.data(), block.size())) > 0;) bytes.append(block.data(), n);
  return bytes;
}

}  // namespace entente::io
