// Dates as yyyymmdd integers and the periods events are counted in.
#include "entente/events/aggregate.hpp"

namespace entente::events {
namespace {

bool leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) noexcept {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
long days_from_civil(int y, int m, int d) noexcept {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int civil_from_days(long z) noexcept {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return y * 10000 + m * 100 + d;
}

}  // namespace

bool valid_date(int date) noexcept {
  const int y = date / 10000, m = date / 100 % 100, d = date % 100;
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

int period_start(int date, Period period) noexcept {
  const int y = date / 10000, m = date / 100 % 100;
  switch (period) {
    case Period::day: return date;
    case Period::week: {
      const long days = days_from_civil(y, m, date % 100);
      const long monday_offset = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday
      return civil_from_days(days - monday_offset);
    }
    case Period::month: return y * 10000 + m * 100 + 1;
    case Period::quarter: return y * 10000 + ((m - 1) / 3 * 3 + 1) * 100 + 1;
    case Period::year: return y * 10000 + 101;
  }
  return date;
}

std::optional<Period> period_by_name(std::string_view name) noexcept {
  for (auto p : {Period::day, Period::week, Period::month, Period::quarter, Period::year})
    if (period_name(p) == name) return p;
  return std::nullopt;
}

std::string_view period_name(Period p) noexcept {
  switch (p) {
    case Period::day: return "day";
    case Period::week: return "week";
    case Period::month: return "month";
    case Period::quarter: return "quarter";
    case Period::year: return "year";
  }
  return "";
}

}  // namespace entente::events
