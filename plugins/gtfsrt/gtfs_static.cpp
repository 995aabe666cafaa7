// Static GTFS (routes.txt, stops.txt) from a zip (minizip) or a directory.
#include <unzip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../common/csv_record.hpp"
#include "gtfsrt_decode.hpp"

namespace dothi::plugins {

namespace {

/// Rows of a CSV text as field-name → value maps.
std::vector<std::map<std::string, std::string>> readCsv(const std::string& text) {
  std::istringstream in(text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text);
  std::string line;
  std::vector<std::map<std::string, std::string>> rows;
  if (!std::getline(in, line)) return rows;
  const auto header = splitCsvRecord(line);
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r") continue;
    const auto f = splitCsvRecord(line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < f.size(); ++i) row[header[i]] = f[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<std::string> readZipEntry(unzFile zip, const char* name) {
  if (unzLocateFile(zip, name, 0) != UNZ_OK || unzOpenCurrentFile(zip) != UNZ_OK) return std::nullopt;
  std::string out;
  char buf[65536];
  int n = 0;
  while ((n = unzReadCurrentFile(zip, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  unzCloseCurrentFile(zip);
  if (n < 0) return std::nullopt;
  return out;
}

}  // namespace

geo::Result<GtfsStatic> readGtfsStatic(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return geo::fail(geo::ErrorCode::NotFound, "no such GTFS file", path);
  std::optional<std::string> routes, stops;
  if (std::filesystem::is_directory(path, ec)) {
    auto slurp = [&](const char* n) -> std::optional<std::string> {
      std::ifstream f(std::filesystem::path(path) / n, std::ios::binary);
      if (!f) return std::nullopt;
      return std::string(std::istreambuf_iterator<char>(f), {});
    };
    routes = slurp("routes.txt"), stops = slurp("stops.txt");
  } else {
    unzFile zip = unzOpen(path.c_str());
    if (!zip) return geo::fail(geo::ErrorCode::Format, "not a GTFS zip", path);
    routes = readZipEntry(zip, "routes.txt"), stops = readZipEntry(zip, "stops.txt");
    unzClose(zip);
  }
  if (!routes || !stops) return geo::fail(geo::ErrorCode::Format, "a static GTFS feed needs routes.txt and stops.txt", path);
  GtfsStatic g;
  for (auto& r : readCsv(*routes)) g.routeNames[r["route_id"]] = !r["route_short_name"].empty() ? r["route_short_name"] : r["route_long_name"];
  for (auto& s : readCsv(*stops)) {
    GtfsStop stop;
    stop.name = s["stop_name"];
    try {
      stop.lat = std::stod(s["stop_lat"]), stop.lon = std::stod(s["stop_lon"]);
    } catch (...) {
      continue;  // stations without coordinates are of no use for context
    }
    g.stops[s["stop_id"]] = stop;
  }
  return g;
}

}  // namespace dothi::plugins
