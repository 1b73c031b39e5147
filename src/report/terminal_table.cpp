#include "entente/report/terminal_table.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace entente::report {

namespace {

std::optional<std::size_t> columns_from_environment() {
  const char* text = std::getenv("COLUMNS");
  if (text == nullptr || *text == '\0') return std::nullopt;
  std::size_t value = 0;
  const auto end = text + std::char_traits<char>::length(text);
  const auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end || value == 0) return std::nullopt;
  return value;
}

// Display width in code points (names and arrows are UTF-8; no table holds wide characters).
std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Text cut to `width` code points at a space, ending " …", so that no word, name or number is
// ever shown in part (a cut "-1.25" would read as another value). A text whose first word does
// not fit is cut inside it, the last resort of a column narrower than any of its words.
std::string cut(const std::string& s, std::size_t width) {
  if (display_width(s) <= width) return s;
  std::size_t n = 0, last_space = std::string::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool starts = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (!starts) continue;
    if (n + 2 > width) break;  // the prefix up to here, then " …", must fit
    if (s[i] == ' ' && i > 0) last_space = i;
    ++n;
  }
  if (last_space != std::string::npos) return s.substr(0, last_space) + " …";
  std::string out;
  n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool starts = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (starts && ++n == width) break;
    out += s[i];
  }
  return out + "…";
}

// The narrowest a cell can be cut to by cut(). A short cell (a value with its label, "hostile
// -1.25", "friend (menage_a_trois)") or one without spaces is never cut: cut, it would say
// nothing. A longer text (a name, a sentence) keeps at least its first word and " …".
std::size_t narrowest_cut(const std::string& s) {
  constexpr std::size_t kShortText = 24;
  const std::size_t width = display_width(s);
  const auto space = s.find(' ', 1);
  if (width <= kShortText || space == std::string::npos) return width;
  return std::min(width, display_width(std::string_view(s).substr(0, space)) + 2);
}

bool looks_numeric(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789.-+eE") == std::string::npos;
}

// The relation types of the stance model (docs/models/stance.md) and their colours: friendly
// greens and cyan, neutral plain, unfriendly yellow and red.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kRelationColours = {{{"alliance", "1;32"},
                                                                                            {"entente", "32"},
                                                                                            {"aligned", "36"},
                                                                                            {"neutral", "2"},
                                                                                            {"rival", "33"},
                                                                                            {"hostile", "1;31"}}};

// A padded cell with its leading relation type (e.g. "rival" or "rival -0.5") in colour.
std::string coloured(const std::string& padded) {
  const auto start = padded.find_first_not_of(' ');
  if (start == std::string::npos) return padded;
  for (const auto& [name, code] : kRelationColours) {
    if (padded.compare(start, name.size(), name) != 0) continue;
    const auto after = start + name.size();
    if (after < padded.size() && padded[after] != ' ') continue;
    return fmt::format("{}\x1b[{}m{}\x1b[0m{}", padded.substr(0, start), code, name, padded.substr(after));
  }
  return padded;
}

Json for_people(const Json& value, int digits) {
  if (value.is_null()) return std::string(kMissing);
  if (value.is_number_float()) return rounded(value.get<double>(), digits);
  if (value.is_object() || value.is_array()) {
    Json out = value;
    for (auto& item : out) item = for_people(item, digits);
    return out;
  }
  return value;
}

}  // namespace

TerminalStyle terminal_style(std::optional<int> digits) {
  TerminalStyle style;
  if (digits) style.digits = *digits;
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  if (const auto columns = columns_from_environment()) {
    style.width = *columns;
  } else {
    struct winsize size {};
    style.width = terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col
                                                                                                : kDefaultWidth;
  }
  const char* no_color = std::getenv("NO_COLOR");
  style.colour = terminal && (no_color == nullptr || *no_color == '\0');
  return style;
}

TerminalStyle file_style(std::optional<int> digits) {
  TerminalStyle style;
  if (digits) style.digits = *digits;
  return style;
}

std::string rounded(double value, int digits) {
  if (std::isnan(value)) return std::string(kMissing);
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{}", static_cast<long long>(value));
  digits = std::clamp(digits, 1, 17);
  const double magnitude = std::fabs(value);
  if (magnitude < 1e-4 || magnitude >= 1e15) return fmt::format("{:.{}g}", value, digits);
  // Decimals for `digits` significant digits; a number's whole part is never cut.
  const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
  const int decimals = std::max(0, digits - 1 - exponent);
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string terminal_table(const Json& rows, const TerminalStyle& style) {
  return terminal_table(flatten(for_people(rows, style.digits)), style);
}

std::string terminal_table(Flat flat, const TerminalStyle& style) {
  constexpr std::string_view kGap = "  ";
  constexpr std::size_t kNarrowest = 12;  // a text column is cut no narrower than this
  const std::size_t ncols = flat.columns.size();
  std::vector<std::size_t> w(ncols);
  std::vector<bool> numeric(ncols, true);
  // How narrow each column may be cut: text is cut only at spaces (cut()), so a name or sentence
  // may lose its end but a number, a code or a type name ("romantic_triangle") is shown whole or
  // its column is left out.
  std::vector<std::size_t> narrowest(ncols, 0);
  for (std::size_t i = 0; i < ncols; ++i) {
    w[i] = display_width(flat.columns[i]);
    narrowest[i] = std::min(w[i], kNarrowest);
  }
  for (const auto& row : flat.cells)
    for (std::size_t i = 0; i < row.size() && i < ncols; ++i) {
      const std::size_t width = display_width(row[i]);
      w[i] = std::max(w[i], width);
      if (!row[i].empty() && row[i] != kMissing && !looks_numeric(row[i])) numeric[i] = false;
      narrowest[i] = std::max(narrowest[i], std::max(std::min(width, kNarrowest), narrowest_cut(row[i])));
    }

  // Fit the width: first cut the widest free-text column (names, sentences) down to kNarrowest, then
  // leave out columns from the right, so the leading key columns always show.
  std::size_t shown = ncols;
  const auto total = [&] {
    std::size_t sum = 0;
    for (std::size_t i = 0; i < shown; ++i) sum += w[i] + (i ? kGap.size() : 0);
    return sum;
  };
  if (style.width > 0) {
    while (total() > style.width) {
      // The widest text column gives up width down to the next widest (so the cuts spread evenly).
      std::size_t widest = ncols, next = 0;
      for (std::size_t i = 0; i < shown; ++i) {
        if (w[i] <= narrowest[i]) continue;
        if (widest == ncols || w[i] > w[widest]) {
          if (widest != ncols) next = std::max(next, w[widest]);
          widest = i;
        } else {
          next = std::max(next, w[i]);
        }
      }
      if (widest != ncols) {
        const std::size_t excess = total() - style.width;
        w[widest] = std::max({next, w[widest] - std::min(w[widest], excess), narrowest[widest]});
        if (w[widest] == next && next > narrowest[widest] && excess > 0) --w[widest];
      } else if (shown > 1) {
        --shown;
      } else {
        w[0] = std::max<std::size_t>(1, style.width);
        break;
      }
    }
  }

  bool any_cut = false;
  auto pad = [&](const std::string& s, std::size_t i, bool right) {
    const std::string text = cut(s, w[i]);
    any_cut = any_cut || text.size() != s.size();
    const std::string fill(w[i] - std::min(w[i], display_width(text)), ' ');
    return right ? fill + text : text + fill;
  };
  std::string out, rule;
  for (std::size_t i = 0; i < shown; ++i) {
    out += (i ? std::string(kGap) : "") + pad(flat.columns[i], i, numeric[i]);
    rule += (i ? std::string(kGap) : "") + std::string(w[i], '-');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += "\n" + rule + "\n";
  for (const auto& row : flat.cells) {
    std::string line;
    for (std::size_t i = 0; i < shown && i < row.size(); ++i) {
      const std::string cell = pad(row[i], i, numeric[i]);
      line += (i ? std::string(kGap) : "") + (style.colour ? coloured(cell) : cell);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  // Say what was left out to fit, and how to see all of it.
  std::vector<std::string> fitted;
  if (shown < ncols) {
    std::vector<std::string> hidden(flat.columns.begin() + static_cast<std::ptrdiff_t>(shown), flat.columns.end());
    const std::size_t listed = std::min<std::size_t>(3, hidden.size());
    std::string names;
    for (std::size_t i = 0; i < listed; ++i) names += (i ? ", " : "") + hidden[i];
    if (hidden.size() > listed) names += ", …";
    fitted.push_back(fmt::format("{} of {} columns shown (not shown: {})", shown, ncols, names));
  }
  if (any_cut) fitted.emplace_back("text ending in … is cut");
  if (!fitted.empty())
    out += fmt::format("({}, to fit {} characters. All of it: --format csv or --format json, or a wider terminal.)\n",
                       fmt::join(fitted, "; "), style.width);
  return out;
}

}  // namespace entente::report
