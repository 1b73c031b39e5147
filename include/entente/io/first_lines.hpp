#pragma once
// Every reader refuses a second row with the key of an earlier one (two rows for one state-year
// would otherwise replace each other in the store, or both be kept): FirstLines remembers the
// line each key was first read on, so that the error names both lines.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace entente::io {

class FirstLines {
 public:
  // The line of an earlier row with `key`, or nullopt the first time (then `line` is remembered).
  // Keys are small whole numbers packed into one (see the readers), so a hash map suffices.
  std::optional<std::size_t> earlier(long long key, std::size_t line) {
    const auto [it, fresh] = lines_.try_emplace(key, line);
    if (fresh) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<long long, std::size_t> lines_;
};

// What a duplicate-key error expects, the same words in every reader: "a (ccode, year) not
// already used on line 7".
std::string key_not_used_before(std::string_view columns, std::size_t earlier_line);

}  // namespace entente::io
