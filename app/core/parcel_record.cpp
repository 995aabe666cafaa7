#include "core/parcel_record.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/geometry_text.hpp"
#include "core/validate_layer.hpp"
#include "dothi/geo/analysis/adjacency.hpp"
#include "dothi/geo/analysis/finding.hpp"
#include "dothi/geo/analysis/geodesic.hpp"
#include "dothi/geo/analysis/overlay.hpp"
#include "dothi/geo/crs.hpp"

namespace dothi::app {

using nlohmann::json;

namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::optional<std::string> idOf(const geo::LayerInfo& info, const geo::Feature& f, const std::optional<std::size_t>& index) {
  if (!index) return std::to_string(f.id);
  if (*index >= f.attributes.size() || std::holds_alternative<std::monostate>(f.attributes[*index])) return std::nullopt;
  (void)info;
  return geo::valueToString(f.attributes[*index]);
}

geo::Extent grownBy(geo::Extent e, double d) { return {e.minX - d, e.minY - d, e.maxX + d, e.maxY + d}; }

geo::Result<void> addNeighbours(const geo::Project& project, const geo::LayerInfo& info,
                                const std::optional<std::size_t>& idIndex, double tolerance, ParcelRecord& r) {
  geo::Query q;
  q.bbox = grownBy(geo::extentOf(r.geometry), tolerance);
  auto read = project.forEachFeature(info.name, q, [&](const geo::Feature& f) {
    if (f.id == r.fid) return true;
    const double shared = geo::analysis::sharedBoundaryLength(r.geometry, f.geometry, tolerance);
    if (shared > 2 * tolerance) r.neighbours.push_back({f.id, idOf(info, f, idIndex), shared});
    return true;
  });
  if (!read) return std::unexpected(read.error());
  std::sort(r.neighbours.begin(), r.neighbours.end(),
            [](const Neighbour& a, const Neighbour& b) { return a.sharedLength > b.sharedLength; });
  return {};
}

geo::Result<void> addZones(const geo::Project& project, ParcelRecord& r) {
  for (const auto& layer : project.layers()) {
    if (layer.name == r.layer || (layer.kind != geo::LayerKind::Landuse && layer.kind != geo::LayerKind::Zoning)) continue;
    if (geo::dimensionOf(layer.geometryType) != 2) continue;
    std::vector<geo::Feature> candidates;
    geo::Query q;
    q.bbox = geo::extentOf(r.geometry);
    auto read = project.forEachFeature(layer.name, q, [&](const geo::Feature& f) {
      candidates.push_back(f);
      return true;
    });
    if (!read) return std::unexpected(read.error());
    std::vector<const geo::Geometry*> zones;
    for (const auto& c : candidates) zones.push_back(&c.geometry);
    auto areas = geo::analysis::intersectionAreas({&r.geometry}, zones);
    if (!areas) return std::unexpected(areas.error());
    for (const auto& [pair, area] : *areas) {
      if (area <= 0.01) continue;  // boundary noise
      const auto& f = candidates[pair.second];
      r.zones.push_back({layer.name, geo::layerKindName(layer.kind), f.id, zoneLabel(layer, f), area,
                         r.planarArea > 0 ? area / r.planarArea : 0});
    }
  }
  std::sort(r.zones.begin(), r.zones.end(), [](const auto& a, const auto& b) {
    return a.layer != b.layer ? a.layer < b.layer : a.area > b.area;
  });
  return {};
}

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string name(const ParcelRecord& r) {
  return (r.idField == "fid" ? std::string("fid ") + std::to_string(r.fid)
                             : r.idField + "=" + r.id.value_or("(none)") + " (fid " + std::to_string(r.fid) + ")");
}

}  // namespace

geo::Result<ParcelRecord> parcelRecord(const geo::Project& project, const std::string& layer, std::int64_t fid,
                                       const std::string& idField, double neighbourTolerance) {
  auto info = project.layer(layer);
  if (!info) return geo::fail(geo::ErrorCode::NotFound, "no layer named '" + layer + "'", project.path());
  std::optional<std::size_t> idIndex;
  if (!idField.empty() && idField != "fid") {
    idIndex = geo::fieldIndex(info->fields, idField);
    if (!idIndex) return geo::fail(geo::ErrorCode::NotFound, "layer '" + layer + "' has no field '" + idField + "'", project.path());
  }
  auto feature = project.feature(layer, fid);
  if (!feature) return std::unexpected(feature.error());
  if (!*feature) return geo::fail(geo::ErrorCode::NotFound, "layer '" + layer + "' has no feature " + std::to_string(fid), project.path());
  const geo::Feature& f = **feature;
  ParcelRecord r;
  r.layer = layer;
  r.idField = idIndex ? info->fields[*idIndex].name : "fid";
  r.crs = project.crs();
  r.fid = f.id;
  r.id = idOf(*info, f, idIndex);
  for (std::size_t i = 0; i < info->fields.size(); ++i)
    r.attributes.emplace_back(info->fields[i].name, i < f.attributes.size() ? geo::valueToString(f.attributes[i]) : "");
  r.geometry = f.geometry;
  r.planarArea = geo::area(f.geometry);
  r.planarPerimeter = geo::length(f.geometry);
  r.location = geo::analysis::interiorPoint(f.geometry);
  auto geodesic = geo::analysis::GeodesicCalculator::create(r.crs);
  if (!geodesic) return std::unexpected(geodesic.error());
  auto m = geodesic->measure(f.geometry, 1.0);
  if (!m) return std::unexpected(m.error());
  r.geodesicArea = m->area;
  r.geodesicPerimeter = m->perimeter;
  r.geodesicBasis = geodesic->description();
  if (auto toWgs = geo::Transformer::create(r.crs, "EPSG:4326")) {
    geo::Point p = r.location;
    if (toWgs->transform(p)) r.lonLat = p;
  }
  if (auto n = addNeighbours(project, *info, idIndex, neighbourTolerance, r); !n) return std::unexpected(n.error());
  if (auto z = addZones(project, r); !z) return std::unexpected(z.error());
  return r;
}

geo::Result<std::vector<ParcelRecord>> parcelRecords(const geo::Project& project, const ParcelQuery& q) {
  auto info = project.layer(q.layer);
  if (!info) return geo::fail(geo::ErrorCode::NotFound, "no layer named '" + q.layer + "'", project.path());
  const std::string wanted = trimmed(q.value);
  std::vector<std::int64_t> fids;
  if (q.idField.empty() || q.idField == "fid") {
    try {
      fids.push_back(std::stoll(wanted));
    } catch (const std::exception&) {
      return geo::fail(geo::ErrorCode::InvalidArgument, "'" + q.value + "' is not a fid");
    }
  } else {
    auto index = geo::fieldIndex(info->fields, q.idField);
    if (!index) return geo::fail(geo::ErrorCode::NotFound, "layer '" + q.layer + "' has no field '" + q.idField + "'", project.path());
    auto read = project.forEachFeature(q.layer, {}, [&](const geo::Feature& f) {
      if (*index < f.attributes.size() && trimmed(geo::valueToString(f.attributes[*index])) == wanted && !wanted.empty())
        fids.push_back(f.id);
      return true;
    });
    if (!read) return std::unexpected(read.error());
  }
  std::vector<ParcelRecord> out;
  for (auto fid : fids) {
    auto r = parcelRecord(project, q.layer, fid, q.idField, q.neighbourTolerance);
    if (!r) return std::unexpected(r.error());
    out.push_back(std::move(*r));
  }
  if (out.empty())
    return geo::fail(geo::ErrorCode::NotFound, "no parcel of '" + q.layer + "' has " +
                                                   (q.idField.empty() ? std::string("fid") : q.idField) + " = " + q.value,
                     project.path());
  return out;
}

json parcelJson(const ParcelRecord& r) {
  json attrs = json::object();
  for (const auto& [k, v] : r.attributes) attrs[k] = v;
  json neighbours = json::array();
  for (const auto& n : r.neighbours)
    neighbours.push_back({{"fid", n.fid}, {"id", n.id ? json(*n.id) : json(nullptr)}, {"shared_length_m", n.sharedLength}});
  json zones = json::array();
  for (const auto& z : r.zones)
    zones.push_back({{"layer", z.layer}, {"kind", z.kind}, {"fid", z.fid}, {"label", z.label}, {"area_m2", z.area},
                     {"share", z.share}});
  json j = {{"layer", r.layer}, {"fid", r.fid}, {"id_field", r.idField}, {"id", r.id ? json(*r.id) : json(nullptr)},
            {"crs", r.crs}, {"attributes", attrs}, {"planar_area_m2", r.planarArea},
            {"planar_perimeter_m", r.planarPerimeter}, {"geodesic_area_m2", r.geodesicArea},
            {"geodesic_perimeter_m", r.geodesicPerimeter}, {"geodesic_basis", r.geodesicBasis},
            {"location", {r.location.x, r.location.y}}, {"neighbours", neighbours}, {"zones", zones},
            {"geometry", geometryToGeoJson(r.geometry)}};
  j["lon_lat"] = r.lonLat ? json::array({r.lonLat->x, r.lonLat->y}) : json(nullptr);
  return j;
}

std::string parcelText(const ParcelRecord& r) {
  std::ostringstream out;
  out << "Parcel " << name(r) << " of layer '" << r.layer << "'\n";
  out << "  area, planar (" << r.crs << "):   " << fmt("%.2f", r.planarArea) << " m²\n";
  out << "  area, geodesic (" << r.geodesicBasis << "): " << fmt("%.2f", r.geodesicArea) << " m²";
  if (r.geodesicArea > 0) out << "  (planar / geodesic = " << fmt("%.6f", r.planarArea / r.geodesicArea) << ")";
  out << "\n  perimeter: " << fmt("%.2f", r.planarPerimeter) << " m planar, " << fmt("%.2f", r.geodesicPerimeter)
      << " m geodesic\n";
  out << "  location: " << fmt("%.3f", r.location.x) << ", " << fmt("%.3f", r.location.y) << " (" << r.crs << ")";
  if (r.lonLat) out << " = " << fmt("%.7f", r.lonLat->y) << " N, " << fmt("%.7f", r.lonLat->x) << " E";
  out << "\n  attributes:\n";
  for (const auto& [k, v] : r.attributes) out << "    " << k << ": " << v << "\n";
  out << "  neighbours sharing an edge: " << r.neighbours.size() << "\n";
  for (const auto& n : r.neighbours)
    out << "    " << (r.idField == "fid" ? "fid " + std::to_string(n.fid)
                                          : r.idField + "=" + n.id.value_or("(none)") + " (fid " + std::to_string(n.fid) + ")")
        << ": " << fmt("%.2f", n.sharedLength) << " m\n";
  out << "  land use / zoning: " << (r.zones.empty() ? "none found in the project" : "") << "\n";
  for (const auto& z : r.zones)
    out << "    " << z.layer << " (" << z.kind << "): " << z.label << ", " << fmt("%.2f", z.area) << " m² ("
        << fmt("%.1f", 100 * z.share) << "%)\n";
  return out.str();
}

}  // namespace dothi::app
