// Reports of a cadastre diff (declared in cadastre_diff.hpp): JSON, text, GeoJSON/CSV/HTML files.
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/cadastre_diff.hpp"
#include "core/geometry_text.hpp"
#include "dothi/geo/crs.hpp"

namespace dothi::app {

using nlohmann::json;

namespace {

json keysJson(const std::vector<std::optional<std::string>>& keys) {
  json a = json::array();
  for (const auto& k : keys) a.push_back(k ? json(*k) : json(nullptr));
  return a;
}

std::string keysText(const std::vector<std::optional<std::string>>& keys, const std::vector<std::int64_t>& fids) {
  std::string s;
  for (std::size_t i = 0; i < keys.size(); ++i)
    s += (i ? ";" : "") + (keys[i] ? *keys[i] : "(fid " + std::to_string(fids[i]) + ")");
  return s;
}

json changeProperties(const ParcelChange& c) {
  return {{"type", changeTypeName(c.type)}, {"old_ids", keysJson(c.oldKeys)}, {"new_ids", keysJson(c.newKeys)},
          {"old_fids", c.oldFids}, {"new_fids", c.newFids}, {"area_m2", c.area}, {"fields", c.fields},
          {"message", c.message}};
}

std::map<ChangeType, int> countByType(const DiffResult& r) {
  std::map<ChangeType, int> counts;
  for (int t = 0; t <= static_cast<int>(ChangeType::Attributes); ++t) counts[static_cast<ChangeType>(t)] = 0;
  for (const auto& c : r.changes) ++counts[c.type];
  return counts;
}

std::string lowerExt(const std::string& path) {
  const auto dot = path.find_last_of('.');
  std::string e = dot == std::string::npos ? "" : path.substr(dot);
  for (auto& ch : e) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return e;
}

}  // namespace

json diffJson(const DiffResult& r) {
  json counts = json::object();
  for (const auto& [t, n] : countByType(r)) counts[changeTypeName(t)] = n;
  json changes = json::array();
  for (const auto& c : r.changes) {
    json j = changeProperties(c);
    j["geometry"] = geometryToGeoJson(c.geometry);
    changes.push_back(std::move(j));
  }
  return {{"old", r.oldSource}, {"new", r.newSource}, {"old_layer", r.oldLayer}, {"new_layer", r.newLayer},
          {"key", r.key}, {"crs", r.crs}, {"old_count", r.oldCount}, {"new_count", r.newCount},
          {"unchanged", r.unchanged}, {"counts", counts}, {"seconds", r.seconds}, {"changes", changes}};
}

std::string diffText(const DiffResult& r) {
  std::ostringstream out;
  char line[200];
  std::snprintf(line, sizeof line, "Compared %lld old and %lld new parcels by %s in %.2f s: %zu changes, %lld unchanged\n",
                static_cast<long long>(r.oldCount), static_cast<long long>(r.newCount), r.key.c_str(), r.seconds,
                r.changes.size(), static_cast<long long>(r.unchanged));
  out << line;
  for (const auto& [t, n] : countByType(r)) {
    std::snprintf(line, sizeof line, "  %-12s %6d\n", changeTypeName(t), n);
    out << line;
  }
  for (const auto& c : r.changes)
    out << "  " << changeTypeName(c.type) << ": " << keysText(c.oldKeys, c.oldFids)
        << (c.oldKeys.empty() || c.newKeys.empty() ? "" : " → ") << keysText(c.newKeys, c.newFids) << " — " << c.message
        << "\n";
  return out.str();
}

geo::Result<std::string> writeDiffReport(const DiffResult& r, const std::string& path) {
  const std::string ext = lowerExt(path);
  std::ostringstream out;
  std::string what;
  if (ext == ".geojson" || ext == ".json") {
    auto toWgs = geo::Transformer::create(r.crs, "EPSG:4326");
    if (!toWgs) return std::unexpected(toWgs.error());
    json features = json::array();
    for (const auto& c : r.changes) {
      geo::Geometry g = c.geometry;
      if (auto t = toWgs->transform(g); !t) return std::unexpected(t.error());
      features.push_back({{"type", "Feature"}, {"properties", changeProperties(c)}, {"geometry", geometryToGeoJson(g)}});
    }
    out << json{{"type", "FeatureCollection"}, {"name", "dothi_diff"}, {"features", features}}.dump(1) << "\n";
    what = "GeoJSON, geometry in EPSG:4326 (lon/lat)";
  } else if (ext == ".csv") {
    out << "type,old_ids,new_ids,old_fids,new_fids,area_m2,fields,message,wkt_" << csvField(r.crs) << "\n";
    out.precision(17);
    for (const auto& c : r.changes) {
      std::string fields, oldF, newF;
      for (const auto& f : c.fields) fields += (fields.empty() ? "" : "; ") + f;
      for (auto f : c.oldFids) oldF += (oldF.empty() ? "" : ";") + std::to_string(f);
      for (auto f : c.newFids) newF += (newF.empty() ? "" : ";") + std::to_string(f);
      out << changeTypeName(c.type) << "," << csvField(keysText(c.oldKeys, c.oldFids)) << ","
          << csvField(keysText(c.newKeys, c.newFids)) << "," << oldF << "," << newF << "," << c.area << ","
          << csvField(fields) << "," << csvField(c.message) << "," << csvField(geometryToWkt(c.geometry)) << "\n";
    }
    what = "CSV, WKT geometry in " + r.crs;
  } else if (ext == ".html" || ext == ".htm") {
    out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>DoThi cadastre changes</title><style>"
           "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid "
           "#bbb;padding:3px 8px}th{background:#eee}</style></head><body>\n<h1>Cadastre changes</h1>\n<p>"
        << htmlEscape(r.oldSource) << " → " << htmlEscape(r.newSource) << ", key " << htmlEscape(r.key) << ", CRS "
        << htmlEscape(r.crs) << ": " << r.oldCount << " → " << r.newCount << " parcels, " << r.unchanged
        << " unchanged.</p>\n<h2>Summary</h2>\n<table><tr><th>Change</th><th>Count</th></tr>\n";
    for (const auto& [t, n] : countByType(r)) out << "<tr><td>" << changeTypeName(t) << "</td><td>" << n << "</td></tr>\n";
    out << "</table>\n<h2>Changes</h2>\n<table><tr><th>Change</th><th>Old</th><th>New</th><th>Area (m²)</th>"
           "<th>Details</th></tr>\n";
    for (const auto& c : r.changes)
      out << "<tr><td>" << changeTypeName(c.type) << "</td><td>" << htmlEscape(keysText(c.oldKeys, c.oldFids))
          << "</td><td>" << htmlEscape(keysText(c.newKeys, c.newFids)) << "</td><td>" << formatNumber(c.area)
          << "</td><td>" << htmlEscape(c.message) << "</td></tr>\n";
    out << "</table></body></html>\n";
    what = "HTML";
  } else {
    return geo::fail(geo::ErrorCode::InvalidArgument, "unknown report format '" + ext + "': use .geojson, .csv or .html", path);
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return geo::fail(geo::ErrorCode::Io, "cannot write the report", path);
  file << out.str();
  file.close();
  if (!file) return geo::fail(geo::ErrorCode::Io, "cannot write the report (disk full?)", path);
  return what;
}

}  // namespace dothi::app
