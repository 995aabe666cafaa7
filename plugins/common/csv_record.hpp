#pragma once
// One CSV record split into fields (RFC 4180 quotes, "" inside quotes; a trailing CR dropped),
// shared by the plugins that read CSV (replay files, static GTFS). Header-only: the plugins
// are separate modules and link nothing else of each other.
#include <string>
#include <vector>

namespace dothi::plugins {

inline std::vector<std::string> splitCsvRecord(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else out.back() += c;
    } else if (c == '"') quoted = true;
    else if (c == ',') out.emplace_back();
    else if (c != '\r') out.back() += c;
  }
  return out;
}

}  // namespace dothi::plugins
