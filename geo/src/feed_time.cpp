// Time and duration parsing for feeds (SDK helpers, also linked into plugins: no other deps).
#include <cctype>
#include <cstdio>
#include <ctime>

#include "dothi/geo/feed_source.hpp"

namespace dothi::geo {

std::optional<std::int64_t> parseDurationMs(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::size_t pos = 0;
  double number = 0;
  try {
    number = std::stod(text, &pos);
  } catch (...) {
    return std::nullopt;
  }
  if (number < 0) return std::nullopt;
  const std::string unit = text.substr(pos);
  double factor = 0;
  if (unit.empty() || unit == "s") factor = 1000;
  else if (unit == "ms") factor = 1;
  else if (unit == "m" || unit == "min") factor = 60'000;
  else if (unit == "h") factor = 3'600'000;
  else if (unit == "d") factor = 86'400'000;
  else return std::nullopt;
  return static_cast<std::int64_t>(number * factor + 0.5);
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

std::optional<std::int64_t> parseIsoTimeMs(const std::string& input) {
  const std::string text = input.substr(0, input.find('/'));  // an interval: its start
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, consumed = 0;
  double s = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &consumed) != 5) return std::nullopt;
  std::size_t i = static_cast<std::size_t>(consumed);
  if (i < text.size() && text[i] == ':') {
    std::size_t j = i + 1;
    while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.')) ++j;
    try {
      s = std::stod(text.substr(i + 1, j - i - 1));
    } catch (...) {
      return std::nullopt;
    }
    i = j;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s >= 61) return std::nullopt;
  std::int64_t offsetMin = 0;
  if (i < text.size()) {
    if (text[i] == 'Z' || text[i] == 'z') {
      if (i + 1 != text.size()) return std::nullopt;
    } else if (text[i] == '+' || text[i] == '-') {
      int oh = 0, om = 0;
      if (std::sscanf(text.c_str() + i + 1, "%2d:%2d", &oh, &om) != 2 &&
          std::sscanf(text.c_str() + i + 1, "%2d%2d", &oh, &om) != 2)
        return std::nullopt;
      offsetMin = (text[i] == '+' ? 1 : -1) * (oh * 60 + om);
    } else {
      return std::nullopt;
    }
  }  // no zone: taken as UTC (Open311 servers often omit it; the spec asks for one)
  const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const double secs = static_cast<double>(days * 86400 + h * 3600 + mi * 60 - offsetMin * 60) + s;
  return static_cast<std::int64_t>(secs * 1000.0 + (secs >= 0 ? 0.5 : -0.5));
}

std::string formatIsoTimeMs(std::int64_t ms) {
  std::int64_t secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
  const std::int64_t rest = ms - secs * 1000;
  const std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(rest));
  return buf;
}

}  // namespace dothi::geo
