#include "entente/actor/registry.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/actor/iso3.hpp"

namespace entente::actor {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Names people commonly type that differ from the COW state names.
struct Alias {
  std::string_view name;
  int ccode;
};
constexpr std::array kAliases = {
    Alias{"united states", 2},  Alias{"us", 2},           Alias{"america", 2},
    Alias{"uk", 200},           Alias{"britain", 200},    Alias{"great britain", 200},
    Alias{"ussr", 365},         Alias{"soviet union", 365}, Alias{"russian federation", 365},
    Alias{"prc", 710},          Alias{"roc", 713},        Alias{"republic of korea", 732},
    Alias{"korea", 732},        Alias{"dprk", 731},       Alias{"west germany", 260},
    Alias{"east germany", 265}, Alias{"persia", 630},     Alias{"burma", 775},
};

// Optimal string alignment distance: Levenshtein plus swapped neighbours ("Chnia" is 1 from
// "China"), the commonest typing slip.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

int Spell::start_year() const { return std::stoi(start.substr(0, 4)); }
int Spell::end_year() const { return std::stoi(end.substr(0, 4)); }

namespace {
int yyyymmdd(const std::string& iso) {
  return std::stoi(iso.substr(0, 4)) * 10000 + std::stoi(iso.substr(5, 2)) * 100 + std::stoi(iso.substr(8, 2));
}
}  // namespace

int Spell::start_date() const { return yyyymmdd(start); }
int Spell::end_date() const { return yyyymmdd(end); }

std::vector<std::pair<int, int>> Actor::days_in(int year) const {
  std::vector<std::pair<int, int>> out;
  const int first = year * 10000 + 101, last = year * 10000 + 1231;
  for (const auto& s : spells) {
    const int start = s.start_date(), end = s.end_date();
    if (start <= last && end >= first) out.emplace_back(std::max(start, first), std::min(end, last));
  }
  return out;
}

bool Actor::member_in(int year) const {
  return std::any_of(spells.begin(), spells.end(),
                     [&](const Spell& s) { return s.start_year() <= year && year <= s.end_year(); });
}

LookupError::LookupError(std::string query, std::vector<std::string> near)
    : std::runtime_error(fmt::format("no state '{}'{}", query,
                                     near.empty() ? std::string(" (try 'entente actors' for the list)")
                                                  : fmt::format("; did you mean: {}?", fmt::join(near, ", ")))),
      near_(std::move(near)) {}

Registry::Registry(const std::vector<evidence::ActorRecord>& actors,
                   const std::vector<evidence::SpellRecord>& spells) {
  for (const auto& a : actors)
    actors_.push_back({a.ccode, a.abbrev, std::string(iso3_for_ccode(a.ccode)), a.name, {}});
  std::sort(actors_.begin(), actors_.end(), [](auto& x, auto& y) { return x.ccode < y.ccode; });
  for (const auto& s : spells) {
    auto it = std::lower_bound(actors_.begin(), actors_.end(), s.ccode, [](auto& a, int c) { return a.ccode < c; });
    if (it != actors_.end() && it->ccode == s.ccode) it->spells.push_back({s.start, s.end});
  }
}

const Actor* Registry::by_ccode(int ccode) const noexcept {
  auto it = std::lower_bound(actors_.begin(), actors_.end(), ccode, [](auto& a, int c) { return a.ccode < c; });
  return it != actors_.end() && it->ccode == ccode ? &*it : nullptr;
}

const Actor& Registry::find(std::string_view query) const {
  int code = 0;
  auto [end, ec] = std::from_chars(query.data(), query.data() + query.size(), code);
  if (ec == std::errc() && end == query.data() + query.size()) {
    if (const auto* a = by_ccode(code)) return *a;
    throw LookupError(std::string(query), {});
  }
  const std::string q = lower(query);
  for (const auto& a : actors_)
    if (lower(a.abbrev) == q) return a;
  for (const auto& a : actors_)
    if (!a.iso3.empty() && lower(a.iso3) == q) return a;
  for (const auto& a : actors_)
    if (lower(a.name) == q) return a;
  for (const auto& alias : kAliases)
    if (alias.name == q)
      if (const auto* a = by_ccode(alias.ccode)) return *a;

  // Near matches: names containing the query, then small edit distances to any key.
  std::vector<std::pair<std::size_t, const Actor*>> scored;
  for (const auto& a : actors_) {
    std::size_t best = lower(a.name).find(q) != std::string::npos && q.size() >= 3 ? 0 : 99;
    for (const auto& key : {a.abbrev, a.iso3, a.name})
      if (!key.empty()) best = std::min(best, edit_distance(q, lower(key)));
    if (best <= std::max<std::size_t>(1, q.size() / 3)) scored.emplace_back(best, &a);
  }
  std::stable_sort(scored.begin(), scored.end(), [](auto& x, auto& y) { return x.first < y.first; });
  std::vector<std::string> near;
  for (std::size_t i = 0; i < scored.size() && i < 5; ++i) {
    const auto* a = scored[i].second;
    near.push_back(fmt::format("{} ({}, {})", a->abbrev, a->ccode, a->name));
  }
  throw LookupError(std::string(query), std::move(near));
}

std::vector<const Actor*> Registry::members_in(int year) const {
  std::vector<const Actor*> out;
  for (const auto& a : actors_)
    if (a.member_in(year)) out.push_back(&a);
  return out;
}

}  // namespace entente::actor
