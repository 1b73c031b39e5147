#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace entente::io {

// The whole file as bytes; throws std::runtime_error naming the file when it cannot be read.
std::string read_whole_file(const std::filesystem::path& path);
// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);
// Lower-case hex SHA-256 of a file's bytes as stored (compressed for gzip), read in blocks.
std::string file_sha256_hex(const std::filesystem::path& path);
// The current time as ISO 8601 UTC, e.g. "2026-11-29T15:08:39Z".
std::string utc_now_iso8601();

}  // namespace entente::io
