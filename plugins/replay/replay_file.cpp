// Replay files: GeoJSON FeatureCollection or CSV → events sorted by time.
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../common/csv_record.hpp"
#include "replay_source.hpp"

namespace dothi::plugins {

using nlohmann::json;

namespace {

const char* const kKnown[] = {"time", "stream", "id", "sensor", "value", "property", "unit", "category", "status", "key",
                              "lon", "lat", "longitude", "latitude"};

std::optional<std::int64_t> timeOf(const json& t) {
  if (t.is_number_integer()) return t.get<std::int64_t>();
  if (t.is_number()) return static_cast<std::int64_t>(t.get<double>());
  if (t.is_string()) {
    if (auto iso = geo::parseIsoTimeMs(t.get<std::string>())) return iso;
    try {
      std::size_t pos = 0;
      const auto ms = std::stoll(t.get<std::string>(), &pos);
      if (pos == t.get<std::string>().size()) return ms;
    } catch (...) {
    }
  }
  return std::nullopt;
}

std::string str(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  return v.dump();
}

std::optional<double> num(const json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string() && !v.get<std::string>().empty()) {
    try {
      std::size_t pos = 0;
      const double d = std::stod(v.get<std::string>(), &pos);
      if (pos == v.get<std::string>().size()) return d;
    } catch (...) {
    }
  }
  return std::nullopt;
}

/// Fills an event from a property map; false (with a warning) if it has no usable time.
bool fill(const json& p, std::size_t index, geo::Observation& o, std::vector<std::string>& warnings) {
  auto t = timeOf(p.value("time", json()));
  if (!t) {
    warnings.push_back("event " + std::to_string(index + 1) + " has no valid time, skipped");
    return false;
  }
  o.timeMs = *t;
  for (const char* k : {"stream", "id", "sensor"})
    if (p.contains(k) && !str(p[k]).empty()) {
      o.streamId = str(p[k]);
      break;
    }
  if (o.streamId.empty()) o.streamId = "event";
  o.key = p.contains("key") ? str(p["key"]) : std::to_string(index + 1);
  if (p.contains("value")) o.value = num(p["value"]);
  o.property = str(p.value("property", json()));
  o.unit = str(p.value("unit", json()));
  o.category = str(p.value("category", json()));
  o.status = str(p.value("status", json()));
  json attrs = json::object();
  for (const auto& [k, v] : p.items())
    if (std::find(std::begin(kKnown), std::end(kKnown), k) == std::end(kKnown)) attrs[k] = v;
  o.attributes = attrs.dump();
  return true;
}

geo::Result<std::vector<geo::Observation>> readGeoJson(const std::string& text, const std::string& path,
                                                       std::vector<std::string>& warnings) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("features") || !doc["features"].is_array())
    return geo::fail(geo::ErrorCode::Format, "not a GeoJSON FeatureCollection", path);
  std::vector<geo::Observation> out;
  for (std::size_t i = 0; i < doc["features"].size(); ++i) {
    const json& f = doc["features"][i];
    const json& g = f.is_object() ? f.value("geometry", json()) : json();
    const json& c = g.is_object() ? g.value("coordinates", json()) : json();
    if (!g.is_object() || g.value("type", "") != "Point" || !c.is_array() || c.size() < 2 || !c[0].is_number() ||
        !c[1].is_number()) {
      warnings.push_back("event " + std::to_string(i + 1) + " is not a Point feature, skipped");
      continue;
    }
    geo::Observation o;
    o.lon = c[0].get<double>(), o.lat = c[1].get<double>();
    if (fill(f.value("properties", json::object()), i, o, warnings)) out.push_back(std::move(o));
  }
  return out;
}

geo::Result<std::vector<geo::Observation>> readCsv(const std::string& text, const std::string& path,
                                                   std::vector<std::string>& warnings) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line)) return geo::fail(geo::ErrorCode::Format, "empty CSV file", path);
  const auto header = splitCsvRecord(line);
  std::vector<geo::Observation> out;
  for (std::size_t i = 0; std::getline(in, line); ++i) {
    if (line.empty() || line == "\r") continue;
    const auto f = splitCsvRecord(line);
    json p = json::object();
    for (std::size_t k = 0; k < header.size() && k < f.size(); ++k) p[header[k]] = f[k];
    auto lon = num(p.value("lon", p.value("longitude", json()))), lat = num(p.value("lat", p.value("latitude", json())));
    if (!lon || !lat) {
      warnings.push_back("event " + std::to_string(i + 1) + " has no valid lon/lat, skipped");
      continue;
    }
    geo::Observation o;
    o.lon = *lon, o.lat = *lat;
    if (fill(p, i, o, warnings)) out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

geo::Result<std::vector<geo::Observation>> readReplayFile(const std::string& path, std::vector<std::string>& warnings) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return geo::fail(geo::ErrorCode::NotFound, "cannot open the replay file", path);
  const std::string text(std::istreambuf_iterator<char>(f), {});
  const bool csv = path.size() >= 4 && (path.ends_with(".csv") || path.ends_with(".CSV"));
  auto events = csv ? readCsv(text, path, warnings) : readGeoJson(text, path, warnings);
  if (!events) return events;
  std::stable_sort(events->begin(), events->end(), [](const auto& a, const auto& b) { return a.timeMs < b.timeMs; });
  return events;
}

}  // namespace dothi::plugins
