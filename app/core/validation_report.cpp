#include "core/validation_report.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/geometry_text.hpp"
#include "dothi/geo/crs.hpp"

namespace dothi::app {

using geo::analysis::Finding;
using geo::analysis::FindingType;
using nlohmann::json;

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

json idsJson(const Finding& f) {
  json ids = json::array();
  for (const auto& id : f.ids) ids.push_back(id ? json(*id) : json(nullptr));
  return ids;
}

std::string idsText(const Finding& f) {
  std::string s;
  for (std::size_t i = 0; i < f.ids.size(); ++i)
    s += (i ? ";" : "") + (f.ids[i] ? *f.ids[i] : std::string("(fid ") + std::to_string(f.fids[i]) + ")");
  return s;
}

std::string joinInts(const std::vector<std::int64_t>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ";" : "") + std::to_string(v[i]);
  return s;
}

json findingProperties(const Finding& f) {
  json p = {{"type", geo::analysis::findingTypeName(f.type)}, {"parcel_ids", idsJson(f)}, {"fids", f.fids},
            {"message", f.message}};
  if (f.area > 0 || f.length == 0) p["area_m2"] = f.area;
  if (f.length > 0) p["length_m"] = f.length;
  if (!f.otherFids.empty()) p["against_fids"] = f.otherFids;
  return p;
}

json optionsJson(const ValidationResult& r) {
  const char* orient[] = {"layer", "ccw", "cw"};
  return {{"gap_tolerance_m2", r.options.gapTolerance}, {"sliver_width_m", r.options.sliverWidth},
          {"min_area_m2", r.options.minArea}, {"spike_angle_deg", r.options.spikeAngle},
          {"orientation", orient[static_cast<int>(r.options.orientation)]}};
}

/// Geometry and location converted for a report in another CRS.
struct Converted {
  geo::Geometry geometry;
  geo::Point location;
};

class Converter {
 public:
  static geo::Result<Converter> create(const std::string& from, ReportCrs crs) {
    Converter c;
    if (crs == ReportCrs::Project) return c;
    auto t = geo::Transformer::create(from, "EPSG:4326");
    if (!t) return std::unexpected(t.error());
    c.m_transformer = std::make_shared<geo::Transformer>(std::move(*t));
    return c;
  }
  geo::Result<Converted> operator()(const Finding& f) const {
    Converted c{f.geometry, f.location};
    if (!m_transformer) return c;
    if (auto r = m_transformer->transform(c.geometry); !r) return std::unexpected(r.error());
    if (!m_transformer->transform(c.location)) return geo::fail(geo::ErrorCode::Crs, "location cannot be transformed");
    return c;
  }

 private:
  std::shared_ptr<geo::Transformer> m_transformer;
};

std::string crsName(const ValidationResult& r, ReportCrs crs) {
  return crs == ReportCrs::Wgs84 ? std::string("EPSG:4326 (lon/lat)") : r.crs;
}

geo::Result<std::string> geojsonReport(const ValidationResult& r, const Converter& conv, ReportCrs crs) {
  json features = json::array();
  for (const auto& f : r.report.findings) {
    auto c = conv(f);
    if (!c) return std::unexpected(c.error());
    json props = findingProperties(f);
    props["x"] = c->location.x;
    props["y"] = c->location.y;
    features.push_back({{"type", "Feature"}, {"properties", props}, {"geometry", geometryToGeoJson(c->geometry)}});
  }
  json doc = {{"type", "FeatureCollection"}, {"name", "dothi_validation_" + r.layer}, {"features", features}};
  if (crs == ReportCrs::Project) {
    // RFC 7946 allows WGS 84 only; GDAL and QGIS read this legacy member for other CRSs.
    std::string urn = r.crs;
    if (auto colon = urn.find(':'); colon != std::string::npos)
      urn = "urn:ogc:def:crs:" + urn.substr(0, colon) + "::" + urn.substr(colon + 1);
    doc["crs"] = {{"type", "name"}, {"properties", {{"name", urn}}}};
  }
  return doc.dump(1) + "\n";
}

geo::Result<std::string> csvReport(const ValidationResult& r, const Converter& conv, ReportCrs crs) {
  std::ostringstream out;
  out.precision(17);
  out << "type,parcel_ids,fids,against_fids,area_m2,length_m,x,y,crs,message,wkt\n";
  const std::string crsText = crsName(r, crs);
  for (const auto& f : r.report.findings) {
    auto c = conv(f);
    if (!c) return std::unexpected(c.error());
    out << geo::analysis::findingTypeName(f.type) << "," << csvField(idsText(f)) << "," << joinInts(f.fids) << ","
        << joinInts(f.otherFids) << "," << f.area << "," << f.length << "," << c->location.x << "," << c->location.y
        << "," << csvField(crsText) << "," << csvField(f.message) << "," << csvField(geometryToWkt(c->geometry)) << "\n";
  }
  return out.str();
}

geo::Result<std::string> htmlReport(const ValidationResult& r, const Converter& conv, ReportCrs crs) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>DoThi validation: " << htmlEscape(r.layer)
      << "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
         "td,th{border:1px solid #bbb;padding:3px 8px;text-align:left}td.n{text-align:right}"
         "th{background:#eee}</style></head><body>\n";
  out << "<h1>Validation of layer " << htmlEscape(r.layer) << "</h1>\n<p>Project " << htmlEscape(r.project)
      << ", CRS " << htmlEscape(r.crs) << ". " << r.report.parcels << " parcels, id field "
      << htmlEscape(r.idField);
  if (!r.against.empty()) out << ", checked against " << htmlEscape(r.against) << " (" << r.report.zones << " features)";
  out << ". Gap tolerance " << r.options.gapTolerance << " m², sliver width " << r.options.sliverWidth
      << " m, noise area " << r.options.minArea << " m². Shell orientation convention: "
      << htmlEscape(r.report.orientationConvention) << ".</p>\n";
  out << "<h2>Summary</h2>\n<table><tr><th>Finding</th><th>Count</th><th>Area (m²)</th><th>Length (m)</th></tr>\n";
  std::int64_t total = 0;
  for (const auto& s : summarizeFindings(r.report.findings)) {
    total += s.count;
    out << "<tr><td>" << geo::analysis::findingTypeName(s.type) << "</td><td class=n>" << s.count << "</td><td class=n>"
        << formatNumber(s.area) << "</td><td class=n>" << formatNumber(s.length) << "</td></tr>\n";
  }
  out << "<tr><th>total</th><th>" << total << "</th><th></th><th></th></tr></table>\n";
  out << "<p>Not listed (at or below the noise area): " << r.report.overlapsBelowMinArea << " overlaps, "
      << r.report.gapsBelowMinArea << " gaps.</p>\n";
  out << "<h2>Findings</h2>\n<p>Locations in " << htmlEscape(crsName(r, crs))
      << ".</p>\n<table><tr><th>#</th><th>Type</th><th>Parcel ids</th><th>fids</th><th>Area (m²)</th>"
         "<th>Length (m)</th><th>Location</th><th>Message</th></tr>\n";
  int n = 0;
  for (const auto& f : r.report.findings) {
    auto c = conv(f);
    if (!c) return std::unexpected(c.error());
    char loc[96];
    std::snprintf(loc, sizeof loc, crs == ReportCrs::Wgs84 ? "%.7f, %.7f" : "%.3f, %.3f", c->location.x, c->location.y);
    out << "<tr><td class=n>" << ++n << "</td><td>" << geo::analysis::findingTypeName(f.type) << "</td><td>"
        << htmlEscape(idsText(f)) << "</td><td>" << joinInts(f.fids) << "</td><td class=n>" << formatNumber(f.area)
        << "</td><td class=n>" << formatNumber(f.length) << "</td><td>" << loc << "</td><td>" << htmlEscape(f.message)
        << "</td></tr>\n";
  }
  out << "</table>\n<p>Made by DoThi (exact arithmetic: CGAL).</p></body></html>\n";
  return out.str();
}

}  // namespace

std::vector<FindingSummary> summarizeFindings(const std::vector<Finding>& findings) {
  std::map<FindingType, FindingSummary> by;
  for (const auto& f : findings) {
    auto& s = by.try_emplace(f.type, FindingSummary{f.type}).first->second;
    ++s.count;
    s.area += f.area;
    s.length += f.length;
  }
  std::vector<FindingSummary> out;
  for (auto& [t, s] : by) out.push_back(s);
  return out;
}

json validationJson(const ValidationResult& r) {
  json counts = json::object();
  for (int t = 0; t < geo::analysis::kFindingTypeCount; ++t)
    counts[geo::analysis::findingTypeName(static_cast<FindingType>(t))] = 0;
  json findings = json::array();
  for (const auto& f : r.report.findings) {
    counts[geo::analysis::findingTypeName(f.type)] = counts[geo::analysis::findingTypeName(f.type)].get<int>() + 1;
    json j = findingProperties(f);
    j["location"] = {f.location.x, f.location.y};
    j["geometry"] = geometryToGeoJson(f.geometry);
    findings.push_back(std::move(j));
  }
  return {{"project", r.project}, {"layer", r.layer}, {"id_field", r.idField}, {"against", r.against},
          {"crs", r.crs}, {"parcels", r.report.parcels}, {"against_features", r.report.zones},
          {"options", optionsJson(r)}, {"orientation_convention", r.report.orientationConvention},
          {"seconds", r.seconds}, {"tiles", r.report.tiles}, {"finding_count", r.report.findings.size()},
          {"counts", counts}, {"overlaps_below_min_area", r.report.overlapsBelowMinArea},
          {"gaps_below_min_area", r.report.gapsBelowMinArea}, {"findings", findings}};
}

std::string validationText(const ValidationResult& r) {
  std::ostringstream out;
  char line[160];
  std::snprintf(line, sizeof line, "Validated %lld parcels of '%s' (id %s) in %.2f s: %zu findings\n",
                static_cast<long long>(r.report.parcels), r.layer.c_str(), r.idField.c_str(), r.seconds,
                r.report.findings.size());
  out << line;
  if (!r.report.findings.empty()) {
    std::snprintf(line, sizeof line, "  %-20s %8s %14s %12s\n", "finding", "count", "area (m²)", "length (m)");
    out << line;
    for (const auto& s : summarizeFindings(r.report.findings)) {
      std::snprintf(line, sizeof line, "  %-20s %8lld %14s %12s\n", geo::analysis::findingTypeName(s.type),
                    static_cast<long long>(s.count), formatNumber(s.area).c_str(), formatNumber(s.length).c_str());
      out << line;
    }
  }
  out << "Not listed, at or below " << r.options.minArea << " m² (digitising noise): " << r.report.overlapsBelowMinArea
      << " overlaps, " << r.report.gapsBelowMinArea << " gaps\n";
  out << "Shell orientation convention: " << r.report.orientationConvention << "\n";
  if (!r.against.empty()) out << "Checked against '" << r.against << "' (" << r.report.zones << " features)\n";
  return out.str();
}

geo::Result<std::string> writeValidationReport(const ValidationResult& r, const std::string& path, ReportCrs crs) {
  const std::string ext = lower(path.substr(path.find_last_of('.') == std::string::npos ? path.size() : path.find_last_of('.')));
  auto conv = Converter::create(r.crs, crs);
  if (!conv) return std::unexpected(conv.error());
  geo::Result<std::string> text = geo::fail(geo::ErrorCode::InvalidArgument,
                                            "unknown report format '" + ext + "': use .geojson, .csv or .html", path);
  std::string what;
  if (ext == ".geojson" || ext == ".json") {
    text = geojsonReport(r, *conv, crs);
    what = "GeoJSON, geometry in " + crsName(r, crs);
  } else if (ext == ".csv") {
    text = csvReport(r, *conv, crs);
    what = "CSV, WKT geometry in " + crsName(r, crs);
  } else if (ext == ".html" || ext == ".htm") {
    text = htmlReport(r, *conv, crs);
    what = "HTML, locations in " + crsName(r, crs);
  }
  if (!text) return std::unexpected(text.error());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return geo::fail(geo::ErrorCode::Io, "cannot write the report", path);
  out << *text;
  out.close();
  if (!out) return geo::fail(geo::ErrorCode::Io, "cannot write the report (disk full?)", path);
  return what;
}

}  // namespace dothi::app
